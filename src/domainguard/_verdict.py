"""Reason, CheckResult, Verdict, and ``decide``: the one place where evidence becomes a verdict.

Pure: no I/O. Checks produce reasons; only ``decide`` turns them into a verdict and a score.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from domainguard._messages import CATALOGUE, Category, normalise_lang, render, verdict_label
from domainguard._record import link_record, reason_record, result_record

if TYPE_CHECKING:
    from domainguard._registry import Entry

__all__ = ["CheckResult", "Reason", "TextLink", "Verdict", "decide", "make_reason", "new_result"]

# A targeted reason at least this strong makes the verdict LOOKALIKE.
LOOKALIKE_WEIGHT = 60
# Risk signs without a target must add up (noisy-or) to this score for SUSPICIOUS.
SUSPICIOUS_SCORE = 40


class Verdict(str, Enum):
    """What a URL is, seen from the registry. The values are stable strings."""

    OFFICIAL = "official"
    GOVERNMENT = "government"
    LOOKALIKE = "lookalike"
    SUSPICIOUS = "suspicious"
    UNRELATED = "unrelated"
    INVALID = "invalid"

    def __str__(self) -> str:
        return self.value

    def label(self, lang: str = "en") -> str:
        """The name people read: "LOOKALIKE" in English, "TIRUAN" in Bahasa Indonesia."""
        return verdict_label(self.value, lang)


@dataclass(frozen=True, slots=True, kw_only=True)
class Reason:
    """One piece of evidence. ``code`` is stable; ``message(lang)`` renders it for people."""

    code: str
    weight: int
    target: str | None = None
    matched: str = ""
    detail: str = ""

    @property
    def category(self) -> Category:
        return CATALOGUE[self.code].category

    def message(self, lang: str = "en") -> str:
        return render(self.code, lang, matched=self.matched, target=self.target, detail=self.detail)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The reason as it appears in a record's ``reasons``, its message in ``lang``."""
        return reason_record(self, lang)


def _slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot descriptors' setters of a frozen dataclass, in ``names`` order.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, which
    costs about four times a slot descriptor's own setter; the hot path builds one result per
    URL, so it fills the slots directly. Same object, same fields, still frozen afterwards.
    """
    return tuple(cls.__dict__[name].__set__ for name in names)


def make_reason(code: str, *, target: str | None = None, matched: str = "", detail: str = "",
                weight: int | None = None) -> Reason:
    """A reason with the catalogue's weight unless a check has a better one."""
    spec = CATALOGUE[code]  # KeyError here is a programming error: every code is catalogued
    reason = _new(Reason)
    set_code, set_weight, set_target, set_matched, set_detail = _REASON_SLOTS
    set_code(reason, code)
    set_weight(reason, spec.weight if weight is None else weight)
    set_target(reason, target)
    set_matched(reason, matched)
    set_detail(reason, detail)
    return reason


_new = object.__new__
_REASON_SLOTS = _slot_setters(Reason, ("code", "weight", "target", "matched", "detail"))


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckResult:
    """The answer for one URL. Frozen and picklable; ``to_dict`` is the record (docs/record.md)."""

    url: str
    verdict: Verdict
    reasons: tuple[Reason, ...]
    score: int
    target: str | None = None
    host: str | None = None
    ascii_host: str | None = None
    registrable_domain: str | None = None
    entry: Entry | None = None

    @property
    def flagged(self) -> bool:
        return self.verdict in (Verdict.LOOKALIKE, Verdict.SUSPICIOUS)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The record ``check --json`` and ``scan`` write, messages and label in ``lang``."""
        return result_record(self, lang)

    def explain(self, lang: str = "en") -> str:
        """A short text for people: the verdict, then one line per reason."""
        lang = normalise_lang(lang)
        label = verdict_label(self.verdict.value, lang)
        risk = "risiko" if lang == "id" else "risk"
        shown = self.host if self.host is not None else self.url
        lines = [f"{label} ({risk} {self.score}/100): {shown}"]
        lines.extend(f"- {reason.message(lang)}" for reason in self.reasons)
        if self.verdict is Verdict.UNRELATED:
            lines.append(
                "- Tidak mirip situs resmi mana pun; ini bukan jaminan bahwa situs ini aman."
                if lang == "id"
                else "- Resembles no official site; this is not a promise that it is safe."
            )
        return "\n".join(lines)


_RESULT_SLOTS = _slot_setters(CheckResult, (
    "url", "verdict", "reasons", "score", "target", "host", "ascii_host", "registrable_domain",
    "entry"))


def new_result(url: str, verdict: Verdict, reasons: tuple[Reason, ...], score: int,
               target: str | None, host: str | None, ascii_host: str | None,
               registrable_domain: str | None, entry: Entry | None) -> CheckResult:
    """``CheckResult(...)`` with every field given, at a quarter of the cost (see
    ``_slot_setters``): the per-URL hot path."""
    result = _new(CheckResult)
    (set_url, set_verdict, set_reasons, set_score, set_target, set_host, set_ascii,
     set_registrable, set_entry) = _RESULT_SLOTS
    set_url(result, url)
    set_verdict(result, verdict)
    set_reasons(result, reasons)
    set_score(result, score)
    set_target(result, target)
    set_host(result, host)
    set_ascii(result, ascii_host)
    set_registrable(result, registrable_domain)
    set_entry(result, entry)
    return result


def _score(reasons: Iterable[Reason]) -> int:
    # Noisy-or: each reason removes part of the remaining doubt, so adding evidence never
    # lowers the score and no pile of weak signs reaches 100.
    doubt = 1.0
    for reason in reasons:
        doubt *= 1.0 - min(max(reason.weight, 0), 100) / 100.0
    return round(100 * (1.0 - doubt))


def decide(reasons: Iterable[Reason]) -> tuple[Verdict, int, Reason | None]:
    """Turn evidence into (verdict, score, the reason that names the target).

    Precedence: invalid > official > government > lookalike > suspicious > unrelated. Official
    and government hosts keep their verdict whatever else is found (a hacked government site is
    still the government's), but their warnings still raise the score.
    """
    ordered = tuple(reasons)
    score = _score(ordered)
    categories = {reason.category for reason in ordered}
    if Category.INVALID in categories:
        return Verdict.INVALID, score, None
    if Category.OFFICIAL in categories:
        return Verdict.OFFICIAL, score, None
    if Category.GOVERNMENT in categories:
        return Verdict.GOVERNMENT, score, None
    best: Reason | None = None
    for reason in ordered:
        if reason.category is Category.TARGETED and (best is None or reason.weight > best.weight):
            best = reason
    if best is not None and best.weight >= LOOKALIKE_WEIGHT:
        return Verdict.LOOKALIKE, score, best
    if score >= SUSPICIOUS_SCORE:
        return Verdict.SUSPICIOUS, score, best
    return Verdict.UNRELATED, score, None


@dataclass(frozen=True, slots=True, kw_only=True)
class TextLink:
    """A link found in free text, where it stands, and its verdict."""

    start: int  # text[start:end] == raw
    end: int
    raw: str  # as written, possibly defanged ("dukcapil[.]com")
    url: str  # what was checked ("http://dukcapil.com"; an e-mail address's domain)
    defanged: bool
    result: CheckResult
    kind: str = "url"  # or "email": a mail address, whose domain was judged

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The result's record plus ``raw``, ``start``, ``end``, ``kind`` and ``defanged``."""
        return link_record(self, lang)
