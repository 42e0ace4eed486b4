"""Search structures over a registry, built once per registry for the detection checks.

Everything a check needs to find candidates without scanning the registry: official names by
compact form and by confusable skeleton, a symmetric-deletion index for edit distance, the
distinctive brand tokens derived from registered labels, token sequences for embedding, and
the links between region names, service words and the entries they point at. Pure: built
from the registry and the package's vocabulary, no I/O beyond reading that vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, cast

from domainguard import _vocabulary
from domainguard._host import decode_label
from domainguard._near import NearIndex
from domainguard._registry import Entry, Registry
from domainguard._skeleton import skeleton, visual_skeleton
from domainguard._suffixes import split_suffix

if TYPE_CHECKING:
    from domainguard._checks.combos import ComboWords
    from domainguard._checks.context import ContextWords
    from domainguard._screen import Screen


__all__ = ["Name", "RegistryIndex", "compact", "tokens"]

# Shortest official name compared by edit distance; shorter ones (bkn, kpk, ojk) are
# protected through exact-name cues instead (other suffix, glued go.id, brand + lure word).
MIN_TYPO_LENGTH: Final = 5
# A brand token glued to other words (``dukcapilonline``) must be this long to be trusted.
MIN_GLUED_BRAND: Final = 6
# Brand tokens shorter than this count only as whole tokens next to a lure word.
MIN_BRAND: Final = 5
# A subdomain label used by this many registrable domains names no one (lpse., ppid., www.)
AMBIGUOUS_HOMES: Final = 3
# Labels that stand for "government" when glued to a name: kemendagri-go-id.com, kemendagrigo.id
GOV_TOKENS: Final = frozenset({"go", "gov", "govt", "goid", "govid", "goi", "gob"})
# Glued government suffixes, longest first: kemendagrigoid, kemendagri-go-id, kemendagrigo
_GLUED_GOV: Final = tuple(sorted(GOV_TOKENS | {"goid", "govid", "goi", "coid", "id"}, key=len,
                                reverse=True))
# A first token with more sequences than this is looked up by its second token as well.
_SPLIT_SEQUENCES: Final = 8
# Affixes regional government labels carry around the region name (purbalinggakab, pemkab...)
REGION_AFFIXES: Final = ("kabupaten", "provinsi", "pemprov", "pemkab", "pemkot", "pemda",
                          "kota", "prov", "kab")


def compact(text: str) -> str:
    """A name without the separators scammers add or remove (dots, hyphens, underscores)."""
    if "." not in text and "-" not in text and "_" not in text:
        return text  # the same object: a big registry keeps one copy of most names
    # three replacements cost a quarter of a translate() that deletes (a dict per character)
    return text.replace(".", "").replace("-", "").replace("_", "")


def tokens(labels: Iterable[str]) -> list[str]:
    """Split labels into words on hyphens and underscores."""
    text = "-".join(labels)
    if "_" in text:
        text = text.replace("_", "-")
    return list(filter(None, text.split("-")))


@dataclass(frozen=True, slots=True)
class Name:
    """An official name to compare against: a registrable label, or all labels of an entry."""

    raw: str  # as registered: "kemendagri", "dukcapil.kemendagri"
    compact: str  # "kemendagri", "dukcapilkemendagri"
    skeleton: str
    entry: Entry
    suffix: str  # the official suffix: "go.id"
    whole: bool  # True for all labels of an entry, False for its registrable label only


def strip_region_affixes(label: str) -> str:
    if not (label.endswith(REGION_AFFIXES) or label.startswith(REGION_AFFIXES)):
        return label  # the common case, in two C calls
    for affix in REGION_AFFIXES:
        if label.endswith(affix) and len(label) > len(affix) + 2:
            return label[: -len(affix)]
        if label.startswith(affix) and len(label) > len(affix) + 2:
            return label[len(affix) :]
    return label


# An official domain as a token sequence (dukcapil, kemendagri, go, id), how many of its tokens
# are its name (left of the suffix), and its entry
Sequence = tuple[tuple[str, ...], int, "Entry"]


class RegistryIndex:
    """Candidates for every check, by hash lookups whose cost does not grow with the registry."""

    def __init__(self, registry: Registry) -> None:
        self.service_words = _vocabulary.service_words()
        self.civil_words = _vocabulary.civil_registry_words()
        self.lure_words = _vocabulary.lure_words()
        self.generic_words = _vocabulary.generic_words()
        # what combosquatting learnt about the words seen lately (built by that check)
        self.combo_words: ComboWords | None = None
        # the vocabulary and names on plain keys for whole-host reading (built by that check)
        self.context_words: ContextWords | None = None
        # the fast path's proof that those checks find nothing (built once a feed is under
        # way), and how many hosts asked for it before
        self.screen: Screen | None = None
        self.unscreened = 0
        # (entry, name) for names that are everyday words (dana of dana.id, an alias mandiri):
        # never brands alone, but anchors beside a lure (see _checks/context.py)
        self.everyday_names: list[tuple[Entry, str]] = []
        self.apps: dict[str, Entry] = {}  # official app store id -> its entry
        region_tokens = _vocabulary.regions_by_token()
        self.region_names = frozenset(region_tokens)  # every region name, listed or not

        self.suffix_glues: tuple[str, ...] = ()  # official suffixes without dots: "org", "coid"
        # tuples, not lists: most names stand alone, and a 1-tuple is the smaller object
        self.by_compact: dict[str, tuple[Name, ...]] = {}
        self.by_skeleton: dict[str, tuple[Name, ...]] = {}
        self.by_visual: dict[str, tuple[Name, ...]] = {}
        # edit-distance candidates among official skeletons (about two names an entry)
        self.near = NearIndex(expected=2 * len(registry.entries))
        self.brands: dict[str, Entry] = {}  # distinctive token -> entry it stands for
        self.short_brands: dict[str, Entry] = {}  # 2-4 letter acronyms, whole tokens only
        self.sequences: dict[str, list[Sequence]] = {}  # by first token, in registry order
        # the longer of those lists again by second token, so a lookup does not grow with
        # the registry (dukcapil.<region>.go.id gives one first token thousands of sequences)
        self._by_second: dict[str, dict[str, list[Sequence]]] = {}
        self.region_entries: dict[str, list[Entry]] = {}  # region token -> its entries
        self.service_target: Entry | None = None

        # token -> registrable domain(s) using it: a str while there is one (most tokens)
        self._brand_homes: dict[str, str | set[str]] = {}
        # one copy of each label, token and suffix while the index is built (sys.intern would
        # keep them in the interpreter's table for as long as they live: about 8 MB more
        # with 100,000 names)
        self._one: dict[str, str] = {}
        entries = sorted(registry.entries, key=lambda e: (len(e.domain), e.domain))
        for entry in entries:
            self._add_entry(entry, region_tokens)
        self.service_target = self._find_service_target(entries)
        self._finish_brands()
        self._one = {}
        # official endings as scammers glue them on: "coid" and "co" for co.id, "org"
        glues = {compact(name.suffix) for names in self.by_compact.values() for name in names}
        glues |= {name.suffix.split(".")[0] for names in self.by_compact.values()
                  for name in names if "." in name.suffix}
        self.suffix_glues = tuple(sorted(glues - {""}, key=len, reverse=True))
        # every glued ending the names check looks for: government ones first, longest first
        self.glue_endings = (*_GLUED_GOV, *self.suffix_glues)
        # the first and last MIN_GLUED_BRAND letters of the brands at least that long (glued
        # brands, see brand_in), each with the lengths of the brands that start or end so (bit
        # n: length n): most tokens fail both tests, and then no glued brand can start or end
        # them; the others try only those lengths (a big registry has brands of every length)
        heads: dict[str, int] = {}
        tails: dict[str, int] = {}
        for brand in self.brands:
            if len(brand) >= MIN_GLUED_BRAND:
                bit = 1 << len(brand)
                heads[brand[:MIN_GLUED_BRAND]] = heads.get(brand[:MIN_GLUED_BRAND], 0) | bit
                tails[brand[-MIN_GLUED_BRAND:]] = tails.get(brand[-MIN_GLUED_BRAND:], 0) | bit
        masks: dict[int, int] = {}  # one object for each distinct set of lengths
        self._glued_heads = {head: masks.setdefault(m, m) for head, m in heads.items()}
        self._glued_tails = {tail: masks.setdefault(m, m) for tail, m in tails.items()}
        self.region_tokens = {token: regions for token, regions in region_tokens.items()
                              if token in self.region_entries}
        # first tokens of one-token sequences (none from a valid domain, kept exact anyway)
        self._single_starts = frozenset(seq[0] for found in self.sequences.values()
                                        for seq, _, _ in found if len(seq) == 1)
        for first, found in self.sequences.items():
            if len(found) > _SPLIT_SEQUENCES and all(len(seq) > 1 for seq, _, _ in found):
                by_second: dict[str, list[object]] = {}
                # the stored objects themselves: a compiled loop over Sequence values would
                # copy each one (a fixed tuple type is a C struct there)
                for item in cast("list[object]", found):
                    by_second.setdefault(cast(Sequence, item)[0][1], []).append(item)
                self._by_second[first] = cast("dict[str, list[Sequence]]", by_second)
        self.near.freeze()

    # ---- building -----------------------------------------------------------------------------
    def _add_name(self, raw: str, entry: Entry, suffix: str, whole: bool) -> None:
        flat = compact(raw)
        if not flat:
            return
        # one string object where a form changes nothing (most names): memory on big registries
        plain = skeleton(flat)
        plain = flat if plain == flat else plain
        visual = visual_skeleton(flat)
        visual = plain if visual == plain else visual
        name = Name(raw=raw, compact=flat, skeleton=plain, entry=entry, suffix=suffix,
                    whole=whole)
        if plain not in self.by_skeleton and len(plain) >= MIN_TYPO_LENGTH:
            self.near.add(plain)  # once per skeleton
        # Most names are alone under all three forms and share one tuple; adding to a form
        # that has names already makes a new tuple.
        alone: tuple[Name, ...] = (name,)  # one object (a compiled tuple[Name] is copied)
        for table, key in ((self.by_compact, flat), (self.by_skeleton, plain),
                           (self.by_visual, visual)):
            names = table.get(key)
            table[key] = alone if names is None else (*names, name)

    def _add_entry(self, entry: Entry, region_tokens: Mapping[str, object]) -> None:
        # labels, tokens and suffixes repeat across entries (purbalinggakab, go.id): a big
        # registry keeps one copy of each
        one = self._one.setdefault
        labels = tuple([one(label, label) for label in entry.domain.split(".")])
        suffix_at = split_suffix(labels).index
        suffix = ".".join(labels[suffix_at:])
        suffix = one(suffix, suffix)
        # names are compared in Unicode (queries are decoded too): fóó.com must meet fóo.com
        name_labels = tuple([one(shown, shown) for shown in
                             (decode_label(label) or label for label in labels[:suffix_at])])
        if not name_labels:
            return
        self._add_name(name_labels[-1], entry, suffix, whole=len(name_labels) == 1)
        if len(name_labels) > 1:
            self._add_name(".".join(name_labels), entry, suffix, whole=True)
        # the whole domain as a token sequence, for embedding (kemendagri.go.id.evil.com)
        seq = tuple([one(token, token) for token in tokens(labels)])
        self.sequences.setdefault(seq[0], []).append((seq, len(tokens(name_labels)), entry))
        for label in name_labels:
            for token in [*tokens([label]), compact(label)]:
                # an everyday word names its entry only as the whole registered name (dana
                # of dana.id), never as one word of a label (online of si-online)
                whole = label is name_labels[-1] and token == compact(label)
                self._add_brand(one(token, token), entry, everyday=whole)
            base = strip_region_affixes(label)
            if base in region_tokens:
                self.region_entries.setdefault(base, []).append(entry)
        for app in entry.apps:
            self.apps.setdefault(app, entry)
        # the names the body goes by (brimo, dana kaget) are brands as its labels are
        for alias in entry.aliases:
            alias = alias.replace(" ", "").replace("-", "")
            self._add_brand(one(alias, alias), entry, everyday=True)

    def _add_brand(self, token: str, entry: Entry, everyday: bool = False) -> None:
        if token.isdigit():
            return
        if token in self.generic_words or token in self.lure_words:
            if everyday and len(token) >= 3 and token not in _vocabulary.regions_by_token():
                self.everyday_names.append((entry, token))
            return
        if token in _vocabulary.regions_by_token():
            return  # a bare region name is not a brand: bandung.com is not the city hall
        if len(token) >= MIN_BRAND:
            self.brands.setdefault(token, entry)
        elif len(token) >= 2:
            self.short_brands.setdefault(token, entry)
        else:
            return
        homes = self._brand_homes.get(token)
        if homes is None:
            self._brand_homes[token] = entry.registrable
        elif isinstance(homes, str):
            if homes != entry.registrable:
                self._brand_homes[token] = {homes, entry.registrable}
        else:
            homes.add(entry.registrable)

    def _finish_brands(self) -> None:
        """Drop tokens many unrelated domains share (lpse, ppid); send service words home."""
        for token, homes in self._brand_homes.items():
            target = self.service_target if token in self.civil_words else None
            count = 1 if isinstance(homes, str) else len(homes)
            if target is None and count >= AMBIGUOUS_HOMES:
                self.brands.pop(token, None)
                self.short_brands.pop(token, None)
            elif target is not None:
                if token in self.brands:
                    self.brands[token] = target
                if token in self.short_brands:
                    self.short_brands[token] = target
        # a distinctive subdomain label is an official name too: dukcapil.id imitates
        # dukcapil.kemendagri.go.id as much as kemendagri.id imitates kemendagri.go.id
        for token, entry in self.brands.items():
            if token not in self.by_compact:
                suffix = entry.registrable.partition(".")[2]
                self._add_name(token, entry, suffix, whole=False)
        self._brand_homes = {}  # needed no more

    def _find_service_target(self, entries: list[Entry]) -> Entry | None:
        """The entry civil-registry words (ikd, ktp, capil) point at, if this registry has one."""
        for entry in entries:
            if entry.kind == "national-dukcapil":
                return entry
        for entry in entries:
            if any(t in self.civil_words for t in tokens(entry.domain.split("."))):
                return entry
        return None

    # ---- lookups ------------------------------------------------------------------------------
    def sequences_at(self, found: list[str], start: int) -> list[Sequence]:
        """The sequences starting with ``found[start]`` that may match there, in registry order:
        all of them, or for a long list only those whose second token follows in ``found``.

        What embedding looks for at ``start``: a whole sequence, which needs its second token
        next; or its name (a first label that is one token) followed by a fake government
        ending, which needs a GOV_TOKENS token next, where the whole list is given.
        """
        found_here = self.sequences.get(found[start])
        if found_here is None:
            return []
        if start + 1 >= len(found):
            # the last token: only a one-token sequence could be whole there (a name needs its
            # suffix after it, a fake ending its GOV token), and a registered domain has two
            # tokens at least; shop, app, my start thousands of sequences in a big registry
            if found[start] not in self._single_starts:
                return []
            return [item for item in found_here if len(item[0]) == 1]
        by_second = self._by_second.get(found[start])
        if by_second is None or found[start + 1] in GOV_TOKENS:
            return found_here
        return by_second.get(found[start + 1], [])

    def brand_in(self, token: str) -> tuple[str, Entry] | None:
        """A distinctive brand that is ``token`` or starts or ends it (dukcapilonline)."""
        entry = self.brands.get(token)
        if entry is not None:
            return token, entry
        size = len(token)
        if size <= MIN_GLUED_BRAND:
            return None
        shorter = (1 << size) - 1  # lengths below the token's own
        heads = self._glued_heads.get(token[:MIN_GLUED_BRAND], 0) & shorter
        tails = self._glued_tails.get(token[-MIN_GLUED_BRAND:], 0) & shorter
        lengths = heads | tails
        # longest first, the start before the end: a piece of a length no brand with its first
        # (last) letters has is no brand
        while lengths:
            length = lengths.bit_length() - 1
            lengths ^= 1 << length
            if heads >> length & 1:
                piece = token[:length]
                entry = self.brands.get(piece)
                if entry is not None:
                    return piece, entry
            if tails >> length & 1:
                piece = token[-length:]
                entry = self.brands.get(piece)
                if entry is not None:
                    return piece, entry
        return None

    def region_target(self, region_token: str, service: bool) -> Entry | None:
        """The entry a region name stands for: its Dukcapil office when ``service``."""
        candidates = self.region_entries.get(region_token, [])
        if service:
            for entry in candidates:
                if entry.kind == "regional-dukcapil" or any(
                    t in self.civil_words for t in tokens(entry.domain.split(".")[:1])
                ):
                    return entry
        for entry in candidates:
            if entry.kind in ("regional-government", "custom"):
                return entry
        return candidates[0] if candidates else None
