"""Find every link in free text (WhatsApp/SMS messages), plain or defanged.

Pure: no I/O, no network. It must never take more than linear time, whatever the input.

How it stays linear:

* Regular expressions are used only in shapes that cannot backtrack: one character class
  under ``+``/``*`` with nothing after it, fixed-length literal alternatives, and bounded
  repeats (``{1,5}``). A failed match attempt therefore costs O(1) at every start position
  (or ends a run of one class, which the next search resumes after), never O(n).
* The text is cut into *runs* (maximal stretches without whitespace, quotes, angle brackets or
  emoji). A run without a dot, a colon or a ``[dot]`` token is skipped after one search.
* Inside a run a cursor only moves forward: every extent, path or trailing-punctuation strip
  is looked at a constant number of times, and emitted spans never overlap.

Decisions a reader would otherwise have to guess:

* A scheme-less candidate is a link only when its last label is a top-level domain of the
  Public Suffix List (the offline snapshot bundled with tldextract, built once, lazily, under a
  lock), or when it starts with ``www.`` and has at least three labels. So ``dll.``, ``a.n.``,
  ``S.Kom.``, ``Rp.10.000``, ``jam 10.30``, ``versi 1.2.3``, ``foto.jpg`` and ``Ayo.Cepat`` are
  not links, while ``laporan.zip`` and ``dukcapil.Online`` are (``.zip`` is a real TLD that
  scammers buy; a false alarm costs a lookup, a miss costs a victim). One exception: two
  labels without a path, a capitalised first label of 1-3 letters and a Title-case TLD
  (``S.Si``, ``M.Ag``, ``S.Farm``, ``PT.Bank``, ``Ayo.Top``) are degrees and missing spaces.
* A dotted-quad IPv4 address without a scheme is a link only with a port or a path
  (``203.0.113.9/ikd.apk``); a bare one is more often a version or an amount. Octets with a
  leading zero (``1.250.000.000``) are amounts, never addresses.
* ``local@domain`` without a path is an e-mail address, reported whole with ``kind="email"``
  (its domain is judged; a sentence's last dot is not part of it); with a path or port
  (``dukcapil.kemendagri.go.id@203.0.113.9/x``) it is a URL with userinfo, reported whole.
* ``url`` never invents a scheme: a scheme-less candidate stays scheme-less. It refangs
  ``[.]``/``(.)``/``{.}``/``[dot]``, ``[:]``, ``[://]`` and ``hxxp(s)``, and turns ideographic
  and full-width dots (``。．｡``) into ``.`` in the host only (browsers do the same, UTS #46).
* A span with a scheme runs to the end of its run (whitespace, ``<>"``, typographic quotes,
  dashes, emoji), so ``javascript:``/``data:`` payloads containing spaces are truncated there;
  the scheme alone is what makes them dangerous. ``,https://`` and ``;https://`` start a new link.
* Trailing ``.,:;!?'*~`` (and their CJK/full-width forms) are dropped, as are closing brackets
  with no partner inside the span (``(lihat bit.ly/abc)``), so ``wiki/Foo_(bar)`` keeps its own.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

import idna

from domainguard._url import DEFANG, DEFANG_TOKENS

__all__ = ["LinkSpan", "find_links"]

_URL = "url"
_EMAIL = "email"
# a link found in a normalised run: start, end, url, defanged scheme, kind
_Found = tuple[int, int, str, bool, str]


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkSpan:
    """One link found in a text: where it is, what was written and what to check."""

    start: int
    """Offset of the first character in the original text."""
    end: int
    """Offset just past the last character: ``text[start:end] == raw``."""
    raw: str
    """The link as written, e.g. ``hxxps://dukcapil[.]com/x`` or ``dukcapil-ikd.com``."""
    url: str
    """The refanged candidate for the URL checker, e.g. ``https://dukcapil.com/x``."""
    defanged: bool
    """True when ``raw`` used a defanged form (``[.]``, ``(dot)``, ``[:]``, ``hxxp``...)."""
    kind: str = "url"
    """"url", or "email" for a mail address (``url`` is then the refanged address)."""


def find_links(text: str) -> tuple[LinkSpan, ...]:
    """Every link in ``text``, in order of appearance, never overlapping.

    >>> [s.url for s in find_links("Segera aktivasi di hxxps://dukcapil-ikd[.]com/login!")]
    ['https://dukcapil-ikd.com/login']
    >>> [s.raw for s in find_links("Harga Rp.50.000 dll. kunjungi dukcapil.kemendagri.go.id.")]
    ['dukcapil.kemendagri.go.id']
    """
    if not isinstance(text, str):
        raise TypeError(f"find_links() expects str, not {type(text).__name__}")
    scanner = _scanner()
    return tuple(scanner.links(text))


# --- character classes -------------------------------------------------------------------

_DOTS = ".\u3002\uff0e\uff61"  # . 。 ． ｡ : the label separators of UTS #46
_TO_ASCII_DOT = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
# Invisible characters UTS #46 drops or keeps inside a label: part of a host, never its edge.
_IGNORABLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DROP_IGNORABLE = str.maketrans(dict.fromkeys(_IGNORABLE))
_EDGE_TRIM = _DOTS + "-_\uff0d" + _IGNORABLE + "\ufe0f\ufe0e"
# Characters that end a run: whitespace, quotes, angle brackets, dashes, bullets, emoji.
_RUN_DELIMITERS = (
    r"\s<>\"`"
    "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a"  # “ ” „ ‟ « » ‹ ›
    "\u300c-\u300f\u3010\u3011\u3008-\u300b"  # 「 」 『 』 【 】 〈 〉 《 》
    "\u2013\u2014\u2015\u2022\u2026\u00b7"  # – — ― • … ·
    "\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff"  # arrows, symbols, dingbats
    "\U0001f000-\U0001faff"  # emoji
)
_TRAILING = ".,:;!?'*~\u3002\uff61\uff0e\u3001\uff0c\uff01\uff1f\uff1a\uff1b" + _IGNORABLE
_CLOSER_TO_OPENER = {")": "(", "]": "[", "}": "{", "\uff09": "\uff08", "\uff3d": "\uff3b"}
_OPENERS = frozenset(_CLOSER_TO_OPENER.values())

# Schemes that may be glued to the word before them ("klikhttps://..."), longest first.
_GLUED_SCHEMES = (("hxxps", "https"), ("https", "https"), ("hxxp", "http"), ("http", "http"))
# Schemes that must stand alone: the ones a checker should see to call them dangerous.
_STANDALONE_SCHEMES = frozenset({"ftp", "file", "javascript", "vbscript", "data"})

_NOT_A_HOST = 0
_DOMAIN = 1
_IPV4 = 2


def _mark_ranges() -> str:
    """Combining marks (Mn, Mc, Me) as a character-class body: IDN labels need them."""
    parts: list[str] = []
    start = previous = -1
    codepoints = [*range(0x300, 0x20000), *range(0xE0100, 0xE01F0)]
    for cp in codepoints:
        if unicodedata.category(chr(cp)).startswith("M"):
            if start < 0:
                start = cp
            previous = cp
            continue
        if start >= 0:
            parts.append(f"{chr(start)}-{chr(previous)}" if previous > start else chr(start))
            start = -1
    if start >= 0:
        parts.append(f"{chr(start)}-{chr(previous)}")
    return "".join(parts)


class _Scanner:
    """Compiled patterns and the TLD set, built once by ``_scanner()``."""

    def __init__(self, tlds: frozenset[str]) -> None:
        self.tlds = tlds
        host = r"\w\-\uff0d" + _IGNORABLE + _mark_ranges()
        self.run = re.compile(f"[^{_RUN_DELIMITERS}]+")
        self.hint = re.compile(r"[.:\u3002\uff0e\uff61]|[\[({]dot[\])}]", re.IGNORECASE)
        self.defang = DEFANG
        self.extent = re.compile(f"[{host}{_DOTS}]+")
        self.multidot = re.compile(f"[{_DOTS}]{{2,}}")
        self.slashes = re.compile(r"[/\\]*")
        # Where a link stops early: ",https:" / ";https:" start another, "](" ends Markdown text.
        self.next_url = re.compile(r"[,;](?=(?:https?|hxxps?):)|\](?=\()", re.IGNORECASE)
        self.port = re.compile(r":[0-9]{1,5}(?![0-9])")
        # data: needs a media type or a bare ",": "Data:KTP/KK" in a form is not a URL.
        self.data_head = re.compile(
            r"(?:text|image|audio|video|application|font|model|multipart|message)/|[;,]",
            re.IGNORECASE,
        )
        self.authority_end = re.compile(r"[/?#\\]")
        self.ipv4 = re.compile(r"(?:0|[1-9][0-9]{0,2})(?:\.(?:0|[1-9][0-9]{0,2})){3}")

    # -- driver --------------------------------------------------------------------------

    def links(self, text: str) -> Iterator[LinkSpan]:
        for run_match in self.run.finditer(text):
            run = run_match.group()
            if self.hint.search(run) is None:
                continue
            base = run_match.start()
            norm, tokens = self._refang(run)
            for start, end, url, glued_defang, kind in self._scan(norm):
                raw_start = base + tokens.to_run(start, is_end=False)
                raw_end = base + tokens.to_run(end, is_end=True)
                yield LinkSpan(
                    start=raw_start,
                    end=raw_end,
                    raw=text[raw_start:raw_end],
                    url=url,
                    defanged=glued_defang or tokens.any_within(start, end),
                    kind=kind,
                )

    def _refang(self, run: str) -> tuple[str, _TokenMap]:
        """Replace defang tokens; return the normalised run and how to map offsets back."""
        tokens = _TokenMap()
        if self.defang.search(run) is None:
            return run, tokens
        parts: list[str] = []
        last = 0
        norm_len = 0
        for match in self.defang.finditer(run):
            replacement = DEFANG_TOKENS[match.group().lower()]
            norm_len += match.start() - last
            parts.append(run[last : match.start()])
            tokens.add(norm_len, len(replacement), match.start(), match.end())
            parts.append(replacement)
            norm_len += len(replacement)
            last = match.end()
        parts.append(run[last:])
        return "".join(parts), tokens

    # -- scanning one normalised run ----------------------------------------------------

    def _scan(self, s: str) -> Iterator[_Found]:
        """Yield ``(start, end, url, defanged_scheme, kind)`` in ``s`` coordinates, in order."""
        n = len(s)
        pos = 0
        while pos < n:
            match = self.extent.search(s, pos)
            if match is None:
                return
            a, b = match.span()
            if b < n and s[b] == ":":
                scheme_link = self._scheme_link(s, a, b)
                if scheme_link is not None:
                    start = scheme_link[0]
                    if start > a:  # a word glued before the scheme: judge it on its own
                        yield from self._bare(s, a, start, context=False)[1]
                    yield scheme_link
                    pos = scheme_link[1]
                    continue
            pos, found = self._bare(s, a, b, context=True)
            yield from found

    def _scheme_link(self, s: str, a: int, b: int) -> _Found | None:
        """A link starting with a scheme whose name ends at ``b`` (``s[b] == ':'``)."""
        tail = s[max(a, b - 5) : b].lower()
        for written, glued_scheme in _GLUED_SCHEMES:
            if tail.endswith(written):
                start = b - len(written)
                canonical = glued_scheme
                break
        else:
            # A standalone scheme is a whole word: the extent, or its tail after a dot or dash.
            tail = s[max(a, b - 11) : b]
            word = tail[max(tail.rfind(c) for c in _EDGE_TRIM) + 1 :]
            canonical = word.lower()
            if canonical not in _STANDALONE_SCHEMES or (len(word) == len(tail) and b - a > 10):
                return None
            start = b - len(word)
        after = b + 1
        if canonical in ("http", "https"):
            body = self.slashes.match(s, after)
            body_start = body.end() if body is not None else after
        elif canonical == "ftp":
            if not s.startswith("//", after):
                return None
            body_start = after + 2
        elif canonical == "file":
            if not s.startswith("/", after):
                return None
            body_start = after
        elif canonical == "data":
            if self.data_head.match(s, after) is None:
                return None
            body_start = after
        else:  # javascript, vbscript: anything after the colon
            body_start = after
        cut = self.next_url.search(s, body_start)
        end = _trim(s, start, cut.start() if cut is not None else len(s), body_start)
        if end <= body_start:
            return None
        defanged = s[start : start + 2].lower() == "hx"
        if canonical in ("http", "https", "ftp"):
            authority = self.authority_end.search(s, body_start, end)
            host_end = authority.start() if authority is not None else end
            url = (
                s[start:b].lower().replace("hxxp", "http")
                + s[b:body_start]
                + s[body_start:host_end].translate(_TO_ASCII_DOT)
                + s[host_end:end]
            )
        else:
            url = s[start:end]
        return start, end, url, defanged, _URL

    def _bare(
        self, s: str, a: int, b: int, *, context: bool
    ) -> tuple[int, list[_Found]]:
        """Scheme-less links in the extent ``s[a:b]``; return where to resume and the links.

        With ``context`` the extent's end may be followed by a port, a path or ``@host``.
        """
        found: list[_Found] = []
        core = s[a:b]
        left = core.lstrip(_EDGE_TRIM)
        a2 = a + len(core) - len(left)
        b2 = a2 + len(left.rstrip(_EDGE_TRIM))
        if a2 >= b2:
            return b, found
        context = context and b2 == b
        pieces = self._pieces(s, a2, b2)
        resume = b
        for index, (p, q) in enumerate(pieces):
            last = index == len(pieces) - 1
            if last and context and b < len(s) and s[b] == "@":
                resume, userinfo_link = self._after_at(s, p, b)
                if userinfo_link is not None:
                    found.append(userinfo_link)
                break
            if p > 0 and s[p - 1] == "@":
                continue  # "@name.tld": a mention, or the domain of an e-mail address
            kind = self._host_kind(s, p, q)
            if kind == _NOT_A_HOST:
                continue
            end = self._context_end(s, q) if last and context else q
            if end == q and (kind == _IPV4 or _looks_like_abbreviation(s[p:q])):
                continue
            found.append((p, end, s[p:q].translate(_TO_ASCII_DOT) + s[q:end], False, _URL))
            resume = max(resume, end)
        return resume, found

    def _after_at(self, s: str, p: int, at: int) -> tuple[int, _Found | None]:
        """``s[p:at]`` is followed by ``@``: a URL with userinfo, or an e-mail address."""
        host = self.extent.match(s, at + 1)
        if host is None:
            return at + 1, None
        h1, extent_end = host.span()
        h2 = h1 + len(s[h1:extent_end].rstrip(_EDGE_TRIM))  # "...@ikd.com." ends a sentence
        if h2 == h1 or self._host_kind(s, h1, h2) == _NOT_A_HOST:
            return extent_end, None
        end = self._context_end(s, h2) if h2 == extent_end else h2
        if end == h2:  # local@domain without a path: an e-mail address
            return extent_end, (p, h2, s[p:h2].translate(_TO_ASCII_DOT), False, _EMAIL)
        url = s[p:h2].translate(_TO_ASCII_DOT) + s[h2:end]
        return end, (p, end, url, False, _URL)

    def _pieces(self, s: str, a: int, b: int) -> list[tuple[int, int]]:
        """Split ``s[a:b]`` at runs of two or more dots (ellipses), trimming each piece."""
        if self.multidot.search(s, a, b) is None:
            return [(a, b)]
        pieces: list[tuple[int, int]] = []
        start = a
        for gap in self.multidot.finditer(s, a, b):
            pieces.append((start, gap.start()))
            start = gap.end()
        pieces.append((start, b))
        trimmed: list[tuple[int, int]] = []
        for p, q in pieces:
            piece = s[p:q]
            left = piece.lstrip(_EDGE_TRIM)
            p2 = p + len(piece) - len(left)
            q2 = p2 + len(left.rstrip(_EDGE_TRIM))
            if p2 < q2:
                trimmed.append((p2, q2))
        return trimmed

    def _host_kind(self, s: str, p: int, q: int) -> int:
        """Whether ``s[p:q]`` (no edge dots) is a domain with a real TLD or an IPv4 address."""
        last_dot = max(s.rfind(dot, p, q) for dot in _DOTS)
        if last_dot <= p:
            return _NOT_A_HOST
        if q - last_dot - 1 <= 63 and self._is_tld(s[last_dot + 1 : q]):
            return _DOMAIN
        if q - p <= 15:
            candidate = s[p:q].translate(_TO_ASCII_DOT)
            if self.ipv4.fullmatch(candidate) and all(
                int(octet) <= 255 for octet in candidate.split(".")
            ):
                return _IPV4
        if s[p : p + 3].lower() == "www" and p + 3 < last_dot and s[p + 3] in _DOTS:
            tld = s[last_dot + 1 : q]
            if tld.isalpha():
                return _DOMAIN
        return _NOT_A_HOST

    def _is_tld(self, label: str) -> bool:
        label = label.translate(_DROP_IGNORABLE)
        if not label.isascii():
            label = unicodedata.normalize("NFKC", label)
        label = label.lower()
        if label.startswith("xn--"):
            try:
                label = idna.decode(label)
            except (UnicodeError, ValueError):
                return False
        return label in self.tlds

    def _context_end(self, s: str, q: int) -> int:
        """End of the ``:port`` and ``/path?query#fragment`` that follow a host ending at q."""
        n = len(s)
        j = q
        if j < n and s[j] == ":":
            port = self.port.match(s, j)
            if port is not None:
                j = port.end()
        if j < n and s[j] in "/?#":
            cut = self.next_url.search(s, j)
            return _trim(s, q, cut.start() if cut is not None else n, j)
        return j


def _looks_like_abbreviation(candidate: str) -> bool:
    """``S.Si``, ``M.Ag``, ``S.Farm``, ``PT.Bank``, ``Ayo.Top``: a title or a missing space.

    Indonesian degrees and abbreviations end in capitalised words that happen to be TLDs
    (si, ag, pt, th, farm, bank). Two labels, a short capitalised first one and a Title-case
    last one is how they are written; domains are written in lower case or ALL CAPS.
    """
    if len(candidate) > 20:
        return False
    first, _, last = candidate.translate(_TO_ASCII_DOT).partition(".")
    return (
        "." not in last
        and 1 <= len(first) <= 3
        and first.isalpha()
        and first[0].isupper()
        and len(last) >= 2
        and last[0].isupper()
        and last[1:].islower()
    )


def _trim(s: str, start: int, end: int, floor: int) -> int:
    """Drop trailing punctuation and unbalanced brackets from ``s[start:end]``, not below floor.

    Bracket counts are taken once per kind and then kept up to date: linear in the span.
    """
    opens: dict[str, int] = {}
    closes: dict[str, int] = {}
    while end > floor:
        char = s[end - 1]
        if char in _TRAILING:
            end -= 1
            continue
        opener = _CLOSER_TO_OPENER.get(char)
        if opener is not None:
            if char not in closes:
                closes[char] = s.count(char, start, end)
                opens[opener] = s.count(opener, start, end)
            if closes[char] <= opens[opener]:
                break
            closes[char] -= 1
            end -= 1
            continue
        if char in _OPENERS:  # "https://x.id/a(" : an opener at the very end belongs to prose
            if char in opens:
                opens[char] -= 1
            end -= 1
            continue
        break
    return end


class _TokenMap:
    """Where defang tokens were replaced in a run, to map normalised offsets back."""

    __slots__ = ("_norm_end", "_norm_start", "_run_end", "_run_start", "_shift_after")

    def __init__(self) -> None:
        self._norm_start: list[int] = []
        self._norm_end: list[int] = []
        self._run_start: list[int] = []
        self._run_end: list[int] = []
        self._shift_after: list[int] = []  # run offset minus norm offset after token i

    def add(self, norm_start: int, norm_length: int, run_start: int, run_end: int) -> None:
        self._norm_start.append(norm_start)
        self._norm_end.append(norm_start + norm_length)
        self._run_start.append(run_start)
        self._run_end.append(run_end)
        self._shift_after.append(run_end - (norm_start + norm_length))

    def to_run(self, pos: int, *, is_end: bool) -> int:
        """The run offset of a normalised offset (a start, or an exclusive end)."""
        i = bisect_right(self._norm_start, pos) - 1
        if i < 0:
            return pos
        if pos >= self._norm_end[i]:
            return pos + self._shift_after[i]
        if is_end:
            if pos > self._norm_start[i]:
                return self._run_end[i]
            return pos + (self._shift_after[i - 1] if i > 0 else 0)
        return self._run_start[i]

    def any_within(self, start: int, end: int) -> bool:
        """Whether a replaced token starts inside the normalised span ``[start, end)``."""
        i = bisect_right(self._norm_start, start - 1)
        return i < len(self._norm_start) and self._norm_start[i] < end


def _load_tlds() -> frozenset[str]:
    """Top-level labels of the Public Suffix List's ICANN section, offline, in Unicode form.

    Taken from ``_suffixes`` (the same snapshot, already loaded for host analysis), never from
    tldextract: importing it pulls in requests and urllib3, which opens an IPv6 socket at import.
    """
    from domainguard._suffixes import _get

    rules = _get()
    tlds = set()
    for rule in (rules.exact | rules.wildcard | rules.exception) - rules.private:
        tld = rule.rpartition(".")[2]
        tlds.add(tld[4:].encode("ascii").decode("punycode") if tld.startswith("xn--") else tld)
    return frozenset(tlds)


_SCANNER_LOCK = threading.Lock()


@functools.cache
def _build_scanner() -> _Scanner:
    return _Scanner(_load_tlds())


def _scanner() -> _Scanner:
    """The one scanner, built on first use; the lock makes sure it is built once."""
    with _SCANNER_LOCK:
        return _build_scanner()
