"""Test-wide guards: no test may reach the network (domainguard is offline by contract)."""

from __future__ import annotations

import importlib.util
import socket
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from domainguard import _screen

ROOT = Path(__file__).resolve().parents[1]
# The optional compiled build (mypyc) is being tested: its modules are C extensions, whose
# functions and constants a test cannot replace (the few tests that do run in the pure build)
COMPILED = _screen.COMPILED


def source_module(module: ModuleType) -> ModuleType:
    """``module``, or in the compiled build a fresh module run from the Python source it was
    compiled from (the build ships the sources): doctest finds examples only in Python
    functions' docstrings."""
    path = Path(module.__file__ or "")
    if path.suffix == ".py":
        return module
    spec = importlib.util.spec_from_file_location(
        f"{module.__name__}_source", path.with_name(path.name.split(".")[0] + ".py"))
    assert spec is not None
    assert spec.loader is not None
    found = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = found  # dataclasses look their module up while it runs
    try:
        spec.loader.exec_module(found)
    finally:
        del sys.modules[spec.name]
    return found


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
