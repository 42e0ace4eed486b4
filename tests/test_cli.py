"""The command line: exit codes, stable JSON Lines, both languages, scan's one-record-per-line
promise (invalid UTF-8 included), parallel scans, closed pipes, and every subcommand.

Exit codes (docs/cli.md, cli.py): 0 nothing flagged or success, 1 flagged (``check``, ``scan``)
or an invalid registry file (``registry validate``), 2 usage errors, 3 unexpected errors.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shlex
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import pytest

import domainguard
from domainguard import Registry
from domainguard.cli import EXIT_ERROR, EXIT_INTERRUPTED, main

OFFICIAL: Final = "https://dukcapil.kemendagri.go.id/"
LOOKALIKE: Final = "https://dukcapil-kemendagri.com/aktivasi"
RESULT_KEYS: Final = ["schema_version", "input", "url", "verdict", "label", "flagged", "score",
                      "target", "host", "ascii_host", "registrable_domain", "entry", "reasons",
                      "lang"]
REASON_KEYS: Final = ["code", "category", "weight", "target", "matched", "detail", "message"]
RECORD_KEYS: Final = ["schema_version", "line", *RESULT_KEYS[1:]]
LINK_KEYS: Final = [*RESULT_KEYS, "raw", "start", "end", "kind", "defanged"]
CSV_KEYS: Final = ["schema_version", "line", "input", "url", "verdict", "label", "flagged",
                   "score", "target", "host", "ascii_host", "registrable_domain", "entry",
                   "reasons", "messages", "lang", "error"]
ENV: Final = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def python_m(*args: str, input: bytes | None = None, env: dict[str, str] | None = None
             ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "domainguard", *args], input=input,
                          capture_output=True, timeout=300, check=False, env=env or ENV)


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


# ---- check: exit codes -----------------------------------------------------------------------

@pytest.mark.parametrize(("argv", "code"), [
    pytest.param(["check", OFFICIAL], 0, id="official"),
    pytest.param(["check", "example.com"], 0, id="unrelated"),
    pytest.param(["check", "xn--a.com", ""], 0, id="invalid-is-not-flagged"),
    pytest.param(["check", LOOKALIKE], 1, id="lookalike"),
    pytest.param(["check", OFFICIAL, LOOKALIKE, "example.com"], 1, id="one-of-three-flagged"),
    pytest.param(["check", "--exit-zero", LOOKALIKE], 0, id="exit-zero"),
    pytest.param(["check", "--json", LOOKALIKE], 1, id="json-flagged"),
    pytest.param(["check", "--text", f"buka {LOOKALIKE} sekarang"], 1, id="text-flagged"),
    pytest.param(["check", "--text", "tidak ada tautan"], 0, id="text-no-links"),
])
def test_check_exit_codes(argv: list[str], code: int, capsys: pytest.CaptureFixture[str]
                          ) -> None:
    assert run(argv, capsys)[0] == code


@pytest.mark.parametrize("argv", [
    pytest.param(["nope"], id="unknown-command"),
    pytest.param(["check"], id="no-url"),
    pytest.param(["check", "--bogus", "a.com"], id="unknown-option"),
    pytest.param(["check", "--lang", "fr", "a.com"], id="unknown-language"),
    pytest.param(["scan"], id="scan-no-file"),
    pytest.param(["scan", "-", "--jobs", "0"], id="zero-jobs"),
    pytest.param(["scan", "-", "--jobs", "many"], id="jobs-not-a-number"),
    pytest.param(["scan", "-", "--format", "xml"], id="unknown-format"),
    pytest.param(["registry"], id="registry-no-action"),
    pytest.param(["check", "--text", "x", "kemendgari.id"], id="text-and-urls"),
    pytest.param(["check", "--only-registry", "a.com"], id="only-registry-alone"),
    pytest.param(["scan", "-", "--only-registry"], id="scan-only-registry-alone"),
    pytest.param(["scan", "-", "--column", "0"], id="column-zero"),
    pytest.param(["scan", "-", "--column", "1", "--delimiter", ";;"], id="long-delimiter"),
    pytest.param(["registry", "list", "--kind", "nonsense"], id="unknown-kind"),
    pytest.param(["permute"], id="permute-no-domain"),
    pytest.param(["permute", "kemendagri.go.id", "--family", "nope"], id="unknown-family"),
    pytest.param(["permute", "a..b"], id="permute-bad-domain"),
])
def test_usage_errors_exit_2_with_a_message(argv: list[str],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(argv, capsys)
    assert (code, out) == (2, "")
    assert err.startswith("domainguard: ")
    assert err.count("\n") == 1  # one line, no usage dump, no traceback


@pytest.mark.parametrize("argv", [["scan", "{missing}"], ["scan", "{feed}", "-o", "{missing}/x"],
                                  ["scan", "{tmp}"], ["registry", "stats", "{missing}"]],
                         ids=["missing-input", "unwritable-output", "directory", "stats-missing"])
def test_files_that_cannot_be_opened_are_usage_errors(tmp_path: Path, argv: list[str],
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.txt"
    feed.write_text(OFFICIAL + "\n", encoding="utf-8")
    names = {"missing": str(tmp_path / "missing"), "feed": str(feed), "tmp": str(tmp_path)}
    code, out, err = run([arg.format(**names) for arg in argv], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("domainguard: ")
    assert "Traceback" not in err


def test_help_and_version_exit_0() -> None:
    for args in (["--help"], ["check", "--help"], ["scan", "--help"], ["--version"]):
        done = python_m(*args)
        assert (done.returncode, done.stderr) == (0, b""), args
    assert python_m("--version").stdout.decode() == f"domainguard {domainguard.__version__}\n"


# ---- check: output ---------------------------------------------------------------------------

def test_json_lines_have_stable_keys(capsys: pytest.CaptureFixture[str]) -> None:
    urls = [OFFICIAL, LOOKALIKE, "xn--a.com", "https://s.id/x", "dukсapil.id"]
    code, out, _ = run(["check", "--json", *urls], capsys)
    records = jsonl(out)
    assert code == 1
    assert [record["url"] for record in records] == urls  # one per URL, in order
    assert [record["input"] for record in records] == urls
    for record in records:
        assert list(record) == RESULT_KEYS
        assert (record["schema_version"], record["lang"]) == (1, "en")
        for reason in record["reasons"]:
            assert list(reason) == REASON_KEYS
            assert isinstance(reason["message"], str)
    assert [r["verdict"] for r in records[:3]] == ["official", "lookalike", "invalid"]
    assert records[1]["target"] == "dukcapil.kemendagri.go.id"
    assert records[0]["entry"]["domain"] == "dukcapil.kemendagri.go.id"


def test_json_equals_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", "--json", LOOKALIKE], capsys)
    assert jsonl(out) == [json.loads(json.dumps(domainguard.check_url(LOOKALIKE).to_dict()))]


def test_lang_id_speaks_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    _, english, _ = run(["check", "--explain", LOOKALIKE], capsys)
    _, indonesian, _ = run(["check", "--explain", "--lang", "id", LOOKALIKE], capsys)
    assert "TIRUAN" in indonesian
    assert "risiko" in indonesian
    assert "LOOKALIKE" in english
    assert "TIRUAN" not in english
    reason = domainguard.check_url(LOOKALIKE).reasons[0]
    assert reason.message("id") in indonesian
    _, plain, _ = run(["check", "--lang", "id", "--text", "halo"], capsys)
    assert plain == "Tidak ada tautan.\n"


def test_text_finds_links_with_offsets(capsys: pytest.CaptureFixture[str]) -> None:
    message = ("Segera aktivasi IKD di hxxps://dukcapil-ikd[.]com/login! "
               "Info: dukcapil.kemendagri.go.id.")
    code, out, _ = run(["check", "--json", "--text", message], capsys)
    links = jsonl(out)
    assert code == 1
    assert [link["raw"] for link in links] == ["hxxps://dukcapil-ikd[.]com/login",
                                               "dukcapil.kemendagri.go.id"]
    for link in links:
        assert message[link["start"] : link["end"]] == link["raw"]
        assert list(link) == LINK_KEYS
        assert link["kind"] == "url"
    assert [link["verdict"] for link in links] == ["lookalike", "official"]
    assert [link["input"] for link in links] == [link["raw"] for link in links]
    assert links[0]["url"] == "https://dukcapil-ikd.com/login"
    assert links[0]["defanged"] is True
    code, out, _ = run(["check", "--text", message], capsys)
    assert out.splitlines()[0].startswith("[23:55] LOOKALIKE")


def test_text_from_stdin_with_invalid_utf8(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    data = "lihat dukcapil-kemendagri.com/aktivasi \udcff dan kejaksanc.cc".encode(
        "utf-8", "surrogateescape")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out, _ = run(["check", "--json", "--text", "-"], capsys)
    assert code == 1
    assert [link["raw"] for link in jsonl(out)] == ["dukcapil-kemendagri.com/aktivasi",
                                                    "kejaksanc.cc"]


def test_text_from_stdin_in_a_subprocess_with_strict_encoding() -> None:
    data = b"buka dukcapil-kemendagri.com \xff\xfe sekarang"
    for env in (ENV, {**ENV, "PYTHONIOENCODING": "utf-8"}):
        done = python_m("check", "--text", "-", input=data, env=env)
        assert done.returncode == 1, done.stderr
        assert done.stderr == b""
        assert b"LOOKALIKE" in done.stdout


def test_undecodable_arguments_are_checked_not_fatal(capsys: pytest.CaptureFixture[str]) -> None:
    # "\udcff" is how Python hands over an argv byte that is not UTF-8 (surrogateescape)
    code, out, err = run(["check", "--json", "dukcapil\udcff.com", OFFICIAL], capsys)
    records = jsonl(out)
    assert (code, err) == (0, "")
    assert [r["verdict"] for r in records] == ["invalid", "official"]
    out.encode("utf-8")  # strict: printable whatever the error handler of stdout


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX argv are bytes")
def test_undecodable_arguments_in_a_subprocess() -> None:
    for env in (ENV, {**ENV, "PYTHONIOENCODING": "utf-8"}):
        for args, code in (([b"dukcapil\xff.com"], 0), ([b"--text", b"x \xfe kejaksanc.cc"], 1)):
            done = subprocess.run([sys.executable.encode(), b"-m", b"domainguard", b"check",
                                   *args], capture_output=True, timeout=120, check=False,
                                  env=env)
            assert (done.returncode, done.stderr) == (code, b"")


# ---- scan ------------------------------------------------------------------------------------

FEED_LINES: Final = [
    OFFICIAL.encode(),
    b"dukcapil-kemendagri.com",
    b"",
    b"not a url at all",
    b"caf\xe9.com",  # Latin-1: not UTF-8
    b"\xff\xfe\x00\x01",
    b"   ",
    b"kejaksanc.cc\r",  # CRLF ending
    "dukсapil.id".encode(),
    b"https://" + b"a" * 64 + b".com",
    b"\x00",
    b"\xed\xa0\x80.com",  # an encoded surrogate: not UTF-8 either
    b"https://" + b"a." * 5000 + b"com",
    b"javascript:alert(1)",
    b"kemendagri.go.id",  # the last line has no newline
]
BAD_UTF8: Final = [5, 6, 12]


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.txt"
    path.write_bytes(b"\n".join(FEED_LINES))
    return path


def test_scan_one_record_per_line_in_order(feed: Path, capsys: pytest.CaptureFixture[str]
                                           ) -> None:
    code, out, err = run(["scan", str(feed)], capsys)
    records = jsonl(out)
    assert code == 1
    assert [record["line"] for record in records] == list(range(1, len(FEED_LINES) + 1))
    for record in records:
        assert list(record) == RECORD_KEYS + (["error"] if record["line"] in BAD_UTF8 else [])
    for number in BAD_UTF8:
        assert records[number - 1]["verdict"] == "invalid"
        assert [r["code"] for r in records[number - 1]["reasons"]] == ["invalid_encoding"]
        assert records[number - 1]["error"].startswith("The line is not valid UTF-8")
    good = [r for r in records if r["line"] not in BAD_UTF8]
    assert all("error" not in r for r in good)
    assert records[0]["verdict"] == "official"
    assert records[1]["verdict"] == "lookalike"
    assert records[7]["input"] == "kejaksanc.cc"
    assert records[7]["flagged"]
    assert records[-1]["verdict"] == "official"
    assert err.startswith(f"scanned {len(FEED_LINES)} lines")


def test_scan_matches_the_library(feed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["scan", "-q", str(feed)], capsys)
    for record, raw in zip(jsonl(out), FEED_LINES, strict=True):
        if record["line"] in BAD_UTF8:
            continue
        result = domainguard.check_url(raw.rstrip(b"\r").decode("utf-8"))
        assert (record["verdict"], record["target"]) == (result.verdict.value, result.target)


def test_scan_csv(feed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, jsonl_out, _ = run(["scan", "-q", str(feed)], capsys)
    code, out, err = run(["scan", "-q", "--format", "csv", str(feed)], capsys)
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert (code, err) == (1, "")
    assert list(rows[0]) == CSV_KEYS
    assert [int(row["line"]) for row in rows] == list(range(1, len(FEED_LINES) + 1))
    for row, record in zip(rows, jsonl(jsonl_out), strict=True):
        assert row["verdict"] == record["verdict"]
        assert row["label"] == record["label"]
        assert row["flagged"] == ("true" if record["flagged"] else "false")  # JSON's booleans
        assert row["reasons"] == ";".join(r["code"] for r in record["reasons"])
        assert row["input"] == record["input"]
        assert row["error"] == record.get("error", "")


def test_scan_only_flagged(feed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, everything, _ = run(["scan", "-q", str(feed)], capsys)
    code, out, _ = run(["scan", "-q", "--only-flagged", str(feed)], capsys)
    assert code == 1
    assert jsonl(out) == [r for r in jsonl(everything) if r["flagged"]]
    assert len(jsonl(out)) >= 2


def test_scan_nothing_flagged_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "feed.txt"
    path.write_bytes(b"kemendagri.go.id\nexample.com\n\xff\n")
    code, out, _ = run(["scan", "-q", str(path)], capsys)
    assert code == 0
    assert len(jsonl(out)) == 3


def test_scan_output_file(feed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.jsonl"
    code, out, _ = run(["scan", "-q", str(feed), "-o", str(target)], capsys)
    assert (code, out) == (1, "")
    assert len(jsonl(target.read_text(encoding="utf-8"))) == len(FEED_LINES)


def test_scan_stdin(feed: Path) -> None:
    done = python_m("scan", "-q", "-", input=feed.read_bytes())
    assert (done.returncode, done.stderr) == (1, b"")
    assert len(jsonl(done.stdout.decode("utf-8"))) == len(FEED_LINES)


def test_scan_jobs_2_equals_jobs_1(tmp_path: Path) -> None:
    # more lines than one batch (4096), so that both workers get work and order matters
    lines = FEED_LINES * 700
    path = tmp_path / "feed.txt"
    path.write_bytes(b"\n".join(lines) + b"\n")
    one = python_m("scan", "-q", "--jobs", "1", str(path))
    two = python_m("scan", "-q", "--jobs", "2", str(path))
    assert (one.returncode, two.returncode) == (1, 1)
    assert (one.stderr, two.stderr) == (b"", b"")
    assert two.stdout == one.stdout
    assert len(one.stdout.splitlines()) == len(lines)


@pytest.mark.parametrize("extra", [[], ["--jobs", "2"], ["--format", "csv"]],
                         ids=["jobs-1", "jobs-2", "csv"])
def test_closed_pipe_ends_quietly(tmp_path: Path, extra: list[str]) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"\n".join(FEED_LINES[:4] * 25_000) + b"\n")
    command = shlex.join([sys.executable, "-m", "domainguard", "scan", str(path), *extra])
    done = subprocess.run(["bash", "-c", f"{command} | head -1; exit ${{PIPESTATUS[0]}}"],
                          capture_output=True, timeout=300, check=False, env=ENV)
    assert done.stderr == b""
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 1


def _interruptible() -> None:
    """Ctrl-C at its default in the scan, as in a terminal: a test run started in the
    background of a script inherits SIGINT ignored, and a scan that ignores it runs to its
    end (which is right for such a scan, and no test of Ctrl-C)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextlib.contextmanager
def _parallel_scan(tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A two-worker scan of a long feed, once its workers answer; killed if still running."""
    path = tmp_path / "big.txt"
    path.write_bytes(b"\n".join(FEED_LINES[:4] * 100_000) + b"\n")
    scan = subprocess.Popen([sys.executable, "-m", "domainguard", "scan", str(path), "-q",
                             "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=ENV, start_new_session=True, preexec_fn=_interruptible)
    try:
        assert scan.stdout is not None
        assert scan.stdout.readline()
        yield scan
    finally:
        if scan.poll() is None:
            os.killpg(scan.pid, signal.SIGKILL)
            scan.wait()


def test_interrupted_parallel_scan_ends_quietly(tmp_path: Path) -> None:
    with _parallel_scan(tmp_path) as scan:
        # Ctrl-C in a terminal reaches the whole process group: the scan and its workers
        os.killpg(scan.pid, signal.SIGINT)
        _, err = scan.communicate(timeout=120)
    assert err == b""
    assert scan.returncode == EXIT_INTERRUPTED


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds workers through /proc")
def test_a_killed_worker_ends_the_scan_with_an_error(tmp_path: Path) -> None:
    with _parallel_scan(tmp_path) as scan:
        # an out-of-memory kill, say: the scan cannot give every line its answer, so it says so
        children = Path(f"/proc/{scan.pid}/task/{scan.pid}/children").read_text().split()
        workers = [int(pid) for pid in children
                   if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()]
        assert len(workers) == 2
        os.kill(workers[0], signal.SIGKILL)
        _, err = scan.communicate(timeout=120)
    assert scan.returncode == EXIT_ERROR
    assert err == b"domainguard: a worker process ended before it answered (killed by SIGKILL)\n"


def test_closed_pipe_on_check(tmp_path: Path) -> None:
    urls = shlex.join([LOOKALIKE] * 1500)  # ~300 KB of output: more than a pipe holds
    command = f"{shlex.join([sys.executable, '-m', 'domainguard', 'check'])} {urls}"
    done = subprocess.run(["bash", "-c", f"{command} | head -1; exit ${{PIPESTATUS[0]}}"],
                          capture_output=True, timeout=300, check=False, env=ENV)
    assert done.stderr == b""
    assert done.returncode == 0


# ---- registry, versions, permute -------------------------------------------------------------

def test_registry_stats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["registry", "stats"], capsys)
    registry = Registry.default()
    assert code == 0
    assert out.startswith(f"domains: {len(registry)}\n")
    assert f"protected suffixes: {', '.join(registry.protected_suffixes)}\n" in out
    assert "by kind:" in out
    assert "by province" in out


def test_registry_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["registry", "list"], capsys)
    registry = Registry.default()
    rows = [line.split("\t") for line in out.splitlines()]
    assert code == 0
    assert len(rows) == len(registry) + len(registry.protected_suffixes)
    assert all(len(row) == 4 for row in rows)
    assert {row[0] for row in rows} == {e.domain for e in registry} | set(
        registry.protected_suffixes)
    code, out, _ = run(["registry", "list", "--kind", "national-dukcapil"], capsys)
    assert code == 0
    assert "dukcapil.kemendagri.go.id\tnational-dukcapil" in out
    assert {line.split("\t")[1] for line in out.splitlines()} == {"national-dukcapil"}


def test_registry_list_and_stats_of_a_file(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.txt"
    path.write_text("klikbca.com | custom | BCA | - | bank\n", encoding="utf-8")
    assert run(["registry", "list", str(path)], capsys)[1] == "klikbca.com\tcustom\t-\tBCA\n"
    assert run(["registry", "stats", str(path)], capsys)[1].startswith("domains: 1\n")
    assert run(["registry", "validate", str(path)], capsys)[:2] == (
        0, f"{path}: OK, 1 domains, 0 protected suffixes\n")


def test_extra_registry_makes_a_domain_official(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.txt"
    path.write_text("klikbca.com | custom | BCA | - | bank\n", encoding="utf-8")
    _, out, _ = run(["check", "--json", "--registry", str(path), "klikbca.com"], capsys)
    assert jsonl(out)[0]["verdict"] == "official"
    _code, out, _ = run(["check", "--json", "--only-registry", "--registry", str(path),
                        "dukcapil.kemendagri.go.id"], capsys)
    assert jsonl(out)[0]["verdict"] != "official"


def test_versions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["versions"], capsys)
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == f"domainguard {domainguard.__version__}"
    assert lines[1:] == [f"{k}: {v}" for k, v in domainguard.data_versions().items()]


def test_permute(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["permute", "kemendagri.go.id", "--family", "transposition"], capsys)
    rows = [line.split("\t") for line in out.splitlines()]
    assert code == 0
    assert rows
    assert {row[0] for row in rows} == {"transposition"}
    assert ["transposition", "kemendgari.id"] in rows
    code, out, _ = run(["permute", "--json", "bkn.go.id", "--family", "homoglyph"], capsys)
    records = jsonl(out)
    assert code == 0
    assert records
    assert all(set(r) == {"domain", "family", "original"} for r in records)
    assert {r["original"] for r in records} == {"bkn.go.id"}


def test_permutations_are_flagged_by_check(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["permute", "kemendagri.go.id", "--family", "transposition"], capsys)
    domains = [line.split("\t")[1] for line in out.splitlines()][:20]
    code, out, _ = run(["check", "--json", *domains], capsys)
    assert code == 1
    assert all(r["flagged"] for r in jsonl(out))
