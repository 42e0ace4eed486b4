"""Installer downloads in a URL, and the URL-signal tables (shorteners, hosting, extensions).

Pure apart from reading the package's own data files, lazily and once; no network.

>>> hit = payload_in("/berkas/Surat%20Tilang.pdf.apk", "")
>>> hit.filename, hit.platform, hit.double_extension
('Surat Tilang.pdf.apk', 'android', 'pdf.apk')
>>> "s.id" in shortener_domains()
True
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal
from urllib.parse import unquote, unquote_plus

__all__ = [
    "PayloadHit",
    "ending_kinds",
    "hosting_platforms",
    "load_endings",
    "load_hosting_platforms",
    "load_payload_extensions",
    "load_shorteners",
    "parse_table",
    "payload_extensions",
    "payload_in",
    "shortener_domains",
]

HOSTING_KINDS = frozenset({"subdomain", "path"})
ENDING_KINDS = frozenset({"abused", "legacy"})
PLATFORMS = frozenset({"android", "ios", "windows", "macos", "any"})

# What a decoy before the real extension looks like: "undangan.pdf.apk", "foto.jpg.exe".
_DECOY_EXTENSIONS = frozenset(
    {
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "rtf", "odt", "csv",
        "jpg", "jpeg", "png", "gif", "webp", "heic", "bmp", "mp3", "mp4", "mov", "avi",
        "wav", "ogg", "opus", "zip", "rar", "7z", "htm", "html",
    }
)  # fmt: skip
# Characters of a path segment (its end) or query value (its start) that are decoded: a file
# name is short, and unquote() splits at every "%", so a megabyte of them cost gigabytes.
_SCAN = 4096
_LABEL_RE = re.compile(r"[a-z0-9-]{1,63}")
_EXTENSION_RE = re.compile(r"[a-z0-9]{1,16}")


@dataclass(frozen=True, slots=True, kw_only=True)
class PayloadHit:
    """An installer or executable that a URL would download."""

    extension: str
    """The real (last) extension, lowercase: ``apk``."""
    platform: str
    """Where it runs: ``android``, ``ios``, ``windows``, ``macos`` or ``any``."""
    location: Literal["path", "query"]
    """Found in the last path segment (or the one before a last ``/file``, ``/download``),
    or in a query parameter value."""
    filename: str
    """The percent-decoded file name as the victim sees it: ``Surat Tilang.pdf.apk``."""
    decoy_extension: str | None
    """The harmless-looking extension in front of the real one (``pdf`` in ``x.pdf.apk``)."""

    @property
    def double_extension(self) -> str | None:
        """``pdf.apk`` for ``undangan.pdf.apk``; None without a decoy."""
        if self.decoy_extension is None:
            return None
        return f"{self.decoy_extension}.{self.extension}"


# Last path segments that name what to do with the file before them, not a file
_ACTION_SEGMENTS: Final = frozenset({"file", "download", "view", "dl", "raw"})


def payload_in(path: str, query: str) -> PayloadHit | None:
    """The installer a URL with this path and query would download, if any.

    Looks at the last non-empty path segment, then at each query parameter value (a bare
    parameter without ``=`` counts as a value), percent-decoded once and case-insensitively.
    A value that is itself a URL or a path is judged by its own last segment.
    """
    if not query and "." not in path and "%" not in path:
        return None  # no file name can end the path (most links): nothing to decode
    extensions = payload_extensions()
    segment = _last_segment(path)[-_SCAN:]
    hit = _file_hit(unquote(segment, errors="replace"), "path", extensions)
    if hit is None and segment.lower() in _ACTION_SEGMENTS:
        # file hosts put the name before an action: mediafire.com/file/<id>/Surat.apk/file
        segment = _last_segment(path[: path.rstrip("/").rfind("/")])[-_SCAN:]
        hit = _file_hit(unquote(segment, errors="replace"), "path", extensions)
    if hit is not None:
        return hit
    for parameter in query.removeprefix("?").split("&"):
        _, equals, value = parameter.partition("=")
        if not equals:
            value = parameter
        decoded = unquote_plus(value[:_SCAN], errors="replace")
        decoded = decoded.split("#", 1)[0].split("?", 1)[0]
        hit = _file_hit(_last_segment(decoded), "query", extensions)
        if hit is not None:
            return hit
    return None


def _last_segment(path: str) -> str:
    for segment in reversed(path.replace("\\", "/").split("/")):
        if segment.strip():
            return segment
    return ""


def _file_hit(
    name: str, location: Literal["path", "query"], extensions: Mapping[str, str]
) -> PayloadHit | None:
    name = name.strip()
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem:
        return None
    extension = extension.strip().lower()
    platform = extensions.get(extension)
    if platform is None:
        return None
    decoy = stem.rpartition(".")[2].strip().lower() if "." in stem else ""
    return PayloadHit(
        extension=extension,
        platform=platform,
        location=location,
        filename=name,
        decoy_extension=decoy if decoy in _DECOY_EXTENSIONS else None,
    )


# --- data files ---------------------------------------------------------------------------


def parse_table(text: str, name: str, columns: int) -> list[tuple[int, tuple[str, ...]]]:
    """``(line number, fields)`` for each row of an ``a | b | c`` data file.

    Comment lines (``#``) and blank lines are skipped. Raises ValueError naming ``name`` and
    the line for a wrong number of fields or an empty field.
    """
    rows: list[tuple[int, tuple[str, ...]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        fields = tuple(field.strip() for field in stripped.split("|"))
        if len(fields) != columns:
            raise ValueError(
                f"{name}:{number}: expected {columns} fields separated by '|', "
                f"found {len(fields)}: {stripped!r}"
            )
        if not all(fields):
            raise ValueError(f"{name}:{number}: empty field: {stripped!r}")
        rows.append((number, fields))
    return rows


def _is_domain(text: str) -> bool:
    """Lowercase ASCII LDH labels, at least two: ``s.id``, ``blob.core.windows.net``."""
    labels = text.split(".")
    return len(labels) >= 2 and all(
        _LABEL_RE.fullmatch(label) is not None
        and not label.startswith("-")
        and not label.endswith("-")
        for label in labels
    )


def _is_extension(text: str) -> bool:
    return _EXTENSION_RE.fullmatch(text) is not None


def _index(
    text: str, name: str, columns: int, *, key_ok: Callable[[str], bool], what: str
) -> dict[str, tuple[int, tuple[str, ...]]]:
    """Rows keyed by their first field, which must pass ``key_ok`` and be unique."""
    by_key: dict[str, tuple[int, tuple[str, ...]]] = {}
    for number, fields in parse_table(text, name, columns):
        key = fields[0]
        if not key_ok(key):
            raise ValueError(f"{name}:{number}: malformed {what} {key!r}")
        if key in by_key:
            raise ValueError(f"{name}:{number}: duplicate {what} {key!r}")
        by_key[key] = (number, fields)
    return by_key


def _check_choice(name: str, number: int, field: str, value: str, allowed: frozenset[str]) -> None:
    if value not in allowed:
        raise ValueError(
            f"{name}:{number}: {field} must be one of {sorted(allowed)}, not {value!r}"
        )


def load_shorteners(text: str, name: str = "shorteners.txt") -> frozenset[str]:
    """Parse a shortener table (``domain | source``)."""
    return frozenset(_index(text, name, 2, key_ok=_is_domain, what="domain"))


def load_hosting_platforms(text: str, name: str = "hosting_platforms.txt") -> Mapping[str, str]:
    """Parse a hosting table (``domain | kind | source``) into domain → kind."""
    rows = _index(text, name, 3, key_ok=_is_domain, what="domain")
    for number, (_, kind, _) in rows.values():
        _check_choice(name, number, "kind", kind, HOSTING_KINDS)
    return MappingProxyType({domain: fields[1] for domain, (_, fields) in rows.items()})


def load_endings(text: str, name: str = "endings.txt") -> Mapping[str, str]:
    """Parse an endings table (``tld | kind | source``) into TLD → ``abused`` or ``legacy``."""
    rows = _index(text, name, 3, key_ok=lambda tld: _LABEL_RE.fullmatch(tld) is not None,
                  what="TLD")
    for number, (_, kind, _) in rows.values():
        _check_choice(name, number, "kind", kind, ENDING_KINDS)
    return MappingProxyType({tld: fields[1] for tld, (_, fields) in rows.items()})


def load_payload_extensions(text: str, name: str = "payload_extensions.txt") -> Mapping[str, str]:
    """Parse an extension table (``ext | platform | source``) into extension → platform."""
    rows = _index(text, name, 3, key_ok=_is_extension, what="extension")
    for number, (_, platform, _) in rows.values():
        _check_choice(name, number, "platform", platform, PLATFORMS)
    return MappingProxyType({ext: fields[1] for ext, (_, fields) in rows.items()})


def _read(name: str) -> str:
    return (importlib.resources.files("domainguard") / "data" / name).read_text(encoding="utf-8")


@functools.cache
def shortener_domains() -> frozenset[str]:
    """Domains of URL shorteners (``data/shorteners.txt``), read on first use."""
    return load_shorteners(_read("shorteners.txt"))


@functools.cache
def hosting_platforms() -> Mapping[str, str]:
    """Free hosting platforms, domain → ``subdomain`` or ``path`` (where the tenant lives)."""
    return load_hosting_platforms(_read("hosting_platforms.txt"))


@functools.cache
def ending_kinds() -> Mapping[str, str]:
    """TLDs where scam sites are cheap (``abused``) and the pre-2012 gTLDs (``legacy``)."""
    return load_endings(_read("endings.txt"))


@functools.cache
def payload_extensions() -> Mapping[str, str]:
    """Installer extensions, extension → platform (``data/payload_extensions.txt``)."""
    return load_payload_extensions(_read("payload_extensions.txt"))
