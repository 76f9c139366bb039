"""Issue 5: fetching from the web, against a server these tests start on 127.0.0.1 (no internet)."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import dagster as dg
import pytest

from fetching.http import Fetcher, FetchPolicy, stored_path
from fetching.ingest import ingest
from ilp.cli import main
from ilp.run import run_pipeline
from warehouse.schema import open_db

ARTICLE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Portal</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2024-08-12T09:00:00+07:00">
</head><body><nav>Beranda | Daerah | Kesehatan</nav><article><h1>{title}</h1>
<p>{city} - Dinas Kesehatan Kabupaten {kab} menggelar sosialisasi Integrasi Layanan Primer (ILP) kepada
kepala puskesmas pada Senin (12/8/2024). Sebanyak 14 puskesmas mengikuti kegiatan tersebut.</p>
<p>Kepala Dinas Kesehatan {kab}, dr. Rahmawati, mengatakan penerapan ILP dimulai dari posyandu.</p>
</article><footer>Hak cipta Portal</footer></body></html>"""

NOT_ILP = """<html><head><title>Pasar</title></head><body><article><h1>Harga Beras Stabil</h1>
<p>Harga beras di pasar tradisional Kota Bandung stabil menjelang akhir pekan, kata pedagang.</p>
<p>Pedagang berharap pasokan dari daerah tetap lancar sampai akhir bulan.</p></article></body></html>"""

ENGLISH = """<html><head><title>Health news</title></head><body><article><h1>Integrated primary care</h1>
<p>The district health office in Garut said that the integrated primary care program (ILP) is being expanded to
all community health centers this year, and that it was welcomed by the local council.</p></article></body></html>"""


def feed(base: str) -> str:
    items = [
        ("ILP mulai diterapkan di Garut", f"{base}/news/garut-ilp.html"),
        ("Harga beras stabil", f"{base}/news/pasar.html"),
        ("Sosialisasi integrasi layanan primer di Subang", f"{base}/news/subang-ilp.html"),
    ]
    body = "".join(f"<item><title>{t}</title><link>{u}</link><description>{t}</description></item>" for t, u in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Portal</title>{body}</channel></rss>'


class Site(BaseHTTPRequestHandler):
    """The test site: articles, a feed, a sitemap, robots.txt and every kind of failure."""

    hits: dict[str, int] = {}
    agents: list[str] = []

    def log_message(self, *args):  # keep test output clean
        pass

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", headers=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - http.server's name
        path = self.path
        Site.hits[path] = Site.hits.get(path, 0) + 1
        Site.agents.append(self.headers.get("User-Agent", ""))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path == "/news/garut-ilp.html":
            return self.send(200, ARTICLE.format(title="ILP di Garut", city="GARUT", kab="Garut").encode())
        if path == "/news/subang-ilp.html":
            return self.send(200, ARTICLE.format(title="ILP di Subang", city="SUBANG", kab="Subang").encode())
        if path == "/news/cp1252.html":
            page = ARTICLE.format(title="ILP di Cianjur", city="CIANJUR", kab="Cianjur").replace(
                "dr. Rahmawati", "dr. Rahmawati Café"
            )
            return self.send(
                200, page.replace('<meta charset="utf-8">', "").encode("cp1252"), "text/html; charset=windows-1252"
            )
        if path == "/news/pasar.html":
            return self.send(200, NOT_ILP.encode())
        if path == "/news/english.html":
            return self.send(200, ENGLISH.encode())
        if path == "/feed.xml":
            return self.send(200, feed(base).encode(), "application/rss+xml")
        if path == "/sitemap.xml":
            urls = "".join(f"<url><loc>{base}/news/{n}</loc></url>" for n in ("garut-ilp.html", "subang-ilp.html"))
            return self.send(200, f'<?xml version="1.0"?><urlset>{urls}</urlset>'.encode(), "application/xml")
        if path == "/slow":
            time.sleep(2)
            return self.send(200, b"<html><body>late</body></html>")
        if path == "/huge":
            return self.send(200, b"<html><body>" + b"x" * 300_000 + b"</body></html>")
        if path == "/doc.pdf":
            return self.send(200, b"%PDF-1.4 ...", "application/pdf")
        if path == "/flaky":
            if Site.hits[path] == 1:
                return self.send(503, b"busy")
            return self.send(200, ARTICLE.format(title="ILP di Bekasi", city="BEKASI", kab="Bekasi").encode())
        if path == "/loop":
            return self.send(302, b"", headers={"Location": "/loop"})
        if path == "/to-ftp":
            return self.send(302, b"", headers={"Location": "ftp://127.0.0.1/file"})
        if path.startswith("/private/"):
            return self.send(200, ARTICLE.format(title="Rahasia", city="X", kab="Garut").encode())
        return self.send(404, b"not found")


@pytest.fixture
def site():
    Site.hits, Site.agents = {}, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


# The test site runs on 127.0.0.1, a non-public address: these tests allow it by name.
FAST = FetchPolicy(
    timeout=1.0, max_bytes=100_000, retries=1, backoff=0.0, min_interval=0.0, allow_private_addresses=True
)


def fetch_all(raw_dir: Path, urls: list[str], **kw):
    results, errors = ingest(raw_dir, urls=urls, policy=FetchPolicy(**vars(FAST)), **kw)
    return {r.url.rsplit("/", 1)[-1]: r for r in results}, errors


def test_each_failure_is_named_and_the_rest_goes_on(site, tmp_path):
    names = ["garut-ilp.html", "missing", "slow", "huge", "doc.pdf", "loop", "to-ftp", "x.html", "flaky"]
    urls = [
        f"{site}/news/garut-ilp.html",
        f"{site}/missing",
        f"{site}/slow",
        f"{site}/huge",
        f"{site}/doc.pdf",
        f"{site}/loop",
        f"{site}/to-ftp",
        f"{site}/private/x.html",
        f"{site}/flaky",
    ]
    results, _ = fetch_all(tmp_path, urls)
    assert set(results) == set(names)
    reasons = {name: r.reason for name, r in results.items()}
    assert reasons["garut-ilp.html"] == "fetched" and reasons["flaky"] == "fetched"  # 503 retried
    assert reasons["missing"] == "HTTP 404"
    assert reasons["slow"].startswith("timed out")
    assert reasons["huge"].startswith("too large")
    assert reasons["doc.pdf"].startswith("not HTML")
    assert reasons["loop"].startswith("too many redirects")
    assert reasons["to-ftp"].startswith("refused")
    assert reasons["x.html"] == "disallowed by robots.txt"
    assert Site.hits.get("/private/x.html") is None
    assert all("ILP-Monitor" in agent for agent in Site.agents)


def test_raw_bytes_and_fetch_metadata_are_stored(site, tmp_path):
    url = f"{site}/news/cp1252.html"
    results, _ = fetch_all(tmp_path, [url])
    page = stored_path(tmp_path, url)
    assert results["cp1252.html"].path == page and page.read_bytes().decode("cp1252").count("Café") == 1
    meta = json.loads(page.with_name(page.name + ".meta").read_text())
    assert meta["url"] == url and meta["status"] == 200 and meta["content_hash"] == results["cp1252.html"].content_hash
    assert "windows-1252" in meta["content_type"] and meta["fetched_at"]
    assert page.resolve().is_relative_to(tmp_path.resolve())


def test_a_stored_url_is_not_fetched_again(site, tmp_path):
    url = f"{site}/news/garut-ilp.html"
    fetch_all(tmp_path, [url])
    results, _ = fetch_all(tmp_path, [url])
    assert results["garut-ilp.html"].reason == "already stored"
    assert Site.hits["/news/garut-ilp.html"] == 1
    results, _ = fetch_all(tmp_path, [url], refetch=True)
    assert results["garut-ilp.html"].reason == "fetched" and Site.hits["/news/garut-ilp.html"] == 2


@pytest.mark.parametrize("listing", ["feed.xml", "sitemap.xml"])
def test_feed_and_sitemap_discovery_keeps_new_matching_urls(site, tmp_path, listing):
    results, errors = ingest(
        tmp_path,
        feeds=[f"{site}/{listing}"],
        policy=FetchPolicy(**vars(FAST)),
        keywords=["ILP", "integrasi layanan primer"],
    )
    assert errors == []
    assert sorted(r.url.rsplit("/", 1)[-1] for r in results) == ["garut-ilp.html", "subang-ilp.html"]
    again, _ = ingest(
        tmp_path,
        feeds=[f"{site}/{listing}"],
        policy=FetchPolicy(**vars(FAST)),
        keywords=["ILP", "integrasi layanan primer"],
    )
    assert again == []  # nothing new


def test_sources_file(site, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'keywords = ["Subang"]\npages = ["{site}/news/pasar.html"]\n[[feeds]]\nurl = "{site}/feed.xml"\n'
    )
    results, _ = ingest(tmp_path / "raw", sources=sources, policy=FetchPolicy(**vars(FAST)))
    assert sorted(r.url.rsplit("/", 1)[-1] for r in results) == ["pasar.html", "subang-ilp.html"]


def test_per_host_rate_limit(site, tmp_path):
    waits = []
    fetcher = Fetcher(
        tmp_path, policy=FetchPolicy(min_interval=0.5, backoff=0.0, allow_private_addresses=True), sleep=waits.append
    )
    fetcher.fetch(f"{site}/news/garut-ilp.html")
    fetcher.fetch(f"{site}/news/subang-ilp.html")
    fetcher.close()
    assert waits and all(0 < w <= 0.5 for w in waits)


def test_non_http_schemes_are_refused(tmp_path):
    fetcher = Fetcher(tmp_path, policy=FAST)
    for url in ("file:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)", "http://"):
        result = fetcher.fetch(url)
        assert not result.ok and result.reason.startswith("refused")
    fetcher.close()


def test_cli_prints_a_line_per_url_and_exits_1_on_failure(site, tmp_path, capsys):
    code = main(
        [
            "ingest",
            "--allow-private-addresses",
            "--raw-dir",
            str(tmp_path),
            f"{site}/news/garut-ilp.html",
            f"{site}/missing",
        ]
    )
    out = capsys.readouterr().out.splitlines()
    assert code == 1 and len(out) == 2
    assert out[0].startswith("ok\t") and out[1].startswith("FAILED\t") and "HTTP 404" in out[1]


def test_fetched_pages_reach_the_warehouse_with_url_title_and_date(site, tmp_path):
    raw = tmp_path / "raw"
    urls = [
        f"{site}/news/garut-ilp.html",
        f"{site}/news/cp1252.html",
        f"{site}/news/pasar.html",
        f"{site}/news/english.html",
    ]
    fetch_all(raw, urls)
    assert run_pipeline(raw, tmp_path / "ilp.db") == 0
    db = open_db(str(tmp_path / "ilp.db"))
    rows = {r["url"]: r for r in db.query("select * from articles")}
    garut = rows[f"{site}/news/garut-ilp.html"]
    assert (garut["title"], garut["published_date"], garut["is_ilp"], garut["language"]) == (
        "ILP di Garut",
        "2024-08-12",
        1,
        "id",
    )
    assert "Café" in rows[f"{site}/news/cp1252.html"]["text"]
    pasar = rows[f"{site}/news/pasar.html"]
    assert pasar["is_ilp"] == 0
    assert db.execute("select count(*) from events where article_id = ?", [pasar["article_id"]]).fetchone()[0] == 0
    assert rows[f"{site}/news/english.html"]["language"] == "en"


def test_web_ingest_asset_materialises_offline(site, tmp_path):
    from pipelines.assets.web import web_pages
    from pipelines.definitions import build_resources

    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'keywords = ["ILP"]\npages = []\nallow_private_addresses = true\n[[feeds]]\nurl = "{site}/feed.xml"\n'
    )
    result = dg.materialize(
        [web_pages], resources=build_resources(str(tmp_path / "raw"), str(tmp_path / "w.db"), str(sources))
    )
    assert result.success
    meta = result.asset_materializations_for_node("web_pages")[0].metadata
    assert meta["fetched"].value == 2 and meta["failed"].value == 0


@pytest.mark.parametrize(
    ("robots_status", "allowed"),
    [
        pytest.param(200, False, id="robots-disallows-the-path"),
        pytest.param(404, True, id="no-robots-allows-everything"),
        pytest.param(503, False, id="unreachable-robots-disallows-everything"),
        pytest.param(None, False, id="no-answer-disallows-everything"),
    ],
)
def test_robots_txt_is_read_as_rfc_9309_says(tmp_path, robots_status, allowed):
    import httpx

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            if robots_status is None:
                raise httpx.ConnectError("connection refused", request=request)
            return httpx.Response(robots_status, text="User-agent: *\nDisallow: /berita/\n")
        return httpx.Response(200, html=ARTICLE.format(title="ILP di Garut", city="GARUT", kab="Garut"))

    fetcher = Fetcher(tmp_path, policy=FAST, transport=httpx.MockTransport(answer))
    assert fetcher.allowed("http://portal.example/berita/ilp.html") is allowed
    fetcher.close()


def test_non_public_addresses_are_refused_unless_allowed(site, tmp_path):
    """A feed entry or a page pointing at loopback, private or link-local addresses is not fetched."""
    import httpx

    fetcher = Fetcher(tmp_path, policy=FetchPolicy(timeout=1.0, retries=0, backoff=0.0, min_interval=0.0))
    for url in (f"{site}/news/garut-ilp.html", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/"):
        result = fetcher.fetch(url)
        assert not result.ok and result.reason.startswith("refused:") and "non-public address" in result.reason
    fetcher.close()
    assert not list(tmp_path.rglob("*.html"))

    def redirect_inward(request: httpx.Request) -> httpx.Response:  # a public page that redirects inward
        return httpx.Response(302, headers={"Location": f"{site}/news/garut-ilp.html"})

    fetcher = Fetcher(
        tmp_path, policy=FetchPolicy(retries=0, respect_robots=False), transport=httpx.MockTransport(redirect_inward)
    )
    result = fetcher.fetch("http://portal.example/berita/ilp.html")
    assert not result.ok and "non-public address" in result.reason
    fetcher.close()


def test_a_sources_file_listing_an_internal_address_fetches_nothing_from_it(site, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text('keywords = ["ILP"]\npages = ["http://127.0.0.1:9/admin"]\n')
    results, _ = ingest(tmp_path / "raw", sources=sources)
    assert [r.ok for r in results] == [False] and "non-public address" in results[0].reason
