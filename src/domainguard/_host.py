"""Host name → labels, ASCII and Unicode forms, public suffix and registrable domain.

Input is the ASCII host a WHATWG parser produced (already lowercased and UTS #46-mapped).
DNS length limits are checked here, before any expensive work. Pure: no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Final

from domainguard._suffixes import SuffixMatch, split_suffix, under_wildcard
from domainguard._url import URLProblem

__all__ = ["Host", "analyse_host", "decode_label"]

MAX_HOST: Final = 253
MAX_LABEL: Final = 63
_IPV4: Final = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}\Z")


@dataclass(slots=True, kw_only=True)  # not frozen: internal, and a frozen init costs 3× more
class Host:
    """A host split the way the Public Suffix List splits it. Treat as read-only."""

    ascii: str
    unicode: str
    labels: tuple[str, ...]  # ASCII labels
    unicode_labels: tuple[str, ...]
    suffix_index: int  # labels[suffix_index:] is the public suffix
    suffix_known: bool  # False: unknown TLD, the PSL's default rule applied
    private_suffix: bool  # the suffix is run by a company (PSL private section): a tenant host
    ip: bool
    # eTLD+1 in ASCII, or "" for IP addresses and bare suffixes; worked out once, read often
    registrable: str = field(init=False)

    def __post_init__(self) -> None:
        at = self.suffix_index
        self.registrable = "" if self.ip or at == 0 else ".".join(self.labels[at - 1 :])

    @property
    def suffix(self) -> str:
        return ".".join(self.labels[self.suffix_index :])


def decode_label(label: str) -> str | None:
    """Unicode form of an ASCII label; None for broken punycode."""
    if not label.startswith("xn--"):
        return label
    try:
        # The WHATWG parser has validated the label already; plain punycode decoding also
        # copes with code points that IDNA 2008 forbids but browsers open (emoji).
        decoded = label[4:].encode("ascii").decode("punycode").lower()
    except (UnicodeError, ValueError):
        return None
    # UTS #46 refuses an A-label that decodes to plain ASCII (xn--example-): not a real IDN
    return None if decoded.isascii() else decoded


def _breaks_bidi_rule(labels: list[str]) -> bool:
    """RFC 5893, which UTS #46 applies with CheckBidi (as browsers do): a domain with any
    right-to-left label must have every label follow the Bidi rule."""
    if all(label.isascii() for label in labels):
        return False
    if not any(unicodedata.bidirectional(c) in ("R", "AL", "AN") for label in labels
               for c in label):
        return False
    import idna  # only right-to-left hosts get here: keep it off the import path

    try:
        for label in labels:
            idna.check_bidi(label, check_ltr=True)
    except idna.IDNAError:
        return True
    return False


def _tenant_at(match: SuffixMatch, labels: tuple[str, ...]) -> int:
    """For a host that is a public suffix whole: 1 where a platform's wildcard rule
    (*.my.canva.site) made the tenant's own name a suffix, so that the name is judged as any
    other platform tenant's is (dukcapil-online.my.canva.site); else 0."""
    return 1 if match.private and under_wildcard(labels) else 0


def analyse_host(hostname: str) -> Host | URLProblem:
    """Split an ASCII host from the URL parser; never raises on a ``str``."""
    host = hostname[:-1] if hostname.endswith(".") else hostname
    if len(host) > MAX_HOST:
        return URLProblem("host_too_long", host[:64] + "…", str(len(host)))
    if host.startswith("["):
        return Host(ascii=host, unicode=host, labels=(host,), unicode_labels=(host,),
                    suffix_index=1, suffix_known=False, private_suffix=False, ip=True)
    if host[-1:].isdigit() and _IPV4.match(host):
        labels = tuple(host.split("."))
        return Host(ascii=host, unicode=host, labels=labels, unicode_labels=labels,
                    suffix_index=4, suffix_known=False, private_suffix=False, ip=True)
    labels = tuple(host.split("."))
    if host.isascii() and "xn--" not in host and "" not in labels and \
            max(map(len, labels)) <= MAX_LABEL:
        # the common case: no A-label to decode, nothing right-to-left, nothing to report
        match = split_suffix(labels)
        return Host(ascii=host, unicode=host, labels=labels, unicode_labels=labels,
                    suffix_index=match.index or _tenant_at(match, labels), suffix_known=match.known,
                    private_suffix=match.private, ip=False)
    unicode_labels: list[str] = []
    for label in labels:
        if not label:
            return URLProblem("invalid_host", hostname, "empty label")
        if len(label) > MAX_LABEL:
            return URLProblem("label_too_long", label[:64] + "…", str(len(label)))
        decoded = decode_label(label)
        if decoded is None:
            return URLProblem("invalid_punycode", label)
        unicode_labels.append(decoded)
    if _breaks_bidi_rule(unicode_labels):
        return URLProblem("invalid_host", hostname, "breaks the bidirectional text rule")
    match = split_suffix(labels)
    return Host(
        ascii=host,
        unicode=".".join(unicode_labels),
        labels=labels,
        unicode_labels=tuple(unicode_labels),
        suffix_index=match.index or _tenant_at(match, labels),
        suffix_known=match.known,
        private_suffix=match.private,
        ip=False,
    )
