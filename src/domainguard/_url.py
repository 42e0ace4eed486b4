"""Text → parsed URL, by WHATWG rules (the Ada parser): the host a browser would really open.

Lenient the way a browser's address bar is: scheme-less input (``dukcapil.go.id/aktivasi``),
bare hosts and surrounding whitespace are accepted; backslashes, userinfo, numeric IPv4 forms,
percent-encoded hosts and full-width dots resolve as browsers resolve them. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

import can_ada

__all__ = ["DEFANG", "DEFANG_TOKENS", "ParsedURL", "URLProblem", "mail_domain", "parse_url",
           "refang"]

# Schemes a browser opens as web sites; every other scheme is judged by what it can do.
WEB_SCHEMES: Final = frozenset({"http", "https", "ws", "wss", "ftp"})
# Schemes that run code or open content directly instead of a site.
DANGEROUS_SCHEMES: Final = frozenset({"javascript", "data", "vbscript", "file", "blob"})
# Schemes recognised as such when typed; anything else before a colon is a host with a port
# (``localhost:8080``) or garbage, and gets ``http://`` in front as an address bar would.
_KNOWN_SCHEMES: Final = WEB_SCHEMES | DANGEROUS_SCHEMES | frozenset({
    "mailto", "tel", "sms", "about", "chrome", "intent", "market", "whatsapp", "tg", "ssh",
    "gopher", "news", "irc", "ldap", "view-source", "filesystem",
})
_DEFANGED_SCHEMES: Final = {"hxxp": "http", "hxxps": "https", "hxxp:": "http", "fxp": "ftp"}
# Defanged separators in threat-intel feeds (dukcapil[.]com, hxxps[://]...): no host name can
# hold them (a bracket is not a host character, and Ada would keep "(.)" in a bogus host), so
# they are read back before parsing, as an analyst means them.
DEFANG_TOKENS: Final = {"[.]": ".", "(.)": ".", "{.}": ".", "[dot]": ".", "(dot)": ".",
                        "{dot}": ".", "[:]": ":", "[://]": "://"}
DEFANG: Final = re.compile("|".join(map(re.escape, DEFANG_TOKENS)), re.IGNORECASE)
# A scheme is letters, digits, "+", "-", "." after a letter: one linear pass, no backtracking.
_SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]{0,31}:")
_AUTHORITY_END: Final = re.compile(r"[/?#\\]")
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")
# local@domain with nothing around it: the local part in RFC 5322's dot-atom letters, the domain
# without a port, path, query or second "@" (any of those makes it a URL with userinfo).
_MAIL: Final = re.compile(r"[A-Za-z0-9!#$%&'*+=?^_`{|}~.-]{1,64}@([^\s@/\\?#:]{1,253})\Z")


@dataclass(slots=True, kw_only=True)  # not frozen: internal, and a frozen init costs 3× more
class ParsedURL:
    """A URL as a browser sees it. ``hostname`` is ASCII (punycode), lowercase, as Ada gives it.

    Treat as read-only.
    """

    scheme: str
    hostname: str
    port: str
    username: str
    password: str
    path: str
    query: str
    had_scheme: bool
    backslash: bool  # a backslash stood where a browser reads "/"
    written: str  # the input after its scheme, as written: where ``raw_host`` comes from

    @property
    def raw_host(self) -> str:
        """The host as written in the input (before decoding), for disguise checks; worked
        out on demand since most URLs never need it."""
        return _raw_host(_raw_authority(self.written))


@dataclass(frozen=True, slots=True)
class URLProblem:
    """Why a text is not an address a browser could open; ``code`` is a reason code."""

    code: str
    matched: str = ""
    detail: str = ""


def _raw_authority(rest: str) -> str:
    """The authority as written: up to the first path, query or fragment delimiter."""
    end = _AUTHORITY_END.search(rest)
    return rest if end is None else rest[: end.start()]


def _raw_host(authority: str) -> str:
    host = authority.rpartition("@")[2]
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rpartition(":")[0] if host.count(":") == 1 else host


def _failure(text: str, raw_host: str) -> URLProblem:
    """Explain why Ada refused the text."""
    labels = raw_host.lower().replace("\u3002", ".").replace("\uff0e", ".").split(".")
    for label in labels:
        if label.startswith("xn--"):
            try:
                label[4:].encode("ascii").decode("punycode")
            except (UnicodeError, ValueError):
                return URLProblem("invalid_punycode", label)
    if not raw_host:
        return URLProblem("not_a_url", text[:80], "no host name")
    if " " in raw_host or "\t" in raw_host:
        return URLProblem("invalid_host", raw_host[:80], "contains spaces")
    if raw_host.startswith("["):
        return URLProblem("invalid_host", raw_host[:80], "malformed IPv6 address")
    last = labels[-1] if labels[-1] or len(labels) == 1 else labels[-2]
    if last and (last.isdigit() or last.startswith("0x")):
        return URLProblem("invalid_host", raw_host[:80], "malformed IP address")
    return URLProblem("invalid_host", raw_host[:80], "characters not allowed in host names")


def _scalar_values(text: str) -> str:
    """``text`` as a browser's USVString: a surrogate pair joins, a lone surrogate is U+FFFD.

    Lone surrogates reach Python from JSON escapes and surrogateescape; the parser refuses them.
    """
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def refang(text: str) -> str:
    """``text`` with its defang tokens read back: dukcapil[.]com → dukcapil.com."""
    if "[" not in text and "(" not in text and "{" not in text:
        return text  # the common case, in three C calls
    return DEFANG.sub(lambda match: DEFANG_TOKENS[match.group().lower()], text)


def parse_url(text: str) -> ParsedURL | URLProblem:
    """Parse ``text`` like a browser's address bar; never raises on a ``str``."""
    if not text.isascii() and _SURROGATE.search(text) is not None:
        text = _scalar_values(text)
    text = refang(text)
    stripped = text.strip()
    if not stripped:
        return URLProblem("empty_input")
    had_scheme = False
    candidate = stripped
    head = stripped[:8].lower()
    if head.startswith(("https://", "http://")):
        had_scheme = True  # most links: no scheme to work out
    else:
        match = _SCHEME.match(stripped)
        if match is not None:
            scheme = match.group()[:-1].lower()
            if scheme in _DEFANGED_SCHEMES:
                candidate = _DEFANGED_SCHEMES[scheme] + stripped[match.end() - 1 :]
                had_scheme = True
            elif scheme in _KNOWN_SCHEMES:
                had_scheme = True
            elif stripped[match.end() :].startswith("//"):
                return URLProblem("unsupported_scheme", scheme)
    if not had_scheme:
        # "//host/path" and bare hosts: what an address bar would open
        candidate = "http:" + stripped if stripped.startswith("//") else "http://" + stripped
    scheme_end = candidate.index(":") + 1
    rest = candidate[scheme_end:].lstrip("/\\")
    try:
        url = can_ada.parse(candidate)
    except ValueError:
        return _failure(stripped, _raw_host(_raw_authority(rest)))
    protocol = url.protocol[:-1]
    hostname = url.hostname
    if protocol not in WEB_SCHEMES:
        if protocol in DANGEROUS_SCHEMES:
            rest = hostname  # javascript:, data: have no host as written
        else:
            return URLProblem("unsupported_scheme", protocol)
    elif not hostname:
        return URLProblem("not_a_url", stripped[:80], "no host name")
    backslash = False
    if "\\" in candidate:
        before_query = candidate.split("?", 1)[0].split("#", 1)[0]
        backslash = "\\" in before_query[scheme_end:]
    return ParsedURL(
        scheme=protocol,
        hostname=hostname,
        port=url.port,
        username=url.username,
        password=url.password,
        path=url.pathname,
        query=url.search,
        had_scheme=had_scheme,
        backslash=backslash,
        written=rest,
    )


def mail_domain(text: str) -> str | None:
    """The domain of ``text`` if it is written as a bare e-mail address, else None.

    ``admin@dukcapil-ikd.com`` is an address whose domain is to be judged; a browser would read
    it as a host with userinfo, but people who paste it mean the mailbox.
    """
    match = _MAIL.match(text.strip())
    return match.group(1) if match is not None else None
