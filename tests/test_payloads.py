"""Installer downloads in URLs, the three URL-signal tables that ship in the package, and what
short links and hosting-platform paths name."""

from __future__ import annotations

import doctest
import re
from collections.abc import Mapping

import pytest

import domainguard
from domainguard import _payloads
from domainguard._payloads import (
    HOSTING_KINDS,
    PLATFORMS,
    PayloadHit,
    hosting_platforms,
    load_hosting_platforms,
    load_payload_extensions,
    load_shorteners,
    parse_table,
    payload_extensions,
    payload_in,
    shortener_domains,
)

# --- payload_in ----------------------------------------------------------------------------

# (path, query) -> (extension, platform, location, filename, double_extension)
HITS = [
    pytest.param("/ikd.apk", "", ("apk", "android", "path", "ikd.apk", None), id="apk"),
    pytest.param(
        "/Surat%20Tilang.apk",
        "",
        ("apk", "android", "path", "Surat Tilang.apk", None),
        id="percent-encoded-space",
    ),
    pytest.param(
        "/Undangan%20Pernikahan.APK",
        "",
        ("apk", "android", "path", "Undangan Pernikahan.APK", None),
        id="upper-case",
    ),
    pytest.param(
        "/undangan.pdf.apk",
        "",
        ("apk", "android", "path", "undangan.pdf.apk", "pdf.apk"),
        id="double-extension",
    ),
    pytest.param(
        "/foto.JPG.exe",
        "",
        ("exe", "windows", "path", "foto.JPG.exe", "jpg.exe"),
        id="double-extension-windows",
    ),
    pytest.param(
        "/v1.2.apk", "", ("apk", "android", "path", "v1.2.apk", None), id="version-is-no-decoy"
    ),
    pytest.param(
        "/files/resi%2Epdf%2Eapk",
        "",
        ("apk", "android", "path", "resi.pdf.apk", "pdf.apk"),
        id="encoded-dots",
    ),
    pytest.param(
        "/unduh/ikd.apk/", "", ("apk", "android", "path", "ikd.apk", None), id="trailing-slash"
    ),
    pytest.param("/a/b/app.xapk", "", ("xapk", "android", "path", "app.xapk", None), id="xapk"),
    pytest.param(
        "/profil.mobileconfig",
        "",
        ("mobileconfig", "ios", "path", "profil.mobileconfig", None),
        id="ios-profile",
    ),
    pytest.param("/setup.msi", "", ("msi", "windows", "path", "setup.msi", None), id="msi"),
    pytest.param(
        "/Surat%20Tilang.apk%20",
        "",
        ("apk", "android", "path", "Surat Tilang.apk", None),
        id="trailing-encoded-space",
    ),
    pytest.param(
        "/download",
        "file=Undangan%20Pernikahan.apk",
        ("apk", "android", "query", "Undangan Pernikahan.apk", None),
        id="query-value",
    ),
    pytest.param(
        "/download",
        "?file=Surat+Tilang.apk",
        ("apk", "android", "query", "Surat Tilang.apk", None),
        id="query-plus-and-question-mark",
    ),
    pytest.param(
        "/dl.php",
        "Surat_Tilang.apk",
        ("apk", "android", "query", "Surat_Tilang.apk", None),
        id="query-bare-parameter",
    ),
    pytest.param(
        "/r",
        "a=1&u=https%3A%2F%2Fevil.xyz%2Fresi.apk%3Fx%3D1",
        ("apk", "android", "query", "resi.apk", None),
        id="query-url-value",
    ),
    pytest.param(
        "/r",
        "a=1&f=foto.pdf.apk#x",
        ("apk", "android", "query", "foto.pdf.apk", "pdf.apk"),
        id="query-double-extension",
    ),
    pytest.param(
        "/index.html",
        "f=ikd.apk",
        ("apk", "android", "query", "ikd.apk", None),
        id="path-clean-query-not",
    ),
    pytest.param(
        "/file/abc123/Surat_Tilang.apk/file",
        "",
        ("apk", "android", "path", "Surat_Tilang.apk", None),
        id="file-host-action-after-name",
    ),
]

MISSES = [
    pytest.param("", "", id="empty"),
    pytest.param("/", "", id="root"),
    pytest.param("/index.html", "", id="html"),
    pytest.param("/app.js", "", id="js-is-not-a-payload"),
    pytest.param("/bundle.aab", "", id="aab-is-not-installable"),
    pytest.param("/redirect/tokopedia.com", "", id="com-is-a-domain"),
    pytest.param("/apk/", "", id="directory-named-apk"),
    pytest.param("/.apk", "", id="nameless"),
    pytest.param("/ikd.apk.html", "", id="apk-not-last"),
    pytest.param("/ikdapk", "", id="no-dot"),
    pytest.param("/search", "q=cara+install+apk", id="word-apk-in-query"),
    pytest.param("/search", "q=1&&x", id="empty-parameters"),
    pytest.param("/download", "", id="action-alone"),
    pytest.param("/docs/ikd.apk/guide/view", "", id="apk-two-segments-up"),
]


@pytest.mark.parametrize(("path", "query", "expected"), HITS)
def test_payload_hits(
    path: str, query: str, expected: tuple[str, str, str, str, str | None]
) -> None:
    hit = payload_in(path, query)
    assert hit is not None
    assert (
        hit.extension,
        hit.platform,
        hit.location,
        hit.filename,
        hit.double_extension,
    ) == expected


@pytest.mark.parametrize(("path", "query"), MISSES)
def test_payload_misses(path: str, query: str) -> None:
    assert payload_in(path, query) is None


def test_path_wins_over_query() -> None:
    hit = payload_in("/a.exe", "f=b.apk")
    assert hit is not None
    assert (hit.extension, hit.location) == ("exe", "path")


def test_hit_is_frozen() -> None:
    hit = PayloadHit(
        extension="apk", platform="android", location="path", filename="a.apk", decoy_extension=None
    )
    with pytest.raises(AttributeError):
        hit.extension = "exe"  # type: ignore[misc]


def test_docstring_examples() -> None:
    failures, tried = doctest.testmod(_payloads, verbose=False)
    assert tried > 0
    assert failures == 0


# --- the shipped tables --------------------------------------------------------------------


def test_shorteners() -> None:
    domains = shortener_domains()
    assert len(domains) >= 30
    assert {"s.id", "bit.ly", "tinyurl.com", "cutt.ly", "t.co", "goo.gl"} <= domains
    assert not {"youtu.be", "wa.me", "linktr.ee"} & domains  # see the file's header


def test_indonesian_shortener_is_listed_first() -> None:
    text = _payloads._read("shorteners.txt")
    assert parse_table(text, "shorteners.txt", 2)[0][1][0] == "s.id"


def test_hosting_platforms() -> None:
    platforms = hosting_platforms()
    assert set(platforms.values()) == HOSTING_KINDS
    expected = {
        "blogspot.com": "subdomain",
        "github.io": "subdomain",
        "web.app": "subdomain",
        "sites.google.com": "path",
        "forms.gle": "path",
        "linktr.ee": "path",
    }
    assert {domain: platforms[domain] for domain in expected} == expected


def test_shorteners_and_hosting_platforms_do_not_overlap() -> None:
    assert not shortener_domains() & set(hosting_platforms())


def test_psl_private_claims_are_true() -> None:
    """An entry citing the PSL's private section must be there (tldextract's snapshot)."""
    import tldextract

    public = set(tldextract.TLDExtract(cache_dir=None, suffix_list_urls=()).tlds)
    everything = tldextract.TLDExtract(
        cache_dir=None, suffix_list_urls=(), include_psl_private_domains=True
    ).tlds
    private = set(everything) - public
    text = _payloads._read("hosting_platforms.txt")
    claimed = {f[0] for _, f in parse_table(text, "hosting_platforms.txt", 3) if "PSL" in f[2]}
    assert claimed
    assert claimed <= private, sorted(claimed - private)


def test_payload_extensions() -> None:
    extensions = payload_extensions()
    assert set(extensions.values()) == PLATFORMS  # every platform has an installer listed
    assert {"apk": "android", "exe": "windows", "ipa": "ios", "dmg": "macos"}.items() <= dict(
        extensions
    ).items()
    assert not {"js", "aab", "com", "pdf"} & set(extensions)


@pytest.mark.parametrize(
    "table", [hosting_platforms, payload_extensions], ids=["hosting", "extensions"]
)
def test_tables_are_read_only(table: object) -> None:
    mapping = table()  # type: ignore[operator]
    assert isinstance(mapping, Mapping)
    with pytest.raises(TypeError):
        mapping["x.example"] = "path"  # type: ignore[index]


# --- malformed files -----------------------------------------------------------------------

MALFORMED = [
    pytest.param(
        load_shorteners,
        "# c\ns.id | ok\nbit.ly\n",
        r"^shorteners\.txt:3: expected 2 fields",
        id="missing-field",
    ),
    pytest.param(
        load_shorteners,
        "s.id | a | b\n",
        r"^shorteners\.txt:1: expected 2 fields",
        id="extra-field",
    ),
    pytest.param(
        load_shorteners, "\n\ns.id |  \n", r"^shorteners\.txt:3: empty field", id="empty-field"
    ),
    pytest.param(
        load_shorteners,
        "S.ID | a\n",
        r"^shorteners\.txt:1: malformed domain 'S\.ID'",
        id="upper-case",
    ),
    pytest.param(
        load_shorteners, "bit ly | a\n", r"^shorteners\.txt:1: malformed domain", id="space"
    ),
    pytest.param(
        load_shorteners, "localhost | a\n", r"^shorteners\.txt:1: malformed domain", id="one-label"
    ),
    pytest.param(
        load_shorteners, "-a.id | a\n", r"^shorteners\.txt:1: malformed domain", id="leading-hyphen"
    ),
    pytest.param(
        load_shorteners,
        "s.id | a\n# c\ns.id | b\n",
        r"^shorteners\.txt:3: duplicate domain 's\.id'",
        id="duplicate",
    ),
    pytest.param(
        load_hosting_platforms,
        "a.io | tenant | x\n",
        r"^hosting_platforms\.txt:1: kind must be one of",
        id="bad-kind",
    ),
    pytest.param(
        load_hosting_platforms,
        "a.io | path\n",
        r"^hosting_platforms\.txt:1: expected 3 fields",
        id="hosting-missing-field",
    ),
    pytest.param(
        load_payload_extensions,
        "apk | linux | x\n",
        r"^payload_extensions\.txt:1: platform must be one of",
        id="bad-platform",
    ),
    pytest.param(
        load_payload_extensions,
        ".apk | android | x\n",
        r"^payload_extensions\.txt:1: malformed extension",
        id="dotted-extension",
    ),
    pytest.param(
        load_payload_extensions,
        "APK | android | x\n",
        r"^payload_extensions\.txt:1: malformed extension",
        id="upper-extension",
    ),
]


@pytest.mark.parametrize(("load", "text", "message"), MALFORMED)
def test_malformed_line_names_file_and_line(load: object, text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        load(text)  # type: ignore[operator]


def test_comments_and_blank_lines_are_skipped() -> None:
    text = "# header\n\n  # indented comment\ns.id | x\n\n"
    assert load_shorteners(text) == frozenset({"s.id"})
    assert parse_table(text, "t", 2) == [(4, ("s.id", "x"))]


def test_shipped_files_parse_with_their_line_numbers() -> None:
    for name, columns in [
        ("shorteners.txt", 2),
        ("hosting_platforms.txt", 3),
        ("payload_extensions.txt", 3),
    ]:
        rows = parse_table(_payloads._read(name), name, columns)
        assert rows, name
        # the key column is what URLs are matched against: lowercase ASCII, no spaces
        keys = [fields[0] for _, fields in rows]
        assert all(re.fullmatch(r"[a-z0-9.\-]+", key) for key in keys), name
        assert len(set(keys)) == len(keys), name


@pytest.mark.parametrize(
    ("url", "verdict", "target", "named"),
    [
        # a slug naming a service: the short link hides a government-looking destination
        ("https://bit.ly/aktivasi-ikd", "suspicious", None, "ikd"),
        ("https://s.id/DaftarBansos2026", "suspicious", None, "daftarbansos2026"),
        ("https://s.id/promo-kopi", "suspicious", None, None),  # a short link, nothing more
        # a tenant's path on a link page: the brand anywhere in it names the target
        ("https://heylink.me/bansos-kemensos", "lookalike", "kemensos.go.id", None),
        ("https://linktr.ee/ikd-aktivasi", "lookalike", "dukcapil.kemendagri.go.id", None),
        ("https://heylink.me/bansos", "suspicious", None, "bansos"),
        ("https://linktr.ee/tokokopi", "unrelated", None, None),
    ],
)
def test_short_link_slugs_and_platform_paths(url: str, verdict: str, target: str | None,
                                             named: str | None) -> None:
    result = domainguard.check_url(url)
    assert (result.verdict.value, result.target) == (verdict, target)
    in_path = [r.detail for r in result.reasons if r.code == "official_name_in_path"]
    assert in_path == ([named] if named else [])
