"""A broken registry file is an error naming file and line, never a half-loaded registry.

``test_registry.py`` pins the loader's messages on one-line files; here each kind of mistake
hides inside a full-size file (a copy of the bundled registry), line endings and odd
characters must not shift the line a message names, several mistakes are all counted, and the
command line reports them (``domainguard registry validate FILE``: exit 1, ``file:line:`` on
stderr).
"""

from __future__ import annotations

import importlib.resources
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Final

import pytest

from domainguard import Checker, Registry, RegistryError, Verdict
from domainguard.cli import main

BUNDLED: Final = importlib.resources.files("domainguard").joinpath("data").joinpath(
    "official_domains.txt").read_bytes()
BUNDLED_LINES: Final = BUNDLED.decode("utf-8").split("\n")
FIRST_ENTRY: Final = next(
    number for number, line in enumerate(BUNDLED_LINES, 1) if line and not line.startswith("#"))
GOOD: Final = "layanan.kemendagri.go.id | national-service | Layanan | - | test fixture"


def _with_line(line: str | bytes, at: int) -> tuple[bytes, int]:
    """The bundled file with ``line`` inserted so that it becomes line ``at`` (0: last)."""
    lines = BUNDLED.rstrip(b"\n").split(b"\n")
    raw = line.encode("utf-8") if isinstance(line, str) else line
    position = len(lines) if at == 0 else at - 1
    lines.insert(position, raw)
    return b"\n".join(lines) + b"\n", position + 1


def _first_entry_line() -> str:
    return BUNDLED_LINES[FIRST_ENTRY - 1]


MISTAKES = [
    pytest.param("xn--zz.kemendagri.go.id | custom | x | - | src", "not valid IDNA",
                 id="bad-idna"),
    pytest.param("xn--e28h.id | custom | x | - | src", "not valid IDNA", id="emoji-punycode"),
    pytest.param("\U0001f600.id | custom | x | - | src", "not a valid internationalised",
                 id="emoji-unicode"),
    pytest.param("co.id | custom | x | - | src", "public suffix", id="public-suffix"),
    pytest.param("blogspot.com | custom | x | - | src", "public suffix",
                 id="private-public-suffix"),
    pytest.param("go.id | national-government | x | - | src", "public suffix",
                 id="protected-suffix-as-entry"),
    pytest.param("layanan.kemendagri.go.id", "missing provenance", id="bare-domain"),
    pytest.param("layanan.kemendagri.go.id | custom | x | - |   ", "missing provenance",
                 id="empty-source"),
    pytest.param("layanan.kemendagri.go.id | custom | x", "expected 5 fields", id="3-fields"),
    pytest.param("layanan.kemendagri.go.id | custom | x | - | a | b | c", "expected 5 fields",
                 id="7-fields"),
    pytest.param("layanan.kemendagri.go.id | custom | x | - | a | b_c", "alias 'b_c'",
                 id="bad-alias"),
    pytest.param("layanan.kemendagri.go.id | ministry | x | - | src", "unknown kind",
                 id="unknown-kind"),
    pytest.param("layanan.kemendagri.go.id | Custom | x | - | src", "unknown kind",
                 id="kind-case"),
    pytest.param("Layanan.Kemendagri.go.id | custom | x | - | src", "lowercase", id="uppercase"),
    pytest.param("layanan.kemendagri.go.id | custom | x | Jawa Tengah | src", "region",
                 id="bad-region"),
    pytest.param("layanan..kemendagri.go.id | custom | x | - | src", "empty label",
                 id="empty-label"),
    pytest.param("a" * 64 + ".go.id | custom | x | - | src", "longer than 63", id="label-64"),
    pytest.param(".".join(["abcdefghi"] * 26) + ".id | custom | x | - | src",
                 "longer than 253", id="host-254"),
    pytest.param("layanan kemendagri.go.id | custom | x | - | src", "not a valid host name",
                 id="space-in-domain"),
    pytest.param("203.0.113.9 | custom | x | - | src", "IP address", id="ip-address"),
    pytest.param("layanan.kemendagri.go.id\x00 | custom | x | - | src", "not a valid host",
                 id="nul"),
]


@pytest.mark.parametrize(("line", "fragment"), MISTAKES)
@pytest.mark.parametrize("where", [1, 100, 0], ids=["first-line", "line-100", "last-line"])
def test_each_mistake_in_a_full_file_names_its_line(tmp_path: Path, line: str, fragment: str,
                                                    where: int) -> None:
    data, number = _with_line(line, where)
    path = tmp_path / "official.txt"
    path.write_bytes(data)
    with pytest.raises(RegistryError) as caught:
        Registry.from_file(path)
    error = caught.value
    assert (error.path, error.line) == (str(path), number)
    assert str(error).startswith(f"{path}:{number}: ")
    assert fragment in str(error)
    assert "more" not in str(error)  # the bundled lines around it are all fine


def test_duplicate_names_both_lines(tmp_path: Path) -> None:
    data, number = _with_line(_first_entry_line(), 0)
    path = tmp_path / "official.txt"
    path.write_bytes(data)
    with pytest.raises(RegistryError) as caught:
        Registry.from_file(path)
    assert caught.value.line == number
    assert f"(first on line {FIRST_ENTRY})" in str(caught.value)


@pytest.mark.parametrize(("second", "fragment"), [
    pytest.param("b\u00fccher.de | custom | x | - | s", "duplicate entry xn--bcher-kva.de",
                 id="unicode-and-punycode"),
    pytest.param("xn--bcher-kva.de. | custom | x | - | s", "duplicate entry xn--bcher-kva.de",
                 id="trailing-dot"),
])
def test_duplicates_are_found_across_spellings(tmp_path: Path, second: str,
                                               fragment: str) -> None:
    path = tmp_path / "r.txt"
    path.write_text("xn--bcher-kva.de | custom | x | - | s\n" + second + "\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=rf"^{path}:2: {fragment} \(first on line 1\)"):
        Registry.from_file(path)


@pytest.mark.parametrize(("data", "line"), [
    pytest.param(_with_line(b"caf\xe9.go.id | custom | x | - | latin-1", 300)[0], 300,
                 id="latin-1-line-300"),
    pytest.param(b"\xff\xfe" + GOOD.encode("utf-16-le"), 1, id="utf-16"),
    pytest.param(BUNDLED.replace(b"\n", b"\r\n") + b"caf\xe9.id | custom | x | - | s\r\n",
                 BUNDLED.count(b"\n") + 1, id="crlf-then-latin-1"),
    pytest.param(BUNDLED.replace(b"\n", b"\r") + b"caf\xe9.id | custom | x | - | s\r",
                 BUNDLED.count(b"\n") + 1, id="cr-then-latin-1"),
    pytest.param(BUNDLED[:-1] + b"\xe2\x80", BUNDLED.count(b"\n"), id="truncated-utf-8"),
])
def test_wrong_encoding_names_the_line(tmp_path: Path, data: bytes, line: int) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    with pytest.raises(RegistryError) as caught:
        Registry.from_file(path)
    assert (caught.value.path, caught.value.line) == (str(path), line)
    assert str(caught.value) == f"{path}:{line}: not valid UTF-8 text"


# Characters that str.splitlines() treats as line breaks but editors (and this format) do not.
@pytest.mark.parametrize("inside", ["\x0c", "\x0b", "\x1c", "\x85", "\u2028", "\u2029"],
                         ids=["ff", "vt", "fs", "nel", "line-sep", "para-sep"])
def test_odd_characters_in_a_field_do_not_shift_line_numbers(tmp_path: Path,
                                                             inside: str) -> None:
    text = (f"a.kemendagri.go.id | custom | x | - | page{inside}2\n"
            "b.kemendagri.go.id | custom | x | - | s\n"
            "c.kemendagri.go.id | custom | x | - |\n")
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        Registry.from_file(path)
    assert caught.value.line == 3
    assert "missing provenance" in str(caught.value)
    assert "more" not in str(caught.value)


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_endings_load_the_same(tmp_path: Path, ending: str) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(BUNDLED.replace(b"\n", ending.encode()))
    def rows(registry: Registry) -> list[tuple[object, ...]]:
        return [(e.domain, e.kind, e.name, e.region, e.source, e.line) for e in registry]

    assert rows(Registry.from_file(path)) == rows(Registry.default())


def test_byte_order_mark_is_not_part_of_the_first_domain(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode() + b"\n")
    assert [entry.domain for entry in Registry.from_file(path)] == ["layanan.kemendagri.go.id"]


def test_partially_bad_file_never_loads_half(tmp_path: Path) -> None:
    default = Registry.default()
    path = tmp_path / "r.txt"
    path.write_bytes(_with_line("klikbca.com | custom | BCA | - | bank", 0)[0]
                     + b"bad entry\n" + b"klikbca2.com | custom | BCA | - | bank\n")
    with pytest.raises(RegistryError):
        Registry.from_file(path)
    # the failure left nothing behind: the bundled registry is untouched and nobody else
    # sees the good half
    assert Registry.default() is default
    assert "klikbca.com" not in default
    assert "klikbca2.com" not in default
    assert Checker().check_url("klikbca.com").verdict is not Verdict.OFFICIAL


def test_many_mistakes_are_all_counted(tmp_path: Path) -> None:
    lines = [GOOD.replace("layanan", f"l{i}") for i in range(50)]
    bad_numbers = [3, 10, 11, 20, 25, 30, 31, 32, 33, 40, 41, 42, 45, 50]
    for number in bad_numbers:
        lines[number - 1] = f"bad{number}"
    path = tmp_path / "r.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        Registry.from_file(path)
    message = str(caught.value)
    assert caught.value.line == 3
    assert f"(and {len(bad_numbers) - 1} more: " in message
    for number in bad_numbers[1:10]:
        assert f"{path}:{number}: bad{number}: missing provenance" in message
    assert f"{path}:{bad_numbers[10]}:" not in message  # the list is capped...
    assert message.endswith(f"+{len(bad_numbers) - 10} more)")  # ...and says how many it left


def test_megabyte_line_gives_a_short_error(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(GOOD + "\n" + "\u00e4" * 1_000_000 + ".id | custom | x | - | s\n",
                    encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        Registry.from_file(path)
    assert caught.value.line == 2
    assert len(str(caught.value)) < 1000


def test_error_survives_pickling(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(GOOD + "\nbad\n", encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        Registry.from_file(path)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (copy.path, copy.line, str(copy)) == (str(path), 2, str(caught.value))


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_unreadable_file_names_the_path(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "r.txt"
    if kind == "directory":
        path.mkdir()
    with pytest.raises(RegistryError) as caught:
        Registry.from_file(path)
    assert (caught.value.path, caught.value.line) == (str(path), None)
    assert str(caught.value).startswith(f"{path}: cannot read registry file")


@pytest.mark.parametrize(("domains", "line"), [
    pytest.param(["klikbca.com", "bca.co.id", "co.id"], 3, id="public-suffix"),
    pytest.param(["klikbca.com", "xn--zz.com"], 2, id="bad-idna"),
    pytest.param(["203.0.113.9"], 1, id="ip-address"),
    pytest.param(["klikbca.com", "a" * 64 + ".com"], 2, id="long-label"),
])
def test_domain_lists_name_the_position(domains: list[str], line: int) -> None:
    with pytest.raises(RegistryError) as caught:
        Registry.from_domains(domains)
    assert (caught.value.path, caught.value.line) == ("domains", line)
    assert str(caught.value).startswith(f"domains:{line}: ")


def test_protected_suffix_lists_name_the_position() -> None:
    with pytest.raises(RegistryError) as caught:
        Registry.from_domains(["klikbca.com"], protected_suffixes=["go.id", "a..id"])
    assert (caught.value.path, caught.value.line) == ("protected_suffixes", 2)


# ---- the command line ------------------------------------------------------------------------

def test_cli_validate_good_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(BUNDLED)
    assert main(["registry", "validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"{path}: OK, {len(Registry.default())} domains")
    assert err == ""


@pytest.mark.parametrize(("line", "fragment"), MISTAKES[:8])
def test_cli_validate_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str,
                               fragment: str) -> None:
    data, number = _with_line(line, 200)
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    assert main(["registry", "validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"{path}:{number}: ")
    assert fragment in err


def test_cli_validate_wrong_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(_with_line(b"caf\xe9.go.id | custom | x | - | s", 7)[0])
    assert main(["registry", "validate", str(path)]) == 1
    assert capsys.readouterr().err == f"{path}:7: not valid UTF-8 text\n"


def test_cli_validate_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nope.txt"
    assert main(["registry", "validate", str(path)]) == 1
    assert capsys.readouterr().err.startswith(f"{path}: cannot read registry file")


def test_cli_check_with_a_bad_registry_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.txt"
    path.write_text(GOOD + "\nbad\n", encoding="utf-8")
    assert main(["check", "--registry", str(path), "klikbca.com"]) == 2
    out, err = capsys.readouterr()
    assert out == ""  # nothing was judged against half a registry
    assert err.startswith(f"domainguard: {path}:2: ")


def test_cli_validate_in_a_subprocess(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(_with_line("co.id | custom | x | - | src", 42)[0])
    good = tmp_path / "good.txt"
    good.write_bytes(BUNDLED)
    command = [sys.executable, "-m", "domainguard", "registry", "validate"]
    failed = subprocess.run([*command, str(bad)], capture_output=True, text=True, timeout=120,
                            check=False)
    assert (failed.returncode, failed.stdout) == (1, "")
    assert failed.stderr.startswith(f"{bad}:42: co.id is a public suffix")
    assert "Traceback" not in failed.stderr
    passed = subprocess.run([*command, str(good)], capture_output=True, text=True, timeout=120,
                            check=False)
    assert (passed.returncode, passed.stderr) == (0, "")
    assert passed.stdout.startswith(f"{good}: OK")
