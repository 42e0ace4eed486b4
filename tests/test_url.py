"""URL → host: the host domainguard judges must be the host a browser would open."""

from __future__ import annotations

import pytest

import domainguard
from domainguard import Verdict
from domainguard._host import Host, analyse_host
from domainguard._url import ParsedURL, URLProblem, parse_url

# (input, expected ASCII host, expected Unicode host)
HOSTS = [
    pytest.param("https://dukcapil.kemendagri.go.id/x", "dukcapil.kemendagri.go.id",
                 "dukcapil.kemendagri.go.id", id="full-url"),
    pytest.param("dukcapil.go.id/aktivasi", "dukcapil.go.id", "dukcapil.go.id", id="scheme-less"),
    pytest.param("kemendagri.go.id", "kemendagri.go.id", "kemendagri.go.id", id="bare-host"),
    pytest.param("  \tkemendagri.go.id \n", "kemendagri.go.id", "kemendagri.go.id",
                 id="whitespace"),
    pytest.param("HTTPS://DUKCAPIL.Kemendagri.GO.ID/", "dukcapil.kemendagri.go.id",
                 "dukcapil.kemendagri.go.id", id="uppercase"),
    pytest.param("https://dukcapil.kemendagri.go.id@evil.example/", "evil.example",
                 "evil.example", id="userinfo"),
    pytest.param("https://user:pw@evil.example:8443/", "evil.example", "evil.example",
                 id="userinfo-password-port"),
    pytest.param("https:\\\\evil.example\\dukcapil", "evil.example", "evil.example",
                 id="backslashes"),
    pytest.param("http://0x7f.1/", "127.0.0.1", "127.0.0.1", id="hex-ipv4"),
    pytest.param("http://3232235777/", "192.168.1.1", "192.168.1.1", id="decimal-ipv4"),
    pytest.param("http://0300.0250.01.01/", "192.168.1.1", "192.168.1.1", id="octal-ipv4"),
    pytest.param("https://[2001:db8::1]:8080/x", "[2001:db8::1]", "[2001:db8::1]", id="ipv6"),
    pytest.param("kemendagri.go.id:8080/x", "kemendagri.go.id", "kemendagri.go.id",
                 id="port-no-scheme"),
    pytest.param("http://kemendagri.go.id./", "kemendagri.go.id", "kemendagri.go.id",
                 id="trailing-dot"),
    pytest.param("https://%64ukcapil.go.id/", "dukcapil.go.id", "dukcapil.go.id",
                 id="percent-encoded"),
    pytest.param("dukcapil。kemendagri。go。id", "dukcapil.kemendagri.go.id",
                 "dukcapil.kemendagri.go.id", id="ideographic-dots"),
    pytest.param("dukcapil．kemendagri．go．id", "dukcapil.kemendagri.go.id",
                 "dukcapil.kemendagri.go.id", id="fullwidth-dots"),
    pytest.param("ｄｕｋｃａｐｉｌ.id", "dukcapil.id", "dukcapil.id", id="fullwidth-letters"),
    pytest.param("dukсapil.id", "xn--dukapil-0jg.id", "dukсapil.id", id="cyrillic-es"),
    pytest.param("http://xn--dukapil-0jg.id/", "xn--dukapil-0jg.id", "dukсapil.id",
                 id="punycode-input"),
    pytest.param("//evil.example/path", "evil.example", "evil.example", id="protocol-relative"),
    pytest.param("hxxps://evil.example/x", "evil.example", "evil.example", id="defanged-scheme"),
    pytest.param("hxxps://dukcapil-ikd[.]com/x", "dukcapil-ikd.com", "dukcapil-ikd.com",
                 id="defanged-dot"),
    pytest.param("hxxps[://]evil(.)example{dot}id", "evil.example.id", "evil.example.id",
                 id="defanged-separators"),
    pytest.param("evil(.)example[:]8080/x", "evil.example", "evil.example", id="defanged-port"),
    pytest.param("https://straße.de/", "xn--strae-oqa.de", "straße.de", id="nontransitional"),
    pytest.param("https://dukca\u00adpil.id/", "dukcapil.id", "dukcapil.id", id="soft-hyphen"),
]


@pytest.mark.parametrize(("text", "ascii_host", "unicode_host"), HOSTS)
def test_host_a_browser_would_open(text: str, ascii_host: str, unicode_host: str) -> None:
    parsed = parse_url(text)
    assert isinstance(parsed, ParsedURL)
    host = analyse_host(parsed.hostname)
    assert isinstance(host, Host)
    assert (host.ascii, host.unicode) == (ascii_host, unicode_host)


@pytest.mark.parametrize(("text", "registrable", "suffix"), [
    pytest.param("dukcapil.kemendagri.go.id", "kemendagri.go.id", "go.id", id="go.id"),
    pytest.param("a.dukcapil-kemendagri.blogspot.com", "dukcapil-kemendagri.blogspot.com",
                 "blogspot.com", id="psl-private"),
    # *.my.canva.site makes each tenant's name a suffix; the tenant is the name judged
    pytest.param("dukcapil-online.my.canva.site", "dukcapil-online.my.canva.site",
                 "my.canva.site", id="psl-private-wildcard"),
    pytest.param("x.koperasi.kop.id", "koperasi.kop.id", "kop.id", id="newer-than-snapshot"),
    pytest.param("kemendagri.gov.id", "gov.id", "id", id="fake-sld"),
    pytest.param("dukcapil.kemendagri.go.id.aktivasi", "id.aktivasi", "aktivasi",
                 id="unknown-tld-default-rule"),
])
def test_registrable_domain(text: str, registrable: str, suffix: str) -> None:
    parsed = parse_url(text)
    assert isinstance(parsed, ParsedURL)
    host = analyse_host(parsed.hostname)
    assert isinstance(host, Host)
    assert (host.registrable, host.suffix) == (registrable, suffix)


@pytest.mark.parametrize(("text", "code"), [
    pytest.param("", "empty_input", id="empty"),
    pytest.param("   ", "empty_input", id="blank"),
    pytest.param("a b", "invalid_host", id="space-in-host"),
    pytest.param("http://", "not_a_url", id="scheme-only"),
    pytest.param("http://xn--zz.com/", "invalid_punycode", id="bad-punycode"),
    pytest.param("foo://bar/", "unsupported_scheme", id="unknown-scheme"),
    pytest.param("mailto:admin@kemendagri.go.id", "unsupported_scheme", id="mailto"),
    pytest.param("http://1.2.3.4.5/", "invalid_host", id="bad-ipv4"),
    pytest.param("http://[::1/", "invalid_host", id="bad-ipv6"),
    pytest.param("http://a..b/", "invalid_host", id="empty-label"),
    pytest.param("http://" + "a" * 64 + ".com/", "label_too_long", id="label-64"),
    pytest.param("http://" + "abc." * 70 + "com/", "host_too_long", id="host-284"),
])
def test_invalid_inputs_answer_with_a_reason(text: str, code: str) -> None:
    result = domainguard.check_url(text)
    assert result.verdict is Verdict.INVALID
    assert [r.code for r in result.reasons] == [code]
    assert result.explain("id")


@pytest.mark.parametrize(("text", "scheme"), [
    pytest.param("javascript:alert(1)", "javascript", id="javascript"),
    pytest.param("data:text/html;base64,PHNjcmlwdD4=", "data", id="data"),
    pytest.param("file:///C:/Users/x/ktp.exe", "file", id="file"),
])
def test_dangerous_schemes_are_suspicious(text: str, scheme: str) -> None:
    result = domainguard.check_url(text)
    assert result.verdict is Verdict.SUSPICIOUS
    assert result.reasons[0].code == "dangerous_scheme"
    assert result.reasons[0].matched == scheme


def test_parse_url_problem_is_a_value() -> None:
    assert isinstance(parse_url("http://xn--zz.com/"), URLProblem)


def test_a_platforms_own_address_is_not_a_tenant() -> None:
    """blogspot.com is the platform itself; x.blogspot.com is a site on it."""
    assert [r.code for r in domainguard.check_url("blogspot.com").reasons] == []
    assert [r.code for r in domainguard.check_url("x.blogspot.com").reasons] == [
        "hosting_platform"]


# A bare e-mail address is judged by its domain; an official host before the "@" is still the
# userinfo trick.
@pytest.mark.parametrize(("text", "verdict", "host", "codes"), [
    pytest.param("admin@dukcapil-ikd.com", "lookalike", "dukcapil-ikd.com",
                 {"email_address"}, id="mail-lookalike"),
    pytest.param("humas@kemendagri.go.id", "official", "kemendagri.go.id", {"email_address"},
                 id="mail-official"),
    pytest.param("dukcapil.kemendagri.go.id@evil.com", "lookalike", "evil.com",
                 {"official_name_in_userinfo", "userinfo_in_url"}, id="userinfo-trick"),
    pytest.param("http://admin@dukcapil-ikd.com/", "lookalike", "dukcapil-ikd.com",
                 {"userinfo_in_url"}, id="with-a-scheme-it-is-a-url"),
])
def test_mail_addresses(text: str, verdict: str, host: str, codes: set[str]) -> None:
    result = domainguard.check_url(text)
    found = {reason.code for reason in result.reasons}
    assert (result.verdict.value, result.host, result.url) == (verdict, host, text)
    assert codes <= found
    if "email_address" in codes:
        assert "userinfo_in_url" not in found
