"""A stable identity for every extracted fact (`fact_id`), so that a reviewer's verdict outlives re-extraction.

The same fact read again from the same source gets the same id: same URL (or file name when there is
none), same kind of fact, same sentence around it and same span text. Nothing else goes in. Offsets
move when the article's text changes elsewhere, and sentence splitting may change with an extractor
upgrade, so neither is used: the sentence is cut from the text by punctuation and line breaks alone.
When the same span appears twice in one sentence, its occurrence number tells them apart.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import TYPE_CHECKING

from extractors.lang import word_set

if TYPE_CHECKING:
    from extractors.models import ArticleFacts

__all__ = ["display_bounds", "fact_ids", "fact_key", "sentence_around", "sentence_bounds"]

# Where a sentence ends for identity purposes: . ! ? followed by a space, or a line break.
_BOUNDARY = re.compile(r"[.!?](?=\s)|\n")
_SPACE = re.compile(r"\s+")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the stretch of text around [start, end) between sentence-ending punctuation or line breaks
    begins and ends."""
    left = max((m.end() for m in _BOUNDARY.finditer(text, 0, start)), default=0)
    right_match = _BOUNDARY.search(text, end)
    return left, right_match.end() if right_match else len(text)


_LAST_WORD = re.compile(r"(\S+)\.\s*$")


def _ends_in_abbreviation(chunk: str) -> bool:
    """Whether a chunk ends in a title, degree or initial ("dr.", "H.", "M.Kes.", "S."): not a sentence end."""
    match = _LAST_WORD.search(chunk)
    if not match:
        return False
    word = match.group(1).lstrip("(,")
    known = word_set("honorifics") | word_set("degrees")
    return len(word) == 1 and word.isupper() or "." in word or word in known or f"{word}." in known


def display_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence to show a reviewer around [start, end): the identity sentence, widened over titles,
    degrees and initials that end in a full stop (fact identity cuts there; a reader should not)."""
    left, right = sentence_bounds(text, start, end)
    for _ in range(3):
        if left > 0 and _ends_in_abbreviation(text[max(0, left - 16) : left]):
            left = sentence_bounds(text, left - 1, left - 1)[0]
        if right < len(text) and _ends_in_abbreviation(text[max(0, right - 16) : right]):
            right = sentence_bounds(text, right, right)[1]
    while left < start and text[left].isspace():
        left += 1
    return left, right


def sentence_around(text: str, start: int, end: int) -> str:
    """The stretch of text around [start, end), with its spaces collapsed: what a fact's identity uses."""
    left, right = sentence_bounds(text, start, end)
    return _SPACE.sub(" ", text[left:right]).strip()


def fact_key(kind: str, source: str, sentence: str, span: str, detail: str = "", occurrence: int = 0) -> str:
    """The id of one fact: a hash of what makes it the same fact (16 hex digits)."""
    parts = [kind, source, _SPACE.sub(" ", sentence).strip(), _SPACE.sub(" ", span).strip(), detail, str(occurrence)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def fact_ids(facts: ArticleFacts) -> dict[str, list[str]]:
    """fact_id of every date, count, person, location and event of the article, in their order."""
    article = facts.article
    source = article.url or article.source
    text = article.text
    seen: Counter = Counter()

    def ids(kind: str, items, detail=lambda item: "") -> list[str]:
        out = []
        for item in items:
            if kind == "events":  # an event's span is its sentence
                sentence, span = sentence_around(text, item.char_start, item.char_end), ""
            elif kind == "locations":  # a place the article names, once per (name, type), wherever it is
                sentence, span = "", item.name
            else:
                sentence, span = sentence_around(text, item.char_start, item.char_end), item.text
            key = (kind, sentence, span, detail(item))
            out.append(fact_key(kind, source, sentence, span, detail(item), seen[key]))
            seen[key] += 1
        return out

    return {
        "dates": ids("dates", facts.dates),
        "facility_counts": ids("facility_counts", facts.facility_counts, lambda c: c.facility_type),
        "people": ids("people", facts.people),
        "locations": ids("locations", facts.locations, lambda loc: loc.type),
        "events": ids("events", facts.events, lambda e: e.event_type),
    }
