"""Combosquatting: official brand, service and region words joined with other words.

``aktivasi-ikd-dukcapil.xyz``, ``capil-purbalingga.org``, ``dukcapil-kemendagri.blogspot.com``.
Brands come from the registry's own labels (so any registry is protected); the civil-registry
vocabulary and region names come from the package's data files. Guards against false alarms:
short or regional brands need a lure, service or government word beside them, a bare region
name is never enough, and words many domains share are not brands.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import Final

from domainguard._checks.names import misspelt_name
from domainguard._host import Host
from domainguard._index import (
    MIN_BRAND,
    MIN_GLUED_BRAND,
    REGION_AFFIXES,
    RegistryIndex,
    strip_region_affixes,
    tokens,
)
from domainguard._registry import Entry
from domainguard._skeleton import readable_labels
from domainguard._verdict import Reason, make_reason

__all__ = ["check_combos", "combo_words", "names_a_service"]

# Brands this long are distinctive enough that any other word beside them is suspect.
STRONG_BRAND: Final = 7
# Words that claim a government is behind the name. Everyday words (kota, kabupaten) are not
# enough: wisata-kota-bandung.com is a tourism site.
_GOV_CUES: Final = frozenset({"pemkab", "pemkot", "pemko", "pemprov", "pemda", "pemerintah",
                              "kementerian", "ditjen", "dirjen", "kab", "prov", "go", "gov",
                              "goid", "govid", "ri"})
# The .id namespaces anyone may register in with little or no paperwork (PANDI's rules): a
# bare service word there (bansos.id, ikd.my.id) poses as the service itself
_OPEN_ID: Final = frozenset({"id", "my.id", "web.id", "biz.id"})
# Regional offices that take money or personal data (vehicle tax, fines, aid, jobs): beside a
# region name they pose as that government's office (bapenda-jabar.com, samsat-bandung.com)
_REGIONAL_OFFICES: Final = frozenset({"samsat", "esamsat", "bapenda", "dispenda", "dishub",
                                      "dinsos", "disnaker"})
_REGIONAL_KINDS: Final = frozenset({"regional-government", "regional-dukcapil",
                                    "regional-service"})
# Longer vocabulary words are not looked for inside glued tokens.
_LONGEST_WORD: Final = 32
# A lure word glued to a brand (ceklapor, bknlogin) is at least this long.
_SHORTEST_LURE: Final = 3
# ... and the brand or civil word it is glued to, at least this long (not bi of kiabi).
_SHORTEST_GLUED_BRAND: Final = 3
# The first and the last letters of a vocabulary's words, as prefilters: a token that starts
# and ends with none of them cannot have one of those words glued at either end.
_WordEnds = tuple[frozenset[str], frozenset[str]]


def _word_ends(words: Iterable[str], size: int) -> _WordEnds:
    """The first and the last ``size`` letters of ``words`` that a glued token may start or
    end with (those of ``size`` to _LONGEST_WORD letters)."""
    fit = [word for word in words if size <= len(word) <= _LONGEST_WORD]
    return frozenset(word[:size] for word in fit), frozenset(word[-size:] for word in fit)


def _vocabulary_word(token: str, vocabulary: frozenset[str], ends: _WordEnds) -> str | None:
    """The vocabulary word ``token`` is, or starts or ends with when glued (dukcapilonline).

    Glued forms count only for long words: "kkbox" does not contain the word "kk". ``ends``
    holds the first and last MIN_GLUED_BRAND letters of the vocabulary's words: a token whose
    own ends are in neither starts and ends with none of them (most tokens).
    """
    if token in vocabulary:
        return token
    heads, tails = ends
    if token[:MIN_GLUED_BRAND] not in heads and token[-MIN_GLUED_BRAND:] not in tails:
        return None
    for length in range(min(len(token) - 1, _LONGEST_WORD), MIN_GLUED_BRAND - 1, -1):
        for piece in (token[:length], token[-length:]):
            if piece in vocabulary:
                return piece
    return None


def _glued_with_lure(token: str, index: RegistryIndex) -> tuple[str, Entry, str] | None:
    """A brand or a civil-registry word glued to a lure, service or government word with no
    hyphen: ceklapor, laporaktivasi, bknlogin, ditjenpajak, ceknik."""
    # a two-letter acronym (bi) glued on is chance (kiabi), not a name
    for length in range(min(len(token) - _SHORTEST_GLUED_BRAND, _LONGEST_WORD),
                        _SHORTEST_LURE - 1, -1):
        for lure, rest in ((token[:length], token[length:]), (token[-length:], token[:-length])):
            if lure in index.lure_words or lure in index.service_words or lure in _GOV_CUES:
                entry = index.brands.get(rest) or index.short_brands.get(rest)
                if entry is None and rest in index.civil_words \
                        and rest not in index.generic_words:
                    entry = index.service_target  # ceknik, ktpdigital: Dukcapil's words
                # a regional name, or one that is a service's everyday word, takes an
                # everyday word as anyone's site does (infojateng; pajakonline, a tax-software
                # name; but infobkn, where bkn means nothing else)
                if entry is not None and not (lure in index.generic_words and (
                        entry.kind in _REGIONAL_KINDS or _everyday_service(rest, index))):
                    return rest, entry, lure
    return None


def _everyday_service(word: str, index: RegistryIndex) -> bool:
    """A service's name that is an everyday word (pajak: tax, bansos: aid), not an acronym
    (bkn, ktp): everyday lure words beside it tell nothing."""
    return len(word) >= MIN_BRAND and word in index.service_words


def _region(token: str, index: RegistryIndex) -> str | None:
    if token in index.region_tokens:
        return token
    base = strip_region_affixes(token)
    return base if base != token and base in index.region_tokens else None


def _affix(word: str, region: str) -> str:
    """What ``word`` adds to the region name found in it: "kab" of kabpurbalingga, or ""."""
    if word == region:
        return ""
    return word[len(region):] if word.startswith(region) else word[: -len(region)]


class WordFacts:
    """What combosquatting needs to know about one word of a host name."""

    __slots__ = ("brand", "civil", "cue", "glued_lure", "lure", "pushy", "region", "service",
                 "short")

    def __init__(self, word: str, index: RegistryIndex | None, words: ComboWords | None) -> None:
        """The facts of ``word``; with no index, those of a word that tells nothing."""
        if index is None or words is None:
            self.lure = self.pushy = self.cue = False
            self.civil = self.service = self.region = None
            self.brand = self.glued_lure = self.short = None
            return
        # a word that pushes to act may lead a token: cekstatus, daftarulang, verifikasidata
        self.lure = word in index.lure_words or words.led_by_lure(word)
        # lure words that are not everyday words too (online, info, portal are both)
        self.pushy = self.lure and word not in index.generic_words
        self.cue = word in _GOV_CUES
        self.civil = _vocabulary_word(word, index.civil_words, words.civil_ends)
        service = _vocabulary_word(word, index.service_words, words.service_ends)
        self.service = None if service in _GOV_CUES else service
        self.region = _region(word, index)
        self.brand = index.brand_in(word)
        self.glued_lure = _glued_with_lure(word, index) if words.may_glue_lure(word) else None
        self.short = index.short_brands.get(word)

    @property
    def telling(self) -> bool:
        """False: the word can trigger nothing in check_combos, alone or beside any other."""
        return bool(self.lure or self.cue or self.civil or self.service or self.region
                    or self.brand or self.glued_lure or self.short)


# One shared answer for every word that tells nothing (most words): the memo stays small
_PLAIN: Final = WordFacts("", None, None)
_MEMO_LIMIT: Final = 1 << 14  # distinct words kept per index; a full memo starts afresh
# A number glued to the end of a word (bansos2026, ikd2, kemensos1) is read past when the word
# tells nothing whole; the letters before it must be at least this many.
_SHORTEST_STEM: Final = 3
# Each side of a word split where a region name is glued on (capilbandung) is this long at least.
_SHORTEST_PART: Final = 3
_DIGITS: Final = "0123456789"


class ComboWords:
    """The facts of the words seen lately, and prefilters that rule most new words out.

    A word's facts depend only on the word and the registry, so they are worked out once per
    distinct word. Every prefilter is a necessary condition of the search it guards (the first
    or last letters any match must share), so skipping a search never changes an answer.
    """

    __slots__ = ("_index", "_memo", "_parts", "brand_ends", "civil_ends", "known", "lure_ends",
                 "pushy_heads", "pushy_words", "region_ends", "service_ends", "split_ends",
                 "split_words", "two_word_terms")

    def __init__(self, index: RegistryIndex) -> None:
        self._index = index
        self._memo: dict[str, WordFacts] = {}
        self.civil_ends = _word_ends(index.civil_words, MIN_GLUED_BRAND)
        self.service_ends = _word_ends(index.service_words, MIN_GLUED_BRAND)
        self.lure_ends = _word_ends(index.lure_words | index.service_words | _GOV_CUES,
                                    _SHORTEST_LURE)
        self.pushy_words = frozenset(w for w in index.lure_words - index.generic_words
                                     if _SHORTEST_LURE <= len(w) <= _LONGEST_WORD)
        self.pushy_heads = frozenset(w[:_SHORTEST_LURE] for w in self.pushy_words)
        # civil and service words that may be written as two words (kartu-keluarga)
        self.two_word_terms = frozenset(w for w in index.service_words
                                        if len(w) >= 2 * _SHORTEST_PART and "-" not in w)
        # the first and last two letters of every brand a lure word may be glued to (of any
        # length: a custom registry's label may be longer than _LONGEST_WORD)
        brands = [*index.brands, *index.short_brands, *index.civil_words]
        self.brand_ends = (frozenset(b[:2] for b in brands), frozenset(b[-2:] for b in brands))
        # the vocabulary's words, each telling something whole (brands are looked up in their
        # own tables: a copy would cost megabytes with a big registry)
        self.known = frozenset((*index.lure_words, *_GOV_CUES, *index.civil_words,
                                *index.service_words, *index.region_tokens))
        # words a region name may be glued to (dukcapilpurbalingga, aktivasipadang), and the
        # first and last letters of those words and of region names, bare or with the affix of
        # an official label (kabbogor, purbalinggakab)
        self._parts: dict[str, tuple[str, ...]] = {}
        self.split_words = frozenset(w for w in self.known.difference(index.region_tokens)
                                     if len(w) >= _SHORTEST_PART)
        self.split_ends = _word_ends(self.split_words, _SHORTEST_PART)
        regions = [*index.region_tokens, *(affix + region for region in index.region_tokens
                                           for affix in REGION_AFFIXES),
                   *(region + affix for region in index.region_tokens
                     for affix in REGION_AFFIXES)]
        self.region_ends = _word_ends(regions, _SHORTEST_PART)

    def may_glue_lure(self, word: str) -> bool:
        """Can ``word`` be a lure word glued to a brand (ceklapor) or a brand glued to one
        (laporaktivasi)? The lure word is at least _SHORTEST_LURE letters, the brand two."""
        lure_heads, lure_tails = self.lure_ends
        brand_heads, brand_tails = self.brand_ends
        return (word[:_SHORTEST_LURE] in lure_heads and word[-2:] in brand_tails) or (
            word[-_SHORTEST_LURE:] in lure_tails and word[:2] in brand_heads)

    def led_by_lure(self, word: str) -> bool:
        """Does ``word`` start with a word that pushes to act, three letters at least following
        it (cekstatus; not amanah)?"""
        if word[:_SHORTEST_LURE] not in self.pushy_heads:
            return False
        pushy = self.pushy_words
        return any(word[:length] in pushy
                   for length in range(_SHORTEST_LURE, len(word) - _SHORTEST_PART + 1))

    def _may_tell(self, word: str) -> bool:
        """False when no fact of ``word`` can be set: one test for each WordFacts field."""
        index = self._index
        if word in self.known or word in index.brands or word in index.short_brands:
            return True
        size = MIN_GLUED_BRAND
        head, tail = word[:size], word[-size:]
        return (
            head in self.civil_ends[0] or tail in self.civil_ends[1]
            or head in self.service_ends[0] or tail in self.service_ends[1]
            or strip_region_affixes(word) != word
            or index.brand_in(word) is not None
            or self.may_glue_lure(word)
            or head[:_SHORTEST_LURE] in self.pushy_heads
        )

    def split(self, tokens: list[str]) -> list[str]:
        """The words of ``tokens`` (``www`` left out), a token split where a vocabulary word
        meets a region name (dukcapilpurbalingga, aktivasipadang, purbalinggaikd): glued, they
        tell what they tell apart. An official label (purbalinggakab) or a known word is never
        split. One call per host, the memo and prefilter read inline (most tokens)."""
        memo = self._parts
        (word_heads, word_tails), (region_heads, region_tails) = self.split_ends, self.region_ends
        size = _SHORTEST_PART
        words: list[str] = []
        for token in tokens:
            if token == "www":
                continue
            found = memo.get(token)
            if found is None:
                head, tail = token[:size], token[-size:]
                words_first = head in word_heads and tail in region_tails
                region_first = head in region_heads and tail in word_tails
                if not (words_first or region_first):
                    words.append(token)  # no word meets a region name here
                    continue
                found = self._split_at(token, words_first, region_first)
            words.extend(found)
        return words

    def _split_at(self, word: str, words_first: bool, region_first: bool) -> tuple[str, ...]:
        """``word`` as (vocabulary word, region) or (region, vocabulary word), or ``(word,)``;
        the flags say which ends the prefilter found possible. Memoised."""
        if len(self._parts) >= _MEMO_LIMIT:
            self._parts.clear()
        found: tuple[str, ...] = (word,)
        index = self._index
        size = _SHORTEST_PART
        if len(word) >= 2 * size and not (
                word in self.known or word in index.brands or _region(word, index)):
            for at in range(size, len(word) - size + 1):
                left, right = word[:at], word[at:]
                if (words_first and left in self.split_words and _region(right, index)) or (
                        region_first and right in self.split_words and _region(left, index)):
                    found = (left, right)
                    break
        self._parts[word] = found
        return found

    def facts(self, words: list[str]) -> list[WordFacts]:
        memo = self._memo
        found: list[WordFacts] = []
        for word in words:
            facts = memo.get(word)
            if facts is None:
                if len(memo) >= _MEMO_LIMIT:
                    memo.clear()  # bounded memory on endless feeds; cheap to refill
                facts = _PLAIN
                if self._may_tell(word):
                    learnt = WordFacts(word, self._index, self)
                    if learnt.telling:
                        facts = learnt
                if facts is _PLAIN and word[-1] in _DIGITS:
                    # scammers append years and counters (cpns2026, aktivasi-ikd2): the word
                    # before the number tells what it would tell alone
                    stem = word.rstrip(_DIGITS)
                    if len(stem) >= _SHORTEST_STEM:
                        facts = self.facts([stem])[0]
                memo[word] = facts
            found.append(facts)
        return found


def combo_words(index: RegistryIndex) -> ComboWords:
    words = index.combo_words
    if words is None:  # two threads may both build it: equal objects, one is kept
        words = index.combo_words = ComboWords(index)
    return words


def names_a_service(words: list[str], index: RegistryIndex) -> str | None:
    """The first of ``words`` that names an official brand, a civil-registry word or a
    government service, whole or glued, a number after it or not (daftarbansos2026)."""
    for word, facts in zip(words, combo_words(index).facts(words), strict=True):
        if facts.brand or facts.civil or facts.service or facts.short:
            return word
    return None


def _unglue_id(words: list[str]) -> list[str]:
    """go-idpajak.icu: the fake ending's "id" glued to the brand after it is read apart."""
    found = words[:1]
    for before, word in pairwise(words):
        if before in ("go", "gov") and word.startswith("id") and len(word) > 4:
            found.extend(("id", word[2:]))
        else:
            found.append(word)
    return found


def _join_terms(words: list[str], facts: list[WordFacts], pairs: list[str],
                terms: frozenset[str]) -> list[str]:
    """cek-kartu-keluarga.com, catatan-sipil-bandung.com: a vocabulary word written as two
    words that tell nothing apart is read whole (kartukeluarga, catatansipil)."""
    found: list[str] = []
    at = 0
    while at < len(words):
        if at < len(pairs) and pairs[at] in terms and facts[at] is _PLAIN \
                and facts[at + 1] is _PLAIN:
            found.append(pairs[at])
            at += 2
        else:
            found.append(words[at])
            at += 1
    return found


def _misspelt(words: list[str], facts: list[WordFacts], index: RegistryIndex,
              glued: bool) -> tuple[Entry, str] | None:
    """The entry and the detail of the first word that misspells an official name: among the
    words with a shorter brand glued inside them, or among the words that tell nothing."""
    for word, word_facts in zip(words, facts, strict=True):
        brand = word_facts.brand
        looked_for = brand is not None and brand[0] != word if glued else word_facts is _PLAIN
        if looked_for:
            name = misspelt_name(word, index)
            if name is not None:
                return name.entry, f"{word} ≈ {name.compact}"
    return None


def check_combos(host: Host, index: RegistryIndex) -> list[Reason]:
    if host.ip or host.suffix_index == 0:
        return []
    combos = combo_words(index)
    labels = host.labels
    if labels is not host.unicode_labels:
        # Unicode look-alike letters are read as what they imitate (kemensоs-bansos.xyz)
        labels = readable_labels(labels, host.unicode_labels)
    words = combos.split(tokens(labels[: host.suffix_index]))
    if not words:
        return []
    if "go" in words or "gov" in words:
        words = _unglue_id(words)
    facts = combos.facts(words)
    pairs = [words[i] + words[i + 1] for i in range(len(words) - 1)]
    if not combos.two_word_terms.isdisjoint(pairs):
        words = _join_terms(words, facts, pairs, combos.two_word_terms)
        facts = combos.facts(words)
        pairs = [words[i] + words[i + 1] for i in range(len(words) - 1)]
    pair_brands = [index.brand_in(pair) for pair in pairs]
    if facts.count(_PLAIN) == len(facts) and not any(pair_brands):
        return []  # no word the checks below could use (most hosts)
    platform: str | None = host.suffix if host.private_suffix else None
    lures: list[str] = []
    pushy: list[str] = []
    cues: list[str] = []
    civil: list[str] = []
    services: list[str] = []
    # (token, region name): "batangkab" names Kabupaten Batang and, being an official label
    # itself, the very entry batangkab.go.id rather than any Batang (bekasikota, not bekasikab)
    regions: list[tuple[str, str]] = []
    for written, word_facts in zip(words, facts, strict=True):
        if word_facts is _PLAIN:
            continue  # most words (one loop: six comprehensions cost 3 µs more a host)
        if word_facts.lure:
            lures.append(written)
        if word_facts.pushy:
            pushy.append(written)
        if word_facts.cue:
            cues.append(written)
        if word_facts.civil:
            civil.append(word_facts.civil)
        if word_facts.service is not None:
            services.append(word_facts.service)
        if word_facts.region is not None:
            regions.append((written, word_facts.region))

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

    # a civil-registry word with a region name: capil-purbalingga.org, dukcapil-singkawang.com;
    # before the government-word rule, whose target is less precise: disdukcapil-kab-bogor.com
    if civil and regions and index.service_target is not None:
        office = region_entry(0, service=True) or index.service_target
        return [lookalike("service_with_region", office, f"{civil[0]} + {regions[0][1]}")]
    # a region name with a government word, apart or glued on: pemkab-purbalingga.com,
    # kabpurbalingga.net (not kotabandung: "kota" is an everyday word; and not an official
    # label itself, bandungkab: the brand rule below names its very entry)
    cue = cues[0] if cues else next(
        (affix for word, region in regions
         if word not in index.brands and (affix := _affix(word, region)) in _GOV_CUES), None)
    if regions and cue is not None:
        target = region_entry(0, service=False)
        if target is not None:
            return [lookalike("brand_with_other_words", target,
                              f"{cue} + {regions[0][1]}", weight=75)]
    # a region with a pushy lure word: aktivasi-padang.xyz, padang-login.com (not padang-info);
    # or with a regional office's name: bapenda-jabar.com
    # (an office's name with a region alone is how real regional offices name their own
    # sites outside go.id: jambisamsat.net)
    office_word = next((s for s in services if s in _REGIONAL_OFFICES), None) \
        if lures or cues else None
    if regions and (pushy or office_word):
        target = region_entry(0, service=False)
        if target is not None:
            word = pushy[0] if pushy else office_word
            return [lookalike("brand_with_other_words", target, f"{regions[0][1]} + {word}",
                              weight=65)]
    # an official name with a slip or look-alike letters beside a telling word is read whole
    # before any shorter brand inside it (kemendagrl-ikd.com: not kemendag.go.id)
    misspelt = _misspelt(words, facts, index, glued=True) if lures or cues or services else None
    if misspelt is not None:
        return [lookalike("brand_with_other_words", *misspelt)]
    # hyphenated official labels come back whole: klaim-lpse-torajautara.website
    brands = (*(f.brand for f in facts), *pair_brands)
    for word, found in zip((*words, *pairs), brands, strict=True):
        if found is None:
            continue
        brand, entry = found
        glued = brand != word
        regional = entry.kind in _REGIONAL_KINDS
        # an everyday lure (online, info) is no cue beside a name that is a service's
        # everyday word: pajak-online.com may be a tax-software site
        has_cue = bool((pushy if _everyday_service(brand, index) else lures) or cues
                       or [s for s in services if s != brand])
        if len(brand) >= STRONG_BRAND and not regional and (others or glued):
            return [lookalike("brand_with_other_words", entry, brand)]
        # shorter or regional brands need a cue beside them: pajak-login.com, not berita-pajak
        if (others or glued or platform is not None) and (has_cue or platform is not None):
            return [lookalike("brand_with_other_words", entry, brand)]
    for word_facts in facts:
        glued_lure = word_facts.glued_lure
        if glued_lure is not None:
            brand, entry, lure = glued_lure
            return [lookalike("brand_with_other_words", entry, f"{brand} + {lure}", weight=70)]
    # short acronyms only as whole words next to a lure word, or alone as the tenant of a
    # hosting platform: bkn-daftar.com and bkn.blogspot.com, not bknews.com;
    # or beside another service's word: cpns-bkn.info, bkn-cpns2026.com
    for word, word_facts in zip(words, facts, strict=True):
        short = word_facts.short
        if short is not None and (lures or cues or any(s != word for s in services) or (
                platform is not None and len(words) == 1)):
            return [lookalike("brand_with_other_words", short, word, weight=70)]
    # ... and so is one that tells nothing else: dukcapll-online.com, ikd-dukcapi1.xyz
    misspelt = _misspelt(words, facts, index, glued=False) if lures or cues or services else None
    if misspelt is not None:
        return [lookalike("brand_with_other_words", *misspelt)]
    # civil-registry words without a brand of their own (ikd, ktp, capil) stand for Dukcapil
    if (civil and index.service_target is not None and (others or platform is not None)
            and (lures or cues or len(services) > 1 or platform is not None)):
        return [lookalike("brand_with_other_words", index.service_target, civil[0], weight=70)]
    # a service word needs company: a lure or government word, a second service (etle-polda),
    # a platform; or, alone, an open .id namespace where it poses as the service (bansos.id)
    if services and (
        ((others or platform is not None)
         and (civil or lures or cues or platform is not None or len(set(services)) > 1))
        or (not others and platform is None and host.suffix in _OPEN_ID
            and services[0] not in index.generic_words)
    ):
        return [make_reason("service_word_in_name", matched=shown, detail=services[0])]
    return []
