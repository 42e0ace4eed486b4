"""The public face: names other software is written against must not change by accident."""

from __future__ import annotations

import json
import pickle
import re

import pytest

import domainguard
from domainguard import Checker, CheckResult, Reason, Registry, Verdict
from domainguard._messages import CATALOGUE


def test_all_is_pinned() -> None:
    assert domainguard.__all__ == [
        "CheckResult",
        "Checker",
        "DataError",
        "DomainguardError",
        "Entry",
        "REASON_CODES",
        "Reason",
        "Registry",
        "RegistryError",
        "Resolver",
        "SCHEMA_VERSION",
        "TextLink",
        "Verdict",
        "__version__",
        "check_many",
        "check_text",
        "check_url",
        "data_versions",
    ]
    assert sorted(domainguard.__all__) == domainguard.__all__


def test_public_names_exist() -> None:
    for name in domainguard.__all__:
        assert hasattr(domainguard, name), name
    assert domainguard.permutations.FAMILIES


def test_verdict_values_are_stable_strings() -> None:
    assert [v.value for v in Verdict] == [
        "official", "government", "lookalike", "suspicious", "unrelated", "invalid"]
    assert str(Verdict.LOOKALIKE) == "lookalike"
    assert Verdict("lookalike") is Verdict.LOOKALIKE


def test_result_shape() -> None:
    r = domainguard.check_url("https://dukcapil-kemendagri.com/aktivasi")
    assert isinstance(r, CheckResult)
    assert r.verdict is Verdict.LOOKALIKE
    assert r.flagged
    assert r.target == "dukcapil.kemendagri.go.id"
    assert all(isinstance(reason, Reason) for reason in r.reasons)
    assert 0 <= r.score <= 100
    assert (r.host, r.ascii_host, r.registrable_domain) == (
        "dukcapil-kemendagri.com", "dukcapil-kemendagri.com", "dukcapil-kemendagri.com")
    assert r.url == "https://dukcapil-kemendagri.com/aktivasi"


def test_to_dict_is_json_with_stable_keys() -> None:
    data = domainguard.check_url("dukсapil.id").to_dict()
    assert list(data) == ["schema_version", "input", "url", "verdict", "label", "flagged",
                          "score", "target", "host", "ascii_host", "registrable_domain", "entry",
                          "reasons", "lang"]
    assert list(data["reasons"][0]) == ["code", "category", "weight", "target", "matched",
                                        "detail", "message"]
    assert (data["schema_version"], data["input"], data["label"], data["lang"]) == (
        domainguard.SCHEMA_VERSION, "dukсapil.id", "LOOKALIKE", "en")
    assert json.loads(json.dumps(data)) == data


def test_to_dict_speaks_the_language_asked() -> None:
    result = domainguard.check_url("dukсapil.id")
    data = result.to_dict("id")
    assert (data["label"], data["lang"]) == ("TIRUAN", "id")
    assert data["reasons"][0]["message"] == result.reasons[0].message("id")
    assert result.reasons[0].to_dict("id") == data["reasons"][0]
    assert result.to_dict("ID") == data  # a language code in any case
    with pytest.raises(ValueError, match="lang"):
        result.to_dict("fr")


@pytest.mark.parametrize(("verdict", "en", "id_"), [
    ("official", "OFFICIAL", "RESMI"),
    ("government", "GOVERNMENT", "PEMERINTAH"),
    ("lookalike", "LOOKALIKE", "TIRUAN"),
    ("suspicious", "SUSPICIOUS", "MENCURIGAKAN"),
    ("unrelated", "UNRELATED", "TIDAK TERKAIT"),
    ("invalid", "INVALID", "TIDAK SAH"),
])
def test_verdict_labels_are_public(verdict: str, en: str, id_: str) -> None:
    assert (domainguard.Verdict(verdict).label(), domainguard.Verdict(verdict).label("id")) == (
        en, id_)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_explain_in_both_languages(lang: str) -> None:
    text = domainguard.check_url("kemendagri.co.id").explain(lang=lang)
    assert ("TIRUAN" if lang == "id" else "LOOKALIKE") in text
    assert "kemendagri.go.id" in text


def test_explain_accepts_any_case_of_a_language() -> None:
    result = domainguard.check_url("kemendagri.co.id")
    assert result.explain("ID") == result.explain("id")


def test_explain_rejects_unknown_language() -> None:
    with pytest.raises(ValueError, match="lang"):
        domainguard.check_url("kemendagri.co.id").explain(lang="fr")


@pytest.mark.parametrize("bad", [None, 42, b"kemendagri.go.id", ["x"]])
def test_wrong_type_is_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        domainguard.check_url(bad)  # type: ignore[arg-type]


def test_check_many_keeps_order_and_count() -> None:
    urls = ["kemendagri.go.id", "", "kemendagri.co.id", "kemendagri.go.id", "google.com"]
    results = Checker().check_many(urls)
    assert [r.url for r in results] == urls
    assert [r.verdict.value for r in results] == [
        "official", "invalid", "lookalike", "official", "unrelated"]


def test_check_many_judges_a_repeated_input_once() -> None:
    calls: list[str] = []

    def resolver(url: str) -> str:
        calls.append(url)
        return "https://kemendagri.co.id/"

    urls = ["https://bit.ly/ikd", "x.com", "https://bit.ly/ikd", "https://bit.ly/ikd"]
    results = Checker(resolver=resolver).check_many(urls)
    assert calls == ["https://bit.ly/ikd"]  # one check (and one resolution) per distinct input
    assert results[0] is results[2] is results[3]
    assert results[0].verdict is Verdict.LOOKALIKE


def test_custom_registry() -> None:
    checker = Checker(registry=Registry.from_domains(["bca.co.id", "klikbca.com"]))
    assert checker.check_url("https://www.klikbca.com/login").verdict is Verdict.OFFICIAL
    result = checker.check_url("klikbca-login.com")
    assert (result.verdict, result.target) == (Verdict.LOOKALIKE, "klikbca.com")
    # the bundled registry is not in a custom one
    assert checker.check_url("kemendagri.go.id").verdict is not Verdict.OFFICIAL


def test_checker_and_results_pickle() -> None:
    checker = Checker(registry=Registry.from_domains(["klikbca.com"]))
    clone = pickle.loads(pickle.dumps(checker))
    result = clone.check_url("kllkbca.com")
    assert pickle.loads(pickle.dumps(result)) == result
    assert result.target == "klikbca.com"


# Reason codes of 0.1.0. Codes are stable: they may be added, never renamed or dropped.
STABLE_CODES = frozenset({
    "ascii_lookalike_of_official",
    "backslash_in_url",
    "brand_on_hosting_platform",
    "brand_with_other_words",
    "combining_mark",
    "dangerous_pattern",
    "dangerous_scheme",
    "deep_subdomains",
    "digit_lookalike",
    "empty_input",
    "encoded_host",
    "government_namespace",
    "government_suffix_imitation",
    "government_suffix_in_name",
    "homoglyph_of_official",
    "host_too_long",
    "hosting_platform",
    "hyphen_or_dot_variant",
    "insecure_http",
    "installer_download",
    "invalid_encoding",
    "invalid_host",
    "invalid_punycode",
    "invisible_character",
    "ip_address_host",
    "label_too_long",
    "mixed_script",
    "non_default_port",
    "not_a_url",
    "obfuscated_ip_address",
    "official_domain",
    "official_host_embedded",
    "official_name_in_path",
    "official_name_in_userinfo",
    "official_name_other_suffix",
    "official_subdomain",
    "resembles_official",
    "restricted_character",
    "service_with_region",
    "service_word_in_name",
    "tld_specific_character",
    "typo_of_official",
    "unknown_suffix",
    "unsupported_scheme",
    "url_shortener",
    "userinfo_in_url",
    "whole_script_confusable",
})


def test_reason_codes_are_never_renamed_or_dropped() -> None:
    assert STABLE_CODES <= domainguard.REASON_CODES, sorted(STABLE_CODES - domainguard.REASON_CODES)


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_reason_code_has_both_languages(code: str) -> None:
    spec = CATALOGUE[code]
    assert re.fullmatch(r"[a-z]+(?:_[a-z]+)*", code)
    assert spec.en
    assert spec.id
    assert spec.en != spec.id


def test_resolver_judges_a_shortened_link_by_its_destination() -> None:
    asked: list[str] = []

    def resolve(url: str) -> str:
        asked.append(url)
        return "https://dukcapil-kemendagri.com/aktivasi"

    checker = Checker(resolver=resolve)
    result = checker.check_url("https://s.id/abc123")
    assert asked == ["https://s.id/abc123"]
    assert (result.verdict, result.target) == (Verdict.LOOKALIKE, "dukcapil.kemendagri.go.id")
    assert result.host == "dukcapil-kemendagri.com"
    assert "url_shortener" in [reason.code for reason in result.reasons]
    checker.check_url("https://kemendagri.go.id/")  # not a shortener: the resolver is not asked
    assert asked == ["https://s.id/abc123"]


def test_a_failing_resolver_leaves_the_shortener_verdict() -> None:
    def offline(url: str) -> str:
        raise OSError("no network")

    shortened = "https://s.id/abc123"
    result = Checker(resolver=offline).check_url(shortened)
    assert result == Checker().check_url(shortened)
    assert result.verdict is Verdict.SUSPICIOUS
