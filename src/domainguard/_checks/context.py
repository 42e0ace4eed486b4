"""Whole-host evidence: an official name read in disguise, glued to words, or off its own domain.

Real scam hosts tell a story more often than they make a typo: a brand or programme name
(``dana``, ``brimo``, ``djp``, ``cpns``), a lure (``pulihkan akun``, ``cetak kupon undian``), a
country word (``indo``, ``-id``), glued together, with digits for letters and doubled letters
(``hadiiah-d4na-id``), often in a subdomain of a throwaway domain or on a hosting
platform. This check reads every label left of the public suffix: each token is read on its
plain key (``_spelling``), cut into known words, and the pieces of evidence are weighed
together:

- the **anchor**, a name that points at one registry entry (a registered label, an alias, a
  civil-registry word for Dukcapil) or a government service word with no entry;
- its **company**: lure words, country words, government words, a second name, a subdomain
  of somebody else's domain, a hosting platform, an ending where scam sites are cheap, the
  disguise itself.

Distinctive names need less company than acronyms, and names that are everyday words
(``dana`` is "fund", ``mandiri`` "independent") need the most. A glued short or everyday name
counts only when the rest of its token reads as known words (``kuponundianbri``), never
inside a word (``fabric``, ``pohondana``). The weights were set from counts of each piece on
real phishing and real benign hosts (``benchmarks/realworld.py``).

It runs only when the earlier checks named no target, and adds nothing for a host with no
anchor (most hosts): a prefilter on the anchors' first letters rules those out. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from domainguard import _payloads
from domainguard._host import Host
from domainguard._index import RegistryIndex
from domainguard._registry import Entry
from domainguard._skeleton import readable_labels
from domainguard._spelling import consonants, pieces, plain_key, trie_pattern
from domainguard._verdict import Reason, make_reason

__all__ = ["PATTERN_LIMIT", "abused_ending", "check_context", "context_words"]

# Evidence a host needs, anchor and company together, to be read as an imitation.
ENOUGH: Final = 3
# Anchors shorter than this are acronyms (bri, djp, cpns): distinctive only as whole tokens.
_SHORT: Final = 5
# A glued name this long counts whatever it is glued to (dukcapilxyz); a shorter one only
# where the rest of its token reads as known words (livin is not in livingroom).
_DISTINCTIVE: Final = 7
# Unread letters right beside a glued shorter word that still leave it a word of its own (a
# slip or two: bbrimoz, cpnspppk); more, and it is likely part of an unknown word (bricks)
_BESIDE: Final = 2
# Letters of a token left unread beside a glued shorter name (bbrimoz, danaz).
_STRAY: Final = 1
# Dropped vowels are looked for only in names with this many consonants (mandiri: mndr).
_CONSONANTS: Final = 4
# Longest word looked for inside a token.
_LONGEST: Final = 24
_PREFIX: Final = 6
_HEAD: Final = 3
# A registry searched with the look-up loop (more anchors than its pattern limit) also keeps
# its anchors' first four to _PRUNED letters, hashed to one bit each of a bitmap this big
# (1 MB; with 100,000 names about one bit in a hundred is set): a prefix no anchor has rules out
# every longer anchor at that place of a key at once.
_PRUNED: Final = 8
_PRUNE_BITS: Final = 1 << 23
_MEMO_LIMIT: Final = 1 << 12  # distinct tokens remembered; a full memo starts afresh
# Up to this many anchors are searched with one compiled expression (the bundled registry has
# about 500); a registry of many thousand names uses the slower look-up loop instead, whose
# structures are smaller than such an expression
PATTERN_LIMIT: Final = 20_000
# Hosts looked up with the loop before the expression is compiled (about 20 ms): a single
# check stays quick, a feed soon gains
_COMPILE_AFTER: Final = 1_000
# Words that claim the state is behind a name (combos reads them the same way).
_GOV_CUES: Final = frozenset({"pemkab", "pemkot", "pemko", "pemprov", "pemda", "pemerintah",
                              "kementerian", "ditjen", "dirjen", "go", "gov", "goid", "govid"})
# Endings anyone may register under with little or no paperwork, where scam sites cluster:
# the open .id namespaces (PANDI's registration rules, see terms.txt and combos), and the TLDs
# read from endings.txt.
_OPEN_ID: Final = frozenset({"my.id", "web.id", "biz.id"})
# Words that claim a site is the official one: with a country word, a claim of officialdom
_AUTHORITY: Final = frozenset({"resmi", "official"})


@dataclass(slots=True)
class _Meaning:
    """What a word on its plain key can tell."""

    word: str
    entry: Entry | None = None  # the entry a name points at
    strength: int = -1  # as an anchor: 2 distinctive, 1 acronym, 0 everyday word; -1 none
    service: bool = False  # a government service word, pointing at no entry of its own
    lure: int = 0  # 2 a word that pushes to act, 1 an everyday lure word (info, online)
    everyday_service: bool = False  # a name that is a service's everyday word (pajak: tax)
    country: bool = False
    cue: bool = False

    authority: bool = False  # a word that claims officialdom (resmi, official)

    @property
    def anchor(self) -> bool:
        return self.strength >= 0 or self.service

    @property
    def triggers(self) -> bool:
        """Can this word start a reading of the host: a name, or a claim of officialdom?"""
        return self.anchor or self.authority


@dataclass(slots=True)
class _Found:
    meaning: _Meaning
    key: str  # the plain key it was read on
    written: str  # its token as the host writes it
    whole: bool  # the whole token
    disguised: bool  # written with digits for letters, doubled or dropped letters
    registrable: bool  # in the registrable label (not a subdomain)
    stray: int  # letters of its token that read as no known word
    read: int  # letters of its token read as known words, its own included
    beside: int  # unread letters right beside it in its token (the longer side)


class ContextWords:
    """The vocabulary and the registry's names on plain keys, and the anchors' first letters."""

    __slots__ = ("_heads", "_prefix_bits", "_readings", "anchors", "brands", "consonant_words",
                 "country_words", "endings", "learnt", "longest", "meanings", "pairs",
                 "pattern", "pattern_limit", "prefixes", "searched", "virtual")

    endings: Mapping[str, str]

    def __init__(self, index: RegistryIndex, pattern_limit: int = PATTERN_LIMIT) -> None:
        """``pattern_limit``: the most names kept as words and searched with one expression
        (PATTERN_LIMIT; a test sets another to compare both forms)."""
        from domainguard import _vocabulary

        self.pattern_limit = pattern_limit
        self.meanings: dict[str, _Meaning] = {}
        self.learnt: dict[str, tuple[tuple[str, str], ...]] = {}
        self._readings: dict[str, tuple[list[tuple[str, _Meaning, bool, int]], int]] = {}
        everyday = index.generic_words | index.lure_words
        # sets are read in sorted order: a key's shown word must not depend on hash seeds
        for word in sorted(_vocabulary.words("generic")):
            self._meaning(word)
        for word in sorted(index.lure_words):
            meaning = self._meaning(word)
            meaning.lure = max(meaning.lure, 1 if word in index.generic_words else 2)
        for word in sorted(_vocabulary.words("country")):
            self._meaning(word).country = True
        for word in sorted(_AUTHORITY):
            self._meaning(word).authority = True
        for word in sorted(_GOV_CUES):
            self._meaning(word).cue = True
        for word in sorted(index.region_tokens):
            self._meaning(word)
        for word in sorted(index.service_words):
            meaning = self._meaning(word)
            if word in index.civil_words and index.service_target is not None:
                strength = 0 if word in everyday else 2 if len(word) >= _SHORT else 1
                self._anchor(meaning, index.service_target, strength)
            else:
                meaning.service = True
        # a name that is an everyday word (dana) needs more company. A registry of many
        # thousand names keeps its plain names (written as their key, a word of no other
        # meaning) in its own index only: ``meaning`` makes their meaning when it is asked
        # for, instead of one object a name held all the time (megabytes)
        self.brands = index.brands
        self.virtual = len(index.brands) > pattern_limit
        virtual: list[str] = []
        for brand, entry in index.brands.items():
            if self.virtual and brand not in everyday and brand not in self.meanings \
                    and plain_key(brand) == brand:
                virtual.append(brand)
                continue
            meaning = self._meaning(brand)
            self._anchor(meaning, entry, 0 if brand in everyday else 2)
            meaning.everyday_service = brand in index.service_words
        for brand, entry in index.short_brands.items():
            self._anchor(self._meaning(brand), entry, 0 if brand in everyday else 1)
        for entry, name in index.everyday_names:
            self._anchor(self._meaning(name), entry, 0)
        for key, meaning in self.meanings.items():
            if meaning.country or len(key) < _HEAD:
                # a country word claims, it names no one; two letters name no one either
                meaning.strength, meaning.entry, meaning.service = -1, None, False
        self.longest = min(_LONGEST, max(map(len, self.meanings), default=0))
        # the words' first letters, up to _PREFIX of them: enough to end most searches early,
        # and bounded (all prefixes of a big registry's names would cost megabytes)
        self.prefixes = frozenset(key[:end] for key in self.meanings
                                  for end in range(2, min(len(key), _PREFIX) + 1))
        # two-letter words read inside a token: those that claim (id, go) or lure (cs); any
        # other pair of letters is more often part of a longer word (di of mandiri)
        self.pairs = frozenset(key for key, meaning in self.meanings.items()
                               if len(key) == 2 and (meaning.country or meaning.cue
                                                     or meaning.lure))
        heads: dict[str, set[int]] = {}
        for key in [*(key for key, meaning in self.meanings.items() if meaning.triggers),
                    *virtual]:
            if len(key) >= _HEAD:
                heads.setdefault(key[:_HEAD], set()).add(len(key))
        # shortest first: has_anchor stops at the first length the key has no room for
        self._heads = {head: tuple(sorted(lengths)) for head, lengths in heads.items()}
        self.anchors = [key for key, meaning in self.meanings.items()
                        if meaning.triggers and len(key) >= _HEAD]
        self.anchors.extend(virtual)
        self._prefix_bits: bytearray | None = None
        if len(self.anchors) > pattern_limit:
            bits = self._prefix_bits = bytearray(_PRUNE_BITS >> 3)
            for key in self.anchors:
                for end in range(_HEAD + 1, min(len(key), _PRUNED) + 1):
                    bit = hash(key[:end]) & (_PRUNE_BITS - 1)
                    bits[bit >> 3] |= 1 << (bit & 7)
        self.pattern: re.Pattern[str] | None = None  # compiled once a feed is under way
        self.searched = 0
        # words written without their vowels (mndiri, fstvl), those long enough to tell
        self.consonant_words: dict[str, _Meaning] = {}
        # (a registry of many thousand names keeps its own names out: megabytes for a rare
        # disguise, while the vocabulary's words stay)
        for key, meaning in self.meanings.items():
            if (meaning.lure or (meaning.anchor and (not self.virtual or meaning.entry is None))) \
                    and len(consonants(key)) >= _CONSONANTS:
                self.consonant_words.setdefault(consonants(key), meaning)
        self.endings = _payloads.ending_kinds()
        self.country_words = frozenset(meaning.word for meaning in self.meanings.values()
                                       if meaning.country)

    def meaning(self, key: str) -> _Meaning | None:
        """What the word with this plain key tells, or None for no known word. (A plain key
        has no doubled letter, as the names kept in the index only have none either.)"""
        meaning = self.meanings.get(key)
        if meaning is None and self.virtual:
            entry = self.brands.get(key)
            if entry is not None and len(key) >= _HEAD:
                meaning = _Meaning(key, entry=entry, strength=2)
        return meaning

    def _meaning(self, word: str) -> _Meaning:
        key = plain_key(word.replace("-", ""))
        meaning = self.meanings.get(key)
        if meaning is None:
            meaning = self.meanings[key] = _Meaning(word)
        return meaning

    @staticmethod
    def _anchor(meaning: _Meaning, entry: Entry, strength: int) -> None:
        if meaning.entry is None or strength > meaning.strength:
            meaning.entry, meaning.strength = entry, strength
        meaning.service = False

    def learn(self, part: str) -> tuple[tuple[str, str], ...]:
        """The (piece, plain key) pairs of one token of a host, memoised: tokens repeat
        across a feed (www, online, com)."""
        learnt = self.learnt
        if len(learnt) >= _MEMO_LIMIT:
            learnt.clear()  # bounded memory on endless feeds; cheap to refill
        known = learnt[part] = tuple((piece, plain_key(piece)) for piece in pieces(part))
        return known

    def may_name(self, name: str) -> bool:
        """Can an anchor be read anywhere in ``name`` (labels joined by dots)? False rules a
        host out (most hosts). Every token's plain key is a stretch of the name's, so one
        search of the whole name's key settles it: a look-up of the anchors starting at each
        place, and once a feed is under way a regular expression over the anchors' trie, where
        the registry is small enough to compile one."""
        key = plain_key(name)
        pattern = self.pattern
        if pattern is None:
            self.searched += 1
            if self.searched == _COMPILE_AFTER and len(self.anchors) <= self.pattern_limit:
                # a feed, not a few checks: now the expression pays for its compilation
                self.pattern = pattern = trie_pattern(self.anchors)
        if pattern is not None:
            return pattern.search(key) is not None
        return self.has_anchor(key)

    def has_anchor(self, key: str) -> bool:
        """Does any anchor start somewhere in ``key``? A cheap test most tokens fail."""
        heads = self._heads
        meanings = self.meanings
        brands = self.brands if self.virtual else None
        bits = self._prefix_bits
        size = len(key)
        for at in range(size - _HEAD + 1):
            lengths = heads.get(key[at:at + _HEAD])
            if lengths is not None:
                room = size - at
                known = _HEAD if bits is not None else _PRUNED  # letters some anchor starts with
                for length in lengths:
                    if length > room:
                        break  # this and the longer ones: more than what is left of the key
                    if known < length and known < _PRUNED:
                        known = min(length, _PRUNED)
                        bit = hash(key[at:at + known]) & (_PRUNE_BITS - 1)
                        if bits is not None and not bits[bit >> 3] >> (bit & 7) & 1:
                            break  # no anchor this long or longer starts so
                    part = key[at:at + length]
                    meaning = meanings.get(part)
                    if (meaning is not None and meaning.triggers) or (
                            meaning is None and brands is not None and part in brands):
                        return True
        return False

    def read(self, key: str) -> tuple[list[tuple[str, _Meaning, bool, int]], int]:
        """``read_key`` memoised: a token's reading depends on nothing else."""
        known = self._readings.get(key)
        if known is None:
            if len(self._readings) >= _MEMO_LIMIT:
                self._readings.clear()
            known = self._readings[key] = self.read_key(key)
        return known

    def read_key(self, key: str) -> tuple[list[tuple[str, _Meaning, bool, int]], int]:
        """``key`` cut into known words: (part, meaning, disguised) in order, and the letters
        left unread. The cut reads the most letters, then uses the fewest words. Two words
        glued on one letter share it on the key (cekkupon has one k), and a stretch left unread
        is tried once more without its vowels (mndiri, fstvl, bntuan)."""
        meanings = self.meanings
        pairs = self.pairs
        size = len(key)
        longest = self.longest
        # the words that start at each letter: a prefix no word has ends the search there
        prefixes = self.prefixes
        ending: list[list[int]] = [[] for _ in range(size + 1)]  # end -> starts of words
        brands = self.brands if self.virtual else None
        heads = self._heads
        for start in range(size - 1):
            for end in range(start + 2, min(size, start + longest) + 1):
                part = key[start:end]
                if end - start <= _PREFIX and part not in prefixes:
                    break
                if part in meanings and (end - start > 2 or part in pairs):
                    ending[end].append(start)
            if brands is not None:  # the names kept in the index only
                # only the lengths of the names that start with these letters (a big
                # registry has names of every length)
                for length in heads.get(key[start:start + _HEAD], ()):
                    part = key[start:start + length]
                    if length <= _LONGEST and len(part) == length and part not in meanings \
                            and part in brands:
                        ending[start + length].append(start)
        # best[i]: (letters read, -words, -shared letters) of key[:i]; came[i]: (where its
        # last word starts, where the reading before it ends), or None: key[i - 1] unread
        best: list[tuple[int, int, int]] = [(0, 0, 0)] * (size + 1)
        came: list[tuple[int, int] | None] = [None] * (size + 1)
        for end in range(1, size + 1):
            best[end] = best[end - 1]
            for start in ending[end]:
                read, words, shares = best[start]
                candidate, before = (read + end - start, words - 1, shares), start
                if 0 < start < end - 2:
                    # the word's first letter may be the last of the word before it
                    read, words, shares = best[start + 1]
                    shared = (read + end - start - 1, words - 1, shares - 1)
                    if shared > candidate:
                        candidate, before = shared, start + 1
                if candidate > best[end]:
                    best[end] = candidate
                    came[end] = (start, before)
        # read back: words and unread stretches in order (a stretch without its vowels may
        # still be a word: mndiri)
        items: list[tuple[str, _Meaning | None, bool]] = []
        gap_end = end = size
        while True:
            step = came[end] if end > 0 else None
            if step is None and end > 0:
                end -= 1
                continue
            if gap_end > end:  # key[end:gap_end] was read as nothing
                gap = key[end:gap_end]
                meaning = self.consonant_words.get(consonants(gap)) \
                    if len(gap) >= _CONSONANTS else None
                items.append((gap, meaning, True))
            if step is None:
                break
            start, before = step
            word = self.meaning(key[start:end])
            if word is not None:  # always: every reading's word was found by these look-ups
                items.append((key[start:end], word, False))
            gap_end = end = before
        items.reverse()
        found: list[tuple[str, _Meaning, bool, int]] = []
        unread = 0
        for at, (part, meaning, dropped) in enumerate(items):
            if meaning is None:
                unread += len(part)
                continue
            # the unread letters right beside it: a word glued to a stretch of unknown letters
            # is likely part of an unknown word (bri of bricks, nik of teknik)
            beside = max((len(items[i][0]) for i in (at - 1, at + 1)
                          if 0 <= i < len(items) and items[i][1] is None), default=0)
            found.append((part, meaning, dropped, beside))
        return found, unread


def context_words(index: RegistryIndex) -> ContextWords:
    words = index.context_words
    if words is None:  # two threads may both build it: equal objects, one is kept
        words = index.context_words = ContextWords(index)
    return words


def _cheap(host: Host, endings: Mapping[str, str]) -> str | None:
    """The host's ending when scam sites are cheap there: an open .id namespace, an abused
    TLD, or a new gTLD (any TLD of three letters or more that is not a legacy one)."""
    tld = host.labels[-1]
    if tld == "id":  # the only TLD with open namespaces below it: my.id, web.id, biz.id
        suffix = host.suffix
        return suffix if suffix in _OPEN_ID else None
    kind = endings.get(tld)
    if kind == "abused" or (
            kind is None and len(tld) > 2 and host.suffix_known and not tld.startswith("xn--")):
        return host.suffix
    return None


def _read_host(host: Host, words: ContextWords) -> tuple[list[_Found], int] | None:
    """Every known word of the host's name and how many tokens read as nothing; None when no
    anchor is in it (most hosts)."""
    labels = host.labels
    if labels is not host.unicode_labels:
        labels = readable_labels(labels, host.unicode_labels)
    at = host.suffix_index
    first = 1 if labels[0] == "www" else 0  # www names no one, and its ww would merge
    if not words.may_name(".".join(labels[first:at])):
        return None
    tokens: list[tuple[str, str, bool]] = []  # (token as written, plain key, registrable)
    learnt = words.learnt
    for position, label in enumerate(labels[:at]):
        for part in label.replace("_", "-").split("-") if not label.isalnum() else (label,):
            known = learnt.get(part)
            if known is None:
                known = words.learn(part)
            registrable = position == at - 1
            tokens.extend((piece, key, registrable) for piece, key in known)
    found: list[_Found] = []
    unknown = 0
    for written, key, registrable in tokens:
        meaning = words.meaning(key)
        if meaning is not None:
            found.append(_Found(meaning, key, written, True, _disguised(meaning, written),
                                registrable, 0, len(key), 0))
            continue
        read, stray = words.read(key)
        unknown += not read
        letters = len(key) - stray
        for part, meaning, dropped, beside in read:
            found.append(_Found(meaning, part, written, part == key,
                                dropped or _disguised(meaning, written), registrable, stray,
                                letters, beside))
    return found, unknown


def _disguised(meaning: _Meaning, written: str) -> bool:
    """Is the word not written as itself in its token (d4na, danaa for dana)?"""
    return meaning.word.replace("-", "").replace(" ", "") not in written


def _counts(found: _Found) -> bool:
    """May this word count? A glued word shorter than _DISTINCTIVE only when its token reads
    as known words around it (kuponundianbri, daftarcpnsxterbaru), not inside
    another word (fabric, livingroom)."""
    if found.whole or (found.meaning.strength == 2 and len(found.key) >= _DISTINCTIVE):
        return True
    if found.beside > _BESIDE:
        return False
    # the other words of the token: read letters beside it, as many as those left unread
    others = found.read - len(found.key)
    return found.stray <= _STRAY or others >= max(found.stray, _HEAD)


def _official_claim(host: Host, words: ContextWords, lures: list[_Found],
                    claims: list[str]) -> list[Reason]:
    """A host that names no body but claims to be Indonesia's official site, with more beside
    the claim: indonesia-resmi-bantuan.xyz. Suspicious, with no target to name."""
    authority = [f.meaning.word for f in lures if f.meaning.authority]
    if not authority or not any(word in words.country_words for word in claims):
        return []
    others = len(lures) - len(authority)
    cheap = _cheap(host, words.endings) if not host.private_suffix else None
    # the claim itself (country and authority words) and two more pieces of evidence
    if others + (cheap is not None) + host.private_suffix < 2:
        return []
    shown = host.unicode
    reasons = [make_reason("official_claim_in_name", matched=shown,
                           detail=" + ".join([*claims, *authority]))]
    if cheap is not None:
        reasons.append(make_reason("abused_ending", matched=shown, detail=cheap))
    return reasons


def abused_ending(host: Host, index: RegistryIndex) -> list[Reason]:
    """The ``abused_ending`` note for a host that imitates a name under a cheap ending."""
    if host.ip or host.suffix_index == 0 or host.private_suffix:
        return []
    cheap = _cheap(host, _payloads.ending_kinds())
    return [] if cheap is None else [make_reason("abused_ending", matched=host.unicode,
                                                 detail=cheap)]


def check_context(host: Host, index: RegistryIndex) -> list[Reason]:
    if host.ip or host.suffix_index == 0:
        return []
    words = context_words(index)
    reading = _read_host(host, words)
    if reading is None:
        return []
    found, unknown = reading
    # one pass over the words: a word counts only where it is read cleanly (aman is no lure
    # inside halaman, see _counts)
    anchors: list[_Found] = []
    lures: list[_Found] = []
    claims: list[str] = []  # the first country word and the first government word
    country = cue = False
    counted = unknown
    for f in found:
        if not _counts(f):
            continue
        counted += 1
        word = f.meaning
        if word.anchor:
            anchors.append(f)
        if word.lure:
            lures.append(f)
        if word.country and not country:
            country = True
            claims.append(word.word)
        if word.cue and not cue:
            cue = True
            claims.append(word.word)
    if not anchors:
        return _official_claim(host, words, lures, claims)
    # the anchor: one that names an entry first, the strongest, the first written
    named = [f for f in anchors if f.meaning.entry is not None]
    anchor = max(named or anchors, key=lambda f: (f.meaning.strength, f.whole))
    meaning = anchor.meaning
    strength = max(meaning.strength, 1) if meaning.entry is None else meaning.strength
    if anchor.whole and meaning.entry is not None and len(anchor.key) < _SHORT \
            and meaning.strength > 0:
        strength = 2  # an acronym standing alone (bkn-id.com, ojk-indo.com) is its name
    lures = [f for f in lures if f is not anchor]
    if meaning.everyday_service:
        # an everyday lure (online, info) tells nothing beside a service's everyday word:
        # pajakonline.com is a tax-software name
        lures = [f for f in lures if f.meaning.lure > 1]
    values = sorted((f.meaning.lure for f in lures), reverse=True)
    points = strength + min(3, sum(values[:1]) + len(values[1:])) + 2 * len(claims)
    company = [f.meaning.word for f in lures] + claims
    others = sorted({f.meaning.word for f in anchors if f.meaning is not meaning})
    if others:
        points += 1
        company.extend(others)
    if strength == 2 and len(anchor.key) < _SHORT and anchor.whole and not company \
            and counted > 1:
        points += 1  # an acronym beside any other word: e-bkn.com, bkn-mobile.com
    in_subdomain = not any(f.registrable for f in anchors)
    platform = host.suffix if host.private_suffix else None
    if in_subdomain and platform is None:
        points += 1
    if platform is not None:
        points += 1
    cheap = _cheap(host, words.endings) if platform is None else None
    if cheap is not None:
        points += 1
    if anchor.disguised:
        points += 1
    if points < ENOUGH:
        return []
    company = list(dict.fromkeys(company))  # a word both lure and cue is said once
    shown = host.unicode
    entry = meaning.entry
    if entry is None:
        reasons = [make_reason("service_word_in_name", matched=shown, detail=meaning.word)]
    else:
        detail = " + ".join([meaning.word, *company]) if company else meaning.word
        if platform is not None:
            reasons = [make_reason("brand_on_hosting_platform", target=entry.domain,
                                   matched=shown, detail=platform)]
        else:
            reasons = [make_reason("brand_with_other_words", target=entry.domain,
                                   matched=shown, detail=detail,
                                   weight=min(95, 55 + 10 * points))]
        if in_subdomain and platform is None:
            reasons.append(make_reason("brand_in_subdomain", target=entry.domain,
                                       matched=shown, detail=host.registrable))
        if anchor.disguised:
            reasons.append(make_reason("disguised_spelling", target=entry.domain,
                                       matched=shown,
                                       detail=f"{anchor.written} ≈ {meaning.word}"))
    if cheap is not None:
        reasons.append(make_reason("abused_ending", matched=shown, detail=cheap))
    return reasons
