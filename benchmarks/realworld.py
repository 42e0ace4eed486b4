"""Detection measured on real attacks: phishing hosts from public blocklists, and real sites.

    python benchmarks/realworld.py [--misses] [--alarms] [--json FILE]

Reads `benchmarks/data/realworld/` (where each row comes from is in its README) and prints:

1. government-targeted phishing hosts flagged with the bundled registry;
2. commercial-targeted phishing hosts flagged with the bundled registry plus the brands' own
   domains (`brands_registry.txt`), with their aliases and without them, and with the bundled
   registry alone;
3. flagged shares per institution and per source repository;
4. false alarms on the real benign sites and near misses, with the bundled registry and with the
   brands added (a brand's own domain under another ending, shopee.sg, is then official-looking
   and counted apart: it is the brand's, not a stranger's);
6. with ``--misses`` / ``--alarms``: every missed phishing host / every false alarm with its
   verdict and reasons.

"Flagged" is `lookalike` or `suspicious`. Exit status 0 when every acceptance line holds.
Reads only the package and benchmarks/data; writes only the --json file.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from domainguard import Checker, CheckResult, Registry

DATA = Path(__file__).resolve().parent / "data" / "realworld"
BRANDS = DATA / "brands_registry.txt"

GOVERNMENT_TARGET = 0.95
COMMERCIAL_TARGET = 0.90  # bundled + brands with aliases
COMMERCIAL_DOMAINS_TARGET = 0.75  # bundled + brands' domains, no aliases
FALSE_ALARM_LIMIT = 0.003


@dataclass(frozen=True, slots=True)
class Row:
    domain: str
    institution: str
    source: str
    group: str  # "government", "commercial" or "benign"


def _repository(source: str) -> str:
    return source.split(":", 1)[0]


def read_phish(path: Path = DATA / "dev_phish.tsv") -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [Row(r["domain"], r["target_institution"], _repository(r["source"]), r["group"])
                for r in csv.DictReader(handle, delimiter="\t")]


def read_benign(*names: str) -> list[Row]:
    rows: list[Row] = []
    for name in names:
        with (DATA / name).open(encoding="utf-8", newline="") as handle:
            rows.extend(Row(r["domain"], name, _repository(r["source"]), "benign")
                        for r in csv.DictReader(handle, delimiter="\t"))
    return rows


def brands_registry(aliases: bool = True) -> Registry:
    """The commercial brands' own domains, from the curated file (aliases dropped on request)."""
    registry = Registry.from_file(BRANDS)
    if aliases:
        return registry
    return Registry.from_domains(entry.domain for entry in registry)


def _share(hits: int, total: int) -> str:
    return f"{hits}/{total} = {100 * hits / total:.1f}%" if total else "0/0"


def _line(label: str, hits: int, total: int, goal: str = "", ok: bool | None = None) -> str:
    mark = "" if ok is None else ("  ok" if ok else "  MISSED")
    return f"  {label:<58} {_share(hits, total):>18}  {goal}{mark}"


def _reasons(result: CheckResult) -> str:
    return ", ".join(f"{r.code}" + (f"→{r.target}" if r.target else "") for r in result.reasons)


def _judge(checker: Checker, rows: Iterable[Row]) -> list[tuple[Row, CheckResult]]:
    rows = list(rows)
    return list(zip(rows, checker.check_many([row.domain for row in rows]), strict=True))


def _breakdown(judged: list[tuple[Row, CheckResult]], key: str) -> list[str]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row, result in judged:
        tally = counts[getattr(row, key)]
        tally[0] += result.flagged
        tally[1] += 1
    return [_line(name, hits, total) for name, (hits, total) in
            sorted(counts.items(), key=lambda item: (-item[1][1], item[0]))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every missed phish host")
    parser.add_argument("--alarms", action="store_true", help="print every false alarm")
    parser.add_argument("--json", metavar="FILE", help="write the figures as JSON")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    phish = read_phish()
    government = [row for row in phish if row.group == "government"]
    commercial = [row for row in phish if row.group == "commercial"]
    benign = read_benign("dev_benign.tsv", "dev_benign_nearmiss.tsv")

    bundled = Checker(Registry.default())
    with_brands = Checker(Registry.default() | brands_registry(aliases=True))
    domains_only = Checker(Registry.default() | brands_registry(aliases=False))

    gov = _judge(bundled, government)
    news = _judge(bundled, read_phish(DATA / "news_phish.tsv"))
    com = _judge(with_brands, commercial)
    com_domains = _judge(domains_only, commercial)
    com_bundled = _judge(bundled, commercial)
    alarms = _judge(bundled, benign)
    alarms_brands = _judge(with_brands, benign)
    brand_registrables = {entry.registrable.split(".")[0] for entry in brands_registry()}

    def hits(judged: list[tuple[Row, CheckResult]]) -> int:
        return sum(result.flagged for _, result in judged)

    # a brand's own site under another ending (shopee.sg) is the brand's: apart, not an alarm
    def strangers(judged: list[tuple[Row, CheckResult]]) -> list[tuple[Row, CheckResult]]:
        return [(row, result) for row, result in judged
                if row.domain.split(".")[0] not in brand_registrables]

    figures = {
        "government": (hits(gov), len(gov)),
        "commercial_brands_aliases": (hits(com), len(com)),
        "commercial_brands_domains": (hits(com_domains), len(com_domains)),
        "commercial_bundled": (hits(com_bundled), len(com_bundled)),
        "news_reports": (hits(news), len(news)),
        "false_alarms_bundled": (hits(alarms), len(alarms)),
        "false_alarms_brands": (hits(strangers(alarms_brands)), len(strangers(alarms_brands))),
    }
    ok = {
        "government": hits(gov) >= GOVERNMENT_TARGET * len(gov),
        "commercial_brands_aliases": hits(com) >= COMMERCIAL_TARGET * len(com),
        "commercial_brands_domains": hits(com_domains) >= COMMERCIAL_DOMAINS_TARGET * len(com),
        "false_alarms_bundled": hits(alarms) <= FALSE_ALARM_LIMIT * len(alarms),
    }
    out = sys.stdout
    print(f"Real attacks ({DATA.relative_to(DATA.parent.parent.parent)}): "
          f"{len(phish)} phishing hosts, {len(benign)} real sites", file=out)
    print("\nPhishing hosts flagged (lookalike or suspicious):", file=out)
    print(_line("government-targeted, bundled registry", *figures["government"],
                "goal ≥ 95%", ok["government"]), file=out)
    print(_line("commercial, bundled + brands' domains and aliases",
                *figures["commercial_brands_aliases"], "goal ≥ 90%",
                ok["commercial_brands_aliases"]), file=out)
    print(_line("commercial, bundled + brands' domains only",
                *figures["commercial_brands_domains"], "goal ≥ 75%",
                ok["commercial_brands_domains"]), file=out)
    print(_line("commercial, bundled registry alone", *figures["commercial_bundled"]), file=out)
    print(_line("named in news and official warnings, bundled registry",
                *figures["news_reports"]), file=out)
    print("\nFalse alarms on real sites (dev_benign + dev_benign_nearmiss):", file=out)
    print(_line("bundled registry", *figures["false_alarms_bundled"], "goal ≤ 0.3%",
                ok["false_alarms_bundled"]), file=out)
    print(_line("bundled + brands (the brands' own sites elsewhere apart)",
                *figures["false_alarms_brands"]), file=out)
    print("\nBy institution (government: bundled; commercial: bundled + brands, aliases):",
          file=out)
    for text in _breakdown(gov + com, "institution"):
        print(text, file=out)
    print("\nBy source repository (same registries):", file=out)
    for text in _breakdown(gov + com, "source"):
        print(text, file=out)
    print("\nBy benign file (bundled registry):", file=out)
    for text in _breakdown(alarms, "institution"):
        print(text, file=out)
    verdicts = Counter(result.verdict.value for _, result in gov + com)
    print("\nVerdicts of the phishing hosts: "
          + ", ".join(f"{v} {n}" for v, n in verdicts.most_common()), file=out)
    if args.misses:
        print("\nMissed phishing hosts:", file=out)
        for row, result in gov + com + news:
            if not result.flagged:
                print(f"  {row.domain:<55} {row.institution:<32} {result.verdict.value}"
                      f"  {_reasons(result)}", file=out)
    if args.alarms:
        print("\nFalse alarms (bundled registry):", file=out)
        for row, result in alarms:
            if result.flagged:
                print(f"  {row.domain:<45} {result.verdict.value:<10} {_reasons(result)}",
                      file=out)
        print("\nFalse alarms with the brands added (the brands' own sites elsewhere apart):",
              file=out)
        for row, result in strangers(alarms_brands):
            if result.flagged:
                print(f"  {row.domain:<45} {result.verdict.value:<10} {_reasons(result)}",
                      file=out)
    print(f"\n{time.perf_counter() - started:.1f} s", file=out)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0 if all(ok.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
