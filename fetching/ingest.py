"""`ilp ingest` and the Dagster web-ingest asset share this: read sources, discover, fetch."""

from __future__ import annotations

import tomllib
from pathlib import Path

import httpx

from fetching.discover import DEFAULT_KEYWORDS, discover
from fetching.http import Fetcher, FetchPolicy, FetchResult


def load_sources(path: Path) -> dict:
    """feeds (list of {url, name}), pages (list of URLs) and keywords from a TOML sources file."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        "feeds": [f["url"] if isinstance(f, dict) else str(f) for f in data.get("feeds", [])],
        "pages": [str(p) for p in data.get("pages", [])],
        "keywords": list(data.get("keywords", DEFAULT_KEYWORDS)),
        # Feeds on an intranet: fetching from non-public addresses must be asked for by name.
        "allow_private_addresses": bool(data.get("allow_private_addresses", False)),
    }


def ingest(
    raw_dir: Path,
    urls: list[str] | None = None,
    feeds: list[str] | None = None,
    sources: Path | None = None,
    keywords: list[str] | None = None,
    refetch: bool = False,
    respect_robots: bool = True,
    allow_private_addresses: bool = False,
    policy: FetchPolicy | None = None,
    transport: httpx.BaseTransport | None = None,
) -> tuple[list[FetchResult], list[str]]:
    """Fetch the URLs given, listed in `sources`, and found in feeds; returns (results, listing errors)."""
    urls, feeds = list(urls or []), list(feeds or [])
    if sources is not None:
        listed = load_sources(sources)
        feeds += listed["feeds"]
        urls += listed["pages"]
        keywords = keywords or listed["keywords"]
        allow_private_addresses = allow_private_addresses or listed["allow_private_addresses"]
    policy = policy or FetchPolicy()
    policy.respect_robots = respect_robots
    policy.allow_private_addresses = policy.allow_private_addresses or allow_private_addresses
    fetcher = Fetcher(raw_dir, policy=policy, transport=transport)
    errors = []
    try:
        for feed in feeds:
            found, error = discover(fetcher, feed, keywords or list(DEFAULT_KEYWORDS))
            if error:
                errors.append(f"{feed}\t{error}")
            urls += found
        results = [fetcher.fetch(url, refetch=refetch) for url in dict.fromkeys(urls)]
    finally:
        fetcher.close()
    return results, errors
