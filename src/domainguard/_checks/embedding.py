"""Target embedding: an official host, or its name plus a fake government suffix, inside a host.

``dukcapil.kemendagri.go.id.aktivasi.com``, ``dukcapil-kemendagri-go-id.online``,
``kemendagri.go.id-verify.com``, ``kemendagri.gov.id``: the host is split on dots and hyphens
and every official token sequence is looked up by its first token.
"""

from __future__ import annotations

from domainguard._host import Host
from domainguard._index import GOV_TOKENS, RegistryIndex, tokens
from domainguard._skeleton import readable_labels
from domainguard._verdict import Reason, make_reason

__all__ = ["check_embedding"]


def check_embedding(host: Host, index: RegistryIndex) -> list[Reason]:
    if host.ip:
        return []
    labels = host.labels
    if labels is not host.unicode_labels:
        labels = readable_labels(labels, host.unicode_labels)  # a Cyrillic е reads as e
    found = tokens(labels)
    owner = host.registrable or host.ascii
    best: tuple[int, Reason] | None = None
    starts = index.sequences
    for start, token in enumerate(found):
        if token not in starts:
            continue  # most tokens start no official sequence: no call to look for one
        for sequence, name_length, entry in index.sequences_at(found, start):
            end = start + len(sequence)
            if tuple(found[start:end]) == sequence:
                if end == len(found):
                    continue  # kemendagri-go.id is the name with the suffix glued: a names case
                if best is None or len(sequence) > best[0]:
                    best = (len(sequence), make_reason(
                        "official_host_embedded", target=entry.domain, matched=host.unicode,
                        detail=owner))
                continue
            after = start + name_length
            if (name_length and after < len(found)
                    and tuple(found[start:after]) == sequence[:name_length]
                    and found[after] in GOV_TOKENS):
                fake = ".".join(found[after : after + 2])
                reason = make_reason("government_suffix_imitation", target=entry.domain,
                                     matched=host.unicode, detail=fake)
                if best is None or name_length > best[0]:
                    best = (name_length, reason)
    return [] if best is None else [best[1]]
