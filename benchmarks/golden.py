"""The fast path changes no answer, nor does checking a feed stage by stage: a golden feed
checked with the fast path on and off, and URL by URL.

    python benchmarks/golden.py [--size N] [--registry bundled|brands|big] [--show K]
                                [--dump FILE] [--rounds R]

The feed holds ``--size`` distinct hosts (default 200,000), in this order until it is full:

* real hosts: every host of the development half of the real-world data
  (``benchmarks/data/realworld``: phishing, benign, near misses, hosts named in the news);
* lookalikes of those real hosts and of every registry domain, from
  ``domainguard.permutations`` (typos, homoglyphs, glued and embedded names, other endings);
* the distinct synthetic feed of ``benchmarks/throughput.py`` (random names, Indonesian words and
  region names, registry domains' subdomains, URLs with paths).

Each host is checked by ``Checker(registry, fast_path=True).check_many``, by the same with
``fast_path=False``, and by ``check_url`` one URL at a time with the fast path on (``check_many``
runs the pipeline stage by stage over batches of URLs; after all three have checked the feed's
first 5,000 hosts, so that none pays for what the registry builds on first use; CPU times are
the best of ``--rounds`` rounds, default two, taking turns). The results must be equal in
every field a record shows: verdict, score, target, entry and every reason's code, target,
text, detail and weight. Prints the counts, how many hosts the fast path settled, the CPU
times, and every difference (exit status 1 when there is one).
``--dump FILE`` writes every host's record as a JSON line: two builds (the pure-Python package
and the compiled one) give the same file when they give the same answers.
``--registry brands`` adds the brands' own domains of the real-world data; ``big`` uses a
synthetic registry of 15,000 word-like company names, about the most the screen is built for
(a registry of more than 20,000 names and anchors has none). Deterministic; writes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from domainguard import Checker, CheckResult, Registry
from domainguard._host import Host, analyse_host
from domainguard._url import URLProblem, parse_url
from domainguard.permutations import permutations

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import throughput  # noqa: E402  (a sibling script, found through the line above)

REALWORLD = HERE / "data" / "realworld"
REAL_FILES = ("dev_phish.tsv", "news_phish.tsv", "dev_benign.tsv", "dev_benign_nearmiss.tsv")


def real_hosts() -> list[str]:
    """The hosts of the real-world development data, first column of each file."""
    hosts: list[str] = []
    for name in REAL_FILES:
        with (REALWORLD / name).open(encoding="utf-8") as lines:
            next(lines)  # the header
            hosts.extend(line.split("\t", 1)[0].strip() for line in lines if line.strip())
    return hosts


def _lookalikes(domains: Iterable[str], per_family: int) -> Iterator[str]:
    for domain in domains:
        try:
            found = permutations(domain, limit_per_family=per_family)
        except ValueError:
            continue  # a host permutations cannot take apart (no registrable domain)
        for permutation in found:
            yield permutation.domain


def golden_feed(size: int, registry: Registry, each: int | None = None) -> list[str]:
    """``size`` distinct hosts: real ones, lookalikes of real and official ones, synthetic.
    With ``each``, at most that many from each of the four sources (a sample of all four)."""
    real = real_hosts()
    official = sorted(entry.domain for entry in registry.entries)
    sources = (lambda: real, lambda: _lookalikes(real, 2), lambda: _lookalikes(official, 12),
               lambda: throughput.build_distinct_feed(size, seed=throughput.SEED + 1))
    seen: dict[str, None] = {}
    for source in sources:
        taken = 0
        for host in source():
            if len(seen) >= size or (each is not None and taken >= each):
                break
            if host and host not in seen:
                seen[host] = None
                taken += 1
    return list(seen)


def record(result: CheckResult) -> tuple[Any, ...]:
    """Every field of a result that its record shows."""
    entry = result.entry.domain if result.entry is not None else None
    return (result.verdict, result.score, result.target, result.host, result.ascii_host,
            result.registrable_domain, entry,
            tuple((r.code, r.target, r.matched, r.detail, r.weight) for r in result.reasons))


def make_registry(kind: str) -> Registry:
    if kind == "brands":
        return Registry.default() | Registry.from_file(REALWORLD / "brands_registry.txt")
    if kind == "big":
        return Registry.from_domains(throughput.realistic_registry_domains(15_000))
    return Registry.default()


def _one_by_one(checker: Checker, feed: list[str]) -> list[CheckResult]:
    return [checker.check_url(url) for url in feed]


def compare(feed: list[str], registry: Registry, rounds: int = 2) -> dict[str, Any]:
    """The three runs over ``feed`` (each with a fresh Checker), their CPU times (the best of
    ``rounds``, the runs taking turns) and their differences from the first."""
    registry.index  # noqa: B018 - built before the clocks start, as a long-running service has it
    # the structures a registry's checks build on first use, and the screen, before timing
    warm = feed[: min(len(feed), 5_000)]
    Checker(registry, fast_path=True).check_many(warm)
    Checker(registry, fast_path=False).check_many(warm)
    fast_seconds = slow_seconds = single_seconds = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        fast = Checker(registry, fast_path=True).check_many(feed)
        fast_seconds = min(fast_seconds, time.process_time() - started)
        started = time.process_time()
        slow = Checker(registry, fast_path=False).check_many(feed)
        slow_seconds = min(slow_seconds, time.process_time() - started)
        started = time.process_time()
        single = _one_by_one(Checker(registry, fast_path=True), feed)
        single_seconds = min(single_seconds, time.process_time() - started)
    differences = [(url, "fast path off", record(a), record(b))
                   for url, a, b in zip(feed, fast, slow, strict=True) if record(a) != record(b)]
    differences.extend((url, "one by one", record(a), record(b))
                       for url, a, b in zip(feed, fast, single, strict=True)
                       if record(a) != record(b))
    screen = registry.index.screen
    quiet = 0
    if screen is not None:
        for url in feed:
            parsed = parse_url(url)
            host = None if isinstance(parsed, URLProblem) else analyse_host(parsed.hostname)
            if isinstance(host, Host) and screen.quiet(host):
                quiet += 1
    flagged = sum(result.flagged for result in fast)
    return {"hosts": len(feed), "differences": differences, "fast": fast_seconds,
            "slow": slow_seconds, "single": single_seconds, "quiet": quiet, "flagged": flagged,
            "results": fast}


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=200_000, help="distinct hosts in the feed")
    parser.add_argument("--registry", choices=("bundled", "brands", "big"), default="bundled")
    parser.add_argument("--show", type=int, default=20, help="differences printed at most")
    parser.add_argument("--dump", type=Path, help="write every record to this file (JSON lines)")
    parser.add_argument("--rounds", type=int, default=2,
                        help="rounds of the three runs; the best time of each is printed")
    args = parser.parse_args(None if argv is None else list(argv))
    registry = make_registry(args.registry)
    feed = golden_feed(args.size, registry)
    found = compare(feed, registry, max(1, args.rounds))
    hosts = found["hosts"]
    print(f"golden feed: {hosts:,} distinct hosts, registry {args.registry} "
          f"({len(registry.entries):,} entries)")
    print(f"flagged: {found['flagged']:,}; settled by the fast path's screen: "
          f"{found['quiet']:,} ({100 * found['quiet'] / hosts:.1f}%)")
    print(f"CPU, check_many: fast path on {found['fast']:.1f} s "
          f"({1e6 * found['fast'] / hosts:.1f} µs/host), "
          f"off {found['slow']:.1f} s ({1e6 * found['slow'] / hosts:.1f} µs/host); "
          f"check_url one by one, fast path on: {found['single']:.1f} s "
          f"({1e6 * found['single'] / hosts:.1f} µs/host)")
    if args.dump is not None:
        with args.dump.open("w", encoding="utf-8") as out:
            for url, result in zip(feed, found["results"], strict=True):
                out.write(json.dumps([url, *record(result)], ensure_ascii=False) + "\n")
    differences = found["differences"]
    print(f"differences: {len(differences)}")
    for url, run, fast, other in differences[: args.show]:
        print(f"  {url}\n    check_many, fast path on: {fast}\n    {run}: {other}")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
