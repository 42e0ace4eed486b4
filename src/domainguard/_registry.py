"""The registry of official domains: loading, validating, combining and looking up entries.

File format (``data/official_domains.txt``), UTF-8, one entry per line, ``#`` comments::

    domain | kind | name | region | source [| aliases]

``domain`` is a host in lowercase (punycode or Unicode), ``kind`` one of ``KINDS``, ``region``
a Kemendagri region code or ``-``, ``source`` where the fact comes from (never empty), and the
optional ``aliases`` the names the body goes by that are not a label of its domain (``brimo``
for bri.co.id, ``dana kaget`` for dana.id), comma-separated, or ``-``. Entries
of kind ``protected-suffix`` are namespaces only the state can register (``go.id``). Loading
validates every line and reports ``file:line: what is wrong``; a file with any bad line never
loads. Lookups cost a hash probe by registrable domain, whatever the registry's size.
"""

from __future__ import annotations

import importlib.resources
import os
import re
import threading
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

import idna

from domainguard._errors import DataError, RegistryError
from domainguard._host import MAX_HOST, MAX_LABEL, decode_label
from domainguard._suffixes import split_suffix

if TYPE_CHECKING:
    from domainguard._index import RegistryIndex

__all__ = ["KINDS", "Entry", "Registry"]

KINDS: Final = (
    "protected-suffix",
    "national-dukcapil",
    "regional-dukcapil",
    "national-government",
    "national-service",
    "regional-government",
    "regional-service",
    "custom",
)
BUNDLED: Final = "bundled"
_FIELDS: Final = ("domain", "kind", "name", "region", "source")
_ALIAS_FIELD: Final = "aliases"
# An alias is written as people write the name: words of letters and digits, apart by single
# spaces or hyphens ("dana kaget", "e-filing"); detection reads it with and without them.
_ALIAS: Final = re.compile(r"[a-z0-9]+(?:[ -][a-z0-9]+)*\Z")
_MAX_ALIAS: Final = 63
# An official app is named by its store id, an Android package name (gov.dukcapil.mobile_id):
# written in the aliases field, told apart from a name by its dots.
_APP_ID: Final = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+\Z")
_REGION: Final = re.compile(r"\d{2}(?:\.\d{2})?\Z")
_ENDS_IN_NUMBER: Final = re.compile(r"(?:0x[0-9a-f]*|[0-9]+)\Z")  # WHATWG's IPv4 last part
_LDH: Final = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9_])?\Z")
_MAX_ERRORS_SHOWN: Final = 10
_MAX_MESSAGE: Final = 300


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One official domain and where the fact comes from."""

    domain: str  # ASCII (punycode), lowercase, no trailing dot
    kind: str
    name: str = ""
    region: str | None = None
    source: str = ""
    origin: str = ""  # "bundled", the file it was read from, or "domains" for plain lists
    line: int | None = None
    aliases: tuple[str, ...] = ()  # names the body goes by beside its domain: ("brimo",)
    apps: tuple[str, ...] = ()  # its official apps' store ids: ("gov.dukcapil.mobile_id",)
    registrable: str = field(default="", compare=False)

    @property
    def unicode(self) -> str:
        return ".".join(decode_label(label) or label for label in self.domain.split("."))

    def to_dict(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "kind": self.kind,
            "name": self.name,
            "region": self.region,
            "source": self.source,
            "origin": self.origin,
            "line": self.line,
            "aliases": list(self.aliases),
            "apps": list(self.apps),
        }


def normalise_domain(text: str) -> str:
    """ASCII form of a domain for the registry; raises ValueError saying what is wrong."""
    domain = text.strip()
    if domain.endswith("."):
        domain = domain[:-1]
    if not domain:
        raise ValueError("empty domain")
    if domain.isascii():
        domain = domain.lower()
        labels = domain.split(".")
        for label in labels:
            if not label:
                raise ValueError(f"{text!r} has an empty label")
            if len(label) > MAX_LABEL:
                raise ValueError(f"label {label[:20]!r}… is longer than {MAX_LABEL} characters")
            if not _LDH.match(label):
                raise ValueError(f"label {label!r} is not a valid host name label")
            if label.startswith("xn--"):
                try:
                    idna.decode(label)
                except idna.IDNAError as e:
                    raise ValueError(f"label {label!r} is not valid IDNA: {e}") from e
    else:
        try:
            domain = idna.encode(domain, uts46=True).decode("ascii")
        except idna.IDNAError as e:
            raise ValueError(f"{text!r} is not a valid internationalised domain: {e}") from e
    if len(domain) > MAX_HOST:
        raise ValueError(f"domain is longer than {MAX_HOST} characters")
    if _ENDS_IN_NUMBER.match(domain.rpartition(".")[2]):
        # a browser parses such a host as an IPv4 address: the entry could never match
        raise ValueError(f"{domain} ends in a number, which browsers read as an IP address")
    return domain


def normalise_aliases(texts: Iterable[str], domain: str) -> tuple[tuple[str, ...],
                                                               tuple[str, ...]]:
    """(aliases, app ids) in their stored form: lowercase, names with single spaces.
    ValueError says what is wrong."""
    if isinstance(texts, str):
        raise TypeError(f"aliases of {domain} must be an iterable of str, not a single str")
    names: list[str] = []
    apps: list[str] = []
    for text in texts:
        if not isinstance(text, str):
            raise TypeError(f"an alias of {domain} is {type(text).__name__}, not str")
        alias = " ".join(text.lower().replace("'", "").split())
        if _APP_ID.match(alias) and len(alias) <= 2 * _MAX_ALIAS:
            if alias not in apps:
                apps.append(alias)
            continue
        if not _ALIAS.match(alias) or len(alias) > _MAX_ALIAS:
            raise ValueError(f"{domain}: alias {text!r} must be ASCII letters and digits in "
                             f"words apart by single spaces or hyphens (at most {_MAX_ALIAS} "
                             "long), or an app's store id (gov.dukcapil.mobile_id)")
        if alias not in names:
            names.append(alias)
    return tuple(names), tuple(apps)


def plain_domain(text: str) -> tuple[str, str | None]:
    """A domain from a plain list, as people paste them: ``KlikBCA.com.``, ``*.bca.co.id`` or
    ``https://www.klikbca.com/login``. Returns the normalised domain and, when the text was
    more than a domain (a ``*.`` prefix, a URL), a note saying what was read; raises ValueError.
    The curated format never comes here: there a domain is written exactly.
    """
    written = text.strip()
    domain = written
    if domain.startswith("*."):
        domain = domain[2:]
    elif "/" in domain or "@" in domain or ":" in domain:
        from domainguard._url import URLProblem, parse_url

        parsed = parse_url(domain)
        if isinstance(parsed, URLProblem) or not parsed.hostname:
            raise ValueError(f"{written!r} is neither a domain nor a URL with a host")
        domain = parsed.hostname
    normalised = normalise_domain(domain)
    note = None if domain is written else f"{written!r} read as the domain {normalised}"
    return normalised, note


def _clip(message: str) -> str:
    """A message quotes the offending text: bounded, so a megabyte line gives a short error."""
    return message if len(message) <= _MAX_MESSAGE else message[:_MAX_MESSAGE] + "…"


def _registrable(domain: str) -> str:
    labels = tuple(domain.split("."))
    start = max(split_suffix(labels).index - 1, 0)
    # most domains are registrable themselves: the same string, not a copy (100,000 of them
    # are 7 MB)
    return domain if start == 0 else ".".join(labels[start:])


class Registry:
    """Official domains and protected namespaces. Immutable once built; safe to share."""

    __slots__ = ("_by_domain", "_by_registrable", "_entries", "_index", "_lock", "_protected")

    def __init__(self, entries: Iterable[Entry] = (), protected: Iterable[Entry] = ()) -> None:
        self._entries: tuple[Entry, ...] = tuple(entries)
        self._protected: tuple[Entry, ...] = tuple(protected)
        self._by_domain: dict[str, Entry] = {}
        groups: dict[str, list[Entry]] = {}
        for entry in self._entries:
            self._by_domain.setdefault(entry.domain, entry)
            groups.setdefault(entry.registrable, []).append(entry)
        # most specific first; tuples, as most groups hold one entry and a 1-tuple is smaller
        self._by_registrable: dict[str, tuple[Entry, ...]] = {
            registrable: tuple(sorted(group, key=lambda entry: -len(entry.domain)))
            for registrable, group in groups.items()}
        self._index: RegistryIndex | None = None
        self._lock = threading.Lock()

    # ---- building -----------------------------------------------------------------------------
    @classmethod
    def default(cls) -> Registry:
        """The bundled registry, built on first use, once, even under concurrent first calls."""
        global _default
        registry = _default
        if registry is None:
            with _default_lock:
                if _default is None:
                    resource = importlib.resources.files("domainguard").joinpath(
                        "data"
                    ).joinpath("official_domains.txt")
                    _default = cls._parse(resource.read_bytes(), origin=BUNDLED,
                                          where="official_domains.txt")
                registry = _default
        return registry

    @classmethod
    def from_file(cls, path: str | os.PathLike[str], *, require_provenance: bool = True
                  ) -> Registry:
        """Load a registry file. With ``require_provenance=False`` a line may also be a bare
        domain, normalised as ``from_domains`` does (a URL or ``*.`` prefix with a warning)."""
        name = os.fspath(path)
        try:
            with open(name, "rb") as handle:
                data = handle.read()
        except OSError as e:
            raise RegistryError(f"cannot read registry file: {e.strerror}", path=name) from e
        return cls._parse(data, origin=name, where=name, require_provenance=require_provenance)

    @classmethod
    def from_domains(cls, domains: Iterable[str], protected_suffixes: Iterable[str] = (), *,
                     aliases: Mapping[str, Iterable[str]] | None = None) -> Registry:
        """A registry from a plain list of domains, normalised (case, Unicode, trailing dot); a
        URL or a ``*.`` prefix is reduced to its host with a ``UserWarning``.

        ``aliases`` maps a listed domain to the names its owner goes by that are not a label
        of it (``{"bri.co.id": ["brimo"], "dana.id": ["dana kaget"]}``): they are protected as
        the domain's own name is. An alias with dots is the store id of the owner's official
        app (``gov.dukcapil.mobile_id``): its store page is the owner's own channel.
        """
        if isinstance(domains, str):
            raise TypeError("domains must be an iterable of str, not a single str")
        named: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        for key, names in (aliases or {}).items():
            try:
                domain = normalise_domain(key) if isinstance(key, str) else ""
                named[domain] = normalise_aliases(names, domain)
            except ValueError as e:
                raise RegistryError(_clip(str(e)), path="aliases") from e
        entries: list[Entry] = []
        seen: set[str] = set()
        for position, text in enumerate(domains, 1):
            if not isinstance(text, str):
                raise TypeError(f"domain #{position} is {type(text).__name__}, not str")
            try:
                domain, note = plain_domain(text)
                cls._check_not_suffix(domain)
            except DataError:
                raise
            except ValueError as e:
                raise RegistryError(_clip(str(e)), path="domains", line=position) from e
            if note is not None:
                warnings.warn(f"domains:{position}: {_clip(note)}", UserWarning, stacklevel=2)
            if domain not in seen:
                seen.add(domain)
                names, apps = named.pop(domain, ((), ()))
                entries.append(Entry(domain=domain, kind="custom", source="caller's list",
                                     origin="domains", line=position, aliases=names,
                                     apps=apps, registrable=_registrable(domain)))
        if named:
            raise RegistryError(f"aliases given for a domain not in the list: {next(iter(named))}",
                                path="aliases")
        protected = []
        for position, text in enumerate(protected_suffixes, 1):
            if not isinstance(text, str):
                raise TypeError(f"protected suffix #{position} is {type(text).__name__}")
            try:
                domain = normalise_domain(text)
            except ValueError as e:
                raise RegistryError(_clip(str(e)), path="protected_suffixes", line=position) from e
            protected.append(Entry(domain=domain, kind="protected-suffix",
                                   source="caller's list", origin="protected_suffixes",
                                   line=position, registrable=domain))
        return cls(entries, protected)

    def __or__(self, other: Registry) -> Registry:
        """Combine registries; on a domain listed in both, the left one's entry is kept."""
        if not isinstance(other, Registry):
            return NotImplemented
        return Registry.combine(self, other)

    @staticmethod
    def combine(*registries: Registry) -> Registry:
        entries: dict[str, Entry] = {}
        protected: dict[str, Entry] = {}
        for registry in registries:
            for entry in registry._entries:
                entries.setdefault(entry.domain, entry)
            for entry in registry._protected:
                protected.setdefault(entry.domain, entry)
        return Registry(entries.values(), protected.values())

    @staticmethod
    def _check_not_suffix(domain: str) -> None:
        match = split_suffix(tuple(domain.split(".")))
        if match.index == 0 and match.known:
            raise ValueError(f"{domain} is a public suffix, not a domain anyone owns")

    @classmethod
    def _parse(cls, data: bytes, *, origin: str, where: str, require_provenance: bool = True
               ) -> Registry:
        # Lines end at \n, \r\n or \r, as editors count them; str.splitlines would also cut
        # at \f, \x85 or U+2028 inside a field and shift every line number after it.
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            bad_line = data.count(b"\n", 0, e.start) + 1
            raise RegistryError("not valid UTF-8 text", path=where, line=bad_line) from e
        entries: list[Entry] = []
        protected: list[Entry] = []
        problems: list[tuple[int, str]] = []
        first_seen: dict[str, int] = {}
        for number, raw in enumerate(text.split("\n"), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            try:
                entry = cls._parse_line(line, number, origin, require_provenance)
            except DataError:
                raise  # a broken installation, not a broken line
            except ValueError as e:
                problems.append((number, _clip(str(e))))
                continue
            if entry.domain in first_seen:
                problems.append((number, f"duplicate entry {entry.domain} "
                                         f"(first on line {first_seen[entry.domain]})"))
                continue
            first_seen[entry.domain] = number
            (protected if entry.kind == "protected-suffix" else entries).append(entry)
        if problems:
            number, message = problems[0]
            shown = [f"{where}:{n}: {m}" for n, m in problems[:_MAX_ERRORS_SHOWN]]
            more = len(problems) - len(shown)
            if len(problems) > 1:
                message += f" (and {len(problems) - 1} more: " + "; ".join(shown[1:])
                message += f"; +{more} more)" if more else ")"
            raise RegistryError(message, path=where, line=number)
        return cls(entries, protected)

    @classmethod
    def _parse_line(cls, line: str, number: int, origin: str, require_provenance: bool
                    ) -> Entry:
        fields = [part.strip() for part in line.split("|")]
        if len(fields) == 1 and not require_provenance:
            domain, note = plain_domain(fields[0])
            cls._check_not_suffix(domain)
            if note is not None:
                warnings.warn(f"{origin}:{number}: {_clip(note)}", UserWarning, stacklevel=4)
            return Entry(domain=domain, kind="custom", source=f"{origin}:{number}",
                         origin=origin, line=number, registrable=_registrable(domain))
        if len(fields) == 1:
            raise ValueError(f"{fields[0]}: missing provenance: write "
                             "'domain | kind | name | region | source'")
        if len(fields) not in (len(_FIELDS), len(_FIELDS) + 1):
            raise ValueError(f"expected {len(_FIELDS)} fields ({' | '.join(_FIELDS)}) and "
                             f"optionally '{_ALIAS_FIELD}', found {len(fields)}")
        domain_text, kind, name, region, source = fields[:5]
        alias_text = fields[5] if len(fields) > 5 else "-"
        if domain_text != domain_text.lower():
            raise ValueError(f"{domain_text}: domains must be written in lowercase")
        domain = normalise_domain(domain_text)
        if kind not in KINDS:
            raise ValueError(f"{domain}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
        if not source:
            raise ValueError(f"{domain}: missing provenance (empty source field)")
        if region != "-" and not _REGION.match(region):
            raise ValueError(f"{domain}: region must be a Kemendagri code like 33.03, or '-'")
        if kind != "protected-suffix":
            cls._check_not_suffix(domain)
        aliases, apps = ((), ()) if alias_text == "-" else normalise_aliases(
            alias_text.split(","), domain)
        if (aliases or apps) and kind == "protected-suffix":
            raise ValueError(f"{domain}: a protected suffix has no aliases")
        return Entry(domain=domain, kind=kind, name=name,
                     region=None if region == "-" else region, source=source, origin=origin,
                     line=number, aliases=aliases, apps=apps,
                     registrable=domain if kind == "protected-suffix" else _registrable(domain))

    # ---- reading ------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries)

    def __contains__(self, domain: object) -> bool:
        """True when ``domain`` is listed itself (use ``match`` for subdomains)."""
        if not isinstance(domain, str):
            return False
        try:
            return normalise_domain(domain) in self._by_domain
        except ValueError:
            return False

    def __repr__(self) -> str:
        return f"<Registry: {len(self)} domains, {len(self._protected)} protected suffixes>"

    def __reduce__(self) -> tuple[object, ...]:
        # the index and lock are rebuilt on the other side
        return (Registry, (self._entries, self._protected))

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self._entries

    @property
    def protected_suffixes(self) -> tuple[str, ...]:
        return tuple(entry.domain for entry in self._protected)

    @property
    def protected_entries(self) -> tuple[Entry, ...]:
        return self._protected

    def get(self, domain: str) -> Entry | None:
        """The entry listed for exactly this ASCII domain."""
        return self._by_domain.get(domain)

    def match(self, ascii_host: str, registrable: str) -> Entry | None:
        """The most specific entry that is ``ascii_host`` or a parent of it, by whole labels."""
        group = self._by_registrable.get(registrable)
        if group:
            for entry in group:
                if ascii_host == entry.domain or ascii_host.endswith("." + entry.domain):
                    return entry
        return None

    def owner(self, registrable: str) -> Entry | None:
        """An entry whose registrable domain is ``registrable``: whoever registered it runs
        every name under it (wallet.example.org beside a listed launchpad.example.org)."""
        group = self._by_registrable.get(registrable)
        return group[-1] if group else None

    def protected_suffix(self, ascii_host: str) -> Entry | None:
        """The protected namespace ``ascii_host`` lies in (compared by whole labels)."""
        for entry in self._protected:
            if ascii_host == entry.domain or ascii_host.endswith("." + entry.domain):
                return entry
        return None

    @property
    def index(self) -> RegistryIndex:
        """Search structures for the detection checks, built on first use."""
        index = self._index
        if index is None:
            with self._lock:
                if self._index is None:
                    from domainguard._index import RegistryIndex

                    self._index = RegistryIndex(self)
                index = self._index
        return index


_default: Registry | None = None
_default_lock = threading.Lock()
