"""Acceptance measurements: lookalike recall, official/government answers, false alarms, latency.

    python benchmarks/accuracy.py [--quick] [--misses FILE] [--jobs N] [--cap N]

Prints, for the bundled registry and for a custom registry built from the same domains:

1. recall per permutation family (the generator's lookalikes of every registry domain):
   "flagged" (lookalike or suspicious) and "right target" (lookalike or suspicious naming the
   permutation's original, or a registry domain with the same registrable domain);
2. official and government answers: registry domains and subdomains of them must be
   `official`, hosts under each protected suffix must be `government`;
3. false alarms on the benign corpora in benchmarks/data (and on the registry itself);
4. the same figures for `Registry.from_domains(...)`: recall per family, false alarms and
   official/government failures must equal the bundled registry's (right-target shares may
   differ: a plain list of domains carries no entry kinds to rank targets by);
5. single-call latency of `check_url` on ordinary URLs.

The generator gives about 800,000 lookalikes for the bundled registry. At about 250 µs of CPU
per lookalike (generation and check), all of them for both registries would cost some 400 s of
CPU, over the 5-minute budget on two shared cores, so each (registry domain, family) pair is
sampled deterministically: at most `--cap` lookalikes (default 60; 0 means all), evenly spaced
through the generator's own order. The output says how many were generated and how many checked.

Exit status 0 when every acceptance line holds, 1 otherwise. Reads only the package and
benchmarks/data; writes only the --misses file.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import statistics
import string
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import domainguard
from domainguard import Checker, CheckResult, Registry, Verdict
from domainguard.permutations import FAMILIES, Permutation, permutations

DATA = Path(__file__).resolve().parent / "data"
CHROMIUM_LIST = DATA / "chromium_top_domains.list"
INDONESIAN_LIST = DATA / "benign_indonesia.txt"
PROTECTED = ("go.id", "mil.id", "desa.id")

RECALL_TARGET = 0.99  # flagged share per family
FALSE_ALARM_LIMIT = 0.005  # flagged share of the benign corpus
FULL_CAP = 60
QUICK_CAP = 15
QUICK_STRIDE = 10  # --quick: every 10th registry domain
SUBDOMAINS_RANDOM = 1  # random labels per registry domain, besides www. and m.
GOVERNMENT_RANDOM = 40  # random names per protected suffix
SEED = 20261123


# --- data ------------------------------------------------------------------------------------


def load_chromium(path: Path = CHROMIUM_LIST) -> list[str]:
    """Domains of Chromium's top-domain list (comments and the bucket marker skipped)."""
    domains = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if text and not text.startswith("#"):
            domains.append(text.lower())
    return domains


def load_indonesian(path: Path = INDONESIAN_LIST) -> list[tuple[str, str]]:
    """(domain, source) pairs of the Indonesian benign list."""
    pairs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        domain, bar, source = text.partition("|")
        if not bar or not domain.strip() or not source.strip():
            raise ValueError(f"{path}:{number}: expected 'domain | source', got {text!r}")
        pairs.append((domain.strip().lower(), source.strip()))
    return pairs


def custom_registry(default: Registry) -> Registry:
    return Registry.from_domains([e.domain for e in default], protected_suffixes=PROTECTED)


def registry_of(name: str) -> Registry:
    default = Registry.default()
    return default if name == "default" else custom_registry(default)


def registry_domains(registry: Registry, stride: int) -> list[str]:
    domains = sorted(e.domain for e in registry if e.kind != "protected-suffix")
    return domains[::stride]


def spread(items: Sequence[Permutation], cap: int) -> list[Permutation]:
    """At most `cap` items, evenly spaced through `items` (deterministic)."""
    count = len(items)
    if cap <= 0 or count <= cap:
        return list(items)
    return [items[i * count // cap] for i in range(cap)]


def url(host: str) -> str:
    return f"https://{host}/"


# --- recall (runs in worker processes) -------------------------------------------------------


@dataclass
class RecallPart:
    generated: Counter[str] = field(default_factory=Counter)
    checked: Counter[str] = field(default_factory=Counter)
    flagged: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    verdicts: Counter[str] = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)
    wrong_targets: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: RecallPart) -> None:
        for mine, theirs in (
            (self.generated, other.generated),
            (self.checked, other.checked),
            (self.flagged, other.flagged),
            (self.right, other.right),
            (self.verdicts, other.verdicts),
        ):
            mine.update(theirs)
        self.misses.extend(other.misses)
        self.wrong_targets.extend(other.wrong_targets)


_WORKER: dict[str, tuple[Checker, dict[str, str]]] = {}


def _checker_for(name: str) -> tuple[Checker, dict[str, str]]:
    if name not in _WORKER:
        registry = registry_of(name)
        registrable = {}
        for entry in registry:
            registrable[entry.domain] = entry.registrable
            registrable[entry.unicode] = entry.registrable
        _WORKER[name] = (Checker(registry=registry), registrable)
    return _WORKER[name]


def reasons_of(result: CheckResult) -> list[dict[str, Any]]:
    return [
        {"code": r.code, "weight": r.weight, "target": r.target, "matched": r.matched,
         "detail": r.detail}
        for r in result.reasons
    ]


def recall_task(task: tuple[str, tuple[str, ...], int]) -> RecallPart:
    name, domains, cap = task
    checker, registrable = _checker_for(name)
    part = RecallPart()
    for domain in domains:
        by_family: dict[str, list[Permutation]] = {}
        for p in permutations(domain):
            by_family.setdefault(p.family, []).append(p)
        for family, generated in by_family.items():
            part.generated[family] += len(generated)
            for p in spread(generated, cap):
                result = checker.check_url(url(p.domain))
                part.checked[family] += 1
                part.verdicts[result.verdict.value] += 1
                home = registrable.get(p.original, p.original)
                right = result.target is not None and (
                    result.target == p.original or registrable.get(result.target) == home)
                part.flagged[family] += result.flagged
                part.right[family] += result.flagged and right
                if result.flagged and right:
                    continue
                record = {
                    "kind": "wrong_target" if result.flagged else "miss", "registry": name,
                    "permutation": p.domain, "ascii": p.ascii_domain, "family": family,
                    "original": p.original, "verdict": result.verdict.value,
                    "target": result.target, "reasons": reasons_of(result),
                }
                (part.wrong_targets if result.flagged else part.misses).append(record)
    return part


def chunks(items: Sequence[str], size: int) -> Iterator[tuple[str, ...]]:
    for start in range(0, len(items), size):
        yield tuple(items[start : start + size])


def run_recall(name: str, domains: Sequence[str], cap: int, jobs: int) -> RecallPart:
    tasks = [(name, chunk, cap) for chunk in chunks(domains, 4)]
    total = RecallPart()
    if jobs <= 1:
        for task in tasks:
            total.add(recall_task(task))
        return total
    context = multiprocessing.get_context("fork" if "fork" in
                                          multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(jobs) as pool:
        for part in pool.imap_unordered(recall_task, tasks):
            total.add(part)
    return total


# --- official, government, false alarms ------------------------------------------------------


def random_label(rng: random.Random, low: int = 4, high: int = 12) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(low, high)))


def official_hosts(domains: Sequence[str]) -> list[str]:
    rng = random.Random(SEED)
    hosts: list[str] = []
    for domain in domains:
        hosts.extend([domain, f"www.{domain}", f"m.{domain}"])
        hosts.extend(f"{random_label(rng)}.{domain}" for _ in range(SUBDOMAINS_RANDOM))
    return hosts


def government_hosts(registry: Registry) -> list[str]:
    rng = random.Random(SEED + 1)
    taken = {e.registrable for e in registry}
    hosts: list[str] = []
    for suffix in registry.protected_suffixes:
        candidates = [f"x.{suffix}"]
        candidates += [f"{random_label(rng)}.{suffix}" for _ in range(GOVERNMENT_RANDOM)]
        candidates += [f"{random_label(rng, 3, 8)}.{random_label(rng)}.{suffix}"
                       for _ in range(GOVERNMENT_RANDOM // 4)]
        hosts.extend(h for h in candidates if ".".join(h.split(".")[-3:]) not in taken)
    return hosts


@dataclass
class Expectation:
    expected: str
    checked: int = 0
    failures: list[tuple[str, CheckResult]] = field(default_factory=list)


def expect(checker: Checker, hosts: Iterable[str], verdict: Verdict) -> Expectation:
    outcome = Expectation(verdict.value)
    for host in hosts:
        result = checker.check_url(url(host))
        outcome.checked += 1
        if result.verdict is not verdict:
            outcome.failures.append((host, result))
    return outcome


@dataclass
class FalseAlarms:
    checked: Counter[str] = field(default_factory=Counter)
    verdicts: Counter[str] = field(default_factory=Counter)
    flagged: list[tuple[str, str, CheckResult]] = field(default_factory=list)
    state_run: list[tuple[str, str]] = field(default_factory=list)  # official or government


def false_alarms(checker: Checker, corpora: dict[str, list[str]]) -> FalseAlarms:
    outcome = FalseAlarms()
    for corpus, domains in corpora.items():
        for domain in domains:
            result = checker.check_url(url(domain))
            outcome.checked[corpus] += 1
            outcome.verdicts[result.verdict.value] += 1
            if result.flagged:
                outcome.flagged.append((corpus, domain, result))
            elif result.verdict in (Verdict.OFFICIAL, Verdict.GOVERNMENT):
                outcome.state_run.append((domain, result.verdict.value))
    return outcome


# --- latency ---------------------------------------------------------------------------------


def latency(checker: Checker, domains: Sequence[str], registry: Registry) -> dict[str, float]:
    """Median and p99 µs of check_url on ordinary URLs, each host seen for the first time
    (the process and index warm), then again with the host in the checker's cache. Wall time
    and the process's CPU time per call: on a busy machine only the CPU figures are stable."""
    rng = random.Random(SEED + 2)
    paths = ("", "berita/2024/10/01/judul-artikel", "search?q=harga+beras", "login",
             "produk/123?ref=home", "index.php?id=7")
    official = [e.domain for e in registry][:200]
    hosts = [f"www.{d}" if i % 2 else d for i, d in enumerate(domains)] + official
    urls = [f"https://{h}/{rng.choice(paths)}" for h in hosts]
    for i in range(300):  # warm-up on other hosts: lazy tables, index, caches of the interpreter
        checker.check_url(f"https://warm-up-{i}.example/{rng.choice(paths)}")
    checker.check_url("https://dukcapil-kemendagri.com/aktivasi")

    def run() -> tuple[list[float], list[float]]:
        wall, cpu = [], []
        for u in urls:
            w0, c0 = time.perf_counter_ns(), time.process_time_ns()
            checker.check_url(u)
            cpu.append((time.process_time_ns() - c0) / 1000)
            wall.append((time.perf_counter_ns() - w0) / 1000)
        return wall, cpu

    def p99(values: list[float]) -> float:
        return statistics.quantiles(values, n=100)[98]

    figures: dict[str, float] = {"urls": len(urls)}
    for label, (wall, cpu) in (("first", run()), ("cached", run())):
        figures[f"{label}_wall_median"] = statistics.median(wall)
        figures[f"{label}_wall_p99"] = p99(wall)
        figures[f"{label}_cpu_median"] = statistics.median(cpu)
        figures[f"{label}_cpu_p99"] = p99(cpu)
    return figures


# --- printing --------------------------------------------------------------------------------


def pct(part: int, whole: int) -> str:
    return "   -  " if not whole else f"{100 * part / whole:6.2f}"


def reason_text(result: CheckResult) -> str:
    parts = []
    for r in result.reasons:
        extra = ",".join(x for x in (r.matched, r.detail) if x)
        parts.append(f"{r.code}" + (f"({extra})" if extra else ""))
    target = f" -> {result.target}" if result.target else ""
    return f"{result.verdict.value}{target}: " + "; ".join(parts)


def print_recall(name: str, recall: RecallPart, out: TextIO) -> bool:
    print(f"\n## 1. Recall per family ({name} registry)", file=out)
    print(f"{'family':<16} {'generated':>9} {'checked':>8} {'flagged %':>9} {'right target %':>14}"
          "  acceptance", file=out)
    ok = True
    for family in FAMILIES:
        checked = recall.checked[family]
        passed = checked == 0 or recall.flagged[family] >= RECALL_TARGET * checked
        ok &= passed
        print(f"{family:<16} {recall.generated[family]:>9} {checked:>8} "
              f"{pct(recall.flagged[family], checked):>9} {pct(recall.right[family], checked):>14}"
              f"  {'ok' if passed else 'FAIL (< 99% flagged)'}", file=out)
    gen, chk = sum(recall.generated.values()), sum(recall.checked.values())
    print(f"{'all':<16} {gen:>9} {chk:>8} {pct(sum(recall.flagged.values()), chk):>9} "
          f"{pct(sum(recall.right.values()), chk):>14}", file=out)
    verdicts = ", ".join(f"{v} {n}" for v, n in recall.verdicts.most_common())
    print(f"verdicts of the checked lookalikes: {verdicts}", file=out)
    print(f"misses: {len(recall.misses)}; flagged with another target: "
          f"{len(recall.wrong_targets)}", file=out)
    return ok


def print_expectation(title: str, outcome: Expectation, out: TextIO, shown: int = 25) -> bool:
    failed = len(outcome.failures)
    print(f"{title}: {outcome.checked} checked, {outcome.checked - failed} {outcome.expected}, "
          f"{failed} not {outcome.expected}", file=out)
    for host, result in outcome.failures[:shown]:
        print(f"    {host}: {reason_text(result)}", file=out)
    if failed > shown:
        print(f"    … and {failed - shown} more (see --misses)", file=out)
    return failed == 0


def print_false_alarms(outcome: FalseAlarms, out: TextIO) -> bool:
    total = sum(outcome.checked.values())
    by_corpus = Counter(corpus for corpus, _, _ in outcome.flagged)
    for corpus, checked in outcome.checked.items():
        print(f"{corpus:<28} {checked:>6} domains, {by_corpus[corpus]:>4} flagged "
              f"({pct(by_corpus[corpus], checked).strip()}%)", file=out)
    flagged = len(outcome.flagged)
    ok = flagged <= FALSE_ALARM_LIMIT * total
    print(f"{'benign, all':<28} {total:>6} domains, {flagged:>4} flagged "
          f"({pct(flagged, total).strip()}%)  acceptance ≤ 0.5%: {'ok' if ok else 'FAIL'}",
          file=out)
    verdicts = ", ".join(f"{v} {n}" for v, n in outcome.verdicts.most_common())
    print(f"verdicts: {verdicts}", file=out)
    for corpus, domain, result in outcome.flagged:
        print(f"    [{corpus}] {domain}: {reason_text(result)}", file=out)
    if outcome.state_run:
        listed = ", ".join(f"{d} ({v})" for d, v in outcome.state_run)
        print(f"benign domains judged official/government (not false alarms): {listed}",
              file=out)
    return ok


@dataclass
class Section:
    recall: RecallPart
    official: Expectation
    government: Expectation
    alarms: FalseAlarms
    registry_flagged: int


def measure(name: str, domains: Sequence[str], corpora: dict[str, list[str]], cap: int,
            jobs: int) -> Section:
    recall = run_recall(name, domains, cap, jobs)
    registry = registry_of(name)
    checker = Checker(registry=registry)
    official = expect(checker, official_hosts(domains), Verdict.OFFICIAL)
    government = expect(checker, government_hosts(registry), Verdict.GOVERNMENT)
    registry_flagged = sum(1 for _, r in official.failures if r.flagged)
    return Section(recall, official, government, false_alarms(checker, corpora),
                   registry_flagged)


def print_section(name: str, section: Section, out: TextIO) -> bool:
    ok = print_recall(name, section.recall, out)
    print(f"\n## 2. Official and government ({name} registry)", file=out)
    ok &= print_expectation("registry domains, www., m. and a random subdomain of each",
                            section.official, out)
    ok &= print_expectation("hosts under the protected suffixes", section.government, out)
    print(f"\n## 3. False alarms ({name} registry)", file=out)
    ok &= print_false_alarms(section.alarms, out)
    flagged = section.registry_flagged
    print(f"official registry hosts flagged: {flagged}  acceptance = 0: "
          f"{'ok' if flagged == 0 else 'FAIL'}", file=out)
    return ok and flagged == 0


def print_comparison(first: Section, second: Section, out: TextIO) -> bool:
    """Recall (flagged) per family, false alarms and official/government failures must be equal;
    right-target shares are shown too, but may differ: a plain list carries no entry kinds."""
    print("\n## 4. Custom registry (Registry.from_domains(...)) against the bundled one", file=out)
    print(f"{'family':<16} {'bundled flagged %':>17} {'custom flagged %':>16} "
          f"{'bundled right %':>15} {'custom right %':>14}", file=out)
    same = True
    for family in FAMILIES:
        a, b = first.recall, second.recall
        row = (pct(a.flagged[family], a.checked[family]), pct(b.flagged[family], b.checked[family]),
               pct(a.right[family], a.checked[family]), pct(b.right[family], b.checked[family]))
        same &= row[0] == row[1]
        note = "" if row[0] == row[1] else "  recall differs"
        print(f"{family:<16} {row[0]:>17} {row[1]:>16} {row[2]:>15} {row[3]:>14}{note}", file=out)
    counts = {
        "benign flagged": (len(first.alarms.flagged), len(second.alarms.flagged)),
        "official failures": (len(first.official.failures), len(second.official.failures)),
        "government failures": (len(first.government.failures),
                                len(second.government.failures)),
    }
    print("; ".join(f"{k}: bundled {a}, custom {b}" for k, (a, b) in counts.items()), file=out)
    same &= all(a == b for a, b in counts.values())
    print(f"same recall and false-alarm figures: {'yes' if same else 'NO'}", file=out)
    return same


def write_misses(path: Path, sections: dict[str, Section]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:

        def emit(record: dict[str, Any]) -> None:
            nonlocal count
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1

        for name, section in sections.items():
            for record in sorted(section.recall.misses + section.recall.wrong_targets,
                                 key=lambda r: (r["kind"], r["family"], r["permutation"])):
                emit(record)
            for kind, outcome in (("not_official", section.official),
                                  ("not_government", section.government)):
                for host, result in outcome.failures:
                    emit({"kind": kind, "registry": name, "host": host,
                          "verdict": result.verdict.value, "target": result.target,
                          "reasons": reasons_of(result)})
            for corpus, domain, result in section.alarms.flagged:
                emit({"kind": "false_alarm", "registry": name, "corpus": corpus,
                      "domain": domain, "verdict": result.verdict.value,
                      "target": result.target, "reasons": reasons_of(result)})
    return count


# --- main ------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true",
                        help=f"every {QUICK_STRIDE}th registry domain, at most {QUICK_CAP} "
                             "lookalikes per domain and family, a tenth of the Chromium list")
    parser.add_argument("--misses", type=Path, metavar="FILE",
                        help="write every miss and false alarm as JSON lines to FILE")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                        help="worker processes for the recall runs (default: up to 2)")
    parser.add_argument("--cap", type=int, default=None,
                        help=f"lookalikes per registry domain and family (default {FULL_CAP}, "
                             f"--quick {QUICK_CAP}, 0 for all)")
    args = parser.parse_args(argv)
    out = sys.stdout
    started = time.perf_counter()
    load = os.getloadavg()
    stride = QUICK_STRIDE if args.quick else 1
    cap = args.cap if args.cap is not None else (QUICK_CAP if args.quick else FULL_CAP)

    print("# domainguard accuracy benchmark", file=out)
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}", file=out)
    print(f"domainguard {domainguard.__version__}, Python {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} cores, jobs={args.jobs}", file=out)
    for key, value in domainguard.data_versions().items():
        print(f"data: {key} = {value}", file=out)

    default = Registry.default()
    domains = registry_domains(default, stride)
    chromium = load_chromium()
    indonesian = [d for d, _ in load_indonesian()]
    corpora = {"chromium_top_domains": chromium[::stride], "benign_indonesia": indonesian}
    print(f"registry: {len(default)} domains, protected suffixes "
          f"{', '.join(default.protected_suffixes)}; measured: {len(domains)} domains"
          + (f" (every {stride}th, sorted)" if stride > 1 else ""), file=out)
    if cap > 0:
        print(f"sampling: at most {cap} lookalikes per registry domain and family, evenly "
              "spaced through the generator's order (all of them, for both registries, would "
              "take longer than the 5-minute budget)", file=out)
    else:
        print("sampling: none, every lookalike the generator gives is checked", file=out)
    print(f"benign corpora: chromium_top_domains {len(corpora['chromium_top_domains'])} of "
          f"{len(chromium)}, benign_indonesia {len(indonesian)}", file=out)

    sections = {}
    ok = True
    for name in ("default", "custom"):
        t0 = time.perf_counter()
        sections[name] = measure(name, domains, corpora, cap, args.jobs)
        label = "bundled" if name == "default" else "custom"
        print(f"\n# {label} registry "
              + ("(Registry.default())" if name == "default" else
                 "(Registry.from_domains([e.domain for e in Registry.default()], "
                 "protected_suffixes=['go.id', 'mil.id', 'desa.id']))")
              + f" — {time.perf_counter() - t0:.0f} s", file=out)
        ok &= print_section(label, sections[name], out)
        out.flush()
    ok &= print_comparison(sections["default"], sections["custom"], out)

    print("\n## 5. Single-call latency (bundled registry, one process)", file=out)
    lat = latency(Checker(registry=default), chromium[: 2000 // stride], default)
    print(f"{lat['urls']:.0f} ordinary URLs (popular sites with paths, official hosts), µs per "
          "check_url:", file=out)
    print(f"{'':<28} {'wall median':>11} {'wall p99':>9} {'CPU median':>10} {'CPU p99':>8}",
          file=out)
    for label, text in (("first", "first check of each host"), ("cached", "host already cached")):
        print(f"{text:<28} {lat[label + '_wall_median']:>11.0f} {lat[label + '_wall_p99']:>9.0f} "
              f"{lat[label + '_cpu_median']:>10.0f} {lat[label + '_cpu_p99']:>8.0f}", file=out)

    if args.misses is not None:
        written = write_misses(args.misses, sections)
        print(f"\nmisses file: {args.misses} ({written} JSON lines)", file=out)
    times = os.times()
    cpu = times.user + times.system + times.children_user + times.children_system
    print(f"\nelapsed: {time.perf_counter() - started:.0f} s wall, {cpu:.0f} s CPU (this process "
          f"and its workers); load average at start {load[0]:.1f}, at end "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", file=out)
    print(f"acceptance: {'PASS' if ok else 'FAIL'}", file=out)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
