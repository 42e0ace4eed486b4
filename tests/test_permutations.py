"""Tests for domainguard.permutations: textbook lookalikes per family, validity, bounds, errors."""

from __future__ import annotations

import doctest
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib import resources
from types import ModuleType
from typing import Any

import idna
import pytest
from conftest import source_module
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import domainguard._keyboard as keyboard
import domainguard.permutations as module
from domainguard import Registry
from domainguard._keyboard import neighbours
from domainguard._suffixes import split_suffix
from domainguard.permutations import DEFAULT_SUFFIXES, FAMILIES, Permutation, permutations

PROTECTED = ("go.id", "mil.id", "desa.id")
LDH = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\Z")


def domains(target: str, family: str, **options: Any) -> list[str]:
    return [p.domain for p in permutations(target, families=[family], **options)]


# --- each family produces the textbook examples ------------------------------------------------

EXAMPLES = [
    # (target, family, expected lookalike, options)
    ("kemendagri.go.id", "omission", "kemendgri.id", {}),
    ("kemendagri.go.id", "insertion", "kemendqagri.id", {}),
    ("kemendagri.go.id", "repetition", "kemenddagri.id", {}),
    ("kemendagri.go.id", "replacement", "kemendagti.id", {}),
    ("kemendagri.go.id", "transposition", "kemendgari.id", {}),
    ("kemendagri.go.id", "transposition", "kemendgari.com", {"suffixes": ["id", "com"]}),
    ("kemendagri.go.id", "vowel_swap", "kemendegri.id", {}),
    ("kemendagri.go.id", "hyphenation", "kemen-dagri.id", {}),
    ("bpjs-kesehatan.go.id", "hyphenation", "bpjskesehatan.id", {}),
    ("kemendagri.go.id", "dot", "kemen.dagri.id", {}),
    ("dukcapil.kemendagri.go.id", "dot", "dukcapilkemendagri.id", {}),
    ("dukcapil.kemendagri.go.id", "hyphenation", "dukcapil-kemendagri.id", {}),
    ("kemendagri.go.id", "bitsquatting", "kemendagbi.com", {"suffixes": ["com"]}),
    ("kemendagri.go.id", "ascii_lookalike", "kernendagri.id", {}),
    ("dukcapil.kemendagri.go.id", "ascii_lookalike", "dukcapi1.kemendagri.id", {}),
    ("dukcapil.kemendagri.go.id", "ascii_lookalike", "clukcapil.kemendagri.id", {}),
    ("dukcapil.kemendagri.go.id", "ascii_lookalike", "dukcapil.kernendagr1.id", {}),
    ("bawaslu.go.id", "ascii_lookalike", "bavvaslu.id", {}),
    ("dukcapil.kemendagri.go.id", "homoglyph", "dukсapil.kemendagri.id", {}),  # Cyrillic с
    ("kemendagri.go.id", "homoglyph", "kemendagrі.id", {}),  # Cyrillic і
    ("kemendagri.go.id", "homoglyph", "kemendagrı.id", {}),  # dotless ı
    ("kemendagri.go.id", "homoglyph", "ḱemendagri.id", {}),
    ("apple.com", "homoglyph", "аррӏе.com", {}),  # whole-script Cyrillic
    ("dukcapil.kemendagri.go.id", "transposition", "dukcapil.kemendgari.id", {}),
    ("dukcapil.kemendagri.go.id", "transposition", "dukcapli.kemendagri.id", {}),
    ("kemendagri.go.id", "suffix_swap", "kemendagri.id", {}),
    ("kemendagri.go.id", "suffix_swap", "kemendagri.co.id", {}),
    ("kemendagri.go.id", "suffix_swap", "kemendagri.my.id", {}),
    ("dukcapil.kemendagri.go.id", "suffix_swap", "dukcapil.kemendagri.co.id", {}),
    ("indonesiabaik.id", "suffix_swap", "indonesiabaik.com", {}),
    ("kemendagri.go.id", "suffix_glue", "kemendagrigo.id", {}),
    ("kemendagri.go.id", "suffix_glue", "kemendagri-go.id", {}),
    ("kemendagri.go.id", "suffix_glue", "kemendagri-go-id.com", {}),
    ("kemendagri.go.id", "suffix_glue", "kemendagrigoid.com", {}),
    ("kemendagri.go.id", "suffix_glue", "kemendagri-goid.xyz", {}),
    ("posindonesia.co.id", "suffix_glue", "posindonesia-coid.com", {}),
    ("kemendagri.go.id", "fake_sld", "kemendagri.gov.id", {}),
    ("kemendagri.go.id", "fake_sld", "kemendagri.go.id.com", {}),
    ("kemendagri.go.id", "fake_sld", "kemendagri.go.id.co", {}),
    ("kemendagri.go.id", "fake_sld", "kemendagri.go-id.com", {}),
    ("kemendagri.go.id", "fake_sld", "kemendagri.goid.id", {}),
    ("kemendagri.go.id", "fake_sld", "kemendagri.go.my.id", {}),
    ("dukcapil.kemendagri.go.id", "embedding", "dukcapil-kemendagri-go-id.online", {}),
    (
        "dukcapil.kemendagri.go.id",
        "embedding",
        "dukcapil.kemendagri.go.id.aktivasi.com",
        {"lure_words": ["aktivasi"], "suffixes": ["com"]},
    ),
    (
        "kemendagri.go.id",
        "embedding",
        "kemendagri.go.id-verify.com",
        {"lure_words": ["verify"], "suffixes": ["com"]},
    ),
    (
        "kemendagri.go.id",
        "embedding",
        "secure-kemendagri.go.id.update-login.xyz",
        {"lure_words": ["login", "secure", "update"], "suffixes": ["xyz"]},
    ),
    (
        "dukcapil.kemendagri.go.id",
        "embedding",
        "dukcapil.kemendagri.aktivasi.com",
        {"lure_words": ["aktivasi"], "suffixes": ["com"]},
    ),
    (
        "dukcapil.kemendagri.go.id",
        "combosquatting",
        "aktivasi-ikd-dukcapil.xyz",
        {"lure_words": ["aktivasi"], "suffixes": ["xyz"]},
    ),
    (
        "dukcapil.kemendagri.go.id",
        "combosquatting",
        "dukcapil-online.com",
        {"lure_words": ["online"], "suffixes": ["com"]},
    ),
    (
        "dukcapil.kemendagri.go.id",
        "combosquatting",
        "cek-dukcapil.id",
        {"lure_words": ["cek"], "suffixes": ["id"]},
    ),
    (
        "dukcapil.kemendagri.go.id",
        "combosquatting",
        "cekdukcapil.id",
        {"lure_words": ["cek"], "suffixes": ["id"]},
    ),
    ("dukcapil.kemendagri.go.id", "combosquatting", "dukcapilkemendagri.my.id", {}),
    ("dukcapil.kemendagri.go.id", "combosquatting", "dukcapil-kemendagri.blogspot.com", {}),
    ("dukcapil.kemendagri.go.id", "combosquatting", "dukcapil.web.app", {}),
    ("bkn.go.id", "combosquatting", "cek-bkn.id", {"lure_words": ["cek"], "suffixes": ["id"]}),
    ("bkn.go.id", "combosquatting", "bkn-go-id.web.app", {}),
    ("bkn.go.id", "suffix_swap", "bkn.id", {}),
    ("bkn.go.id", "suffix_swap", "bkn.co.id", {}),
    ("data.go.id", "suffix_glue", "data-go-id.com", {}),
    ("makassar.go.id", "suffix_swap", "makassar.id", {}),
    ("makassar.go.id", "omission", "mkassar.my.id", {}),
    ("makassar.go.id", "suffix_glue", "makassar-go-id.com", {}),
    (
        "bandung.go.id",
        "combosquatting",
        "cek-bandung.id",
        {"lure_words": ["cek"], "suffixes": ["id"]},
    ),
    ("jakarta.go.id", "combosquatting", "jakarta-go-id.blogspot.com", {}),
    (
        "pengaduan.pajak.go.id",
        "combosquatting",
        "cek-pajak.id",
        {"lure_words": ["cek"], "suffixes": ["id"]},
    ),
    ("data.go.id", "fake_sld", "data.go.id.com", {}),
]


@pytest.mark.parametrize(
    ("target", "family", "expected", "options"),
    EXAMPLES,
    ids=[f"{family}:{expected}" for _, family, expected, _ in EXAMPLES],
)
def test_family_produces_textbook_example(
    target: str, family: str, expected: str, options: dict[str, Any]
) -> None:
    assert expected in domains(target, family, **options)


def test_every_family_has_an_example() -> None:
    assert {family for _, family, _, _ in EXAMPLES} == set(FAMILIES)


NOT_PRODUCED = [
    # (target, family, lookalike that must not appear, why)
    ("kemendagri.go.id", "transposition", "kemendgari.go.id", "left under go.id"),
    ("kemendagri.go.id", "omission", "emendagri.id", "first character kept"),
    ("bkn.go.id", "replacement", "bjn.id", "short name: another acronym"),
    ("bkn.go.id", "omission", "bk.id", "short name"),
    ("malinau.go.id", "embedding", "malinau.aktivasi.com", "a lone label is no embedded host"),
    ("sukoharjokab.go.id", "combosquatting", "ceksukoharjokab.com", "glued regional name"),
    ("indonesia.go.id", "combosquatting", "cek-indonesia.id", "generic word"),
    ("dukcapil.kemendagri.go.id", "combosquatting", "capil-dukcapil.com", "overlapping word"),
    ("www.pln.co.id", "omission", "ww.pln.co.id", "still under pln.co.id"),
    ("pulangpisaukab.go.id", "dot", "pu.langpisaukab.id", "fewer than 3 letters before the dot"),
    ("pajak.go.id", "omission", "pjak.id", "omission leaves under 5 letters"),
    ("bps.go.id", "suffix_swap", "bps.com", "short name under a foreign suffix"),
    ("makassar.go.id", "suffix_swap", "makassar.com", "region name under a foreign suffix"),
    ("makassar.go.id", "omission", "mkassar.com", "region name re-homed abroad"),
    ("big.go.id", "suffix_swap", "big.id", "generic word: suffix swap"),
    ("mail.go.id", "ascii_lookalike", "mall.id", "generic word: typo"),
    ("data.go.id", "homoglyph", "dаta.id", "generic word: homoglyph"),
    ("bandung.go.id", "combosquatting", "info-bandung.id", "region name with an everyday word"),
    ("jakarta.go.id", "combosquatting", "jakarta.blogspot.com", "bare region name as a tenant"),
    ("pengaduan.pajak.go.id", "combosquatting", "cek-pengaduan.id", "a lure word is no brand"),
]


@pytest.mark.parametrize(
    ("target", "family", "absent", "why"),
    NOT_PRODUCED,
    ids=[why for _, _, _, why in NOT_PRODUCED],
)
def test_implausible_lookalike_not_produced(
    target: str, family: str, absent: str, why: str
) -> None:
    options: dict[str, Any] = {
        "lure_words": ["cek", "aktivasi", "capil", "info"],
        "suffixes": ["id", "com"],
    }
    assert absent not in domains(target, family, **options)


# --- every output is a valid, registrable lookalike ----------------------------------------------

TARGETS = [
    "kemendagri.go.id",
    "dukcapil.kemendagri.go.id",
    "gis.dukcapil.kemendagri.go.id",
    "indonesiabaik.id",
    "bkn.go.id",
    "bpjs-kesehatan.go.id",
    "tni.mil.id",
    "karangtengah.desa.id",
    "www.pln.co.id",
    "lpsepatikab.org",
    "google.com",
    "bbc.co.uk",
    "someone.github.io",
    "makassar.go.id",
    "dukсapil.id",  # an IDN target (Cyrillic с)
]


def invalid_reason(host: str) -> str | None:
    try:
        ascii_host = idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError as error:
        return f"idna: {error}"
    labels = ascii_host.split(".")
    if len(ascii_host) > 253 or len(labels) < 2:
        return "length"
    if not all(LDH.match(label) for label in labels):
        return "label"
    if host != host.lower() or host.endswith("."):
        return "not normalised"
    return None


def under(host: str, parents: Iterable[str]) -> bool:
    """Whether `host` is one of `parents` or below one, by whole labels."""
    labels = host.split(".")
    wanted = set(parents)
    return any(".".join(labels[j:]) in wanted for j in range(len(labels)))


@pytest.fixture(scope="module")
def outputs() -> dict[str, list[Permutation]]:
    return {target: list(permutations(target)) for target in TARGETS}


@pytest.mark.parametrize("target", TARGETS)
def test_every_output_is_a_valid_host(target: str, outputs: dict[str, list[Permutation]]) -> None:
    bad = [(p.domain, invalid_reason(p.domain)) for p in outputs[target]]
    assert [item for item in bad if item[1] is not None] == []


@pytest.mark.parametrize("target", TARGETS)
def test_no_output_is_the_original_or_owned_by_it(
    target: str, outputs: dict[str, list[Permutation]]
) -> None:
    registrable = {
        "www.pln.co.id": "pln.co.id",
        "gis.dukcapil.kemendagri.go.id": "kemendagri.go.id",
    }
    owned_by_target = [target, registrable.get(target, target)]
    owned = [p.domain for p in outputs[target] if under(p.domain, owned_by_target)]
    assert owned == []
    assert {p.original for p in outputs[target]} == {target}


@pytest.mark.parametrize("target", TARGETS)
def test_no_output_under_a_protected_suffix(
    target: str, outputs: dict[str, list[Permutation]]
) -> None:
    assert [p.domain for p in outputs[target] if under(p.domain, PROTECTED)] == []


@pytest.mark.parametrize("target", TARGETS)
def test_no_output_is_an_official_domain(
    target: str, outputs: dict[str, list[Permutation]]
) -> None:
    official = frozenset(entry.unicode for entry in Registry.default())
    assert [p.domain for p in outputs[target] if under(p.domain, official)] == []


@pytest.mark.parametrize("target", TARGETS)
def test_no_duplicates(target: str, outputs: dict[str, list[Permutation]]) -> None:
    counts = Counter(p.domain for p in outputs[target])
    assert [domain for domain, n in counts.items() if n > 1] == []


@settings(max_examples=60, deadline=None)
@given(
    name=st.from_regex(r"[a-z][a-z0-9]{1,14}(-[a-z0-9]{1,8})?(\.[a-z]{3,9})?", fullmatch=True),
    suffix=st.sampled_from(["go.id", "mil.id", "desa.id", "id", "co.id", "my.id", "com", "org"]),
)
def test_laws_hold_for_any_name(name: str, suffix: str) -> None:
    target = f"{name}.{suffix}"
    assume(split_suffix(tuple(target.split("."))).index > 0)  # a name, not a public suffix
    found = list(permutations(target, limit_per_family=60, exclude=()))
    assert [(p.domain, invalid_reason(p.domain)) for p in found if invalid_reason(p.domain)] == []
    assert [p.domain for p in found if under(p.domain, [target, *PROTECTED])] == []
    assert len({p.domain for p in found}) == len(found)


TYPO_FAMILIES = FAMILIES[: FAMILIES.index("homoglyph") + 1]


@pytest.mark.parametrize(
    ("target", "homes"),
    [
        ("kemendagri.go.id", {"id", "com", "online", "xyz", "my.id", "co.id"}),
        ("dukcapil.kemendagri.go.id", {"id", "com", "online", "xyz", "my.id", "co.id"}),
        ("tni.mil.id", {"id", "my.id", "co.id", "web.id", "biz.id", "or.id"}),
        ("makassar.go.id", {"id", "my.id", "co.id", "web.id", "biz.id", "or.id"}),
        ("indonesiabaik.id", {"id"}),
        ("google.com", {"com"}),
    ],
    ids=["go.id", "go.id-subdomain", "short-mil.id", "region-go.id", "plain-id", "com"],
)
def test_typo_lookalikes_are_rehomed_only_under_protected_suffixes(
    target: str, homes: set[str], outputs: dict[str, list[Permutation]]
) -> None:
    def suffix(host: str) -> str:
        labels = host.split(".")
        two = ".".join(labels[-2:])
        return two if two in {"my.id", "co.id", "web.id", "biz.id", "or.id"} else labels[-1]

    found = {suffix(p.domain) for p in outputs[target] if p.family in TYPO_FAMILIES}
    assert found == homes


def test_protected_typo_lookalikes_come_under_id_first() -> None:
    found = domains("kemendagri.go.id", "transposition")
    assert found[:4] == ["kmeendagri.id", "kmeendagri.com", "keemndagri.id", "keemndagri.online"]


def test_non_protected_target_keeps_its_suffix_in_typo_families() -> None:
    found = domains("indonesiabaik.id", "transposition")
    assert "indonesaibaik.id" in found
    assert [d for d in found if not d.endswith(".id") or d.count(".") != 1] == []


# --- short names ----------------------------------------------------------------------------------

EDIT_FAMILIES = (
    "omission",
    "insertion",
    "repetition",
    "replacement",
    "transposition",
    "vowel_swap",
    "bitsquatting",
    "hyphenation",
    "dot",
)


@pytest.mark.parametrize("family", EDIT_FAMILIES)
def test_short_name_gets_no_edit_lookalikes(family: str) -> None:
    assert domains("bkn.go.id", family) == []


@pytest.mark.parametrize(
    "family", ["homoglyph", "suffix_swap", "suffix_glue", "fake_sld", "embedding", "combosquatting"]
)
def test_short_name_gets_visual_and_structural_lookalikes(family: str) -> None:
    assert domains("bkn.go.id", family) != []


# --- determinism, dedupe, bounds ----------------------------------------------------------------


def test_same_input_same_output() -> None:
    first = list(permutations("dukcapil.kemendagri.go.id"))
    assert list(permutations("dukcapil.kemendagri.go.id")) == first


def test_family_order_comes_from_families_not_the_argument() -> None:
    a = list(permutations("kemendagri.go.id", families=["dot", "omission"]))
    b = list(permutations("kemendagri.go.id", families=["omission", "dot", "omission"]))
    assert a == b
    assert [p.family for p in a] == sorted((p.family for p in a), key=FAMILIES.index)


def test_lure_word_order_does_not_matter() -> None:
    words = ["verify", "aktivasi", "login", "cek"]
    a = list(permutations("dukcapil.kemendagri.go.id", lure_words=words))
    b = list(permutations("dukcapil.kemendagri.go.id", lure_words=frozenset(words)))
    assert a == b


def test_duplicate_across_families_goes_to_the_first() -> None:
    # i -> o is both a keyboard slip (replacement) and a vowel swap
    both = list(permutations("kemendagri.go.id", families=["replacement", "vowel_swap"]))
    assert [p.family for p in both if p.domain == "kemendagro.id"] == ["replacement"]
    assert "kemendagro.id" in domains("kemendagri.go.id", "vowel_swap")


def test_limit_per_family() -> None:
    found = Counter(p.family for p in permutations("kemendagri.go.id", limit_per_family=3))
    assert found == dict.fromkeys(FAMILIES, 3)


def test_limit_zero_gives_nothing() -> None:
    assert list(permutations("kemendagri.go.id", limit_per_family=0)) == []


# Ceilings with room above the counts given the bundled vocabulary and DEFAULT_SUFFIXES.
# Embedding and combosquatting grow with the lure vocabulary (84 words: 728 combinations and
# 425 embeddings for dukcapil.kemendagri.go.id, the largest here).
CEILINGS = {
    "omission": 40,
    "insertion": 300,
    "repetition": 40,
    "replacement": 150,
    "transposition": 40,
    "vowel_swap": 60,
    "hyphenation": 40,
    "dot": 40,
    "bitsquatting": 150,
    "ascii_lookalike": 60,
    "homoglyph": 400,
    "suffix_swap": len(DEFAULT_SUFFIXES),
    "suffix_glue": 30,
    "fake_sld": 15,
    "embedding": 800,  # grows with the lure vocabulary (terms.txt): one per word and shape
    "combosquatting": 1300,  # grows with the lure vocabulary too
}


@pytest.mark.parametrize(
    "target", ["kemendagri.go.id", "dukcapil.kemendagri.go.id", "indonesiabaik.id", "bkn.go.id"]
)
def test_sizes_are_bounded(target: str) -> None:
    counts = Counter(p.family for p in permutations(target))
    over = {f: n for f, n in counts.items() if n > CEILINGS[f]}
    assert over == {}


def test_omission_count_is_exact() -> None:
    # kemendagri: 9 omissions (first letter kept), each under .id and one rotating suffix
    assert len(domains("kemendagri.go.id", "omission")) == 18
    assert len(domains("indonesiabaik.id", "omission")) == 12


# --- input normalisation and errors -----------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    ["KEMENDAGRI.GO.ID", "kemendagri.go.id.", "  kemendagri.go.id  "],
    ids=["upper", "trailing-dot", "spaces"],
)
def test_input_is_normalised(spelling: str) -> None:
    assert list(permutations(spelling, families=["omission"])) == list(
        permutations("kemendagri.go.id", families=["omission"])
    )


def test_punycode_and_unicode_input_agree() -> None:
    unicode_form = "dukсapil.id"
    punycode = idna.encode(unicode_form, uts46=True).decode("ascii")
    a = list(permutations(unicode_form, families=["suffix_swap"]))
    assert a == list(permutations(punycode, families=["suffix_swap"]))
    assert a[0].original == unicode_form


def test_ascii_domain_is_punycode() -> None:
    lookalike = Permutation(domain="dukсapil.id", family="homoglyph", original="dukcapil.go.id")
    assert lookalike.ascii_domain == idna.encode("dukсapil.id", uts46=True).decode("ascii")
    plain = Permutation(domain="dukcapil.id", family="suffix_swap", original="dukcapil.go.id")
    assert plain.ascii_domain == "dukcapil.id"


def test_exclude_drops_hosts_and_their_subdomains() -> None:
    found = domains(
        "dukcapil.kemendagri.go.id",
        "suffix_swap",
        exclude=["kemendagri.co.id", "dukcapil.kemendagri.id"],
    )
    assert "dukcapil.kemendagri.co.id" not in found
    assert "dukcapil.kemendagri.id" not in found
    assert "dukcapil.kemendagri.my.id" in found


BAD_VALUES = [
    ("https://kemendagri.go.id/", {}, "URL"),
    ("kemendagri.go.id/path", {}, "path"),
    ("", {}, "empty"),
    ("go.id", {}, "public suffix"),
    ("com", {}, "single label"),
    ("localhost", {}, "single label host"),
    ("1.2.3.4", {}, "IPv4"),
    ("kemen..dagri.id", {}, "empty label"),
    ("-kemendagri.go.id", {}, "leading hyphen"),
    ("a" * 64 + ".id", {}, "label too long"),
    ("kemendagri.go.id", {"families": ["typo"]}, "unknown family"),
    ("kemendagri.go.id", {"suffixes": ["go.id"]}, "protected suffix"),
    ("kemendagri.go.id", {"suffixes": []}, "no suffixes"),
    ("kemendagri.go.id", {"lure_words": ["two words"]}, "bad lure word"),
    ("kemendagri.go.id", {"limit_per_family": -1}, "negative limit"),
]


@pytest.mark.parametrize(
    ("domain", "options", "why"), BAD_VALUES, ids=[why for _, _, why in BAD_VALUES]
)
def test_bad_values_raise_value_error(domain: str, options: dict[str, Any], why: str) -> None:
    with pytest.raises(ValueError, match=r"\S"):
        permutations(domain, **options)


BAD_TYPES = [
    (b"kemendagri.go.id", {}, "bytes domain"),
    (None, {}, "None domain"),
    ("kemendagri.go.id", {"families": "omission"}, "families as str"),
    ("kemendagri.go.id", {"families": [1]}, "family as int"),
    ("kemendagri.go.id", {"suffixes": "com"}, "suffixes as str"),
    ("kemendagri.go.id", {"lure_words": "cek"}, "lure_words as str"),
    ("kemendagri.go.id", {"limit_per_family": True}, "bool limit"),
    ("kemendagri.go.id", {"limit_per_family": 2.0}, "float limit"),
    ("kemendagri.go.id", {"exclude": "kemendagri.id"}, "exclude as str"),
]


@pytest.mark.parametrize(
    ("domain", "options", "why"), BAD_TYPES, ids=[why for _, _, why in BAD_TYPES]
)
def test_bad_types_raise_type_error(domain: Any, options: dict[str, Any], why: str) -> None:
    with pytest.raises(TypeError):
        permutations(domain, **options)


def test_errors_are_raised_at_call_time_not_on_iteration() -> None:
    with pytest.raises(ValueError, match="public suffix"):
        permutations("go.id")  # no next(): the check is eager


# --- the tables behind the families ---------------------------------------------------------


@cache
def confusables_of(letter: str) -> frozenset[str]:
    data = json.loads(
        resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    )
    return frozenset(entry["c"] for entry in data.get(letter, []))


CHROMIUM_EXTRAS = {"ӏ": "l", "κ": "k"}
GLYPHS = [(letter, glyph) for letter, glyphs in module._HOMOGLYPHS.items() for glyph in glyphs]


@pytest.mark.parametrize(
    ("letter", "glyph"), GLYPHS, ids=[f"{letter}-{glyph}" for letter, glyph in GLYPHS]
)
def test_homoglyph_is_a_real_lookalike_and_valid_idna(letter: str, glyph: str) -> None:
    base = unicodedata.normalize("NFD", glyph)[0]
    assert glyph in confusables_of(letter) or base == letter or CHROMIUM_EXTRAS.get(glyph) == letter
    # UTS 46 keeps it as it is, so the lookalike shows in the browser as generated
    label = f"ab{glyph}cd"
    assert idna.decode(idna.encode(label, uts46=True)) == label


def test_cyrillic_table_agrees_with_homoglyph_table() -> None:
    assert [c for c, g in module._CYRILLIC.items() if g not in module._HOMOGLYPHS[c]] == []


@pytest.mark.parametrize(
    ("key", "expected"),
    [("s", "weadzx"), ("q", "wa"), ("p", "ol"), ("m", "jkn"), ("k", "iojlm"), ("7", ""), ("", "")],
)
def test_keyboard_neighbours(key: str, expected: str) -> None:
    assert neighbours(key) == expected


@pytest.mark.parametrize("target", [module, keyboard], ids=["permutations", "_keyboard"])
def test_docstring_examples_run(target: ModuleType) -> None:
    result = doctest.testmod(source_module(target))
    assert result.attempted > 0
    assert result.failed == 0
