"""Turn a read input into clean article text: page chrome out, title and published date kept.

HTML goes through trafilatura (main text) with the page's own metadata; plain text goes
through line rules for the chrome that copy-pasted news pages carry (weather widgets,
"Advertisement", "Baca Juga:" links, share and tag blocks).
"""

from __future__ import annotations

import contextlib
import hashlib
import re

from extractors.dates.patterns import WEEKDAY
from extractors.language import detect_language
from extractors.models import CleanArticle, RawInput, Reject

# Lines that are page chrome wherever they stand.
_CHROME_LINE = re.compile(
    r"""^(?:
        -?\s*advertisements?\s*-? | iklan | scroll\ to\ (?:continue|resume).* | share | bagikan | spot_img
        | baca\ (?:juga|pula|selengkapnya)\b.* | lihat\ juga\b.* | simak\ (?:juga|berita).* | berita\ hari\s?ini
        | \d{1,2}\s*°?\s*[CF] | (?:facebook|twitter|whatsapp|telegram|linkedin|copy\ link)(?:\s*[|/]\s*\w+)*
        | ikuti\ (?:kami|berita).* | .*google\ news.* | follow\ us.* | loading\.{0,3} | home\s*[>»›].*
        | (?:reporter|penulis|pewarta|fotografer|foto|sumber|editor|redaktur|penyunting)\s*:.{0,80}
        | dapatkan\ (?:update|berita|informasi).* | klik\ (?:di\ ?sini|link).* | artikel\ ini\ telah\ tayang.*
        | (?:gabung|bergabung)(?:lah)?\ (?:di|ke|dengan)\ (?:grup|channel|saluran).* | download\ aplikasi.*
        | (?:whatsapp|telegram)\ channel.* | \(?\s*(?:adv|advertorial|iklan)\s*\)?
      )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Lines after which the rest of the page is not the article.
_TRAILER_LINE = re.compile(
    r"""^(?:tags?\s*:?.* | topik\s*:.* | berita\ (?:lainnya|terkait|terbaru|populer|pilihan) | read\ more | local\ news
        | artikel\ terkait | komentar | tinggalkan\ komentar.* | related\ posts?.* | share\ this.* | editor\s*:.*
        | copyright\b.* | ©.*)$""",
    re.IGNORECASE | re.VERBOSE,
)
_WEATHER = re.compile(r"^\d{1,2}\s*°?\s*[CF]$", re.IGNORECASE)
_HEADER_DATE = re.compile(
    rf"^(?:{WEEKDAY},?\s+)?[\w ,/.-]{{6,30}}\d{{4}}(?:\s*[|,-]?\s*\d{{1,2}}[:.]\d{{2}}(?:\s*\w{{2,4}})?)?$",
    re.IGNORECASE,
)


# A byline under the headline: "Kamis, 6 Maret 2025 | 10:15 WIB", "Oleh Rahmat | Kamis, 18 Juli 2024 09:30 WITA",
# "Diterbitkan 6 Maret 2025", "Rabu, 12/02/2026 14:20". What marks it: a weekday, a clock time, a separator
# or a publishing word, in a short line that is not a sentence.
_BYLINE_MARK = re.compile(
    rf"^{WEEKDAY}\b|\d{{1,2}}[:.]\d{{2}}\s*(?:wib|wita|wit)?\b|\||"
    r"\b(?:wib|wita|wit|oleh|penulis|reporter|pewarta|editor|diterbitkan|dipublikasikan|diposting|diunggah|posted"
    r"|published|update[d]?|terbit)\b",
    re.IGNORECASE,
)


def byline_date(line: str) -> str | None:
    """The publication day a byline line gives, or None when the line is not a byline."""
    from extractors.dates import extract_dates

    if len(line) > 120 or (line.endswith(".") and not re.search(r"\b(?:wib|wita|wit)\.?$", line, re.I)):
        return None
    if not _BYLINE_MARK.search(line):
        return None
    days = {d.start for d in extract_dates(line) if d.start == d.end and len(d.start) == 10}
    return days.pop() if len(days) == 1 else None


# No news article is longer; a longer "article" is a dump or an attack, and extraction time grows with it.
MAX_TEXT_CHARS = 300_000


def article_id_for(text: str) -> str:
    """Stable id: the same clean text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def clean(raw: RawInput) -> CleanArticle | Reject:
    """Clean one input; a page with no article body is a Reject, not an empty article."""
    title = raw.extra.get("title")
    published = raw.extra.get("published_date")
    url = raw.url
    if raw.kind == "html":
        body, meta = _html_main_text(raw.content)
        title = title or meta.get("title")
        published = published or meta.get("date")
        url = url or meta.get("url")
        lines = body.splitlines()
    else:
        lines = raw.content.replace("\r\n", "\n").replace("\r", "\n").splitlines()
    text, header_date, first_line_title = clean_lines(lines)
    published = _iso_day(published) or header_date
    if not title and first_line_title:
        title = first_line_title
    if len(text) > MAX_TEXT_CHARS:
        return Reject(raw.source, f"article text too long ({len(text)} characters; limit {MAX_TEXT_CHARS})")
    if len(text) < 40 or len(re.findall(r"\w+", text)) < 8:
        return Reject(raw.source, "no article body found (under 8 words after removing page chrome)")
    return CleanArticle(
        source=raw.source,
        article_id=article_id_for(text),
        text=text,
        title=title,
        published_date=published,
        url=url,
        content_hash=raw.content_hash,
        language=detect_language(text),
    )


def clean_lines(lines: list[str]) -> tuple[str, str | None, str | None]:
    """Drop chrome lines and the trailer; returns (text, date from a page header, title-like first line)."""
    from extractors.dates import parse_standalone_date

    kept: list[str] = []
    header_date: str | None = None
    skip_next_short = False
    for raw_line in lines:
        line = _strip_invisible(raw_line).strip()
        if not line:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        if skip_next_short and len(line) <= 30 and not line.endswith("."):
            skip_next_short = False
            continue  # the city under a weather widget's temperature
        skip_next_short = False
        if _WEATHER.match(line):
            skip_next_short = True
            continue
        if _TRAILER_LINE.match(line) and kept:
            if any(len(k) >= 100 for k in kept):
                break
            continue  # "Editor: ..." in the byline block above the story is chrome, not the story's end
        if _CHROME_LINE.match(line):
            continue
        if not any(k for k in kept if k) and _HEADER_DATE.match(line):
            parsed = parse_standalone_date(line)
            if parsed:
                header_date = header_date or parsed
                continue
        if header_date is None and len([k for k in kept if k]) < 5:
            byline = byline_date(line)
            if byline:
                header_date = byline
                continue
        kept.append(line)
    while kept and kept[-1] == "":
        kept.pop()
    text = "\n".join(kept)
    first = next((k for k in kept if k), None)
    title = None
    if first and len(first) <= 200 and not first.endswith((".", "|")) and len([k for k in kept if k]) > 1:
        title = first
    return text, header_date, title


_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")


def _strip_invisible(s: str) -> str:
    return _INVISIBLE.sub("", s).replace("\u00a0", " ").replace("\t", " ")


def _iso_day(value: str | None) -> str | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _htmldate(html: str) -> dict[str, str]:
    """The page's publication date by htmldate's heuristics (URL, JSON-LD, visible dates)."""
    try:
        from htmldate import find_date

        found = find_date(html, original_date=True, extensive_search=False)
    except Exception:  # htmldate gives up on odd markup; the date is then simply unknown
        found = None
    return {"date": found} if found else {}


def _read_soup(soup, meta: dict[str, str], body: str) -> str:
    """Title, date and URL from the page's own tags; the <article> text when trafilatura found none."""
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    og_title = soup.find("meta", attrs={"property": "og:title"})
    h1 = soup.find("h1")
    if og_title and og_title.get("content"):
        meta["title"] = str(og_title["content"]).strip()
    elif h1 and h1.get_text(strip=True):
        meta["title"] = h1.get_text(" ", strip=True)
    elif soup.title and soup.title.string:
        meta["title"] = soup.title.string.strip()
    for attrs in (
        {"property": "article:published_time"},
        {"name": "pubdate"},
        {"itemprop": "datePublished"},
        {"name": "date"},
        {"property": "og:published_time"},
    ):
        tag = soup.find("meta", attrs=attrs)
        if tag and tag.get("content"):
            meta["date"] = str(tag["content"])
            break
    if "date" not in meta:
        t = soup.find("time", attrs={"datetime": True})
        if t:
            meta["date"] = str(t["datetime"])
    canon = soup.find("link", attrs={"rel": "canonical"}) or soup.find("meta", attrs={"property": "og:url"})
    if canon is not None:
        href = canon.get("href") or canon.get("content")
        if href:
            meta["url"] = str(href)
    if not body:
        article = soup.find("article") or soup.find("main")
        if article is not None:
            body = "\n".join(p.get_text(" ", strip=True) for p in article.find_all(["p", "h1", "h2", "li"]))
    return body


def _html_main_text(html: str) -> tuple[str, dict[str, str]]:
    """Main text via trafilatura, metadata via trafilatura and the page's own tags."""
    import trafilatura
    from bs4 import BeautifulSoup

    meta: dict[str, str] = {}
    body = ""
    try:
        body = (
            trafilatura.extract(
                html, include_comments=False, include_tables=False, favor_precision=True, deduplicate=False
            )
            or ""
        )
    except Exception:  # trafilatura raises on some malformed pages; fall back below
        body = ""
    try:
        soup = BeautifulSoup(html, "html.parser")
    except Exception:
        soup = None
    if soup is not None:
        with contextlib.suppress(RecursionError, ValueError, AttributeError, TypeError):  # hostile markup
            body = _read_soup(soup, meta, body)
    if "date" not in meta:
        meta.update(_htmldate(html))
    if "title" in meta and body and not body.startswith(meta["title"]):
        body = meta["title"] + "\n" + body
    return body, meta
