"""QWERTY key neighbours, for the typo families of `domainguard.permutations`.

Pure: no I/O. Letters only: a digit typed for a letter (`kemen4agri`) is a typo nobody reads past,
so the neighbours of a letter are the letters around its key.
"""

from __future__ import annotations

from functools import cache

__all__ = ["neighbours"]

# The three letter rows of a QWERTY keyboard. Each row sits about half a key to the right of the
# row above it, so the key at column i touches columns i and i+1 of the row above and columns
# i-1 and i of the row below.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


@cache
def neighbours(char: str) -> str:
    """Return the letters on the keys touching `char`'s key, in keyboard order ("" if none).

    >>> neighbours("s")
    'weadzx'
    >>> neighbours("7")
    ''
    """
    for r, row in enumerate(_ROWS):
        i = row.find(char) if len(char) == 1 else -1
        if i < 0:
            continue
        around: list[str] = []
        if r > 0:
            around += [_ROWS[r - 1][j] for j in (i, i + 1) if j < len(_ROWS[r - 1])]
        around += [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
        if r + 1 < len(_ROWS):
            around += [_ROWS[r + 1][j] for j in (i - 1, i) if 0 <= j < len(_ROWS[r + 1])]
        return "".join(around)
    return ""
