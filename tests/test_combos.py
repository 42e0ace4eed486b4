"""Combosquatting targets: which official entry a combined name is judged to imitate."""

from __future__ import annotations

import pytest

from domainguard import Checker, Registry, Verdict


@pytest.mark.parametrize(
    ("host", "target"),
    [
        # a civil-registry word names the region's Dukcapil, even beside a government word
        ("disdukcapil-kab-bogor.com", "disdukcapil.bogorkab.go.id"),
        ("capil-pemkab-purbalingga.com", "dinpendukcapil.purbalinggakab.go.id"),
        # a government affix glued to a region name is a government word
        ("kabpurbalingga.net", "purbalinggakab.go.id"),
        ("pemkabpurbalingga.net", "purbalinggakab.go.id"),
        # a short acronym beside another service's word; a year glued on
        ("cpns-bkn.info", "bkn.go.id"),
        ("bkn-cpns2026.com", "bkn.go.id"),
        ("aktivasi-ikd2026.com", "dukcapil.kemendagri.go.id"),
        ("bansos2026-kemensos.com", "kemensos.go.id"),
        # a vocabulary word glued to a region name tells what it tells apart
        ("dukcapilpurbalingga.com", "dinpendukcapil.purbalinggakab.go.id"),
        ("capilbandung.id", "disdukcapil.bandung.go.id"),
        ("purbalinggadukcapil.com", "dinpendukcapil.purbalinggakab.go.id"),
        ("aktivasipurbalingga.com", "purbalinggakab.go.id"),
        # Unicode look-alike letters in the words are read as what they imitate
        ("kemens\u043es-bansos.xyz", "kemensos.go.id"),  # Cyrillic о
        ("ikd-duk\u0441apil.online", "dukcapil.kemendagri.go.id"),  # Cyrillic с
        ("k\u0435mendagri.go.id.evil.com", "kemendagri.go.id"),  # Cyrillic е, embedded
        # "KTP digital" is what people call the IKD
        ("ktp-digital.id", "dukcapil.kemendagri.go.id"),
        ("identitas-kependudukan-digital.com", "dukcapil.kemendagri.go.id"),
        # a lure glued to a brand; a regional brand needs a word that pushes to act
        ("jatenglogin.com", "jateng.go.id"),
        ("infobkn.com", "bkn.go.id"),
        # a region with a word that pushes to act, not with everyday commerce (above)
        ("bali-login.com", "baliprov.go.id"),
        ("aktivasi-padang.xyz", "padang.go.id"),
        # a government word glued to a brand, as lure words are; a prepaid-token lure
        ("ditjenpajak.com", "pajak.go.id"),
        ("tokenpln.com", "pln.co.id"),
        ("token-pln.online", "pln.co.id"),
        # a civil-registry word glued to a lure stands for Dukcapil, as with a hyphen
        ("ceknik-online.com", "dukcapil.kemendagri.go.id"),
        ("ktpdigital.id", "dukcapil.kemendagri.go.id"),
        ("aktivasiikd.com", "dukcapil.kemendagri.go.id"),
        # "RI" (Republik Indonesia) after a short acronym claims the national body
        ("kpu-ri.com", "kpu.go.id"),
        # a word that pushes to act leads a token beside the brand
        ("cekstatus-bkn.com", "bkn.go.id"),
        ("verifikasidata-bpjs.com", "bpjs-kesehatan.go.id"),
        ("loginsso-pajak.com", "pajak.go.id"),
        # the tenant of a platform whose wildcard rule makes every tenant name a suffix
        ("dukcapil-online.my.canva.site", "dukcapil.kemendagri.go.id"),
        # a civil-registry word written as two words
        ("cek-kartu-keluarga.com", "dukcapil.kemendagri.go.id"),
        ("catatan-sipil-bandung.com", "disdukcapil.bandung.go.id"),
        # a regional office that takes money or data, beside a region and a lure; a
        # province's short name read from its own domain (jabarprov.go.id: jabar is Jawa Barat)
        ("bayar-samsat-jakarta.com", "jakarta.go.id"),
        ("cek-bapenda-jabar.com", "jabarprov.go.id"),
        ("esamsat-jatim-login.com", "jatimprov.go.id"),
        ("dukcapil-jabar.com", "disdukcapil.jabarprov.go.id"),
        # recruitment, job and prize-draw lures
        ("rekrutmen-kemnaker.com", "kemnaker.go.id"),
        ("undian-jakarta.com", "jakarta.go.id"),
        # an official name with look-alike letters or a slip, beside a telling word; read whole
        # before a shorter brand inside it (kemendagrl is not kemendag.go.id)
        ("dukcapll-online.com", "dukcapil.kemendagri.go.id"),
        ("ikd-dukcapi1.xyz", "dukcapil.kemendagri.go.id"),
        ("kemendagrl-ikd.com", "kemendagri.go.id"),
        # the fake ending's "id" glued to the name after it
        ("go-idpajak.icu", "pajak.go.id"),
        ("go-idcapil.biz", "dukcapil.kemendagri.go.id"),
        # names a body goes by (registry aliases) beside another service or a cheap ending
        ("etle-polda.info", "korlantas.polri.go.id"),
        ("efin-djp.com", "pajak.go.id"),
        ("ikd.my.id", "dukcapil.kemendagri.go.id"),
        ("www.bpjs.web.id", "bpjs-kesehatan.go.id"),
        ("ikd2026.biz.id", "dukcapil.kemendagri.go.id"),
    ],
)
def test_combined_name_targets(host: str, target: str) -> None:
    result = Checker().check_url(host)
    assert (result.verdict, result.target) == (Verdict.LOOKALIKE, target)


@pytest.mark.parametrize("host", ["kotabandung.com", "klinik-kesehatan.com", "toko2024.com",
                                  "jakarta2024.com", "bkn.com", "promo-bali.com",
                                  "daftar-hotel-bali.com", "gratis-ongkir-bandung.com",
                                  "infobatu.com", "promobali.com", "batubara.com",
                                  "infojateng.id", "portaljateng.com", "toko-digital.com",
                                  "bandung-digital.com", "kia.id", "kia.my.id", "kiabi.com",
                                  "amanah-pajak.com", "halaman-pajak.com",
                                  "infojabar.id", "berita-jabar.com",
                                  "security-jakarta.com", "lowongan-kerja-bandung.com",
                                  "bintang-login.com", "bankkalteng.co.id", "jateng.com",
                                  # a regional office's own site outside go.id names itself so
                                  "samsatbandung.net", "bapenda-jabar.com"])
def test_everyday_names_stay_unrelated(host: str) -> None:
    assert Checker().check_url(host).verdict is Verdict.UNRELATED


def test_official_label_with_a_lure_keeps_its_own_entry() -> None:
    """bandungkab is a region name with "kab" glued on, but first an official label: its own
    entry is the target, not another Bandung (a custom registry has no regional kinds)."""
    registry = Registry.from_domains(["bandungkab.go.id", "bandung.go.id"])
    result = Checker(registry).check_url("data-bandungkab.co.id")
    assert (result.verdict, result.target) == (Verdict.LOOKALIKE, "bandungkab.go.id")


@pytest.mark.parametrize(
    ("host", "word"),
    [
        # two government services named together (a traffic-ticket notice)
        ("polres-tilang.info", "polres"),
        # a bare service word where anyone may register it: it poses as the service itself
        ("bansos.id", "bansos"),
        ("pencatatan-sipil.id", "pencatatansipil"),
    ],
)
def test_service_words_without_a_brand_are_suspicious(host: str, word: str) -> None:
    result = Checker().check_url(host)
    assert result.verdict is Verdict.SUSPICIOUS
    # the ending, when scam sites are cheap under it, is named beside the word
    assert [(r.code, r.detail) for r in result.reasons
            if r.code != "abused_ending"] == [("service_word_in_name", word)]


def test_a_custom_registry_reads_region_names_as_the_bundled_one_does() -> None:
    """Bank Kalteng's site is not Kalimantan Tengah's government, with either registry: kalteng
    is a region name people write (region_aliases.csv), not a brand."""
    domains = [entry.domain for entry in Registry.default().entries]
    custom = Checker(Registry.from_domains(domains))
    for checker in (Checker(), custom):
        assert checker.check_url("bankkalteng.co.id").verdict is Verdict.UNRELATED
        assert checker.check_url("cek-samsat-kalteng.com").target == "kalteng.go.id"
