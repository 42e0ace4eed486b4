"""Confusable skeletons and script checks for domain labels. Pure: no I/O, tables parsed lazily.

Two labels that look alike get the same skeleton:

>>> skeleton("dukсapil") == skeleton("dukcapil")      # Cyrillic с
True
>>> skeleton("ԁukcаpil"), skeleton("ĸemendagri"), skeleton("dukcapi1")
('dukcapil', 'kemendagri', 'dukcapil')
>>> visual_skeleton("kernendagri") == visual_skeleton("kemendagri")
True
>>> sorted(scripts_of("paypаl")), is_mixed_script("paypаl"), whole_script_confusable("аррӏе")
(['Cyrillic', 'Latin'], True, 'Cyrillic')
>>> [signal.code for signal in spoof_signals("аррӏе.com")], spoof_signals("аррӏе.ru")
(['whole_script_confusable'], ())

What each function promises:

- `skeleton` is UTS #39's skeleton adapted to domain labels: NFKD, lowercase, combining marks
  (diacritics) and default-ignorable characters dropped, then each code point mapped through
  Unicode's confusables.txt. Departures from UTS #39, all so that the skeleton of a
  Latin-lookalike label is the plain ASCII it imitates: ASCII letters are their own skeleton
  (UTS #39 maps m to rn; that belongs to `visual_skeleton`), Latin letters with an attached
  diacritic or in small-capital form become their ASCII letter (đ, ƙ, ɗ, ʜ, ĸ), and digits 0
  and 1 become o and l as in confusables.txt. Both sides of a comparison go through the same
  function, so "d4000" and "d4ooo" share the skeleton "d4ooo". Lone surrogates (never part of
  a host) become U+FFFD. Idempotent.
- `visual_skeleton` reads more loosely, like a hurried eye in a small URL-bar font: Chromium's
  extra lookalike mappings (п n, т t, ш w, н h, ৭ q, з 3, ß b, ...: about 150, see
  scripts/gen_confusables.py), Chromium's second readings (þ b, œ ce, ł t), the ASCII
  multi-letter lookalikes rn -> m, vv -> w, cl -> d, and the i/l/1 family (i, l, 1, I, |,
  ı, ӏ, ...) all read as "i". Not collapsed, on purpose: lc -> k (with i and l unified it
  would make "public" read as "publik") and nn -> m.
- `scripts_of` names the Unicode Script property values of a label, Common, Inherited and
  Unknown left out.
- `is_mixed_script` is UTS #39's "highly restrictive" test, on Script_Extensions: one script,
  or Latin with Han and Hiragana/Katakana, with Han and Bopomofo, or with Han and Hangul.
- `whole_script_confusable` names the script of a label written in one non-Latin script all of
  whose letters look like Latin letters ("аррӏе": Cyrillic).
- `spoof_signals` collects the generic signs of an IDN spoof in a Unicode host, independent of
  any registry, following Chromium's IDN spoof checker (components/url_formatter/spoof_checks/
  idn_spoof_checker.cc). All-ASCII labels never carry a signal. Signal codes, stable:

  mixed_script             scripts mixed beyond "highly restrictive", or non-ASCII Latin
                           letters mixed with another script ("héllo中国")
  whole_script_confusable  a label entirely of Latin-lookalike letters of one other script,
                           unless the TLD is written in that script or is its country's ccTLD
                           (Cyrillic under .ru or .рф, Greek under .gr, ...)
  invisible_character      zero-width, bidi control, other default-ignorable, control, format
                           or space characters
  combining_mark           the same combining mark twice in a row, a combining mark after a
                           letter of a script other than Latin, Greek or Cyrillic, a dot above
                           on i/j/l or a mark on dotless i, kana voiced sound marks mixed in
  dangerous_pattern        Chromium's patterns of Japanese and Chinese characters used as
                           slashes, dots, dashes or Latin letters next to non-CJK text
  digit_lookalike          a label of digits and digit lookalikes only ("੨੨੨", "1շ"), or
                           decimal digits of more than one numbering system
  restricted_character     a character outside UTS #39's General Security Profile
                           (Identifier_Status=Allowed) as Chromium narrows it: symbols, emoji,
                           historic and limited-use scripts, rare Latin/Greek/Cyrillic blocks
  tld_specific_character   þ or ð outside .is/.fo, ə outside .az, · other than in l·l under
                           .cat

The tables come from Unicode 17.0 (see domainguard._confusables); normalisation uses the running
Python's unicodedata (Unicode 13.0 on Python 3.10 to 15.1 on 3.13), so a character newer than
the running Python is looked up as it is, undecomposed.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from domainguard import _confusables

__all__ = [
    "SpoofSignal",
    "is_mixed_script",
    "readable_labels",
    "scripts_of",
    "skeleton",
    "spoof_signals",
    "visual_skeleton",
    "whole_script_confusable",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class SpoofSignal:
    """One sign of an IDN spoof: a stable code, the label it was found in, and why."""

    code: str
    label: str
    detail: str


# --- tables ---------------------------------------------------------------------------------


class _Tables:
    """The parsed tables (a plain class: a second dataclass would double the import time)."""

    __slots__ = (
        "allowed_ends",
        "allowed_starts",
        "ascii_skeleton",
        "ascii_visual",
        "extensions",
        "ignorable_ends",
        "ignorable_starts",
        "script_codes",
        "script_starts",
        "skeleton",
        "visual",
    )

    def __init__(
        self,
        *,
        skeleton: dict[str, str],
        visual: dict[str, str],
        script_starts: list[int],
        script_codes: list[str],
        extensions: dict[int, frozenset[str]],
        allowed: tuple[list[int], list[int]],
        ignorable: tuple[list[int], list[int]],
    ) -> None:
        self.skeleton = skeleton
        self.visual = visual
        self.script_starts = script_starts
        self.script_codes = script_codes
        self.extensions = extensions
        self.allowed_starts, self.allowed_ends = allowed
        self.ignorable_starts, self.ignorable_ends = ignorable
        # The per-character mappings restricted to ASCII as str.translate tables: an ASCII
        # label (most hosts) is mapped in one C call instead of a loop of lookups
        ascii_chars = [chr(cp) for cp in range(128)]
        self.ascii_skeleton = str.maketrans({c: skeleton.get(c, c) for c in ascii_chars})
        self.ascii_visual = str.maketrans(
            {c: visual[c] if c in visual else skeleton.get(c, c) for c in ascii_chars})


def _parse_mapping(data: str) -> dict[str, str]:
    return {entry[0]: entry[1:] for entry in data.split("\n") if entry}


def _parse_ranges(data: str) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for item in data.split():
        low, _, high = item.partition("-")
        starts.append(int(low, 16))
        ends.append(int(high, 16))
    return starts, ends


@functools.cache
def _tables() -> _Tables:
    """Parse the generated tables once, on first use (a few milliseconds)."""
    script_starts: list[int] = []
    script_codes: list[str] = []
    for item in _confusables.SCRIPTS.split():
        start, _, code = item.partition(":")
        script_starts.append(int(start, 16))
        script_codes.append(code)
    extensions: dict[int, frozenset[str]] = {}
    for item in _confusables.SCRIPT_EXTENSIONS.split():
        span, _, codes = item.partition(":")
        low, _, high = span.partition("-")
        value = frozenset(codes.split(","))
        for cp in range(int(low, 16), int(high, 16) + 1):
            extensions[cp] = value
    return _Tables(
        skeleton=_parse_mapping(_confusables.SKELETON),
        visual=_parse_mapping(_confusables.VISUAL),
        script_starts=script_starts,
        script_codes=script_codes,
        extensions=extensions,
        allowed=_parse_ranges(_confusables.ALLOWED),
        ignorable=_parse_ranges(_confusables.IGNORABLE),
    )


def _in_ranges(cp: int, starts: list[int], ends: list[int]) -> bool:
    index = bisect.bisect_right(starts, cp) - 1
    return index >= 0 and cp <= ends[index]


def _script(cp: int) -> str:
    tables = _tables()
    return tables.script_codes[bisect.bisect_right(tables.script_starts, cp) - 1]


@functools.lru_cache(maxsize=4096)
def _script_extensions(cp: int) -> frozenset[str]:
    found = _tables().extensions.get(cp)
    return found if found is not None else frozenset((_script(cp),))


def _is_ignorable(cp: int) -> bool:
    tables = _tables()
    return _in_ranges(cp, tables.ignorable_starts, tables.ignorable_ends)


# --- skeletons ------------------------------------------------------------------------------

_SURROGATES = re.compile(r"[\ud800-\udfff]")


def _normalise(label: str) -> str:
    """NFKD, lowercase, NFKD again, without combining marks or default-ignorables."""
    if label.isascii():
        return label.lower()
    text = _SURROGATES.sub("\ufffd", label)
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).lower())
    return "".join(
        ch
        for ch in text
        if unicodedata.category(ch) not in ("Mn", "Me") and not _is_ignorable(ord(ch))
    )


def readable_labels(labels: tuple[str, ...], unicode_labels: tuple[str, ...]) -> tuple[str, ...]:
    """A host's labels as words can be read from them: ASCII labels as they are, Unicode ones
    by their skeleton (kemensоs with a Cyrillic о reads kemensos). ``labels`` are the ASCII
    forms, returned as they are when nothing is Unicode (most hosts)."""
    if labels == unicode_labels:
        return labels
    return tuple(label if label.isascii() else skeleton(label) for label in unicode_labels)


def skeleton(label: str) -> str:
    """The confusable skeleton of a label (module docstring): equal skeletons look alike."""
    if label.isascii():
        return label.lower().translate(_tables().ascii_skeleton)
    table = _tables().skeleton
    return "".join([table.get(ch, ch) for ch in _normalise(label)])


# Applied in this order, after the per-character mapping; none can recreate an earlier one.
_ASCII_LOOKALIKES = (("rn", "m"), ("vv", "w"), ("cl", "d"))
# The i/l/1 family reads as "i": "l" would let "cl" -> "d" fire again on the output.


def visual_skeleton(label: str) -> str:
    """A looser skeleton for fonts and hurried eyes (module docstring). Idempotent."""
    tables = _tables()
    if label.isascii():
        text = label.lower().translate(tables.ascii_visual)
    else:
        visual, plain = tables.visual, tables.skeleton
        text = "".join([visual[ch] if ch in visual else plain.get(ch, ch)
                        for ch in _normalise(label)])
    for pair, single in _ASCII_LOOKALIKES:
        text = text.replace(pair, single)
    return text.replace("l", "i")  # (a tenth of the cost of a translate() of one letter)


# --- scripts --------------------------------------------------------------------------------

_NO_SCRIPT = frozenset({"Zyyy", "Zinh", "Zzzz"})
# UTS #39 section 5.1: Han, Hiragana, Katakana, Hangul and Bopomofo stand for the writing systems
# they take part in, so that Japanese, Korean and Chinese text each count as one script.
_AUGMENTED = {
    "Hani": frozenset({"Hani", "Hanb", "Jpan", "Kore"}),
    "Hira": frozenset({"Hira", "Jpan"}),
    "Kana": frozenset({"Kana", "Jpan"}),
    "Hang": frozenset({"Hang", "Kore"}),
    "Bopo": frozenset({"Bopo", "Hanb"}),
}
_CJK_WRITING_SYSTEMS = frozenset({"Hanb", "Jpan", "Kore"})


def _code_points(label: str) -> Iterator[int]:
    return (ord(ch) for ch in _SURROGATES.sub("\ufffd", label))


def _script_name(code: str) -> str:
    return _confusables.SCRIPT_NAMES.get(code, code)


def scripts_of(label: str) -> frozenset[str]:
    """Long names of the scripts a label uses ("Latin", "Cyrillic"), without Common/Inherited."""
    codes = {_script(cp) for cp in _code_points(label)} - _NO_SCRIPT
    return frozenset(_script_name(code) for code in codes)


@functools.lru_cache(maxsize=4096)
def _augmented_extensions(cp: int) -> frozenset[str] | None:
    """Augmented Script_Extensions of a code point; None for Common/Inherited (any script)."""
    scx = _script_extensions(cp)
    if scx <= _NO_SCRIPT:
        return None
    extra = [_AUGMENTED[code] for code in scx if code in _AUGMENTED]
    return scx.union(*extra) if extra else scx


def _resolved(cps: list[int], without: str | None = None) -> frozenset[str] | None:
    """UTS #39 resolved script set (None: every script), skipping characters of `without`."""
    resolved: frozenset[str] | None = None
    for cp in cps:
        scx = _augmented_extensions(cp)
        if scx is None or (without is not None and without in scx):
            continue
        resolved = scx if resolved is None else resolved & scx
    return resolved


def is_mixed_script(label: str) -> bool:
    """True unless the label is single-script or mixes Latin with one CJK writing system."""
    cps = list(_code_points(label))
    resolved = _resolved(cps)
    if resolved is None or resolved:
        return False
    without_latin = _resolved(cps, without="Latn")
    return without_latin is not None and not (without_latin & _CJK_WRITING_SYSTEMS)


# Chromium's hand-picked Latin-lookalike letters per script (idn_spoof_checker.cc,
# kWholeScriptConfusables; Thai: the larger Linux list), on top of the letters whose visual
# skeleton is ASCII letters. Keyed by script code.
_CHROMIUM_LOOKALIKE_LETTERS = {
    "Armn": "ագզէլհյոսւօՙ",
    "Cyrl": "аысԁеԍһіюкјӏорԗԛѕтԝхуъьҽпгѵѡ",
    "Ethi": "ሀሠሰስበነተከዐዕዘጠፐꬅ",
    "Geor": "იოყძხჽჿ",
    "Grek": "αικνρυωηοτ",
    "Hebr": "דוחיןסװײ׳ﬦ",
    "Beng": "০৭",
    "Deva": "ऽ०ॱ",
    "Gujr": "ડટ૦૧",
    "Guru": "੦੧",
    "Knda": "ಽ೦೧",
    "Mlym": "ടഠധനറ൦",
    "Orya": "ଠ୦୮",
    "Taml": "டப௦",
    "Telu": "౦౧",
    "Mymr": "ခဂငထပဝ၀၂ၔၜ\u1090\u1091\u1095\u1096\u1097",
    "Thai": "ทนบพรหเแ๐ดลปฟม",
}
# The ccTLDs under which Chromium lets a whole-script confusable of that script through.
_WHOLE_SCRIPT_TLDS = {
    "Armn": frozenset({"am"}),
    "Cyrl": frozenset({"bg", "by", "kz", "pyc", "ru", "su", "ua", "uz"}),
    "Ethi": frozenset({"er", "et"}),
    "Geor": frozenset({"ge"}),
    "Grek": frozenset({"gr"}),
    "Hebr": frozenset({"il"}),
    "Mymr": frozenset({"mm"}),
    "Thai": frozenset({"th"}),
}
# Common words Chromium lets through although every letter looks Latin: they spell no Latin
# word (idn_spoof_checker.cc, kAllowedWholeScriptConfusableWords).
_ALLOWED_WHOLE_SCRIPT_WORDS = frozenset(
    {"секс", "как", "коса", "курс", "парк", "такий", "укроп", "сахарок", "покраска", "театр",
     "астро", "пхукет"}
)  # fmt: skip
_ASCII_LETTERS = re.compile("[a-z]+")


@functools.cache
def _looks_latin(ch: str) -> bool:
    """Whether a character reads as Latin letters (visual skeleton of ASCII letters only)."""
    if ch in _CHROMIUM_LOOKALIKE_LETTERS.get(_script(ord(ch)), ""):
        return True
    return _ASCII_LETTERS.fullmatch(visual_skeleton(ch)) is not None


# Not checked for whole-script confusables: Latin itself, and the scripts of Chinese, Japanese
# and Korean, whose Latin-like characters (七 t, 丫 y) are caught next to other text by the
# dangerous patterns instead, as in Chromium.
_NOT_WHOLE_SCRIPT = frozenset({"Latn", "Hani", "Hira", "Kana", "Hang", "Bopo"})


def _whole_script(label: str) -> str | None:
    codes = {_script(cp) for cp in _code_points(label)} - _NO_SCRIPT
    if len(codes) != 1:
        return None
    (code,) = codes
    if code in _NOT_WHOLE_SCRIPT:
        return None
    letters = {ch for ch in label if _script(ord(ch)) == code}
    return code if all(_looks_latin(ch) for ch in letters) else None


def whole_script_confusable(label: str) -> str | None:
    """The script ("Cyrillic") of a one-script, non-Latin label made of Latin lookalikes."""
    code = _whole_script(_SURROGATES.sub("\ufffd", label.lower()))
    return None if code is None else _script_name(code)


# --- spoof signals --------------------------------------------------------------------------

# Chromium's narrowing of the allowed set (IDNSpoofChecker::SetAllowedUnicodeSet): characters
# and blocks removed from Identifier_Status=Allowed ...
_CHROMIUM_BLOCKED = frozenset(
    {0x0338, 0x058A, 0x2010, 0x2019, 0x2027, 0x30A0, 0x02BB, 0x02BC, 0x02EC, 0x0138}
)
_CHROMIUM_BLOCKED_RANGES = (
    (0x01CD, 0x01DC),  # Latin Extended-B: Pinyin
    (0x1C80, 0x1C8F),  # Cyrillic Extended-C
    (0x1E00, 0x1E9B),  # Latin Extended Additional (its Vietnamese part stays allowed)
    (0x1F00, 0x1FFF),  # Greek Extended
    (0xA640, 0xA69F),  # Cyrillic Extended-B
    (0xA720, 0xA7FF),  # Latin Extended-D
)
# ... and ICU's inclusion set, added to it (uspoof_getInclusionUnicodeSet; ZWJ and ZWNJ are
# reported as invisible instead).
_INCLUSION = frozenset(
    "'-.:\u00b7\u0375\u058a\u05f3\u05f4\u06fd\u06fe\u0f0b\u2010\u2019\u2027\u30a0\u30fb"
)
_KANA_VOICED_MARKS = frozenset({0x3099, 0x309A})
# Unicode 16-17 narrowed Identifier_Status since the Unicode 15.1 data Chromium's checker was
# built and tested on: Bopomofo became Limited_Use, a few Georgian letters, the Shan digits and
# the kana voiced sound marks Uncommon_Use. Chromium still shows them, and so do we: they are
# in use in .tw, .ge and .mm names and Japanese text, and their Latin-lookalike uses are caught
# by the whole-script, dangerous-pattern and combining-mark checks.
_STILL_ALLOWED = (
    (0x3099, 0x309A),  # combining kana voiced sound marks
    (0x3100, 0x312F),  # Bopomofo
    (0x31A0, 0x31BF),  # Bopomofo Extended
    (0x10FD, 0x10FF),  # Georgian letters aen, hard sign, labial sign
    (0x1090, 0x1099),  # Myanmar Shan digits
)


@functools.lru_cache(maxsize=4096)
def _is_allowed(ch: str) -> bool:
    cp = ord(ch)
    if cp in _CHROMIUM_BLOCKED or any(low <= cp <= high for low, high in _CHROMIUM_BLOCKED_RANGES):
        return False
    if ch in _INCLUSION or any(low <= cp <= high for low, high in _STILL_ALLOWED):
        return True
    tables = _tables()
    return _in_ranges(cp, tables.allowed_starts, tables.allowed_ends)


def _is_invisible(ch: str) -> bool:
    return _is_ignorable(ord(ch)) or unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp")


# Chromium's digit lookalikes (idn_spoof_checker.cc, digit_lookalikes_).
_DIGIT_LOOKALIKES = frozenset("θ२২੨૨೩೭շзҙӡउওਤ੩૩౩ဒვპੜკ੫丩ㄐճ৪੪୫૭୨౨")
_ASCII_DIGITS = frozenset("0123456789")


def _digit_signal(label: str) -> str | None:
    if all(ch in _ASCII_DIGITS or ch in _DIGIT_LOOKALIKES for ch in label) and any(
        ch in _DIGIT_LOOKALIKES for ch in label
    ):
        return "made only of digits and digit lookalikes"
    zeros = {ord(ch) - unicodedata.digit(ch) for ch in label if unicodedata.category(ch) == "Nd"}
    if len(zeros) > 1:
        return "decimal digits of more than one numbering system"
    return None


def _scx_has(ch: str, *codes: str) -> bool:
    return not _script_extensions(ord(ch)).isdisjoint(codes)


def _japanese(ch: str) -> bool:
    return _scx_has(ch, "Kana", "Hira", "Hani")


def _cjk(ch: str) -> bool:
    return _scx_has(ch, "Kana", "Hira", "Hani", "Bopo")


_SLASH_LIKE = frozenset("\u30ce\u30f3\u30bd\u30be\u4e36\u4e40\u4e41\u4e3f")
# CJK ideographs, Bopomofo and normalised Kangxi radicals that pass for Latin letters or
# punctuation next to non-CJK text.
_CJK_LATIN_LIKE = frozenset(
    "\u4e00\u3127\u4e28\u4e5b\u4e03\u4e05\u5341\u3007\u3112\u311a\u311f\u3128\u3129\u3108"
    "\u31ba\u31b3\u5de5\u31b2\u8ba0\u4e01\u4e36\u4e85\u4e8c\u4ea0\u5196\u5b80\u5ddb"
)
_KANA_EXCEPTIONS = frozenset("\u3078\u3079\u307a\u30d8\u30d9\u30da\u30fb\u30fc\u30fd\u30fe")


def _is_lgc_mark(ch: str) -> bool:
    return "\u0300" <= ch <= "\u0339"


def _dangerous_patterns(label: str) -> Iterator[tuple[str, str]]:
    """Chromium's dangerous_pattern regex, one alternative at a time: (code, detail)."""
    n = len(label)
    for i, ch in enumerate(label):
        before = label[i - 1] if i > 0 else None
        after = label[i + 1] if i + 1 < n else None
        if (
            ch in _SLASH_LIKE
            and before is not None
            and after is not None
            and not _japanese(before)
            and not _japanese(after)
        ):
            yield "dangerous_pattern", f"{ch!r} can pass for a slash between non-Japanese text"
        if ch in "\u30fd\u30fe" and (before is None or not _scx_has(before, "Kana")):
            yield "dangerous_pattern", f"iteration mark {ch!r} not after Katakana"
        if ch == "\u30fc" and (before is None or not _scx_has(before, "Kana", "Hira")):
            yield "dangerous_pattern", "prolonged sound mark 'ー' not after kana"
        if ch == "\u30fb" and (
            (before is not None and "a" <= before <= "z")
            or (after is not None and "a" <= after <= "z")
        ):
            yield "dangerous_pattern", "katakana middle dot '・' next to a Latin letter"
        if ch in _CJK_LATIN_LIKE and (
            (before is not None and not _cjk(before)) or (after is not None and not _cjk(after))
        ):
            yield (
                "dangerous_pattern",
                f"{ch!r} can pass for a Latin letter or dash next to non-CJK text",
            )
        if _is_lgc_mark(ch) and before is not None:
            if not _scx_has(before, "Latn", "Grek", "Cyrl"):
                yield "combining_mark", f"combining mark U+{ord(ch):04X} on a non-Latin letter"
            elif before == "\u0131":
                yield "combining_mark", "combining mark on dotless i"
        if ch == "\u0307" and before is not None and before in "ijl":
            yield "combining_mark", f"dot above on {before!r}"
        if ord(ch) in _KANA_VOICED_MARKS:
            yield "combining_mark", "kana voiced sound mark outside Japanese text"
    if n > 2:
        inner, outer = label[1:-1], label[0] + label[-1]
        for hidden, script in (("\u3078\u3079\u307a", "Kana"), ("\u30d8\u30d9\u30da", "Hira")):
            if (
                any(ch in hidden for ch in inner)
                and all(ch in hidden or _scx_has(ch, script) for ch in label)
                and all(_scx_has(ch, script) for ch in outer)
            ):
                yield "dangerous_pattern", "kana that looks like the other kana script"


def _unsafe_middle_dot(label: str, tld: str) -> bool:
    """Middle dot anywhere but in Catalan's ela geminada (l·l) under .cat."""
    for i, ch in enumerate(label):
        if ch != "·":
            continue
        if tld != "cat" or i == 0 or i == len(label) - 1:
            return True
        if label[i - 1] != "l" or label[i + 1] != "l":
            return True
    return False


def _repeated_marks(label: str) -> bool:
    decomposed = unicodedata.normalize("NFD", label)
    return any(
        first == second and unicodedata.category(first) == "Mn"
        for first, second in itertools.pairwise(decomposed)
    )


def _label_signals(label: str, tld: str) -> Iterator[SpoofSignal]:
    def signal(code: str, detail: str) -> SpoofSignal:
        return SpoofSignal(code=code, label=label, detail=detail)

    invisible = sorted({f"U+{ord(ch):04X}" for ch in label if _is_invisible(ch)})
    if invisible:
        yield signal("invisible_character", "invisible " + ", ".join(invisible))
    restricted = sorted(
        {f"U+{ord(ch):04X}" for ch in label if not _is_invisible(ch) and not _is_allowed(ch)}
    )
    if restricted:
        yield signal("restricted_character", "not allowed in identifiers: " + ", ".join(restricted))
    if _repeated_marks(label):
        yield signal("combining_mark", "the same combining mark twice in a row")

    if len(label) > 1 and tld not in ("is", "fo") and ("þ" in label or "ð" in label):
        yield signal("tld_specific_character", "þ and ð are only expected under .is and .fo")
    if len(label) > 1 and tld != "az" and "ə" in label:
        yield signal("tld_specific_character", "ə is only expected under .az")
    if _unsafe_middle_dot(label, tld):
        yield signal("tld_specific_character", "· is only expected between two l under .cat")

    cps = [ord(ch) for ch in label]
    resolved = _resolved(cps)
    single_script = resolved is None or bool(resolved)
    if is_mixed_script(label):
        names = ", ".join(sorted(scripts_of(label))) or "scripts"
        yield signal("mixed_script", f"mixes {names}")
    elif not single_script and any(
        _script(cp) == "Latn" and not ("a" <= chr(cp) <= "z") for cp in cps
    ):
        yield signal("mixed_script", "non-ASCII Latin letters mixed with another script")

    if single_script:
        code = _whole_script(label)
        if (
            code is not None
            and tld not in _WHOLE_SCRIPT_TLDS.get(code, ())
            and not any(_script(ord(ch)) == code for ch in tld)
            and label not in _ALLOWED_WHOLE_SCRIPT_WORDS
        ):
            yield signal(
                "whole_script_confusable",
                f"every {_script_name(code)} letter looks like a Latin letter",
            )

    digits = _digit_signal(label)
    if digits is not None:
        yield signal("digit_lookalike", digits)

    if (
        not single_script
        or any(ch in _KANA_EXCEPTIONS for ch in label)
        or any(_is_lgc_mark(ch) for ch in label)
    ):
        seen: set[tuple[str, str]] = set()
        for code, detail in _dangerous_patterns(label):
            if (code, detail) not in seen:
                seen.add((code, detail))
                yield signal(code, detail)


def spoof_signals(unicode_host: str) -> tuple[SpoofSignal, ...]:
    """Generic IDN spoof signals of a host in Unicode form, label by label (module docstring)."""
    host = _SURROGATES.sub("\ufffd", unicode_host).lower()
    if host.endswith("."):
        host = host[:-1]
    if host.isascii():
        return ()
    labels = host.split(".")
    tld = labels[-1]
    signals: list[SpoofSignal] = []
    for label in labels:
        if label and not label.isascii():
            signals.extend(_label_signals(label, tld))
    return tuple(signals)
