"""Threads: a shared Checker gives every thread exactly the serial answers, and lazy data
(the default registry, its index, the suffix list, the default checker) is built once even when
many threads ask for it at the same moment on a cold start."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Final, TypeVar

import pytest

import domainguard
from domainguard import Checker, CheckResult, Registry
from domainguard.permutations import permutations

THREADS: Final = 8
URLS: Final = 20_000
T = TypeVar("T")


def _feed(count: int, seed: int = 20_000) -> list[str]:
    """A deterministic mix: official domains, lookalikes, random names, invalid strings."""
    rng = random.Random(seed)
    official = [entry.domain for entry in Registry.default()]
    lookalikes = [
        p.domain
        for target in ("dukcapil.kemendagri.go.id", "kemendagri.go.id", "bkn.go.id",
                       "indonesiabaik.id", rng.choice(official))
        for p in permutations(target, limit_per_family=30)
    ]
    invalid = ["", " ", "http://", "https://" + "a" * 64 + ".com", "xn--!!.com", "a..b",
               "https://[::1", "javascript:alert(1)", "dukcapil\x00.com", "\ud800.id",
               "https://" + "a." * 200 + "com", "foo://bar", "https://dukcapil\u202e.com"]
    letters = "abcdefghijklmnopqrstuvwxyz0123456789-"
    feed: list[str] = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.25:
            host = rng.choice(official)
            if rng.random() < 0.3:
                host = rng.choice(["www.", "layanan.", "a.b."]) + host
        elif kind < 0.6:
            host = rng.choice(lookalikes)
        elif kind < 0.9:
            host = "".join(rng.choice(letters) for _ in range(rng.randint(1, 20))).strip("-")
            host = (host or "x") + rng.choice([".com", ".id", ".my.id", ".go.id", ".xyz"])
        else:
            feed.append(rng.choice(invalid))
            continue
        scheme = rng.choice(["", "https://", "http://", "hxxps://"])
        path = rng.choice(["", "/", "/aktivasi-ikd", "/Surat%20Tilang.apk", "?next=/login"])
        feed.append(scheme + host + path)
    return feed


@pytest.fixture(scope="module")
def feed() -> list[str]:
    return _feed(URLS)


@pytest.fixture(scope="module")
def serial(feed: list[str]) -> list[CheckResult]:
    checker = Checker(Registry.default())
    return [checker.check_url(url) for url in feed]


@pytest.fixture
def busy_switching() -> Iterator[None]:
    # switch threads as often as possible, so that races have a chance to show
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def _run_threads(work: Callable[[int], T], count: int = THREADS) -> list[T]:
    """Run ``work(i)`` in ``count`` threads started together; re-raise the first failure."""
    barrier = threading.Barrier(count)
    results: list[T | None] = [None] * count
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = work(i)
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return [result for result in results if result is not None]


def test_feed_is_deterministic_and_mixed(feed: list[str], serial: list[CheckResult]) -> None:
    assert _feed(URLS) == feed
    verdicts = {result.verdict.value for result in serial}
    assert {"official", "lookalike", "unrelated", "invalid"} <= verdicts


# The tiny cache is cleared all the time while other threads read and fill it; it recomputes
# nearly every host, so it runs over the start of the feed only.
@pytest.mark.parametrize(("cache_size", "count"), [(1 << 16, URLS), (64, URLS // 10)],
                         ids=["default-cache", "tiny-cache"])
@pytest.mark.usefixtures("busy_switching")
def test_shared_checker_gives_the_serial_results(feed: list[str], serial: list[CheckResult],
                                                 cache_size: int, count: int) -> None:
    feed, serial = feed[:count], serial[:count]
    shared = Checker(Registry.default(), cache_size=cache_size)  # cold cache, shared by all

    def work(i: int) -> list[CheckResult]:
        # each thread starts at another place in the feed, so they race on different hosts
        start = i * len(feed) // THREADS
        order = [*range(start, len(feed)), *range(start)]
        results: list[CheckResult | None] = [None] * len(feed)
        for index in order:
            results[index] = shared.check_url(feed[index])
        return [r for r in results if r is not None]

    per_thread = _run_threads(work)
    assert len(per_thread) == THREADS
    for results in per_thread:
        assert len(results) == len(feed)
        pairs = zip(results, serial, strict=True)
        differing = [feed[i] for i, (mine, expected) in enumerate(pairs) if mine != expected]
        assert differing == []


@pytest.mark.usefixtures("busy_switching")
def test_check_many_under_threads(feed: list[str], serial: list[CheckResult]) -> None:
    chunk = len(feed) // THREADS

    def work(i: int) -> list[CheckResult]:
        # the module-level functions share the default checker: every thread uses it at once
        return domainguard.check_many(feed[i * chunk : (i + 1) * chunk])

    per_thread = _run_threads(work)
    combined = [result for results in per_thread for result in results]
    assert combined == serial[: chunk * THREADS]


@pytest.mark.usefixtures("busy_switching")
def test_check_text_under_threads(feed: list[str]) -> None:
    message = " ".join(feed[:1000])
    expected = Checker().check_text(message)
    results = _run_threads(lambda i: domainguard.check_text(message))
    assert all(result == expected for result in results)
    assert len(expected) > 300


@pytest.mark.usefixtures("busy_switching")
def test_index_of_a_new_registry_is_built_once() -> None:
    registry = Registry.from_domains(["klikbca.com", "dukcapil.kemendagri.go.id"])
    indexes = _run_threads(lambda i: registry.index, count=16)
    assert len({id(index) for index in indexes}) == 1


# A fresh interpreter, nothing loaded: 16 threads ask for a verdict at the same moment. Loading
# the registry, the suffix list and the index is slowed down, to widen the window for a race.
_COLD_START = """
import importlib.util, json, sys, threading, time
import domainguard
from domainguard import _index, _registry

calls = {"registry": 0, "suffixes": 0, "index": 0}
parse, find_spec, index_init = _registry.Registry._parse.__func__, importlib.util.find_spec, \\
    _index.RegistryIndex.__init__

def slow_parse(cls, *args, **kwargs):
    calls["registry"] += 1
    time.sleep(0.2)
    return parse(cls, *args, **kwargs)

def slow_find_spec(name, *args, **kwargs):
    # the suffix list is read from tldextract's data file, found once through find_spec (so it
    # is counted the same way whether _suffixes is compiled or not)
    if name == "tldextract":
        calls["suffixes"] += 1
        time.sleep(0.2)
    return find_spec(name, *args, **kwargs)

def slow_index(self, registry):
    calls["index"] += 1
    time.sleep(0.2)
    index_init(self, registry)

_registry.Registry._parse = classmethod(slow_parse)
importlib.util.find_spec = slow_find_spec
_index.RegistryIndex.__init__ = slow_index

barrier = threading.Barrier(16)
registries, checkers, verdicts = [], [], []

def work():
    barrier.wait()
    verdicts.append(domainguard.check_url("https://dukcapil-kemendagri.com/x").verdict.value)
    registries.append(id(_registry.Registry.default()))
    checkers.append(id(domainguard._checker()))

threads = [threading.Thread(target=work) for _ in range(16)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps({"calls": calls, "registries": len(set(registries)),
                  "checkers": len(set(checkers)), "verdicts": sorted(set(verdicts)),
                  "answers": len(verdicts)}))
"""


def test_cold_start_from_many_threads_builds_everything_once() -> None:
    done = subprocess.run([sys.executable, "-c", _COLD_START], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report == {"calls": {"registry": 1, "suffixes": 1, "index": 1}, "registries": 1,
                      "checkers": 1, "verdicts": ["lookalike"], "answers": 16}
