"""Issue 14: the review page, the way a researcher uses it: `make review` serves the warehouse in Datasette
with the page at /-/review; headless Chromium (driven by Playwright) reviews facts with the keyboard.

Screenshots go to build/screenshots/ (review_queue.png, review_edit.png, review_done.png) to look at.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM_FLAGS, ROOT
from tests.test_reviews import PASER, TAPIN, write
from warehouse.schema import open_db

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
SHOTS = ROOT / "build" / "screenshots"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    """The warehouse of two articles, served as `make review` serves it."""
    path = tmp_path / "ilp.db"
    db = open_db(str(path))
    write(db, TAPIN, "tapin.txt")
    write(db, PASER, "paser.txt", "2025-05-08")
    db.conn.close()
    port = free_port()
    datasette = Path(sys.executable).parent / "datasette"
    server = subprocess.Popen(
        [str(datasette), "serve", str(path), "--metadata", str(ROOT / "warehouse" / "datasette.json")]
        + ["--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        pytest.fail(f"datasette did not start: {server.stderr.read().decode()}")
    yield base, path
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def page():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=list(CHROMIUM_FLAGS))
        tab = browser.new_page(viewport={"width": 1100, "height": 1000})
        yield tab
        browser.close()


def reviews(path: Path) -> list[tuple]:
    db = open_db(str(path), readonly=True)
    return db.execute("select kind, verdict, field, value, reviewer, note from reviews order by review_id").fetchall()


def test_a_researcher_reviews_facts_with_the_keyboard(served, page):
    base, path = served
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{base}/-/review")
    first = page.locator("#fact-0")
    assert first.locator(".kind").inner_text() == "published coverage figure"
    assert first.locator("mark").inner_text() in first.locator("blockquote").inner_text()
    assert first.locator(".meta").inner_text().count("2025-06-20") == 1  # the article's date
    page.screenshot(path=SHOTS / "review_queue.png", full_page=True)

    page.fill("#reviewer", "Sari")
    page.dispatch_event("#reviewer", "change")
    page.locator("#fact-0 .summary").click()
    page.keyboard.press("a")  # correct
    page.wait_for_selector("#fact-0.verified")
    page.keyboard.press("n")  # a note, then reject
    page.keyboard.type("angka lama")
    page.locator("#fact-1 .summary").click()
    page.keyboard.press("x")
    page.wait_for_selector("#fact-1.wrong")
    page.keyboard.press("j")  # the third is current after the verdict: on to the fourth, back and again
    page.keyboard.press("k")
    page.keyboard.press("j")
    page.keyboard.press("e")  # edit the fourth: the launch, after the three published figures
    card = page.locator("#fact-3")
    assert card.locator(".kind").inner_text() == "launch"
    field = card.locator("select").input_value()
    page.keyboard.press("Control+a")
    page.keyboard.type("dua belas")  # not a value its field takes: the page says why
    page.keyboard.press("Enter")
    card.locator(".error").wait_for(state="visible")
    error = card.locator(".error").inner_text()
    page.screenshot(path=SHOTS / "review_edit.png", full_page=True)
    card.locator("select").select_option("start")
    card.locator("form input").fill("2025-03-04")
    card.locator("form input").press("Enter")
    page.wait_for_selector("#fact-3.corrected")
    page.screenshot(path=SHOTS / "review_done.png", full_page=True)

    assert field == "event_type" and "'dua belas' is not one of launch" in error
    assert reviews(path) == [
        ("facility_counts", "correct", None, None, "Sari", None),
        ("facility_counts", "wrong", None, None, "Sari", "angka lama"),
        ("events", "edit", "start", "2025-03-04", "Sari", None),
        ("events", "edit", "end", "2025-03-04", "Sari", None),  # a single day stays one
    ]
    # A reload shows what is left: the three reviewed facts are gone from the queue.
    page.reload()
    assert page.locator(".fact.unreviewed").count() == page.locator(".fact").count()
    progress = page.locator("table tr", has_text="facility_counts").inner_text().split()
    assert progress == ["facility_counts", "6", "2", "1", "0", "1", "50%"]
    assert page.locator("table tr", has_text="events").inner_text().split()[2:6] == ["1", "0", "1", "0"]
    # The corrected launch date is what the launches view gives now.
    db = open_db(str(path), readonly=True)
    assert db.execute("select first_launch from ilp_launches where region_code = '63.05'").fetchone() == ("2025-03-04",)


def test_filters_narrow_the_queue(served, page):
    base, _ = served
    page.goto(f"{base}/-/review")
    page.select_option("select[name=kind]", "people")
    page.fill("input[name=region]", "64")
    page.locator("form.filters button").click()
    page.wait_for_url("**kind=people**")
    summaries = page.locator(".fact .summary").all_inner_texts()
    assert summaries == ["Agus Salim — Sekretaris Dinas Kesehatan Paser"]
    page.fill("input[name=region]", "")
    page.fill("input[name=from]", "2025-06-01")
    page.locator("form.filters button").click()
    page.wait_for_url("**from=2025-06-01**")
    assert page.locator(".fact .summary").all_inner_texts() == ["Rahmawati — Kepala Dinas Kesehatan Kabupaten Tapin"]


@pytest.mark.parametrize(
    ("content_type", "cookie", "status"),
    [
        ("application/x-www-form-urlencoded", "ds_csrftoken=forged", 403),  # Datasette's CSRF check
        ("text/plain", None, 415),  # what a form on another site can send, without the cookie
    ],
)
def test_a_verdict_posted_from_another_site_is_refused(served, content_type, cookie, status):
    """The page posts JSON with Datasette's CSRF token; a form posted from elsewhere can do neither."""
    base, path = served
    db = open_db(str(path), readonly=True)
    fact_id = db.execute("select fact_id from people limit 1").fetchone()[0]
    headers = {"content-type": content_type} | ({"cookie": cookie} if cookie else {})
    request = urllib.request.Request(
        f"{base}/-/review/verdict",
        data=f'{{"fact_id": "{fact_id}", "verdict": "wrong"}}'.encode(),
        headers=headers,
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == status
    assert reviews(path) == []
