"""Name comparison: is the host's name an official name typed, spelled or suffixed wrongly?

Compares the registrable label and the whole name left of the public suffix against every
official name through hash lookups (compact form, confusable skeleton, visual skeleton,
symmetric-deletion keys), then verifies edit distance with OSA (a transposition is one edit).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Final

from domainguard._host import Host
from domainguard._index import (
    GOV_TOKENS,
    MIN_TYPO_LENGTH,
    Name,
    RegistryIndex,
    compact,
    tokens,
)
from domainguard._keyboard import neighbours
from domainguard._near import MIN_TWO_EDIT_LENGTH
from domainguard._skeleton import skeleton, visual_skeleton
from domainguard._suffixes import split_suffix
from domainguard._verdict import Reason, make_reason

__all__ = ["check_names", "describe_edit", "misspelt_name"]

# A brand beside other words is read through one slip when both are at least this long
# (kemendagrl-ikd.com); look-alike letters count from MIN_TYPO_LENGTH (dukcapi1-online.com).
MIN_SLIP_IN_COMBO: Final = 7
# Letter pairs that read as one letter (Chromium's and dnstwist's ASCII look-alikes)
_LOOKALIKE_PAIRS: Final = (("vv", "w"), ("rn", "m"), ("cl", "d"), ("lc", "k"))
# Token pairs that spell a government suffix inside a name: go-id.com, layanan-gov-id.xyz
_GOV_PAIRS: Final = frozenset({("go", "id"), ("gov", "id"), ("govt", "id")})


# rapidfuzz's OSA distance, imported when first needed: most hosts never reach a distance, and
# importing rapidfuzz took about 5 ms of the 50 to 65 of `import domainguard` (measured with
# benchmarks/throughput.py's start-up figures)
_distance: Callable[..., int] | None = None


def _osa(seen: str, official: str, score_cutoff: int | None = None) -> int:
    """Optimal string alignment distance (a transposition is one edit); past ``score_cutoff``,
    ``score_cutoff + 1``."""
    global _distance
    if _distance is None:
        from rapidfuzz.distance import OSA

        _distance = OSA.distance
    return _distance(seen, official, score_cutoff=score_cutoff)


def describe_edit(seen: str, official: str) -> str:
    """A language-neutral description of one edit: "'a' → 'e'", "+'a'", "-'a'", "'ag' ↔ 'ga'"."""
    if len(seen) == len(official):
        diff = [i for i, (a, b) in enumerate(zip(seen, official, strict=True)) if a != b]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and seen[diff[0]] == official[diff[1]] \
                and seen[diff[1]] == official[diff[0]]:
            i = diff[0]
            return f"'{official[i:i + 2]}' ↔ '{seen[i:i + 2]}'"
        return ", ".join(f"'{official[i]}' → '{seen[i]}'" for i in diff[:3])
    if _osa(seen, official, score_cutoff=2) > 1:
        return f"{_osa(seen, official)} edits"
    if len(seen) == len(official) + 1:
        for i, char in enumerate(seen):
            if i >= len(official) or official[i] != char:
                return f"+'{char}'"
    if len(seen) + 1 == len(official):
        for i, char in enumerate(official):
            if i >= len(seen) or seen[i] != char:
                return f"-'{char}'"
    return f"{_osa(seen, official)} edits"


def _describe_chars(seen: str) -> str:
    odd = [c for c in seen if not c.isascii()]
    shown = []
    for char in dict.fromkeys(odd):
        name = unicodedata.name(char, "")
        shown.append(f"'{char}' U+{ord(char):04X} {name}".strip())
    return "; ".join(shown[:3]) or seen


def _indonesian(host: Host) -> bool:
    """Under .id or one of its second levels: where a short acronym's copy is a real threat."""
    return host.labels[-1] == "id"


def _distinctive(name: Name, host: Host, index: RegistryIndex) -> bool:
    """May a bare name match (other suffix, lookalike letters, typo) count as an imitation?

    Short acronyms (bps, pu, dpd), bare region names (batam, jakarta) and everyday words
    (mail, data) are everybody's names: jakarta.com or latam.com imitate no city hall. Their
    copies count only under .id, where a scammer registers them to look Indonesian-official;
    everyday words never count.
    """
    if name.compact in index.generic_words:
        return False
    if len(name.compact) < MIN_TYPO_LENGTH or name.compact in index.region_names:
        return _indonesian(host)
    return True


def _best(names: tuple[Name, ...], whole: bool) -> Name:
    for name in names:
        if name.whole == whole:
            return name
    return names[0]


def _compare(query: str, whole: bool, host: Host, index: RegistryIndex) -> list[Reason]:
    flat = compact(query)
    if not flat:
        return []
    shown = host.unicode
    non_ascii = not flat.isascii()
    exact = index.by_compact.get(flat)
    if exact:
        name = _best(exact, whole)
        if not _distinctive(name, host, index):
            return []
        if query == name.raw:
            return [make_reason("official_name_other_suffix", target=name.entry.domain,
                                matched=shown, detail="." + host.suffix)]
        return [make_reason("hyphen_or_dot_variant", target=name.entry.domain, matched=shown,
                            detail=query)]
    sk = skeleton(flat)
    same = index.by_skeleton.get(sk)
    if same:
        name = _best(same, whole)
        # Unicode look-alike letters are a cue of their own, even in a short or everyday name
        # (bppț.com, tést.net): nobody types them by accident
        if not non_ascii and not _distinctive(name, host, index):
            return []
        code = "homoglyph_of_official" if non_ascii else "ascii_lookalike_of_official"
        detail = _describe_chars(flat) if non_ascii else describe_edit(flat, name.compact)
        return [make_reason(code, target=name.entry.domain, matched=shown, detail=detail)]
    seen_visual = visual_skeleton(flat)
    visual = index.by_visual.get(seen_visual)
    if not visual and ("lc" in flat or "1" in flat):
        # "lc" reads as "k" (lcemenag) and "1" as "i" before "cl" can read as "d" (c1mahi);
        # rewritten only in the query, so an official "public" never becomes "pubik"
        variant = flat.replace("1", "i").replace("lc", "k")
        visual = index.by_visual.get(visual_skeleton(variant))
    if visual:
        name = _best(visual, whole)
        if not non_ascii and not _distinctive(name, host, index):
            return []
        code = "homoglyph_of_official" if non_ascii else "ascii_lookalike_of_official"
        detail = _describe_chars(flat) if non_ascii else f"{flat} ≈ {name.compact}"
        return [make_reason(code, target=name.entry.domain, matched=shown, detail=detail)]
    if len(sk) < MIN_TYPO_LENGTH:
        return []
    reasons: list[Reason] = []
    # each candidate with the form of the query that reached it
    found = index.near.near(sk)
    candidates = [(candidate, sk) for candidate in sorted(found)] if found else []
    if seen_visual != sk:
        # look-alike letter pairs and a slip together: myethervvallct (vv for w, c for e);
        # each pair read on its own, as "lc" in "allct" is no k
        for pair, letter in _LOOKALIKE_PAIRS:
            if pair in sk:
                variant = sk.replace(pair, letter)
                candidates.extend((candidate, variant)
                                  for candidate in sorted(index.near.near(variant))
                                  if candidate not in found)
    for candidate, query in candidates:
        shortest = min(len(candidate), len(query))
        if shortest < MIN_TYPO_LENGTH:
            continue
        limit = 2 if shortest >= MIN_TWO_EDIT_LENGTH else 1
        if query is not sk:
            limit = 1  # the look-alike letters are the first slip
        distance = _osa(query, candidate, score_cutoff=limit)
        if 0 < distance <= limit and not (
                _chance_substitution(query, candidate) and not _indonesian(host)):
            name = _best(index.by_skeleton[candidate], whole)
            if not non_ascii and not _distinctive(name, host, index):
                continue
            if non_ascii:
                reasons.append(make_reason("homoglyph_of_official", target=name.entry.domain,
                                           matched=shown, detail=_describe_chars(flat)))
            elif query is not sk:
                reasons.append(make_reason("ascii_lookalike_of_official",
                                           target=name.entry.domain, matched=shown,
                                           detail=f"{flat} ≈ {name.compact}", weight=75))
            else:
                reasons.append(make_reason("typo_of_official", target=name.entry.domain,
                                           matched=shown, detail=describe_edit(sk, candidate),
                                           weight=85 if distance == 1 else 75))
    return reasons


def _chance_substitution(seen: str, official: str) -> bool:
    """One letter of a five-letter name replaced by one that neither neighbours it on the
    keyboard nor differs from it by one bit (lapar for lapan and lapor): outside .id, a name
    that short is another word more often than a slip (as short acronyms are, see
    _distinctive). Longer names, and other edits, are never chance."""
    if len(seen) != len(official) or len(seen) > MIN_TYPO_LENGTH:
        return False
    diff = [i for i, (a, b) in enumerate(zip(seen, official, strict=True)) if a != b]
    if len(diff) != 1:
        return False  # a transposition
    typed, meant = seen[diff[0]], official[diff[0]]
    return typed not in neighbours(meant) and (ord(typed) ^ ord(meant)).bit_count() != 1


def _near_name(rest: str, index: RegistryIndex) -> tuple[Name, ...] | None:
    """Official names one typo from ``rest`` (kemendgari), for names long enough to trust."""
    sk = skeleton(rest)
    if len(sk) < MIN_TYPO_LENGTH:
        return None
    for candidate in sorted(index.near.near(sk)):
        if len(candidate) >= MIN_TYPO_LENGTH and _osa(sk, candidate, score_cutoff=1) == 1:
            return index.by_skeleton[candidate]
    return None


def misspelt_name(word: str, index: RegistryIndex) -> Name | None:
    """The distinctive official name ``word`` spells with look-alike letters or one slip
    (dukcapi1, dukcapll, kemendagrl), for names long enough to trust; not ``word`` itself."""
    if len(word) < MIN_TYPO_LENGTH or word in index.by_compact:
        return None
    names = index.by_skeleton.get(skeleton(word)) or index.by_visual.get(visual_skeleton(word))
    if not names and len(word) >= MIN_SLIP_IN_COMBO:
        # a slip, not look-alike letters: everyday words lie one slip from short names
        # (warga, karga), so only long names count
        names = _near_name(word, index)
        if names and len(names[0].compact) < MIN_SLIP_IN_COMBO:
            names = None
    if not names:
        return None
    name = names[0]
    # region names and everyday words are everybody's: bintang is a star, not Sintang
    if name.compact in index.generic_words or name.compact in index.region_names \
            or len(name.compact) < MIN_TYPO_LENGTH:
        return None
    return name


def _www_glued(label: str, host: Host, index: RegistryIndex) -> list[Reason]:
    """www-kemendagri.com, wwwmyetherwallet.com: "www." with its dot made a hyphen or
    dropped, before an official name (as it is, or mistyped, or under another ending)."""
    rest = label[3:].lstrip("-")
    if len(rest) < MIN_TYPO_LENGTH:
        return []
    found = _compare(rest, True, host, index)
    same_ending = [name for name in index.by_compact.get(compact(rest), ())
                   if name.suffix == host.suffix]
    if found and same_ending:
        # nothing but the glued www: the official name with a dot made a hyphen or dropped
        return [make_reason("hyphen_or_dot_variant", target=same_ending[0].entry.domain,
                            matched=host.unicode, detail=label)]
    return found


def _glued_suffix(query: str, host: Host, index: RegistryIndex) -> list[Reason]:
    """kemendagrigo.id, kemendagri-go-id.com, kemendgari.go-id.com: the government suffix
    made part of the name, the name possibly mistyped as well."""
    flat = compact(query)
    glues = index.glue_endings
    if not flat.endswith(glues):
        return []  # one C call settles most names
    for glue in glues:
        if flat.endswith(glue) and len(flat) >= len(glue) + 2:
            rest = flat[: -len(glue)]
            names = (index.by_compact.get(rest) or index.by_skeleton.get(skeleton(rest))
                     or _near_name(rest, index))
            if names and len(rest) < MIN_TYPO_LENGTH and not (
                glue in ("goid", "govid") or glue == compact(names[0].suffix)
                or _indonesian(host)
            ):
                names = None  # biggo.com.tw is not big.go.id; bps-go-id.com and bpsgo.id are
            if names:
                # a glued go.id fakes the government ending; any other glued ending (org,
                # coid) is the official name with its dot removed
                name = names[0]
                if glue in GOV_TOKENS:
                    code, detail = "government_suffix_imitation", query
                elif compact(name.suffix).startswith(glue):  # plnco.id, lpsepatikaborg.com
                    code, detail = "hyphen_or_dot_variant", query
                else:  # kemendagricoid.com: another ending glued on
                    code, detail = "official_name_other_suffix", glue
                return [make_reason(code, target=name.entry.domain, matched=host.unicode,
                                    detail=detail)]
    return []


def check_names(host: Host, index: RegistryIndex) -> list[Reason]:
    """Compare the host's registrable label and whole name with every official name."""
    if host.ip or host.suffix_index == 0:
        return []
    labels = list(host.unicode_labels[: host.suffix_index])
    reasons: list[Reason] = []
    if len(labels) > 1:
        reasons.extend(_compare(".".join(labels), True, host, index))
    while not reasons and len(labels) > 1 and labels[0] in index.generic_words:
        labels.pop(0)  # www.kemendagri.co.id is compared as kemendagri.co.id
        if len(labels) > 1:
            reasons.extend(_compare(".".join(labels), True, host, index))
    if not reasons:
        reasons.extend(_compare(labels[-1], len(labels) == 1, host, index))
    if not reasons and labels[-1].startswith("www") and len(labels[-1]) > 3:
        reasons.extend(_www_glued(labels[-1], host, index))
    # two slips are often a glued or mistyped ending (kemendagrigo, sscasn.bkn.g0): the
    # ending's own reason says more, so it is looked for as if nothing had been found
    vague = not reasons or all(r.code == "typo_of_official" and r.detail.endswith("edits")
                               for r in reasons)
    if vague:
        reasons = _glued_suffix(labels[-1], host, index) or reasons
    if vague and len(labels) > 1:
        reasons = _glued_suffix(".".join(labels), host, index) or reasons
    if vague and len(host.labels) - host.suffix_index == 1 and len(host.labels) > 2:
        reasons = _mistyped_suffix(host, index) or reasons
    if not reasons:
        reasons.extend(_government_suffix_in_name(host))
    if not reasons and not host.suffix_known and not host.unicode_labels[-1].isascii():
        reasons.extend(_spoofed_suffix(host, index))
    return reasons


def _mistyped_suffix(host: Host, index: RegistryIndex) -> list[Reason]:
    """bkn.g0.id, kemendagri.qo.id, sscasn.bkn.gо.id (Cyrillic о): an official name intact,
    its two-label ending (go.id, co.id) mistyped or spelled with look-alike letters, so that
    the public suffix is only the last label."""
    labels = host.unicode_labels  # the caller saw one suffix label (not co.id) and a name
    seen = ".".join(labels[-2:])
    name_labels = labels[:-2]
    queries = [".".join(name_labels)]
    if len(name_labels) > 1:
        queries.append(name_labels[-1])  # x.bkn.g0.id imitates bkn.go.id
    for query in queries:
        for name in index.by_compact.get(compact(query), ()):
            official = name.suffix
            if official.count(".") != 1 or official == seen:
                continue
            if skeleton(seen) == skeleton(official):
                if not seen.isascii():
                    code, detail = "homoglyph_of_official", _describe_chars(seen)
                else:
                    code, detail = "ascii_lookalike_of_official", describe_edit(seen, official)
            elif _osa(seen, official, score_cutoff=1) == 1 or _osa(
                    skeleton(seen), skeleton(official), score_cutoff=1) == 1:
                # one slip, possibly beside look-alike letters: bkn.q0.id (q for g, 0 for o)
                code = "typo_of_official" if seen.isascii() else "homoglyph_of_official"
                detail = describe_edit(seen, official) if seen.isascii() \
                    else _describe_chars(seen)
            else:
                continue
            return [make_reason(code, target=name.entry.domain, matched=host.unicode,
                                detail=detail)]
    return []


def _spoofed_suffix(host: Host, index: RegistryIndex) -> list[Reason]:
    """test.nét: an unknown Unicode ending whose skeleton is a real one (net)."""
    labels = tuple(skeleton(label) for label in host.unicode_labels)
    match = split_suffix(labels)
    if not match.known or match.index == 0:
        return []
    suffix = ".".join(labels[match.index :])
    for name in index.by_skeleton.get(labels[match.index - 1], ()):
        if skeleton(name.suffix) == suffix:
            return [make_reason("homoglyph_of_official", target=name.entry.domain,
                                matched=host.unicode,
                                detail=_describe_chars(host.unicode_labels[-1]))]
    return []


def _government_suffix_in_name(host: Host) -> list[Reason]:
    """go-id.com, portal.gov.id, layanan-goid.xyz: a fake government suffix with no brand."""
    if "go" not in host.ascii:
        return []  # every form below has "go" in it (most hosts)
    words = tokens(host.labels)
    name_words = len(tokens(host.labels[: host.suffix_index]))
    for i, word in enumerate(words[:name_words]):
        pair = (word, words[i + 1]) if i + 1 < len(words) else None
        if word in ("goid", "govid") or pair in _GOV_PAIRS or (
            word == "gov" and host.suffix.endswith("id")
        ):
            return [make_reason("government_suffix_in_name", matched=host.unicode,
                                detail=".".join(pair) if pair in _GOV_PAIRS and pair else word)]
    return []
