"""The Public Suffix List, offline: which part of a host is a public suffix, and who runs it.

Rules come from the PSL snapshot bundled with tldextract (read through tldextract's offline
constructor: no network fetch, no cache directory) plus ``data/psl_supplement.txt`` for
suffixes newer than that snapshot. Matching is our own dictionary walk over ASCII labels, so
the hot path costs a few set lookups. Nothing is loaded until the first call.
"""

from __future__ import annotations

import importlib.resources
import threading
from dataclasses import dataclass
from typing import Final

import idna

__all__ = ["SuffixMatch", "psl_version", "split_suffix"]

_SUPPLEMENT: Final = "psl_supplement.txt"


@dataclass(frozen=True, slots=True)
class SuffixMatch:
    """Where the public suffix starts in a label list, and whether a company runs it."""

    index: int  # labels[index:] is the suffix; len(labels) when there is none (IP, bare label)
    private: bool  # from the PSL's private section: blogspot.com, github.io, ...
    known: bool  # False when only the PSL's default rule "*" applied (unknown TLD)


@dataclass(frozen=True, slots=True)
class _Rules:
    exact: frozenset[str]
    wildcard: frozenset[str]  # "ck" for the rule "*.ck"
    exception: frozenset[str]  # "www.ck" for the rule "!www.ck"
    private: frozenset[str]  # rules (in the forms above) from the private section
    tails: frozenset[str]  # every label-boundary tail of any rule: lets the walk stop early
    version: str


_lock = threading.Lock()
_rules: _Rules | None = None


def _to_ascii(rule: str) -> str:
    if rule.isascii():
        return rule.lower()
    return ".".join(
        label if label == "*" else idna.encode(label, uts46=True).decode("ascii")
        for label in rule.split(".")
    )


def _load() -> _Rules:
    # tldextract imports requests (~100 ms), so it is imported on first use, never at import.
    import tldextract

    def suffixes(private: bool) -> set[str]:
        extractor = tldextract.TLDExtract(
            cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True,
            include_psl_private_domains=private,
        )
        return {_to_ascii(rule) for rule in extractor.tlds}

    everything = suffixes(True)
    private = everything - suffixes(False)
    data = importlib.resources.files("domainguard").joinpath("data", _SUPPLEMENT)
    for line in data.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rule, section = line.split()
            everything.add(_to_ascii(rule))
            if section == "private":
                private.add(_to_ascii(rule))
    snapshot = importlib.resources.files("tldextract").joinpath(".tld_set_snapshot")
    version = "unknown"
    with snapshot.open("r", encoding="utf-8") as handle:
        for _, line in zip(range(50), handle):
            if line.startswith("// VERSION:"):
                version = line.split(":", 1)[1].strip()
                break
    exact = frozenset(r for r in everything if r[0] not in "*!")
    wildcard = frozenset(r[2:] for r in everything if r.startswith("*."))
    exception = frozenset(r[1:] for r in everything if r.startswith("!"))
    tails: set[str] = set()
    for rule in exact | wildcard | exception:
        parts = rule.split(".")
        tails.update(".".join(parts[i:]) for i in range(len(parts)))
    return _Rules(
        exact=exact,
        wildcard=wildcard,
        exception=exception,
        private=frozenset(private),
        tails=frozenset(tails),
        version=f"PSL {version} (tldextract snapshot) + .id section of 2026-08-19",
    )


def _get() -> _Rules:
    global _rules
    rules = _rules
    if rules is None:
        with _lock:  # build once even when many threads ask at the same moment
            if _rules is None:
                _rules = _load()
            rules = _rules
    return rules


def psl_version() -> str:
    return _get().version


def split_suffix(labels: tuple[str, ...]) -> SuffixMatch:
    """Find the public suffix of lowercase ASCII ``labels`` (longest matching rule wins)."""
    rules = _get()
    count = len(labels)
    if not count:
        return SuffixMatch(0, False, False)
    # Walk from the right, growing the candidate one label at a time; stop as soon as no rule
    # ends with it. Usually two or three set lookups.
    best: SuffixMatch | None = None
    candidate = ""
    for index in range(count - 1, -1, -1):
        parent = candidate
        candidate = labels[index] if not parent else f"{labels[index]}.{parent}"
        if candidate in rules.exception:
            return SuffixMatch(index + 1, parent in rules.private, True)
        if candidate in rules.exact:
            best = SuffixMatch(index, candidate in rules.private, True)
        elif parent and parent in rules.wildcard:
            best = SuffixMatch(index, f"*.{parent}" in rules.private, True)
        if candidate not in rules.tails and parent not in rules.wildcard:
            break
    if best is not None:
        return best
    # The PSL's default rule "*": an unknown TLD is its own suffix.
    return SuffixMatch(count - 1, False, False)
