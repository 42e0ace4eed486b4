"""Instructions per distinct host, the figure a busy shared machine does not disturb.

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python benchmarks/instructions.py N [--fast-path on|off]

Checks ``N`` hosts of the speed benchmark's distinct feed (``throughput.build_distinct_feed``)
with a fresh Checker, after 3,000 other hosts (so that what a registry builds on first use, and
the fast path's screen, are built already). Run it with ``N`` and with 0 and subtract the two
"Collected" totals that callgrind prints: the difference divided by ``N`` is the cost of one
host. Under callgrind a run takes about 50 times as long; 10,000 hosts take a few minutes.
Writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from domainguard import Checker, Registry

sys.path.insert(0, str(Path(__file__).resolve().parent))

import throughput  # a sibling script, found through the line above

FEED = 20_000  # hosts the feed is built with; N takes the first N of them


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("hosts", type=int, help=f"hosts to check (at most {FEED:,})")
    parser.add_argument("--fast-path", choices=("on", "off"), default=None,
                        help="the fast path's setting (default: the build's default)")
    args = parser.parse_args(None if argv is None else list(argv))
    # no keyword at all by default: the same command measures releases without the option
    options = {} if args.fast_path is None else {"fast_path": args.fast_path == "on"}
    feed = throughput.build_distinct_feed(FEED)[: args.hosts]
    registry = Registry.default()
    Checker(registry, **options).check_many(
        throughput.build_distinct_feed(3_000, seed=throughput.SEED + 99))
    Checker(registry, **options).check_many(feed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
