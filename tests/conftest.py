"""Test-wide guards: no test may reach the network (domainguard is offline by contract)."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from domainguard import _index

ROOT = Path(__file__).resolve().parents[1]
# The optional compiled build (mypyc) is being tested: its modules are C extensions, whose
# functions and constants a test cannot replace (the few tests that do run in the pure build)
COMPILED = not _index.__file__.endswith(".py")


class NetworkBlocked(RuntimeError):
    pass


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise NetworkBlocked("domainguard tried to use the network")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    # Any attempt to open a connection or resolve a name fails the test that made it.
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
