"""The Checker: runs the pipeline (URL → host → evidence → verdict) against one registry.

Evidence about a host depends only on the host and the registry, so it is computed once per
distinct host and cached (bounded); URL-level signals are cheap and computed per URL. A Checker
is safe to share between threads and picklable (the cache is not pickled).

The pipeline runs stage by stage over a batch of URLs: every URL parsed, then every host split,
then each check over every host that needs it, rather than URL by URL. Each stage's code and
tables then stay in the processor's caches while it runs, which makes ``check_many`` on a feed
of distinct hosts markedly cheaper (docs/performance.md). The answers are the same: a stage
works on each host alone, and each host's reasons are gathered in the same order.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Final

from domainguard._checks.combos import check_combos
from domainguard._checks.context import abused_ending, check_context
from domainguard._checks.embedding import check_embedding
from domainguard._checks.names import check_names
from domainguard._checks.spoof import check_spoof
from domainguard._checks.url import check_url_signals
from domainguard._host import Host, analyse_host
from domainguard._index import RegistryIndex
from domainguard._messages import Category
from domainguard._registry import Entry, Registry
from domainguard._screen import COMPILED, screen
from domainguard._url import DANGEROUS_SCHEMES, ParsedURL, URLProblem, mail_domain, parse_url
from domainguard._verdict import (
    CheckResult,
    Reason,
    TextLink,
    Verdict,
    decide,
    make_reason,
    new_result,
)

__all__ = ["Checker", "Resolver"]

# A resolver turns a shortened link into its destination (or None); domainguard never
# touches the network itself, so following a shortener is the caller's choice and code.
Resolver = Callable[[str], "str | None"]
# Hosts whose evidence is kept. Flagged hosts keep their reasons: with a 100,000-domain registry
# (many flagged hosts) 65,536 of them held about 10 MB more than 16,384, measured as peak RSS.
DEFAULT_CACHE: Final = 1 << 15
_GENERIC_WHEN_TARGETED: Final = frozenset({"government_suffix_in_name", "service_word_in_name"})
# Distinct URLs check_many takes through the pipeline together (module docstring): enough for
# each stage to stay in the processor's caches, few enough that a batch's parsed URLs and hosts
# take little memory
BATCH: Final = 256


class _Evidence:
    """What is known about one host: its reasons and the registry entries it relates to."""

    __slots__ = ("decided", "government", "official", "reasons")

    def __init__(self, reasons: tuple[Reason, ...], official: Entry | None,
                 government: Entry | None) -> None:
        self.reasons = reasons
        self.official = official
        self.government = government
        # (verdict, score, target, entry) from these reasons alone, once needed: a URL that
        # adds no signal of its own reuses it
        self.decided: tuple[Verdict, int, str | None, Entry | None] | None = None


# Most hosts of a feed relate to nothing: they share one evidence object (and its decision).
_NOTHING: Final = _Evidence((), None, None)


def _ordered(reasons: Iterable[Reason]) -> tuple[Reason, ...]:
    """Strongest first, one reason per (code, target), stable otherwise."""
    seen: set[tuple[str, str | None]] = set()
    unique = []
    for reason in reasons:
        key = (reason.code, reason.target)
        if key not in seen:
            seen.add(key)
            unique.append(reason)
    return tuple(sorted(unique, key=lambda r: -r.weight))


class Checker:
    """Checks URLs against a registry (the bundled one unless another is given)."""

    __slots__ = ("_cache", "_cache_size", "_fast_path", "_lock", "_registry", "_resolver")

    def __init__(self, registry: Registry | None = None, *, resolver: Resolver | None = None,
                 cache_size: int = DEFAULT_CACHE, fast_path: bool | None = None) -> None:
        """``fast_path``: skip the checks a host's words show to be needless (``_screen``);
        the answers are the same either way. By default it is on where it saves time, the
        pure-Python build, and off in the compiled one, where those checks' own prefilters
        cost less than the screen (docs/performance.md)."""
        if registry is not None and not isinstance(registry, Registry):
            raise TypeError(f"registry must be a Registry, not {type(registry).__name__}")
        self._registry = registry
        self._resolver = resolver
        self._cache_size = cache_size
        self._fast_path = not COMPILED if fast_path is None else fast_path
        self._cache: dict[str, _Evidence] = {}
        self._lock = threading.Lock()

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_checker, (self._registry, self._resolver, self._cache_size,
                                   self._fast_path))

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = Registry.default()
        return self._registry

    # ---- public ------------------------------------------------------------------------------
    def check_url(self, url: str) -> CheckResult:
        """Judge one URL or host name. Any ``str`` gets a result; other types raise TypeError."""
        if not isinstance(url, str):
            raise TypeError(f"url must be str, not {type(url).__name__}")
        return self._finish(url, self._check(url))

    def check_many(self, urls: Iterable[str]) -> list[CheckResult]:
        """One result per input, in order; repeated inputs are judged once. Cheaper per URL
        than ``check_url`` in a loop: the pipeline runs stage by stage over batches of URLs."""
        if isinstance(urls, str):
            raise TypeError("check_many takes an iterable of URLs, not a single str")
        done: dict[str, CheckResult] = {}
        batch: dict[str, None] = {}  # distinct URLs waiting to be judged, in input order
        order: list[str] = []
        for url in urls:
            if not isinstance(url, str):
                raise TypeError(f"url must be str, not {type(url).__name__}")
            order.append(url)
            if url not in done and url not in batch:
                batch[url] = None
                if len(batch) == BATCH:
                    self._judge(list(batch), done)
                    batch.clear()
        self._judge(list(batch), done)
        return [done[url] for url in order]

    def check_text(self, text: str) -> list[TextLink]:
        """Every link in free text (a chat message, an SMS), with where it stands and a verdict."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        from domainguard._text import find_links

        return [
            TextLink(start=span.start, end=span.end, raw=span.raw, url=span.url,
                     defanged=span.defanged, result=self.check_url(span.url), kind=span.kind)
            for span in find_links(text)
        ]

    # ---- pipeline ----------------------------------------------------------------------------
    def _judge(self, urls: list[str], done: dict[str, CheckResult]) -> None:
        for url, result in zip(urls, self._check_all(urls), strict=True):
            done[url] = self._finish(url, result)

    def _finish(self, url: str, result: CheckResult) -> CheckResult:
        """What a URL's own result leads to: the mailbox of an e-mail address, the destination
        of a shortened link."""
        if "@" in url and result.reasons and any(
                r.code == "userinfo_in_url" for r in result.reasons):
            result = self._mail(url, result)
        resolver = self._resolver
        if resolver is not None and any(r.code == "url_shortener" for r in result.reasons):
            result = self._follow(url, result, resolver)
        return result

    def _check(self, url: str) -> CheckResult:
        """A URL's result, before ``_finish``."""
        parsed = parse_url(url)
        host = _host_of(parsed)
        if not isinstance(host, Host):
            return _unchecked(url, parsed, host)
        evidence = self._cache.get(host.ascii)
        if evidence is None:
            evidence = self._gather(host)
            self._keep(host.ascii, evidence)
        return self._result(url, parsed, host, evidence)

    def _check_all(self, urls: list[str]) -> list[CheckResult]:
        """``_check`` of each URL, stage by stage (module docstring)."""
        parsed = [parse_url(url) for url in urls]
        hosts = [_host_of(url) for url in parsed]
        evidence = self._evidence_all([host for host in hosts if isinstance(host, Host)])
        return [self._result(url, seen, host, next(evidence)) if isinstance(host, Host)
                else _unchecked(url, seen, host)
                for url, seen, host in zip(urls, parsed, hosts, strict=True)]

    def _result(self, url: str, parsed: ParsedURL | URLProblem, host: Host,
                evidence: _Evidence) -> CheckResult:
        assert isinstance(parsed, ParsedURL)  # a host was found in it
        registry = self.registry
        signals = check_url_signals(parsed, host, registry.index,
                                    official=evidence.official is not None,
                                    government=evidence.government is not None)
        if signals:
            reasons = _ordered((*evidence.reasons, *signals))
            verdict, score, target, entry = _decided(reasons, evidence, registry)
        else:
            reasons = evidence.reasons
            decided = evidence.decided
            if decided is None:
                decided = evidence.decided = _decided(reasons, evidence, registry)
            verdict, score, target, entry = decided
        return new_result(url, verdict, reasons, score, target, host.unicode, host.ascii,
                          host.registrable or None, entry)

    def _evidence_all(self, hosts: list[Host]) -> Iterator[_Evidence]:
        """Each host's evidence, in order: from the cache, or gathered for the hosts it lacks
        (each distinct host once) and kept."""
        cache = self._cache
        known = [cache.get(host.ascii) for host in hosts]
        missing = {host.ascii: host for host, evidence in zip(hosts, known, strict=True)
                   if evidence is None}
        if missing:
            gathered = dict(zip(missing, self._gather_all(list(missing.values())),
                                strict=True))
            for key, evidence in gathered.items():
                self._keep(key, evidence)
            return (gathered[host.ascii] if evidence is None else evidence
                    for host, evidence in zip(hosts, known, strict=True))
        return (evidence for evidence in known if evidence is not None)

    def _keep(self, key: str, evidence: _Evidence) -> None:
        cache = self._cache
        if len(cache) >= self._cache_size:
            with self._lock:
                if len(cache) >= self._cache_size:
                    # bounded memory on endless feeds: forget the older half (insertion order)
                    for old in list(islice(cache, len(cache) // 2 or 1)):
                        cache.pop(old, None)
        cache[key] = evidence

    def _registered(self, host: Host) -> _Evidence | None:
        """The evidence of a host the registry itself answers for: an official host, a name
        under an official host's registered domain, a protected namespace; else None."""
        registry = self.registry
        official = registry.match(host.ascii, host.registrable)
        if official is not None:
            code = "official_domain" if official.domain == host.ascii else "official_subdomain"
            detail = official.name or official.kind
            reason = make_reason(code, target=official.domain, matched=host.unicode,
                                 detail=detail)
            return _Evidence((reason,), official, None)
        owner = registry.owner(host.registrable) if not host.private_suffix else None
        if owner is not None:
            # a name under a listed host's registered domain is its owner's, never a copy
            reason = make_reason("official_sibling", target=owner.domain,
                                 matched=host.unicode, detail=host.registrable)
            return _Evidence((reason,), owner, None)
        protected = registry.protected_suffix(host.ascii)
        if protected is not None:
            reasons = [make_reason("government_namespace", target=protected.domain,
                                   matched=host.unicode)]
            # a near miss inside go.id is information, never an attack: only the state
            # registers there
            reasons.extend(
                make_reason("resembles_official", target=r.target, matched=host.unicode,
                            detail=r.code)
                for r in check_names(host, registry.index)
                if r.category is Category.TARGETED
            )
            return _Evidence(_ordered(reasons), None, protected)
        return None

    def _gather(self, host: Host) -> _Evidence:
        """One host's evidence: the checks in turn. (``_gather_all`` runs the same checks in
        the same order over many hosts; kept apart, its stages cost one host too much.)"""
        if host.ip:
            return _NOTHING  # an IP address has nothing for the checks to read
        registered = self._registered(host)
        if registered is not None:
            return registered
        index = self.registry.index
        found = list(check_names(host, index))
        quiet = self._quiet(host, index)
        if not quiet:
            found.extend(check_embedding(host, index))
            found.extend(check_combos(host, index))
            found.extend(check_spoof(host))
        targeted = any(r.category is Category.TARGETED for r in found)
        if targeted:
            # a target is named already: the ending is all that whole-host reading would add
            # for it, and reading is the costly part
            found.extend(abused_ending(host, index))
        elif not quiet:
            # the whole host weighed at once: names in disguise, glued or off their domain
            context = check_context(host, index)
            found.extend(context)
            targeted = any(r.category is Category.TARGETED for r in context)
        return _evidence(host, found, targeted)

    def _gather_all(self, hosts: list[Host]) -> list[_Evidence]:
        """``_gather`` of each host, stage by stage: every check runs over all the hosts that
        need it before the next one starts, adding to each host's reasons in the same order."""
        gathered = [_NOTHING if host.ip else self._registered(host) for host in hosts]
        todo = [host for host, evidence in zip(hosts, gathered, strict=True)
                if evidence is None]
        index = self.registry.index
        found = [list(check_names(host, index)) for host in todo]
        quiet = [self._quiet(host, index) for host in todo]
        for check in (check_embedding, check_combos):
            for host, reasons, settled in zip(todo, found, quiet, strict=True):
                if not settled:
                    reasons.extend(check(host, index))
        for host, reasons, settled in zip(todo, found, quiet, strict=True):
            if not settled:
                reasons.extend(check_spoof(host))
        targeted = [any(r.category is Category.TARGETED for r in reasons) for reasons in found]
        for host, reasons, named in zip(todo, found, targeted, strict=True):
            if named:
                reasons.extend(abused_ending(host, index))
        for i, (host, reasons, settled) in enumerate(zip(todo, found, quiet, strict=True)):
            if not targeted[i] and not settled:
                context = check_context(host, index)
                reasons.extend(context)
                targeted[i] = any(r.category is Category.TARGETED for r in context)
        checked = (_evidence(host, reasons, named)
                   for host, reasons, named in zip(todo, found, targeted, strict=True))
        return [next(checked) if evidence is None else evidence for evidence in gathered]

    def _quiet(self, host: Host, index: RegistryIndex) -> bool:
        """The fast path: most hosts hold no word that combos, embedding or whole-host reading
        could read (``_screen``)."""
        proof = screen(index) if self._fast_path else None
        return proof is not None and proof.quiet(host)

    def _mail(self, url: str, as_url: CheckResult) -> CheckResult:
        """A bare e-mail address judged by its domain, unless what stands before the "@" spells
        an official host (``kemendagri.go.id@evil.com``): that is the userinfo trick, kept."""
        domain = mail_domain(url)
        if domain is None or any(r.code == "official_name_in_userinfo" for r in as_url.reasons):
            return as_url
        final = self._check(domain)
        if final.verdict is Verdict.INVALID:
            return as_url
        note = make_reason("email_address", target=final.host, matched=url.strip())
        return new_result(url, final.verdict, (*final.reasons, note), final.score, final.target,
                          final.host, final.ascii_host, final.registrable_domain, final.entry)

    def _follow(self, url: str, shortened: CheckResult, resolver: Resolver) -> CheckResult:
        """Judge a shortened link by its destination, as resolved by the caller's code."""
        try:
            destination = resolver(url)
        except Exception:  # a failing resolver must not break the check
            return shortened
        if not isinstance(destination, str) or not destination:
            return shortened
        final = self._check(destination)
        note = make_reason("url_shortener", matched=shortened.ascii_host or url,
                           detail=destination[:200], weight=0)
        reasons = _ordered((*final.reasons, note))
        verdict, score, _ = decide(reasons)
        if final.verdict in (Verdict.OFFICIAL, Verdict.GOVERNMENT, Verdict.INVALID):
            verdict = final.verdict
        return CheckResult(url=url, verdict=verdict, reasons=reasons, score=score,
                           target=final.target, host=final.host, ascii_host=final.ascii_host,
                           registrable_domain=final.registrable_domain, entry=final.entry)


def _evidence(host: Host, found: list[Reason], targeted: bool) -> _Evidence:
    """A checked host's evidence from the checks' reasons."""
    if targeted:
        # generic signs are redundant once a specific target is named
        found = [r for r in found if r.code not in _GENERIC_WHEN_TARGETED]
    if not host.suffix_known and host.suffix_index < len(host.labels):
        found.append(make_reason("unknown_suffix", matched=host.unicode, detail=host.suffix))
    return _Evidence(_ordered(found), None, None) if found else _NOTHING


def _host_of(parsed: ParsedURL | URLProblem) -> Host | URLProblem | None:
    """The host to check in a parsed URL; None for no URL, or a javascript: or data: one."""
    if isinstance(parsed, URLProblem) or parsed.scheme in DANGEROUS_SCHEMES:
        return None
    return analyse_host(parsed.hostname)


def _unchecked(url: str, parsed: ParsedURL | URLProblem, host: URLProblem | None
               ) -> CheckResult:
    """The result of a URL with no host to check: not a URL, a broken host, or a dangerous
    scheme (javascript:, data:), dangerous whatever it holds."""
    problem = parsed if isinstance(parsed, URLProblem) else host
    if problem is not None:
        reason = make_reason(problem.code, matched=problem.matched, detail=problem.detail)
        return CheckResult(url=url, verdict=Verdict.INVALID, reasons=(reason,), score=0)
    assert isinstance(parsed, ParsedURL)
    reason = make_reason("dangerous_scheme", matched=parsed.scheme)
    verdict, score, _ = decide((reason,))
    return CheckResult(url=url, verdict=verdict, reasons=(reason,), score=score,
                       host=parsed.hostname or None, ascii_host=parsed.hostname or None)


def _decided(reasons: tuple[Reason, ...], evidence: _Evidence, registry: Registry
             ) -> tuple[Verdict, int, str | None, Entry | None]:
    verdict, score, best = decide(reasons)
    target = best.target if best is not None and verdict in (
        Verdict.LOOKALIKE, Verdict.SUSPICIOUS) else None
    entry = evidence.official
    if entry is None and target is not None:
        entry = registry.get(target)
    if entry is None and verdict is Verdict.OFFICIAL:
        # an official channel found in the URL itself (an app's store page)
        entry = next((registry.get(r.target) for r in reasons
                      if r.category is Category.OFFICIAL and r.target), None)
    return verdict, score, target, entry


def _rebuild_checker(registry: Registry | None, resolver: Resolver | None,
                     cache_size: int, fast_path: bool | None = None) -> Checker:
    return Checker(registry, resolver=resolver, cache_size=cache_size, fast_path=fast_path)
