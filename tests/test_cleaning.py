import json
from pathlib import Path

import pytest

from extractors.article import load_clean
from extractors.cleaning import byline_date, clean, clean_lines
from extractors.models import CleanArticle, Reject
from extractors.reading import decode_bytes, list_inputs, parse_input_bytes, read_input

RAW = Path(__file__).resolve().parent.parent / "raw_articles"
BODY = "Dinas Kesehatan Kabupaten Garut menggelar sosialisasi ILP di Puskesmas Cibatu pada 3 Mei 2024 bersama kader."


def test_page_chrome_is_removed():
    lines = [
        "28 C",
        "Medan",
        "Jumat, November 22, 2024",
        "Judul Berita ILP",
        "- Advertisement -",
        "Share",
        BODY,
        "Baca Juga: Berita lain yang tidak terkait",
        "spot_img",
        BODY,
        "Tags",
        "Garut",
        "Berita Lainnya",
    ]
    text, header_date, title = clean_lines(lines)
    assert text == f"Judul Berita ILP\n{BODY}\n{BODY}"
    assert header_date == "2024-11-22"
    assert title == "Judul Berita ILP"


def test_article_id_is_stable_and_content_based(tmp_path: Path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(BODY, encoding="utf-8")
    b.write_text("- Advertisement -\n" + BODY, encoding="utf-8")
    first, second = load_clean(a), load_clean(b)
    assert isinstance(first, CleanArticle) and isinstance(second, CleanArticle)
    assert first.article_id == second.article_id == load_clean(a).article_id


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary file"),
        ("page.pdf", b"%PDF-1.4", "unsupported file type"),
        ("short.txt", b"Baca Juga: apa saja", "no article body"),
        ("nobody.html", b"<html><body><nav>Beranda | Daerah</nav></body></html>", "no article body"),
        ("broken.json", b"{not json", "invalid JSON"),
        ("list.json", b"[1, 2]", "must be an object"),
        ("nofield.json", b'{"title": "x"}', "no non-empty 'text' or 'html'"),
    ],
)
def test_bad_inputs_are_rejects_with_reasons(tmp_path: Path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    result = load_clean(path)
    assert isinstance(result, Reject)
    assert result.source == name
    assert reason in result.reason


def test_non_utf8_text_is_decoded(tmp_path: Path):
    path = tmp_path / "latin.txt"
    path.write_bytes((BODY + " Kafe Café.").encode("cp1252"))
    result = load_clean(path)
    assert isinstance(result, CleanArticle)
    assert "Café" in result.text


def test_declared_html_charset_is_used():
    html = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9</p></body></html>'.encode("cp1252")
    assert "Café" in decode_bytes(html, html=True)


def test_html_main_text_and_metadata():
    html = (
        "<html><head><title>Situs</title><meta property='og:title' content='ILP di Garut'>"
        "<meta property='article:published_time' content='2024-05-03T08:00:00+07:00'>"
        "<script>var iklan = 'jangan diekstrak';</script></head><body><nav>Beranda | Daerah | Olahraga</nav>"
        f"<article><h1>ILP di Garut</h1><p>{BODY}</p><p>{BODY.replace('Cibatu', 'Karangpawitan')}</p></article>"
        "<footer>© 2024 Redaksi</footer></body></html>"
    ).encode()
    raw = parse_input_bytes("garut.html", "garut.html", html)
    article = clean(raw)
    assert isinstance(article, CleanArticle)
    assert article.title == "ILP di Garut"
    assert article.published_date == "2024-05-03"
    assert "Cibatu" in article.text and "Karangpawitan" in article.text
    assert "jangan diekstrak" not in article.text and "Beranda" not in article.text and "©" not in article.text


def test_json_input_carries_metadata(tmp_path: Path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": BODY, "url": "https://contoh.id/a", "published_date": "2024-05-04"}))
    article = load_clean(path)
    assert isinstance(article, CleanArticle)
    assert (article.url, article.published_date) == ("https://contoh.id/a", "2024-05-04")


def test_missing_file_is_a_reject(tmp_path: Path):
    assert isinstance(read_input(tmp_path / "nope.txt"), Reject)


def test_same_page_again_in_one_process_gives_the_same_text():
    """trafilatura's cross-document deduplication must stay off: a re-run would lose paragraphs."""
    html = (RAW / "10_padang_pariaman_launching.html").read_bytes()
    texts = {clean(parse_input_bytes("p.html", "p.html", html)).text for _ in range(4)}
    assert len(texts) == 1


@pytest.mark.parametrize(
    "line",
    [
        "Reporter: Budi",
        "Editor : Tim Redaksi",
        "Dapatkan update berita pilihan setiap hari",
        "Klik di sini",
        "Artikel ini telah tayang di situs lain",
        "Gabung ke channel WhatsApp kami",
        "ADVERTISEMENT",
        "Scroll to continue with content",
        "Baca Juga: Judul lain",
        "28°C",
    ],
)
def test_chrome_lines(line):
    text, _, _ = clean_lines([BODY, line, BODY])
    assert line not in text


def test_list_inputs_walks_folders_in_order_and_skips_what_is_not_an_article(tmp_path):
    for name in ("b.txt", "a.HTML", "sub/c.json", "sub/deeper/d.htm", ".hidden.txt", "notes.md", "a b/e.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)  # a link back up must not be walked forever
    found = [p.relative_to(tmp_path).as_posix() for p in list_inputs([tmp_path])]
    assert found == ["a b/e.txt", "a.HTML", "b.txt", "sub/c.json", "sub/deeper/d.htm"]
    single = tmp_path / "notes.md"
    assert list_inputs([single, tmp_path / "sub"]) == [single, tmp_path / "sub/c.json", tmp_path / "sub/deeper/d.htm"]


@pytest.mark.parametrize(
    ("line", "day"),
    [
        pytest.param("Kamis, 6 Maret 2025 | 10:15 WIB", "2025-03-06", id="weekday-time"),
        pytest.param("Oleh Rahmat Hidayat | Kamis, 18 Juli 2024 09:30 WITA", "2024-07-18", id="author-and-date"),
        pytest.param("Rabu, 12/02/2026 14:20", "2026-02-12", id="numeric"),
        pytest.param("Diterbitkan 6 Maret 2025", "2025-03-06", id="publishing-word"),
        pytest.param("Penulis: Andi | Editor: Budi", None, id="no-date"),
        pytest.param("Kegiatan berlangsung Kamis, 6 Maret 2025 di aula.", None, id="a-sentence-is-not-a-byline"),
    ],
)
def test_byline_date(line, day):
    assert byline_date(line) == day


def test_byline_under_the_title_sets_the_published_date_and_leaves_the_text():
    text, header_date, title = clean_lines(["Judul ILP di Kendal", "Kamis, 6 Maret 2025 | 10:15 WIB", BODY])
    assert (header_date, title) == ("2025-03-06", "Judul ILP di Kendal")
    assert text == f"Judul ILP di Kendal\n{BODY}"


def test_an_editor_line_above_the_story_does_not_end_it():
    lines = ["Judul ILP di Seluma", "Kamis 28 Aug 2025 - 19:05 WIB", "Reporter : Dedi", "Editor : Rahmat", BODY, BODY]
    text, header_date, _ = clean_lines(lines)
    assert text == f"Judul ILP di Seluma\n{BODY}\n{BODY}"
    assert header_date == "2025-08-28"
