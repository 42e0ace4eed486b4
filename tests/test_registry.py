"""Registry loading, validation, combination and lookups."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from domainguard import Checker, Registry, RegistryError, Verdict

GOOD = "kemendagri.go.id | national-government | Kemendagri | - | test fixture\n"


def write(tmp_path: Path, text: str | bytes, name: str = "reg.txt") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_default_registry_content() -> None:
    registry = Registry.default()
    assert len(registry) > 500
    for domain in ("dukcapil.kemendagri.go.id", "kemendagri.go.id", "indonesiabaik.id"):
        assert domain in registry
    assert set(registry.protected_suffixes) == {"go.id", "mil.id", "desa.id"}
    assert Registry.default() is registry  # built once


def test_from_file_reads_the_format(tmp_path: Path) -> None:
    path = write(tmp_path, "# comment\n\n" + GOOD +
                 "go.id | protected-suffix | state | - | PSL\n")
    registry = Registry.from_file(path)
    assert len(registry) == 1
    entry = registry.get("kemendagri.go.id")
    assert entry is not None
    assert (entry.origin, entry.line, entry.source) == (str(path), 3, "test fixture")
    assert registry.protected_suffixes == ("go.id",)


@pytest.mark.parametrize(("text", "line", "message"), [
    pytest.param("kemendagri.go.id\n", 1, "missing provenance", id="bare-domain"),
    pytest.param("kemendagri.go.id | national-government | K | - | \n", 1, "missing provenance",
                 id="empty-source"),
    pytest.param(GOOD + GOOD, 2, "duplicate entry kemendagri.go.id (first on line 1)",
                 id="duplicate"),
    pytest.param("co.id | custom | x | - | src\n", 1, "public suffix", id="public-suffix"),
    pytest.param("xn--zz.example | custom | x | - | src\n", 1, "not valid IDNA", id="bad-idna"),
    pytest.param("Kemendagri.go.id | custom | x | - | src\n", 1, "lowercase", id="uppercase"),
    pytest.param("a.id | custom | x\n", 1, "expected 5 fields", id="few-fields"),
    pytest.param("a.id | nonsense | x | - | src\n", 1, "unknown kind", id="bad-kind"),
    pytest.param("a.id | custom | x | jateng | src\n", 1, "region", id="bad-region"),
    pytest.param("# ok\n" + GOOD + "a..id | custom | x | - | s\n", 3, "empty label",
                 id="empty-label"),
])
def test_broken_file_names_file_and_line(tmp_path: Path, text: str, line: int,
                                         message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RegistryError) as caught:
        Registry.from_file(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_wrong_encoding_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.encode() + b"caf\xe9.id | custom | x | - | s\n")
    with pytest.raises(RegistryError, match=r":2: not valid UTF-8"):
        Registry.from_file(path)


def test_partially_bad_file_never_loads(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "x..id | custom | x | - | s\n" + "b.id | custom | x | - | s\n")
    with pytest.raises(RegistryError, match="empty label"):
        Registry.from_file(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="cannot read"):
        Registry.from_file(tmp_path / "nope.txt")


def test_plain_file_without_provenance_when_asked(tmp_path: Path) -> None:
    registry = Registry.from_file(write(tmp_path, "klikbca.com\nbca.co.id\n"),
                                  require_provenance=False)
    assert "klikbca.com" in registry
    assert len(registry) == 2


# A plain list gets the same reading from a file and from a list; what is more than a domain
# (a URL, a "*." prefix) is reduced to its host with a warning. The curated format stays strict.
PLAIN = [
    pytest.param("KlikBCA.com", "klikbca.com", False, id="case"),
    pytest.param("bca.co.id.", "bca.co.id", False, id="trailing-dot"),
    pytest.param("bücher.example", "xn--bcher-kva.example", False, id="unicode"),
    pytest.param("*.klikbca.com", "klikbca.com", True, id="wildcard"),
    pytest.param("https://www.KlikBCA.com/login?x=1", "www.klikbca.com", True, id="url"),
    pytest.param("klikbca.com/login", "klikbca.com", True, id="host-and-path"),
]


@pytest.mark.parametrize(("text", "domain", "warned"), PLAIN)
def test_plain_lists_are_normalised_alike(tmp_path: Path, text: str, domain: str,
                                          warned: bool) -> None:
    path = write(tmp_path, f"# plain\n{text}\n")
    with warnings.catch_warnings(record=True) as from_file:
        warnings.simplefilter("always")
        from_file_registry = Registry.from_file(path, require_provenance=False)
        from_list_registry = Registry.from_domains([text])
    assert [e.domain for e in from_file_registry] == [domain]
    assert [e.domain for e in from_list_registry] == [domain]
    messages = [str(w.message) for w in from_file if issubclass(w.category, UserWarning)]
    if warned:
        assert messages == [f"{path}:2: {text!r} read as the domain {domain}",
                            f"domains:1: {text!r} read as the domain {domain}"]
    else:
        assert messages == []


@pytest.mark.parametrize("text", ["https://", "*.co.id", "mailto:"])
def test_plain_lists_reject_what_has_no_domain(tmp_path: Path, text: str) -> None:
    with pytest.raises(RegistryError, match=":1: "):
        Registry.from_file(write(tmp_path, text + "\n"), require_provenance=False)


def test_the_curated_format_stays_strict(tmp_path: Path) -> None:
    path = write(tmp_path, "KlikBCA.com | custom | x | - | src\n")
    with pytest.raises(RegistryError, match="lowercase"):
        Registry.from_file(path, require_provenance=False)


def test_from_domains_normalises() -> None:
    registry = Registry.from_domains(["KlikBCA.com.", "bücher.example", "klikbca.com"])
    assert len(registry) == 2
    assert "klikbca.com" in registry
    assert "xn--bcher-kva.example" in registry
    assert "bücher.example" in registry


@pytest.mark.parametrize("bad", ["co.id", "a..b", ""])
def test_from_domains_rejects(bad: str) -> None:
    with pytest.raises(RegistryError, match="domains:2"):
        Registry.from_domains(["ok.com", bad])


def test_from_domains_type_errors() -> None:
    with pytest.raises(TypeError):
        Registry.from_domains("klikbca.com")
    with pytest.raises(TypeError):
        Registry.from_domains([b"klikbca.com"])  # type: ignore[list-item]


@pytest.mark.parametrize(("host", "expected"), [
    pytest.param("google.com", "official", id="itself"),
    pytest.param("mail.google.com", "official", id="subdomain"),
    pytest.param("nomoregoogle.com", "unrelated", id="endswith-is-not-a-subdomain"),
    pytest.param("google.com.evil.net", "lookalike", id="embedded"),
])
def test_label_boundaries(host: str, expected: str) -> None:
    checker = Checker(Registry.from_domains(["google.com"]))
    assert checker.check_url(host).verdict.value == expected


def test_combine_says_which_entry_matched(tmp_path: Path) -> None:
    mine = Registry.from_file(write(tmp_path, "klikbca.com | custom | BCA | - | bank's list\n"))
    combined = Registry.default() | mine
    assert len(combined) == len(Registry.default()) + 1
    result = Checker(combined).check_url("https://klikbca.com/")
    assert result.verdict is Verdict.OFFICIAL
    assert result.entry is not None
    assert result.entry.origin == str(tmp_path / "reg.txt")
    official = Checker(combined).check_url("kemendagri.go.id")
    assert official.entry is not None
    assert official.entry.origin == "bundled"
