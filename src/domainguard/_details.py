"""A reason's detail in Bahasa Indonesia: the short English facts checks write, translated.

Checks keep ``Reason.detail`` as a stable, language-neutral-where-possible fact (a record's
``detail`` key); only the sentence people read is localised, here, so that an Indonesian
message never carries an English phrase ("tidak sah (contains spaces)"). A detail that is a
name, a code point, a number or a domain passes through unchanged. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

__all__ = ["detail_in"]

# Fixed phrases, as the checks write them (_url.py, _host.py, _skeleton.py).
_PHRASES: Final[dict[str, str]] = {
    "no host name": "tanpa nama host",
    "contains spaces": "memuat spasi",
    "malformed IPv6 address": "alamat IPv6 yang cacat",
    "malformed IP address": "alamat IP yang cacat",
    "characters not allowed in host names": "memuat karakter yang tidak boleh ada di nama host",
    "empty label": "ada bagian yang kosong",
    "breaks the bidirectional text rule": "melanggar aturan teks dua arah",
    "the same combining mark twice in a row": "tanda diakritik yang sama dua kali berturut-turut",
    "made only of digits and digit lookalikes":
        "hanya terdiri atas angka dan karakter yang mirip angka",
    "non-ASCII Latin letters mixed with another script":
        "huruf Latin non-ASCII bercampur dengan aksara lain",
    "þ and ð are only expected under .is and .fo": "þ dan ð hanya lazim di bawah .is dan .fo",
    "ə is only expected under .az": "ə hanya lazim di bawah .az",
    "· is only expected between two l under .cat": "· hanya lazim di antara dua l di bawah .cat",
    "scripts": "beberapa aksara",
}

# Script names as Unicode writes them, where Indonesian writes them differently.
_SCRIPTS: Final[dict[str, str]] = {
    "Arabic": "Arab", "Armenian": "Armenia", "Cyrillic": "Sirilik", "Georgian": "Georgia",
    "Greek": "Yunani", "Hebrew": "Ibrani", "Japanese": "Jepang", "Korean": "Korea",
    "Ethiopic": "Etiopia", "Mongolian": "Mongolia", "Tibetan": "Tibet", "Chinese": "Tionghoa",
}

# What resembles_official's detail names: the kind of likeness (a reason code).
_LIKENESS: Final[dict[str, str]] = {
    "typo_of_official": "salah ketik",
    "homoglyph_of_official": "huruf yang mirip",
    "ascii_lookalike_of_official": "huruf yang tampak serupa",
    "hyphen_or_dot_variant": "tanda hubung atau titik",
    "official_name_other_suffix": "akhiran lain",
    "government_suffix_imitation": "tiruan akhiran pemerintah",
    "official_host_embedded": "alamat resmi di dalam nama",
    "brand_with_other_words": "nama resmi dengan kata lain",
    "service_with_region": "layanan dengan nama daerah",
}

_Rule = tuple["re.Pattern[str]", Callable[["re.Match[str]"], str]]


def _scripts(names: str) -> str:
    return ", ".join(_SCRIPTS.get(name, name) for name in names.split(", "))


# Phrases with a part that varies (a character, a code point, a list of scripts).
_RULES: Final[tuple[_Rule, ...]] = (
    (re.compile(r"mixes (.+)\Z"), lambda m: "mencampur aksara " + _scripts(m[1])),
    (re.compile(r"every (.+) letter looks like a Latin letter\Z"),
     lambda m: f"setiap huruf {_scripts(m[1])} tampak seperti huruf Latin"),
    (re.compile(r"(.+) can pass for a slash between non-Japanese text\Z"),
     lambda m: f"{m[1]} bisa tampak seperti garis miring di antara teks bukan Jepang"),
    (re.compile(r"iteration mark (.+) not after Katakana\Z"),
     lambda m: f"tanda ulang {m[1]} tidak setelah Katakana"),
    (re.compile(r"(.+) can pass for a Latin letter or dash next to non-CJK text\Z"),
     lambda m: f"{m[1]} bisa tampak seperti huruf Latin atau tanda hubung di samping teks "
               "bukan CJK"),
    (re.compile(r"combining mark (U\+[0-9A-F]+) on a non-Latin letter\Z"),
     lambda m: f"tanda diakritik {m[1]} pada huruf bukan Latin"),
    (re.compile(r"dot above on (.+)\Z"), lambda m: f"titik di atas {m[1]}"),
    (re.compile(r"not allowed in identifiers: (.+)\Z"),
     lambda m: f"tidak boleh ada dalam pengenal: {m[1]}"),
    (re.compile(r"byte (\d+)\Z"), lambda m: f"bita ke-{m[1]}"),
)
# "'с' U+0441 CYRILLIC SMALL LETTER ES": the Unicode name is English; the letter and its code
# point say the same in any language.
_CHAR_NAME: Final = re.compile(r"('.' U\+[0-9A-F]{4,6}) [A-Z0-9][A-Z0-9 -]*")
_SCRIPT_LIST: Final = re.compile(r"[A-Z][a-z]+(?:, [A-Z][a-z]+)*\Z")


def detail_in(code: str, detail: str, lang: str) -> str:
    """``detail`` as a reader of ``lang`` ("en" or "id") should see it."""
    if lang != "id" or not detail:
        return detail
    phrase = _PHRASES.get(detail)
    if phrase is not None:
        return phrase
    if code == "resembles_official":
        return _LIKENESS.get(detail, detail.replace("_", " "))
    if code in ("mixed_script", "whole_script_confusable") and _SCRIPT_LIST.match(detail):
        return _scripts(detail)
    for pattern, rewrite in _RULES:
        match = pattern.match(detail)
        if match is not None:
            return rewrite(match)
    if "U+" in detail:
        return _CHAR_NAME.sub(r"\1", detail)
    return detail
