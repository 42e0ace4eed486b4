"""The command line as a new user meets it, run as a real process: it never drops input, never
dies on an output encoding, says what went wrong in one line, reads stdin as a filter does, and
speaks the language asked for. (tests/test_cli.py covers the formats and exit codes in detail.)
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Final

import pytest

import domainguard
from domainguard import cli
from domainguard.permutations import FAMILIES

ENV: Final = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
CP1252: Final = {**ENV, "PYTHONIOENCODING": "cp1252"}
UNICODE_FEED: Final = "dukсapil.id\nkemendgari.id → x\nhttps://bücher.example/ünï\n".encode()


def domainguard_(*args: str, input: bytes | None = b"", env: dict[str, str] | None = None,
                 cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """The installed entry point's code, ``python -m domainguard``, as a separate process."""
    return subprocess.run([sys.executable, "-m", "domainguard", *args], input=input,
                          capture_output=True, timeout=300, check=False, env=env or ENV, cwd=cwd)


def jsonl(data: bytes, encoding: str = "utf-8") -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode(encoding).splitlines()]


def one_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace")
    assert text.count("\n") == 1, text
    assert "Traceback" not in text
    assert text.startswith("domainguard: ")
    return text


# ---- input is never dropped -----------------------------------------------------------------

def test_text_with_url_arguments_is_a_usage_error() -> None:
    done = domainguard_("check", "--text", "x", "kemendgari.id")
    assert (done.returncode, done.stdout) == (2, b"")
    assert "--text" in one_line(done.stderr)


@pytest.mark.parametrize("args", [[], ["-"]], ids=["no-argument", "dash"])
def test_check_reads_urls_from_piped_stdin(args: list[str]) -> None:
    done = domainguard_("check", "--json", *args,
                        input=b"kemendgari.id\n\n# a comment\nhttps://kemendagri.go.id/\n")
    assert (done.returncode, done.stderr) == (1, b"")
    assert [(r["input"], r["verdict"]) for r in jsonl(done.stdout)] == [
        ("kemendgari.id", "lookalike"), ("https://kemendagri.go.id/", "official")]


def test_check_with_empty_stdin_and_no_url_is_a_usage_error() -> None:
    done = domainguard_("check", input=b"")
    assert done.returncode == 2
    assert "at least one URL" in one_line(done.stderr)


def test_only_registry_without_a_registry_is_an_error() -> None:
    for command in (["check", "kemendgari.id"], ["scan", "-"]):
        done = domainguard_(*command, "--only-registry")
        assert done.returncode == 2
        assert "--registry" in one_line(done.stderr)


# ---- output never dies on encoding ----------------------------------------------------------

@pytest.mark.parametrize("args", [
    pytest.param(["check", "kemendgari.id"], id="ascii-input-plain"),
    pytest.param(["check", "dukсapil.id", "--explain", "--lang", "id"], id="unicode-explain"),
    pytest.param(["check", "--text", "buka dukсapil.id → sekarang"], id="text"),
    pytest.param(["permute", "bkn.go.id", "--family", "homoglyph"], id="permute"),
])
def test_a_cp1252_stream_never_crashes_check(args: list[str]) -> None:
    done = domainguard_(*args, env=CP1252)
    assert done.stderr == b""
    assert done.returncode in (0, 1)
    done.stdout.decode("cp1252")  # the stream got only what it can carry


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_cp1252_stream_gets_every_scan_record(tmp_path: Path, fmt: str) -> None:
    feed = tmp_path / "uni.txt"
    feed.write_bytes(UNICODE_FEED)
    done = domainguard_("scan", "-q", "--format", fmt, str(feed), env=CP1252)
    assert (done.returncode, done.stderr) == (1, b"")
    text = done.stdout.decode("cp1252")
    if fmt == "jsonl":
        records = [json.loads(line) for line in text.splitlines()]
        assert [r["line"] for r in records] == [1, 2, 3]
        assert records[0]["input"] == "dukсapil.id"  # JSON's escapes carry the Unicode whole
    else:
        assert [row["line"] for row in csv.DictReader(io.StringIO(text))] == ["1", "2", "3"]


def test_a_text_piped_to_a_cp1252_console() -> None:
    message = "Balas ke admin@dukсapil.id → segera! Info: kemendagri.go.id".encode()
    done = domainguard_("check", "--text", "-", "--lang", "id", input=message, env=CP1252)
    assert (done.returncode, done.stderr) == (1, b"")
    lines = done.stdout.decode("cp1252").splitlines()
    assert [line.split("]")[1].split()[0] for line in lines] == ["TIRUAN", "RESMI"]
    assert "\\u0441" in lines[0]  # the Cyrillic letter, escaped rather than fatal


def test_check_json_on_cp1252_is_valid_json() -> None:
    done = domainguard_("check", "--json", "--lang", "id", "dukсapil.id", env=CP1252)
    assert done.returncode == 1
    [record] = jsonl(done.stdout, "cp1252")
    assert (record["input"], record["label"]) == ("dukсapil.id", "TIRUAN")


# ---- unexpected errors ----------------------------------------------------------------------

# the CLI's own Checker replaced by one that breaks (the CLI is plain Python in every build;
# a compiled Checker's methods cannot be replaced)
_BROKEN: Final = """
import sys
from domainguard import cli
class Broken:
    def __init__(self, *args, **kwargs):
        pass
    def check_url(self, url):
        raise RuntimeError("something inside broke")
    check_many = check_text = check_url
cli.Checker = Broken
sys.exit(cli.main(sys.argv[1:]))
"""


def broken_run(*args: str, env: dict[str, str] | None = None
               ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-c", _BROKEN, *args], capture_output=True,
                          timeout=120, check=False, env=env or ENV)


def test_an_unexpected_error_has_its_own_exit_code_and_one_line() -> None:
    done = broken_run("check", "kemendgari.id")
    assert done.returncode == cli.EXIT_ERROR == 3
    message = one_line(done.stderr)
    assert "unexpected error: RuntimeError: something inside broke" in message
    assert "--debug" in message


@pytest.mark.parametrize("how", ["flag", "env"])
def test_debug_shows_the_traceback(how: str) -> None:
    args = ["--debug", "check", "kemendgari.id"] if how == "flag" else ["check", "kemendgari.id"]
    done = broken_run(*args, env={**ENV, cli.DEBUG_ENV: "1"} if how == "env" else None)
    assert done.returncode == 3
    assert b"Traceback" in done.stderr
    assert b"something inside broke" in done.stderr


# ---- plain registries -----------------------------------------------------------------------

def test_plain_registry_files_with_plain(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("KlikBCA.com\nhttps://www.bca.co.id/login\n", encoding="utf-8")
    done = domainguard_("check", "--json", "--registry", str(plain), "--plain",
                        "klikbca-login.com")
    assert done.returncode == 1
    assert jsonl(done.stdout)[0]["target"] == "klikbca.com"
    assert done.stderr.decode() == (f"domainguard: warning: {plain}:2: "
                                    "'https://www.bca.co.id/login' read as the domain "
                                    "www.bca.co.id\n")
    strict = domainguard_("check", "--registry", str(plain), "klikbca-login.com")
    assert strict.returncode == 2
    assert "missing provenance" in one_line(strict.stderr)
    validated = domainguard_("registry", "validate", "--plain", str(plain))
    assert validated.returncode == 0
    assert validated.stdout.decode() == f"{plain}: OK, 2 domains, 0 protected suffixes\n"


def test_registry_validate_without_a_file_validates_the_bundled_one() -> None:
    done = domainguard_("registry", "validate")
    assert (done.returncode, done.stderr) == (0, b"")
    registry = domainguard.Registry.default()
    assert done.stdout.decode() == (f"bundled registry: OK, {len(registry)} domains, "
                                    f"{len(registry.protected_suffixes)} protected suffixes\n")


# ---- one language throughout ----------------------------------------------------------------

def test_scan_speaks_the_language_asked(tmp_path: Path) -> None:
    feed = tmp_path / "feed.txt"
    feed.write_text("kemendgari.id\n", encoding="utf-8")
    done = domainguard_("scan", "--lang", "id", str(feed))
    [record] = jsonl(done.stdout)
    result = domainguard.check_url("kemendgari.id")
    assert (record["label"], record["lang"]) == ("TIRUAN", "id")
    assert record["reasons"][0]["message"] == result.reasons[0].message("id")
    assert done.stderr.decode().startswith("1 baris diperiksa")
    assert "tiruan 1" in done.stderr.decode()


def test_check_prints_the_label_in_the_language_asked() -> None:
    done = domainguard_("check", "--lang", "ID", "kemendgari.id")
    assert done.stdout.decode().startswith("TIRUAN")


# ---- scan reads feeds as people keep them ---------------------------------------------------

def test_scan_skips_comment_lines(tmp_path: Path) -> None:
    feed = tmp_path / "feed.txt"
    feed.write_text("# exported 2026-01-01\nkemendgari.id\n  # note\nkemendagri.go.id\n",
                    encoding="utf-8")
    done = domainguard_("scan", "-q", str(feed))
    assert [(r["line"], r["input"]) for r in jsonl(done.stdout)] == [
        (2, "kemendgari.id"), (4, "kemendagri.go.id")]


@pytest.mark.parametrize(("column", "text"), [
    pytest.param("2", "1,kemendgari.id,x\n2,\"kemendagri.go.id\",y\n", id="number"),
    pytest.param("url", "id,url,note\n1,kemendgari.id,x\n2,\"kemendagri.go.id\",y\n", id="name"),
])
def test_scan_a_csv_column(tmp_path: Path, column: str, text: str) -> None:
    feed = tmp_path / "feed.csv"
    feed.write_text(text, encoding="utf-8")
    done = domainguard_("scan", "-q", "--column", column, str(feed))
    assert (done.returncode, done.stderr) == (1, b"")
    assert [(r["input"], r["verdict"]) for r in jsonl(done.stdout)] == [
        ("kemendgari.id", "lookalike"), ("kemendagri.go.id", "official")]


def test_scan_an_unknown_column_name_is_a_usage_error(tmp_path: Path) -> None:
    feed = tmp_path / "feed.csv"
    feed.write_text("id,link\n1,kemendgari.id\n", encoding="utf-8")
    done = domainguard_("scan", "--column", "url", str(feed))
    assert done.returncode == 2
    assert "id, link" in one_line(done.stderr)


def test_scan_jobs_auto(tmp_path: Path) -> None:
    feed = tmp_path / "feed.txt"
    feed.write_bytes(UNICODE_FEED * 3)
    auto = domainguard_("scan", "-q", "--jobs", "auto", str(feed))
    one = domainguard_("scan", "-q", str(feed))
    assert (auto.returncode, auto.stderr) == (1, b"")
    assert auto.stdout == one.stdout


def test_progress_shows_rate_percent_and_eta(capsys: pytest.CaptureFixture[str]) -> None:
    source = cli._Source(io.BytesIO(b"a.com\nb.com\n"))
    source.size, source.consumed = 1000, 250  # a file of known size, a quarter read
    progress = cli._Progress(source, "en", enabled=True)
    progress.started -= 10.0
    progress.last -= 1.0
    progress.update(500, 3)
    line = capsys.readouterr().err
    assert line.startswith("\r")
    assert " 25.0%" in line
    assert "50/s" in line
    assert "flagged 3" in line
    assert "ETA 30s" in line


def test_progress_without_a_size_shows_the_rate(capsys: pytest.CaptureFixture[str]) -> None:
    progress = cli._Progress(cli._Source(io.BytesIO(b"")), "id", enabled=True)
    progress.started -= 4.0
    progress.last -= 1.0
    progress.update(200, 0)
    line = capsys.readouterr().err
    assert "50/dtk" in line
    assert "%" not in line
    assert "ETA" not in line


def test_an_input_file_has_a_known_size(tmp_path: Path) -> None:
    feed = tmp_path / "feed.txt"
    feed.write_bytes(b"a.com\n")
    with feed.open("rb") as handle:
        assert cli._Source(handle).size == 6


# ---- help -----------------------------------------------------------------------------------

def test_bare_command_prints_usage() -> None:
    done = domainguard_()
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr.decode().startswith("usage: domainguard")
    assert "check" in done.stderr.decode()


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found.extend(_parsers(sub))
    return found


def test_every_option_has_help_text() -> None:
    for parser in _parsers(cli._parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help, f"{parser.prog} {action.dest}"


def test_family_help_lists_the_families() -> None:
    done = domainguard_("permute", "--help")
    text = " ".join(done.stdout.decode().split())
    for family in FAMILIES:
        assert family in text


def test_exit_codes_are_in_the_help() -> None:
    text = " ".join(domainguard_("--help").stdout.decode().split())
    assert "3 unexpected error" in text


# ---- a broken installation ------------------------------------------------------------------

def _tldextract_without_data(root: Path) -> Path:
    """A ``tldextract`` package with no data file, as if its snapshot had gone missing
    (found first on the path, it is the one domainguard looks into)."""
    package = root / "tldextract"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    return root


def test_a_missing_dependency_data_file_is_one_clear_line(tmp_path: Path) -> None:
    fake = _tldextract_without_data(tmp_path)
    done = subprocess.run([sys.executable, "-m", "domainguard", "check", "kemendgari.id"],
                          capture_output=True, timeout=120, check=False,
                          env={**ENV, "PYTHONPATH": str(fake)})
    assert done.returncode == 3
    message = one_line(done.stderr)
    assert "Public Suffix List snapshot that tldextract ships" in message
    assert "pip install --force-reinstall 'tldextract>=5.1,<6'" in message


def test_a_missing_dependency_data_file_raises_data_error(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    from domainguard import _suffixes

    monkeypatch.syspath_prepend(str(_tldextract_without_data(tmp_path)))
    monkeypatch.delitem(sys.modules, "tldextract", raising=False)
    with pytest.raises(domainguard.DataError, match="tldextract"):
        _suffixes._load()
