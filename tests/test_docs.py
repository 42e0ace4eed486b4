"""Docs that run: the README's Python examples and the package docstring tour."""

from __future__ import annotations

import doctest
import re
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


def test_readme_reason_table_is_current() -> None:
    from domainguard._messages import CATALOGUE

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in CATALOGUE:
        assert f"| `{code}` |" in text, f"README's reason table lacks {code}"


def test_readme_states_the_data_versions() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    versions = domainguard.data_versions()
    assert versions["public_suffix_list"] in text
    assert f"Unicode {versions['unicode_confusables']}" in text
