"""URL-level signals: what the link does besides naming a host.

Userinfo and backslash tricks, IP-literal hosts (and their disguised numeric forms), unusual
ports, ``http://`` on official hosts, percent-encoded or invisible characters in the host,
deep subdomain chains, link shorteners, installer downloads, and official names that appear
only in the path. Pure: data files are read through ``_payloads``' cached loaders.
"""

from __future__ import annotations

import re
from typing import Final

from domainguard import _payloads
from domainguard._checks.combos import names_a_service
from domainguard._host import Host
from domainguard._index import RegistryIndex
from domainguard._registry import Entry
from domainguard._url import ParsedURL
from domainguard._verdict import Reason, make_reason

__all__ = ["check_url_signals"]

# Labels left of the suffix beyond which a host hides its real name off screen.
DEEP_LABELS: Final = 4
# Characters that vanish or change direction when shown (UTS #46 drops some silently).
_INVISIBLE: Final = frozenset("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d"
                              "\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d"
                              "\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
                              "\u3164\ufe00\ufe0f\ufeff\uffa0")
_DOTTED_DECIMAL: Final = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}\.?\Z")
_PATH_SPLIT: Final = re.compile(r"[^0-9a-z]+")
_PATH_SCAN: Final = 2048  # only the start of a path is scanned: bounded work on huge URLs


def _words(text: str) -> list[str]:
    return [w for w in _PATH_SPLIT.split(text[:_PATH_SCAN].lower()) if w]


def _official_host_in(words: list[str], index: RegistryIndex) -> str | None:
    """The official domain spelled out by consecutive ``words`` (dukcapil kemendagri go id)."""
    for start in range(len(words)):
        for sequence, _, entry in index.sequences_at(words, start):
            if tuple(words[start : start + len(sequence)]) == sequence:
                return entry.domain
    return None


def _platform_tenant(words: list[str], index: RegistryIndex) -> Entry | None:
    """The entry a tenant's path on a hosting platform names (linktr.ee/bansos-kemensos): a
    brand anywhere in it first, else a civil-registry word (ikd, capil) for Dukcapil."""
    for word in words:
        found = index.brand_in(word)
        if found is not None:
            return found[1]
    if index.service_target is not None and any(w in index.civil_words for w in words):
        return index.service_target
    return None


def _official_name_in_path(parsed: ParsedURL, index: RegistryIndex) -> str | None:
    if len(parsed.path) < 2 and not parsed.query:
        return None  # "/" or nothing: no words (most links)
    words = _words(parsed.path + " " + parsed.query)
    found = _official_host_in(words, index)
    if found is not None:
        return found
    for word in words:
        if word in index.brands and word in index.service_words:
            return word
    return None


# App stores whose page for one app names it in the query: play.google.com/store/apps/
# details?id=<package>
_APP_STORES: Final = {"play.google.com": "/store/apps/details"}
_APP_ID: Final = re.compile(r"(?:^|&)id=([A-Za-z0-9_.]+)(?:&|$)")


def _official_app(parsed: ParsedURL, host: Host, index: RegistryIndex
                  ) -> tuple[Entry, str] | None:
    """The entry whose official app this app-store page is, and the app's id; or None."""
    page = _APP_STORES.get(host.ascii)
    if page is None or not index.apps or parsed.path.rstrip("/") != page:
        return None
    found = _APP_ID.search(parsed.query.lstrip("?"))
    if found is None:
        return None
    app_id = found.group(1).lower()
    entry = index.apps.get(app_id)
    return None if entry is None else (entry, app_id)


def check_url_signals(parsed: ParsedURL, host: Host, index: RegistryIndex, *,
                      official: bool, government: bool) -> list[Reason]:
    reasons: list[Reason] = []
    shown = host.unicode
    if parsed.username or parsed.password:
        userinfo = (parsed.username or parsed.password)[:80]
        reasons.append(make_reason("userinfo_in_url", matched=shown, detail=userinfo))
        # https://dukcapil.kemendagri.go.id@203.0.113.9/ spells an official host before the @
        claimed = _official_host_in(_words(parsed.username), index)
        if claimed is not None and not official:
            reasons.append(make_reason("official_name_in_userinfo", target=claimed,
                                       matched=shown, detail=userinfo))
    if parsed.backslash:
        reasons.append(make_reason("backslash_in_url", matched=shown))
    written = parsed.written
    if host.ip or "%" in written or not written.isascii():
        # only these can show a disguise in the host as written (most URLs skip the work)
        raw = parsed.raw_host
        if host.ip:
            written_ip = raw.rstrip(".")
            if not host.ascii.startswith("[") and not _DOTTED_DECIMAL.match(written_ip):
                reasons.append(make_reason("obfuscated_ip_address", matched=host.ascii,
                                           detail=written_ip[:80]))
            elif not official:
                reasons.append(make_reason("ip_address_host", matched=host.ascii))
        if "%" in raw:
            reasons.append(make_reason("encoded_host", matched=shown, detail=raw[:80]))
        hidden = sorted({f"U+{ord(c):04X}" for c in raw if c in _INVISIBLE})
        if hidden:
            reasons.append(make_reason("invisible_character", matched=shown,
                                       detail=", ".join(hidden[:5])))
    if parsed.port:
        reasons.append(make_reason("non_default_port", matched=shown, detail=parsed.port))
    if parsed.scheme == "http" and parsed.had_scheme and (official or government):
        reasons.append(make_reason("insecure_http", matched=shown))
    if not host.ip and host.suffix_index > DEEP_LABELS:
        reasons.append(make_reason("deep_subdomains", matched=shown,
                                   detail=str(len(host.labels))))
    if official or government:
        return reasons
    app = _official_app(parsed, host, index) if host.ascii in _APP_STORES else None
    if app is not None:
        # the store page of a registered app is its owner's own channel ("download the IKD
        # app from the Play Store"), whatever official names its address spells
        entry, app_id = app
        reasons.append(make_reason("official_app_page", target=entry.domain, matched=shown,
                                   detail=app_id))
        return reasons
    registrable = host.registrable or host.ascii
    shorteners = _payloads.shortener_domains()
    shortened = (registrable in shorteners or host.ascii in shorteners) and bool(
        parsed.path.strip("/"))
    if shortened:
        # only a short code hides a destination; the shortener's own home page does not
        reasons.append(make_reason("url_shortener", matched=host.ascii))
    payload = _payloads.payload_in(parsed.path, parsed.query)
    if payload is not None:
        reasons.append(make_reason("installer_download", matched=shown, detail=payload.filename))
    platform_kind = _payloads.hosting_platforms().get(host.ascii) or \
        _payloads.hosting_platforms().get(registrable)
    if host.private_suffix and host.suffix_index > 0 and platform_kind != "path":
        # a tenant's site, not the platform's own address (blogspot.com itself)
        reasons.append(make_reason("hosting_platform", matched=shown, detail=host.suffix))
    # a short link's slug, or a tenant's path on a platform, is all the reader sees of the
    # site: bit.ly/aktivasi-ikd, s.id/DaftarBansos2026, heylink.me/bansos-kemensos
    slug = _words(parsed.path) if shortened or platform_kind == "path" else None
    if platform_kind == "path" and slug is not None:
        target = _platform_tenant(slug, index)
        if target is not None:
            reasons.append(make_reason("brand_on_hosting_platform", target=target.domain,
                                       matched=shown + parsed.path[:60], detail=host.ascii))
    name = _official_name_in_path(parsed, index)
    if name is None and slug is not None:
        name = names_a_service(slug, index)
    if name is not None and not any(r.target for r in reasons):
        reasons.append(make_reason("official_name_in_path", matched=shown, detail=name))
    return reasons
