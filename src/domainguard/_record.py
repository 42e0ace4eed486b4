"""The one record: what ``to_dict()``, ``check --json`` and ``scan`` (JSON Lines, CSV) write.

Every output of domainguard that a program reads is built here, so the Python API, the command
line and anything built on them (an HTTP layer, a Dask job) agree key for key. The schema is
described in docs/record.md; ``SCHEMA_VERSION`` changes only when a key is removed or changes
meaning, never when one is added. Pure: builds dicts and strings, no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from domainguard._messages import normalise_lang, verdict_label

if TYPE_CHECKING:
    from domainguard._verdict import CheckResult, Reason, TextLink

__all__ = ["CSV_FIELDS", "SCHEMA_VERSION", "csv_row", "line_record", "link_record",
           "reason_record", "result_record"]

SCHEMA_VERSION: Final = 1

#: CSV columns, in order: the record flattened (reason codes joined by ";", their messages by
#: " | ", the entry reduced to its domain, booleans written as JSON writes them).
CSV_FIELDS: Final = ("schema_version", "line", "input", "url", "verdict", "label", "flagged",
                     "score", "target", "host", "ascii_host", "registrable_domain", "entry",
                     "reasons", "messages", "lang", "error")


def reason_record(reason: Reason, lang: str = "en") -> dict[str, Any]:
    """One reason: its stable code and category, weight, what it is about, and its message."""
    return {
        "code": reason.code,
        "category": reason.category.value,
        "weight": reason.weight,
        "target": reason.target,
        "matched": reason.matched,
        "detail": reason.detail,
        "message": reason.message(lang),
    }


def result_record(result: CheckResult, lang: str = "en", *, input: str | None = None
                  ) -> dict[str, Any]:
    """The record of one result; ``input`` is the text as given when it differs from the URL
    that was checked (a defanged link in a message)."""
    lang = normalise_lang(lang)
    entry = result.entry
    return {
        "schema_version": SCHEMA_VERSION,
        "input": result.url if input is None else input,
        "url": result.url,
        "verdict": result.verdict.value,
        "label": verdict_label(result.verdict.value, lang),
        "flagged": result.flagged,
        "score": result.score,
        "target": result.target,
        "host": result.host,
        "ascii_host": result.ascii_host,
        "registrable_domain": result.registrable_domain,
        "entry": None if entry is None else entry.to_dict(),
        "reasons": [reason_record(reason, lang) for reason in result.reasons],
        "lang": lang,
    }


def link_record(link: TextLink, lang: str = "en") -> dict[str, Any]:
    """A link found in a text: the record of its result, as written (``input``, ``raw``) and
    where it stands; ``kind`` is "email" for a mail address (its domain was judged)."""
    return {
        **result_record(link.result, lang, input=link.raw),
        "raw": link.raw,
        "start": link.start,
        "end": link.end,
        "kind": link.kind,
        "defanged": link.defanged,
    }


def line_record(result: CheckResult, lang: str, line: int, *, error: str | None = None
                ) -> dict[str, Any]:
    """A ``scan`` record: the result's record with its input line number (counted from 1) and,
    for a line that could not be read as text, an ``error`` saying why."""
    record = {"schema_version": SCHEMA_VERSION, "line": line, **result_record(result, lang)}
    if error is not None:
        record["error"] = error
    return record


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"  # as in the JSON record, not Python's True/False
    return str(value)


def csv_row(record: dict[str, Any]) -> dict[str, str]:
    """A record as one CSV row of ``CSV_FIELDS``."""
    entry = record.get("entry")
    reasons = record.get("reasons", ())
    flat = {
        **record,
        "entry": entry["domain"] if entry else None,
        "reasons": ";".join(reason["code"] for reason in reasons),
        "messages": " | ".join(reason["message"] for reason in reasons),
    }
    return {field: _cell(flat.get(field)) for field in CSV_FIELDS}
