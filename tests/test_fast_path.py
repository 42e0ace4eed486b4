"""The fast path changes no answer (``_screen``), nor does checking stage by stage
(``check_many``), and the near-name signatures change no look-up.

The golden feed is the benchmark's own (``benchmarks/golden.py``, 200,000 hosts there): here a
sample of each of its sources, real hosts first, with the bundled registry, with the brands'
registry of the real-world data, and with a registry about as big as a screen is built for.
"""

from __future__ import annotations

import random
import sys
from functools import cache
from pathlib import Path

import pytest

from domainguard import Checker, Registry
from domainguard._checker import BATCH
from domainguard._checks.combos import check_combos
from domainguard._checks.context import check_context
from domainguard._checks.embedding import check_embedding
from domainguard._host import Host, analyse_host
from domainguard._near import NearIndex, _key_of, deletes, probes
from domainguard._screen import SCREEN_AFTER, Screen
from domainguard._skeleton import skeleton
from domainguard._url import URLProblem, parse_url
from domainguard.permutations import permutations

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import golden
import throughput


@cache
def _registry(kind: str) -> Registry:
    if kind == "huge":  # past the size a screen is built for
        return Registry.from_domains(throughput.realistic_registry_domains(22_000))
    return golden.make_registry(kind)  # "big": about the most a screen is built for


def _hosts(feed: list[str]) -> list[Host]:
    found = []
    for url in feed:
        parsed = parse_url(url)
        if isinstance(parsed, URLProblem):
            continue
        host = analyse_host(parsed.hostname)
        if not isinstance(host, URLProblem):
            found.append(host)
    return found


@pytest.mark.parametrize(("kind", "each"), [("bundled", 5_000), ("brands", 2_000),
                                            ("big", 1_000)])
def test_fast_path_gives_the_same_records(kind: str, each: int) -> None:
    registry = _registry(kind)
    feed = golden.golden_feed(4 * each, registry, each=each)
    assert len(feed) > SCREEN_AFTER  # the screen is built on the way
    fast = Checker(registry, fast_path=True).check_many(feed)
    slow = Checker(registry, fast_path=False).check_many(feed)
    different = [url for url, a, b in zip(feed, fast, slow, strict=True)
                 if golden.record(a) != golden.record(b)]
    assert different == []
    screen = registry.index.screen
    assert screen is not None
    quiet = sum(screen.quiet(host) for host in _hosts(feed))
    assert quiet > len(feed) // 10  # the screen settles a real share of the feed


@pytest.mark.parametrize("kind", ["bundled", "brands"])
def test_checking_stage_by_stage_gives_the_same_records(kind: str) -> None:
    """check_many runs the pipeline stage by stage over batches of URLs; check_url runs it for
    one URL at a time: the same records, real hosts and lookalikes first."""
    registry = _registry(kind)
    feed = golden.golden_feed(6_000, registry, each=1_500)
    assert len(feed) > 4 * BATCH  # several batches
    staged = Checker(registry).check_many(feed)
    checker = Checker(registry)
    one_by_one = [checker.check_url(url) for url in feed]
    different = [url for url, a, b in zip(feed, staged, one_by_one, strict=True)
                 if golden.record(a) != golden.record(b)]
    assert different == []
    assert staged == one_by_one


@pytest.mark.parametrize("kind", ["bundled", "big"])
def test_a_quiet_host_is_one_the_three_checks_find_nothing_in(kind: str) -> None:
    """The screen's promise, checked directly: also where a name check found a target first
    (then the checker skips whole-host reading anyway, and the equal records above would not
    show a wrong screen)."""
    registry = _registry(kind)
    index = registry.index
    screen = Screen(index)
    feed = golden.golden_feed(4_000, registry, each=1_000)
    broken = [host.ascii for host in _hosts(feed) if screen.quiet(host) and (
        check_combos(host, index) or check_embedding(host, index) or check_context(host, index))]
    assert broken == []


@pytest.mark.parametrize("host", [
    "kemendagri.go.id.verify.com",     # embedding
    "cek-kk.com",                      # a two-letter civil word, whole
    "cpns2026-daftar.xyz",             # a number after a service word
    "kemen-dagri-login.com",           # a brand across two words
    "d4na-kaget.my.id",                # an alias in disguise (context)
    "bkn-login.net",                   # a short brand, whole
    "bantuan-sosial-resmi.online",     # vocabulary only
    "www.capil-purbalingga.org",       # a civil word beside a region
])
def test_hosts_the_checks_read_are_never_quiet(host: str) -> None:
    index = Registry.default().index
    found = analyse_host(host)
    assert not isinstance(found, URLProblem)
    assert not Screen(index).quiet(found)


def test_a_huge_registry_has_no_screen() -> None:
    registry = _registry("huge")
    feed = golden.golden_feed(2 * SCREEN_AFTER, registry, each=SCREEN_AFTER // 2)
    fast = Checker(registry, fast_path=True).check_many(feed)
    assert registry.index.screen is None
    assert [golden.record(r) for r in fast] == [
        golden.record(r) for r in Checker(registry, fast_path=False).check_many(feed)]


def test_fast_path_survives_pickling() -> None:
    import pickle

    checker = pickle.loads(pickle.dumps(Checker(fast_path=False)))
    assert checker.check_url("kemendgari.id").flagged


def _reference(by_key: dict[str, set[str]], text: str) -> set[str]:
    """The names sharing a key with ``text``, from every name's keys (no signature, no table)."""
    found: set[str] = set()
    for key in probes(text):
        found |= by_key.get(key, set())
    return found


@pytest.mark.parametrize("size", [300, 6_000])  # a dict, and past _DICT_KEYS the table
def test_near_signatures_never_change_an_answer(size: int) -> None:
    rng = random.Random(size)
    letters = "abdegiklmnoprstuy"
    names = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(5, 14)))
                    for _ in range(size)})
    index = NearIndex(expected=len(names))
    for name in names:
        index.add(name)
    index.freeze()
    by_key: dict[str, set[str]] = {}
    for name in names:
        for key in deletes(name):
            by_key.setdefault(key, set()).add(name)
    queries = [*rng.sample(names, 200)]
    for name in rng.sample(names, 100):  # slips of every kind, near and far
        queries.extend(skeleton(p.domain.split(".")[0])
                       for p in permutations(name + ".com", limit_per_family=1))
    queries.extend("".join(rng.choice(letters) for _ in range(rng.randint(3, 16)))
                   for _ in range(2_000))
    wrong = [q for q in queries if index.near(q) != _reference(by_key, q)]
    assert wrong == []
    # the small index rules queries out by its signatures themselves, the big one by a bitmap
    assert (index._ends is not None, index._table is not None) == (size == 300, size != 300)


def test_a_big_index_confirms_a_key_as_deletes_would() -> None:
    # a 32-bit hash match is confirmed against the name without building its keys: runs of a
    # letter (several deletions give one key), consonant keys, keys of other lengths
    rng = random.Random(7)
    words = ["".join(rng.choice("aabkkmoo") for _ in range(rng.randint(1, 12)))
             for _ in range(400)]
    for name in words:
        for query in [*rng.sample(words, 20), name, name + "a", name[1:], name[::-1]]:
            for key in probes(query):
                assert _key_of(key, name) == (key in deletes(name)), (key, name)
