"""Disguised spellings: a word as scammers write it so that filters miss it and readers don't.

``ver1fikasi`` (digits for letters), ``danaa``, ``pertamiinaa`` (letters doubled),
``mndiri``, ``fstvl`` (vowels dropped). ``plain_key`` reads digits that stand for letters as
those letters and merges doubled letters; ``consonants`` drops the vowels too. Both are applied
to the vocabulary and to the host alike, so a word and its disguises meet on one key. Pure.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import Any, Final

__all__ = ["LEET", "consonants", "pieces", "plain_key", "trie_pattern", "without"]

# Digits read as the letters they look like (leet); other digits are numbers, never letters.
LEET: Final = str.maketrans("013457", "oieast")
_DOUBLED: Final = re.compile(r"(.)\1+")
_HAS_DOUBLED: Final = re.compile(r"(.)\1").search  # a pair is enough to know: a third faster
_FIRST: Final = itemgetter(1)  # a C callable as the replacement: no template to parse
_DIGIT: Final = re.compile(r"[0-9]").search
_VOWELS: Final = str.maketrans("", "", "aeiou")
_VOWEL_BYTES: Final = b"aeiou"
# A run of two digits or more is a number (2024, 6500), and so is a digit with no leet reading:
# both end a word rather than spell one (cpns2024, dana4id has its 4 read as "a")
_NUMBERS: Final = re.compile(r"[0-9]{2,}|[2689]")


def plain_key(word: str) -> str:
    """``word`` with leet digits read as letters and doubled letters merged: one key for
    dana, danaa and d4na."""
    if not word.isalpha() and _DIGIT(word):  # (translate costs more than a search)
        word = word.translate(LEET)
    # most words have no doubled letter: one search, and no substitution to build
    return _DOUBLED.sub(_FIRST, word) if _HAS_DOUBLED(word) else word


def without(text: str, letters: bytes, table: dict[int, int | None]) -> str:
    """``text`` without ``letters`` (ASCII), whose deletion ``table`` (``str.maketrans``)
    serves a text that is not ASCII."""
    if text.isascii():
        # bytes.translate() deletes in one pass; str.translate() looks every character up in
        # a dict, which cost 2.7 times as much
        return text.encode("ascii").translate(None, letters).decode("ascii")
    return text.translate(table)


def consonants(key: str) -> str:
    """A plain key without its vowels: mandiri and mndiri both give mndr."""
    return without(key, _VOWEL_BYTES, _VOWELS)


def pieces(token: str) -> list[str]:
    """The parts of a host token between numbers: cpns2024 gives cpns; b3rhadiah stays whole
    (its 3 is a letter)."""
    if token.isalpha():
        return [token]
    return [part for part in _NUMBERS.split(token) if part]


def trie_pattern(words: list[str]) -> re.Pattern[str]:
    """One regular expression finding any of ``words`` (plain keys) in a plain key, built on
    their trie cut where a word ends (a word that starts with another is found by it), so that
    the engine follows one branch per letter and never backtracks over an ending."""
    trie: dict[str, Any] = {}
    for word in sorted(words, key=len):
        node = trie
        for char in word:
            if node.get(char) == {}:  # a shorter word ends here: it finds this one too
                break
            node = node.setdefault(char, {})
        else:
            node.clear()  # this word's end: nothing longer needs looking for

    def branch(node: dict[str, Any]) -> str:
        parts = [re.escape(char) + branch(rest) for char, rest in sorted(node.items())]
        if len(parts) < 2:
            return "".join(parts)
        return "(?:" + "|".join(parts) + ")"

    return re.compile(branch(trie))
