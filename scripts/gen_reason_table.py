"""Print docs/reasons.md's reason-code table from the catalogue, with a checked example per code.

Usage: python scripts/gen_reason_table.py > /tmp/table.md   (paste into docs/reasons.md)
Each example is run through domainguard and must produce its code: the table cannot drift
from what the library does. tests/test_docs.py compares docs/reasons.md with the catalogue.
"""

from __future__ import annotations

import sys

import domainguard
from domainguard._messages import CATALOGUE

# One input per code that makes domainguard emit it (checked below).
EXAMPLES: dict[str, str] = {
    "empty_input": "",
    "not_a_url": "http://",
    "invalid_host": "http://a..b/",
    "invalid_punycode": "xn--zz.com",
    "host_too_long": ("a" * 60 + ".") * 5 + "com",
    "label_too_long": "a" * 64 + ".com",
    "invalid_encoding": "(a scan line that is not UTF-8)",
    "unsupported_scheme": "mailto:admin@kemendagri.go.id",
    "email_address": "admin@dukcapil-ikd.com",
    "official_domain": "https://dukcapil.kemendagri.go.id/",
    "official_subdomain": "www.kemendagri.go.id",
    "government_namespace": "desa-contoh.desa.id",
    "resembles_official": "kemendagrl.go.id",
    "typo_of_official": "kemendgari.id",
    "homoglyph_of_official": "dukсapil.id",
    "ascii_lookalike_of_official": "kernendagri.id",
    "hyphen_or_dot_variant": "dukcapil-kemendagri.com",
    "official_name_other_suffix": "kemendagri.co.id",
    "government_suffix_imitation": "kemendagrigo.id",
    "official_host_embedded": "dukcapil.kemendagri.go.id.aktivasi-ikd.xyz",
    "brand_with_other_words": "aktivasi-ikd-dukcapil.xyz",
    "service_with_region": "capil-purbalingga.org",
    "brand_on_hosting_platform": "dukcapil-kemendagri.blogspot.com",
    "mixed_script": "dukсapil.id",
    "whole_script_confusable": "аррӏе.com",
    "invisible_character": "https://dukca\u00adpil.id/",
    "combining_mark": "a\u0307\u0307b.com",
    "dangerous_pattern": "abc\u30cedef.com",
    "digit_lookalike": "1\u0577.com",
    "restricted_character": "\U0001f4a9.com",
    "tld_specific_character": "\u00feorn.com",
    "government_suffix_in_name": "go-id.com",
    "service_word_in_name": "polres-tilang.info",
    "userinfo_in_url": "https://dukcapil.kemendagri.go.id@203.0.113.9/",
    "official_name_in_userinfo": "https://dukcapil.kemendagri.go.id@203.0.113.9/",
    "backslash_in_url": "https:\\\\evil.example\\dukcapil",
    "ip_address_host": "http://203.0.113.9/",
    "obfuscated_ip_address": "http://3405803785/",
    "non_default_port": "http://kemendagri.go.id:8080/",
    "insecure_http": "http://kemendagri.go.id/",
    "dangerous_scheme": "javascript:alert(1)",
    "url_shortener": "https://s.id/ikd",
    "installer_download": "https://undangan.example/Undangan%20Pernikahan.pdf.apk",
    "official_name_in_path": "https://evil.example/dukcapil.kemendagri.go.id/login",
    "deep_subdomains": "a.b.c.d.e.example.com",
    "encoded_host": "https://%64ukcapil.example/",
    "hosting_platform": "tokoku.blogspot.com",
    "unknown_suffix": "dukcapil.kemendagri.go.id.aktivasi",
    "brand_in_subdomain": "pkh.tokoku.com",
    "disguised_spelling": "cek-d7ks.com",
    "abused_ending": "bansoss-cair.xyz",
    "official_claim_in_name": "bantuan-resmi-indonesia.xyz",
    "official_app_page": "https://play.google.com/store/apps/details?id=gov.dukcapil.mobile_id",
    "official_sibling": "wallet.example.org",
}
# Codes whose example needs a registry of its own: the domains it lists
REGISTRIES: dict[str, list[str]] = {"official_sibling": ["launchpad.example.org"]}
_NOT_FROM_CHECK_URL = {"invalid_encoding"}  # emitted by `domainguard scan` for undecodable lines


def verify() -> list[str]:
    problems = []
    for code, example in EXAMPLES.items():
        if code in _NOT_FROM_CHECK_URL:
            continue
        checker = domainguard.Checker(domainguard.Registry.from_domains(REGISTRIES[code])) \
            if code in REGISTRIES else domainguard.Checker()
        codes = [reason.code for reason in checker.check_url(example).reasons]
        if code not in codes:
            problems.append(f"{code}: {example!r} gave {codes}")
    return problems


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table() -> str:
    rows = ["| code | category | weight | example | English | Bahasa Indonesia |",
            "|---|---|---|---|---|---|"]
    for code, spec in CATALOGUE.items():
        example = EXAMPLES.get(code, "")
        shown = f"`{_cell(example)}`" if example and len(example) < 60 else (
            f"`{_cell(example[:40])}…`" if example else "")
        if code in REGISTRIES:
            shown += f" (registry: {', '.join(REGISTRIES[code])})"
        rows.append(f"| `{code}` | {spec.category.value} | {spec.weight} | {shown} | "
                    f"{_cell(spec.en)} | {_cell(spec.id)} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    missing = set(CATALOGUE) - set(EXAMPLES)
    problems = verify() + [f"{code}: no example" for code in sorted(missing)]
    if problems:
        sys.stderr.write("\n".join(problems) + "\n")
        sys.exit(1)
    sys.stdout.write(table())
