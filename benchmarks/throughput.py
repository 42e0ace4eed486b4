"""Speed and scale: URLs per second, the floor, registry size, import time and peak memory.

    python benchmarks/throughput.py [--urls N] [--big N] [--repeat K] [--quick]

Prints one table. Every figure comes from this run on this machine:

* a deterministic synthetic feed (``--urls``, default 120,000 lines): random names, Indonesian
  words and region names, lookalikes from ``domainguard.permutations`` of registry domains,
  registry domains and their subdomains, full URLs with paths, and invalid lines;
* URLs/s for ``Checker.check_url`` in a loop and for ``Checker.check_many`` (a fresh Checker each
  time: a cold evidence cache; the registry's index is built beforehand and timed separately);
* the **floor**: the same feed through a bare pipeline (parse the host with can-ada, split the
  registrable domain with an offline ``tldextract.TLDExtract``, rapidfuzz ``process.cdist`` of
  the registrable labels against the registry's labels, one worker) and ``check_many``'s time
  as a multiple of the floor's;
* per-URL cost with a synthetic go.id-like registry of 1,000 and of ``--big`` (default 100,000)
  domains, on the same feed, and their ratio;
* ``import domainguard`` and the first ``check_url`` (registry, suffix list and index built on
  first use) in fresh interpreters, median of several, with bytecode cached as in an installed
  wheel;
* peak RSS of a fresh process that checks the feed in batches of 4,096 lines (as ``scan``
  does) with the bundled registry and with the big ones: ``VmHWM`` from ``/proc/self/status``
  where there is one, since ``resource.getrusage``'s ``ru_maxrss`` also counts the pages of the
  parent the child was forked from; ``ru_maxrss`` elsewhere.

Times are CPU times of one process (``time.process_time``): single-core figures that a busy,
shared machine disturbs less than wall-clock times. Runs that are compared take turns (loop,
check_many, floor; small and big registry), each keeping its best time, so that the machine's
drift falls on both sides of every ratio. The floor needs numpy (rapidfuzz's cdist
returns numpy arrays): ``pip install numpy``. Writes nothing outside a temporary directory.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

SEED = 20261123
CHUNK = 4096  # floor: queries per cdist call (keeps the distance matrix small)
TLDS = ("com", "net", "org", "id", "co.id", "my.id", "web.id", "biz.id", "xyz", "online",
        "site", "info", "top", "shop", "store", "io", "app", "click", "link", "or.id")
# Common Indonesian words seen in domain names (shops, news, blogs, services)
WORDS = ("toko", "jual", "murah", "berita", "rumah", "makan", "sehat", "jaya", "abadi", "maju",
         "sinar", "mandiri", "sejahtera", "bersama", "karya", "indah", "kita", "kami", "info",
         "online", "pusat", "grosir", "kopi", "batik", "wisata", "travel", "properti", "motor",
         "mobil", "bengkel", "kursus", "sekolah", "kampus", "klinik", "apotek", "hijab", "kue",
         "resep", "masak", "pulsa", "kredit", "pinjam", "dana", "bayar", "cepat", "gratis",
         "promo", "diskon", "hadiah", "undian", "lowongan", "kerja", "loker", "desa", "warga",
         "layanan", "bantuan", "daftar", "cek", "data", "akun", "masuk", "login", "resmi",
         "nusantara", "garuda", "merdeka", "pelangi", "bintang", "matahari", "bulan", "laut")
AGENCIES = ("disdukcapil", "dukcapil", "bappeda", "bapenda", "dinkes", "diskominfo", "kominfo",
            "bpbd", "setda", "dprd", "kpu", "bawaslu", "rsud", "dishub", "disdik", "dpmptsp",
            "bkpsdm", "inspektorat", "satpolpp", "dinsos", "disnaker", "dlh", "pupr", "ppid",
            "lpse", "jdih", "sipd", "simpeg", "perizinan", "pariwisata", "disperindag",
            "dispertan", "dkpp", "dpmd", "kesbangpol", "bkd", "bpkad", "disparbud", "arsip",
            "perpustakaan", "kecamatan", "kelurahan", "pendidikan", "kesehatan", "pertanian")
SYLLABLES = ("ba", "bi", "bu", "da", "di", "du", "ka", "ki", "ku", "la", "li", "lu", "ma", "mi",
             "mu", "na", "ni", "nu", "pa", "pi", "pu", "ra", "ri", "ru", "sa", "si", "su", "ta",
             "ti", "tu", "ja", "jo", "wa", "wi", "ga", "go", "ha", "ya", "ngan", "lan", "rang",
             "jang", "tan", "sari", "mang", "kar", "ban", "sen")
PATHS = ("/", "/aktivasi", "/login", "/index.php?id=12", "/ikd/daftar", "/berita/2026/08/x",
         "/cek?nik=3303", "/promo.html", "/download/app.apk", "/wp-admin/")
INVALID = ("", "   ", "not a url", "http://", "exa mple.com", "http://[::1", "a..b.com",
           "xn--zz.com", "https://" + "a" * 70 + ".com", "ftp//broken", "http://999.1.1.1.1",
           "mailto:someone@example.com", "%%%", "http://-.com")


# ---- synthetic data ----------------------------------------------------------------------------
def _word(rng: random.Random, low: int = 2, high: int = 4) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high)))


def _random_host(rng: random.Random) -> str:
    if rng.random() < 0.5:
        name = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789")
                       for _ in range(rng.randint(4, 16)))
    else:
        name = _word(rng, 2, 5)
    sub = rng.choice(("", "", "", "www.", "mail.", f"{_word(rng, 1, 2)}."))
    return f"{sub}{name}.{rng.choice(TLDS)}"


def _indonesian_host(rng: random.Random, regions: Sequence[str], terms: Sequence[str]) -> str:
    pool = rng.choice((WORDS, WORDS, regions, terms))
    words = [rng.choice(pool) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.4:
        words.append(rng.choice(WORDS))
    glue = rng.choice(("", "-"))
    return f"{glue.join(words)}.{rng.choice(TLDS)}"


def _lookalikes(rng: random.Random, domains: Sequence[str], count: int) -> list[str]:
    from domainguard.permutations import permutations

    found: list[str] = []
    for domain in rng.sample(list(domains), min(count, len(domains))):
        found.extend(p.domain for p in permutations(domain, limit_per_family=4))
    return found


def build_feed(size: int, seed: int = SEED) -> list[str]:
    """A deterministic mixed feed of ``size`` lines."""
    from domainguard import Registry, _vocabulary

    rng = random.Random(seed)
    domains = sorted(entry.domain for entry in Registry.default().entries)
    regions = sorted({region.compact for region in _vocabulary.regions()})
    terms = sorted(_vocabulary.service_words() | _vocabulary.lure_words())
    lookalikes = _lookalikes(rng, domains, 120)
    feed: list[str] = []
    for _ in range(size):
        roll = rng.random()
        if roll < 0.05:
            feed.append(rng.choice(INVALID))
            continue
        if roll < 0.33:
            host = _random_host(rng)
        elif roll < 0.58:
            host = _indonesian_host(rng, regions, terms)
        elif roll < 0.88:
            host = rng.choice(lookalikes)
        else:
            host = rng.choice(domains)
            if rng.random() < 0.4:
                host = f"{rng.choice(('www', 'm', 'ppid', _word(rng)))}.{host}"
        if rng.random() < 0.3:
            host = f"{rng.choice(('https://', 'http://'))}{host}{rng.choice(PATHS)}"
        feed.append(host)
    return feed


def host_of(line: str) -> str:
    """The host part of a feed line as generated here (scheme and path stripped)."""
    rest = line.partition("://")[2] or line
    return rest.split("/", 1)[0].lower()


def build_distinct_feed(size: int, seed: int = SEED) -> list[str]:
    """``size`` lines with ``size`` distinct hosts, in the mix of ``build_feed`` but without
    invalid lines: what zone files, Certificate Transparency streams and newly-registered-domain
    feeds look like, where the per-host cache of a Checker finds nothing to reuse."""
    from domainguard import Registry, _vocabulary
    from domainguard.permutations import permutations

    rng = random.Random(seed + 7)
    domains = sorted(entry.domain for entry in Registry.default().entries)
    regions = sorted({region.compact for region in _vocabulary.regions()})
    terms = sorted(_vocabulary.service_words() | _vocabulary.lure_words())
    per_family = max(2, size // 4000)
    lookalikes = sorted({p.domain for domain in domains
                         for p in permutations(domain, limit_per_family=per_family)})
    rng.shuffle(lookalikes)
    feed: list[str] = []
    seen: set[str] = set()
    while len(feed) < size:
        roll = rng.random()
        if roll < 0.3:
            host = _random_host(rng)
        elif roll < 0.6:
            host = _indonesian_host(rng, regions, terms)
        elif roll < 0.9 and lookalikes:
            host = lookalikes.pop()
        else:
            host = f"{_word(rng, 1, 3)}.{rng.choice(domains)}"
        if host in seen:
            continue
        seen.add(host)
        if rng.random() < 0.3:
            host = f"{rng.choice(('https://', 'http://'))}{host}{rng.choice(PATHS)}"
        feed.append(host)
    return feed


# English and Indonesian words company names are made of (shops, apps, firms)
COMPANY_WORDS = (*WORDS, "shop", "store", "app", "pay", "tech", "digital", "group", "global",
                 "media", "prima", "utama", "sentosa", "makmur", "solusi", "sistem", "data",
                 "net", "cloud", "market", "mart", "trade", "logistik", "express", "energi",
                 "farma", "medika", "konsultan", "teknik", "kreatif", "studio", "cipta",
                 "mitra", "citra", "bangun", "persada", "nusa", "raya", "agung", "mulia",
                 "sukses", "bank", "finance", "capital", "asia", "indo", "home", "living",
                 "fashion", "food", "fresh", "green", "smart", "first", "one", "star")
COMPANY_PREFIXES = ("my", "portal", "login", "e", "i", "go", "get", "the", "pt", "cv")
COMPANY_TAILS = ("shop", "app", "store", "online", "id", "group", "pay", "portal", "login")
COMPANY_SUFFIXES = ("com", "co.id", "id", "net", "web.id", "my.id", "biz.id", "or.id", "org",
                    "ac.id", "sch.id")


def realistic_registry_domains(size: int, seed: int = SEED) -> list[str]:
    """``size`` word-like company domains (sinarjaya-shop.co.id, my-mitrautama.com): tokens
    that many names share, as in a real brand registry, unlike random syllables."""
    rng = random.Random(seed + 3)
    found: dict[str, None] = {}
    while len(found) < size:
        words = [rng.choice(COMPANY_WORDS) for _ in range(rng.randint(1, 3))]
        if len(words) == 1 or rng.random() < 0.3:
            words.append(_word(rng, 1, 2))  # never one bare word: net.id is a suffix
        name = "".join(words) if rng.random() < 0.6 else "-".join(words)
        roll = rng.random()
        if roll < 0.2:
            name = f"{rng.choice(COMPANY_PREFIXES)}-{name}"
        elif roll < 0.4:
            name = f"{name}-{rng.choice(COMPANY_TAILS)}"
        elif roll < 0.5:
            name = f"{rng.choice(COMPANY_PREFIXES)}{name}"
        domain = f"{name}.{rng.choice(COMPANY_SUFFIXES)}"
        if rng.random() < 0.1:
            domain = f"{rng.choice(('www', 'portal', 'login', 'app', 'my'))}.{domain}"
        if len(name) <= 63:
            found[domain] = None
    return list(found)


def synthetic_registry_domains(size: int, seed: int = SEED) -> list[str]:
    """``size`` go.id-like domains: region names × agency words × random syllables."""
    from domainguard import _vocabulary

    rng = random.Random(seed + 1)
    regions = sorted({region.compact for region in _vocabulary.regions()})
    homes = [f"{region}{kind}" for region in regions for kind in ("kab", "kota", "prov")]
    found: dict[str, None] = {}
    while len(found) < size:
        roll = rng.random()
        if roll < 0.1:
            domain = f"{rng.choice(homes)}.go.id"
        elif roll < 0.5:
            domain = f"{rng.choice(AGENCIES)}.{rng.choice(homes)}.go.id"
        elif roll < 0.7:
            domain = f"{_word(rng, 2, 4)}.{rng.choice(homes)}.go.id"
        elif roll < 0.85:
            domain = f"{rng.choice(AGENCIES)}{_word(rng, 1, 3)}.go.id"
        else:
            domain = f"{_word(rng, 2, 5)}.go.id"
        found[domain] = None
    return list(found)


# ---- measurements ------------------------------------------------------------------------------
def cpu_seconds(run: Callable[[], object], repeat: int) -> float:
    """Best CPU time of ``repeat`` runs."""
    return interleaved({"run": run}, repeat)["run"]


def interleaved(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Best CPU time of each run, the runs taking turns ``repeat`` times.

    A shared machine's speed drifts by tens of percent within minutes; runs that alternate
    meet the same drift, so the ratio of their times is far steadier than that of runs made
    one after the other.
    """
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, run in runs.items():
            started = time.process_time()
            run()
            best[name] = min(best[name], time.process_time() - started)
    return best


def loop_run(registry: Any, feed: Sequence[str]) -> Callable[[], object]:
    from domainguard import Checker

    def run() -> object:
        checker = Checker(registry)
        check = checker.check_url
        return [check(url) for url in feed]

    return run


def _compiled() -> bool:
    """Is the installed domainguard the compiled build (its modules C extensions)?"""
    from domainguard import _screen

    return _screen.COMPILED


def many_run(registry: Any, feed: Sequence[str], fast_path: bool | None = None
             ) -> Callable[[], object]:
    from domainguard import Checker

    def run() -> object:
        return Checker(registry, fast_path=fast_path).check_many(feed)

    return run


def floor_run(feed: Sequence[str], labels: Sequence[str]) -> Callable[[], object]:
    """The bare pipeline: host, registrable label, distance to every registry label."""
    import can_ada
    import tldextract
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    extract = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=())
    extract("warm.example.com")

    def run() -> object:
        queries: list[str] = []
        for line in feed:
            text = line.strip()
            if not text:
                continue
            if "://" not in text:
                text = "http://" + text
            try:
                host = can_ada.parse(text).hostname
            except ValueError:
                continue
            if host:
                queries.append(extract(host).domain)
        near = 0
        for start in range(0, len(queries), CHUNK):
            matrix = process.cdist(queries[start : start + CHUNK], labels,
                                   scorer=Levenshtein.distance, score_cutoff=2, workers=1)
            near += int((matrix <= 2).any(axis=1).sum())
        return near

    return run


def registry_labels(registry: Any) -> list[str]:
    labels = {entry.registrable.split(".")[0] for entry in registry.entries}
    return sorted(label for label in labels if label)


def child(code: str) -> dict[str, Any]:
    """Run ``code`` in a fresh interpreter that prints one JSON object; bytecode is cached in
    a temporary directory (as an installed wheel has it), never next to the sources."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = _PYCACHE
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(HERE), env.get("PYTHONPATH"))))
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True,
                         capture_output=True, text=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


HERE = Path(__file__).resolve().parent
_PYCACHE = ""

_STARTUP = """
import json, time
t0 = time.perf_counter(); c0 = time.process_time()
import domainguard
t1 = time.perf_counter(); c1 = time.process_time()
domainguard.check_url("https://dukcapil-kemendagri.com/aktivasi")
t2 = time.perf_counter(); c2 = time.process_time()
import sys
print(json.dumps({"import_wall": t1 - t0, "import_cpu": c1 - c0, "first_wall": t2 - t1,
                  "first_cpu": c2 - c1,
                  "heavy": sorted(m for m in ("tldextract", "requests", "rapidfuzz", "idna")
                                  if m in sys.modules)}))
"""

_MEMORY = """
import json, resource, sys
import throughput as bench
from domainguard import Checker, Registry
size = {size}
if size:
    domains = getattr(bench, {make!r})(size)
    registry = Registry.from_domains(domains)
    del domains
else:
    registry = Registry.default()
checker = Checker(registry)
with open({feed!r}, encoding="utf-8") as lines:  # streamed in batches, as `scan` does
    batch = []
    for line in lines:
        batch.append(line.rstrip("\\n"))
        if len(batch) == 4096:
            checker.check_many(batch)
            batch = []
    checker.check_many(batch)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
try:  # getrusage counts the parent's pages at fork; VmHWM is this process's own peak
    with open("/proc/self/status", encoding="ascii") as status:
        peak = int(status.read().split("VmHWM:")[1].split()[0])
except (OSError, IndexError, ValueError):
    pass
print(json.dumps({{"peak_mb": peak / 1024}}))
"""


def startup(runs: int) -> tuple[dict[str, float], list[str]]:
    child(_STARTUP)  # warm the bytecode cache
    samples = [child(_STARTUP) for _ in range(runs)]
    figures = {key: statistics.median(s[key] for s in samples)
               for key in ("import_wall", "import_cpu", "first_wall", "first_cpu")}
    return figures, samples[0]["heavy"]


def peak_memory(feed_file: str, size: int, make: str) -> float:
    """Peak RSS of a fresh process: the bundled registry, or ``size`` domains from ``make``."""
    return float(child(_MEMORY.format(feed=feed_file, size=size, make=make))["peak_mb"])


# ---- report ------------------------------------------------------------------------------------
def row(what: str, value: str, goal: str = "", met: bool | None = None) -> str:
    mark = "" if met is None else ("met" if met else "MISSED")
    return f"| {what} | {value} | {goal} | {mark} |"


def parts_run(registry: Any, feed: Sequence[str]) -> dict[str, list[str]]:
    """The feed's lines by what they end as: ``unrelated`` with no reason, flagged (lookalike
    or suspicious), and the rest (official, government, unrelated with a note, invalid)."""
    from domainguard import Checker, Verdict

    parts: dict[str, list[str]] = {"unrelated": [], "flagged": [], "other": []}
    for line, result in zip(feed, Checker(registry).check_many(feed), strict=True):
        if result.verdict is Verdict.UNRELATED and not result.reasons:
            parts["unrelated"].append(line)
        elif result.verdict in (Verdict.LOOKALIKE, Verdict.SUSPICIOUS):
            parts["flagged"].append(line)
        else:
            parts["other"].append(line)
    return parts


def main(argv: Iterable[str] | None = None) -> int:
    global _PYCACHE
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--urls", type=int, default=120_000,
                        help="distinct hosts in the feed (default 120,000)")
    parser.add_argument("--big", type=int, default=100_000, help="big registry size")
    parser.add_argument("--small", type=int, default=1_000, help="small registry size")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (best is kept)")
    parser.add_argument("--startup-runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true",
                        help="20,000 URLs, a 20,000-domain big registry, one run each")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.quick:
        args.urls, args.big, args.repeat, args.startup_runs = 20_000, 20_000, 1, 3

    import domainguard
    from domainguard import Registry

    with tempfile.TemporaryDirectory(prefix="domainguard-bench-") as cache:
        _PYCACHE = cache
        started = time.perf_counter()
        boot, heavy = startup(args.startup_runs)
        feed = build_distinct_feed(args.urls)
        repeated = build_feed(args.urls)
        distinct = len(set(map(host_of, repeated)))
        bundled = Registry.default()
        index_cpu = cpu_seconds(lambda: Registry(bundled.entries, bundled.protected_entries)
                                .index, 1)
        bundled.index  # noqa: B018 - build before timing the checks
        n = len(feed)
        labels = registry_labels(bundled)
        timed = interleaved({"loop": loop_run(bundled, feed), "many": many_run(bundled, feed),
                             "other": many_run(bundled, feed, fast_path=_compiled()),
                             "cached": many_run(bundled, repeated),
                             "floor": floor_run(feed, labels)}, args.repeat)
        loop, many, cached, floor = timed["loop"], timed["many"], timed["cached"], timed["floor"]
        other = timed["other"]
        parts = parts_run(bundled, feed)
        by_part = interleaved({name: many_run(bundled, lines) for name, lines in parts.items()
                               if lines}, args.repeat)

        kinds = {"go.id-like": synthetic_registry_domains,
                 "realistic": realistic_registry_domains}
        scale: dict[tuple[str, int], tuple[float, float, float]] = {}
        for kind, make in kinds.items():
            built_at: dict[int, tuple[float, float]] = {}
            registries = {}
            for size in (args.small, args.big):
                built = time.process_time()
                registry = Registry.from_domains(make(size))
                load = time.process_time() - built
                built = time.process_time()
                registry.index  # noqa: B018
                built_at[size] = (load, time.process_time() - built)
                registries[size] = registry
            costs = interleaved({str(size): many_run(registry, feed)
                                 for size, registry in registries.items()}, args.repeat)
            for size in registries:
                scale[kind, size] = (*built_at[size], costs[str(size)] / n)
            del registries, registry
        feed_file = os.path.join(cache, "feed.txt")
        with open(feed_file, "w", encoding="utf-8") as out:
            out.writelines(line + "\n" for line in feed)
        peak_bundled = peak_memory(feed_file, 0, "")
        peaks = {kind: peak_memory(feed_file, args.big, make.__name__)
                 for kind, make in kinds.items()}
        elapsed = time.perf_counter() - started

    per_core = n / many
    compiled = _compiled()
    build = "compiled build (mypyc)" if compiled else "pure-Python build"
    print(f"domainguard {domainguard.__version__} ({build}), "
          f"Python {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} cores; feed {n:,} lines, every host "
          f"distinct; bundled registry {len(bundled):,} domains ({len(labels):,} labels); "
          f"CPU seconds, best of {args.repeat} taking turns; run took {elapsed:.0f} s wall")
    print()
    print("| measure | value | goal | |")
    print("|---|---|---|---|")
    wanted = 50_000 if compiled else 35_000
    print(row("check_many, distinct hosts (fresh Checker)",
              f"{per_core:,.0f} URLs/s, {1e6 * many / n:.1f} µs/URL ({many:.2f} s)",
              f"≥ {wanted:,} URLs/s per core ({build})", per_core >= wanted))
    # the default is the fast path on in the pure-Python build, off in the compiled one
    on, off = (other, many) if compiled else (many, other)
    print(row(f"check_many with the fast path {'on' if compiled else 'off'} (not the default)",
              f"{n / other:,.0f} URLs/s, {1e6 * other / n:.1f} µs/URL; the fast path saves "
              f"{100 * (1 - on / off):.1f}%"))
    print(row("check_url loop, distinct hosts (fresh Checker)",
              f"{n / loop:,.0f} URLs/s, {1e6 * loop / n:.1f} µs/URL"))
    print(row("floor: can-ada + tldextract + cdist, distinct hosts",
              f"{n / floor:,.0f} URLs/s, {1e6 * floor / n:.1f} µs/URL ({floor:.2f} s)"))
    print(row("check_many time / floor time", f"{many / floor:.2f}×", "≤ 2.5×",
              many / floor <= 2.5))
    print(row(f"cached: check_many on a feed with repeats ({distinct:,} distinct hosts in "
              f"{len(repeated):,} lines, fresh Checker)",
              f"{len(repeated) / cached:,.0f} URLs/s, {1e6 * cached / len(repeated):.1f} µs/URL"))
    labels_of = {"unrelated": "hosts that end unrelated with no reason",
                 "flagged": "flagged hosts (lookalike, suspicious)",
                 "other": "other hosts (official, government, unrelated with a note)"}
    for name, lines in parts.items():
        if not lines:
            continue
        cost = 1e6 * by_part[name] / len(lines)
        goal, met = ("≤ 12 µs", cost <= 12) if name == "unrelated" else ("", None)
        print(row(f"{labels_of[name]}: {len(lines):,} of the feed ({len(lines) / n:.0%})",
                  f"{cost:.1f} µs each", goal, met))
    print(row("bundled registry index build", f"{1e3 * index_cpu:.0f} ms"))
    for kind in kinds:
        for size in (args.small, args.big):
            load, index, cost = scale[kind, size]
            print(row(f"{kind} registry {size:,}: load / index build",
                      f"{load:.2f} s / {index:.2f} s"))
            print(row(f"{kind} registry {size:,}: check_many per URL", f"{1e6 * cost:.1f} µs"))
        ratio = scale[kind, args.big][2] / scale[kind, args.small][2]
        goal, met = ("≤ 1.3×", ratio <= 1.3) if kind == "realistic" else ("", None)
        print(row(f"{kind}: per-URL cost {args.big:,} / {args.small:,}", f"{ratio:.2f}×",
                  goal, met))
    print(row("import domainguard (median)",
              f"{1e3 * boot['import_wall']:.0f} ms wall, {1e3 * boot['import_cpu']:.0f} ms CPU",
              "≤ 60 ms", boot["import_wall"] <= 0.060))
    print(row("first check_url after import (median)",
              f"{1e3 * boot['first_wall']:.0f} ms wall, {1e3 * boot['first_cpu']:.0f} ms CPU",
              "≤ 60 ms", boot["first_wall"] <= 0.060))
    print(row("of tldextract, requests, rapidfuzz, idna: loaded by import + first check",
              ", ".join(heavy) or "none"))
    print(row("peak RSS, bundled registry, feed in batches", f"{peak_bundled:.0f} MB"))
    for kind, peak in peaks.items():
        print(row(f"peak RSS, {args.big:,}-domain {kind} registry, feed in batches",
                  f"{peak:.0f} MB", "< 200 MB", peak < 200))
    return 0


if __name__ == "__main__":
    sys.exit(main())
