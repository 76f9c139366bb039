"""Find article URLs in RSS/Atom feeds and XML sitemaps, keeping the new ones that match keywords."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import feedparser

from fetching.http import Fetcher, stored_path

DEFAULT_KEYWORDS = (
    "ILP",
    "integrasi layanan primer",
    "integrasi pelayanan primer",
    "integrasi pelayanan kesehatan primer",
    "integrasi layanan kesehatan primer",
    "posyandu siklus hidup",
    "transformasi layanan primer",
)
_LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    url: str
    title: str = ""
    summary: str = ""


def parse_listing(data: bytes) -> tuple[list[Candidate], list[str]]:
    """(articles, nested sitemaps) from a feed or a sitemap body."""
    head = data[:2000].decode("utf-8", errors="replace").lower()
    if "<urlset" in head or "<sitemapindex" in head:
        locs = [m.group(1).strip() for m in _LOC.finditer(data.decode("utf-8", errors="replace"))]
        if "<sitemapindex" in head:
            return [], locs
        return [Candidate(u) for u in locs], []
    feed = feedparser.parse(data)
    out = []
    for entry in feed.entries:
        link = entry.get("link")
        if link:
            out.append(Candidate(link, entry.get("title", ""), entry.get("summary", "")))
    return out, []


def matches(candidate: Candidate, keywords: tuple[str, ...] | list[str]) -> bool:
    """A keyword in the title, summary or URL slug; acronyms ("ILP") as whole words, in capitals outside URLs."""
    if not keywords:
        return True
    text = f"{candidate.title} {candidate.summary}"
    slug = re.sub(r"[-_/.]+", " ", candidate.url.lower())
    for keyword in keywords:
        if keyword.isupper():
            if re.search(rf"\b{re.escape(keyword)}\b", text) or re.search(rf"\b{re.escape(keyword.lower())}\b", slug):
                return True
        elif keyword.lower() in text.lower() or keyword.lower() in slug:
            return True
    return False


def discover(
    fetcher: Fetcher, listing_url: str, keywords: tuple[str, ...] | list[str] = DEFAULT_KEYWORDS, depth: int = 1
) -> tuple[list[str], str | None]:
    """New article URLs a feed or sitemap lists (and that match a keyword); (urls, error)."""
    if fetcher.policy.respect_robots and not fetcher.allowed(listing_url):
        return [], "disallowed by robots.txt"
    try:
        response, body = fetcher.get_capped(listing_url)
    except Exception as exc:  # noqa: BLE001 - a listing that cannot be read is reported, not raised
        return [], f"cannot read listing: {type(exc).__name__}: {exc}"
    if response.status_code != 200:
        return [], f"HTTP {response.status_code}"
    candidates, nested = parse_listing(body)
    urls = [c.url for c in candidates if matches(c, keywords)]
    if depth > 0:
        for sub in nested[:50]:
            more, _ = discover(fetcher, sub, keywords, depth - 1)
            urls += more
    raw_dir = Path(fetcher.raw_dir)
    return [u for u in dict.fromkeys(urls) if not stored_path(raw_dir, u).exists()], None
