"""The "Cek tautan" page in a real browser: Debian's chromium, driven by Playwright.

A server on a loopback port serves the page; the test pastes a scam message, presses the button
with the keyboard, and reads the verdicts and explanations from the page, then switches to
English and reads them again. Screenshots are saved as artifacts (pytest's temporary directory,
or ``DOMAINGUARD_SCREENSHOTS``). Without a chromium binary the test skips, except under CI,
where a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

from domainguard.server import create_app

CHROMIUM: Final = next((path for path in (os.environ.get("DOMAINGUARD_CHROMIUM"),
                                          shutil.which("chromium"), "/usr/bin/chromium")
                        if path and os.path.exists(path)), None)
IN_CI: Final = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# the flags this machine's chromium needs when the network is closed (no update or sync calls)
FLAGS: Final = ["--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync"]
SCAM: Final = ("Yth. Bapak/Ibu, data KTP Anda belum terverifikasi. Segera aktivasi IKD di "
               "https://dukcapil-kemendagri.com/aktivasi sebelum 30 Juni 😟, atau hubungi "
               "wa.me/628123456789. Info resmi: dukcapil.kemendagri.go.id")

if CHROMIUM is None:
    why = "no chromium binary (apt-get install chromium) for the browser test"
    if IN_CI:
        pytest.fail(f"CI=true but {why}", pytrace=False)
    pytest.skip(why, allow_module_level=True)

try:
    from playwright.sync_api import Browser, Page, ViewportSize, expect, sync_playwright
except ImportError:
    if IN_CI:
        raise
    pytest.skip("playwright is not installed", allow_module_level=True)

PHONE: Final = ViewportSize(width=390, height=844)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(create_app(), log_level="warning", access_log=False,
                            lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive(), "the server stopped while starting"
        assert time.monotonic() < deadline, "the server did not start in 30 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("DOMAINGUARD_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _items(page: Page) -> list[dict[str, Any]]:
    return [{"class": item.get_attribute("class"), "text": item.inner_text()}
            for item in page.locator("#links > li").all()]


def test_a_scam_message_in_indonesian_then_english(base_url: str, browser: Browser,
                                                   screenshots: Path) -> None:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(base_url)
            else problems.append(f"request elsewhere: {r.url}"))
    page.goto(base_url + "/")
    assert page.get_attribute("html", "lang") == "id"
    assert page.locator("h1").inner_text() == "Cek tautan"

    # keyboard only: the message box has a label, the button is reached with Tab
    box = page.get_by_label("Pesan atau tautan")
    box.focus()
    page.keyboard.insert_text(SCAM)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "check"
    page.keyboard.press("Enter")
    status = page.locator("#status")
    # waits through locators: the page's CSP forbids the eval behind wait_for_function
    expect(page.locator("#links > li")).to_have_count(3)
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text().startswith("3 tautan ditemukan")

    # every link is marked in place, in the order it was written
    marks = page.locator("#marked mark").all()
    assert [m.get_attribute("class") for m in marks] == [
        "v-lookalike", "v-unrelated", "v-official"]
    assert marks[0].inner_text().startswith("https://dukcapil-kemendagri.com/aktivasi")
    assert "TIRUAN" in marks[0].inner_text()
    assert page.locator("#marked").inner_text().replace("[1: TIRUAN]", "").replace(
        "[2: TIDAK TERKAIT]", "").replace("[3: RESMI]", "") == SCAM

    lookalike, unrelated, official = _items(page)
    assert lookalike["class"] == "v-lookalike"
    assert "TIRUAN" in lookalike["text"]
    assert "Meniru: dukcapil.kemendagri.go.id" in lookalike["text"]
    assert "meniru situs resmi dukcapil.kemendagri.go.id" in lookalike["text"]
    assert "tanda hubung" in lookalike["text"]  # the reason, in plain Indonesian
    # unrelated is never shown as safe
    assert "TIDAK TERKAIT" in unrelated["text"]
    assert "bukan jaminan aman" in unrelated["text"]
    assert "RESMI" in official["text"]
    assert not page.locator("#links").get_by_text("AMAN", exact=True).count()

    # readable on a phone: nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(screenshots / "cek-tautan-id.png"), full_page=True)

    page.get_by_role("button", name="English").click()
    expect(page.locator("#status")).to_have_text(re.compile(r"^3 links found"))
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator("h1").inner_text() == "Check a link"
    assert "?lang=en" in page.url
    lookalike, unrelated, official = _items(page)
    assert "LOOKALIKE" in lookalike["text"]
    assert "This link imitates the official site dukcapil.kemendagri.go.id" in lookalike["text"]
    assert "hyphen" in lookalike["text"]
    assert "UNRELATED" in unrelated["text"]
    assert "not a promise that it is safe" in unrelated["text"]
    assert "OFFICIAL" in official["text"]
    page.screenshot(path=str(screenshots / "cek-tautan-en.png"), full_page=True)

    # the strict CSP let the page work: no blocked script, style or request
    assert problems == []
    context.close()


def test_the_english_page_by_address_and_an_empty_message(base_url: str,
                                                          browser: Browser) -> None:
    page = browser.new_page()
    page.goto(base_url + "/?lang=en")
    assert page.get_attribute("html", "lang") == "en"
    page.get_by_role("button", name="Check", exact=True).click()
    assert page.locator("#status").inner_text() == "Paste a message or a link first."
    page.get_by_label("Message or link").fill("no links here, just words")
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.locator("#status")).to_have_text("There are no links in this message.")
    assert page.locator("#results").is_hidden()
    page.close()
