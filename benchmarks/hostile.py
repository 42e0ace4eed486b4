"""Worst-case time per call: a fixed battery of hostile inputs, the slowest one named.

    python benchmarks/hostile.py [--repeat K] [--scale F] [--top N] [--json]

Every input of the battery (megabyte strings of one character, 100,000 labels, hosts at the DNS
limits with the most expensive labels, paths and queries full of official names, messages with
hundreds of thousands of links, ...) goes through ``check_url`` and ``check_text`` with a fresh
``Checker`` each time (a cold evidence cache; the registry's index is built once beforehand),
and the best of ``--repeat`` CPU times (``time.process_time``) is kept. Prints the slowest
inputs, then the scaling of each family (the time at size 4N over the time at N: about 4 is
linear, 16 quadratic). ``--scale`` multiplies every size (0.1 for a quick look).

Pure: reads the bundled data, writes nothing.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from domainguard import Checker, Registry

MB = 1_000_000

# name -> (input for a size n, the default n)
Shape = Callable[[int], str]


def _repeat(prefix: str, piece: str) -> Shape:
    return lambda n: prefix + piece * n


BATTERY: dict[str, tuple[Shape, int]] = {
    # one character a megabyte long, bare and after a scheme
    **{f"{name} x n": (_repeat("", c), MB) for name, c in {
        "a": "a", "dot": ".", "ideographic-dot": "\u3002", "percent": "%", "at": "@",
        "slash": "/", "backslash": "\\", "colon": ":", "bracket": "[", "a-umlaut": "\u00e4",
        "emoji": "\U0001f600", "zwj": "\u200d", "rtl-override": "\u202e", "nul": "\x00",
        "surrogate": "\ud800", "hyphen": "-", "digit": "7", "space": " ",
    }.items()},
    **{f"https:// + {name} x n": (_repeat("https://", c), MB) for name, c in {
        "a": "a", "dot": ".", "percent": "%", "at": "@", "a-umlaut": "\u00e4",
        "colon": ":", "bracket": "[", "zwj": "\u200d",
    }.items()},
    "labels a. x n": (lambda n: "https://" + "a." * n + "com", 100_000),
    "labels xn--a. x n": (lambda n: "https://" + "xn--a." * n + "com", 100_000),
    "labels xn--garbage x n": (lambda n: "https://" + "xn--zz9-." * n + "com", 100_000),
    "userinfo x n": (lambda n: "https://" + "dukcapil.kemendagri.go.id@" * n + "x.com", 20_000),
    "path a/ x n": (lambda n: "https://dukcapil-kemendagri.com/" + "a/" * n, 500_000),
    # a browser percent-encodes these: 9 characters each once decoded by the payload check
    "path zwj x n": (lambda n: "http://x.com/" + "\u200d" * n, MB),
    "query zwj x n": (lambda n: "http://x.com/?u=" + "\u200d" * n, MB),
    "query a=%E2& x n": (lambda n: "http://x.com/?" + "a=%E2&" * n, 150_000),
    "path official names x n": (
        lambda n: "https://dukcapil-kemendagri.com/" + "dukcapil-kemendagri-go-id/" * n, 40_000),
    "query official names x n": (
        lambda n: "https://x.com/?u=" + "dukcapil.kemendagri.go.id&" * n, 40_000),
    "path apk x n": (lambda n: "https://x.com/" + "Surat%20Tilang.pdf.apk/" * n, 40_000),
    "port digits x n": (lambda n: "https://dukcapil.go.id:" + "9" * n, MB),
    "ipv6 x n": (lambda n: "https://[" + "1:" * n + "]", 200_000),
    # the most expensive hosts that are still within 253/63: long labels full of words
    "host 4 x 63 brand-words": (lambda n: ".".join(
        [("dukcapil-kemendagri-" * 4)[:63]] * 3 + [("dukcapil-" * 7)[:57]]) + ".com", 1),
    "host 126 one-letter labels": (lambda n: "d." * 125 + "id", 1),
    "host official x 9": (lambda n: ".".join(["dukcapil.kemendagri.go.id"] * 9) + ".com", 1),
    "host cyrillic 4 x 63": (
        lambda n: ".".join(["\u0434\u0443\u043a\u0441\u0430\u0440\u0456\u04cf" * 3] * 4)
        + ".com", 1),
    "host mixed homoglyphs": (lambda n: ".".join(
        ["d\u0443k\u0441\u0430pil-k\u0435m\u0435ndagri-" * 2] * 4) + ".go.id.com", 1),
    "host digits/hyphens 4 x 63": (lambda n: ".".join(["1-" * 31 + "1"] * 3) + ".com", 1),
    # messages: many links, defanged tokens, long runs without whitespace
    "text links x n": (lambda n: "dukcapil-ikd.com " * n, 60_000),
    "text distinct links x n": (
        lambda n: " ".join(f"dukcapil-{i}.com" for i in range(n)), 20_000),
    "text defang [.] x n": (lambda n: "dukcapil" + "[.]" * n + "com", 300_000),
    "text a[.] x n": (lambda n: "a[.]" * n + "id", 250_000),
    "text https:// x n": (lambda n: "https://" * n, 120_000),
    "text ,https://x.id x n": (lambda n: ",https://x.id" * n, 50_000),
    "text ( x n": (lambda n: "https://x.id/" + "(" * n, MB),
    "text ) x n": (lambda n: "https://x.id/" + ")" * n, MB),
    "text a.b x n": (lambda n: "a.b" * n, 300_000),
    "text www. x n": (lambda n: "www." * n + "id", 250_000),
    "text @x.id x n": (lambda n: "a@x.id" * n, 150_000),
    "text 1.2.3.4: x n": (lambda n: "1.2.3.4:" * n, 120_000),
}


@dataclass(frozen=True)
class Row:
    input: str
    n: int
    chars: int
    check_url_s: float
    check_text_s: float
    ratio_4n_over_n: float | None  # None for fixed inputs

    @property
    def worst(self) -> float:
        return max(self.check_url_s, self.check_text_s)


def cpu_time(function: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best


def measure(text: str, registry: Registry, repeat: int) -> tuple[float, float]:
    """CPU seconds for check_url and check_text, each with a cold evidence cache."""
    url = cpu_time(lambda: Checker(registry).check_url(text), repeat)
    message = cpu_time(lambda: Checker(registry).check_text(text), repeat)
    return url, message


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="best of K runs per input")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    parser.add_argument("--top", type=int, default=10, help="show the N slowest inputs")
    parser.add_argument("--json", action="store_true", help="one JSON object per input")
    args = parser.parse_args()

    registry = Registry.default()
    warm = Checker(registry)
    warm.check_url("https://dukcapil-kemendagri.com/x")  # suffix list, index, confusables
    warm.check_text("lihat dukcapil-ikd[.]com")

    rows: list[Row] = []
    for name, (shape, size) in BATTERY.items():
        n = max(1, int(size * args.scale)) if size > 1 else 1
        text = shape(n)
        url_time, text_time = measure(text, registry, args.repeat)
        ratio = None
        if size > 1:
            small = sum(measure(shape(max(1, n // 4)), registry, args.repeat))
            ratio = (url_time + text_time) / small if small > 0 else None
        rows.append(Row(input=name, n=n, chars=len(text), check_url_s=url_time,
                        check_text_s=text_time, ratio_4n_over_n=ratio))
        if args.json:
            print(json.dumps(asdict(rows[-1])), flush=True)
    if args.json:
        return
    rows.sort(key=lambda row: -row.worst)
    print(f"{'input':<34} {'chars':>10} {'check_url':>10} {'check_text':>10} {'4N/N':>6}")
    for row in rows[: args.top]:
        ratio_text = "" if row.ratio_4n_over_n is None else f"{row.ratio_4n_over_n:.1f}"
        print(f"{row.input:<34} {row.chars:>10,} {row.check_url_s:>9.3f}s "
              f"{row.check_text_s:>9.3f}s {ratio_text:>6}")
    slowest = rows[0]
    which = "check_url" if slowest.check_url_s >= slowest.check_text_s else "check_text"
    print(f"\nslowest: {slowest.input!r} ({slowest.chars:,} chars) through {which}: "
          f"{slowest.worst:.3f}s CPU")
    scaled = [(row.ratio_4n_over_n, row.input) for row in rows if row.ratio_4n_over_n]
    if scaled:
        ratio, name = max(scaled)
        print(f"worst scaling: {name!r}: 4N takes {ratio:.1f}x N (4 = linear, 16 = quadratic)")


if __name__ == "__main__":
    main()
