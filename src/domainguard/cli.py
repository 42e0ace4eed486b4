"""The command line: argument parsing and formatting of library results, nothing else.

Exit codes (docs/cli.md): 0 nothing flagged (or the command succeeded), 1 something flagged
(``check``, ``scan``) or a registry file is invalid (``registry validate``), 2 usage errors (a
bad option, a file that cannot be opened or a broken ``--registry``), 3 an unexpected error (a
bug: one line on stderr, the traceback only with ``--debug`` or ``DOMAINGUARD_DEBUG=1``),
130 interrupted. Output never fails on encoding: what a stream cannot carry is escaped.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import functools
import io
import json
import os
import re
import stat
import sys
import time
import traceback
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any, Final

from domainguard import __version__, data_versions
from domainguard._checker import Checker
from domainguard._errors import DataError, RegistryError
from domainguard._messages import LANGUAGES
from domainguard._parallel import WorkerLost, ordered_map
from domainguard._record import CSV_FIELDS, csv_row, line_record
from domainguard._registry import KINDS, Registry
from domainguard._verdict import CheckResult, Verdict, make_reason

__all__ = ["EXIT_ERROR", "EXIT_FLAGGED", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK: Final = 0
EXIT_FLAGGED: Final = 1
EXIT_USAGE: Final = 2
EXIT_ERROR: Final = 3
EXIT_INTERRUPTED: Final = 130
DEBUG_ENV: Final = "DOMAINGUARD_DEBUG"
_SURROGATES: Final = re.compile("[\ud800-\udfff]")
_BATCH: Final = 4096  # lines per work unit in scan: bounded memory whatever the input size
_LABEL_WIDTH: Final = {lang: max(len(v.label(lang)) for v in Verdict) for lang in LANGUAGES}


# ---- output that never fails on encoding ----------------------------------------------------

def _harden(stream: IO[str]) -> None:
    """Escape what ``stream``'s encoding cannot carry instead of raising (a cp1252 console,
    a pipe under a legacy locale): every record is written, some characters as ``\\u2192``."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, io.UnsupportedOperation):
            reconfigure(errors="backslashreplace")


def _is_utf(stream: IO[str]) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding.startswith("utf")


def _json(record: dict[str, Any], ascii_only: bool) -> str:
    # JSON's own \u escapes keep a record valid JSON on a stream that is not UTF-8
    return json.dumps(record, ensure_ascii=ascii_only) + "\n"


class _Usage(Exception):
    pass


def _scalar(text: str) -> str:
    """Undecodable bytes in arguments (surrogateescape) become U+FFFD, as a browser shows them:
    the text checked is the text printed, whatever the output encoding's error handler."""
    return _SURROGATES.sub("\ufffd", text)


def _read_stdin() -> str:
    """All of stdin as text; invalid UTF-8 becomes U+FFFD instead of an exception."""
    stdin = sys.stdin
    if stdin is None:
        return ""
    raw = getattr(stdin, "buffer", None)
    return raw.read().decode("utf-8", "replace") if raw is not None else _scalar(stdin.read())


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin is None or sys.stdin.isatty()
    except (OSError, ValueError):  # closed or replaced by something that is not a file
        return True


def _say(lang: str, en: str, id_: str) -> str:
    return id_ if lang == "id" else en


# ---- registry options -----------------------------------------------------------------------

def _registry(args: argparse.Namespace) -> Registry:
    paths: list[str] = args.registry or []
    if args.only_registry and not paths:
        raise _Usage("--only-registry needs at least one --registry FILE")
    loaded = [_load(path, args.plain) for path in paths]
    if args.only_registry:
        return Registry.combine(*loaded)
    return Registry.combine(Registry.default(), *loaded) if loaded else Registry.default()


def _load(path: str, plain: bool) -> Registry:
    """A registry file; its warnings (a URL read as a domain) as one stderr line each."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        registry = Registry.from_file(path, require_provenance=not plain)
    for warning in caught:
        sys.stderr.write(f"domainguard: warning: {warning.message}\n")
    return registry


# ---- check ----------------------------------------------------------------------------------

def _line(result: CheckResult, lang: str, arrow: str) -> str:
    target = f" {arrow} {result.target}" if result.target else ""
    width = _LABEL_WIDTH[lang]  # labels line up in either language ("TIDAK TERKAIT")
    reasons = "; ".join(r.message(lang) for r in result.reasons[:3])
    return f"{result.verdict.label(lang):<{width}} {result.score:>3}  {result.url}{target}" + (
        f"  | {reasons}" if reasons else "")


def _inputs(urls: list[str]) -> list[str]:
    """The URLs to check: the arguments, with ``-`` (or nothing, when stdin is not a terminal)
    standing for stdin's lines. Blank lines and ``#`` comments on stdin are skipped."""
    if not urls and not _stdin_is_terminal():
        urls = ["-"]
    found: list[str] = []
    for url in urls:
        if url != "-":
            found.append(_scalar(url))
            continue
        try:
            text = _read_stdin()
        except OSError as e:
            raise _Usage(f"cannot read standard input: {e}") from e
        found.extend(line.strip() for line in text.splitlines()
                     if line.strip() and not line.lstrip().startswith("#"))
    if not found:
        raise _Usage("check needs at least one URL (arguments, '-' or lines on stdin), "
                     "or --text")
    return found


def _cmd_check(args: argparse.Namespace) -> int:
    if args.text is not None and args.urls:
        raise _Usage("--text checks the links in one text; give URLs without --text, or put "
                     "them in the text")
    checker = Checker(_registry(args))
    flagged = False
    out = sys.stdout
    ascii_only = not _is_utf(out)
    arrow = "->" if ascii_only else "→"
    lang = args.lang
    if args.text is not None:
        text = _read_stdin() if args.text == "-" else _scalar(args.text)
        links = checker.check_text(text)
        for link in links:
            flagged |= link.result.flagged
            if args.json:
                out.write(_json(link.to_dict(lang), ascii_only))
            elif args.explain:
                explained = link.result.explain(lang)
                out.write(f"[{link.start}:{link.end}] {link.raw}\n{explained}\n\n")
            else:
                out.write(f"[{link.start}:{link.end}] " + _line(link.result, lang, arrow) + "\n")
        if not links and not args.json:
            out.write(_say(lang, "No links found.\n", "Tidak ada tautan.\n"))
        return EXIT_FLAGGED if flagged and not args.exit_zero else EXIT_OK
    urls = _inputs(args.urls)
    for result in checker.check_many(urls):
        flagged |= result.flagged
        if args.json:
            out.write(_json(result.to_dict(lang), ascii_only))
        elif args.explain:
            out.write(result.explain(lang) + "\n\n")
        else:
            out.write(_line(result, lang, arrow) + "\n")
    return EXIT_FLAGGED if flagged and not args.exit_zero else EXIT_OK


# ---- registry -------------------------------------------------------------------------------

def _cmd_registry(args: argparse.Namespace) -> int:
    if args.action == "validate":
        name = args.file or "bundled registry"
        try:
            registry = _load(args.file, args.plain) if args.file else Registry.default()
        except RegistryError as e:
            sys.stderr.write(f"{e}\n")
            return EXIT_FLAGGED
        sys.stdout.write(f"{name}: OK, {len(registry)} domains, "
                         f"{len(registry.protected_suffixes)} protected suffixes\n")
        return EXIT_OK
    registry = _load(args.file, args.plain) if args.file else Registry.default()
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


# ---- permute --------------------------------------------------------------------------------

def _cmd_permute(args: argparse.Namespace) -> int:
    from domainguard.permutations import permutations

    ascii_only = not _is_utf(sys.stdout)
    try:
        found = permutations(args.domain, families=args.family or None)
        for permutation in found:
            if args.json:
                sys.stdout.write(_json({"domain": permutation.domain,
                                        "family": permutation.family,
                                        "original": permutation.original}, ascii_only))
            else:
                sys.stdout.write(f"{permutation.family}\t{permutation.domain}\n")
    except ValueError as e:
        raise _Usage(str(e)) from e
    return EXIT_OK


# ---- scan -----------------------------------------------------------------------------------
_Line = tuple[int, "str | None", str]  # line number, text (None: not UTF-8), decoding error


def _scan_batch(checker: Checker, lang: str, batch: list[_Line]) -> list[dict[str, Any]]:
    """A worker's task (argument order for functools.partial)."""
    return _check_batch(checker, batch, lang)


def _check_batch(checker: Checker, batch: list[_Line], lang: str) -> list[dict[str, Any]]:
    # check_many, not check_url line by line: it runs the batch through the pipeline stage by
    # stage, which costs less (docs/performance.md)
    results = iter(checker.check_many([text for _, text, _ in batch if text is not None]))
    return [line_record(next(results), lang, number) if text is not None
            else _undecodable(number, error, lang) for number, text, error in batch]


def _undecodable(number: int, error: str, lang: str) -> dict[str, Any]:
    """The record of a line that is not UTF-8."""
    # error is "byte N|line as shown": the record keeps the line, with the bad bytes escaped
    position, _, shown = error.partition("|")
    reason = make_reason("invalid_encoding", detail=position)
    result = CheckResult(url=shown, verdict=Verdict.INVALID, reasons=(reason,), score=0)
    return line_record(result, lang, number, error=reason.message(lang))


class _Source:
    """The input's lines, numbered from 1, with how many bytes have been read (for progress)."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.consumed = 0
        self.size: int | None = None  # known for a regular file (also one redirected to stdin)
        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
            status = os.fstat(handle.fileno())
            if stat.S_ISREG(status.st_mode) and status.st_size > 0:
                self.size = status.st_size

    def lines(self) -> Iterator[tuple[int, bytes]]:
        for number, raw in enumerate(self.handle, 1):
            self.consumed += len(raw)
            yield number, raw.rstrip(b"\r\n")


def _decoded(lines: Iterable[tuple[int, bytes]]) -> Iterator[tuple[int, str | None, bytes, str]]:
    for number, line in lines:
        try:
            yield number, line.decode("utf-8"), line, ""
        except UnicodeDecodeError as e:
            shown = line[:2000].decode("utf-8", errors="backslashreplace")
            yield number, None, line, f"byte {e.start}|{shown}"


def _column(spec: str) -> int | str:
    """``--column``: a number counts from 1; anything else names a header column."""
    if spec.isdigit():
        if int(spec) < 1:
            raise _Usage("--column counts from 1")
        return int(spec) - 1
    return spec


def _selected(lines: Iterable[tuple[int, str | None, bytes, str]], column: int | str | None,
              delimiter: str) -> Iterator[_Line]:
    """The lines to judge: ``#`` comments and, with ``--column``, the header row are skipped;
    with ``--column`` each line is a CSV row and only that cell is judged."""
    index = column if isinstance(column, int) else None
    for number, text, _, error in lines:
        if text is None:
            yield number, None, error
            continue
        if text.lstrip().startswith("#"):
            continue
        if column is None:
            yield number, text, error
            continue
        cells = next(csv.reader([text], delimiter=delimiter), [])
        if index is None:  # the first row is the header that names the column
            names = [cell.strip() for cell in cells]
            if column not in names:
                raise _Usage(f"--column {column!r}: the header has {', '.join(names) or 'nothing'}")
            index = names.index(str(column))
            continue
        yield number, cells[index].strip() if index < len(cells) else "", error


def _batches(items: Iterable[_Line]) -> Iterator[list[_Line]]:
    batch: list[_Line] = []
    for item in items:
        batch.append(item)
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _jobs(text: str) -> int:
    if text == "auto":
        try:
            return len(os.sched_getaffinity(0))  # the cores this process may use
        except AttributeError:  # not on every platform
            return os.cpu_count() or 1
    try:
        jobs = int(text)
    except ValueError:
        raise _Usage(f"--jobs takes a number or 'auto', not {text!r}") from None
    if jobs < 1:
        raise _Usage("--jobs must be at least 1")
    return jobs


class _Progress:
    """One self-rewriting stderr line: lines done, rate, flagged; percent and ETA when the
    input's size is known."""

    def __init__(self, source: _Source, lang: str, enabled: bool) -> None:
        self.source = source
        self.lang = lang
        self.enabled = enabled
        self.started = self.last = time.monotonic()
        self.shown = False

    def update(self, done: int, flagged: int) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.5:
            return
        self.last = now
        elapsed = now - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        text = _say(self.lang, f"{done:,} lines  {rate:,.0f}/s  flagged {flagged:,}",
                    f"{done:,} baris  {rate:,.0f}/dtk  ditandai {flagged:,}")
        size = self.source.size
        if size:
            fraction = min(self.source.consumed / size, 1.0)
            eta = elapsed * (1 - fraction) / fraction if fraction > 0 else 0.0
            text = f"{fraction:6.1%}  " + text + f"  ETA {eta:,.0f}s"
        sys.stderr.write("\r" + text + "  ")
        sys.stderr.flush()
        self.shown = True


def _cmd_scan(args: argparse.Namespace) -> int:
    jobs = _jobs(args.jobs)
    column = _column(args.column) if args.column is not None else None
    if len(args.delimiter) != 1:
        raise _Usage("--delimiter takes one character")
    checker = Checker(_registry(args))
    lang = args.lang
    counts: Counter[str] = Counter()
    started = time.monotonic()
    # every file and the worker pool are released however the scan ends
    with contextlib.ExitStack() as stack:
        handle: IO[bytes] = (sys.stdin.buffer if args.file == "-"
                             else stack.enter_context(open(args.file, "rb")))
        source = _Source(handle)
        to_file = args.output not in (None, "-")
        out: IO[str] = (sys.stdout if not to_file else stack.enter_context(
            open(args.output, "w", encoding="utf-8", newline="")))
        ascii_only = not to_file and not _is_utf(out)
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS) if args.format == "csv" else None
        if writer is not None:
            writer.writeheader()
        progress = _Progress(source, lang, not args.quiet and _is_terminal(sys.stderr))
        batches = _batches(_selected(_decoded(source.lines()), column, args.delimiter))
        if jobs > 1:
            # a bounded window of batches in flight keeps memory constant on any input size
            results = ordered_map(functools.partial(_scan_batch, checker, lang), batches,
                                  jobs, window=jobs * 2)
            stack.callback(results.close)  # the workers end with the scan, however it ends
        else:
            results = (_check_batch(checker, batch, lang) for batch in batches)
        for records in results:
            for record in records:
                counts[record["verdict"]] += 1
                if args.only_flagged and not record["flagged"]:
                    continue
                if writer is not None:
                    writer.writerow(csv_row(record))
                else:
                    out.write(_json(record, ascii_only))
            progress.update(sum(counts.values()), counts["lookalike"] + counts["suspicious"])
        out.flush()
    total = sum(counts.values())
    elapsed = time.monotonic() - started
    if not args.quiet:
        summary = ", ".join(f"{verdict.label(lang).lower()} {counts[verdict.value]:,}"
                            for verdict in Verdict)
        sys.stderr.write(("\n" if progress.shown else "") + _say(
            lang, f"scanned {total:,} lines in {elapsed:.1f}s: {summary}\n",
            f"{total:,} baris diperiksa dalam {elapsed:.1f} dtk: {summary}\n"))
    flagged = counts["lookalike"] + counts["suspicious"]
    return EXIT_FLAGGED if flagged and not args.exit_zero else EXIT_OK


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError):
        return False


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
    serve(host=args.host, port=args.port, registry=_registry(args),
          registry_files=args.registry or (), plain=args.plain,
          only_registry=args.only_registry, cors_origins=args.cors_origin or (),
          workers=args.workers)
    return EXIT_OK


# ---- the parser -----------------------------------------------------------------------------

class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse exits 2 too; keep our message format
        raise _Usage(message)


_EPILOG: Final = ("exit status: 0 nothing flagged, 1 something flagged (or an invalid registry "
                  "file), 2 usage error, 3 unexpected error (details with --debug), "
                  "130 interrupted")


def _parser() -> argparse.ArgumentParser:
    from domainguard.permutations import FAMILIES

    parser = _Parser(prog="domainguard", epilog=_EPILOG, description="Does this URL imitate an "
                     "official Indonesian government site, and why?")
    parser.add_argument("--version", action="version", version=f"domainguard {__version__}",
                        help="print the version and exit")
    parser.add_argument("--debug", action="store_true",
                        help=f"show the traceback of an unexpected error (or set {DEBUG_ENV}=1)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def registry_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--registry", action="append", metavar="FILE",
                       help="extra registry file (repeatable), added to the bundled one")
        p.add_argument("--only-registry", action="store_true",
                       help="use only the --registry files, not the bundled registry")
        p.add_argument("--plain", action="store_true",
                       help="the --registry files are plain lists, one domain a line, without "
                            "provenance (a URL or '*.' prefix is reduced to its host)")

    def lang_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", choices=LANGUAGES, default="en", type=str.lower,
                       help="language of labels and messages: en (English) or id (Bahasa "
                            "Indonesia); default en")

    def exit_zero_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when something is flagged")

    check = sub.add_parser("check", help="check URLs, or the links in a text", epilog=_EPILOG,
                           description="Check each URL given, or every link in --text. With "
                           "'-' or no URL and a pipe on stdin, the URLs are read from stdin, "
                           "one a line.")
    check.add_argument("urls", nargs="*", metavar="URL",
                       help="a URL or host name; '-' reads them from stdin, one a line")
    check.add_argument("--text", metavar="TEXT",
                       help="check every link (and e-mail address) in TEXT; '-' reads it "
                            "from stdin. Not with URL arguments")
    check.add_argument("--json", action="store_true",
                       help="one JSON record per line (docs/record.md)")
    check.add_argument("--explain", action="store_true",
                       help="every reason, one per line")
    lang_option(check)
    exit_zero_option(check)
    registry_options(check)
    check.set_defaults(run=_cmd_check)

    registry = sub.add_parser("registry", help="list, count or validate registry files",
                              epilog=_EPILOG)
    actions = registry.add_subparsers(dest="action", metavar="ACTION", required=True,
                                      parser_class=_Parser)
    for action, text in (("list", "list the entries, one a line: domain, kind, region, name"),
                         ("stats", "count the entries by kind and province"),
                         ("validate", "check a file line by line (exit 1 if broken)")):
        command = actions.add_parser(action, help=text, description=text, epilog=_EPILOG)
        command.add_argument("file", nargs="?",
                             help="a registry file (default: the bundled registry)")
        command.add_argument("--plain", action="store_true",
                             help="FILE is a plain list, one domain a line, without provenance")
        if action == "list":
            command.add_argument("--kind", choices=KINDS, help="list only this kind")
        command.set_defaults(run=_cmd_registry)

    permute = sub.add_parser("permute", help="generate lookalikes of a domain", epilog=_EPILOG)
    permute.add_argument("domain", help="the domain to imitate, e.g. kemendagri.go.id")
    permute.add_argument("--family", action="append", choices=FAMILIES, metavar="FAMILY",
                         help=f"only this family (repeatable): {', '.join(FAMILIES)}")
    permute.add_argument("--json", action="store_true",
                         help="one JSON object per line: domain, family, original")
    permute.set_defaults(run=_cmd_permute)

    scan = sub.add_parser("scan", help="check a feed: one URL or domain per line",
                          epilog=_EPILOG, description="Check a feed, one URL or domain a line "
                          "(or one CSV column). Writes one record per line read, in order; "
                          "blank lines get an invalid record, '#' comment lines none.")
    scan.add_argument("file", help="input file, '-' for stdin")
    scan.add_argument("--format", choices=("jsonl", "csv"), default="jsonl",
                      help="output format: JSON Lines (default) or CSV, the same record")
    lang_option(scan)
    scan.add_argument("--output", "-o", metavar="FILE", help="output file (default: stdout)")
    scan.add_argument("--column", metavar="N|NAME",
                      help="the input is CSV: judge column N (from 1; every row is data) or "
                           "the column named NAME in the header row")
    scan.add_argument("--delimiter", default=",", metavar="CHAR",
                      help="the CSV delimiter for --column (default ',')")
    scan.add_argument("--only-flagged", action="store_true",
                      help="write only lookalike and suspicious records")
    scan.add_argument("--jobs", "-j", default="1", metavar="N|auto",
                      help="worker processes: a number or 'auto' (one per usable core); "
                           "default 1")
    scan.add_argument("--quiet", "-q", action="store_true",
                      help="no progress line or summary on stderr")
    exit_zero_option(scan)
    registry_options(scan)
    scan.set_defaults(run=_cmd_scan)

    serve = sub.add_parser("serve", help="HTTP API and the 'Cek tautan' page (extra: server)",
                           epilog=_EPILOG)
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback)")
    serve.add_argument("--port", type=int, default=8000, help="TCP port (default: 8000)")
    serve.add_argument("--workers", type=int, default=1, help="worker processes")
    serve.add_argument("--cors-origin", action="append", metavar="ORIGIN",
                       help="allow browser calls from ORIGIN (repeatable; default: none)")
    registry_options(serve)
    serve.set_defaults(run=_cmd_serve)

    versions = sub.add_parser("versions", help="print data versions (PSL, Unicode, registry)",
                              epilog=_EPILOG)
    versions.set_defaults(run=_cmd_versions)
    return parser


def _debug(argv: Sequence[str]) -> bool:
    return "--debug" in argv or os.environ.get(DEBUG_ENV, "") not in ("", "0")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    _harden(sys.stdout)
    _harden(sys.stderr)
    try:
        parser = _parser()
        args = parser.parse_args(arguments)
        if args.command is None:
            sys.stderr.write(parser.format_help())
            return EXIT_USAGE
        code: int = args.run(args)
        sys.stdout.flush()
        return code
    except _Usage as e:
        sys.stderr.write(f"domainguard: {e}\n")
        return EXIT_USAGE
    except RegistryError as e:
        sys.stderr.write(f"domainguard: {e}\n")
        return EXIT_USAGE
    except WorkerLost as e:  # killed from outside (out of memory): no bug, no traceback
        sys.stderr.write(f"domainguard: {e}\n")
        return EXIT_ERROR
    except BrokenPipeError:
        # `domainguard scan feed | head`: the reader left; end quietly, like other filters
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as e:  # a scan input that is missing, an output that cannot be written
        sys.stderr.write(f"domainguard: {e}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except DataError as e:  # a broken installation: the message says how to repair it
        sys.stderr.write(f"domainguard: {e}\n")
        return EXIT_ERROR
    except Exception as e:  # a bug: one line for users, the traceback for whoever debugs it
        if _debug(arguments):
            traceback.print_exc()
            return EXIT_ERROR
        detail = " ".join(str(e).split())[:200]
        sys.stderr.write(f"domainguard: unexpected error: {type(e).__name__}"
                         f"{': ' + detail if detail else ''} (run with --debug or "
                         f"{DEBUG_ENV}=1 for the traceback)\n")
        return EXIT_ERROR
