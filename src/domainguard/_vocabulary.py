"""The bundled vocabulary: service, lure and generic words, and Indonesia's regions.

Reads ``data/terms.txt`` and ``data/regions.csv`` from the package, lazily and once per process:
nothing is read at import time. Pure data access: no network, no writes, no global state beyond
the caches. A malformed line raises ``VocabularyError`` naming the file and line.
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

__all__ = [
    "Region",
    "VocabularyError",
    "generic_words",
    "lure_words",
    "region_by_code",
    "regions",
    "regions_by_token",
    "service_words",
    "words",
]

TERMS_FILE: Final = "terms.txt"
REGIONS_FILE: Final = "regions.csv"
ALIASES_FILE: Final = "region_aliases.csv"
CATEGORIES: Final = ("civil", "service", "lure", "generic", "country")
LEVELS: Final = ("province", "regency", "city")
REGION_COLUMNS: Final = (
    "code",
    "level",
    "name",
    "province_code",
    "province_name",
    "short_name",
    "compact",
)
_TERM: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_PROVINCE_CODE: Final = re.compile(r"\d{2}\Z")
_REGION_CODE: Final = re.compile(r"\d{2}\.\d{2}\Z")
_NOT_LABEL: Final = re.compile(r"[^a-z0-9]+")


class VocabularyError(ValueError):
    """A bundled vocabulary file is malformed. ``path`` and ``line`` say where."""

    def __init__(self, message: str, *, path: str, line: int) -> None:
        self.path = path
        self.line = line
        self.reason = message
        super().__init__(f"{path}:{line}: {message}")

    def __reduce__(self) -> tuple[object, ...]:
        # keyword-only arguments need help to survive pickling (multiprocessing pools)
        return (_rebuild_error, (self.reason, self.path, self.line))


def _rebuild_error(reason: str, path: str, line: int) -> VocabularyError:
    return VocabularyError(reason, path=path, line=line)


@dataclass(frozen=True, slots=True, kw_only=True)
class Region:
    """A province or kabupaten/kota with its Kemendagri code (``33`` or ``33.03``)."""

    code: str
    level: str  # "province", "regency" (kabupaten) or "city" (kota)
    name: str  # "Kabupaten Purbalingga"
    province_code: str
    province_name: str
    short_name: str  # "purbalingga", "kep. siau tagulandang biaro"
    compact: str  # the short name as a domain label writes it: "kepsiautagulandangbiaro"

    @property
    def hyphenated(self) -> str:
        """The short name with words joined by hyphens: ``aceh-barat-daya``."""
        return _NOT_LABEL.sub("-", self.short_name).strip("-")


def _read(name: str) -> str:
    resource = importlib.resources.files("domainguard") / "data" / name
    return resource.read_text(encoding="utf-8")


def _content_lines(name: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line that is neither blank nor a ``#`` comment."""
    for number, raw in enumerate(_read(name).splitlines(), start=1):
        text = raw.strip()
        if text and not text.startswith("#"):
            yield number, text


# ---- terms ------------------------------------------------------------------------------------


@functools.cache
def _terms() -> Mapping[str, frozenset[str]]:
    where = f"domainguard/data/{TERMS_FILE}"
    found: dict[str, set[str]] = {category: set() for category in CATEGORIES}
    for number, text in _content_lines(TERMS_FILE):
        fields = [part.strip() for part in text.split("|")]
        if len(fields) != 3:
            raise VocabularyError(
                f"expected 'term | category | source', got {len(fields)} fields",
                path=where,
                line=number,
            )
        term, category, source = fields
        if not _TERM.match(term):
            raise VocabularyError(
                f"term {term!r} is not lowercase ASCII letters, digits and inner hyphens",
                path=where,
                line=number,
            )
        if category not in found:
            raise VocabularyError(
                f"unknown category {category!r} (expected one of {', '.join(CATEGORIES)})",
                path=where,
                line=number,
            )
        if not source:
            raise VocabularyError(f"term {term!r} has no source", path=where, line=number)
        if term in found[category]:
            raise VocabularyError(
                f"duplicate term {term!r} in category {category!r}", path=where, line=number
            )
        found[category].add(term)
    return MappingProxyType({category: frozenset(words) for category, words in found.items()})


def service_words() -> frozenset[str]:
    """Dukcapil and other government-service words scammers put in domain names."""
    return _terms()["service"] | _terms()["civil"]


def civil_registry_words() -> frozenset[str]:
    """The civil-registry (Dukcapil) part of the service words: ikd, ktp, capil, ..."""
    return _terms()["civil"]


def lure_words() -> frozenset[str]:
    """Words that push the reader to act or fake authority (aktivasi, verifikasi, resmi, ...)."""
    return _terms()["lure"]


def words(category: str) -> frozenset[str]:
    """The words of one category of terms.txt (``CATEGORIES``)."""
    return _terms()[category]


def generic_words() -> frozenset[str]:
    """Tokens too common to be distinctive brand tokens on their own (www, portal, id, ...)."""
    return _terms()["generic"]


# ---- regions ----------------------------------------------------------------------------------


def _parse_region(values: list[str], where: str, number: int) -> Region:
    if len(values) != len(REGION_COLUMNS):
        raise VocabularyError(
            f"expected {len(REGION_COLUMNS)} fields, got {len(values)}", path=where, line=number
        )
    row = dict(zip(REGION_COLUMNS, (value.strip() for value in values), strict=True))
    if row["level"] not in LEVELS:
        raise VocabularyError(f"unknown level {row['level']!r}", path=where, line=number)
    pattern = _PROVINCE_CODE if row["level"] == "province" else _REGION_CODE
    if not pattern.match(row["code"]) or row["code"][:2] != row["province_code"]:
        raise VocabularyError(
            f"code {row['code']!r} does not fit level {row['level']!r} in province "
            f"{row['province_code']!r}",
            path=where,
            line=number,
        )
    if not row["name"] or not row["short_name"] or not row["province_name"]:
        raise VocabularyError("empty name", path=where, line=number)
    if row["compact"] != _NOT_LABEL.sub("", row["short_name"]):
        raise VocabularyError(
            f"compact {row['compact']!r} does not match short_name {row['short_name']!r}",
            path=where,
            line=number,
        )
    return Region(**row)


@functools.cache
def regions() -> tuple[Region, ...]:
    """The 38 provinces and 514 kabupaten/kota, in the file's (code) order."""
    where = f"domainguard/data/{REGIONS_FILE}"
    lines = list(_content_lines(REGIONS_FILE))
    if not lines:
        raise VocabularyError("no header line", path=where, line=1)
    header_number, header = lines[0]
    if tuple(next(csv.reader([header]))) != REGION_COLUMNS:
        raise VocabularyError(
            f"header must be {','.join(REGION_COLUMNS)}", path=where, line=header_number
        )
    found: list[Region] = []
    seen: set[str] = set()
    for number, text in lines[1:]:
        region = _parse_region(next(csv.reader([text])), where, number)
        if region.code in seen:
            raise VocabularyError(f"duplicate code {region.code!r}", path=where, line=number)
        seen.add(region.code)
        found.append(region)
    return tuple(found)


@functools.cache
def _by_code() -> Mapping[str, Region]:
    return MappingProxyType({region.code: region for region in regions()})


def region_by_code(code: str) -> Region | None:
    """The region with this Kemendagri code (``"33.03"``), or None."""
    return _by_code().get(code)


def _aliases() -> Iterator[tuple[str, Region]]:
    """(alias, region) from region_aliases.csv: jateng for Jawa Tengah, kukar, anambas."""
    where = f"domainguard/data/{ALIASES_FILE}"
    lines = iter(_content_lines(ALIASES_FILE))
    header = next(lines, None)
    if header is None or header[1] != "alias,code":
        raise VocabularyError("header must be alias,code", path=where,
                              line=header[0] if header else 1)
    for number, text in lines:
        alias, comma, code = text.partition(",")
        region = region_by_code(code.strip())
        if not comma or not _TERM.match(alias.strip()) or region is None:
            raise VocabularyError(f"expected alias,code with a known code: {text!r}",
                                  path=where, line=number)
        yield alias.strip(), region


@functools.cache
def regions_by_token() -> Mapping[str, tuple[Region, ...]]:
    """Regions by the label forms of their names: ``purbalingga``, ``acehbaratdaya``,
    ``aceh-barat-daya``, and the other names people write (``jateng``, ``kukar``). A token can
    name several regions, listed in code order: 29 names are shared, by a kabupaten and a kota
    (``bekasi``), a province and its capital (``jambi``) or all three (``gorontalo``), and so is
    the alias ``jogja`` (the province and Kota Yogyakarta)."""
    index: dict[str, list[Region]] = {}
    for region in regions():
        for token in dict.fromkeys((region.compact, region.hyphenated)):
            index.setdefault(token, []).append(region)
    for alias, region in _aliases():
        found = index.setdefault(alias, [])
        if region not in found:
            found.append(region)
            found.sort(key=lambda r: r.code)
    return MappingProxyType({token: tuple(found) for token, found in index.items()})
