"""The command line: argument parsing and formatting of library results, nothing else.

Exit codes: 0 nothing flagged (or the command succeeded), 1 something flagged (``check``,
``scan``) or a registry file is invalid (``registry validate``), 2 usage errors.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any, Final

from domainguard import __version__, data_versions
from domainguard._checker import Checker
from domainguard._errors import RegistryError
from domainguard._registry import KINDS, Registry
from domainguard._verdict import CheckResult, Verdict, make_reason

__all__ = ["main", "record"]

EXIT_OK: Final = 0
EXIT_FLAGGED: Final = 1
EXIT_USAGE: Final = 2
_SURROGATES: Final = re.compile("[\ud800-\udfff]")
_BATCH: Final = 4096  # lines per work unit in scan: bounded memory whatever the input size
_CSV_FIELDS: Final = ("line", "input", "verdict", "flagged", "score", "target", "host",
                      "registrable_domain", "reasons")


def _registry(paths: Sequence[str] | None, replace: bool) -> Registry:
    loaded = [Registry.from_file(path) for path in paths or ()]
    if replace and loaded:
        return Registry.combine(*loaded)
    return Registry.combine(Registry.default(), *loaded) if loaded else Registry.default()


def _line(result: CheckResult, lang: str) -> str:
    target = f" → {result.target}" if result.target else ""
    label = result.verdict.value.upper()
    reasons = "; ".join(r.message(lang) for r in result.reasons[:3])
    return f"{label:<10} {result.score:>3}  {result.url}{target}" + (f"  | {reasons}"
                                                                      if reasons else "")


def _scalar(text: str) -> str:
    """Undecodable bytes in arguments (surrogateescape) become U+FFFD, as a browser shows them:
    the text checked is the text printed, whatever the output encoding's error handler."""
    return _SURROGATES.sub("\ufffd", text)


def _read_stdin() -> str:
    """All of stdin as text; invalid UTF-8 becomes U+FFFD instead of an exception."""
    raw = getattr(sys.stdin, "buffer", None)
    return raw.read().decode("utf-8", "replace") if raw is not None else _scalar(sys.stdin.read())


def _cmd_check(args: argparse.Namespace) -> int:
    checker = Checker(_registry(args.registry, args.only_registry))
    flagged = False
    out = sys.stdout
    if args.text is not None:
        text = _read_stdin() if args.text == "-" else _scalar(args.text)
        links = checker.check_text(text)
        for link in links:
            flagged |= link.result.flagged
            if args.json:
                out.write(json.dumps(link.to_dict(), ensure_ascii=False) + "\n")
            elif args.explain:
                explained = link.result.explain(args.lang)
                out.write(f"[{link.start}:{link.end}] {link.raw}\n{explained}\n\n")
            else:
                out.write(f"[{link.start}:{link.end}] " + _line(link.result, args.lang) + "\n")
        if not links and not args.json:
            out.write("Tidak ada tautan.\n" if args.lang == "id" else "No links found.\n")
        return EXIT_FLAGGED if flagged and not args.exit_zero else EXIT_OK
    if not args.urls:
        raise _Usage("check needs at least one URL, or --text")
    for result in checker.check_many([_scalar(url) for url in args.urls]):
        flagged |= result.flagged
        if args.json:
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        elif args.explain:
            out.write(result.explain(args.lang) + "\n\n")
        else:
            out.write(_line(result, args.lang) + "\n")
    return EXIT_FLAGGED if flagged and not args.exit_zero else EXIT_OK


def _cmd_registry(args: argparse.Namespace) -> int:
    if args.action == "validate":
        if not args.file:
            raise _Usage("registry validate needs a FILE")
        try:
            registry = Registry.from_file(args.file)
        except RegistryError as e:
            sys.stderr.write(f"{e}\n")
            return EXIT_FLAGGED
        sys.stdout.write(f"{args.file}: OK, {len(registry)} domains, "
                         f"{len(registry.protected_suffixes)} protected suffixes\n")
        return EXIT_OK
    registry = Registry.from_file(args.file) if args.file else Registry.default()
    if args.action == "list":
        for entry in (*registry.protected_entries, *registry.entries):
            if args.kind and entry.kind != args.kind:
                continue
            region = entry.region or "-"
            sys.stdout.write(f"{entry.domain}\t{entry.kind}\t{region}\t{entry.name}\n")
        return EXIT_OK
    from domainguard import _vocabulary

    by_kind = Counter(entry.kind for entry in registry.entries)
    by_province: Counter[str] = Counter()
    for entry in registry.entries:
        if entry.region:
            province = _vocabulary.region_by_code(entry.region[:2])
            by_province[province.name if province else entry.region[:2]] += 1
    out = sys.stdout
    out.write(f"domains: {len(registry)}\n")
    out.write(f"protected suffixes: {', '.join(registry.protected_suffixes) or '-'}\n")
    out.write("\nby kind:\n")
    for kind in KINDS:
        if by_kind[kind]:
            out.write(f"  {kind:<22} {by_kind[kind]:>5}\n")
    out.write(f"\nby province ({sum(by_province.values())} entries with a region):\n")
    for province_name, count in sorted(by_province.items()):
        out.write(f"  {province_name:<36} {count:>5}\n")
    return EXIT_OK


def _cmd_permute(args: argparse.Namespace) -> int:
    from domainguard.permutations import FAMILIES, permutations

    for family in args.family or ():
        if family not in FAMILIES:
            raise _Usage(f"unknown family {family!r}; choose from {', '.join(FAMILIES)}")
    try:
        found = permutations(args.domain, families=args.family or None)
        for permutation in found:
            if args.json:
                sys.stdout.write(json.dumps({"domain": permutation.domain,
                                             "family": permutation.family,
                                             "original": permutation.original},
                                            ensure_ascii=False) + "\n")
            else:
                sys.stdout.write(f"{permutation.family}\t{permutation.domain}\n")
    except ValueError as e:
        raise _Usage(str(e)) from e
    return EXIT_OK


# ---- scan ------------------------------------------------------------------------------------
# A pool worker's Checker, set by _init_worker when the worker starts (only in workers)
_worker_checker: Checker


def _init_worker(checker: Checker) -> None:
    global _worker_checker
    _worker_checker = checker


def _scan_batch(batch: list[_Line]) -> list[dict[str, Any]]:
    """A pool worker's task."""
    return _check_batch(_worker_checker, batch)


def _check_batch(checker: Checker, batch: list[_Line]) -> list[dict[str, Any]]:
    return [_record(checker, number, text, error) for number, text, error in batch]


def _record(checker: Checker, number: int, text: str | None, error: str) -> dict[str, Any]:
    if text is None:
        # error is "byte N|line as shown": the record keeps the line, with the bad bytes escaped
        position, _, shown = error.partition("|")
        reason = make_reason("invalid_encoding", detail=position)
        result = CheckResult(url=shown, verdict=Verdict.INVALID, reasons=(reason,), score=0)
    else:
        result = checker.check_url(text)
    return {"line": number, **record(result)}


def record(result: CheckResult) -> dict[str, Any]:
    """A result as ``scan`` writes it (less the line number): the fields a feed analyst
    filters on. Engines that spread a feed (examples/dask_feed.py) write the same records."""
    return {
        "input": result.url,
        "verdict": result.verdict.value,
        "flagged": result.flagged,
        "score": result.score,
        "target": result.target,
        "host": result.host,
        "registrable_domain": result.registrable_domain,
        "reasons": [reason.code for reason in result.reasons],
    }


def _lines(handle: IO[bytes]) -> Iterator[tuple[int, str | None, str]]:
    for number, raw in enumerate(handle, 1):
        line = raw.rstrip(b"\r\n")
        try:
            yield number, line.decode("utf-8"), ""
        except UnicodeDecodeError as e:
            shown = line[:2000].decode("utf-8", errors="backslashreplace")
            yield number, None, f"byte {e.start}|{shown}"


_Line = tuple[int, "str | None", str]  # line number, text (None: not UTF-8), decoding error


def _batches(items: Iterable[_Line]) -> Iterator[list[_Line]]:
    batch: list[_Line] = []
    for item in items:
        batch.append(item)
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _cmd_scan(args: argparse.Namespace) -> int:
    checker = Checker(_registry(args.registry, args.only_registry))
    show_progress = not args.quiet and sys.stderr.isatty()
    counts: Counter[str] = Counter()
    started = last = time.monotonic()
    # every file and the worker pool are released however the scan ends
    with contextlib.ExitStack() as stack:
        source: IO[bytes] = (sys.stdin.buffer if args.file == "-"
                             else stack.enter_context(open(args.file, "rb")))
        out: IO[str] = (sys.stdout if args.output in (None, "-") else stack.enter_context(
            open(args.output, "w", encoding="utf-8", newline="")))
        writer = csv.DictWriter(out, fieldnames=_CSV_FIELDS) if args.format == "csv" else None
        if writer is not None:
            writer.writeheader()
        batches = _batches(_lines(source))
        if args.jobs > 1:
            import multiprocessing

            pool = multiprocessing.get_context("spawn").Pool(
                args.jobs, initializer=_init_worker, initargs=(checker,))
            stack.callback(pool.terminate)
            # a bounded window of batches in flight keeps memory constant on any input size
            results = _ordered_window(pool, batches, window=args.jobs * 2)
        else:
            results = (_check_batch(checker, batch) for batch in batches)
        for records in results:
            for record in records:
                counts[record["verdict"]] += 1
                if args.only_flagged and not record["flagged"]:
                    continue
                if writer is not None:
                    writer.writerow({**record, "reasons": ";".join(record["reasons"])})
                else:
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
            now = time.monotonic()
            if show_progress and now - last > 0.5:
                last = now
                done = sum(counts.values())
                sys.stderr.write(f"\r{done:,} lines  {done / (now - started):,.0f}/s  "
                                 f"flagged {counts['lookalike'] + counts['suspicious']:,}")
                sys.stderr.flush()
        out.flush()
    total = sum(counts.values())
    elapsed = time.monotonic() - started
    if not args.quiet:
        summary = ", ".join(f"{verdict.value} {counts[verdict.value]:,}" for verdict in Verdict)
        sys.stderr.write(("\n" if show_progress else "") +
                         f"scanned {total:,} lines in {elapsed:.1f}s: {summary}\n")
    flagged = counts["lookalike"] + counts["suspicious"]
    return EXIT_FLAGGED if flagged and not args.exit_zero else EXIT_OK


def _ordered_window(pool: Any, batches: Iterator[Any], window: int) -> Iterator[Any]:
    pending: list[Any] = []
    for batch in batches:
        pending.append(pool.apply_async(_scan_batch, (batch,)))
        if len(pending) >= window:
            yield pending.pop(0).get()
    while pending:
        yield pending.pop(0).get()


def _cmd_versions(args: argparse.Namespace) -> int:
    sys.stdout.write(f"domainguard {__version__}\n")
    for name, version in data_versions().items():
        sys.stdout.write(f"{name}: {version}\n")
    return EXIT_OK


def _cmd_serve(args: argparse.Namespace) -> int:
    try:
        from domainguard.server import serve
    except ImportError as e:
        raise _Usage("serve needs the server extra: pip install 'domainguard[server]'"
                     f" ({e.name} is missing)") from e
    if args.workers < 1:
        raise _Usage("--workers must be at least 1")
    serve(host=args.host, port=args.port, registry_files=args.registry or (),
          only_registry=args.only_registry, cors_origins=args.cors_origin or (),
          workers=args.workers)
    return EXIT_OK


class _Usage(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse exits 2 too; keep our message format
        raise _Usage(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="domainguard", description="Does this URL imitate an official "
                     "Indonesian government site? Exit 0: nothing flagged, 1: flagged, 2: usage.")
    parser.add_argument("--version", action="version", version=f"domainguard {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def registry_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--registry", action="append", metavar="FILE",
                       help="extra registry file (repeatable), added to the bundled one")
        p.add_argument("--only-registry", action="store_true",
                       help="use only the --registry files, not the bundled registry")

    check = sub.add_parser("check", help="check URLs, or the links in a text")
    check.add_argument("urls", nargs="*", metavar="URL")
    check.add_argument("--text", metavar="TEXT", help="check every link in TEXT ('-': stdin)")
    check.add_argument("--json", action="store_true", help="one JSON object per line")
    check.add_argument("--lang", choices=("en", "id"), default="en")
    check.add_argument("--explain", action="store_true", help="every reason, one per line")
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when something is flagged")
    registry_options(check)
    check.set_defaults(run=_cmd_check)

    registry = sub.add_parser("registry", help="list, count or validate registry files")
    registry.add_argument("action", choices=("list", "stats", "validate"))
    registry.add_argument("file", nargs="?", help="a registry file (default: the bundled one)")
    registry.add_argument("--kind", choices=KINDS, help="list only this kind")
    registry.set_defaults(run=_cmd_registry)

    permute = sub.add_parser("permute", help="generate lookalikes of a domain")
    permute.add_argument("domain")
    permute.add_argument("--family", action="append", help="only this family (repeatable)")
    permute.add_argument("--json", action="store_true")
    permute.set_defaults(run=_cmd_permute)

    scan = sub.add_parser("scan", help="check a feed: one URL or domain per line")
    scan.add_argument("file", help="input file, '-' for stdin")
    scan.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    scan.add_argument("--output", "-o", help="output file (default: stdout)")
    scan.add_argument("--only-flagged", action="store_true")
    scan.add_argument("--jobs", "-j", type=int, default=1, help="worker processes")
    scan.add_argument("--quiet", "-q", action="store_true", help="no progress or summary")
    scan.add_argument("--exit-zero", action="store_true",
                      help="exit 0 even when something is flagged")
    registry_options(scan)
    scan.set_defaults(run=_cmd_scan)

    serve = sub.add_parser("serve", help="HTTP API and the 'Cek tautan' page (extra: server)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="worker processes")
    serve.add_argument("--cors-origin", action="append", metavar="ORIGIN",
                       help="allow browser calls from ORIGIN (repeatable; default: none)")
    registry_options(serve)
    serve.set_defaults(run=_cmd_serve)

    versions = sub.add_parser("versions", help="print data versions (PSL, Unicode, registry)")
    versions.set_defaults(run=_cmd_versions)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        if getattr(args, "jobs", 1) < 1:
            raise _Usage("--jobs must be at least 1")
        code: int = args.run(args)
        sys.stdout.flush()
        return code
    except _Usage as e:
        sys.stderr.write(f"domainguard: {e}\n")
        return EXIT_USAGE
    except RegistryError as e:
        sys.stderr.write(f"domainguard: {e}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        # `domainguard scan feed | head`: the reader left; end quietly, like other filters
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as e:  # a scan input that is missing, an output that cannot be written
        sys.stderr.write(f"domainguard: {e}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
