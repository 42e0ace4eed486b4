"""Candidate search for edit distance: which official skeletons may be near a query string.

Symmetric deletion (every string one deletion away, on both sides) finds every candidate within
one edit and many within two with a few hash probes, whatever the registry's size; callers
verify candidates with a real distance. Pure: no I/O.
"""

from __future__ import annotations

__all__ = ["NearIndex", "deletes"]


def deletes(text: str) -> set[str]:
    """The string and every string one deletion away: the symmetric-deletion keys."""
    keys = {text}
    keys.update(text[:i] + text[i + 1 :] for i in range(len(text)))
    return keys


class NearIndex:
    """Deletion keys of the official skeletons."""

    __slots__ = ("_keys",)

    def __init__(self) -> None:
        self._keys: dict[str, list[str]] = {}

    def add(self, skeleton: str) -> None:
        for key in deletes(skeleton):
            bucket = self._keys.setdefault(key, [])
            if skeleton not in bucket:
                bucket.append(skeleton)

    def near(self, text: str) -> set[str]:
        """Official skeletons that may be within the edit threshold of ``text`` (to verify)."""
        found: set[str] = set()
        for key in deletes(text):
            bucket = self._keys.get(key)
            if bucket:
                found.update(bucket)
        return found
