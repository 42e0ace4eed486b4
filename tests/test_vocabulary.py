"""The bundled vocabulary: terms and regions load, hold the expected words, and reject bad lines."""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from domainguard import _vocabulary
from domainguard._vocabulary import Region, VocabularyError

REPO = Path(__file__).resolve().parents[1]
CACHED: tuple[Callable[..., object], ...] = (
    _vocabulary._terms,
    _vocabulary.regions,
    _vocabulary._by_code,
    _vocabulary.regions_by_token,
)


def clear_caches() -> None:
    for function in CACHED:
        function.cache_clear()  # type: ignore[attr-defined]  # functools.cache wrappers


@pytest.fixture
def fake_data(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """Replace the bundled files with the texts put into the returned dict."""
    files: dict[str, str] = {}
    monkeypatch.setattr(_vocabulary, "_read", files.__getitem__)
    clear_caches()
    yield files
    clear_caches()


# ---- regions ------------------------------------------------------------------------------------


def test_552_regions_with_38_provinces() -> None:
    levels = Counter(region.level for region in _vocabulary.regions())
    assert levels == {"province": 38, "regency": 416, "city": 98}


def test_region_codes_are_unique() -> None:
    codes = [region.code for region in _vocabulary.regions()]
    assert len(set(codes)) == len(codes) == 552


@pytest.mark.parametrize(
    ("token", "codes"),
    [
        pytest.param("purbalingga", ["33.03"], id="purbalingga"),
        pytest.param("singkawang", ["61.72"], id="singkawang"),
        pytest.param("tangerang", ["36.03", "36.71"], id="kabupaten-and-kota"),
        pytest.param("gorontalo", ["75", "75.01", "75.71"], id="province-kabupaten-kota"),
        pytest.param("kepulauanseribu", ["31.01"], id="compact"),
        pytest.param("kepulauan-seribu", ["31.01"], id="hyphenated"),
        pytest.param("aceh-barat-daya", ["11.12"], id="hyphenated-three-words"),
        pytest.param("tolitoli", ["72.04"], id="hyphen-in-name-compact"),
        pytest.param("toli-toli", ["72.04"], id="hyphen-in-name"),
        pytest.param("kepsiautagulandangbiaro", ["71.09"], id="dot-in-name"),
        pytest.param("jawatengah", ["33"], id="province"),
    ],
)
def test_regions_by_token(token: str, codes: list[str]) -> None:
    assert [region.code for region in _vocabulary.regions_by_token()[token]] == codes


def test_29_names_and_one_alias_name_several_regions() -> None:
    shared = [
        token
        for token, found in _vocabulary.regions_by_token().items()
        if len(found) > 1 and "-" not in token
    ]
    # jogja is both Daerah Istimewa Yogyakarta and Kota Yogyakarta
    assert len(shared) == 30
    assert [r.code for r in _vocabulary.regions_by_token()["jogja"]] == ["34", "34.71"]


def test_the_names_people_write_are_region_names() -> None:
    """Customary abbreviations from region_aliases.csv (written=yes), not build-only quirks."""
    by_token = _vocabulary.regions_by_token()
    assert [r.name for r in by_token["jateng"]] == ["Jawa Tengah"]
    assert [r.name for r in by_token["kukar"]] == ["Kabupaten Kutai Kartanegara"]
    assert "pemkomedan" not in by_token
    assert "sipdispendukcapiljember" not in by_token


def test_region_by_code() -> None:
    region = _vocabulary.region_by_code("33.03")
    assert region == Region(
        code="33.03",
        level="regency",
        name="Kabupaten Purbalingga",
        province_code="33",
        province_name="Jawa Tengah",
        short_name="purbalingga",
        compact="purbalingga",
    )
    assert _vocabulary.region_by_code("99.99") is None


def test_region_is_frozen() -> None:
    region = _vocabulary.regions()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        region.code = "00"  # type: ignore[misc]  # the point of the test


# ---- terms --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    [
        "dukcapil",
        "disdukcapil",
        "dispendukcapil",
        "dindukcapil",
        "disduk",
        "dispenduk",
        "capil",
        "kependudukan",
        "catatansipil",
        "identitaskependudukandigital",
        "identitas-kependudukan-digital",
        "ikd",
        "ktp",
        "ektp",
        "e-ktp",
        "kk",
        "kemendagri",
        "kemdagri",
        "depdagri",
        "pemda",
        "pemkab",
        "pemkot",
        "pemprov",
        "bansos",
        "pkh",
        "blt",
        "samsat",
        "tilang",
        "etle",
        "pajak",
        "djp",
        "bpjs",
    ],
)
def test_service_word(word: str) -> None:
    assert word in _vocabulary.service_words()


@pytest.mark.parametrize(
    "word",
    [
        "aktivasi",
        "verifikasi",
        "validasi",
        "daftar",
        "pendaftaran",
        "registrasi",
        "masuk",
        "login",
        "cek",
        "update",
        "pembaruan",
        "resmi",
        "official",
        "bantuan",
        "bansos",
        "klaim",
        "hadiah",
        "online",
        "layanan",
        "portal",
        "info",
        "data",
        "akun",
    ],
)
def test_lure_word(word: str) -> None:
    assert word in _vocabulary.lure_words()


@pytest.mark.parametrize(
    "word",
    ["www", "web", "online", "info", "data", "portal", "layanan", "app", "id", "go", "co", "my"],
)
def test_generic_word(word: str) -> None:
    assert word in _vocabulary.generic_words()


def test_region_names_are_not_service_words() -> None:
    assert _vocabulary.service_words() & set(_vocabulary.regions_by_token()) == set()


# ---- laziness and errors ------------------------------------------------------------------------


def test_import_reads_nothing() -> None:
    code = (
        "import domainguard._vocabulary as v\n"
        "print(v._terms.cache_info().currsize + v.regions.cache_info().currsize)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.strip() == "0"


GOOD_REGIONS = (
    "# comment\n"
    "code,level,name,province_code,province_name,short_name,compact\n"
    "33,province,Jawa Tengah,33,Jawa Tengah,jawa tengah,jawatengah\n"
)


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        pytest.param("# c\n\nikd | service\n", "terms.txt:3: expected", id="two-fields"),
        pytest.param("IKD | service | x\n", "terms.txt:1: term 'IKD'", id="uppercase"),
        pytest.param("ikd | lures | x\n", "terms.txt:1: unknown category", id="category"),
        pytest.param("ikd | service |\n", "terms.txt:1: term 'ikd' has no source", id="source"),
        pytest.param(
            "ikd | service | a\nikd | service | b\n", "terms.txt:2: duplicate", id="duplicate"
        ),
    ],
)
def test_malformed_terms_line(fake_data: dict[str, str], terms: str, message: str) -> None:
    fake_data["terms.txt"] = terms
    with pytest.raises(VocabularyError, match=message):
        _vocabulary.service_words()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        pytest.param("33.03,regency,X,33,Y,x\n", "regions.csv:4: expected 7", id="six-fields"),
        pytest.param("33.03,town,X,33,Y,x,x\n", "regions.csv:4: unknown level", id="level"),
        pytest.param("33.03,regency,X,34,Y,x,x\n", "regions.csv:4: code '33.03'", id="province"),
        pytest.param("33.03,regency,X,33,Y,a b,a b\n", "regions.csv:4: compact", id="compact"),
        pytest.param("33,province,X,33,X,x,x\n", "regions.csv:4: duplicate", id="duplicate"),
    ],
)
def test_malformed_regions_line(fake_data: dict[str, str], line: str, message: str) -> None:
    fake_data["regions.csv"] = GOOD_REGIONS + line
    with pytest.raises(VocabularyError, match=message):
        _vocabulary.regions()


def test_error_carries_path_and_line_and_pickles() -> None:
    error = VocabularyError("bad", path="domainguard/data/terms.txt", line=7)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.line, str(copy)) == (error.path, 7, "domainguard/data/terms.txt:7: bad")
    assert isinstance(copy, ValueError)
