"""Results as the one record schema: the JSON the API answers with.

The library's own ``to_dict(lang)`` builds every record (``domainguard._record``, described in
docs/record.md), so the API, ``check --json`` and ``scan`` agree key for key; this module is the
one place the routes ask for one.
"""

from __future__ import annotations

from typing import Any

from domainguard import CheckResult, TextLink
from domainguard._record import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "link_record", "result_record"]


def result_record(result: CheckResult, lang: str) -> dict[str, Any]:
    """One result's record, label and messages in ``lang``."""
    return result.to_dict(lang)


def link_record(link: TextLink, lang: str) -> dict[str, Any]:
    """A link found in a message: its result's record, as written, and where it stands."""
    return link.to_dict(lang)
