"""Candidate search for edit distance: which official skeletons may be near a query string.

Symmetric deletion (every string one deletion away, on both sides) finds every candidate within
one edit and many within two with a few hash probes, whatever the registry's size; callers
verify candidates with a real distance. Two slips in a long name often leave both sides with no
deletion in common (kemandagry, kemenndagrii for kemendagri): a long string also gets its
consonant key, its vowels dropped and doubled letters merged (kmndgr), which finds two vowel
slips, doubled letters and both together with one more probe; a query's consonant key less its
first or last consonant finds vowel slips beside one consonant more at an end (two probes).
Pure: no I/O.

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

__all__ = ["MIN_TWO_EDIT_LENGTH", "NearIndex", "consonant_key", "deletes", "probes"]

_DICT_KEYS: Final = 1 << 16  # up to this many keys (about 4,000 names) a dict is used
_HASH_BITS: Final = 0xFFFFFFFF
# Names at least this long may be two edits away (Chromium allows one; the measured misses of
# one edit on real permutations were stacked typos on long names). Strings this long get a
# consonant key too.
MIN_TWO_EDIT_LENGTH: Final = 9
_VOWELS: Final = str.maketrans("", "", "aeiouy")
_DOUBLED: Final = re.compile(r"(.)\1+")
_FIRST_GROUP: Final = itemgetter(1)


def consonant_key(text: str) -> str:
    """``text`` without vowels and with doubled letters merged, marked so that it never equals
    a deletion key: kemandagry and kemenndagrii both give the key of kemendagri."""
    # a C callable as the replacement: a template string is parsed again on every call
    return "\x00" + _DOUBLED.sub(_FIRST_GROUP, text.translate(_VOWELS))


def deletes(text: str) -> set[str]:
    """The string and every string one deletion away: the symmetric-deletion keys, and the
    consonant key of a long string."""
    keys = {text}
    keys.update(text[:i] + text[i + 1 :] for i in range(len(text)))
    if len(text) >= MIN_TWO_EDIT_LENGTH:
        keys.add(consonant_key(text))
    return keys


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
    and the matching skeleton numbers in ``numbers``."""

    __slots__ = ("hashes", "mask", "numbers", "starts")

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
        for number, name in enumerate(names):  # second pass: place them
            for code in map(hash, deletes(name)):
                code &= bits
                at = starts[code & mask] - 1
                starts[code & mask] = at
                hashes[at] = code
                numbers[at] = number
        self.hashes, self.numbers, self.starts, self.mask = hashes, numbers, starts, mask


class NearIndex:
    """Deletion keys of the official skeletons."""

    __slots__ = ("_keys", "_names", "_table")

    def __init__(self, expected: int = 0) -> None:
        """``expected``: how many skeletons will be added, when known (a big index then
        skips the dict stage)."""
        self._names: list[str] = []  # skeleton number -> skeleton
        # small registries: key -> skeletons; a skeleton has about 16 keys
        self._keys: dict[str, list[str]] | None = {} if expected * 16 <= _DICT_KEYS else None
        self._table: _Table | None = None  # large registries, built by freeze()

    def __len__(self) -> int:
        return len(self._names)

    def add(self, skeleton: str) -> None:
        """Index one official skeleton; add each once (a repeat costs memory, not answers)."""
        if self._table is not None:
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

    def near(self, text: str) -> set[str]:
        """Official skeletons that may be within the edit threshold of ``text`` (to verify):
        exactly those that share a deletion key with it."""
        # probes(text), written out: this is the hottest call of a check
        keys = [text]
        keys.extend([text[:i] + text[i + 1 :] for i in range(len(text))])
        if len(text) >= MIN_TWO_EDIT_LENGTH:
            key = consonant_key(text)
            keys.extend((key, key[0] + key[2:], key[:-1]))
        small = self._keys
        if small is not None:
            found: set[str] = set()
            for bucket in map(small.get, keys):
                if bucket:
                    found.update(bucket)
            return found
        table = self._table
        if table is None:  # not frozen yet: build the table now (freeze() would)
            table = self._table = _Table(self._names)
        hashes, starts, mask, bits = table.hashes, table.starts, table.mask, _HASH_BITS
        numbers: list[int] = []
        for code in map(hash, keys):
            code &= bits
            at = starts[code & mask]
            end = starts[(code & mask) + 1]
            while at < end:
                if hashes[at] == code:
                    numbers.append(table.numbers[at])
                at += 1
        if not numbers:
            return set()
        wanted = set(keys)  # a 32-bit hash can collide: keep only real shared keys
        names = self._names
        return {names[n] for n in set(numbers) if not wanted.isdisjoint(deletes(names[n]))}
