"""Property tests: any text gets an answer, and the answer obeys the laws a caller relies on.

Over arbitrary Unicode (lone surrogates included), URL-shaped text and hostile hosts, the public
functions always return a result and never raise; DNS length limits make a URL ``invalid`` with
a reason; the verdict does not depend on case, on Unicode vs punycode spelling of the host, on a
trailing dot or on the default port; every registry domain is ``official``; and the same input
always gives the same result.

Profiles (``HYPOTHESIS_PROFILE``): ``default`` is quick enough for every run (the whole file in
well under a minute); ``long`` multiplies every example budget by 50 for a soak run; ``sealed``
runs a quarter of the examples without the example database, for the run where nothing may be
written (``test_side_effects.py``). ``--hypothesis-show-statistics`` shows how many examples ran::

    HYPOTHESIS_PROFILE=long pytest tests/test_properties.py --hypothesis-show-statistics
"""

from __future__ import annotations

import os
import string
import time
import tracemalloc
from collections.abc import Callable
from typing import Final, TypeVar

import idna
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import domainguard
from domainguard import Checker, CheckResult, Registry, RegistryError, TextLink, Verdict
from domainguard.permutations import permutations

settings.register_profile("default", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", deadline=None, suppress_health_check=list(HealthCheck))
settings.register_profile("sealed", deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
PROFILE: Final = os.environ.get("HYPOTHESIS_PROFILE", "default")
_SCALE: Final = {"long": 50.0, "sealed": 0.25}.get(PROFILE, 1.0)

F = TypeVar("F", bound=Callable[..., None])


def budget(examples: int) -> Callable[[F], F]:
    """This test's example budget under the active profile."""
    return settings(settings.get_profile(PROFILE), max_examples=max(10, int(examples * _SCALE)))


# ---- strategies ------------------------------------------------------------------------------

# Every code point, lone surrogates included (they reach Python from JSON and surrogateescape).
ANY_CHAR = st.characters(exclude_categories=())
ANY_TEXT = st.text(ANY_CHAR, max_size=200)

HOSTILE_PIECES: Final = (
    "\x00", "\ud800", "\udfff", "\ud83d", "\u202e", "\u202d", "\u2066", "\u200d", "\u200c",
    "\u200b", "\u00ad", "\ufeff", "\u034f", "😀", "👨\u200d👩\u200d👧", "\U0001f1ee\U0001f1e9",
    "\u0430", "\u0441", "\u0456", "ı", "ß", "ς", "\u0301", "\u3002", "\uff0e", "\uff61", "%",
    "%2e", "%00", "@", ":", "/", "\\", "#", "?", "[", "]", "..", "xn--", "xn--a", "-", "_",
    " ", "\t", "\n", "\r", "ｄ", "١", "\U000e0041", "\ufffd", "\U0010ffff",
)
HOSTILE = st.sampled_from(HOSTILE_PIECES)

LDH_LABEL = st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=20)
UNICODE_LABEL = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=12
)
LETTERS_LABEL = st.text(st.characters(categories=("Ll", "Lu", "Lo", "Mn", "Nd")),
                        min_size=1, max_size=12)


def _punycode(label: str) -> str:
    return "xn--" + label.encode("punycode").decode("ascii")


REGISTRY_DOMAINS: Final = tuple(entry.domain for entry in Registry.default())
REGISTRY_LABELS: Final = tuple(sorted({label for d in REGISTRY_DOMAINS for label in d.split(".")}))
LOOKALIKES: Final = tuple(
    p.domain
    for target in ("dukcapil.kemendagri.go.id", "kemendagri.go.id", "bkn.go.id", "indonesiabaik.id")
    for p in permutations(target, limit_per_family=15)
)

LABEL = st.one_of(
    LDH_LABEL,
    UNICODE_LABEL,
    LETTERS_LABEL.map(_punycode),  # well-formed punycode, not always valid IDNA
    st.text(string.printable, max_size=15).map(lambda s: "xn--" + s),  # punycode garbage
    st.sampled_from(REGISTRY_LABELS),
    st.lists(st.one_of(HOSTILE, st.sampled_from(REGISTRY_LABELS)), min_size=1, max_size=4)
    .map("".join),
)
HOST = st.one_of(
    st.lists(LABEL, min_size=1, max_size=6).map(".".join),
    st.sampled_from(REGISTRY_DOMAINS),
    st.sampled_from(LOOKALIKES),
    st.builds(lambda a, b: f"{a}.{b}", LABEL, st.sampled_from(REGISTRY_DOMAINS)),
    st.builds(lambda a, b: f"{a}.{b}", st.sampled_from(REGISTRY_DOMAINS), LABEL),
)


@st.composite
def hostile_hosts(draw: st.DrawFn) -> str:
    """Hosts that attack the parser's limits: long labels, many labels, megabytes of one thing."""
    piece = draw(st.one_of(st.sampled_from(["a", "xn--a", "ä", "0", "-", "😀", "."]), HOSTILE))
    shape = draw(st.sampled_from(["label", "labels", "repeat"]))
    size = draw(st.sampled_from([62, 63, 64, 65, 253, 254, 1000, 10_000, 100_000, 1_000_000]))
    if shape == "label":
        return piece * max(1, size // len(piece)) + ".com"
    if shape == "labels":
        return ".".join([piece] * max(1, size // (len(piece) + 1))) + ".com"
    return (piece * size)[:size]


SCHEME = st.sampled_from(["", "http://", "https://", "HTTPS://", "hxxps://", "//", "ftp://",
                          "ws://", "javascript:", "data:", "mailto:", "foo://", "https:\\\\",
                          "https:/", "https:"])
USERINFO = st.one_of(st.just(""), st.builds(lambda u: u + "@", st.one_of(HOST, ANY_TEXT)))
PORT = st.one_of(st.just(""), st.sampled_from([":443", ":80", ":0", ":8080", ":65535", ":65536",
                                               ":-1", ":", ":99999999999999999999"]),
                 st.integers(0, 70000).map(lambda p: f":{p}"))
PATH = st.one_of(st.just(""), st.just("/"), st.builds(lambda s: "/" + s, ANY_TEXT),
                 st.sampled_from(["/aktivasi-ikd", "/Undangan%20Pernikahan.apk", "/view/dukcapil",
                                  "?u=dukcapil.kemendagri.go.id", "#x", "/a\\b"]))


def _url(scheme: str, userinfo: str, host: str, port: str, path: str) -> str:
    return f"{scheme}{userinfo}{host}{port}{path}"


URL = st.builds(_url, SCHEME, USERINFO, st.one_of(HOST, hostile_hosts()), PORT, PATH)
ANY_INPUT = st.one_of(ANY_TEXT, URL, hostile_hosts(), st.builds(_url, SCHEME, USERINFO,
                                                                hostile_hosts(), PORT, PATH))


def _message(parts: list[str]) -> str:
    return " ".join(parts)


MESSAGE = st.lists(st.one_of(ANY_TEXT, URL, st.sampled_from([
    "Segera aktivasi IKD di", "hxxps://dukcapil-ikd[.]com/login!", "(lihat bit.ly/abc)",
    "Rp.50.000 dll.", "S.Kom.", "dukcapil[.]kemendagri[.]go[.]id", "https://", "[.]", "....",
])), max_size=8).map(_message)


def _assert_result(result: object) -> CheckResult:
    assert isinstance(result, CheckResult)
    assert isinstance(result.verdict, Verdict)
    assert 0 <= result.score <= 100
    assert result.reasons or result.verdict is Verdict.UNRELATED
    for reason in result.reasons:
        assert reason.code in domainguard.REASON_CODES
        reason.message("en")
        reason.message("id")
    result.to_dict()
    result.explain("id")
    return result


# ---- always an answer ------------------------------------------------------------------------

@budget(300)
@given(ANY_INPUT)
def test_check_url_always_answers(text: str) -> None:
    result = _assert_result(domainguard.check_url(text))
    assert result.url == text


@budget(200)
@given(ANY_TEXT)
def test_check_url_answers_arbitrary_unicode(text: str) -> None:
    _assert_result(domainguard.check_url(text))


@budget(200)
@given(st.one_of(MESSAGE, ANY_TEXT))
def test_check_text_always_answers(text: str) -> None:
    links = domainguard.check_text(text)
    assert isinstance(links, list)
    previous_end = 0
    for link in links:
        assert isinstance(link, TextLink)
        assert text[link.start : link.end] == link.raw
        assert previous_end <= link.start < link.end
        previous_end = link.end
        _assert_result(link.result)


@budget(100)
@given(st.lists(ANY_INPUT, max_size=5))
def test_check_many_matches_check_url(urls: list[str]) -> None:
    assert domainguard.check_many(urls) == [domainguard.check_url(url) for url in urls]


# text that holds a URL is read as its host, with a warning: expected here
@pytest.mark.filterwarnings("ignore:domains.*read as the domain:UserWarning")
@budget(100)
@given(st.lists(st.one_of(HOST, ANY_TEXT), max_size=5))
def test_registry_from_domains_builds_or_names_the_line(domains: list[str]) -> None:
    error: RegistryError | None = None
    try:
        registry = Registry.from_domains(domains)
    except RegistryError as e:
        error = e
    if error is None:
        for url in domains[:2]:
            _assert_result(Checker(registry).check_url(url))
        return
    assert error.path == "domains"
    assert error.line is not None
    assert 1 <= error.line <= len(domains)
    assert str(error).startswith(f"domains:{error.line}: ")


@budget(150)
@given(st.binary(max_size=300) | st.lists(st.one_of(HOST, ANY_TEXT, st.just("|")), max_size=8)
       .map(lambda parts: "\n".join(" | ".join([p, "custom", "", "-", "src"]) for p in parts)
            .encode("utf-8", "surrogatepass")))
def test_registry_file_parses_or_names_the_line(data: bytes) -> None:
    error: RegistryError | None = None
    try:
        Registry._parse(data, origin="fuzz", where="fuzz.txt")
    except RegistryError as e:
        error = e
    if error is not None:
        assert error.path == "fuzz.txt"
        assert error.line is not None
        assert error.line >= 1
        assert str(error).startswith(f"fuzz.txt:{error.line}: ")


# ---- DNS limits ------------------------------------------------------------------------------

ASCII_LABEL_63 = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=63)


@budget(100)
@given(st.lists(ASCII_LABEL_63, min_size=1, max_size=300), ASCII_LABEL_63,
       st.sampled_from(["", "https://", "http://", "HTTPS://", "hxxps://", "//", "ftp://"]))
def test_hosts_beyond_253_are_invalid(labels: list[str], pad: str, scheme: str) -> None:
    while len(".".join(labels)) <= 253 - len(".com"):
        labels.append(pad)
    host = ".".join(labels) + ".com"
    result = domainguard.check_url(scheme + host + "/x")
    assert result.verdict is Verdict.INVALID
    assert [r.code for r in result.reasons] == ["host_too_long"]


@budget(100)
@given(st.text(string.ascii_lowercase + string.digits, min_size=64, max_size=190),
       st.lists(ASCII_LABEL_63, max_size=2), st.booleans())
def test_labels_beyond_63_are_invalid(label: str, others: list[str], trailing_dot: bool) -> None:
    host = ".".join([*others, label, "com"]) + ("." if trailing_dot else "")
    assume(len(host.rstrip(".")) <= 253)
    result = domainguard.check_url("https://" + host)
    assert result.verdict is Verdict.INVALID
    assert [r.code for r in result.reasons] == ["label_too_long"]


@budget(60)
@given(st.text(st.characters(categories=("Ll", "Lo")), min_size=1, max_size=80)
       .filter(lambda s: not s.isascii()), st.integers(1, 100))
def test_unicode_labels_are_measured_in_their_ascii_form(label: str, repeat: int) -> None:
    try:
        mapped = idna.decode(idna.encode(label, uts46=True))
    except idna.IDNAError:
        assume(False)
    assume(not mapped.isascii())  # UTS #46 maps some letters to ASCII ones
    ascii_label = _punycode(mapped * repeat)
    assume(len(ascii_label) > 63)
    result = domainguard.check_url("https://" + label * repeat + ".com")
    assert result.verdict is Verdict.INVALID, ascii(label)
    expected = "label_too_long" if len(ascii_label) + len(".com") <= 253 else "host_too_long"
    assert [r.code for r in result.reasons] == [expected], (ascii(label), result.reasons)


# ---- laws ------------------------------------------------------------------------------------

# Hosts a browser opens: valid IDNA (UTS #46, nontransitional) and within the DNS limits.
VALID_LABEL = st.one_of(
    LDH_LABEL.filter(lambda s: not s.startswith("-") and not s.endswith("-")),
    LETTERS_LABEL,
    st.sampled_from(REGISTRY_LABELS),
)


def _valid_host(labels: list[str]) -> str | None:
    try:
        ascii_host = idna.encode(".".join(labels), uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return None
    if len(ascii_host) > 253 or ascii_host.split(".")[-1].isdigit():
        return None
    return ascii_host


def _joined(*parts: str) -> str | None:
    return _valid_host([p for part in parts for p in part.split(".")])


VALID_LOOKALIKES: Final = tuple(h for h in map(_joined, LOOKALIKES) if h)
IDN_LOOKALIKES: Final = tuple(h for h in VALID_LOOKALIKES if "xn--" in h)
IDN_LABEL = LETTERS_LABEL.filter(lambda s: not s.isascii())


# ASCII (punycode) hosts with at least one IDN label.
IDN_HOST = st.one_of(
    st.sampled_from(IDN_LOOKALIKES),
    st.builds(_joined, IDN_LABEL, st.sampled_from(REGISTRY_DOMAINS)).filter(bool),
    st.builds(_joined, IDN_LABEL, st.sampled_from(REGISTRY_DOMAINS).map(
        lambda d: ".".join(d.split(".")[-2:]))).filter(bool),
    st.builds(_joined, st.sampled_from(REGISTRY_DOMAINS), IDN_LABEL).filter(bool),
    st.lists(st.one_of(IDN_LABEL, VALID_LABEL), min_size=1, max_size=3).map(
        lambda labels: _joined(*labels, "id")).filter(lambda h: h is not None and "xn--" in h),
).map(str)
VALID_HOST = st.one_of(
    st.lists(VALID_LABEL, min_size=1, max_size=4).map(_valid_host).filter(bool),
    st.sampled_from(REGISTRY_DOMAINS),
    st.sampled_from(VALID_LOOKALIKES),
    st.builds(_joined, VALID_LABEL, st.sampled_from(REGISTRY_DOMAINS)).filter(bool),
    st.builds(_joined, VALID_LABEL, st.sampled_from(REGISTRY_DOMAINS).map(
        lambda d: ".".join(d.split(".")[-2:]))).filter(bool),
    IDN_HOST,
).map(str)
LAW_PATH = st.sampled_from(["", "/", "/aktivasi", "/login?next=/ikd", "/Surat%20Tilang.apk",
                            "/view/dukcapil"])


def _same(a: CheckResult, b: CheckResult) -> None:
    assert (a.verdict, a.target, a.ascii_host) == (b.verdict, b.target, b.ascii_host)


def _flip_case(host: str, flips: list[bool]) -> str:
    return "".join(c.upper() if c.isascii() and flip else c
                   for c, flip in zip(host, flips + [False] * len(host), strict=False))


@budget(150)
@given(VALID_HOST, st.lists(st.booleans(), max_size=60), st.sampled_from(["", "https://",
                                                                       "http://"]), LAW_PATH)
def test_verdict_ignores_case_of_host(host: str, flips: list[bool], scheme: str,
                                      path: str) -> None:
    _same(domainguard.check_url(scheme + host + path),
          domainguard.check_url(scheme + _flip_case(host, flips) + path))


@budget(150)
@given(IDN_HOST, st.sampled_from(["", "https://", "http://"]), LAW_PATH)
def test_verdict_ignores_unicode_or_punycode_spelling(host: str, scheme: str, path: str) -> None:
    unicode_host = idna.decode(host)
    _same(domainguard.check_url(scheme + host + path),
          domainguard.check_url(scheme + unicode_host + path))


@budget(150)
@given(VALID_HOST, st.sampled_from(["", "https://", "http://"]), LAW_PATH, st.booleans())
def test_verdict_ignores_trailing_dot(host: str, scheme: str, path: str, unicode: bool) -> None:
    if unicode:
        host = idna.decode(host)
    _same(domainguard.check_url(scheme + host + path),
          domainguard.check_url(scheme + host + "." + path))


@budget(150)
@given(VALID_HOST, st.sampled_from([("https://", ":443"), ("http://", ":80"), ("ws://", ":80"),
                                    ("wss://", ":443"), ("ftp://", ":21")]), LAW_PATH)
def test_verdict_ignores_default_port(host: str, scheme_port: tuple[str, str], path: str) -> None:
    scheme, port = scheme_port
    _same(domainguard.check_url(scheme + host + path),
          domainguard.check_url(scheme + host + port + path))


def test_every_registry_domain_is_official() -> None:
    wrong = {}
    for entry in Registry.default():
        for spelling in {entry.domain, entry.unicode}:
            result = domainguard.check_url(f"https://{spelling}/")
            if result.verdict is not Verdict.OFFICIAL or result.entry != entry:
                wrong[spelling] = (result.verdict.value, result.entry and result.entry.domain)
    assert wrong == {}
    assert len(Registry.default()) > 100


@budget(150)
@given(st.sampled_from(REGISTRY_DOMAINS), st.lists(st.booleans(), max_size=40),
       st.sampled_from(["", "https://", "http://", "HTTPS://", "hxxps://", "//"]),
       st.sampled_from(["", ".", ":443", ".:443"]), LAW_PATH, st.sampled_from(["", "www.", "a."]))
def test_registry_domains_are_official_in_any_spelling(
    domain: str, flips: list[bool], scheme: str, tail: str, path: str, sub: str
) -> None:
    if scheme in ("http://",) and tail.endswith(":443"):
        tail = tail.replace(":443", ":80")
    result = domainguard.check_url(scheme + sub + _flip_case(domain, flips) + tail + path)
    assert result.verdict is Verdict.OFFICIAL
    assert result.entry is not None
    assert result.entry.domain == domain


@budget(200)
@given(ANY_INPUT)
def test_results_are_deterministic(text: str) -> None:
    first = domainguard.check_url(text)
    assert domainguard.check_url(text) == first  # the cached path
    assert Checker().check_url(text) == first  # a cold cache
    assert Checker(cache_size=1).check_url(text) == first


@budget(100)
@given(MESSAGE)
def test_text_results_are_deterministic(text: str) -> None:
    assert domainguard.check_text(text) == Checker().check_text(text)


# ---- misuse is an exception, not a verdict ---------------------------------------------------

@pytest.mark.parametrize("value", [None, b"https://dukcapil.com", 42, ["x"]],
                         ids=["none", "bytes", "int", "list"])
def test_non_str_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        domainguard.check_url(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        domainguard.check_text(value)  # type: ignore[arg-type]


# ---- worst-case time -------------------------------------------------------------------------
# No absolute times (shared, noisy machines): the CPU time for an input 4 times larger must stay
# far below the 16x of quadratic growth. benchmarks/hostile.py runs the full battery and names
# the slowest input.

def _cpu(function: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best


SCALING = [
    pytest.param("url", lambda n: "https://" + "a." * n + "com", 100_000, id="url-labels"),
    pytest.param("url", lambda n: "https://" + "\u00e4" * n, 100_000, id="url-unicode-host"),
    pytest.param("url", lambda n: "https://" + "\u200d" * n + ".com", 100_000, id="url-zwj"),
    pytest.param("url", lambda n: "https://" + "@" * n, 200_000, id="url-at-signs"),
    pytest.param("url", lambda n: "\ud800" * n, 30_000, id="url-surrogates"),
    pytest.param("url", lambda n: "https://x.com/?u=" + "dukcapil.kemendagri.go.id&" * n, 20_000,
                 id="url-official-names-in-query"),
    pytest.param("text", lambda n: "dukcapil-ikd.com " * n, 1_000, id="text-links"),
    pytest.param("text", lambda n: " ".join(f"dukcapil-{i}.com" for i in range(n)), 250,
                 id="text-distinct-links"),
    pytest.param("text", lambda n: "a[.]" * n + "id", 20_000, id="text-defanged-dots"),
    pytest.param("text", lambda n: "1.2.3.4:" * n, 1_000, id="text-ip-ports"),
    pytest.param("text", lambda n: "https://x.id/" + "(" * n, 100_000, id="text-brackets"),
    pytest.param("text", lambda n: ",https://x.id" * n, 800, id="text-glued-urls"),
    pytest.param("text", lambda n: "www." * n + "id", 100_000, id="text-www"),
]


@pytest.mark.parametrize(("api", "shape", "n"), SCALING)
def test_time_grows_linearly(api: str, shape: Callable[[int], str], n: int) -> None:
    registry = Registry.default()
    Checker(registry).check_text("warm dukcapil-ikd[.]com")  # tables built before timing

    def check(text: str) -> Callable[[], object]:
        if api == "url":
            return lambda: Checker(registry).check_url(text)
        return lambda: Checker(registry).check_text(text)

    small, large = shape(n), shape(4 * n)
    ratio = _cpu(check(large)) / max(_cpu(check(small)), 1e-4)
    assert ratio < 10, f"4x the input took {ratio:.1f}x the time (16x is quadratic)"


MEMORY = [
    pytest.param(lambda n: "http://x.com/" + "\u200d" * n, id="path-percent-encoded"),
    pytest.param(lambda n: "http://x.com/?u=" + "\u200d" * n, id="query-percent-encoded"),
    pytest.param(lambda n: "http://x.com/?" + "a=%E2&" * (n // 6), id="query-parameters"),
    pytest.param(lambda n: "https://" + "\u00e4" * n, id="unicode-host"),
    pytest.param(lambda n: "\ud800" * n, id="surrogates"),
    pytest.param(lambda n: "a[.]" * (n // 4) + "id", id="defanged-dots"),
    pytest.param(lambda n: "1.2.3.4:" * (n // 8), id="ip-ports"),
    pytest.param(lambda n: "dukcapil-ikd.com " * (n // 17), id="links"),
]


@pytest.mark.parametrize("shape", MEMORY)
def test_memory_stays_proportional(shape: Callable[[int], str]) -> None:
    # ~700 bytes per character once (unquote of a percent-encoded megabyte path); a bound per
    # input character does not depend on the machine
    text = shape(50_000)
    registry = Registry.default()
    Checker(registry).check_text("warm dukcapil-ikd[.]com/a.apk?u=1")
    for check in (Checker(registry).check_url, Checker(registry).check_text):
        tracemalloc.start()
        try:
            check(text)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak / len(text) < 200, f"{peak / len(text):.0f} bytes per input character"
