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
