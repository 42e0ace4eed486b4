"""Lookalikes of an official host, by family: what defenders monitor or pre-register.

No network, no writes: it reads only the package's own registry and vocabulary, once, on first
use. Deterministic: the same arguments give the same lookalikes in the same order.

>>> from domainguard.permutations import permutations
>>> for p in permutations("kemendagri.go.id", families=["transposition"], limit_per_family=4):
...     print(p.family, p.domain)
transposition kmeendagri.id
transposition kmeendagri.com
transposition keemndagri.id
transposition keemndagri.online
>>> [p.domain for p in permutations("bkn.go.id", families=["homoglyph"], limit_per_family=3)]
['ḃkn.id', 'ḃkn.my.id', 'ḅkn.id']
>>> lookalike = next(permutations("dukcapil.kemendagri.go.id", families=["fake_sld"]))
>>> lookalike.domain, lookalike.family, lookalike.original
('dukcapil.kemendagri.go.id.com', 'fake_sld', 'dukcapil.kemendagri.go.id')
>>> next(permutations("kemendagri.go.id", families=["homoglyph"])).ascii_domain
'xn--emendagri-zb6d.id'

How the lookalikes are built
----------------------------
* **Name and suffix.** A host splits into name labels and a public suffix (the offline Public
  Suffix List, private section included, with the `.id` second levels of 2026: `kop.id` and
  `ai.id` are missing from older snapshots). `dukcapil.kemendagri.go.id` has the name labels
  `dukcapil`, `kemendagri` and the suffix `go.id`.
* **Typo families** (omission … homoglyph) change one name label at a time; the dot and
  hyphenation families also join neighbouring name labels (`dukcapilkemendagri`,
  `dukcapil-kemendagri`). For a target outside a protected suffix only the label directly under
  the suffix changes (a changed subdomain would still belong to the target). Labels such as
  `www` are never changed, and a subdomain label is changed only if it has 5 characters or more.
* **Short names.** Following Chromium, the edit families (omission, insertion, repetition,
  replacement, transposition, vowel swap, bitsquatting, and hyphens or dots put inside a label)
  need a label of at least 5 characters, before and after the edit, and keep its first
  character: one edit to `bkn` gives another agency's acronym (`bnn`, `bpn`), not a lookalike.
  Short names get the visual families (`ascii_lookalike`, `homoglyph`) and the structural ones,
  which are how they are attacked in practice.
* **Local names.** A short name or a bare region name (`bps`, `jakarta`, `acehutara`) imitates
  the agency or city hall only under an Indonesian suffix: `bps.com` and `jakarta.com` are
  mostly other people's names. Their suffix swaps and re-homed typo lookalikes (below) use
  only the `.id` suffixes (`bkn.id`, `bkn.co.id`, `mkassar.my.id`); with a lure word
  (embedding, combosquatting) any suffix goes.
* **Generic names.** When the name is a common word of the vocabulary or under 3 letters
  (`data.go.id`, `mail.go.id`, `indonesia.go.id`, `pu.go.id`), only the suffix makes it
  official: the typo families and suffix swap are skipped (`data.com` and `dаta.id` imitate a
  word), the families that keep the suffix (`data-go-id.com`, `data.go.id.com`) remain.
* **Protected suffixes.** Nobody but the state registers under `go.id`, `mil.id` or `desa.id`,
  so a lookalike left there is no attack. For such targets each typo lookalike is re-homed:
  the protected suffix is replaced by the first registrable suffix (`.id` by default) and by one
  more taken in turn from the next five (`.com`, `.online`, `.xyz`, `.my.id`, `.co.id`; for a
  local name the first six `.id` suffixes), so `kemendagri.go.id` gives `kemendgari.id` and
  `kemendgari.com`, and `dukcapil.kemendagri.go.id` gives `dukcapli.kemendagri.id`,
  `dukcapli.kemendagri.com`, `dukcapil.kemendgari.id` and `dukcapil.kemendgari.online`.
  The registrable part of every lookalike (the label under its suffix, with the suffix) is one
  a scammer can register. Other targets keep their own suffix in the typo families
  (`indonesiabaik.id` gives `indonesaibaik.id`); changing the suffix is its own family.
* **Embedding and combosquatting** use the brand labels: the distinctive name labels, not
  generic words (`portal`, `indonesia`) and not subdomain labels under 5 characters. Each lure
  word (the bundled vocabulary's unless given; words overlapping a brand are skipped) is used
  once per shape, the suffix taken in turn from `suffixes`. A lure word is glued without a
  hyphen only to a well-known service name (`cekdukcapil`), and brand labels alone appear
  inside a foreign host only when there are two of them (`dukcapil.kemendagri.aktivasi.com`).
  A local name needs a real lure: not an everyday word (`info-bandung.org`) and not a bare
  hosting tenant (`jakarta.blogspot.com`), which is how everybody in town names a site.
* **Never emitted:** the target itself, anything under the target's registrable domain or
  under a protected suffix, any official host or anything under one (`exclude`, by default
  the bundled registry), invalid hosts (labels of 1–63 letters, digits and inner hyphens, 253
  characters in all; IDN labels must pass `idna.encode(…, uts46=True)`), and duplicates: a
  host found by several families is reported once, under the first family in `FAMILIES` order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import combinations, pairwise

import idna

from domainguard._keyboard import neighbours
from domainguard._suffixes import split_suffix

__all__ = ["DEFAULT_SUFFIXES", "FAMILIES", "Permutation", "permutations"]

FAMILIES: tuple[str, ...] = (
    "omission",
    "insertion",
    "repetition",
    "replacement",
    "transposition",
    "vowel_swap",
    "hyphenation",
    "dot",
    "bitsquatting",
    "ascii_lookalike",
    "homoglyph",
    "suffix_swap",
    "suffix_glue",
    "fake_sld",
    "embedding",
    "combosquatting",
)

# Registrable suffixes a lookalike is put under. The first six also re-home typo lookalikes of
# protected targets; suffix_swap uses all of them.
DEFAULT_SUFFIXES: tuple[str, ...] = (
    "id",
    "com",
    "online",
    "xyz",
    "my.id",
    "co.id",
    "web.id",
    "biz.id",
    "or.id",
    "ac.id",
    "sch.id",
    "net.id",
    "ponpes.id",
    "kop.id",
    "ai.id",
    "net",
    "org",
    "info",
    "site",
    "top",
    "cc",
    "co",
    "me",
    "biz",
    "live",
    "icu",
    "vip",
    "click",
    "link",
    "website",
    "store",
    "shop",
    "asia",
)

_PROTECTED_SUFFIXES = frozenset({"go.id", "mil.id", "desa.id"})
_REHOME_WIDTH = 6  # suffixes[0] plus one of suffixes[1:6], in turn
_HOST_LABELS = frozenset({"www", "www2", "m", "mobile"})  # never a brand, never changed
_MIN_EDIT_LENGTH = 5  # Chromium's minimum for edit-distance lookalikes
_VOWELS = "aeiou"
_BITSQUAT_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")

# ASCII sequences read as one another (several are missing from Unicode's confusables.txt).
_ASCII_LOOKALIKES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("rn", ("m",)),
    ("m", ("rn",)),
    ("vv", ("w",)),
    ("w", ("vv",)),
    ("cl", ("d",)),
    ("d", ("cl",)),
    ("lc", ("k",)),
    ("k", ("lc",)),
    ("l", ("1", "i")),
    ("i", ("1", "l")),
    ("1", ("l",)),
    ("o", ("0",)),
    ("0", ("o",)),
)

# Unicode lookalikes of each ASCII letter, most convincing first: Cyrillic, Greek and Armenian
# letters from Unicode's confusables (version 15.1, as shipped by confusable_homoglyphs), Latin
# letters with a diacritic (a browser strips the diacritic, a reader does not see it), and two
# Chromium-style extras missing from confusables.txt: ӏ for l, κ for k. Every entry is a valid
# IDNA 2008 code point that UTS 46 leaves unchanged (tests/test_permutations.py checks).
# A curated table, not generated: it encodes which lookalikes fool a reader, not all of them.
_HOMOGLYPHS: dict[str, str] = {
    "a": "аαɑáàäâã",
    "b": "ḃḅ",
    "c": "сçćč",
    "d": "ԁďḋḍ",
    "e": "еéèëêėę",
    "f": "ḟ",
    "g": "ɡġğǵ",
    "h": "һĥḣḥ",
    "i": "іıíìïîɩ",
    "j": "јϳĵ",
    "k": "ḱǩķḳκ",
    "l": "ӏǀĺļľḷ",
    "m": "ṁṃḿ",
    "n": "ոńñņňṅ",
    "o": "оοօóòöôõ",
    "p": "рρṗ",
    "q": "ԛ",
    "r": "гŕřŗṛ",
    "s": "ѕśšşŝ",
    "t": "ţťțṫṭ",
    "u": "υսúùüûū",
    "v": "νѵṿ",
    "w": "ԝѡŵẃẁẅ",
    "x": "хẋẍ",
    "y": "уүýÿŷỳ",
    "z": "źżžẓ",
}
# The Cyrillic look-alike of each letter that has one: a label made only of these letters has
# an all-Cyrillic twin (a whole-script spoof such as `аррӏе`).
_CYRILLIC = dict(zip("acdehijlopqrswxy", "асԁеһіјӏорԛгѕԝху", strict=True))

# Hosting platforms whose tenants get their own registrable name (Public Suffix List, private
# section): the platform is legitimate, the tenant is not.
_PLATFORMS: tuple[str, ...] = (
    "blogspot.com",
    "web.app",
    "firebaseapp.com",
    "github.io",
    "netlify.app",
    "vercel.app",
    "pages.dev",
    "wixsite.com",
    "glitch.me",
    "workers.dev",
    "webflow.io",
    "replit.app",
)

# The citizen documents every civil-registry lure names: the middle word of a three-word combo
# (aktivasi-ikd-dukcapil).
_DOCUMENT_WORDS = ("ikd", "ektp", "ktp", "kk", "nik")

_LDH_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_INPUT_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")  # real hosts have "_"
_WORD = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")


@dataclass(frozen=True, slots=True, kw_only=True)
class Permutation:
    """One lookalike host: `domain` imitates `original` by the means named in `family`."""

    domain: str
    """The lookalike host, lowercase, in Unicode form for IDN lookalikes (`dukсapil.id`)."""
    family: str
    """One of `FAMILIES`."""
    original: str
    """The host it imitates, normalised (lowercase, Unicode form, no trailing dot)."""

    @property
    def ascii_domain(self) -> str:
        """The lookalike as a browser sends it to DNS (punycode for IDN labels)."""
        if self.domain.isascii():
            return self.domain
        return idna.encode(self.domain, uts46=True).decode("ascii")


def permutations(
    domain: str,
    *,
    families: Iterable[str] | None = None,
    suffixes: Sequence[str] | None = None,
    lure_words: Iterable[str] | None = None,
    limit_per_family: int | None = None,
    exclude: Iterable[str] | None = None,
) -> Iterator[Permutation]:
    """Yield lookalikes of `domain`, family by family in `FAMILIES` order.

    `domain` is a host name (`dukcapil.kemendagri.go.id`; Unicode, punycode, any case and a
    trailing dot are accepted), not a URL. `families` picks some of `FAMILIES` (default: all).
    `suffixes` are the registrable suffixes lookalikes are put under (default
    `DEFAULT_SUFFIXES`; a protected suffix such as `go.id` is refused). `lure_words` feed
    embedding and combosquatting (default: the bundled vocabulary's lure words; a word that
    overlaps a brand label, such as `capil` for `dukcapil`, is skipped). `limit_per_family`
    caps each family's count. `exclude` lists hosts never to emit, nor anything under them
    (default: the bundled registry of official domains; give your own registry's hosts, or
    `()` for none).

    Arguments are checked at once: `TypeError` for a wrong type, `ValueError` for a value that
    is not a host name, a public suffix with no name, or an unknown family. The lookalikes are
    then produced lazily.
    """
    target = _Target.parse(domain)
    chosen = _check_families(families)
    pool = _check_suffixes(suffixes)
    words = _vocabulary("lure_words") if lure_words is None else _check_words(lure_words)
    limit = _check_limit(limit_per_family)
    excluded = _official_hosts() if exclude is None else _check_exclude(exclude)
    generic = _vocabulary("generic_words")
    tokens = target.tokens(generic, _vocabulary("lure_words"))
    brand = target.names[-1]
    context = _Context(
        target=target,
        suffixes=pool,
        tokens=tokens,
        generic_brand=len(brand) < 3 or brand in _HOST_LABELS or brand in generic,
        local_brand=_is_local(brand),
        words=tuple(w for w in words if not any(w in t or t in w for t in tokens)),
        weak_words=frozenset(generic),
    )
    return _generate(context, chosen, limit, excluded)


# --- the target ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class _Target:
    host: str  # Unicode form
    names: tuple[str, ...]  # labels left of the public suffix
    suffix: str  # the public suffix, e.g. "go.id"

    @property
    def protected(self) -> bool:
        return self.suffix in _PROTECTED_SUFFIXES

    @property
    def registrable(self) -> str:
        return f"{self.names[-1]}.{self.suffix}"

    def mutable(self, *, visual: bool) -> tuple[int, ...]:
        """Indexes of the name labels a typo family changes (see the module docstring)."""
        last = len(self.names) - 1
        return tuple(
            j
            for j in (range(len(self.names)) if self.protected else (last,))
            if self.names[j] not in _HOST_LABELS
            and (len(self.names[j]) >= _MIN_EDIT_LENGTH or (visual and j == last))
        )

    def tokens(self, generic: Iterable[str], lures: Iterable[str]) -> tuple[str, ...]:
        """The brand labels combos and embeddings use: distinctive name labels, left to right.

        A generic word (`portal`, `indonesia`) never counts, as no reader takes
        `cek-indonesia.xyz` for `indonesia.go.id`; a subdomain label counts from 5 characters
        and when it is no lure word (`pengaduan.pajak.go.id` has the brand `pajak` only).
        """
        common = _HOST_LABELS | set(generic)
        lure = set(lures)
        last = len(self.names) - 1
        return tuple(
            name
            for j, name in enumerate(self.names)
            if name not in common
            and (j == last or (len(name) >= _MIN_EDIT_LENGTH and name not in lure))
        )

    @classmethod
    def parse(cls, domain: object) -> _Target:
        if not isinstance(domain, str):
            raise TypeError(f"domain must be a str, not {type(domain).__name__}")
        ascii_host, host = _normalise_host(domain, "domain")
        ascii_labels = ascii_host.split(".")
        if len(ascii_labels) < 2:
            raise ValueError(f"domain {domain!r} has a single label: give a name with its suffix")
        n_suffix = len(ascii_labels) - split_suffix(tuple(ascii_labels)).index
        labels = host.split(".")
        if n_suffix >= len(labels):
            raise ValueError(f"domain {domain!r} is a public suffix, not a name under one")
        return cls(
            host=host,
            names=tuple(labels[:-n_suffix]),
            suffix=".".join(labels[-n_suffix:]),
        )


def _normalise_host(text: str, what: str) -> tuple[str, str]:
    """Return the ASCII and Unicode forms of a host name, or raise ValueError."""
    host = text.strip()
    if not host:
        raise ValueError(f"{what} is empty")
    if len(host) > 254:  # checked before idna sees it
        raise ValueError(f"{what} {text[:40]!r}… is longer than 253 characters")
    if any(c in host for c in "/:@?#\\ ") or "://" in host:
        raise ValueError(f"{what} {text!r} is not a host name (give `kemendagri.go.id`, no URL)")
    host = host.removesuffix(".")
    try:
        if host.isascii():
            ascii_host = host.lower()
            for label in ascii_host.split("."):
                if not _INPUT_LABEL.fullmatch(label):
                    raise ValueError(
                        f"{what} {text!r} has an invalid label {label!r}: labels are 1 to 63 "
                        "letters, digits and inner hyphens"
                    )
            unicode_host = idna.decode(ascii_host) if "xn--" in ascii_host else ascii_host
        else:
            ascii_host = idna.encode(host, uts46=True).decode("ascii")
            unicode_host = idna.decode(ascii_host)
    except idna.IDNAError as error:
        raise ValueError(f"{what} {text!r} is not a valid host name: {error}") from error
    if len(ascii_host) > 253:
        raise ValueError(f"{what} {text[:40]!r}… is longer than 253 characters")
    if ascii_host.rsplit(".", 1)[-1].isdigit():
        raise ValueError(f"{what} {text!r} is an IP address, not a host name")
    return ascii_host, unicode_host


# --- arguments -------------------------------------------------------------------------------


def _check_families(families: Iterable[str] | None) -> tuple[str, ...]:
    if families is None:
        return FAMILIES
    if isinstance(families, str):
        raise TypeError("families must be an iterable of family names, not a str")
    wanted = set()
    for name in families:
        if not isinstance(name, str):
            raise TypeError(f"family names are str, not {type(name).__name__}")
        if name not in FAMILIES:
            raise ValueError(f"unknown family {name!r}; known: {', '.join(FAMILIES)}")
        wanted.add(name)
    return tuple(f for f in FAMILIES if f in wanted)


def _check_suffixes(suffixes: Sequence[str] | None) -> tuple[str, ...]:
    if suffixes is None:
        return DEFAULT_SUFFIXES
    if isinstance(suffixes, str) or not isinstance(suffixes, Sequence):
        raise TypeError("suffixes must be a sequence of suffixes such as ['id', 'com']")
    pool: list[str] = []
    for raw in suffixes:
        if not isinstance(raw, str):
            raise TypeError(f"suffixes are str, not {type(raw).__name__}")
        suffix = _normalise_host(raw.strip().removeprefix("."), "suffix")[1]
        if suffix in _PROTECTED_SUFFIXES:
            raise ValueError(f"suffix {raw!r} is protected: nobody but the state registers there")
        if suffix not in pool:
            pool.append(suffix)
    if not pool:
        raise ValueError("suffixes is empty: give at least one registrable suffix")
    return tuple(pool)


def _check_words(words: Iterable[str]) -> tuple[str, ...]:
    if isinstance(words, str):
        raise TypeError("lure_words must be an iterable of words, not a str")
    checked = set()
    for word in words:
        if not isinstance(word, str):
            raise TypeError(f"lure words are str, not {type(word).__name__}")
        lowered = word.strip().lower()
        if len(lowered) > 40 or not _WORD.fullmatch(lowered):
            raise ValueError(f"lure word {word!r} is not a word of letters, digits and hyphens")
        checked.add(lowered)
    return tuple(sorted(checked))  # sorted: a set's order changes from run to run


def _check_limit(limit: int | None) -> int | None:
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise TypeError(f"limit_per_family must be an int or None, not {type(limit).__name__}")
    if limit < 0:
        raise ValueError("limit_per_family must not be negative")
    return limit


def _check_exclude(exclude: Iterable[str] | None) -> frozenset[str]:
    if exclude is None:
        return frozenset()
    if isinstance(exclude, str):
        raise TypeError("exclude must be an iterable of host names, not a str")
    hosts = set()
    for host in exclude:
        if not isinstance(host, str):
            raise TypeError(f"exclude entries are str, not {type(host).__name__}")
        hosts.add(_normalise_host(host, "exclude entry")[1])
    return frozenset(hosts)


@cache
def _vocabulary(name: str) -> tuple[str, ...]:
    """Words of the bundled vocabulary (lure, generic or service words), sorted, read once."""
    from domainguard import _vocabulary  # reads data/terms.txt: on first use, never at import

    words = {
        "lure_words": _vocabulary.lure_words,
        "generic_words": _vocabulary.generic_words,
        "service_words": _vocabulary.service_words,
    }[name]()
    return tuple(sorted(w for w in words if _WORD.fullmatch(w)))


def _is_local(name: str) -> bool:
    """A short name or a bare region name: `bps`, `jakarta` (see the module docstring)."""
    return len(name) < _MIN_EDIT_LENGTH or name in _region_tokens()


@cache
def _region_tokens() -> frozenset[str]:
    """Bare region names as domain labels (`jakarta`, `acehutara`), from the vocabulary."""
    from domainguard import _vocabulary

    return frozenset(_vocabulary.regions_by_token())


@cache
def _official_hosts() -> frozenset[str]:
    """The hosts of the bundled registry, in Unicode form: never emitted by default."""
    from domainguard._registry import Registry  # loaded on first use, never at import

    return frozenset(
        _normalise_host(entry.domain, "registry entry")[1] for entry in Registry.default()
    )


# --- generation ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class _Context:
    target: _Target
    suffixes: tuple[str, ...]
    tokens: tuple[str, ...]
    generic_brand: bool  # `data.go.id`, `mail.go.id`: only the suffix makes the name official
    local_brand: bool  # `bps`, `jakarta`: an imitation only under an Indonesian suffix
    words: tuple[str, ...]
    weak_words: frozenset[str]  # lure words that are also everyday words: info, data, portal

    @property
    def swap_suffixes(self) -> tuple[str, ...]:
        """The suffixes a name may move to (only `.id` ones for a local brand)."""
        if self.local_brand:
            return tuple(s for s in self.suffixes if s.rsplit(".", 1)[-1] == "id")
        return self.suffixes

    def rehome(self, names: Sequence[str], k: int) -> Iterator[str]:
        """Put the k-th typo lookalike's name labels under its suffix(es)."""
        name = ".".join(names)
        if not self.target.protected:
            yield f"{name}.{self.target.suffix}"
            return
        pool = self.swap_suffixes[:_REHOME_WIDTH]
        if pool:
            yield f"{name}.{pool[0]}"
        if len(pool) > 1:
            yield f"{name}.{pool[1 + k % (len(pool) - 1)]}"


def _generate(
    context: _Context,
    families: tuple[str, ...],
    limit: int | None,
    excluded: frozenset[str],
) -> Iterator[Permutation]:
    target = context.target
    seen = {target.host}
    owned = excluded | {target.registrable}
    for family in families:
        count = 0
        if context.generic_brand and family in _NAME_ONLY_FAMILIES:
            continue  # data.com and dаta.id imitate a word, not data.go.id
        for candidate in _GENERATORS[family](context):
            if limit is not None and count >= limit:
                break
            host = _valid_host(candidate)
            if host is None or host in seen or _is_under(host, owned):
                continue
            seen.add(host)
            count += 1
            yield Permutation(domain=host, family=family, original=target.host)


def _is_under(host: str, owners: frozenset[str]) -> bool:
    """Whether `host` equals or is below one of `owners`, or is under a protected suffix."""
    labels = host.split(".")
    if ".".join(labels[-2:]) in _PROTECTED_SUFFIXES:
        return True
    return any(".".join(labels[j:]) in owners for j in range(len(labels)))


def _valid_host(host: str) -> str | None:
    """The host in canonical Unicode form if it is a valid host name, else None."""
    labels = host.split(".")
    if len(labels) < 2 or labels[-1].isdigit():
        return None
    if host.isascii():
        if len(host) > 253:
            return None
        for label in labels:
            if not _LDH_LABEL.fullmatch(label) or label[2:4] == "--":
                return None
        return host
    canonical: list[str] = []
    size = len(labels) - 1  # the dots
    for label in labels:
        if label.isascii():
            if not _LDH_LABEL.fullmatch(label) or label[2:4] == "--":
                return None
            canonical.append(label)
            size += len(label)
        else:
            checked = _idn_label(label)
            if checked is None:
                return None
            canonical.append(checked[0])
            size += checked[1]
    return ".".join(canonical) if size <= 253 else None


@lru_cache(maxsize=8192)
def _idn_label(label: str) -> tuple[str, int] | None:
    """A non-ASCII label as UTS 46 maps it and the length of its A-label; None if invalid.

    The same checks as `idna.encode(label, uts46=True)`, label by label so the result can be
    cached (each lookalike label is put under several suffixes). A label that UTS 46 maps to
    ASCII is no IDN lookalike: None.
    """
    try:
        mapped = idna.uts46_remap(label, std3_rules=True, transitional=False)
        if mapped.isascii():
            return None
        return mapped, len(idna.alabel(mapped))
    except idna.IDNAError:
        return None


# --- typo families ---------------------------------------------------------------------------


def _typo(
    context: _Context, variants: Callable[[str], Iterable[str]], *, visual: bool = False
) -> Iterator[str]:
    """Change one name label at a time with `variants`, then re-home the result."""
    names = context.target.names
    k = 0
    for j in context.target.mutable(visual=visual):
        for variant in variants(names[j]):
            yield from context.rehome((*names[:j], variant, *names[j + 1 :]), k)
            k += 1


def _joins(context: _Context, glue: str) -> Iterator[str]:
    """Join neighbouring name labels with `glue` (each pair, then all of them)."""
    names = context.target.names
    joined = [
        (*names[:j], names[j] + glue + names[j + 1], *names[j + 2 :]) for j in range(len(names) - 1)
    ]
    if len(names) > 2:
        joined.append((glue.join(names),))
    for k, new in enumerate(joined):
        yield from context.rehome(new, k)


def _omissions(label: str) -> Iterator[str]:
    if len(label) <= _MIN_EDIT_LENGTH:  # pjak is no lookalike of pajak: both need 5 letters
        return
    for i in range(1, len(label)):
        if label[i] != "-":
            yield label[:i] + label[i + 1 :]


def _insertions(label: str) -> Iterator[str]:
    for i, char in enumerate(label):
        for near in neighbours(char):
            if i > 0:
                yield label[:i] + near + label[i:]
            yield label[: i + 1] + near + label[i + 1 :]


def _repetitions(label: str) -> Iterator[str]:
    for i, char in enumerate(label):
        around = label[i - 1 : i] + label[i + 1 : i + 2]
        if char.isalnum() and char not in around:  # no triple letters
            yield label[: i + 1] + char + label[i + 1 :]


def _replacements(label: str) -> Iterator[str]:
    for i in range(1, len(label)):
        for near in neighbours(label[i]):
            yield label[:i] + near + label[i + 1 :]


def _transpositions(label: str) -> Iterator[str]:
    for i in range(1, len(label) - 1):
        if label[i] != label[i + 1]:
            yield label[:i] + label[i + 1] + label[i] + label[i + 2 :]


def _vowel_swaps(label: str) -> Iterator[str]:
    for i in range(1, len(label)):
        if label[i] in _VOWELS:
            for vowel in _VOWELS:
                if vowel != label[i]:
                    yield label[:i] + vowel + label[i + 1 :]


def _hyphenations(label: str) -> Iterator[str]:
    for i, char in enumerate(label):
        if char == "-":
            yield label[:i] + label[i + 1 :]
    for i in range(2, len(label) - 1):
        if "-" not in label[i - 1 : i + 1]:
            yield label[:i] + "-" + label[i:]


def _dots(label: str) -> Iterator[str]:
    # At least 3 characters each side of the new dot: `kemen.dagri`, not `pu.langpisaukab`.
    for i in range(3, len(label) - 2):
        if "-" not in label[i - 1 : i + 1]:
            yield label[:i] + "." + label[i:]


def _bitsquats(label: str) -> Iterator[str]:
    for i in range(1, len(label)):
        code = ord(label[i])
        if code > 127:
            continue
        for bit in range(8):
            flipped = chr(code ^ (1 << bit))
            if flipped in _BITSQUAT_CHARS:
                yield label[:i] + flipped + label[i + 1 :]


def _ascii_lookalikes(label: str) -> Iterator[str]:
    sites = [
        (i, len(source), targets)
        for i in range(len(label))
        for source, targets in _ASCII_LOOKALIKES
        if label.startswith(source, i)
    ]
    for i, size, targets in sites:
        for replacement in targets:
            yield label[:i] + replacement + label[i + size :]
    # Two substitutions stacked (`kernendagr1`): what edit distance on skeletons misses.
    for (i, size_i, targets_i), (j, size_j, targets_j) in combinations(sites, 2):
        if i + size_i <= j:
            yield (
                label[:i]
                + targets_i[0]
                + label[i + size_i : j]
                + targets_j[0]
                + label[j + size_j :]
            )


def _homoglyphs(label: str) -> Iterator[str]:
    positions = [i for i, char in enumerate(label) if char in _HOMOGLYPHS]
    for i in positions:
        for glyph in _HOMOGLYPHS[label[i]]:
            yield label[:i] + glyph + label[i + 1 :]
    for i, j in combinations(positions, 2):
        yield (
            label[:i]
            + _HOMOGLYPHS[label[i]][0]
            + label[i + 1 : j]
            + _HOMOGLYPHS[label[j]][0]
            + label[j + 1 :]
        )
    letters = [char for char in label if char.isalpha()]
    if len(letters) > 2 and all(char in _CYRILLIC for char in letters):
        yield "".join(_CYRILLIC.get(char, char) for char in label)


def _edit_family(variants: Callable[[str], Iterable[str]]) -> Callable[[_Context], Iterator[str]]:
    return lambda context: _typo(context, variants)


def _hyphenation(context: _Context) -> Iterator[str]:
    yield from _typo(context, _hyphenations)
    yield from _joins(context, "-")


def _dot(context: _Context) -> Iterator[str]:
    yield from _typo(context, _dots)
    yield from _joins(context, "")


# --- suffix and structure families -----------------------------------------------------------


def _suffix_swap(context: _Context) -> Iterator[str]:
    name = ".".join(context.target.names)
    for suffix in context.swap_suffixes:
        if suffix != context.target.suffix:
            yield f"{name}.{suffix}"


def _suffix_glue(context: _Context) -> Iterator[str]:
    target = context.target
    prefix, brand = target.names[:-1], target.names[-1]
    parts = target.suffix.split(".")

    def under(label: str, suffix: str) -> str:
        return ".".join((*prefix, label, suffix))

    if len(parts) > 1:  # the second level glued into the name: kemendagrigo.id, kemendagri-go.id
        rest = ".".join(parts[1:])
        yield under(brand + parts[0], rest)
        yield under(f"{brand}-{parts[0]}", rest)
    forms = [f"{brand}-{'-'.join(parts)}", brand + "".join(parts), f"{brand}-{''.join(parts)}"]
    if len(parts) > 1:
        forms.append(f"{brand}{''.join(parts[:-1])}-{parts[-1]}")
    for form in forms:  # the whole suffix glued in: kemendagri-go-id.com, kemendagrigoid.xyz
        for suffix in context.suffixes[:_REHOME_WIDTH]:
            yield under(form, suffix)


def _fake_sld(context: _Context) -> Iterator[str]:
    target = context.target
    name = ".".join(target.names)
    parts = target.suffix.split(".")
    for tail in ("com", "co"):  # kemendagri.go.id.com
        if tail != parts[-1]:
            yield f"{name}.{target.suffix}.{tail}"
    if target.suffix == "go.id":
        for fake in ("gov.id", "govt.id", "gov.co.id"):
            yield f"{name}.{fake}"
    if len(parts) > 1:
        head = parts[0]
        yield f"{name}.{'-'.join(parts)}.com"  # kemendagri.go-id.com
        yield f"{name}.{''.join(parts)}.id"  # kemendagri.goid.id
        yield f"{name}.{''.join(parts)}.com"
        for sld in ("my.id", "web.id", "co.id", "biz.id"):  # kemendagri.go.my.id
            if sld != target.suffix:
                yield f"{name}.{head}.{sld}"


def _embedding(context: _Context) -> Iterator[str]:
    host = context.target.host
    flat = host.replace(".", "-")
    brand = ".".join(context.tokens)
    pool, words = context.suffixes, context.words
    for suffix in pool[:_REHOME_WIDTH]:
        yield f"{flat}.{suffix}"  # dukcapil-kemendagri-go-id.online
    k = 0
    for i, word in enumerate(words):
        shapes = [
            f"{host}.{word}",  # dukcapil.kemendagri.go.id.aktivasi.com
            f"{host}-{word}",  # kemendagri.go.id-verify.com
            f"{flat}-{word}",  # dukcapil-kemendagri-go-id-verify.com
        ]
        if len(context.tokens) > 1:  # a lone label (malinau.akun.site) is no embedded host
            shapes.append(f"{brand}.{word}")  # dukcapil.kemendagri.aktivasi.com
        if len(words) >= 3:  # secure-kemendagri.go.id.login-update.xyz
            after = f"{words[(i + 1) % len(words)]}-{words[(i + 2) % len(words)]}"
            shapes.append(f"{word}-{host}.{after}")
        for shape in shapes:
            yield f"{shape}.{pool[k % len(pool)]}"
            k += 1


def _combosquatting(context: _Context) -> Iterator[str]:
    target, tokens = context.target, context.tokens
    pool, words = context.suffixes, context.words
    pairs = list(pairwise(tokens))
    # Glued to a lure word only when the brand is a well-known service name (cekdukcapil,
    # dukcapilonline); a glued regional name (ceksukoharjokab) reads as noise, and the lures in
    # public reports hyphenate.
    glueable = set(_vocabulary("service_words"))
    k = 0

    def rotate() -> str:
        nonlocal k
        k += 1
        return pool[(k - 1) % len(pool)]

    for i, word in enumerate(words):
        for token in tokens:
            if word in context.weak_words and _is_local(token):
                continue  # info-bandung.org, portal-bps.com: every local business is named so
            yield f"{word}-{token}.{rotate()}"  # cek-dukcapil.id
            yield f"{token}-{word}.{rotate()}"  # dukcapil-online.com
            if token in glueable:
                glued = f"{word}{token}" if i % 2 == 0 else f"{token}{word}"
                yield f"{glued}.{rotate()}"  # cekdukcapil.xyz, dukcapilonline.my.id
    documents = [d for d in _DOCUMENT_WORDS if not any(d in t or t in d for t in tokens)]
    if tokens and documents:
        for i, word in enumerate(words):  # aktivasi-ikd-dukcapil.xyz
            if word not in documents:
                yield f"{word}-{documents[i % len(documents)]}-{tokens[0]}.{rotate()}"
    for a, b in pairs:  # dukcapilkemendagri.my.id
        for suffix in pool[:_REHOME_WIDTH]:
            yield f"{a}{b}.{suffix}"
            yield f"{a}-{b}.{suffix}"
    # Tenants of hosting platforms: dukcapil.web.app, dukcapil-kemendagri.blogspot.com.
    # A bare city or acronym tenant (jakarta.blogspot.com) is anybody's blog: not a lookalike.
    tenants = [t for t in tokens if not _is_local(t)] + [f"{a}-{b}" for a, b in pairs]
    tenants.append(f"{target.names[-1]}-{target.suffix.replace('.', '-')}")  # bkn-go-id.web.app
    for platform in _PLATFORMS:
        for tenant in tenants:
            yield f"{tenant}.{platform}"
    if tokens:
        for i, word in enumerate(words):  # dukcapil-aktivasi.netlify.app
            if not (word in context.weak_words and _is_local(tokens[0])):
                yield f"{tokens[0]}-{word}.{_PLATFORMS[i % len(_PLATFORMS)]}"


# Families that imitate the name alone, without the suffix that makes it official.
_NAME_ONLY_FAMILIES = frozenset(FAMILIES[: FAMILIES.index("suffix_swap") + 1])

_GENERATORS: dict[str, Callable[[_Context], Iterator[str]]] = {
    "omission": _edit_family(_omissions),
    "insertion": _edit_family(_insertions),
    "repetition": _edit_family(_repetitions),
    "replacement": _edit_family(_replacements),
    "transposition": _edit_family(_transpositions),
    "vowel_swap": _edit_family(_vowel_swaps),
    "hyphenation": _hyphenation,
    "dot": _dot,
    "bitsquatting": _edit_family(_bitsquats),
    "ascii_lookalike": lambda context: _typo(context, _ascii_lookalikes, visual=True),
    "homoglyph": lambda context: _typo(context, _homoglyphs, visual=True),
    "suffix_swap": _suffix_swap,
    "suffix_glue": _suffix_glue,
    "fake_sld": _fake_sld,
    "embedding": _embedding,
    "combosquatting": _combosquatting,
}
