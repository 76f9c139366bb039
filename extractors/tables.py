"""Facts as one table per type (pandas), each row carrying its article id."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict

import pandas as pd

from extractors.models import ParsedArticle

_COLUMNS = {
    "dates": ["article_id", "text", "start", "end", "char_start", "char_end", "sentence"],
    "facility_counts": [
        "article_id",
        "facility_type",
        "count",
        "status",
        "of_total",
        "percent",
        "location_code",
        "text",
        "char_start",
        "char_end",
        "sentence",
    ],
    "people": ["article_id", "name", "honorific", "degrees", "role", "organization", "text", "char_start", "char_end"],
    "locations": ["article_id", "name", "type", "code", "text", "char_start", "char_end"],
}


def fact_frames(parsed: Iterable[ParsedArticle]) -> dict[str, pd.DataFrame]:
    rows: dict[str, list[dict]] = {k: [] for k in _COLUMNS}
    for p in parsed:
        aid = p.article.article_id
        for name, items in (
            ("dates", p.dates),
            ("facility_counts", p.facility_counts),
            ("people", p.people),
            ("locations", p.places.locations),
        ):
            rows[name].extend({"article_id": aid, **asdict(item)} for item in items)
    return {name: pd.DataFrame(rows[name], columns=cols) for name, cols in _COLUMNS.items()}
