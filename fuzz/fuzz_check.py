"""atheris fuzz target: any bytes must get an answer from check_url, check_text and the
registry loaders, never an unexpected exception or a hang.

One input drives all three entry points: the first byte picks which, the rest is the data
(decoded as UTF-8 with ``surrogateescape``, so invalid bytes arrive as lone surrogates, as
they do from ``sys.argv`` and from file names). Registry errors are expected answers; any
other exception is a finding. Usage (see fuzz/README.md)::

    python fuzz/fuzz_check.py fuzz/corpus -max_total_time=60
"""

from __future__ import annotations

import sys

import atheris  # type: ignore[import-untyped]  # no stubs published

with atheris.instrument_imports(include=["domainguard"]):
    import domainguard
    import domainguard._checker
    import domainguard._checks.combos
    import domainguard._checks.embedding
    import domainguard._checks.names
    import domainguard._checks.spoof
    import domainguard._checks.url
    import domainguard._host
    import domainguard._index
    import domainguard._payloads
    import domainguard._registry
    import domainguard._skeleton
    import domainguard._suffixes
    import domainguard._text
    import domainguard._url
    from domainguard import Checker, CheckResult, Registry, RegistryError, Verdict

_SMALL = Checker(Registry.from_domains(["klikbca.com", "dukcapil.kemendagri.go.id"],
                                       protected_suffixes=["go.id"]))


def _answer(result: CheckResult) -> None:
    if not isinstance(result, CheckResult) or not isinstance(result.verdict, Verdict):
        raise AssertionError(f"not a result: {result!r}")
    if result.verdict is Verdict.INVALID and not result.reasons:
        raise AssertionError(f"invalid without a reason: {result!r}")
    result.to_dict()
    result.explain("id")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    mode, body = data[0] % 5, data[1:]
    text = body.decode("utf-8", "surrogateescape")
    if mode == 0:
        _answer(domainguard.check_url(text))
        _answer(_SMALL.check_url(text))
    elif mode == 1:
        for link in domainguard.check_text(text):
            if text[link.start : link.end] != link.raw:
                raise AssertionError(f"span does not match: {link!r}")
            _answer(link.result)
    elif mode == 2:
        try:
            registry = Registry._parse(body, origin="fuzz", where="fuzz.txt",
                                       require_provenance=bool(data[0] & 0x80))
        except RegistryError as e:
            if not str(e).startswith(f"fuzz.txt:{e.line}: "):
                raise AssertionError(f"error without file:line: {e}") from e
            return
        for entry in list(registry)[:3]:
            _answer(Checker(registry).check_url(entry.domain))
    elif mode == 3:
        try:
            registry = Registry.from_domains(text.splitlines())
        except RegistryError as e:
            if not str(e).startswith(f"domains:{e.line}: "):
                raise AssertionError(f"error without file:line: {e}") from e
            return
        for entry in list(registry)[:3]:
            _answer(Checker(registry).check_url(entry.domain))
    else:
        results = domainguard.check_many(text.splitlines()[:20])
        for result in results:
            _answer(result)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
