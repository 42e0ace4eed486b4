"""Docs that run: the Python examples of the README and docs/, the quick start's output, the
package docstring tour; and docs that agree with the code (reason table, data versions, the
registry's size, links)."""

from __future__ import annotations

import doctest
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import domainguard

ROOT = Path(__file__).resolve().parents[1]


def test_package_docstring_tour() -> None:
    failures, tried = doctest.testmod(domainguard, verbose=False)
    assert tried > 0
    assert failures == 0


def _run_examples(path: Path) -> int:
    """Run a Markdown file's ```python >>> blocks as one doctest; the number of examples."""
    text = path.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    examples = "\n".join(block for block in blocks if ">>>" in block)
    parser = doctest.DocTestParser()
    test = parser.get_doctest(examples, {}, path.name, str(path), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0, f"{path.name}: {runner.failures} example(s) failed"
    return len(test.examples)


def test_readme_examples() -> None:
    assert _run_examples(ROOT / "README.md"), "README has no >>> examples"


@pytest.mark.parametrize("path", sorted((ROOT / "docs").glob("*.md")), ids=lambda p: p.name)
def test_docs_examples(path: Path) -> None:
    _run_examples(path)


def test_reason_table_is_current() -> None:
    from domainguard._messages import CATALOGUE

    text = (ROOT / "docs" / "reasons.md").read_text(encoding="utf-8")
    for code in CATALOGUE:
        assert f"| `{code}` |" in text, f"docs/reasons.md's reason table lacks {code}"


def test_docs_state_the_data_versions() -> None:
    text = (ROOT / "docs" / "dependencies.md").read_text(encoding="utf-8")
    versions = domainguard.data_versions()
    assert versions["public_suffix_list"] in text
    assert f"Unicode {versions['unicode_confusables']}" in text


@pytest.mark.parametrize(("page", "words"), [
    ("README.md", "{domains} official domains and {suffixes} protected namespaces"),
    ("README.id.md", "{domains} domain resmi dan {suffixes} ruang nama yang dilindungi"),
])
def test_front_pages_count_the_registry(page: str, words: str) -> None:
    registry = domainguard.Registry.default()
    text = " ".join((ROOT / page).read_text(encoding="utf-8").split())
    assert words.format(domains=len(registry), suffixes=len(registry.protected_suffixes)) in text
    assert domainguard.data_versions()["registry_entries"] == str(len(registry))


@pytest.mark.parametrize("page", ["README.md", "README.id.md"])
def test_front_page_quick_start_shows_its_real_output(page: str) -> None:
    """The quick start's command, after its set-up steps, prints exactly the text shown."""
    text = (ROOT / page).read_text(encoding="utf-8")
    command, shown = re.search(r"```sh\n(python3 -m venv .*? && domainguard check .*?)\n```\n\n"
                               r"```text\n(.*?)```", text, flags=re.S).groups()  # type: ignore[union-attr]
    argv = shlex.split(command.split(" && ")[-1])
    assert argv[0] == "domainguard"
    done = subprocess.run([sys.executable, "-m", "domainguard", *argv[1:]], capture_output=True,
                          text=True, timeout=120, check=False, encoding="utf-8")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == shown


def test_the_two_readme_commands_and_ci() -> None:
    """The README's two commands: one sets up and runs the main job, one sets up and runs the
    tests; CI ends with exactly the second."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^python3 -m venv .venv && .*$", text, flags=re.M)
    assert len(commands) == 2
    assert commands[0].startswith(
        "python3 -m venv .venv && . .venv/bin/activate && pip install . && domainguard check ")
    test_command = ("python3 -m venv .venv && . .venv/bin/activate && pip install '.[test]' "
                    "&& pytest")
    assert commands[1] == test_command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci[-1] == test_command


_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
_PAGES = ["README.md", "README.id.md", "CHANGELOG.md", *sorted(
    str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("page", _PAGES)
def test_relative_links_resolve(page: str) -> None:
    path = ROOT / page
    for target in _LINK.findall(path.read_text(encoding="utf-8")):
        if "://" in target:
            continue
        assert (path.parent / target).exists(), f"{page} links to {target}"


@pytest.mark.parametrize("page", _PAGES)
def test_docs_speak_only_of_the_project(page: str) -> None:
    words = re.compile(r"\b(sessions?|helpers?|agents?)\b", re.IGNORECASE)
    assert words.findall((ROOT / page).read_text(encoding="utf-8")) == []
