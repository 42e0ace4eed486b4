"""The exception tree. Verdicts are values, never exceptions; these are for misuse.

    DomainguardError (ValueError)
    ├── RegistryError            a registry file or domain list is broken; names file and line
    └── DataError                a data file domainguard needs is missing (a broken install)
"""

from __future__ import annotations

__all__ = ["DataError", "DomainguardError", "RegistryError"]


class DomainguardError(ValueError):
    """Base class of every error domainguard raises on purpose."""


class RegistryError(DomainguardError):
    """A registry entry is invalid. ``path`` and ``line`` say where, when known."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = path if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {message}" if where else message)

    def __reduce__(self) -> tuple[object, ...]:
        # keyword-only arguments need help to survive pickling (multiprocessing pools)
        return (_rebuild_registry_error, (self.reason, self.path, self.line))


class DataError(DomainguardError):
    """A data file that domainguard or one of its dependencies ships cannot be read: the
    installation is incomplete. The message names the file and how to repair it."""


def _rebuild_registry_error(reason: str, path: str | None, line: int | None) -> RegistryError:
    return RegistryError(reason, path=path, line=line)
