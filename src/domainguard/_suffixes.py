"""The Public Suffix List, offline: which part of a host is a public suffix, and who runs it.

Rules come from the PSL snapshot bundled with tldextract (its data file, read the way tldextract
reads it but without importing tldextract, which pulls in requests: no network, no cache
directory) plus ``data/psl_supplement.txt`` for suffixes newer than that snapshot. Matching is
our own dictionary walk over ASCII labels, so the hot path costs a few set lookups. Nothing is
loaded until the first call.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import os
import re
import threading
from dataclasses import dataclass
from typing import Final

import can_ada

from domainguard._errors import DataError

__all__ = ["SuffixMatch", "psl_version", "split_suffix", "under_wildcard"]

_SUPPLEMENT: Final = "psl_supplement.txt"
_SNAPSHOT: Final = ".tld_set_snapshot"
_REPAIR: Final = "reinstall it with: pip install --force-reinstall 'tldextract>=5.1,<6'"
_PRIVATE_MARK: Final = "// ===BEGIN PRIVATE DOMAINS==="
# A rule is the first word of a line that is not a comment (tldextract's own pattern).
_RULE: Final = re.compile(r"^([.*!]*\w\S*)", re.UNICODE | re.MULTILINE)


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
    # one-label suffixes with no wildcard under them (com, id, xyz): a host ending in one is
    # settled by a single lookup of its last two labels (most hosts)
    simple: frozenset[str]
    version: str


_lock = threading.Lock()
_rules: _Rules | None = None


def _label_to_ascii(label: str) -> str:
    # Ada's IDNA encoder is C++ and about six times faster than Python's punycode codec, which
    # matters for the list's ~450 Unicode rules on the first check; the codec stays the fallback
    try:
        encoded = can_ada.idna_encode(label).decode("ascii")
    except (UnicodeError, ValueError):
        encoded = ""
    return encoded or "xn--" + label.encode("punycode").decode("ascii")


def _to_ascii(rule: str) -> str:
    if rule.isascii():
        return rule.lower()
    return ".".join(
        label if label.isascii() else _label_to_ascii(label) for label in rule.lower().split(".")
    )


def _snapshot() -> str:
    """tldextract's bundled PSL snapshot, read without importing tldextract (and requests)."""
    # Why not tldextract's API: TLDExtract(cache_dir=None, suffix_list_urls=()) is offline and
    # writes nothing, but importing tldextract takes ~200 ms and imports requests and urllib3
    # (which probe an IPv6 socket); the file it reads is the same, and tests/test_scale.py
    # checks that our reading of it equals tldextract's own.
    spec = importlib.util.find_spec("tldextract")  # finds the package, does not run it
    if spec is None or not spec.submodule_search_locations:
        raise DataError("the Public Suffix List comes from the tldextract package, which is not "
                        f"installed: {_REPAIR}")
    path = os.path.join(next(iter(spec.submodule_search_locations)), _SNAPSHOT)
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError as e:
        raise DataError(f"cannot read the Public Suffix List snapshot that tldextract ships "
                        f"({path}: {e.strerror}): {_REPAIR}") from e


def _rules_of(text: str) -> set[str]:
    """The rules of one section of the list, read as tldextract reads them."""
    rules = set(_RULE.findall(text))
    unicode = [rule for rule in rules if not rule.isascii() or not rule.islower()]
    rules.difference_update(unicode)  # the rest are already as the matcher wants them
    rules.update(map(_to_ascii, unicode))
    return rules


def _load() -> _Rules:
    text = _snapshot()
    public_text, _, private_text = text.partition(_PRIVATE_MARK)
    public = _rules_of(public_text)
    private = _rules_of(private_text) - public
    everything = public | private
    data = importlib.resources.files("domainguard") / "data" / _SUPPLEMENT
    for line in data.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rule, section = line.split()
            everything.add(_to_ascii(rule))
            if section == "private":
                private.add(_to_ascii(rule))
    version = "unknown"
    for line in text[:4096].splitlines():
        if line.startswith("// VERSION:"):
            version = line.split(":", 1)[1].strip()
            break
    # most rules are plain: split off the few wildcard and exception ones first
    marked = [r for r in everything if r[0] in "*!"]
    exact = frozenset(everything.difference(marked))
    wildcard = frozenset(r[2:] for r in marked if r.startswith("*."))
    exception = frozenset(r[1:] for r in marked if r.startswith("!"))
    tails = set(exact | wildcard | exception)
    for rule in tuple(tails):
        dot = rule.find(".")
        while dot != -1:
            rule = rule[dot + 1 :]
            if rule in tails:
                break  # a rule itself, or added with its own tails already
            tails.add(rule)
            dot = rule.find(".")
    return _Rules(
        exact=exact,
        wildcard=wildcard,
        exception=exception,
        private=frozenset(private),
        tails=frozenset(tails),
        simple=frozenset(r for r in exact if "." not in r and r not in wildcard),
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


def _match(index: int, private: bool, known: bool) -> SuffixMatch:
    """One shared (frozen) SuffixMatch per outcome: building one costs more than finding it."""
    key = (index, private, known)
    match = _matches.get(key)
    if match is None:
        match = _matches.setdefault(key, SuffixMatch(index, private, known))
    return match


_matches: dict[tuple[int, bool, bool], SuffixMatch] = {}


def split_suffix(labels: tuple[str, ...]) -> SuffixMatch:
    """Find the public suffix of lowercase ASCII ``labels`` (longest matching rule wins)."""
    rules = _rules if _rules is not None else _get()
    count = len(labels)
    if not count:
        return _match(0, False, False)
    exact, wildcard, private, tails = rules.exact, rules.wildcard, rules.private, rules.tails
    last = labels[-1]
    if count > 1 and last in rules.simple and f"{labels[-2]}.{last}" not in tails:
        # what the walk below finds in two steps: no rule is longer than this suffix
        return _match(count - 1, last in private, True)
    # Walk from the right, growing the candidate one label at a time; stop as soon as no rule
    # ends with it. Usually two or three set lookups.
    best = -1
    best_private = False
    candidate = ""
    for index in range(count - 1, -1, -1):
        parent = candidate
        candidate = labels[index] if not parent else f"{labels[index]}.{parent}"
        if candidate in rules.exception:
            return _match(index + 1, parent in private, True)
        if candidate in exact:
            best, best_private = index, candidate in private
        elif parent and parent in wildcard:
            best, best_private = index, f"*.{parent}" in private
        if candidate not in tails and parent not in wildcard:
            break
    if best >= 0:
        return _match(best, best_private, True)
    # The PSL's default rule "*": an unknown TLD is its own suffix.
    return _match(count - 1, False, False)


def under_wildcard(labels: tuple[str, ...]) -> bool:
    """Is ``labels[0]`` a suffix only by a wildcard rule on the rest (*.my.canva.site)?"""
    rules = _rules if _rules is not None else _get()
    return len(labels) > 1 and ".".join(labels[1:]) in rules.wildcard
