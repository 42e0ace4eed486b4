"""Real attacks: the development half of the real-world data (benchmarks/data/realworld/).

The acceptance figures of benchmarks/realworld.py, checked on every phishing host and every
real site of the development half (a few thousand hosts, under a second), so that a change
that loses real attacks or raises false alarms fails here and not only in the benchmark.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from domainguard import Checker, Registry

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import realworld  # the benchmark's reader and figures: one definition of each

SRC = Path(__file__).resolve().parent.parent / "src" / "domainguard"


@pytest.fixture(scope="module")
def phish() -> list[realworld.Row]:
    return realworld.read_phish()


def _flagged(checker: Checker, rows: list[realworld.Row]) -> float:
    results = checker.check_many(row.domain for row in rows)
    return sum(result.flagged for result in results) / len(rows)


def test_government_targeted_hosts_are_flagged(phish: list[realworld.Row]) -> None:
    rows = [row for row in phish if row.group == "government"]
    assert len(rows) > 100
    assert _flagged(Checker(), rows) >= realworld.GOVERNMENT_TARGET


def test_commercial_hosts_are_flagged_with_the_brands_registry(
        phish: list[realworld.Row]) -> None:
    rows = [row for row in phish if row.group == "commercial"]
    assert len(rows) > 200
    with_aliases = Checker(Registry.default() | realworld.brands_registry(aliases=True))
    domains_only = Checker(Registry.default() | realworld.brands_registry(aliases=False))
    assert _flagged(with_aliases, rows) >= realworld.COMMERCIAL_TARGET
    assert _flagged(domains_only, rows) >= realworld.COMMERCIAL_DOMAINS_TARGET
    # the aliases are what the brands' names add: without them fewer hosts are caught
    assert _flagged(with_aliases, rows) > _flagged(domains_only, rows)


def test_real_sites_are_rarely_flagged() -> None:
    rows = realworld.read_benign("dev_benign.tsv", "dev_benign_nearmiss.tsv")
    assert len(rows) > 2000
    assert _flagged(Checker(), rows) <= realworld.FALSE_ALARM_LIMIT


def test_no_host_of_the_data_is_written_into_the_engine(phish: list[realworld.Row]) -> None:
    """Detection is built from words and rules, never from the hosts it is measured on."""
    text = "\n".join(path.read_text(encoding="utf-8") for path in SRC.rglob("*")
                     if path.suffix in (".py", ".txt", ".csv") and path.is_file())
    text += (SRC.parent.parent / "data" / "official_domains.txt").read_text(encoding="utf-8")
    leaked = [row.domain for row in phish if row.domain in text]
    labels = {row.domain.split(".")[0] for row in phish}
    # a host's first label is the scammer's own text when long; words may be vocabulary
    leaked += [label for label in labels
               if len(label) >= 12 and not label.isalpha() and label in text]
    assert leaked == []
