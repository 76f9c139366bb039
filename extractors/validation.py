"""Checks on extracted facts that hold for any article: every offset slices the clean text to the fact."""

from __future__ import annotations

from collections.abc import Iterable

from extractors.models import ArticleFacts


def offset_problems(facts: Iterable[ArticleFacts]) -> list[str]:
    """One line per fact whose [char_start:char_end] does not give back its `text` in its article's clean text."""
    bad = []
    for f in facts:
        text = f.article.text
        for kind, items in (
            ("date", f.dates),
            ("count", f.facility_counts),
            ("person", f.people),
            ("location", f.locations),
        ):
            for item in items:
                start, end = item.char_start, item.char_end
                if not (0 <= start <= end <= len(text)) or text[start:end] != item.text:
                    bad.append(f"{f.article.source} {kind} {start}-{end} {item.text!r}")
    return bad
