"""The corpus of realistic Indonesian messages: every link found, every verdict as expected."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import domainguard

CORPUS: list[dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parent / "data" / "messages.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("item", CORPUS, ids=[item["id"] for item in CORPUS])
def test_message_links_and_verdicts(item: dict[str, Any]) -> None:
    found = [(link.url, link.result.verdict.value) for link in domainguard.check_text(item["text"])]
    assert found == [(link["url"], link["verdict"]) for link in item["links"]]


def test_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 30
    flagged = sum(1 for item in CORPUS for link in item["links"]
                  if link["verdict"] in ("lookalike", "suspicious"))
    ordinary = sum(1 for item in CORPUS if not item["links"] or all(
        link["verdict"] in ("official", "unrelated", "government") for link in item["links"]))
    assert flagged >= 15
    assert ordinary >= 8


# Every valid URL of check_url's own table (tests/test_url.py) must be found by check_text
# when it stands in a sentence, and judged the same there.
_TABLE_URLS = [
    "https://dukcapil.kemendagri.go.id/x", "dukcapil.go.id/aktivasi", "kemendagri.go.id",
    "https://dukcapil.kemendagri.go.id@evil.example/", "https://user:pw@evil.example:8443/",
    "http://0x7f.1/", "http://3232235777/", "http://0300.0250.01.01/",
    "https://[2001:db8::1]:8080/x", "kemendagri.go.id:8080/x", "http://kemendagri.go.id./",
    "https://%64ukcapil.go.id/", "dukcapil。kemendagri。go。id", "dukcapil．kemendagri．go．id",
    "dukсapil.id", "http://xn--dukapil-0jg.id/", "hxxps://evil.example/x",
    "https://straße.de/", "https://dukcapil-kemendagri.com/aktivasi",
    "dukcapil.kemendagri.go.id.aktivasi-ikd.xyz", "kemendagri.co.id", "capil-purbalingga.org",
    "http://203.0.113.9/ikd.apk", "https://s.id/ikd", "javascript:alert(1)",
]
_SENTENCES = [
    "Silakan buka {url} untuk aktivasi IKD.",
    "Info resmi ({url}) dari Dukcapil",
    "Klik:{url}",
    "Cek di {url}, jangan sampai terlambat!",
    "Link: <{url}>",
    "[Aktivasi di sini]({url})",
]


@pytest.mark.parametrize("url", _TABLE_URLS)
@pytest.mark.parametrize("sentence", _SENTENCES)
def test_table_urls_are_found_in_sentences(url: str, sentence: str) -> None:
    links = domainguard.check_text(sentence.format(url=url))
    alone = domainguard.check_url(url)
    assert [link.result.verdict for link in links if link.result.host == alone.host] == [
        alone.verdict], [link.raw for link in links]
