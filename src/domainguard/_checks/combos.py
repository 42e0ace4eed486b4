"""Combosquatting: official brand, service and region words joined with other words.

``aktivasi-ikd-dukcapil.xyz``, ``capil-purbalingga.org``, ``dukcapil-kemendagri.blogspot.com``.
Brands come from the registry's own labels (so any registry is protected); the civil-registry
vocabulary and region names come from the package's data files. Guards against false alarms:
short or regional brands need a lure, service or government word beside them, a bare region
name is never enough, and words many domains share are not brands.
"""

from __future__ import annotations

from typing import Final

from domainguard._host import Host
from domainguard._index import MIN_GLUED_BRAND, RegistryIndex, strip_region_affixes, tokens
from domainguard._registry import Entry
from domainguard._verdict import Reason, make_reason

__all__ = ["check_combos"]

# Brands this long are distinctive enough that any other word beside them is suspect.
STRONG_BRAND: Final = 7
# Words that claim a government is behind the name. Everyday words (kota, kabupaten) are not
# enough: wisata-kota-bandung.com is a tourism site.
_GOV_CUES: Final = frozenset({"pemkab", "pemkot", "pemko", "pemprov", "pemda", "pemerintah",
                              "kab", "prov", "go", "gov", "goid", "govid"})
_REGIONAL_KINDS: Final = frozenset({"regional-government", "regional-dukcapil",
                                    "regional-service"})


def _vocabulary_word(token: str, vocabulary: frozenset[str]) -> str | None:
    """The vocabulary word ``token`` is, or starts or ends with when glued (dukcapilonline).

    Glued forms count only for long words: "kkbox" does not contain the word "kk".
    """
    if token in vocabulary:
        return token
    for length in range(min(len(token) - 1, _LONGEST_WORD), MIN_GLUED_BRAND - 1, -1):
        for piece in (token[:length], token[-length:]):
            if piece in vocabulary:
                return piece
    return None


_LONGEST_WORD: Final = 32  # longer vocabulary words are not looked for inside glued tokens


def _glued_with_lure(token: str, index: RegistryIndex) -> tuple[str, Entry, str] | None:
    """A brand glued to a lure word with no hyphen: ceklapor, laporaktivasi, bknlogin."""
    for length in range(min(len(token) - 2, _LONGEST_WORD), 2, -1):
        for lure, rest in ((token[:length], token[length:]), (token[-length:], token[:-length])):
            if lure in index.lure_words or lure in index.service_words:
                entry = index.brands.get(rest) or index.short_brands.get(rest)
                if entry is not None:
                    return rest, entry, lure
    return None


def _region(token: str, index: RegistryIndex) -> str | None:
    if token in index.region_tokens:
        return token
    base = strip_region_affixes(token)
    return base if base != token and base in index.region_tokens else None


def check_combos(host: Host, index: RegistryIndex) -> list[Reason]:
    if host.ip or host.suffix_index == 0:
        return []
    words = [t for t in tokens(host.labels[: host.suffix_index]) if t not in ("www",)]
    if not words:
        return []
    platform = host.suffix if host.private_suffix else None
    lures = [w for w in words if w in index.lure_words]
    # lure words that are not everyday words too (online, info, portal are both)
    pushy = [w for w in lures if w not in index.generic_words]
    cues = [w for w in words if w in _GOV_CUES]
    civil = [c for c in (_vocabulary_word(w, index.civil_words) for w in words) if c]
    services = [s for s in (_vocabulary_word(w, index.service_words) for w in words)
                if s is not None and s not in _GOV_CUES]
    # (token, region name): "batangkab" names Kabupaten Batang and, being an official label
    # itself, the very entry batangkab.go.id rather than any Batang (bekasikota, not bekasikab)
    regions = [(w, r) for w, r in ((w, _region(w, index)) for w in words) if r is not None]

    def region_entry(position: int, service: bool) -> Entry | None:
        word, region = regions[position]
        own = index.brands.get(word)
        if own is not None and own.kind in _REGIONAL_KINDS:
            if not service:
                return own
            for entry in index.region_entries.get(region, ()):
                if entry.registrable == own.registrable and entry.domain != own.domain:
                    return entry  # that government's own Dukcapil host
            return own
        return index.region_target(region, service=service)
    shown = host.unicode
    others = len(words) > 1

    def lookalike(code: str, target: Entry, detail: str, weight: int | None = None) -> Reason:
        if platform is not None:
            return make_reason("brand_on_hosting_platform", target=target.domain,
                               matched=shown, detail=platform)
        return make_reason(code, target=target.domain, matched=shown, detail=detail,
                           weight=weight)

    # a region name with a government word: pemkab-purbalingga.com, kabpurbalingga.net
    if regions and cues:
        target = region_entry(0, service=False)
        if target is not None:
            return [lookalike("brand_with_other_words", target,
                              f"{cues[0]} + {regions[0][1]}", weight=75)]
    # a civil-registry word with a region name: capil-purbalingga.org, dukcapil-singkawang.com
    if civil and regions and index.service_target is not None:
        target = region_entry(0, service=True) or index.service_target
        return [lookalike("service_with_region", target, f"{civil[0]} + {regions[0][1]}")]
    # a region with a pushy lure word: aktivasi-padang.xyz, padang-login.com (not padang-info)
    if regions and pushy:
        target = region_entry(0, service=False)
        if target is not None:
            return [lookalike("brand_with_other_words", target,
                              f"{regions[0][1]} + {pushy[0]}", weight=65)]
    # hyphenated official labels come back whole: klaim-lpse-torajautara.website
    pairs = [words[i] + words[i + 1] for i in range(len(words) - 1)]
    for word in (*words, *pairs):
        found = index.brand_in(word)
        if found is None:
            continue
        brand, entry = found
        glued = brand != word
        regional = entry.kind in _REGIONAL_KINDS
        has_cue = bool(lures or cues or [s for s in services if s != brand])
        if len(brand) >= STRONG_BRAND and not regional and (others or glued):
            return [lookalike("brand_with_other_words", entry, brand)]
        # shorter or regional brands need a cue beside them: pajak-login.com, not berita-pajak
        if (others or glued or platform is not None) and (has_cue or platform is not None):
            return [lookalike("brand_with_other_words", entry, brand)]
    for word in words:
        glued_lure = _glued_with_lure(word, index)
        if glued_lure is not None:
            brand, entry, lure = glued_lure
            return [lookalike("brand_with_other_words", entry, f"{brand} + {lure}", weight=70)]
    # short acronyms only as whole words next to a lure word, or alone as the tenant of a
    # hosting platform: bkn-daftar.com and bkn.blogspot.com, not bknews.com
    if lures or cues or (platform is not None and len(words) == 1):
        for word in words:
            short = index.short_brands.get(word)
            if short is not None:
                return [lookalike("brand_with_other_words", short, word, weight=70)]
    # civil-registry words without a brand of their own (ikd, ktp, capil) stand for Dukcapil
    if (civil and index.service_target is not None and (others or platform is not None)
            and (lures or cues or len(services) > 1 or platform is not None)):
        return [lookalike("brand_with_other_words", index.service_target, civil[0], weight=70)]
    if services and (civil or lures or cues or platform is not None) and (
        others or platform is not None
    ):
        return [make_reason("service_word_in_name", matched=shown, detail=services[0])]
    return []
