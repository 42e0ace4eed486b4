"""Check a feed of URLs or domains on Dask: one Checker per partition, one JSON record a line.

    pip install "domainguard[dask]"
    python examples/dask_feed.py FEED --output OUT_DIR [--workers 4] [--only-flagged]
    python examples/dask_feed.py FEED --output OUT_DIR --scheduler tcp://10.0.0.5:8786
    python examples/dask_feed.py FEED --output OUT_DIR --registry extra_domains.txt

FEED is a text file (or a glob of them) with one URL or domain per line, read in blocks by
``dask.bag.read_text``. OUT_DIR receives one JSON Lines file per partition, in feed order
(``part-00000.jsonl``, ...). Without ``--scheduler`` a local cluster of ``--workers``
processes is started.

How it spreads the work:

* The registry is one task of the graph (``dask.delayed``): each worker fetches it once and
  builds its search index on first use, for all the partitions it checks.
* Each partition gets its own ``Checker``: its per-host evidence cache serves that partition,
  and ``check_many`` judges a repeated line once. A ``Checker`` and its results pickle, so the
  same code works on any engine that ships functions and data between processes.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from domainguard import Checker, Registry


def check_partition(lines: Iterable[str], registry: Registry,
                    only_flagged: bool = False) -> list[dict[str, Any]]:
    """Judge one partition of lines with a Checker of its own."""
    checker = Checker(registry)
    results = checker.check_many([line.rstrip("\r\n") for line in lines])
    # to_dict() is the record `domainguard scan` writes for each line, less its line number
    return [result.to_dict() for result in results if result.flagged or not only_flagged]


def check_bag(bag: Any, registry: Registry | None = None, only_flagged: bool = False) -> Any:
    """A bag of records for a bag of lines, the registry shipped to each worker once."""
    import dask

    shipped = dask.delayed(registry or Registry.default(), pure=True)
    return bag.map_partitions(check_partition, shipped, only_flagged)


def check_lines(lines: Sequence[str], client: Any, partitions: int = 4,
                registry: Registry | None = None, only_flagged: bool = False
                ) -> list[dict[str, Any]]:
    """Judge an in-memory list of lines on the cluster; records come back in input order."""
    import dask.bag as db

    bag = db.from_sequence(lines, npartitions=max(1, min(partitions, len(lines))))
    return list(client.compute(check_bag(bag, registry, only_flagged)).result())


def main(argv: Sequence[str] | None = None) -> int:
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("feed", help="text file(s), one URL or domain a line (globs allowed)")
    parser.add_argument("--output", "-o", required=True, help="directory for the JSONL parts")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="local worker processes when no --scheduler is given")
    parser.add_argument("--blocksize", default="32MiB", help="bytes of feed per partition")
    parser.add_argument("--registry", action="append", metavar="FILE",
                        help="extra registry file (repeatable), added to the bundled one")
    parser.add_argument("--only-flagged", action="store_true")
    args = parser.parse_args(argv)

    registry = Registry.combine(Registry.default(), *map(Registry.from_file, args.registry or ()))
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1)
        client = Client(cluster)
    try:
        import json

        lines = db.read_text(args.feed, blocksize=args.blocksize)
        records = check_bag(lines, registry, args.only_flagged)
        os.makedirs(args.output, exist_ok=True)
        records.map(json.dumps, ensure_ascii=False).to_textfiles(
            os.path.join(args.output, "part-*.jsonl"), name_function=lambda i: f"{i:05d}")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    sys.stderr.write(f"wrote {args.output}/part-*.jsonl\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
