"""Whole-host evidence (_checks/context.py), disguised spellings (_spelling.py), registry aliases
and official apps, and the name rules for real-world shapes. Every host here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from domainguard import Checker, Registry, RegistryError, Verdict
from domainguard._spelling import consonants, pieces, plain_key


@pytest.mark.parametrize(
    ("written", "key"),
    [("dana", "dana"), ("danaa", "dana"), ("d4na", "dana"), ("ver1fikasi", "verifikasi"),
     ("b3rhadiah", "berhadiah"), ("pertamiinaa", "pertamina"), ("kk", "k")],
)
def test_plain_key_reads_digits_and_merges_doubled_letters(written: str, key: str) -> None:
    assert plain_key(written) == key


def test_numbers_end_words_and_vowels_can_go() -> None:
    assert pieces("cpns2026") == ["cpns"]
    assert pieces("6500bkn") == ["bkn"]
    assert pieces("b3rhadiah") == ["b3rhadiah"]  # its 3 is a letter
    assert consonants("mandiri") == consonants("mndiri") == "mndr"


BUNDLED_LOOKALIKES = [
    # an acronym alone beside a country word, a plain word, or under a new ending
    ("bkn-id.com", "bkn.go.id"),
    ("e-bkn.com", "bkn.go.id"),
    ("bkn.agency", "bkn.go.id"),
    # a name the body goes by (alias), glued to lure words, with a number after it
    ("infocpnsterbaru2026.my.id", "bkn.go.id"),
    ("daftar-penerima-pkh.contoh.xyz", "kemensos.go.id"),
    ("cek-d7ks.com", "kemensos.go.id"),
    # the name only in a subdomain of somebody else's domain
    ("pkh.tokoku.com", "kemensos.go.id"),
    # a slip on both sides of a glued phrase, vowels dropped
    ("pusatbntuan-bpjs.xyz", "bpjs-kesehatan.go.id"),
]


@pytest.mark.parametrize(("host", "target"), BUNDLED_LOOKALIKES)
def test_real_world_shapes_are_lookalikes(host: str, target: str) -> None:
    result = Checker().check_url(host)
    assert (result.verdict, result.target) == (Verdict.LOOKALIKE, target)


@pytest.mark.parametrize(
    "host",
    [
        # a name inside another word is no name (fabric has bri, livingroom has livin)
        "fabric-store.com", "livingroom.id",
        # everyday words beside a name that is a service's everyday word
        "pajakonline.com", "konsultan-pajak.com",
        # an acronym alone under an old ending is anybody's
        "bkn.com",
        # a region's office naming its own site outside go.id
        "samsatbandung.net",
        # a country word is a claim, never a name
        "listrikindonesia.com",
        # a five-letter everyday word one letter from a short official name (lapan.go.id)
        "lapak.com",
    ],
)
def test_everyday_and_real_names_stay_unrelated(host: str) -> None:
    assert Checker().check_url(host).verdict is Verdict.UNRELATED


def test_each_piece_of_evidence_is_a_reason() -> None:
    result = Checker().check_url("cek-pkh.hadiah-toko.xyz")
    codes = [r.code for r in result.reasons]
    assert result.verdict is Verdict.LOOKALIKE
    assert codes[0] == "brand_with_other_words"
    assert "abused_ending" in codes
    alone = Checker().check_url("pkh.tokoku.com")  # read whole: where the name sits
    assert [r.code for r in alone.reasons] == ["brand_with_other_words", "brand_in_subdomain"]
    disguised = Checker().check_url("cek-d7ks.com")
    assert ("disguised_spelling", "d7ks ≈ dtks") in [(r.code, r.detail) for r in
                                                     disguised.reasons]
    for reason in (*result.reasons, *disguised.reasons):
        assert reason.message("en")
        assert reason.message("id")


BRANDS = {"contohbank.co.id": ["cbmobile", "dana kilat"], "contohpay.id": []}


@pytest.fixture(scope="module")
def bank() -> Checker:
    return Checker(Registry.from_domains(BRANDS, aliases={
        domain: names for domain, names in BRANDS.items() if names}))


@pytest.mark.parametrize(
    ("host", "verdict"),
    [
        ("cbmobile-login.xyz", Verdict.LOOKALIKE),  # an alias with a lure
        ("klaim-dana-kilat.contoh.my.id", Verdict.LOOKALIKE),  # a two-word alias, apart
        ("danakilat.com", Verdict.LOOKALIKE),  # glued, under another ending
        ("contohpay-indonesia.top", Verdict.LOOKALIKE),  # a country word, a new gTLD
        ("www.contohbank.co.id", Verdict.OFFICIAL),
        ("kilat-express.com", Verdict.UNRELATED),
    ],
)
def test_a_custom_registry_gets_aliases_from_the_api(bank: Checker, host: str,
                                                     verdict: Verdict) -> None:
    assert bank.check_url(host).verdict is verdict


def test_aliases_in_the_file_format(tmp_path: Path) -> None:
    path = tmp_path / "bank.txt"
    path.write_text("contohbank.co.id | custom | Bank Contoh | - | its site | cbmobile, Dana "
                    "Kilat, id.contohbank.mobile\n", encoding="utf-8")
    entry = Registry.from_file(path).get("contohbank.co.id")
    assert entry is not None
    assert entry.aliases == ("cbmobile", "dana kilat")
    assert entry.apps == ("id.contohbank.mobile",)
    assert entry.to_dict()["aliases"] == ["cbmobile", "dana kilat"]


def test_aliases_for_an_unlisted_domain_are_refused() -> None:
    with pytest.raises(RegistryError, match=r"not in the list: other\.id"):
        Registry.from_domains(["contohbank.co.id"], aliases={"other.id": ["x"]})
    with pytest.raises(TypeError):
        Registry.from_domains(["contohbank.co.id"], aliases={"contohbank.co.id": "cbmobile"})


def test_bundled_entries_carry_their_aliases_with_sources() -> None:
    registry = Registry.default()
    pajak = registry.get("pajak.go.id")
    assert pajak is not None
    assert "djp" in pajak.aliases
    assert "alias djp:" in pajak.source
    ikd = registry.get("dukcapil.kemendagri.go.id")
    assert ikd is not None
    assert "gov.dukcapil.mobile_id" in ikd.apps


def test_the_store_page_of_a_registered_app_is_official() -> None:
    page = "https://play.google.com/store/apps/details?id=gov.dukcapil.mobile_id&hl=id"
    result = Checker().check_url(page)
    assert result.verdict is Verdict.OFFICIAL
    assert [r.code for r in result.reasons] == ["official_app_page"]
    assert result.entry is not None
    assert result.entry.domain == "dukcapil.kemendagri.go.id"
    other = "https://play.google.com/store/apps/details?id=com.contoh.dukcapil"
    assert Checker().check_url(other).verdict is not Verdict.OFFICIAL


def test_a_name_under_a_listed_hosts_registered_domain_is_its_owners() -> None:
    checker = Checker(Registry.from_domains(["launchpad.contoh.org"]))
    result = checker.check_url("wallet.contoh.org")
    assert result.verdict is Verdict.OFFICIAL
    assert [(r.code, r.detail) for r in result.reasons] == [("official_sibling", "contoh.org")]
    # a hosting platform's tenants are not one owner
    platform = Checker(Registry.from_domains(["contoh.github.io"]))
    assert platform.check_url("lain.github.io").verdict is not Verdict.OFFICIAL


@pytest.mark.parametrize(
    ("host", "code"),
    [
        ("www-walletcontoh.com", "hyphen_or_dot_variant"),  # www. with its dot a hyphen
        ("wwwwalletcontoh.com", "hyphen_or_dot_variant"),
        ("www-walletcontoh.net", "official_name_other_suffix"),
        ("walletcantohs.com", "typo_of_official"),  # two slips in a long name
    ],
)
def test_generic_prefixes_and_two_slips(host: str, code: str) -> None:
    checker = Checker(Registry.from_domains(["walletcontoh.com"]))
    result = checker.check_url(host)
    assert result.verdict is Verdict.LOOKALIKE
    assert result.reasons[0].code == code


def test_look_alike_pair_and_a_slip_together() -> None:
    checker = Checker(Registry.from_domains(["mywallet-contoh.com"]))
    result = checker.check_url("myvvalletcontoh.com")  # vv for w, and the hyphen left out
    assert result.verdict is Verdict.LOOKALIKE
    assert result.reasons[0].code == "ascii_lookalike_of_official"


def test_www_prefix_before_a_bundled_name() -> None:
    for host in ("www-kemendagri.com", "www-dukcapil.com"):
        assert Checker().check_url(host).verdict is Verdict.LOOKALIKE


@pytest.mark.parametrize(
    ("url", "verdict"),
    [
        # false alarms reported by users: a food site, a regional news site, a tax-software
        # name, a regional office's own site
        ("lapar.com", Verdict.UNRELATED),
        ("sumselupdate.com", Verdict.UNRELATED),
        ("pajakonline.com", Verdict.UNRELATED),
        ("jambisamsat.net", Verdict.UNRELATED),
        # the channel offices tell citizens to use
        ("https://play.google.com/store/apps/details?id=gov.dukcapil.mobile_id",
         Verdict.OFFICIAL),
    ],
)
def test_reported_false_alarms(url: str, verdict: Verdict) -> None:
    assert Checker().check_url(url).verdict is verdict


@pytest.mark.parametrize(
    ("host", "verdict"),
    [
        ("wallet.ethereum.org", Verdict.OFFICIAL),
        ("www-myetherwallet.com", Verdict.LOOKALIKE),
        ("myetherwellets.com", Verdict.LOOKALIKE),
        ("myethervvallct.com", Verdict.LOOKALIKE),
    ],
)
def test_reported_custom_registry_cases(host: str, verdict: Verdict) -> None:
    checker = Checker(Registry.from_domains(["launchpad.ethereum.org", "myetherwallet.com"]))
    assert checker.check_url(host).verdict is verdict


def test_the_anchor_expression_and_the_look_up_loop_agree() -> None:
    """The compiled search is only a faster way to the loop's answer."""
    from domainguard._checks.context import context_words
    from domainguard._spelling import trie_pattern

    words = context_words(Registry.default().index)
    pattern = trie_pattern(words.anchors)
    names = ["tokomurah", "www.cek-pkh", "danaa-kaget", "infocpnsterbaru", "kabupatenbogor",
             "abc", "d7ks", "bansoss", "kemendagri.go", "pertamiinaa-lpg", "x", ""]
    anchors = [key for key, meaning in words.meanings.items()
               if meaning.anchor and len(key) >= 3]
    for name in names:
        key = plain_key(name)
        anywhere = any(anchor in key for anchor in anchors)
        assert (pattern.search(key) is not None) is anywhere, name
        assert words.has_anchor(key) is anywhere, name
        assert words.may_name(name) is anywhere, name


@pytest.mark.parametrize(
    ("host", "verdict"),
    [
        ("bantuan-resmi-indonesia.xyz", Verdict.SUSPICIOUS),  # claim, lure, cheap ending
        ("layanan.indo-official.my.id", Verdict.SUSPICIOUS),
        ("indonesia-resmi.com", Verdict.UNRELATED),  # the claim alone
        ("officialstore-indonesia.com", Verdict.UNRELATED),
    ],
)
def test_a_claim_of_officialdom_without_a_name(host: str, verdict: Verdict) -> None:
    result = Checker().check_url(host)
    assert result.verdict is verdict
    if verdict is Verdict.SUSPICIOUS:
        assert result.reasons[0].code == "official_claim_in_name"
        assert result.target is None


def test_a_big_registrys_names_read_as_a_small_ones() -> None:
    """Above 20,000 names the plain names stay in the index only (memory): same answers."""
    from domainguard._checks import context

    domains = ["contohbank.co.id", "walletcontoh.com", "pajak.go.id", "bkn.go.id"]
    hosts = ["walletcontoh-login.xyz", "cek.walletcontoh.my.id", "klaimwalletcontoh.com",
             "infocontohbankterbaru.xyz", "contohbank-indonesia.top", "bkn-id.com",
             "pajakww.top", "walletcontohx.com", "tokowallet.com", "d4na-walletcontoh.cfd"]
    small = [Checker(Registry.from_domains(domains)).check_url(h).to_dict() for h in hosts]
    big_registry = Registry.from_domains(domains)
    index = big_registry.index
    index.context_words = context.ContextWords(index, pattern_limit=0)
    big = [Checker(big_registry).check_url(h).to_dict() for h in hosts]
    assert context.context_words(index).virtual
    assert big == small


def test_the_pruned_look_up_loop_finds_every_anchor() -> None:
    """A registry past its pattern limit rules places out by its anchors' prefixes: only a
    faster way to the same answer, whatever the key."""
    import random

    from domainguard._checks import context

    rng = random.Random(5)
    domains = sorted({"".join(rng.choice("abdikmnoprstu") for _ in range(rng.randint(4, 14)))
                      + rng.choice((".com", ".co.id", ".go.id")) for _ in range(3_000)})
    index = Registry.from_domains(domains).index
    words = context.ContextWords(index, pattern_limit=0)
    assert words._prefix_bits is not None
    anchors = words.anchors
    keys = [plain_key(domain.split(".")[0]) for domain in rng.sample(domains, 300)]
    keys += ["".join(rng.choice("abdikmnoprstu") for _ in range(rng.randint(3, 30)))
             for _ in range(3_000)]
    keys += [left[:5] + right for left, right in zip(keys, reversed(keys), strict=True)]
    found = 0
    for key in keys:
        anywhere = any(anchor in key for anchor in anchors)
        assert words.has_anchor(key) is anywhere, key
        found += anywhere
    assert 300 <= found < len(keys)  # both answers well represented
