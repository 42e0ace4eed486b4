"""The HTTP service in-process: routes, the record schema, every 4xx, no 5xx, headers, privacy.

The service is an optional extra; without it these tests skip with the reason. ``import
domainguard`` must not load it, which a fresh interpreter checks.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import subprocess
import sys
import warnings
from collections.abc import Iterator
from typing import Any, Final

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("fastapi", reason="the server extra is not installed")

from domainguard.cli import main
from domainguard.server import OPENAPI_PATH, Settings, create_app
from domainguard.server._models import MAX_BODY, MAX_TEXT, MAX_URLS

with warnings.catch_warnings():
    # Starlette suggests httpx2 to its TestClient; httpx is what the test extra installs
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

LOOKALIKE: Final = "https://dukcapil-kemendagri.com/aktivasi"
OFFICIAL: Final = "https://dukcapil.kemendagri.go.id/"
SCAM: Final = ("Yth. Bapak/Ibu, data KTP Anda belum terverifikasi 😟. Segera aktivasi IKD di "
               "https://dukcapil-kemendagri.com/aktivasi sebelum 30 Juni, atau hubungi "
               "wa.me/628123456789. Info resmi: dukcapil.kemendagri.go.id")
# the record schema (docs/record.md on the CLI's branch): CheckResult.to_dict(lang)
RECORD_KEYS: Final = {"schema_version", "input", "url", "verdict", "label", "flagged", "score",
                      "target", "host", "ascii_host", "registrable_domain", "entry", "reasons",
                      "lang"}
LINK_KEYS: Final = RECORD_KEYS | {"raw", "start", "end", "kind"}
REASON_KEYS: Final = {"code", "category", "weight", "target", "matched", "detail", "message"}


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


def _error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"]["code"] == code


def test_one_url_is_one_record(client: TestClient) -> None:
    record = client.post("/v1/check/url", json={"url": LOOKALIKE}).json()
    assert set(record) == RECORD_KEYS
    assert record["schema_version"] == 1
    assert (record["verdict"], record["label"], record["lang"]) == ("lookalike", "LOOKALIKE", "en")
    assert record["target"] == "dukcapil.kemendagri.go.id"
    assert record["flagged"] is True
    assert all(set(reason) == REASON_KEYS for reason in record["reasons"])
    assert all(isinstance(reason["message"], str) for reason in record["reasons"])


def test_records_match_the_library(client: TestClient) -> None:
    import domainguard

    record = client.post("/v1/check/url", json={"url": LOOKALIKE, "lang": "id"}).json()
    result = domainguard.check_url(LOOKALIKE)
    assert record["label"] == "TIRUAN"
    assert [r["code"] for r in record["reasons"]] == [r.code for r in result.reasons]
    assert [r["message"] for r in record["reasons"]] == [r.message("id") for r in result.reasons]
    assert record["score"] == result.score


def test_many_urls_answer_in_order(client: TestClient) -> None:
    urls = [LOOKALIKE, OFFICIAL, "example.com", "", LOOKALIKE]
    body = client.post("/v1/check/urls", json={"urls": urls}).json()
    assert [r["input"] for r in body["results"]] == urls
    assert [r["verdict"] for r in body["results"]] == [
        "lookalike", "official", "unrelated", "invalid", "lookalike"]


def test_a_message_gives_every_link_where_it_stands(client: TestClient) -> None:
    links = client.post("/v1/check/text", json={"text": SCAM, "lang": "id"}).json()["links"]
    assert [link["verdict"] for link in links] == ["lookalike", "unrelated", "official"]
    for link in links:
        assert set(link) >= LINK_KEYS
        # positions count code points (the emoji before the first link is one)
        assert SCAM[link["start"]:link["end"]] == link["raw"]
        assert link["kind"] == "url"
        assert link["lang"] == "id"
    assert links[0]["label"] == "TIRUAN"
    assert links[1]["label"] == "TIDAK TERKAIT"


def test_a_mail_address_is_a_link_of_kind_email(client: TestClient) -> None:
    text = "Segera aktivasi IKD di dukcapil-ikd[.]com atau balas ke admin@dukcapil-ikd.com"
    links = client.post("/v1/check/text", json={"text": text}).json()["links"]
    assert [(link["raw"], link["kind"], link["verdict"]) for link in links] == [
        ("dukcapil-ikd[.]com", "url", "lookalike"),
        ("admin@dukcapil-ikd.com", "email", "lookalike")]
    assert links[0]["input"] == "dukcapil-ikd[.]com"  # as written; url is what was checked


def test_the_service_writes_the_library_record(client: TestClient) -> None:
    import domainguard

    for lang in ("en", "id"):
        record = client.post("/v1/check/url", json={"url": LOOKALIKE, "lang": lang}).json()
        assert record == domainguard.check_url(LOOKALIKE).to_dict(lang)
        links = client.post("/v1/check/text", json={"text": SCAM, "lang": lang}).json()
        assert links["links"] == [link.to_dict(lang) for link in domainguard.check_text(SCAM)]


def test_a_message_without_links(client: TestClient) -> None:
    assert client.post("/v1/check/text", json={"text": "apa kabar?"}).json() == {"links": []}


def test_health_versions_and_openapi(client: TestClient) -> None:
    assert client.get("/v1/health").json() == {"status": "ok"}
    versions = client.get("/v1/versions").json()
    assert versions["schema_version"] == 1
    assert versions["api"] == "v1"
    assert {"public_suffix_list", "unicode_confusables", "registry_entries"} <= set(
        versions["data"])
    document = client.get(OPENAPI_PATH).json()
    assert OPENAPI_PATH == "/v1/openapi.json"
    assert {"/v1/check/url", "/v1/check/urls", "/v1/check/text", "/v1/health",
            "/v1/versions"} == set(document["paths"])
    # no UI that loads scripts from a CDN
    assert client.get("/docs").status_code == 404


BAD_BODIES: Final = [
    pytest.param("/v1/check/url", b"{", 400, "malformed_json", id="truncated-json"),
    pytest.param("/v1/check/url", b"\xff\xfe", 400, "malformed_json", id="not-utf8"),
    pytest.param("/v1/check/url", b"[]", 422, "invalid_request", id="array-not-object"),
    pytest.param("/v1/check/url", b'{"url": 5}', 422, "invalid_request", id="number-for-url"),
    pytest.param("/v1/check/url", b'{"url": null}', 422, "invalid_request", id="null-url"),
    pytest.param("/v1/check/url", b'{}', 422, "invalid_request", id="missing-url"),
    pytest.param("/v1/check/url", b'{"url": "a.com", "lang": "fr"}', 422, "invalid_request",
                 id="unknown-language"),
    pytest.param("/v1/check/url", b'{"url": "a.com", "extra": 1}', 422, "invalid_request",
                 id="unknown-key"),
    pytest.param("/v1/check/url", json.dumps({"url": "a" * 5000}).encode(), 422,
                 "url_too_long", id="url-too-long"),
    pytest.param("/v1/check/urls", b'{"urls": "a.com"}', 422, "invalid_request",
                 id="string-for-list"),
    pytest.param("/v1/check/urls", b'{"urls": [1, 2]}', 422, "invalid_request",
                 id="numbers-in-list"),
    pytest.param("/v1/check/urls", json.dumps({"urls": ["a.com"] * (MAX_URLS + 1)}).encode(),
                 422, "too_many_urls", id="too-many-urls"),
    pytest.param("/v1/check/text", json.dumps({"text": "x" * (MAX_TEXT + 1)}).encode(), 422,
                 "text_too_long", id="text-too-long"),
    pytest.param("/v1/check/text", b'{"text": ["a"]}', 422, "invalid_request",
                 id="list-for-text"),
    pytest.param("/v1/check/text", b'{"text": "\\ud800 x.com"}', 422, "invalid_request",
                 id="lone-surrogate"),
    pytest.param("/v1/check/text", b"x" * (MAX_BODY + 1), 413, "body_too_large",
                 id="body-too-large"),
]


@pytest.mark.parametrize(("path", "body", "status", "code"), BAD_BODIES)
def test_bad_input_gets_a_clear_json_4xx(client: TestClient, path: str, body: bytes,
                                         status: int, code: str) -> None:
    response = client.post(path, content=body, headers={"content-type": "application/json"})
    _error(response, status, code)
    # the answer says where, not what: the client's input is not echoed back
    assert all("input" not in detail for detail in response.json()["error"]["details"])


def test_other_errors_are_json(client: TestClient) -> None:
    _error(client.get("/v1/nothing"), 404, "not_found")
    _error(client.get("/v1/check/url"), 405, "method_not_allowed")
    _error(client.post("/v1/check/url", content=b"url=a.com",
                       headers={"content-type": "application/x-www-form-urlencoded"}),
           422, "invalid_request")
    _error(client.post("/v1/check/url", content=b"{}", headers={"content-length": "x"}),
           400, "bad_content_length")


def test_an_unexpected_failure_still_answers_json(client: TestClient,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    from domainguard import Checker

    def broken(self: Checker, url: str) -> Any:
        raise RuntimeError(f"boom on {url}")

    monkeypatch.setattr(Checker, "check_url", broken)
    with caplog.at_level(logging.DEBUG):
        response = client.post("/v1/check/url", json={"url": "secret-marker.example"})
    _error(response, 500, "internal_error")
    assert "unexpected RuntimeError" in caplog.text
    assert "secret-marker" not in caplog.text


def _asgi_post(app: Any, headers: list[tuple[bytes, bytes]], chunk: bytes
               ) -> tuple[int, int]:
    """POST an endless body straight into the ASGI app: (status, chunks it pulled)."""
    pulled = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": "/v1/check/text",
             "raw_path": b"/v1/check/text", "query_string": b"", "root_path": "",
             "headers": [(b"content-type", b"application/json"), *headers],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    asyncio.run(app(scope, receive, send))
    return sent[0]["status"], pulled


def test_a_large_body_is_refused_before_it_is_read_whole() -> None:
    app = create_app()
    chunk = b" " * 65536
    # Content-Length over the limit: refused before a byte is read
    assert _asgi_post(app, [(b"content-length", b"99999999")], chunk) == (413, 0)
    # no Content-Length (chunked): refused as soon as the count passes the limit
    status, pulled = _asgi_post(app, [], chunk)
    assert status == 413
    assert pulled == MAX_BODY // len(chunk) + 1


def test_the_page_has_strict_headers_and_nothing_from_elsewhere(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["x-frame-options"] == "DENY"
    assert '<html lang="id">' in page.text
    assert "Cek tautan" in page.text
    for asset in ("/", "/static/app.js", "/static/app.css", "/static/icon.svg"):
        text = client.get(asset).text
        # works offline: no CDN, no web fonts, no scripts from elsewhere
        assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert "https://" not in text
        assert "@import" not in text
        assert "<script>" not in text  # inline scripts would need 'unsafe-inline'
    assert client.head("/").status_code == 200
    _error(client.get("/static/other.js"), 404, "not_found")


def test_api_answers_are_not_cached_and_have_no_cors_by_default(client: TestClient) -> None:
    response = client.post("/v1/check/url", json={"url": LOOKALIKE},
                           headers={"origin": "https://bot.example"})
    assert response.headers["cache-control"] == "no-store"
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/v1/check/url", headers={
        "origin": "https://bot.example", "access-control-request-method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_only_for_the_origins_listed() -> None:
    app = create_app(Settings(cors_origins=("https://desk.example",)))
    with TestClient(app) as c:
        allowed = c.post("/v1/check/url", json={"url": LOOKALIKE},
                         headers={"origin": "https://desk.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://desk.example"
        other = c.post("/v1/check/url", json={"url": LOOKALIKE},
                       headers={"origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_logs_hold_counts_and_timings_never_text_or_urls(
        client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="domainguard.server"):
        client.post("/v1/check/text", json={"text": f"{SCAM} kata-rahasia-xyz"})
        client.post("/v1/check/urls", json={"urls": [LOOKALIKE, "kata-rahasia-xyz.com"]})
        client.get("/v1/kata-rahasia-xyz")
        client.post("/v1/check/url", content=b'{"url": "kata-rahasia-xyz.com",')
    lines = [r.getMessage() for r in caplog.records if r.name == "domainguard.server"]
    assert len(lines) == 4
    assert lines[0].startswith("POST /v1/check/text 200 items=3 ")
    assert lines[1].startswith("POST /v1/check/urls 200 items=2 ")
    assert lines[2].startswith("GET - 404 ")
    assert "kata-rahasia" not in caplog.text
    assert "dukcapil" not in caplog.text


def test_a_custom_registry(tmp_path: Any) -> None:
    registry = tmp_path / "bank.txt"
    registry.write_text("klikbca.com | custom | BCA | - | test\n", encoding="utf-8")
    app = create_app(Settings(registry_files=(str(registry),), only_registry=True))
    with TestClient(app) as c:
        record = c.post("/v1/check/url", json={"url": "klikbca-login.com"}).json()
        assert (record["verdict"], record["target"]) == ("lookalike", "klikbca.com")
        assert c.get("/v1/versions").json()["data"]["registry_entries"] == "1"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), lang=st.sampled_from(["en", "id"]))
def test_any_message_gets_links_that_point_into_it(client: TestClient, text: str,
                                                   lang: str) -> None:
    response = client.post("/v1/check/text", json={"text": text, "lang": lang})
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        assert response.status_code == 422
        return
    assert response.status_code == 200, response.text
    for link in response.json()["links"]:
        assert text[link["start"]:link["end"]] == link["raw"]
        assert link["lang"] == lang


def test_serve_without_the_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    monkeypatch.setitem(sys.modules, "domainguard.server", None)
    assert main(["serve"]) == 2
    assert "pip install 'domainguard[server]'" in capsys.readouterr().err


def test_serve_usage() -> None:
    assert main(["serve", "--workers", "0"]) == 2
    with pytest.raises(SystemExit) as done:
        main(["serve", "--help"])
    assert done.value.code == 0


_CLIENT: Final = """
import json, sys, time, urllib.request
base = sys.argv[1]
deadline = time.monotonic() + 90
while True:
    try:
        urllib.request.urlopen(base + "/v1/health", timeout=2).read()
        break
    except OSError:
        if time.monotonic() > deadline:
            raise
        time.sleep(0.2)
answers = []
for _ in range(4):  # enough requests to reach both workers
    request = urllib.request.Request(base + "/v1/check/url", method="POST",
        data=json.dumps({"url": "klikbca-login.com/rahasia"}).encode(),
        headers={"content-type": "application/json"})
    answers.append(json.loads(urllib.request.urlopen(request, timeout=10).read()))
print(json.dumps(answers))
"""


def test_serve_runs_workers_that_read_the_registry_file_and_log_no_urls(tmp_path: Any) -> None:
    registry = tmp_path / "bank.txt"
    registry.write_text("klikbca.com | custom | BCA | - | test\n", encoding="utf-8")
    with socket.socket() as probe:  # a free loopback port (bind only: no connection here)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "domainguard", "serve", "--port", str(port), "--workers", "2",
         "--registry", str(registry), "--only-registry"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # the client is another process: this one refuses connections (conftest.py)
        done = subprocess.run([sys.executable, "-c", _CLIENT, f"http://127.0.0.1:{port}"],
                              capture_output=True, text=True, timeout=120)
    finally:
        server.terminate()
        _, log = server.communicate(timeout=30)
    assert done.returncode == 0, done.stderr + log
    answers = json.loads(done.stdout)
    assert {(a["verdict"], a["target"]) for a in answers} == {("lookalike", "klikbca.com")}
    assert "POST /v1/check/url 200 items=1" in log
    assert "klikbca-login" not in log
    assert "rahasia" not in log


SERVER_MODULES: Final = ("fastapi", "starlette", "uvicorn", "pydantic", "anyio",
                         "domainguard.server")


def test_importing_domainguard_loads_no_server_stack() -> None:
    code = ("import json, sys, domainguard; domainguard.check_text('a dukcapil-ikd.com b'); "
            "print(json.dumps(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    loaded = set(json.loads(done.stdout))
    assert [name for name in SERVER_MODULES if name in loaded] == []
