"""Name comparison: official names whose ending, not the name, was mistyped or disguised."""

from __future__ import annotations

import pytest

from domainguard import Checker, Registry, Verdict


@pytest.mark.parametrize(
    ("host", "target", "code"),
    [
        ("bkn.g\u043e.id", "bkn.go.id", "homoglyph_of_official"),  # Cyrillic о in "go"
        ("sscasn.bkn.g0.id", "sscasn.bkn.go.id", "ascii_lookalike_of_official"),
        ("x.bkn.g0.id", "bkn.go.id", "ascii_lookalike_of_official"),
        ("kemendagri.qo.id", "kemendagri.go.id", "typo_of_official"),
        # a slip and a look-alike letter together: q for g, 0 for o (dnstwist's homoglyphs)
        ("bkkbn.q0.id", "bkkbn.go.id", "typo_of_official"),
        ("kemendagri.goo.id", "kemendagri.go.id", "typo_of_official"),
        ("pln.c0.id", "pln.co.id", "ascii_lookalike_of_official"),
    ],
)
def test_mistyped_official_ending(host: str, target: str, code: str) -> None:
    result = Checker().check_url(host)
    assert (result.verdict, result.target) == (Verdict.LOOKALIKE, target)
    assert result.reasons[0].code == code


@pytest.mark.parametrize("host", ["toko.g0.id", "kemendagri.go.kr.example", "bps.gob.mx"])
def test_other_names_and_real_endings_are_not_mistyped_endings(host: str) -> None:
    codes = {r.code for r in Checker().check_url(host).reasons}
    assert not codes & {"homoglyph_of_official", "ascii_lookalike_of_official",
                        "typo_of_official"}


def test_a_custom_registry_ending_is_protected_too() -> None:
    checker = Checker(Registry.from_domains(["klikbca.co.id"]))
    result = checker.check_url("klikbca.c0.id")
    assert (result.verdict, result.target) == (Verdict.LOOKALIKE, "klikbca.co.id")


@pytest.mark.parametrize(
    ("host", "target"),
    [
        ("kemandagry.com", "kemendagri.go.id"),  # two vowel slips
        ("kemenndagrii.com", "kemendagri.go.id"),  # two doubled letters
        ("kemenddagry.id", "kemendagri.go.id"),  # one of each
    ],
)
def test_two_slips_in_a_long_name(host: str, target: str) -> None:
    """Two slips can leave the name and the copy with no one-deletion key in common; the
    consonant key still finds the official name, and OSA confirms two edits."""
    result = Checker().check_url(host)
    assert (result.verdict, result.target) == (Verdict.LOOKALIKE, target)
    assert result.reasons[0].code == "typo_of_official"


def test_two_slips_in_a_short_name_are_not_a_typo() -> None:
    """kemensos has eight letters: one edit only, so kamansas resembles nothing official."""
    assert Checker().check_url("kamansas.com").verdict is Verdict.UNRELATED
