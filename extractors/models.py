"""Plain data passed between the extractors, the CLI and the warehouse.

Every fact carries character offsets into the article's clean text, so that `text == clean[char_start:char_end]`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# The kinds of fact the contract lists, in its order: each is a list in `ilp extract`'s output and a table.
FACT_KINDS = ("dates", "facility_counts", "people", "locations", "events")


@dataclass(frozen=True)
class CleanArticle:
    """An article after boilerplate removal: the text every offset points into."""

    source: str
    article_id: str
    text: str
    title: str | None = None
    published_date: str | None = None
    url: str | None = None
    content_hash: str | None = None
    language: str = "id"


@dataclass(frozen=True)
class DateMention:
    text: str
    start: str
    end: str
    char_start: int
    char_end: int
    sentence: str = ""


@dataclass(frozen=True)
class FacilityCount:
    facility_type: str
    count: int
    status: str
    text: str
    char_start: int
    char_end: int
    of_total: int | None = None
    percent: float | None = None
    location_code: str | None = None
    sentence: str = ""
    scope: str | None = None
    """"region" (the count is about `location_code`) or "facility_area" (one puskesmas's working area)."""
    scope_facility: str | None = None
    """For a facility-area count, the puskesmas whose area it is ("Puskesmas Sukamaju"), when named."""
    as_of: str | None = None
    """When the figure was true: the sentence's own date, else the article's reported day (never a target)."""
    as_of_source: str | None = None
    """"sentence"; "same_figure" (the same figure, given elsewhere in the article with a date); "published" (the
    article's published date); "reported" (no published date: the newest full date the article gives)."""
    target_date: str | None = None
    """A date the sentence sets as the aim ("ditargetkan pada 2026")."""


@dataclass(frozen=True)
class Person:
    name: str
    text: str
    char_start: int
    char_end: int
    honorific: str | None = None
    degrees: tuple[str, ...] = ()
    role: str | None = None
    organization: str | None = None


@dataclass(frozen=True)
class Location:
    name: str
    type: str
    text: str
    char_start: int
    char_end: int
    code: str | None = None


@dataclass(frozen=True)
class Event:
    event_type: str
    evidence: str
    char_start: int
    char_end: int
    start: str | None = None
    end: str | None = None
    facility: str | None = None
    facility_type: str | None = None
    location_code: str | None = None
    actors: tuple[str, ...] = ()
    counts: tuple[int, ...] = ()
    """Indexes into the article's facility_counts that belong to this event."""
    date_source: str | None = None
    """Where start/end come from: "sentence" (its own sentence), "follow_up" (the next sentence, which goes on
    about it), "reported" (no date of its own: the day the article reports, from an attribution near the
    published date), "article" (the text gives it no date: `start`/`end` stay empty and `timeline_start` is
    the article's reported day), or None when undated and the article has no date either."""
    timeline_start: str | None = None
    """Where a timeline places the event: its own start, else the article's reported day."""
    timeline_end: str | None = None


@dataclass(frozen=True)
class ArticleFacts:
    article: CleanArticle
    is_ilp: bool
    dates: tuple[DateMention, ...] = ()
    facility_counts: tuple[FacilityCount, ...] = ()
    people: tuple[Person, ...] = ()
    locations: tuple[Location, ...] = ()
    events: tuple[Event, ...] = ()
    main_region: str | None = None

    @property
    def reported_date(self) -> str | None:
        """When the story is from: its published date, else the newest full date it gives."""
        from extractors.coverage import reported_day

        day = reported_day(self.article.published_date, self.dates)
        return day[0] if day else None

    def to_contract(self) -> dict[str, Any]:
        """The JSON object `ilp extract` prints for this article (CONTRACT.md)."""
        from extractors.identity import fact_ids

        a = self.article
        ids = fact_ids(self)
        return {
            "source": a.source,
            "article_id": a.article_id,
            "title": a.title,
            "published_date": a.published_date,
            "is_ilp": self.is_ilp,
            "dates": _with_ids(ids["dates"], (_public(d, drop=("sentence",)) for d in self.dates)),
            "facility_counts": _with_ids(
                ids["facility_counts"], (_public(c, drop=("sentence",)) for c in self.facility_counts)
            ),
            "people": _with_ids(ids["people"], (_public(p) for p in self.people)),
            "locations": _with_ids(ids["locations"], (_public(loc) for loc in self.locations)),
            "events": _with_ids(ids["events"], (_public(e, drop=("counts",)) for e in self.events)),
        }


def _with_ids(ids: list[str], items) -> list[dict[str, Any]]:
    return [{"fact_id": fact_id, **item} for fact_id, item in zip(ids, items, strict=True)]


def _public(obj: Any, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    out = {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(obj).items() if k not in drop}
    return out


@dataclass(frozen=True)
class ParsedArticle:
    """An article's facts before events are assembled from them (the stage between the two)."""

    article: CleanArticle
    sentences: tuple[tuple[int, int], ...]
    dates: tuple[DateMention, ...]
    facility_counts: tuple[FacilityCount, ...]
    people: tuple[Person, ...]
    places: Any  # extractors.locations.LocationResult: deduplicated locations plus every mention
    is_ilp: bool


@dataclass(frozen=True)
class Reject:
    """An input that could not be turned into an article, and why."""

    source: str
    reason: str


@dataclass
class RawInput:
    """One input file as read: decoded text or HTML, plus what the file itself says about it."""

    source: str
    path: str
    kind: str  # "text" or "html"
    content: str
    content_hash: str
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
