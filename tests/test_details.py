"""Indonesian messages carry no English: every detail phrase a check writes is translated, and
what is a name, a number or a code point passes through."""

from __future__ import annotations

import re
from typing import Final

import pytest

import domainguard
from domainguard._details import detail_in

# English words that appear in the checks' detail phrases and never in an Indonesian sentence
ENGLISH: Final = re.compile(
    r"\b(the|and|contains|mixes|every|letter|allowed|expected|malformed|address|empty|label|"
    r"breaks|made|only|with|between|next|text|host name|SMALL|CAPITAL|CYRILLIC|GREEK|"
    r"Cyrillic|Greek|scripts)\b")

# Inputs whose reasons carry each kind of English detail a check writes
INPUTS: Final = [
    "http://", "http://a..b/", "http://a b.com", "http://[::1", "http://256.1.1.1.1",
    "xn--9hbcd.com", "dukсapil.id", "kemendagrl.go.id", "аррӏе.com", "a\u0307\u0307b.com",
    "abcノdef.com", "1շ.com", "💩.com", "þorn.com", "ə-x.com", "paypαl.com", "gοv.id",
    "\ud800x.com", "kernendagri.id", "dukcapil-kemendagri.com",
]


@pytest.mark.parametrize("text", INPUTS)
def test_indonesian_messages_have_no_english_details(text: str) -> None:
    result = domainguard.check_url(text)
    assert result.reasons
    for reason in result.reasons:
        message = reason.message("id")
        assert not ENGLISH.search(message.replace(reason.matched, "")), message
    assert not ENGLISH.search(result.explain("id").replace(text, "")
                              .replace(result.host or "", ""))


@pytest.mark.parametrize(("code", "detail", "expected"), [
    ("invalid_host", "contains spaces", "memuat spasi"),
    ("mixed_script", "Cyrillic, Latin", "Sirilik, Latin"),
    ("mixed_script", "mixes Greek, Latin", "mencampur aksara Yunani, Latin"),
    ("whole_script_confusable", "Cyrillic", "Sirilik"),
    ("homoglyph_of_official", "'с' U+0441 CYRILLIC SMALL LETTER ES", "'с' U+0441"),
    ("resembles_official", "typo_of_official", "salah ketik"),
    ("invalid_encoding", "byte 3", "bita ke-3"),
    ("typo_of_official", "'ag' ↔ 'ga'", "'ag' ↔ 'ga'"),
    ("official_domain", "Ditjen Dukcapil Kemendagri", "Ditjen Dukcapil Kemendagri"),
    ("non_default_port", "8080", "8080"),
])
def test_detail_in_indonesian(code: str, detail: str, expected: str) -> None:
    assert detail_in(code, detail, "id") == expected
    assert detail_in(code, detail, "en") == detail  # English shows the detail as written
