"""Candidate search for edit distance: which official skeletons may be near a query string.

Symmetric deletion (every string one deletion away, on both sides) finds every candidate within
one edit and many within two with a few hash probes, whatever the registry's size; callers
verify candidates with a real distance. Two slips in a long name often leave both sides with no
deletion in common (kemandagry, kemenndagrii for kemendagri): a long string also gets its
consonant key, its vowels dropped and doubled letters merged (kmndgr), which finds two vowel
slips, doubled letters and both together with one more probe; a query's consonant key less its
first or last consonant finds vowel slips beside one consonant more at an end (two probes).
Pure: no I/O.

Most queries share no key with any name, and building a query's keys is the costly part of a
look-up. So the ends of every key are also kept, with the key's length, as its signature, and a
key whose signature no official key has (nor, for a consonant key, whose own hash) cannot be
shared. A small index keeps each key's first two and last two letters as strings, in a set for
each key length, built once 256 queries have been answered without them (a single check does
not wait for them): a query's keys have only six such signatures (the query's own; deleting
its first, second, second-last or last letter; deleting any other), and its consonant keys are
looked up in the dict of keys itself, so a query none of whose forms is there ends without
building a key. A big index keeps first three and last three letters, hashed to two bits each
of a bitmap filled with its table (128 bits a name, at most 2 MB): many names share two letters
at each end with a query, far fewer three (with 100,000 word-like names 69% of the queries had
a key of some name's two-letter signature, 18% of a three-letter one). A query then has eight
forms (its own; deleting one of its first or last three letters, each its own; deleting any
other), and only the keys of the forms whose bits are set are built. Bits set by other
signatures only send a key on to the real look-up: the answer never changes.

Storage is chosen by size; the answers are the same. A small registry (the bundled one) keeps
its deletion keys in a dict of strings: the fastest probes. A registry of 100,000 domains has
about two million keys, some 350 MB as a dict; past ``_DICT_KEYS`` keys they are kept as 32-bit
hashes, grouped by bucket in flat arrays (about 10 bytes a key, built in two counting passes
with no temporary copy), and every candidate a hash finds is confirmed against its real keys,
so a collision never changes an answer.
"""

from __future__ import annotations

import re
from array import array
from operator import itemgetter
from typing import Final

from domainguard._spelling import without

__all__ = ["MIN_TWO_EDIT_LENGTH", "NearIndex", "consonant_key", "deletes", "probes"]

_DICT_KEYS: Final = 1 << 16  # up to this many keys (about 4,000 names) a dict is used
_HASH_BITS: Final = 0xFFFFFFFF
# Names at least this long may be two edits away (Chromium allows one; the measured misses of
# one edit on real permutations were stacked typos on long names). Strings this long get a
# consonant key too.
MIN_TWO_EDIT_LENGTH: Final = 9
_VOWELS: Final = str.maketrans("", "", "aeiouy")
_VOWEL_BYTES: Final = b"aeiouy"
_DOUBLED: Final = re.compile(r"(.)\1+")
_HAS_DOUBLED: Final = re.compile(r"(.)\1").search  # a pair is enough to know: a third faster
_FIRST_GROUP: Final = itemgetter(1)
# Queries at least this long have their signatures tried first (a shorter one has too few
# letters for a small index's six forms: its keys are built at once).
_SIGNED: Final = 5
# Bits of a big index's signature bitmap per name, within bounds. A name's keys share many of
# their signatures with other names', so with 100,000 names 6% (go.id-like) to 9% (word-like)
# of the bits are set, and a signature no key has passes both of its bits about once in 100.
_BITS_PER_NAME: Final = 128
_MIN_BITS: Final = 1 << 16
_MAX_BITS: Final = 1 << 24  # 2 MB
_LENGTH_MIX: Final = 0x9E3779B1  # spreads the same letters at other lengths over the bitmap
# Queries answered with the keys alone before a small index builds its signatures (about 4 ms
# for the bundled registry): a single check stays quick, a feed soon gains.
_SIGN_AFTER: Final = 256


def _has(signs: bytearray, code: int, mask: int) -> bool:
    """Are both bits of ``code`` set in the bitmap ``signs`` (its low bits and those from bit
    32 on, within ``mask``)? Two bits a signature: in the same space as one, many fewer
    signatures no key has pass (about 1 in 100 instead of 1 in 20 with 100,000 names)."""
    bit = code & mask
    if not signs[bit >> 3] >> (bit & 7) & 1:
        return False
    bit = code >> 32 & mask
    return bool(signs[bit >> 3] >> (bit & 7) & 1)


def _signature(key: str) -> int:
    """A big index's signature of a key: its first three and last three letters and its
    length, as one number. (Two letters each side were too common a pair: with 100,000
    word-like names 48% of the queries passed the test of their inner deletions.)"""
    return hash(key[:3] + key[-3:]) ^ len(key) * _LENGTH_MIX


def consonant_key(text: str) -> str:
    """``text`` without vowels and with doubled letters merged, marked so that it never equals
    a deletion key: kemandagry and kemenndagrii both give the key of kemendagri."""
    consonants = without(text, _VOWEL_BYTES, _VOWELS)
    if _HAS_DOUBLED(consonants) is None:
        return "\x00" + consonants  # most strings: a search costs less than a substitution
    # a C callable as the replacement: a template string is parsed again on every call
    return "\x00" + _DOUBLED.sub(_FIRST_GROUP, consonants)


def deletes(text: str) -> set[str]:
    """The string and every string one deletion away: the symmetric-deletion keys, and the
    consonant key of a long string."""
    keys = {text}
    keys.update(text[:i] + text[i + 1 :] for i in range(len(text)))
    if len(text) >= MIN_TWO_EDIT_LENGTH:
        keys.add(consonant_key(text))
    return keys


def _key_of(key: str, name: str) -> bool:
    """Is ``key`` one of ``deletes(name)``? Checked without building them."""
    if key[:1] == "\x00":
        return len(name) >= MIN_TWO_EDIT_LENGTH and consonant_key(name) == key
    size = len(key)
    if size == len(name):
        return key == name
    if size != len(name) - 1:
        return False
    # the first letter where they differ is one whose deletion gives the key, if any does
    # (deleting any letter of a run of the same letter gives the same string)
    at = 0
    while at < size and key[at] == name[at]:
        at += 1
    return key[at:] == name[at + 1 :]


def probes(text: str) -> list[str]:
    """The keys a query looks up: its deletion keys (``deletes``), and for a long query its
    consonant key also without its first or its last consonant, so that vowel slips beside
    one consonant more at an end (myetherwellets, a plural s) are found too."""
    keys = [text]
    keys.extend([text[:i] + text[i + 1 :] for i in range(len(text))])
    if len(text) >= MIN_TWO_EDIT_LENGTH:
        key = consonant_key(text)  # its first character is a marker, kept
        keys.extend((key, key[0] + key[2:], key[:-1]))
    return keys


class _Table:
    """Deletion-key hashes by bucket: bucket ``b`` holds ``hashes[starts[b]:starts[b + 1]]``
    and the matching skeleton numbers in ``numbers``; and the bitmap of the keys' signatures
    (``signs``, bit ``signature & sign_mask``)."""

    __slots__ = ("hashes", "mask", "numbers", "sign_mask", "signs", "starts")

    def __init__(self, names: list[str]) -> None:
        pairs = sum(len(deletes(name)) for name in names)
        buckets = 1 << max(pairs // 2 - 1, 1).bit_length()  # one or two keys a bucket
        mask = buckets - 1
        bits = _HASH_BITS
        starts = array("I", bytes(4 * (buckets + 1)))
        for name in names:  # first pass: count the keys of each bucket
            for code in map(hash, deletes(name)):
                starts[(code & bits) & mask] += 1
        total = 0
        for bucket in range(buckets):  # each bucket's end, then filled from the back
            total += starts[bucket]
            starts[bucket] = total
        starts[buckets] = total
        hashes = array("I", bytes(4 * total))
        numbers = array("I", bytes(4 * total))
        size = min(_MAX_BITS, max(_MIN_BITS, 1 << (len(names) * _BITS_PER_NAME).bit_length()))
        signs = bytearray(size >> 3)
        sign_mask = size - 1
        for number, name in enumerate(names):  # second pass: place them, and sign them
            for key in deletes(name):
                full = hash(key)
                code = full & bits
                at = starts[code & mask] - 1
                starts[code & mask] = at
                hashes[at] = code
                numbers[at] = number
                # a consonant key by its own hash (it is looked up whole), any other key by
                # its signature
                sign = full if key[0] == "\x00" else _signature(key)
                for bit in (sign & sign_mask, sign >> 32 & sign_mask):
                    signs[bit >> 3] |= 1 << (bit & 7)
        self.hashes, self.numbers, self.starts, self.mask = hashes, numbers, starts, mask
        self.signs, self.sign_mask = signs, sign_mask


class NearIndex:
    """Deletion keys of the official skeletons."""

    __slots__ = ("_ends", "_keys", "_names", "_queries", "_table")

    def __init__(self, expected: int = 0) -> None:
        """``expected``: how many skeletons will be added, when known (a big index then
        skips the dict stage)."""
        self._names: list[str] = []  # skeleton number -> skeleton
        # small registries: key -> skeletons; a skeleton has about 16 keys
        self._keys: dict[str, list[str]] | None = {} if expected * 16 <= _DICT_KEYS else None
        # large registries, built by freeze(), with the bitmap of the keys' signatures
        self._table: _Table | None = None
        # a small index keeps the signatures themselves, by key length, built by _sign once
        # _SIGN_AFTER queries have been answered without them
        self._ends: dict[int, frozenset[str]] | None = None
        self._queries = 0

    def __len__(self) -> int:
        return len(self._names)

    def add(self, skeleton: str) -> None:
        """Index one official skeleton; add each once (a repeat costs memory, not answers)."""
        if self._table is not None or self._ends is not None:
            raise RuntimeError("NearIndex.add after freeze")
        self._names.append(skeleton)
        keys = self._keys
        if keys is not None:
            for key in deletes(skeleton):
                bucket = keys.get(key)
                if bucket is None:
                    keys[key] = [skeleton]
                else:
                    bucket.append(skeleton)
            if len(keys) > _DICT_KEYS:
                self._keys = None  # too big for a dict: freeze() builds the table

    def freeze(self) -> None:
        """Finish building (the table of a large index); near() builds it when needed."""
        if self._keys is None and self._table is None:
            self._table = _Table(self._names)

    def _sign(self) -> None:
        """A small index's signatures: each key's first two and last two letters as a string,
        in a set by the key's length. A query's six forms are looked up as they are, with no
        false match, and its consonant keys in the dict of keys itself: 45% less a query than
        a bitmap (the bundled registry: 2,686 strings)."""
        small = self._keys
        assert small is not None
        ends: dict[int, set[str]] = {}
        for key in small:
            if key[0] != "\x00":
                ends.setdefault(len(key), set()).add(key[:2] + key[-2:])
        self._ends = {size: frozenset(found) for size, found in ends.items()}

    def _signed(self, text: str, table: _Table) -> list[str]:
        """The keys of ``text`` (``probes``) whose signature is set in a big index's bitmap:
        a key whose signature is not set is no name's key. For most queries none is left.
        The deletions of an inner letter (none of the first or last three) all have the
        query's own ends, one signature for them all, and are built only when it is set;
        the six others are tried by their ends alone, and built only when set."""
        signs, mask = table.signs, table.sign_mask
        size = len(text)
        whole = size * _LENGTH_MIX
        shorter = whole - _LENGTH_MIX
        keys: list[str] = []
        if size < 7:  # every letter is one of the first or last three: each key built
            code = hash(text[:3] + text[-3:]) ^ whole
            if _has(signs, code, mask):
                keys.append(text)
            for at in range(size):
                key = text[:at] + text[at + 1 :]
                if _has(signs, hash(key[:3] + key[-3:]) ^ shorter, mask):
                    keys.append(key)
            return keys
        head, tail = text[:3], text[-3:]
        ends = hash(head + tail)
        # _has(), written out: this runs for every query of a big index
        code = ends ^ whole
        bit = code & mask
        if signs[bit >> 3] >> (bit & 7) & 1:
            bit = code >> 32 & mask
            if signs[bit >> 3] >> (bit & 7) & 1:
                keys.append(text)
        code = ends ^ shorter
        bit = code & mask
        if signs[bit >> 3] >> (bit & 7) & 1:
            bit = code >> 32 & mask
            if signs[bit >> 3] >> (bit & 7) & 1:
                keys.extend([text[:i] + text[i + 1 :] for i in range(3, size - 3)])
        # a first or a last letter deleted: the ends of the key, from the query's
        for at, form in enumerate((text[1:4] + tail, text[0] + text[2:4] + tail,
                                   head[:2] + text[3] + tail, head + text[-4] + tail[1:],
                                   head + text[-4:-2] + tail[2], head + text[-4:-1])):
            code = hash(form) ^ shorter
            bit = code & mask
            if signs[bit >> 3] >> (bit & 7) & 1:
                bit = code >> 32 & mask
                if signs[bit >> 3] >> (bit & 7) & 1:
                    at = at if at < 3 else at - 6 + size
                    keys.append(text[:at] + text[at + 1 :])
        if size >= MIN_TWO_EDIT_LENGTH:
            key = consonant_key(text)
            for form in (key, key[0] + key[2:], key[:-1]):
                code = hash(form)
                bit = code & mask
                if signs[bit >> 3] >> (bit & 7) & 1:
                    bit = code >> 32 & mask
                    if signs[bit >> 3] >> (bit & 7) & 1:
                        keys.append(form)
        return keys

    def _unshared(self, text: str) -> bool:
        """True when no key of ``text`` is a key of a small index, by its signatures: the
        six forms of ``_signed``, looked up as strings rather than bits."""
        ends = self._ends
        small = self._keys
        assert ends is not None
        assert small is not None
        size = len(text)
        head, tail = text[:2], text[-2:]
        both = head + tail
        same = ends.get(size)
        if same is not None and both in same:
            return False
        shorter = ends.get(size - 1)
        if shorter is not None and (
                both in shorter or text[1:3] + tail in shorter
                or text[0] + text[2] + tail in shorter or head + text[-3] + text[-1] in shorter
                or head + text[-3:-1] in shorter):
            return False
        if size >= MIN_TWO_EDIT_LENGTH:
            key = consonant_key(text)
            return not (key in small or key[0] + key[2:] in small or key[:-1] in small)
        return True

    def near(self, text: str) -> set[str]:
        """Official skeletons that may be within the edit threshold of ``text`` (to verify):
        exactly those that share a deletion key with it."""
        small = self._keys
        if small is not None:
            if len(text) >= _SIGNED:
                if self._ends is not None:
                    if self._unshared(text):
                        return set()  # most queries: no key in common, found without the keys
                else:
                    self._queries += 1
                    if self._queries >= _SIGN_AFTER:
                        self._sign()
            # probes(text), written out: this is the hottest call of a check
            keys = [text]
            keys.extend([text[:i] + text[i + 1 :] for i in range(len(text))])
            if len(text) >= MIN_TWO_EDIT_LENGTH:
                key = consonant_key(text)
                keys.extend((key, key[0] + key[2:], key[:-1]))
            found: set[str] = set()
            # the keys the dict holds, found in one C call (a view's intersection looks each
            # of ``keys`` up in the dict); most queries that get here hold one to three
            for key in small.keys() & keys:
                found.update(small[key])
            return found
        table = self._table
        if table is None:  # not frozen yet: build the table now (freeze() would)
            table = self._table = _Table(self._names)
        keys = self._signed(text, table) if len(text) >= _SIGNED else probes(text)
        if not keys:
            return set()  # most queries: no key in common, found without building the keys
        hashes, numbers, starts, mask = table.hashes, table.numbers, table.starts, table.mask
        names = self._names
        shared: set[str] = set()
        for key in keys:
            code = hash(key) & _HASH_BITS
            at = starts[code & mask]
            end = starts[(code & mask) + 1]
            while at < end:
                # a 32-bit hash can collide: a name counts only if the key is really its own
                if hashes[at] == code:
                    name = names[numbers[at]]
                    if name not in shared and _key_of(key, name):
                        shared.add(name)
                at += 1
        return shared
