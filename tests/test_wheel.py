"""The artifact users get: build the wheel, install it in a fresh venv, load the registry."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # --no-isolation: build with the backend already installed, no download at test time
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(out), str(ROOT)], check=True, capture_output=True)
    (found,) = out.glob("domainguard-*.whl")
    return found


def test_wheel_carries_the_data(wheel: Path) -> None:
    import zipfile

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
