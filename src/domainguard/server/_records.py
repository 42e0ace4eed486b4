"""Results as the one record schema (``schema_version`` 1): the JSON the API answers with.

The keys are those of ``CheckResult.to_dict(lang)`` and ``TextLink.to_dict(lang)``; this module is
the only place the service builds them, so it can hand over to the library's own ``to_dict``
without touching the routes. Pure: builds dicts, no I/O.
"""

from __future__ import annotations

from typing import Any, Final

from domainguard import CheckResult, Reason, TextLink
from domainguard._messages import verdict_label

__all__ = ["SCHEMA_VERSION", "link_record", "result_record"]

SCHEMA_VERSION: Final = 1


def _reason(reason: Reason, lang: str) -> dict[str, Any]:
    return {
        "code": reason.code,
        "category": reason.category.value,
        "weight": reason.weight,
        "target": reason.target,
        "matched": reason.matched,
        "detail": reason.detail,
        "message": reason.message(lang),
    }


def result_record(result: CheckResult, lang: str, *, given: str | None = None) -> dict[str, Any]:
    """One result; ``given`` is the text as written when it differs from the URL checked."""
    entry = result.entry
    return {
        "schema_version": SCHEMA_VERSION,
        "input": result.url if given is None else given,
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
        "reasons": [_reason(reason, lang) for reason in result.reasons],
        "lang": lang,
    }


def link_record(link: TextLink, lang: str) -> dict[str, Any]:
    """A link found in a message: its result's record, as written, and where it stands."""
    return {
        **result_record(link.result, lang, given=link.raw),
        "raw": link.raw,
        "start": link.start,
        "end": link.end,
        # main's TextLink knows only URLs; the record schema adds mail addresses as "email"
        "kind": getattr(link, "kind", "url"),
        "defanged": link.defanged,
    }
