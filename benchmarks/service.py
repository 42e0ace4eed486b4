"""The HTTP service under load: requests/s, p50/p99 latency, peak memory, errors.

    python benchmarks/service.py [--clients N] [--seconds S] [--workers W] [--port P]

Starts ``domainguard serve`` on 127.0.0.1 (loopback only: the script refuses any other
address), then runs two scenarios one after the other, each for ``--seconds`` (default 10) with
``--clients`` (default 16) concurrent keep-alive connections:

* ``10 URLs``: ``POST /v1/check/urls`` with 10 URLs drawn from a deterministic pool (lookalikes
  of registry domains, official domains, other sites), each with its own path;
* ``chat``: ``POST /v1/check/text`` with a chat message of 2-4 links among Indonesian words.

The clients are one asyncio loop writing HTTP/1.1 by hand (no client library in the way), so the
machine's cores go to the server as far as possible; client and server share the machine, which
the figures include. Memory is the server's resident set (``VmRSS`` of the server and its worker
processes, from ``/proc``), sampled every 0.25 s: its peak, and its growth from the end of the
first second of load to the end of the run (flat means a few MB at most). Any answer other than
200 counts as an error; the script exits 1 if there is one.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

LOOPBACK: Final = ("127.0.0.1", "::1", "localhost")
WORDS: Final = ("Yth", "Bapak", "Ibu", "segera", "aktivasi", "data", "KTP", "Anda", "belum",
                "terverifikasi", "klik", "tautan", "berikut", "sebelum", "hari", "ini", "info",
                "resmi", "bantuan", "sosial", "cair", "cek", "status", "penerima", "BLT")


def _pool(seed: int = 7) -> list[str]:
    """Hosts to draw from: registry domains, their permutations, and other sites."""
    from domainguard import Registry
    from domainguard.permutations import permutations

    rng = random.Random(seed)
    official = sorted(entry.domain for entry in Registry.default().entries)
    hosts = list(official)
    for domain in rng.sample(official, 60):
        found = [p.domain for p in permutations(domain)]
        hosts.extend(rng.sample(found, min(20, len(found))))
    hosts.extend(f"{rng.choice(WORDS).lower()}-{rng.choice(WORDS).lower()}{n}.com"
                 for n in range(500))
    rng.shuffle(hosts)
    return hosts


def _bodies(kind: str, hosts: list[str], count: int = 2000, seed: int = 11) -> list[bytes]:
    rng = random.Random(seed)

    def url() -> str:
        return f"https://{rng.choice(hosts)}/{rng.choice(WORDS).lower()}/{rng.randrange(10**6)}"

    if kind == "urls":
        return [json.dumps({"urls": [url() for _ in range(10)], "lang": "id"}).encode()
                for _ in range(count)]
    bodies = []
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randrange(25, 45))]
        for _ in range(rng.randrange(2, 5)):
            words.insert(rng.randrange(len(words)), url())
        bodies.append(json.dumps({"text": " ".join(words), "lang": "id"}).encode())
    return bodies


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0


async def _client(host: str, port: int, path: str, bodies: list[bytes], offset: int,
                  until: float, tally: Tally) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    head = (f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
            "Content-Length: ")
    i = offset
    try:
        while time.perf_counter() < until:
            body = bodies[i % len(bodies)]
            i += 1
            started = time.perf_counter()
            writer.write(f"{head}{len(body)}\r\n\r\n".encode() + body)
            status_line = await reader.readline()
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            await reader.readexactly(length)
            tally.latencies.append(time.perf_counter() - started)
            if status_line.split()[1:2] != [b"200"]:
                tally.errors += 1
    except (OSError, asyncio.IncompleteReadError, IndexError):
        tally.errors += 1
    finally:
        writer.close()


def _rss_kib(pid: int) -> int:
    """Resident memory of a process and its children (uvicorn's workers), in KiB."""
    total = 0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
        pids.extend(int(child) for child in children)
    return total


async def _scenario(host: str, port: int, path: str, bodies: list[bytes], clients: int,
                    seconds: float, sample: Callable[[], int]) -> dict[str, float]:
    tally = Tally()
    started = time.perf_counter()
    until = started + seconds
    tasks = [asyncio.create_task(_client(host, port, path, bodies, n * 97, until, tally))
             for n in range(clients)]
    samples: list[tuple[float, int]] = []
    while not all(task.done() for task in tasks):
        samples.append((time.perf_counter() - started, sample()))
        await asyncio.sleep(0.25)
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - started
    after_first = [rss for at, rss in samples if at >= 1.0] or [samples[-1][1]]
    ordered = sorted(tally.latencies)
    return {
        "requests": len(ordered),
        "rps": len(ordered) / elapsed,
        "p50_ms": 1000 * statistics.median(ordered),
        "p99_ms": 1000 * ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
        "errors": tally.errors,
        "peak_rss_mib": max(rss for _, rss in samples) / 1024,
        "rss_growth_mib": (after_first[-1] - after_first[0]) / 1024,
    }


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the server stopped while starting")
        try:
            with urllib.request.urlopen(base + "/v1/health", timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start in 60 s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--host", default="127.0.0.1", choices=LOOPBACK[:2])
    parser.add_argument("--port", type=int, default=8731)
    args = parser.parse_args()
    host = args.host
    base = f"http://{host}:{args.port}" if ":" not in host else f"http://[{host}]:{args.port}"
    hosts = _pool()
    scenarios = [("10 URLs", "/v1/check/urls", _bodies("urls", hosts)),
                 ("chat", "/v1/check/text", _bodies("text", hosts))]
    server = subprocess.Popen(
        [sys.executable, "-m", "domainguard", "serve", "--host", host, "--port",
         str(args.port), "--workers", str(args.workers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_up(base, server)
        idle = _rss_kib(server.pid) / 1024
        rows = []
        for name, path, bodies in scenarios:
            figures = asyncio.run(_scenario(host, args.port, path, bodies, args.clients,
                                            args.seconds, lambda: _rss_kib(server.pid)))
            rows.append((name, figures))
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"domainguard serve --workers {args.workers} on {host}, {args.clients} clients, "
          f"{args.seconds:g} s per scenario, {os.cpu_count()} cores shared with the clients; "
          f"server RSS idle {idle:.0f} MiB")
    print(f"{'scenario':<10} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
          f"{'errors':>6} {'peak MiB':>9} {'growth MiB':>10}")
    for name, f in rows:
        print(f"{name:<10} {f['requests']:>9.0f} {f['rps']:>8.0f} {f['p50_ms']:>8.1f} "
              f"{f['p99_ms']:>8.1f} {f['errors']:>6.0f} {f['peak_rss_mib']:>9.0f} "
              f"{f['rss_growth_mib']:>10.1f}")
    return 1 if any(f["errors"] for _, f in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
