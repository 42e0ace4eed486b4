"""The artifact users get: build the wheel, install it in a fresh venv, load the registry, run
the command line, and check that the wheel requires only what the code uses at runtime."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path
from typing import Final

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Every runtime requirement and how the code uses it (docs/dependencies.md says the same):
# a module imported while checking, or a data file read from the installed package.
IMPORTED: Final = {"can-ada": "can_ada", "idna": "idna", "rapidfuzz": "rapidfuzz"}
DATA_ONLY: Final = {"tldextract": ".tld_set_snapshot"}  # the Public Suffix List snapshot


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # --no-isolation: build with the backend already installed, no download at test time
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(out), str(ROOT)], check=True, capture_output=True)
    (found,) = out.glob("domainguard-*.whl")
    return found


def test_wheel_carries_the_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for data in ("official_domains.txt", "terms.txt", "regions.csv", "region_aliases.csv",
                 "psl_supplement.txt", "shorteners.txt", "hosting_platforms.txt",
                 "payload_extensions.txt"):
        assert f"domainguard/data/{data}" in names, data
    assert "domainguard/py.typed" in names
    for static in ("index.html", "app.js", "app.css", "icon.svg"):  # the server's page
        assert f"domainguard/server/static/{static}" in names, static
    bundled = zipfile.ZipFile(wheel).read("domainguard/data/official_domains.txt")
    assert bundled == (ROOT / "data" / "official_domains.txt").read_bytes()


def test_fresh_venv_loads_the_registry(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    python = target / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], check=True, capture_output=True, text=True)
    purelib = Path(site.stdout.strip())
    # the wheel goes into the fresh venv; its dependencies come from this environment,
    # appended after the venv's own site-packages so the installed wheel is what imports
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index",
                    "--target", str(purelib), str(wheel)], check=True, capture_output=True)
    (purelib / "zz_parent_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    code = ("import domainguard, pathlib; r = domainguard.Registry.default(); "
            "print(pathlib.Path(domainguard.__file__).resolve()); print(len(r)); "
            "print(domainguard.check_url('dukcapil-kemendagri.com').verdict.value)")
    run = subprocess.run([str(python), "-I", "-c", code], check=True, capture_output=True,
                         text=True, cwd=tmp_path)
    location, count, verdict = run.stdout.split()
    assert Path(location).is_relative_to(purelib.resolve())
    assert int(count) > 500
    assert verdict == "lookalike"


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed by pip (console script included); its
    dependencies come from this environment, after the venv's own site-packages."""
    target = tmp_path_factory.mktemp("installed")
    venv.EnvBuilder(with_pip=False).create(target)
    python = target / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--no-deps", "--no-index", "--no-compile", str(wheel)], check=True,
                   capture_output=True)
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], check=True, capture_output=True, text=True)
    purelib = Path(site.stdout.strip())
    (purelib / "zz_parent_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return target


def test_installed_command_line_works(installed: Path, tmp_path: Path) -> None:
    command = str(installed / "bin" / "domainguard")
    helped = subprocess.run([command, "--help"], capture_output=True, text=True, check=False,
                            cwd=tmp_path)
    assert (helped.returncode, helped.stderr) == (0, "")
    assert helped.stdout.startswith("usage: domainguard")
    checked = subprocess.run([command, "check", "--json", "kemendgari.id"], capture_output=True,
                             text=True, check=False, cwd=tmp_path)
    assert (checked.returncode, checked.stderr) == (1, "")
    assert json.loads(checked.stdout)["target"] == "kemendagri.go.id"
    feed = tmp_path / "feed.txt"
    feed.write_text("# feed\nkemendgari.id\nkemendagri.go.id\n", encoding="utf-8")
    scanned = subprocess.run([command, "scan", "-q", str(feed)], capture_output=True, text=True,
                             check=False, cwd=tmp_path)
    assert (scanned.returncode, scanned.stderr) == (1, "")
    assert [json.loads(line)["verdict"] for line in scanned.stdout.splitlines()] == [
        "lookalike", "official"]


def _requirement_names(requires: list[str]) -> set[str]:
    return {re.split(r"[\s<>=!~;\[(]", req, maxsplit=1)[0].lower().replace("_", "-")
            for req in requires}


def test_wheel_requires_only_what_the_code_uses(wheel: Path, installed: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        lines = archive.read(metadata).decode("utf-8").splitlines()
    requires = [line.split(":", 1)[1].strip() for line in lines
                if line.startswith("Requires-Dist:") and "extra ==" not in line]
    assert _requirement_names(requires) == set(IMPORTED) | set(DATA_ONLY)
    assert all("<" in req for req in requires), requires  # every range is pinned above too
    shown = subprocess.run([sys.executable, "-m", "pip", "--python",
                            str(installed / "bin" / "python"), "show", "domainguard"],
                           capture_output=True, text=True, check=True)
    (line,) = [line for line in shown.stdout.splitlines() if line.startswith("Requires:")]
    assert {name.strip().lower() for name in line[9:].split(",")} == set(IMPORTED) | set(
        DATA_ONLY)
    # what the installed code really uses when it checks a URL and a text
    code = ("import json, sys, domainguard; from domainguard import _suffixes; "
            "domainguard.check_url('dukcapil-kemendagri.com'); "
            "domainguard.check_text('buka kemendgari.id'); "
            "print(json.dumps({'modules': sorted(sys.modules), "
            "'psl': _suffixes.psl_version()}))")
    run = subprocess.run([str(installed / "bin" / "python"), "-I", "-c", code], check=True,
                         capture_output=True, text=True)
    report = json.loads(run.stdout)
    assert {module for module in IMPORTED.values() if module in report["modules"]} == set(
        IMPORTED.values())
    assert "tldextract" not in report["modules"]  # its data file, not its code
    assert "tldextract snapshot" in report["psl"]
