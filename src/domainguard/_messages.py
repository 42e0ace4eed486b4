"""The reason catalogue: every stable reason code, its weight and its English and Indonesian text.

Codes are part of the public API: never rename one, add a new one instead. Templates may use
``{matched}`` (the part of the URL the reason is about), ``{target}`` (the official domain or
namespace concerned) and ``{detail}`` (a short fact such as the edit made). Pure data, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Final

__all__ = ["CATALOGUE", "LANGUAGES", "VERDICT_LABELS", "Category", "ReasonSpec", "normalise_lang",
           "render", "verdict_label"]

LANGUAGES: Final = ("en", "id")


class Category(str, Enum):
    """What kind of evidence a reason is; ``_verdict.decide`` reads only this and the weight."""

    INVALID = "invalid"  # the input cannot be opened as a web address
    OFFICIAL = "official"  # the host is listed in the registry
    GOVERNMENT = "government"  # the host is in a namespace only the state can register
    TARGETED = "targeted"  # imitates one specific official domain (the reason names it)
    SPOOF = "spoof"  # a risky sign without one specific target
    INFO = "info"  # context that does not add risk


@dataclass(frozen=True, slots=True)
class ReasonSpec:
    category: Category
    weight: int  # 0..100: how strongly this reason alone points at a scam
    en: str
    id: str


def _spec(category: Category, weight: int, en: str, id_: str) -> ReasonSpec:
    return ReasonSpec(category, weight, en, id_)


_I, _O, _G, _T, _S, _N = (
    Category.INVALID,
    Category.OFFICIAL,
    Category.GOVERNMENT,
    Category.TARGETED,
    Category.SPOOF,
    Category.INFO,
)

CATALOGUE: Final[dict[str, ReasonSpec]] = {
    # ---- the input is not an address that can be opened -------------------------------------
    "empty_input": _spec(_I, 0, "The input is empty.", "Masukan kosong."),
    "not_a_url": _spec(
        _I, 0,
        "This is not a web address that a browser could open ({detail}).",
        "Ini bukan alamat situs yang dapat dibuka peramban ({detail}).",
    ),
    "invalid_host": _spec(
        _I, 0,
        "The host name {matched} is not valid ({detail}).",
        "Nama host {matched} tidak sah ({detail}).",
    ),
    "invalid_punycode": _spec(
        _I, 0,
        "The host contains a broken punycode label ({matched}) that browsers refuse to open.",
        "Host memuat label punycode rusak ({matched}) yang ditolak peramban.",
    ),
    "host_too_long": _spec(
        _I, 0,
        "The host name has {detail} characters; DNS allows at most 253.",
        "Nama host terdiri atas {detail} karakter; DNS hanya mengizinkan paling banyak 253.",
    ),
    "label_too_long": _spec(
        _I, 0,
        "A part of the host name has {detail} characters; DNS allows at most 63.",
        "Salah satu bagian nama host terdiri atas {detail} karakter; DNS hanya mengizinkan 63.",
    ),
    "invalid_encoding": _spec(
        _I, 0,
        "The line is not valid UTF-8 text ({detail}).",
        "Baris ini bukan teks UTF-8 yang sah ({detail}).",
    ),
    "unsupported_scheme": _spec(
        _I, 0,
        "Addresses starting with '{matched}:' do not open a web site.",
        "Alamat yang diawali '{matched}:' tidak membuka situs web.",
    ),
    # ---- official and government hosts -------------------------------------------------------
    "official_domain": _spec(
        _O, 0,
        "{matched} is an official domain in the registry: {detail}.",
        "{matched} adalah domain resmi yang terdaftar: {detail}.",
    ),
    "official_subdomain": _spec(
        _O, 0,
        "{matched} belongs to the official domain {target} ({detail}).",
        "{matched} termasuk domain resmi {target} ({detail}).",
    ),
    "official_sibling": _spec(
        _O, 0,
        "{matched} is under {detail}, the registered domain of the official {target}: the "
        "same owner runs it.",
        "{matched} berada di bawah {detail}, domain terdaftar milik situs resmi {target}: "
        "pemiliknya sama.",
    ),
    "official_app_page": _spec(
        _O, 0,
        "This is the app-store page of the official app of {target} ({detail}).",
        "Ini halaman toko aplikasi untuk aplikasi resmi {target} ({detail}).",
    ),
    "government_namespace": _spec(
        _G, 0,
        "{matched} is under {target}, which only Indonesian state institutions can register; "
        "it is not in this registry.",
        "{matched} berada di bawah {target}, yang hanya dapat didaftarkan instansi negara; "
        "alamat ini tidak ada di daftar resmi.",
    ),
    "resembles_official": _spec(
        _N, 0,
        "This government host's name resembles the official {target} ({detail}); make sure it "
        "is the site you meant.",
        "Nama host pemerintah ini mirip dengan situs resmi {target} ({detail}); pastikan ini "
        "memang situs yang Anda tuju.",
    ),
    # ---- imitations of one official domain ---------------------------------------------------
    "typo_of_official": _spec(
        _T, 85,
        "{matched} differs from the official {target} by a typing slip ({detail}).",
        "{matched} berbeda dari alamat resmi {target} karena salah ketik ({detail}).",
    ),
    "homoglyph_of_official": _spec(
        _T, 95,
        "{matched} uses look-alike characters to imitate {target} ({detail}).",
        "{matched} memakai huruf yang tampak serupa untuk meniru {target} ({detail}).",
    ),
    "ascii_lookalike_of_official": _spec(
        _T, 90,
        "{matched} uses letters that look like those of {target} ({detail}).",
        "{matched} memakai huruf yang tampak seperti huruf pada {target} ({detail}).",
    ),
    "hyphen_or_dot_variant": _spec(
        _T, 85,
        "{matched} is the official name of {target} with hyphens or dots added or removed.",
        "{matched} adalah nama resmi {target} yang ditambah atau dikurangi tanda hubung atau "
        "titik.",
    ),
    "official_name_other_suffix": _spec(
        _T, 85,
        "{matched} uses the name of {target} under another ending ({detail}); only {target} "
        "is official.",
        "{matched} memakai nama {target} dengan akhiran lain ({detail}); hanya {target} yang "
        "resmi.",
    ),
    "government_suffix_imitation": _spec(
        _T, 90,
        "{matched} fakes the government ending .go.id ({detail}) to pose as {target}.",
        "{matched} memalsukan akhiran pemerintah .go.id ({detail}) untuk menyamar sebagai "
        "{target}.",
    ),
    "official_host_embedded": _spec(
        _T, 95,
        "The official address {target} is only the start of {matched}; the site really belongs "
        "to {detail}.",
        "Alamat resmi {target} hanya bagian depan dari {matched}; situs ini sebenarnya milik "
        "{detail}.",
    ),
    "brand_with_other_words": _spec(
        _T, 75,
        "{matched} joins the name '{detail}' of {target} with other words; it is not an "
        "official address.",
        "{matched} menggabungkan nama '{detail}' milik {target} dengan kata lain; ini bukan "
        "alamat resmi.",
    ),
    "service_with_region": _spec(
        _T, 80,
        "{matched} combines a civil-registry service name with a region name ({detail}) to "
        "pose as {target}.",
        "{matched} menggabungkan nama layanan kependudukan dengan nama daerah ({detail}) untuk "
        "menyamar sebagai {target}.",
    ),
    "brand_on_hosting_platform": _spec(
        _T, 85,
        "{matched} puts the name of {target} on {detail}, a platform where anyone can make a "
        "site.",
        "{matched} memakai nama {target} di {detail}, layanan tempat siapa pun dapat membuat "
        "situs.",
    ),
    "brand_in_subdomain": _spec(
        _T, 70,
        "{matched} puts the name of {target} in front of {detail}, a domain that does not "
        "belong to {target}.",
        "{matched} menaruh nama {target} di depan {detail}, domain yang bukan milik {target}.",
    ),
    "disguised_spelling": _spec(
        _T, 70,
        "{matched} writes the name of {target} in disguise ({detail}): letters doubled or "
        "dropped, or digits in place of letters.",
        "{matched} menyamarkan tulisan nama {target} ({detail}): huruf digandakan atau "
        "dihilangkan, atau angka menggantikan huruf.",
    ),
    # ---- risky signs without one target ------------------------------------------------------
    "mixed_script": _spec(
        _S, 70,
        "The label {matched} mixes writing systems ({detail}), a common disguise for fake "
        "addresses.",
        "Label {matched} mencampur beberapa jenis aksara ({detail}), cara umum menyamarkan "
        "alamat palsu.",
    ),
    "whole_script_confusable": _spec(
        _S, 70,
        "The label {matched} is written entirely in {detail} letters that look like Latin ones.",
        "Label {matched} seluruhnya ditulis dengan huruf {detail} yang tampak seperti huruf Latin.",
    ),
    "invisible_character": _spec(
        _S, 70,
        "The host contains invisible or direction-changing characters ({detail}).",
        "Host memuat karakter tak terlihat atau pengubah arah tulisan ({detail}).",
    ),
    "combining_mark": _spec(
        _S, 60,
        "The label {matched} stacks or misplaces accent marks ({detail}).",
        "Label {matched} menumpuk atau salah menempatkan tanda aksen.",
    ),
    "dangerous_pattern": _spec(
        _S, 60,
        "The label {matched} uses characters that pass for punctuation or other letters "
        "({detail}).",
        "Label {matched} memakai karakter yang menyerupai tanda baca atau huruf lain.",
    ),
    "digit_lookalike": _spec(
        _S, 50,
        "The label {matched} is made of characters that look like digits ({detail}).",
        "Label {matched} tersusun dari karakter yang tampak seperti angka.",
    ),
    "restricted_character": _spec(
        _S, 45,
        "The label {matched} uses characters that do not belong in web addresses ({detail}).",
        "Label {matched} memakai karakter yang tidak lazim dalam alamat situs.",
    ),
    "tld_specific_character": _spec(
        _S, 45,
        "The label {matched} uses a character only expected under another country's ending "
        "({detail}).",
        "Label {matched} memakai karakter yang hanya lazim untuk akhiran domain negara lain.",
    ),
    "government_suffix_in_name": _spec(
        _S, 65,
        "{matched} imitates the government ending .go.id ({detail}) but is not a government "
        "address.",
        "{matched} meniru akhiran pemerintah .go.id ({detail}) padahal bukan alamat pemerintah.",
    ),
    "official_claim_in_name": _spec(
        _S, 55,
        "{matched} claims to be an official Indonesian site ({detail}) but is not one.",
        "{matched} mengaku sebagai situs resmi Indonesia ({detail}) padahal bukan.",
    ),
    "service_word_in_name": _spec(
        _S, 55,
        "{matched} uses the government service word '{detail}' but is not an official address.",
        "{matched} memakai kata layanan pemerintah '{detail}' padahal bukan alamat resmi.",
    ),
    # ---- URL-level signals -------------------------------------------------------------------
    "userinfo_in_url": _spec(
        _S, 70,
        "The text before '@' ({detail}) only pretends to be the address; the link really "
        "opens {matched}.",
        "Teks sebelum '@' ({detail}) hanya berpura-pura menjadi alamat; tautan ini sebenarnya "
        "membuka {matched}.",
    ),
    "official_name_in_userinfo": _spec(
        _T, 90,
        "The link starts with the official address {target}, but everything before '@' is "
        "ignored: it really opens {matched}.",
        "Tautan diawali alamat resmi {target}, tetapi semua yang sebelum '@' diabaikan: "
        "tautan ini sebenarnya membuka {matched}.",
    ),
    "backslash_in_url": _spec(
        _S, 40,
        "The link uses backslashes, which browsers read differently from what people see.",
        "Tautan memakai garis miring terbalik, yang dibaca peramban berbeda dari yang terlihat.",
    ),
    "ip_address_host": _spec(
        _S, 55,
        "The link opens a bare IP address ({matched}) instead of a named site.",
        "Tautan membuka alamat IP ({matched}), bukan nama situs.",
    ),
    "obfuscated_ip_address": _spec(
        _S, 70,
        "The IP address is written in a disguised form ({detail}); it really is {matched}.",
        "Alamat IP ditulis dalam bentuk samaran ({detail}); sebenarnya {matched}.",
    ),
    "non_default_port": _spec(
        _S, 20,
        "The link uses an unusual port ({detail}).",
        "Tautan memakai port yang tidak biasa ({detail}).",
    ),
    "insecure_http": _spec(
        _S, 20,
        "The link uses http:// without encryption; official sites use https://.",
        "Tautan memakai http:// tanpa enkripsi; situs resmi memakai https://.",
    ),
    "dangerous_scheme": _spec(
        _S, 80,
        "Addresses starting with '{matched}:' run code or open content directly, not a web site.",
        "Alamat yang diawali '{matched}:' menjalankan kode atau membuka isi secara langsung, "
        "bukan situs web.",
    ),
    "url_shortener": _spec(
        _S, 40,
        "{matched} is a link shortener: the real destination is hidden.",
        "{matched} adalah penyingkat tautan: tujuan sebenarnya tersembunyi.",
    ),
    "installer_download": _spec(
        _S, 75,
        "The link downloads an app installer ({detail}); official services never send apps "
        "by chat.",
        "Tautan mengunduh berkas pemasang aplikasi ({detail}); layanan resmi tidak pernah "
        "mengirim aplikasi lewat pesan.",
    ),
    "official_name_in_path": _spec(
        _S, 45,
        "The official-looking name '{detail}' appears only in the path, not in the site's "
        "address {matched}.",
        "Nama yang tampak resmi '{detail}' hanya ada di bagian belakang tautan, bukan di alamat "
        "situs {matched}.",
    ),
    "deep_subdomains": _spec(
        _S, 25,
        "The host has an unusual number of parts ({detail}), which can push the real name out "
        "of view.",
        "Host memiliki terlalu banyak bagian ({detail}) sehingga nama sebenarnya bisa tersembunyi.",
    ),
    "encoded_host": _spec(
        _S, 30,
        "The host is written with percent-encoding or other escapes ({detail}).",
        "Host ditulis dengan pengodean persen atau karakter pelarian ({detail}).",
    ),
    "abused_ending": _spec(
        _S, 10,
        "{matched} is registered under .{detail}, an ending where scam sites are cheap and "
        "common.",
        "{matched} terdaftar dengan akhiran .{detail}, akhiran yang murah dan sering dipakai "
        "situs penipuan.",
    ),
    "email_address": _spec(
        _N, 0,
        "{matched} is an e-mail address; its domain {target} is what was judged.",
        "{matched} adalah alamat surel; yang dinilai adalah domainnya, {target}.",
    ),
    "hosting_platform": _spec(
        _N, 0,
        "{matched} is a site on {detail}, a platform where anyone can make a site.",
        "{matched} adalah situs di {detail}, layanan tempat siapa pun dapat membuat situs.",
    ),
    "unknown_suffix": _spec(
        _N, 0,
        "The ending '{detail}' is not a public domain ending.",
        "Akhiran '{detail}' bukan akhiran domain publik.",
    ),
}

#: Each verdict's label, in LANGUAGES order: public API, printed by the command line and written
#: as ``label`` in every record.
VERDICT_LABELS: Final[dict[str, tuple[str, str]]] = {
    "official": ("OFFICIAL", "RESMI"),
    "government": ("GOVERNMENT", "PEMERINTAH"),
    "lookalike": ("LOOKALIKE", "TIRUAN"),
    "suspicious": ("SUSPICIOUS", "MENCURIGAKAN"),
    "unrelated": ("UNRELATED", "TIDAK TERKAIT"),
    "invalid": ("INVALID", "TIDAK SAH"),
}


def normalise_lang(lang: str) -> str:
    """"en" or "id" from any case of it ("ID", " En "); ValueError for any other language."""
    if lang in LANGUAGES:  # the common case, without building a new string
        return lang
    folded = lang.strip().lower() if isinstance(lang, str) else lang
    if folded not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return str(folded)


def _check_lang(lang: str) -> int:
    return LANGUAGES.index(normalise_lang(lang))


def verdict_label(verdict: str, lang: str) -> str:
    """The verdict's name in the reader's language."""
    return VERDICT_LABELS[verdict][_check_lang(lang)]


def render(code: str, lang: str, *, matched: str, target: str | None, detail: str) -> str:
    """The message for ``code`` in ``lang`` ("en" or "id")."""
    spec = CATALOGUE[code]
    if _check_lang(lang):
        from domainguard._details import detail_in  # only Indonesian text needs it

        return spec.id.format(matched=matched, target=target or "",
                              detail=detail_in(code, detail, "id"))
    return spec.en.format(matched=matched, target=target or "", detail=detail)
