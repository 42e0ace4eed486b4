"""Chromium's IDN spoof-check table, run against the public API (conformance/chromium_idn).

Every applicable case (platform null or linux-chromeos-only) must agree: `unsafe` flagged, `safe`
not flagged, `invalid` answered invalid (or flagged). Disagreements where domainguard is right to
differ are listed in KNOWN_DISAGREEMENTS with the reason; disagreements that are domainguard bugs
still open are in PENDING (strict xfail: fixing one fails the test until it leaves the table).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import domainguard

DATA = Path(__file__).resolve().parent / "conformance" / "chromium_idn"
PLATFORMS = (None, "linux-chromeos-only")
REQUIRED_AGREEMENT = 0.97

KNOWN_DISAGREEMENTS: dict[str, str] = {
    "xn----8sbn9akccw8m.xn--3e0b707e": (
        "Chromium's 'safe' says its display is right: it keeps the Cyrillic whole-script "
        "confusable label ѕсоре-рау in punycode and decodes only the Korean TLD. domainguard "
        "answers whether the host is a spoof, and that label is one."
    ),
    "xn--googl-3we.xn--3e0b707e": (
        "Chromium's 'safe' says its display is right: it keeps googlе (Cyrillic е) in punycode "
        "and decodes only the Korean TLD. domainguard flags the mixed-script label."
    ),
    "xn-----8kci4dhsd": (
        "ру--авто has '--' in positions 3-4, which Chromium's display check rejects (UTS #46 "
        "CheckHyphens). The WHATWG URL standard browsers open URLs by uses CheckHyphens=false, "
        "so the host is openable; a single Cyrillic label that is its own TLD imitates nothing."
    ),
}

PENDING: dict[str, str] = {}


def _load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((DATA / "cases.json").read_text(encoding="utf-8"))
    return [case for case in cases if case["platform"] in PLATFORMS]


def _top_domains() -> list[str]:
    lines = (DATA / "top_domains.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


CASES = _load_cases()


@pytest.fixture(scope="module")
def results() -> dict[str, domainguard.CheckResult]:
    registry = domainguard.Registry.from_domains(_top_domains(), protected_suffixes=())
    checker = domainguard.Checker(registry=registry)
    return {case["input"]: checker.check_url(case["input"]) for case in CASES}


def _agrees(case: dict[str, Any], result: domainguard.CheckResult) -> bool:
    expected = case["expected"]
    if expected == "unsafe":
        return result.flagged
    if expected == "safe":
        return not result.flagged
    return result.verdict is domainguard.Verdict.INVALID or result.flagged


def _param(case: dict[str, Any]) -> Any:
    marks = []
    if case["input"] in PENDING:
        marks.append(pytest.mark.xfail(strict=True, reason=PENDING[case["input"]]))
    return pytest.param(case, id=case["input"] or "(empty)", marks=marks)


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_case(case: dict[str, Any], results: dict[str, domainguard.CheckResult]) -> None:
    result = results[case["input"]]
    agrees = _agrees(case, result)
    shown = f"{case['input']} ({case['unicode']}): expected {case['expected']}, got " + (
        f"{result.verdict.value} {[reason.code for reason in result.reasons]}"
    )
    if case["input"] in KNOWN_DISAGREEMENTS:
        assert not agrees, f"now agrees, drop it from KNOWN_DISAGREEMENTS: {shown}"
    else:
        assert agrees, shown


def test_overall_agreement(results: dict[str, domainguard.CheckResult]) -> None:
    agreeing = sum(_agrees(case, results[case["input"]]) for case in CASES)
    assert agreeing / len(CASES) >= REQUIRED_AGREEMENT, f"{agreeing}/{len(CASES)}"


def test_tables_name_applicable_cases() -> None:
    inputs = {case["input"] for case in CASES}
    assert set(KNOWN_DISAGREEMENTS) <= inputs
    assert set(PENDING) <= inputs
    assert not set(KNOWN_DISAGREEMENTS) & set(PENDING)
    assert len(CASES) == 452  # 457 cases, 5 for other platforms
