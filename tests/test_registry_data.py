"""The bundled registry data: generated, up to date, and holding what the sources allow."""

from __future__ import annotations

import csv
import functools
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import idna
import pytest

from domainguard import _vocabulary

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "build_registry.py"
REGISTRY = REPO / "data" / "official_domains.txt"
SOURCES = REPO / "data" / "sources"
KINDS = (
    "protected-suffix",
    "national-dukcapil",
    "regional-dukcapil",
    "national-government",
    "national-service",
    "regional-government",
    "regional-service",
)


class Line(NamedTuple):
    number: int
    fields: tuple[str, ...]

    @property
    def domain(self) -> str:
        return self.fields[0]

    @property
    def kind(self) -> str:
        return self.fields[1]

    @property
    def region(self) -> str:
        return self.fields[3]


@functools.cache
def registry_lines() -> tuple[Line, ...]:
    text = REGISTRY.read_text(encoding="utf-8")
    return tuple(
        Line(number, tuple(part.strip() for part in raw.split("|")))
        for number, raw in enumerate(text.splitlines(), start=1)
        if raw.strip() and not raw.startswith("#")
    )


@functools.cache
def entries() -> dict[str, Line]:
    return {line.domain: line for line in registry_lines()}


def source_rows(name: str) -> list[dict[str, str]]:
    lines = (SOURCES / name).read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


def run_script(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )


# ---- the generator ------------------------------------------------------------------------------


def test_committed_outputs_are_up_to_date() -> None:
    result = run_script("--check")
    assert result.returncode == 0, result.stderr


def test_generator_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    assert run_script("--root", first).returncode == 0
    assert run_script("--root", second).returncode == 0
    produced = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert produced == [Path("data/official_domains.txt"),
                        Path("src/domainguard/data/region_aliases.csv"),
                        Path("src/domainguard/data/regions.csv")]
    assert [(first / p).read_bytes() for p in produced] == [
        (second / p).read_bytes() for p in produced
    ]
    assert (first / "data" / "official_domains.txt").read_bytes() == REGISTRY.read_bytes()


def test_check_fails_on_a_stale_file(tmp_path: Path) -> None:
    assert run_script("--root", tmp_path).returncode == 0
    stale = tmp_path / "data" / "official_domains.txt"
    stale.write_bytes(stale.read_bytes() + b"example.go.id | custom | x | - | hand edit\n")
    result = run_script("--check", "--root", tmp_path)
    assert result.returncode == 1
    assert "stale: data/official_domains.txt" in result.stderr


@pytest.mark.parametrize(
    ("domain", "why"),
    [("sulsel.go.id", "explicitly excluded"), ("capil-purbalingga.org", "lookalike")],
)
def test_a_curated_row_cannot_bring_back_a_forbidden_domain(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, domain: str, why: str) -> None:
    """Only a weak research row yields to a curated one: an excluded or lookalike host fails
    the build, naming the curated line."""
    import importlib.util
    import shutil

    spec = importlib.util.spec_from_file_location("build_registry_under_test", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # its dataclasses look themselves up
    spec.loader.exec_module(module)
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    with (sources / "curated.csv").open("a", encoding="utf-8") as curated:
        curated.write(f"{domain},national-service,Test,-,a test row\n")
    monkeypatch.setattr(module, "SOURCES", sources)
    with pytest.raises(module.SourceError, match=f"curated.csv:[0-9]+: {domain} is {why}"):
        module.outputs()


def test_header_says_it_is_generated() -> None:
    header = REGISTRY.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert "python scripts/build_registry.py" in header
    assert "Do not edit by hand; edit data/sources and rerun." in header


# ---- the format -------------------------------------------------------------------------------


def test_every_line_has_five_fields_and_a_source() -> None:
    """Five fields, or six where the entry has aliases (entry_aliases.csv)."""
    bad = [
        line.number
        for line in registry_lines()
        if len(line.fields) not in (5, 6) or not all(line.fields) or line.kind not in KINDS
    ]
    assert bad == []


def test_no_duplicate_domains() -> None:
    assert len(entries()) == len(registry_lines())


def test_domains_are_lowercase_ascii_and_round_trip_idna() -> None:
    bad = [
        line.domain
        for line in registry_lines()
        if line.domain != line.domain.lower()
        or not line.domain.isascii()
        or line.domain.endswith(".")
        or idna.encode(line.domain, uts46=True).decode("ascii") != line.domain
    ]
    assert bad == []


def test_regions_are_known_codes_or_dash() -> None:
    bad = [
        line.domain
        for line in registry_lines()
        if line.region != "-" and _vocabulary.region_by_code(line.region) is None
    ]
    assert bad == []


def test_sorted_by_kind_then_domain_with_protected_suffixes_first() -> None:
    keys = [(KINDS.index(line.kind), line.domain) for line in registry_lines()]
    assert keys == sorted(keys)
    assert {line.domain for line in registry_lines()[:3]} == {"go.id", "mil.id", "desa.id"}


# ---- the content ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("domain", "kind", "region"),
    [
        pytest.param("go.id", "protected-suffix", "-", id="go.id"),
        pytest.param("mil.id", "protected-suffix", "-", id="mil.id"),
        pytest.param("desa.id", "protected-suffix", "-", id="desa.id"),
        pytest.param("dukcapil.kemendagri.go.id", "national-dukcapil", "-", id="ditjen-dukcapil"),
        pytest.param("kemendagri.go.id", "national-government", "-", id="kemendagri"),
        pytest.param("pajak.go.id", "national-government", "-", id="djp"),
        pytest.param("indonesiabaik.id", "national-service", "-", id="indonesiabaik"),
        pytest.param("aduannomor.id", "national-service", "-", id="aduannomor"),
        pytest.param("patrolisiber.id", "national-service", "-", id="patrolisiber"),
        pytest.param("pln.co.id", "national-service", "-", id="pln"),
        pytest.param(
            "dinpendukcapil.purbalinggakab.go.id", "regional-dukcapil", "33.03", id="purbalingga"
        ),
        pytest.param("disdukcapil.tegalkab.go.id", "regional-dukcapil", "33.28", id="tegal-kab"),
        pytest.param("disdukcapil.bandung.go.id", "regional-dukcapil", "32.73", id="bandung-kota"),
        pytest.param(
            "sipdispendukcapiljember.id", "regional-dukcapil", "35.09", id="jember-plain-id"
        ),
        pytest.param("purbalinggakab.go.id", "regional-government", "33.03", id="kab-suffix"),
        pytest.param("tangerangkota.go.id", "regional-government", "36.71", id="kota-suffix"),
        pytest.param("kotabogor.go.id", "regional-government", "32.71", id="kota-prefix"),
        pytest.param("jatengprov.go.id", "regional-government", "33", id="province-alias"),
        pytest.param("bandung.go.id", "regional-government", "32.73", id="irregular-noted"),
        pytest.param("singkawangkota.go.id", "regional-government", "61.72", id="singkawang"),
        pytest.param("dukcapil.singkawang.go.id", "regional-dukcapil", "61.72",
                     id="singkawang-dukcapil-circular"),
        pytest.param("lpsepatikab.org", "regional-service", "33.18", id="lpse-on-org"),
        pytest.param("lpsebuolkab.org", "regional-service", "72.05", id="lpse-buol-on-org"),
    ],
)
def test_required_entry(domain: str, kind: str, region: str) -> None:
    line = entries().get(domain)
    assert line is not None
    assert (line.kind, line.region) == (kind, region)


@pytest.mark.parametrize(
    "domain",
    [
        pytest.param("capil-purbalingga.org", id="lookalike-clone"),
        pytest.param("www.webfun.website", id="fake-djp"),
        pytest.param("disdukcapil.go.id", id="unproven-go.id"),
        pytest.param("dukcapil.mastya.my.id", id="personal-project"),
        pytest.param("dukcapil.sukoharjokab.go.id", id="suspect"),
        pytest.param("disdukcapil.jakarta.go.id", id="suspect-machine-list"),
        pytest.param("layanandukcapil.kemendagri.go.id", id="unverified"),
        pytest.param("api.dukcapil.kemendagri.go.id", id="unverified-invented"),
        pytest.param("sulsel.go.id", id="flagged-suspicious"),
        pytest.param("burukab.go.id", id="flagged-spam"),
        pytest.param("dukcapil.agamkab.go.id", id="low-without-second-source"),
    ],
)
def test_forbidden_entry_absent(domain: str) -> None:
    assert domain not in entries()


@pytest.mark.parametrize(
    ("file", "column", "never"),
    [
        pytest.param("dukcapil_regional_hosts.csv", "trust", {"suspect"}, id="dukcapil-suspect"),
        pytest.param(
            "national_service_domains.csv",
            "trust",
            {"unverified", "weak"},
            id="national-unverified-weak",
        ),
    ],
)
def test_no_row_with_a_forbidden_grade(file: str, column: str, never: set[str]) -> None:
    """A row graded too low is never used; only a curated row with its own sources can list
    the same domain, and its entry then cites those sources and says the row was not enough."""
    graded = {(row.get("host") or row["domain"]): row[column] for row in source_rows(file)
              if row[column] in never}
    assert graded
    curated = {row["domain"]: row["source"] for row in source_rows("curated.csv")}
    for host in graded.keys() & set(entries()):
        assert host in curated, host
        source = entries()[host].fields[4].split(" + alias ")[0]  # aliases cite their own
        assert source.startswith(curated[host])
        assert source.endswith(f"(also {file} {column}={graded[host]}: not enough alone)")


def test_a_curated_row_takes_a_weak_row_out_of_left_out() -> None:
    """bpjs-kesehatan.go.id is graded weak in the research file; curated.csv cites its own
    sources, so it is listed and no longer reported as left out."""
    after = REGISTRY.read_text(encoding="utf-8").split("\n# Left out:", 1)[1].splitlines()
    left_out = "\n".join(line for line in after if line.startswith("#"))
    assert "bpjs-kesehatan.go.id" in entries()
    assert "bpjs-kesehatan.go.id" not in left_out
    assert "trust=weak" not in left_out


def test_no_lookalike_or_non_official_host() -> None:
    rows = source_rows("lookalike_and_nonofficial_examples.csv")
    bad = {r["host"] for r in rows if not r["status"].startswith("official-but-lookalike-shaped")}
    assert len(bad) == 8
    assert bad & set(entries()) == set()


def test_official_but_lookalike_shaped_hosts_are_listed() -> None:
    rows = source_rows("lookalike_and_nonofficial_examples.csv")
    wanted = {r["host"] for r in rows if r["status"].startswith("official-but-lookalike-shaped")}
    assert wanted == {"lpsepatikab.org", "lpsebuolkab.org", "sipdispendukcapiljember.id"}
    assert wanted <= set(entries())


@pytest.mark.parametrize(
    "file",
    [
        pytest.param("dukcapil_regional_hosts.csv", id="dukcapil"),
        pytest.param("national_service_domains.csv", id="national"),
    ],
)
def test_every_high_and_medium_row_is_listed(file: str) -> None:
    rows = source_rows(file)
    wanted = {r.get("host") or r["domain"] for r in rows if r["trust"] in ("high", "medium")}
    assert wanted - set(entries()) == set()


def test_every_merged_regional_domain_but_the_excluded_is_listed() -> None:
    merged = {row["domain"] for row in source_rows("regional_gov_domains_merged.csv")}
    excluded = {row["domain"] for row in source_rows("excluded.csv")}
    assert len(merged) == 391
    assert merged - set(entries()) == excluded & merged == {"sulsel.go.id", "burukab.go.id"}


def test_kept_low_trust_rows_say_why() -> None:
    low = [
        line.domain
        for line in registry_lines()
        if "trust=low" in line.fields[4] and "kept: " not in line.fields[4]
    ]
    assert low == []
