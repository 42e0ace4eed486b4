"""Generate src/domainguard/_confusables.py from Unicode's security and character data.

Build-time only: nothing here is imported by domainguard at run time.

Inputs, both from one ICU source tree (ICU keeps raw copies of the Unicode files it compiles):
  - icu/source/data/unidata/confusables.txt  Unicode's UTS #39 confusables.txt, verbatim
  - icu/source/data/unidata/ppucd.txt        ICU's "preparsed UCD": every Unicode Character
                                             Database property per code point (Script,
                                             Script_Extensions, Identifier_Status, names,
                                             decompositions, case mappings, ...)

Where the inputs come from (no internet needed beyond the Debian archive): Debian's `icu` source
package. ICU 78.3 carries Unicode 17.0.0; Debian sid ships it as icu 78.3-2:

    mkdir -p /tmp/apt/lists/partial /tmp/apt/cache/archives/partial /tmp/icu && cd /tmp/icu
    echo 'deb-src http://deb.debian.org/debian sid main' > /tmp/apt/src.list
    APT="-o Dir::Etc::SourceList=/tmp/apt/src.list -o Dir::Etc::SourceParts=/dev/null
         -o Dir::State::Lists=/tmp/apt/lists -o Dir::Cache=/tmp/apt/cache"
    apt-get $APT update && apt-get $APT source --download-only icu=78.3-2

Then, from the repository root:

    python scripts/gen_confusables.py /tmp/icu/icu_78.3.orig.tar.gz

SOURCE may also be a directory holding confusables.txt and ppucd.txt. `--check` compares instead
of writing (exit status 1 when the checked-in file is stale).

What is generated, and the choices behind it (the module docstring of the output repeats them):
  SKELETON   code point -> skeleton string, for every code point whose skeleton differs from
             itself and that can still be seen after the run-time normalisation (NFKD, lowercase,
             combining marks and default-ignorables dropped). The value is final: already
             normalised, lowercase and folded, so one lookup per character gives the skeleton.
             Mapping: confusables.txt, except that ASCII letters map to themselves (UTS #39 maps
             m -> rn; that reading belongs to the visual skeleton), then a fold of Latin letters
             with an attached diacritic or in small-capital form to their ASCII base letter
             (derived from character names: "LATIN SMALL LETTER D WITH HOOK" -> d,
             "LATIN LETTER SMALL CAPITAL H" -> h), plus a few named Latin prototypes
             (kra -> k, tone six -> b, dotless i/j, script g).
             Prototypes spelled "rn" (Unicode's skeleton of m) are written m. Digits 0 and 1
             map to o and l, as in confusables.txt.
  VISUAL     overrides of SKELETON for the visual skeleton: Chromium's extra lookalike mappings
             (components/url_formatter/spoof_checks/skeleton_generator.cc, listed below),
             and Chromium's second readings of characters that have two (thorn b, oe ce,
             l-stroke t). The ASCII multi-character collapses (rn -> m, ...) and the i/l/1
             unification are done by domainguard._skeleton, not here.
  SCRIPTS, SCRIPT_EXTENSIONS, SCRIPT_NAMES   the Script and Script_Extensions properties.
  ALLOWED    Identifier_Status=Allowed (UTS #39 General Security Profile) as ranges.
  IGNORABLE  Default_Ignorable_Code_Point as ranges.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import re
import sys
import tarfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "domainguard" / "_confusables.py"

# Chromium's supplement to confusables.txt, applied before Unicode's mapping. From Chromium's
# components/url_formatter/spoof_checks/skeleton_generator.cc (extra_confusable_mapper_,
# BSD-3-Clause), as of 2025. Each key string lists the characters mapped to the value.
CHROMIUM_EXTRA_MAPPINGS: tuple[tuple[str, str], ...] = (
    ("æӕ", "ae"),
    ("ϼҏ", "p"),
    ("ħнћңҥӈӊԋԧԩ", "h"),
    ("ĸκкқҝҟҡӄԟ", "k"),
    ("ŋпԥกח", "n"),
    ("ŧтҭԏ七丅丆丁", "t"),
    ("ƅьҍвß", "b"),
    ("ωшщพฟພຟ", "w"),
    ("мӎ", "m"),
    ("єҽҿၔ", "e"),
    ("ґ", "r"),
    ("ғӻ", "f"),
    ("ҫင", "c"),
    ("ұ丫", "y"),
    ("χҳӽӿ乂", "x"),
    ("ԃძ", "d"),
    ("ԍဌ", "g"),
    ("ടรຣຮ", "s"),
    ("၂", "j"),
    ("०০੦૦ଠ୦೦စ", "o"),
    ("৭੧૧", "q"),
    ("บບ", "u"),
    ("θ", "0"),
    ("२২੨૨೩೭շ", "2"),
    ("зҙӡउওਤ੩૩౩ဒვპੜკ", "3"),
    ("੫丩ㄐ", "4"),
    ("ճ", "6"),
    ("৪੪୫", "8"),
    ("૭୨౨", "9"),
    ("—一―⸺⸻", "-"),
    # Chromium's SkeletonGenerator::character_map_: characters with two readings. Unicode's
    # reading (thorn p, oe oe, l-stroke l, dotless i i) stays in SKELETON; this is the other one.
    ("þ", "b"),
    ("œ", "ce"),
    ("ł", "t"),
)

# Latin prototypes of confusables.txt (and other Latin letters) without a "WITH ..." name that
# read as an ASCII letter. Chromium maps kra to k and tone six to b as well.
NAMED_LATIN_FOLDS: dict[str, str] = {
    "LATIN SMALL LETTER KRA": "k",
    "LATIN SMALL LETTER TONE SIX": "b",
    "LATIN SMALL LETTER DOTLESS I": "i",
    "LATIN SMALL LETTER DOTLESS J": "j",
    "LATIN SMALL LETTER SCRIPT G": "g",
    "LATIN SMALL LETTER ENG": "n",
    # Unicode's prototype for Greek epsilon, Cyrillic ukrainian ie and Latin open e, which read
    # as e (Chromium maps the Cyrillic one to e as well), not as the c of its name.
    "LATIN SMALL LETTER C WITH BAR": "e",
}
_WITH_NAME = re.compile(r"LATIN (?:SMALL )?LETTER (?:SMALL CAPITAL )?([A-Z]) WITH .+")
_SMALL_CAPITAL_NAME = re.compile(r"LATIN LETTER SMALL CAPITAL ([A-Z])")


@dataclass(frozen=True, slots=True)
class Sources:
    confusables: str
    ppucd: str
    description: str


def read_sources(source: Path) -> Sources:
    """Read confusables.txt and ppucd.txt from an ICU source tarball or a directory."""
    wanted = ("confusables.txt", "ppucd.txt")
    found: dict[str, bytes] = {}
    if source.is_dir():
        for name in wanted:
            found[name] = (source / name).read_bytes()
        tarball_sum = ""
    else:
        data = source.read_bytes()
        tarball_sum = hashlib.sha256(data).hexdigest()
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            for member in tar.getmembers():
                base = member.name.rsplit("/", 1)[-1]
                if base in wanted and "/data/unidata/" in member.name:
                    extracted = tar.extractfile(member)
                    if extracted is not None:
                        found[base] = extracted.read()
    missing = [name for name in wanted if name not in found]
    if missing:
        raise SystemExit(f"{source}: missing {', '.join(missing)}")
    lines = [f"  {source.name} sha256 {tarball_sum}"] if tarball_sum else []
    lines += [f"  {name} sha256 {hashlib.sha256(found[name]).hexdigest()}" for name in wanted]
    return Sources(
        confusables=found["confusables.txt"].decode("utf-8-sig"),
        ppucd=found["ppucd.txt"].decode("utf-8"),
        description="\n".join(lines),
    )


def header_field(text: str, field: str) -> str:
    match = re.search(rf"^#\s*{field}:\s*(.+)$", text, re.MULTILINE)
    if match is None:
        raise SystemExit(f"confusables.txt: no '{field}:' header line")
    return match.group(1).strip()


def parse_confusables(text: str) -> dict[int, str]:
    table: dict[int, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        source, target, _kind = (part.strip() for part in line.split(";"))
        table[int(source, 16)] = "".join(chr(int(cp, 16)) for cp in target.split())
    return table


Props = dict[str, "str | bool"]


class Ucd:
    """The few UCD properties the generator needs, from ICU's ppucd.txt."""

    def __init__(self, text: str) -> None:
        self.version = ""
        self.script_names: dict[str, str] = {}
        defaults: Props = {}
        block_ranges: list[tuple[int, int, Props]] = []
        lines: dict[int, tuple[str, Props]] = {}
        for raw in text.splitlines():
            if not raw or raw.startswith("#"):
                continue
            parts = raw.split(";")
            kind = parts[0]
            if kind == "ucd":
                self.version = parts[1]
            elif kind == "value" and parts[1] == "sc":
                self.script_names[parts[2]] = parts[3]
            elif kind == "defaults":
                defaults = _parse_props(parts[2:])
            elif kind == "block":
                low, high = _parse_range(parts[1])
                block_ranges.append((low, high, _parse_props(parts[2:])))
            elif kind in ("cp", "unassigned"):
                low, high = _parse_range(parts[1])
                props = _parse_props(parts[2:])
                for cp in range(low, high + 1):
                    lines[cp] = (kind, props)
        block_of: dict[int, Props] = {}
        for low, high, props in block_ranges:
            for cp in range(low, high + 1):
                block_of[cp] = props
        self._props: list[Props] = []
        for cp in range(0x110000):
            merged = dict(defaults)
            kind, props = lines.get(cp, ("cp", {}))
            if kind == "cp" and cp in block_of:
                merged.update(block_of[cp])
            merged.update(props)
            self._props.append(merged)

    def get(self, cp: int, prop: str) -> str | bool:
        return self._props[cp].get(prop, False)

    def text(self, cp: int, prop: str) -> str:
        value = self._props[cp].get(prop, "")
        return value if isinstance(value, str) else ""

    def name(self, cp: int) -> str:
        return self.text(cp, "na")

    def script(self, cp: int) -> str:
        return self.text(cp, "sc")

    def script_extensions(self, cp: int) -> tuple[str, ...]:
        value = self.text(cp, "scx")
        if not value or value == "<script>":
            return (self.script(cp),)
        return tuple(sorted(value.split()))

    def category(self, cp: int) -> str:
        return self.text(cp, "gc")

    def decompose(self, ch: str) -> str:
        """Full compatibility decomposition (NFKD without reordering) of one character."""
        cp = ord(ch)
        if 0xAC00 <= cp <= 0xD7A3:  # Hangul syllables decompose algorithmically
            return unicodedata.normalize("NFD", ch)
        mapping = self.text(cp, "dm")
        if not mapping or mapping == "<code point>":
            return ch
        return "".join(self.decompose(part) for part in _code_points(mapping))

    def lower(self, ch: str) -> str:
        for prop in ("lc", "slc"):
            mapping = self.text(ord(ch), prop)
            if mapping and mapping != "<code point>":
                return _code_points(mapping)
        return ch

    def dropped(self, ch: str) -> bool:
        """Removed by the run-time normalisation: combining marks and default-ignorables."""
        cp = ord(ch)
        return self.category(cp) in ("Mn", "Me") or self.get(cp, "DI") is True

    def normalise(self, text: str) -> str:
        """What _skeleton does before the table lookup: NFKD, lowercase, NFKD, drop marks."""
        text = "".join(self.decompose(ch) for ch in text)
        text = "".join(self.lower(ch) for ch in text)
        text = "".join(self.decompose(ch) for ch in text)
        return "".join(ch for ch in text if not self.dropped(ch))


def _parse_props(fields: Iterable[str]) -> Props:
    props: Props = {}
    for field in fields:
        if "=" in field:
            key, value = field.split("=", 1)
            props[key] = value
        elif field.startswith("-"):
            props[field[1:]] = False
        elif field:
            props[field] = True
    return props


def _parse_range(text: str) -> tuple[int, int]:
    low, _, high = text.partition("..")
    return int(low, 16), int(high or low, 16)


def _code_points(text: str) -> str:
    return "".join(chr(int(cp, 16)) for cp in text.split())


class Builder:
    def __init__(self, ucd: Ucd, confusables: dict[int, str]) -> None:
        self.ucd = ucd
        self.confusables = confusables
        self.latin_fold = self._latin_folds()
        self.extra: dict[str, str] = {}
        for sources, target in CHROMIUM_EXTRA_MAPPINGS:
            for ch in sources:
                self.extra[ch] = target

    def _latin_folds(self) -> dict[str, str]:
        """Latin letters that read as an ASCII letter with something attached."""
        folds: dict[str, str] = {}
        for cp in range(0x80, 0x110000):
            if self.ucd.script(cp) != "Latn" or not self.ucd.category(cp).startswith("L"):
                continue
            name = self.ucd.name(cp)
            match = _WITH_NAME.fullmatch(name) or _SMALL_CAPITAL_NAME.fullmatch(name)
            if name in NAMED_LATIN_FOLDS:
                folds[chr(cp)] = NAMED_LATIN_FOLDS[name]
            elif match:
                folds[chr(cp)] = match.group(1).lower()
        return folds

    def _map_char(self, ch: str, visual: bool) -> str:
        if "a" <= ch <= "z":
            return ch
        if visual and ch in self.extra:
            return self.extra[ch]
        mapped = self.confusables.get(ord(ch))
        if mapped is not None:
            return mapped
        if ch in self.latin_fold:
            return self.latin_fold[ch]
        return ch

    def value(self, ch: str, visual: bool) -> str:
        """The final skeleton of one (normalised) character: iterate to a fixed point."""
        text = self.ucd.normalise(ch)
        for _ in range(16):
            mapped = self.ucd.normalise("".join(self._map_char(c, visual) for c in text))
            # ASCII m is its own skeleton here, so Unicode's "rn" prototype of m lookalikes is m.
            mapped = mapped.replace("rn", "m")
            if mapped == text:
                return text
            text = mapped
        raise SystemExit(f"U+{ord(ch):04X}: skeleton does not converge ({text!r})")

    def candidates(self) -> list[str]:
        keys = {chr(cp) for cp in self.confusables} | set(self.latin_fold) | set(self.extra)
        keys |= {chr(cp) for cp in range(0x30, 0x3A)}
        # Only characters that survive the run-time normalisation can reach the table.
        return sorted(ch for ch in keys if self.ucd.normalise(ch) == ch)

    def tables(self) -> tuple[dict[str, str], dict[str, str]]:
        skeleton: dict[str, str] = {}
        visual: dict[str, str] = {}
        for ch in self.candidates():
            plain = self.value(ch, visual=False)
            seen = self.value(ch, visual=True)
            if plain != ch:
                skeleton[ch] = plain
            if seen != plain:
                visual[ch] = seen
        return skeleton, visual


def check_fixed_points(builder: Builder, skeleton: dict[str, str], visual: dict[str, str]) -> None:
    """Every character of every value must map to itself: skeleton() is then idempotent."""
    for table, is_visual in ((skeleton, False), (visual, True)):
        for key, value in table.items():
            for ch in value:
                again = (visual.get(ch) if is_visual else None) or skeleton.get(ch, ch)
                if again != ch:
                    raise SystemExit(f"U+{ord(key):04X} -> {value!r}: {ch!r} is not a fixed point")
    del builder


def script_runs(ucd: Ucd) -> list[tuple[int, str]]:
    runs: list[tuple[int, str]] = []
    for cp in range(0x110000):
        code = ucd.script(cp)
        if not runs or runs[-1][1] != code:
            runs.append((cp, code))
    return runs


def ranges(predicate_cps: Iterator[int]) -> list[tuple[int, int]]:
    result: list[tuple[int, int]] = []
    for cp in predicate_cps:
        if result and result[-1][1] == cp - 1:
            result[-1] = (result[-1][0], cp)
        else:
            result.append((cp, cp))
    return result


def extension_ranges(ucd: Ucd) -> list[tuple[int, int, tuple[str, ...]]]:
    result: list[tuple[int, int, tuple[str, ...]]] = []
    for cp in range(0x110000):
        scx = ucd.script_extensions(cp)
        if scx == (ucd.script(cp),):
            continue
        if result and result[-1][1] == cp - 1 and result[-1][2] == scx:
            result[-1] = (result[-1][0], cp, scx)
        else:
            result.append((cp, cp, scx))
    return result


# --- writing the module -------------------------------------------------------------------

_MAX_WIDTH = 92


def _escape(ch: str) -> str:
    """A character as it goes into a string literal: itself when that is safe to read."""
    cp = ord(ch)
    category = unicodedata.category(ch)
    bidi = unicodedata.bidirectional(ch)
    printable = category[0] in "LNPS" and bidi not in ("R", "AL", "AN") and cp < 0xE000
    if printable and ch not in "\\\"'" and category != "Cn":
        return ch
    if cp <= 0xFFFF:
        return f"\\u{cp:04x}"
    return f"\\U{cp:08x}"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _literal_lines(name: str, pieces: list[str], comment: str) -> str:
    """`NAME: Final = (` + implicitly concatenated string literals of at most _MAX_WIDTH."""
    out = [f"# {comment}", f"{name}: Final = ("]
    line = ""
    units: list[str] = []
    for piece in pieces:
        if _width(piece) <= _MAX_WIDTH // 2 or "\\" in piece:
            units.append(piece)
            continue
        # A long plain-ASCII entry ("964-964:Beng,Deva,...") may break after any comma.
        parts = piece.split(",")
        units.extend(part + "," for part in parts[:-1])
        units.append(parts[-1])
    for piece in units:
        if line and _width(line) + _width(piece) > _MAX_WIDTH:
            out.append(f'    "{line}"')
            line = ""
        line += piece
    if line:
        out.append(f'    "{line}"')
    out.append(")")
    return "\n".join(out)


def render(
    sources: Sources,
    unicode_version: str,
    confusables_date: str,
    ucd: Ucd,
    skeleton: dict[str, str],
    visual: dict[str, str],
) -> str:
    mapping_pieces = [
        "".join(_escape(c) for c in key + value) + "\\n" for key, value in skeleton.items()
    ]
    visual_pieces = [
        "".join(_escape(c) for c in key + value) + "\\n" for key, value in visual.items()
    ]
    runs = script_runs(ucd)
    codes = sorted(
        {code for _, code in runs} | {c for *_, scx in extension_ranges(ucd) for c in scx}
    )
    script_pieces = [f"{cp:x}:{code} " for cp, code in runs]
    extension_pieces = [
        f"{low:x}-{high:x}:{','.join(scx)} " for low, high, scx in extension_ranges(ucd)
    ]
    allowed = ranges(cp for cp in range(0x110000) if ucd.get(cp, "ID_Status") == "Allowed")
    ignorable = ranges(cp for cp in range(0x110000) if ucd.get(cp, "DI") is True)
    allowed_pieces = [f"{low:x}-{high:x} " for low, high in allowed]
    ignorable_pieces = [f"{low:x}-{high:x} " for low, high in ignorable]
    names = ",\n".join(f'    "{code}": "{ucd.script_names.get(code, code)}"' for code in codes)
    python_unicode = unicodedata.unidata_version
    return f'''\
"""Unicode tables for confusable skeletons and script checks. GENERATED: do not edit.

Generated by scripts/gen_confusables.py from Unicode {unicode_version} confusables.txt (UTS #39,
dated {confusables_date}) and the Unicode {ucd.version} character database as preparsed by ICU
(ppucd.txt), both read from the ICU source as shipped by Debian's `icu` source package
(78.3-2):
{sources.description}
Rerun the script to update; its docstring says where the input comes from. Python's own
unicodedata (Unicode {python_unicode} where this file was generated) is not used for the data.

Tables (strings parsed lazily by domainguard._skeleton on first use; importing this module only
binds constants):

SKELETON   "\\n"-separated entries: the first character of an entry maps to the rest of it (the
           rest may be empty). {len(skeleton)} entries. Keys are only characters that survive the
           run-time normalisation (NFKD, lowercase, combining marks and default-ignorables
           dropped): uppercase, compatibility and precomposed characters of confusables.txt
           reach their entry through that normalisation. Values are final. ASCII letters map to
           themselves (confusables.txt's m -> rn is left to the visual skeleton, and the "rn"
           prototype of m lookalikes is written m); 0 -> o and
           1 -> l follow confusables.txt; Latin letters with an attached diacritic or in
           small-capital form fold to their ASCII letter (from their names), as do kra, tone six,
           dotless i and j, script g and eng.
VISUAL     same format, {len(visual)} entries: where the visual skeleton differs from SKELETON.
           Chromium's extra lookalike mappings (skeleton_generator.cc) and its second readings
           (thorn b, oe ce, l-stroke t).
SCRIPTS    "start:Code " runs of the Script property over all code points.
SCRIPT_EXTENSIONS  "low-high:Code,Code " where Script_Extensions differs from Script.
SCRIPT_NAMES       four-letter code -> long property value name.
ALLOWED    "low-high " ranges of Identifier_Status=Allowed (UTS #39 General Security Profile).
IGNORABLE  "low-high " ranges of Default_Ignorable_Code_Point.
"""

from typing import Final

UNICODE_VERSION: Final = "{unicode_version}"
SOURCE: Final = "Unicode {unicode_version} confusables.txt and UCD (ICU 78.3 ppucd.txt)"

SCRIPT_NAMES: Final[dict[str, str]] = {{
{names},
}}

{_literal_lines("SKELETON", mapping_pieces, "code point -> skeleton")}

{_literal_lines("VISUAL", visual_pieces, "code point -> visual skeleton, where it differs")}

{_literal_lines("SCRIPTS", script_pieces, "Script property runs")}

{_literal_lines("SCRIPT_EXTENSIONS", extension_pieces, "Script_Extensions, where not Script")}

{_literal_lines("ALLOWED", allowed_pieces, "Identifier_Status=Allowed")}

{_literal_lines("IGNORABLE", ignorable_pieces, "Default_Ignorable_Code_Point")}
'''


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("source", type=Path, help="ICU source tarball, or a unidata directory")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)

    sources = read_sources(args.source)
    unicode_version = header_field(sources.confusables, "Version")
    confusables_date = header_field(sources.confusables, "Date").split(",")[0]
    ucd = Ucd(sources.ppucd)
    if ucd.version != unicode_version:
        raise SystemExit(f"confusables.txt is {unicode_version} but ppucd.txt is {ucd.version}")
    builder = Builder(ucd, parse_confusables(sources.confusables))
    skeleton, visual = builder.tables()
    check_fixed_points(builder, skeleton, visual)
    text = render(sources, unicode_version, confusables_date, ucd, skeleton, visual)

    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: rerun scripts/gen_confusables.py", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}: {len(skeleton)} skeleton, {len(visual)} visual entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
