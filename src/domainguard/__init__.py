"""domainguard: tell whether a URL imitates an official Indonesian government site, and why.

>>> import domainguard
>>> r = domainguard.check_url("https://dukcapil-kemendagri.com/aktivasi")
>>> r.verdict, r.target
(<Verdict.LOOKALIKE: 'lookalike'>, 'dukcapil.kemendagri.go.id')
>>> r.reasons[0].code
'hyphen_or_dot_variant'
>>> domainguard.check_url("https://dukcapil.kemendagri.go.id/").verdict.value
'official'
>>> bank = domainguard.Checker(registry=domainguard.Registry.from_domains(["klikbca.com"]))
>>> bank.check_url("klikbca-login.com").target
'klikbca.com'

Pure: no network, no file writes; the bundled registry is read on first use.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from domainguard._checker import Checker, Resolver
from domainguard._errors import DataError, DomainguardError, RegistryError
from domainguard._messages import CATALOGUE
from domainguard._record import SCHEMA_VERSION
from domainguard._registry import Entry, Registry
from domainguard._verdict import CheckResult, Reason, TextLink, Verdict

if TYPE_CHECKING:
    from types import ModuleType

__all__ = [
    "CheckResult",
    "Checker",
    "DataError",
    "DomainguardError",
    "Entry",
    "REASON_CODES",
    "Reason",
    "Registry",
    "RegistryError",
    "Resolver",
    "SCHEMA_VERSION",
    "TextLink",
    "Verdict",
    "__version__",
    "check_many",
    "check_text",
    "check_url",
    "data_versions",
]

__version__ = "0.1.0"

#: Every stable reason code domainguard can emit.
REASON_CODES: frozenset[str] = frozenset(CATALOGUE)

_default_checker: Checker | None = None
_default_lock = threading.Lock()


def _checker() -> Checker:
    global _default_checker
    checker = _default_checker
    if checker is None:
        with _default_lock:
            if _default_checker is None:
                _default_checker = Checker(Registry.default())
            checker = _default_checker
    return checker


def check_url(url: str) -> CheckResult:
    """Judge one URL against the bundled registry."""
    return _checker().check_url(url)


def check_many(urls: Any) -> list[CheckResult]:
    """Judge many URLs against the bundled registry: one result per input, in order."""
    return _checker().check_many(urls)


def check_text(text: str) -> list[TextLink]:
    """Find and judge every link in a message against the bundled registry."""
    return _checker().check_text(text)


def data_versions() -> dict[str, str]:
    """Versions of the data domainguard judges with (PSL, Unicode confusables, registry)."""
    from domainguard._confusables import UNICODE_VERSION
    from domainguard._suffixes import psl_version

    return {
        "public_suffix_list": psl_version(),
        "unicode_confusables": UNICODE_VERSION,
        "registry_entries": str(len(Registry.default())),
    }


def __getattr__(name: str) -> ModuleType:
    # `domainguard.permutations` without importing the generator for every user
    if name == "permutations":
        import importlib

        return importlib.import_module("domainguard.permutations")
    raise AttributeError(f"module 'domainguard' has no attribute {name!r}")
