"""domainguard changes nothing around it: no network, no file writes, no heavy imports.

The checking tests run again in a sealed subprocess: an audit hook (installed by a
``sitecustomize`` on ``PYTHONPATH``, so it also covers every ``python -m domainguard`` those tests
start) refuses and reports every socket and every write outside pytest's own temporary
directory; HOME, the working directory and TMPDIR are fresh read-only directories, snapshotted
before and after. pytest's own writes are switched off (``-p no:cacheprovider``,
``PYTHONDONTWRITEBYTECODE=1``, ``--capture=sys``), Hypothesis runs without its example database
(``HYPOTHESIS_PROFILE=sealed``) and keeps its scratch files in an allowed directory. This file
is not among the tests it runs (no recursion). Root ignores ``chmod``, so the audit hook and the
snapshots are what catch a write, not the permission bits.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest

import domainguard

ROOT: Final = Path(__file__).resolve().parents[1]
PACKAGE: Final = Path(domainguard.__file__).resolve().parent
# The tests that check URLs, texts and registries (the CLI's included); not this file.
CHECKING_TESTS: Final = ("test_url.py", "test_api.py", "test_registry.py", "test_properties.py",
                         "test_bad_registry.py", "test_cli.py")
VIOLATION: Final = "DG-SEAL-VIOLATION"

SITECUSTOMIZE: Final = '''
"""Seal this interpreter: no sockets, no writes outside DG_SEAL_ALLOW (test tooling only)."""
import os
import sys

_ALLOW = tuple(os.path.realpath(p) + os.sep for p in
               os.environ.get("DG_SEAL_ALLOW", "").split(os.pathsep) if p)
_WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_PATH_EVENTS = {"os.mkdir": 0, "os.remove": 0, "os.rmdir": 0, "os.rename": 1, "os.chmod": 0,
                "os.chown": 0, "os.truncate": 0, "os.symlink": 1, "os.link": 1, "os.utime": 0,
                "shutil.rmtree": 0, "shutil.copyfile": 1, "shutil.move": 1}
_NETWORK = {"socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo",
            "socket.gethostbyname", "socket.gethostbyaddr", "socket.sendto", "socket.sendmsg",
            "urllib.Request", "http.client.connect"}


def _report(kind, what):
    os.write(2, f"{VIOLATION} {kind} {what!r}\\n".encode("utf-8", "backslashreplace"))


def _allowed(path):
    if isinstance(path, int):
        return True  # an open file descriptor
    try:
        full = os.path.realpath(os.fsdecode(path))
    except (TypeError, ValueError):
        return False
    return full.startswith("/dev/") or (full + os.sep).startswith(_ALLOW)


def _hook(event, args):
    if event == "open":
        path, mode, flags = args
        writing = (mode is not None and any(c in mode for c in "wax+")) or (
            mode is None and isinstance(flags, int) and flags & _WRITE)
        if writing and not _allowed(path):
            _report("write", path)
            raise PermissionError(f"sealed: no writes here: {path!r}")
    elif event in _PATH_EVENTS:
        path = args[_PATH_EVENTS[event]]
        if not _allowed(path):
            _report(event, path)
            raise PermissionError(f"sealed: {event} {path!r}")
    elif event in _NETWORK:
        _report(event, args[1:] if event == "socket.__new__" else args)
        raise OSError(f"sealed: no network ({event})")


sys.addaudithook(_hook)
'''.replace("{VIOLATION}", VIOLATION)


def _snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every entry under ``folder``: (mode, size, mtime) by relative path."""
    found = {}
    for path in [folder, *folder.rglob("*")]:
        info = path.lstat()
        found[str(path.relative_to(folder))] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return found


def _package_files() -> set[str]:
    """Files of the installed package that are not source: caches would show up here."""
    return {str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*")
            if path.is_file() and path.suffix not in (".py", ".pyc")}


class Sealed:
    """Read-only HOME, working directory and TMPDIR, and the environment that seals Python."""

    def __init__(self, base: Path) -> None:
        self.home = base / "home"
        self.cwd = base / "cwd"
        self.tmp = base / "tmp"
        self.site = base / "site"
        self.allowed = base / "allowed"  # pytest's basetemp and Hypothesis's scratch files
        for folder in (self.home, self.cwd, self.tmp, self.site, self.allowed):
            folder.mkdir()
        (self.site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
        self.read_only = (self.home, self.cwd, self.tmp, self.site)
        for folder in self.read_only:
            folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP
                         | stat.S_IROTH | stat.S_IXOTH)  # 555
        self.before = {folder: _snapshot(folder) for folder in self.read_only}
        self.package_before = _package_files()
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.home),
            "TMPDIR": str(self.tmp),
            "PYTHONPATH": str(self.site),
            "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONNOUSERSITE": "1",
            "HYPOTHESIS_PROFILE": "sealed",
            "HYPOTHESIS_STORAGE_DIRECTORY": str(self.allowed / "hypothesis"),
            "DG_SEAL_ALLOW": str(self.allowed),
            "LANG": "C.UTF-8",
        }

    def run(self, *args: str, timeout: float) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, *args], cwd=self.cwd, env=self.env,
                              capture_output=True, text=True, timeout=timeout, check=False)

    def assert_untouched(self) -> None:
        for folder in self.read_only:
            assert _snapshot(folder) == self.before[folder], f"{folder} changed"
        assert _package_files() == self.package_before

    def restore(self) -> None:
        for folder in self.read_only:
            folder.chmod(stat.S_IRWXU)


@pytest.fixture
def sealed(tmp_path: Path) -> Iterator[Sealed]:
    box = Sealed(tmp_path)
    try:
        yield box
    finally:
        box.restore()  # so that pytest can clean its temporary directory


def test_the_seal_catches_what_it_should(sealed: Sealed) -> None:
    # the harness itself: a write to HOME or the working directory and a socket are refused
    probe = (
        "import os, socket\n"
        "for attempt in (lambda: open(os.path.expanduser('~/x'), 'w'),\n"
        "                lambda: open('here.txt', 'a'), lambda: os.mkdir('d'),\n"
        "                lambda: socket.socket(), lambda: socket.getaddrinfo('x.id', 443)):\n"
        "    try:\n"
        "        attempt()\n"
        "    except OSError:\n"
        "        pass\n"
    )
    done = sealed.run("-c", probe, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count(VIOLATION) == 5
    sealed.assert_untouched()


def test_checking_tests_pass_sealed(sealed: Sealed) -> None:
    tests = [str(ROOT / "tests" / name) for name in CHECKING_TESTS
             if (ROOT / "tests" / name).exists()]
    assert len(tests) >= 4
    done = sealed.run(
        # schemathesis's pytest plugin (the server tests) imports urllib3, whose IPv6 probe
        # opens a socket: it is tooling, not domainguard, and these tests do not use it
        "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:schemathesis", "--capture=sys",
        "--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml"),
        "--basetemp", str(sealed.allowed / "basetemp"), *tests,
        timeout=1200,
    )
    report = done.stdout[-3000:] + done.stderr[-3000:]
    assert VIOLATION not in done.stdout + done.stderr, report
    assert done.returncode == 0, report
    assert " passed" in done.stdout
    sealed.assert_untouched()


_IMPORT = """
import json, sys
import domainguard
imported = sorted(sys.modules)
result = domainguard.check_url("https://dukcapil-kemendagri.com/aktivasi")
checked = sorted(sys.modules)
links = domainguard.check_text("buka hxxps://dukcapil-ikd[.]com/login sekarang")
texted = sorted(sys.modules)
print(json.dumps({"imported": imported, "checked": checked, "texted": texted,
                  "verdict": result.verdict.value,
                  "links": [link.result.verdict.value for link in links]}))
"""
HEAVY: Final = ("tldextract", "requests", "urllib3", "http.client", "ssl", "socket",
                "multiprocessing", "hypothesis", "numpy")


def test_import_and_first_checks_are_sealed(sealed: Sealed) -> None:
    done = sealed.run("-c", _IMPORT, timeout=120)
    assert VIOLATION not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["verdict"] == "lookalike"
    assert report["links"] == ["lookalike"]
    assert [name for name in HEAVY if name in report["imported"]] == []
    # the first check_url and check_text build the registry, the suffix list and the TLDs
    # without tldextract (requests, urllib3 and its IPv6 socket probe)
    for stage in ("checked", "texted"):
        assert [name for name in HEAVY if name in report[stage]] == [], stage
    sealed.assert_untouched()


def test_cli_is_sealed(sealed: Sealed) -> None:
    done = sealed.run("-m", "domainguard", "check", "--json",
                      "https://dukcapil-kemendagri.com/aktivasi", "kemendagri.go.id",
                      timeout=120)
    assert VIOLATION not in done.stderr, done.stderr
    assert done.returncode == 1, done.stderr
    assert len(done.stdout.splitlines()) == 2
    sealed.assert_untouched()
