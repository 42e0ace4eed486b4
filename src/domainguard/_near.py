"""Candidate search for edit distance: which official skeletons may be near a query string.

Symmetric deletion (every string one deletion away, on both sides) finds every candidate within
one edit and many within two with a few hash probes, whatever the registry's size; callers
verify candidates with a real distance. Pure: no I/O.

Storage is chosen by size, the answers are the same. A small registry (the bundled one) keeps
its deletion keys in a dict of strings: the fastest probes. A registry of 100,000 domains has
about two million keys, some 350 MB as a dict; past ``_DICT_KEYS`` keys they move to an
open-addressing table of 32-bit key hashes in two flat arrays (about 16 bytes a key), and every
candidate a hash finds is confirmed against its real keys, so a collision never changes an
answer.
"""

from __future__ import annotations

from array import array
from typing import Final

__all__ = ["NearIndex", "deletes"]

_DICT_KEYS: Final = 1 << 16  # up to this many keys (about 4,000 names) a dict is used
_HASH_BITS: Final = 0xFFFFFFFF
_MAX_LOAD: Final = 0.5  # keys / slots in the table: linear probing stays short up to this


def deletes(text: str) -> set[str]:
    """The string and every string one deletion away: the symmetric-deletion keys."""
    keys = {text}
    keys.update(text[:i] + text[i + 1 :] for i in range(len(text)))
    return keys


class NearIndex:
    """Deletion keys of the official skeletons."""

    __slots__ = ("_hashes", "_ids", "_keys", "_mask", "_names", "_numbers", "_pairs")

    def __init__(self) -> None:
        self._names: list[str] = []  # skeleton number -> skeleton
        self._numbers: dict[str, int] = {}  # skeleton -> number: each skeleton is added once
        self._keys: dict[str, list[str]] | None = {}  # small registries: key -> skeletons
        self._hashes = array("I")  # large registries: slot -> key hash (odd) or 0 (empty)
        self._ids = array("I")  # slot -> skeleton number
        self._mask = 0
        self._pairs = 0  # (key, skeleton) pairs stored

    def __len__(self) -> int:
        return len(self._names)

    def add(self, skeleton: str) -> None:
        if skeleton in self._numbers:
            return
        number = len(self._names)
        self._numbers[skeleton] = number
        self._names.append(skeleton)
        keys = deletes(skeleton)
        self._pairs += len(keys)
        if self._keys is not None:
            for key in keys:
                self._keys.setdefault(key, []).append(skeleton)
            if len(self._keys) > _DICT_KEYS:
                self._to_table()
            return
        if self._pairs > (self._mask + 1) * _MAX_LOAD:
            self._resize()
        for key in keys:
            self._put(hash(key) & _HASH_BITS | 1, number)

    def _to_table(self) -> None:
        keys, self._keys = self._keys, None
        assert keys is not None
        self._resize()
        numbers = self._numbers
        while keys:
            key, skeletons = keys.popitem()  # frees the strings as it goes: a lower peak
            code = hash(key) & _HASH_BITS | 1
            for skeleton in skeletons:
                self._put(code, numbers[skeleton])

    def _resize(self) -> None:
        slots = 1 << 10
        while self._pairs > slots * _MAX_LOAD:
            slots <<= 1
        old_hashes, old_ids = self._hashes, self._ids
        self._hashes = array("I", bytes(4 * slots))
        self._ids = array("I", bytes(4 * slots))
        self._mask = slots - 1
        for code, number in zip(old_hashes, old_ids, strict=True):
            if code:
                self._put(code, number)

    def _put(self, code: int, number: int) -> None:
        hashes, mask = self._hashes, self._mask
        slot = code & mask
        while hashes[slot]:
            slot = slot + 1 & mask
        hashes[slot] = code
        self._ids[slot] = number

    def near(self, text: str) -> set[str]:
        """Official skeletons that may be within the edit threshold of ``text`` (to verify):
        exactly those that share a deletion key with it."""
        keys = [text]
        keys.extend([text[:i] + text[i + 1 :] for i in range(len(text))])
        small = self._keys
        if small is not None:
            found: set[str] = set()
            for key in keys:
                bucket = small.get(key)
                if bucket:
                    found.update(bucket)
            return found
        hashes, ids, mask, bits = self._hashes, self._ids, self._mask, _HASH_BITS
        numbers: list[int] = []
        for code in map(hash, keys):
            code = code & bits | 1
            slot = code & mask
            stored = hashes[slot]
            while stored:
                if stored == code:
                    numbers.append(ids[slot])
                slot = slot + 1 & mask
                stored = hashes[slot]
        if not numbers:
            return set()
        wanted = set(keys)  # a 32-bit hash can collide: keep only real shared keys
        names = self._names
        return {names[n] for n in set(numbers) if not wanted.isdisjoint(deletes(names[n]))}
