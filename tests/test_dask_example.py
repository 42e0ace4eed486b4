"""examples/dask_feed.py on a local Dask cluster: the same records as checking serially."""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from domainguard import Checker, Registry

pytest.importorskip("dask", reason="the Dask example needs the dask extra: domainguard[dask]")
pytest.importorskip("distributed", reason="the Dask example needs dask[distributed]")

_GETADDRINFO = socket.getaddrinfo  # taken before the test-wide guard replaces it
_LOCAL = frozenset({None, "", "localhost", "127.0.0.1", "::1", "0.0.0.0", "::"})
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "dask_feed.py"
FEED = [
    "https://dukcapil-kemendagri.com/aktivasi",
    "dukcapil.kemendagri.go.id",
    "kemendagri.co.id",
    "toko-kue-murah.com",
    "",
    "not a url",
    "http://bit.ly/abc",
    "dukсapil.id",
    "aktivasi-ikd-dukcapil.xyz",
    "www.tokopedia.com",
] * 8


def _example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dask_feed", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["dask_feed"] = module  # so that Dask can pickle its functions by reference
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def local_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    """An in-process Dask cluster still binds an HTTP server and asks for this machine's IP
    address (by "connecting" a UDP socket to a public address): answer both locally;
    connections stay blocked by the test-wide guard."""
    import distributed.comm.inproc

    def local_only(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in _LOCAL:
            raise OSError(f"not a local address: {host!r}")
        return _GETADDRINFO(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", local_only)
    monkeypatch.setattr(distributed.comm.inproc, "get_ip", lambda *args: "127.0.0.1")


@pytest.mark.usefixtures("local_sockets")
def test_records_on_a_threaded_local_cluster_equal_serial_ones() -> None:
    from dask.distributed import Client, LocalCluster

    example = _example()
    serial = [result.to_dict() for result in Checker().check_many(FEED)]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        records = example.check_lines(FEED, client, partitions=4)
        flagged = example.check_lines(FEED, client, partitions=3, only_flagged=True)
        custom = example.check_lines(["klikbca-login.com"], client,
                                     registry=Registry.from_domains(["klikbca.com"]))
    assert records == serial
    assert flagged == [record for record in serial if record["flagged"]]
    assert custom[0]["target"] == "klikbca.com"


def test_command_line_on_worker_processes(tmp_path: Path) -> None:
    feed = tmp_path / "feed.txt"
    feed.write_text("\n".join(FEED) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), str(feed), "--output", str(out), "--workers", "2",
         "--blocksize", "300"],
        capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) > 1  # the feed really was split
    records = [json.loads(line) for part in parts
               for line in part.read_text(encoding="utf-8").splitlines()]
    assert [record["input"] for record in records] == FEED
    serial = Checker().check_many(FEED)
    assert [record["verdict"] for record in records] == [r.verdict.value for r in serial]
