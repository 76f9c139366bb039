"""The review queue: facts to check, the ones researchers cite most first, each with its evidence.

Order: first the figures the research views publish (a region's latest coverage figure), then launches,
then people with a role, then the other counts, events, people, places and dates. Within each, a fact
that more articles repeat comes first (checking it settles what many reports say), then the newest.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from extractors.identity import display_bounds
from warehouse.reviews import EDITABLE
from warehouse.schema import FACT_TABLES


@dataclass(frozen=True)
class QueueFilter:
    """What a reviewer asked for: a kind of fact, a region (code prefix), article dates, and whether
    facts already reviewed are shown too."""

    kind: str | None = None
    region: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    include_reviewed: bool = False
    fact_id: str | None = None


@dataclass
class QueueItem:
    fact_id: str
    kind: str
    summary: str
    values: dict[str, Any]
    review_status: str
    sentence: str
    span_start: int
    span_end: int
    """The fact's span within `sentence`, for highlighting."""
    article_id: str
    title: str | None
    source: str
    url: str | None
    reported_date: str | None
    region: str | None
    tier: int
    cited: int
    extracted: dict[str, Any] = field(default_factory=dict)

    @property
    def span(self) -> str:
        return self.sentence[self.span_start : self.span_end]


_EXTRA = {
    "dates": "",
    "facility_counts": ", f.location_name, f.scope_facility",
    "people": ", f.degrees",
    "locations": "",
    "events": ", f.location_name",
}


def _summary(kind: str, v: dict[str, Any]) -> str:
    if kind == "facility_counts":
        total = f" of {v['of_total']}" if v.get("of_total") is not None else ""
        where = v.get("location_name") or v.get("location_code") or "no region"
        area = f", area of Puskesmas {v['scope_facility']}" if v.get("scope") == "facility_area" else ""
        return f"{v['count']}{total} {v['facility_type']} {v['status']} — {where}{area}"
    if kind == "people":
        return f"{v['name']} — {v['role']}" if v.get("role") else str(v["name"])
    if kind == "locations":
        return f"{v['name']} ({v['type']}{', ' + v['code'] if v.get('code') else ''})"
    if kind == "events":
        when = v.get("start") or "undated"
        if v.get("end") and v.get("end") != v.get("start"):
            when += f" to {v['end']}"
        where = v.get("location_name") or v.get("location_code") or "no region"
        what = f", {v['facility_type'] or ''} {v['facility']}".rstrip() if v.get("facility") else ""
        return f"{v['event_type']} {when} — {where}{what}"
    return v["start"] if v["start"] == v["end"] else f"{v['start']} to {v['end']}"


def _tier(kind: str, v: dict[str, Any], published: set[int], row_id: int) -> int:
    if kind == "facility_counts":
        return 0 if row_id in published else 3
    if kind == "events":
        return 1 if v["event_type"] == "launch" else 4
    if kind == "people":
        return 2 if v.get("role") else 5
    return 6 if kind == "locations" else 7


def _cited_key(kind: str, v: dict[str, Any]) -> tuple:
    if kind == "facility_counts":
        return (v.get("location_code"), v["facility_type"], v["count"], v["status"])
    if kind == "people":
        return (" ".join(str(v["name"]).casefold().split()),)
    if kind == "events":
        return (v["event_type"], v.get("location_code"), v.get("start"))
    if kind == "locations":
        return (str(v["name"]).casefold(), v["type"])
    return (v["start"], v["end"])


def _region_of(kind: str, v: dict[str, Any], main_region: str | None) -> str | None:
    code = v.get("code") if kind == "locations" else v.get("location_code")
    return code or main_region


def review_queue(db: Database, wanted: QueueFilter | None = None, limit: int | None = 50) -> list[QueueItem]:
    """Facts to review in the order above, filtered as asked."""
    return review_queue_page(db, wanted, limit)[0]


def review_queue_page(
    db: Database, wanted: QueueFilter | None = None, limit: int | None = 50
) -> tuple[list[QueueItem], int]:
    """The first `limit` facts of the queue, and how many the queue holds. Sentences are cut only for the
    facts returned, so a page of a large warehouse costs little more than its ranking."""
    wanted = wanted or QueueFilter()
    published = {r[0] for r in db.execute("select count_id from latest_coverage")}
    kinds = [wanted.kind] if wanted.kind in FACT_TABLES else list(FACT_TABLES)
    ranked: list[tuple[tuple, str, dict, int]] = []
    for kind in kinds:
        fields = list(EDITABLE[kind])
        columns = ", ".join(f"f.[{c}]" for c in fields)
        rows = db.execute(
            f"select f.id, f.fact_id, f.review_status, f.extracted, f.char_start, f.char_end, a.article_id, "
            f"a.title, a.source, a.url, a.reported_date, a.main_region, a.main_region_name, {columns}{_EXTRA[kind]} "
            f"from [{kind}] f join articles a on a.article_id = f.article_id "
            "where f.fact_id is not null and a.duplicate_of is null" + (" and f.fact_id = ?" if wanted.fact_id else ""),
            [wanted.fact_id] if wanted.fact_id else [],
        ).fetchall()
        names = ["id", "fact_id", "review_status", "extracted", "char_start", "char_end", "article_id", "title"]
        names += ["source", "url", "reported_date", "main_region", "main_region_name"]
        names += fields + [c.strip().removeprefix("f.") for c in _EXTRA[kind].split(",") if c.strip()]
        dicts = [dict(zip(names, r, strict=True)) for r in rows]
        cited = {key: len(article_ids) for key, article_ids in _articles_per_key(kind, dicts).items()}
        for r in dicts:
            if _wanted(wanted, kind, r):
                tier, n = _tier(kind, r, published, r["id"]), cited[_cited_key(kind, r)]
                ranked.append(((tier, -n, _newest_first(r["reported_date"]), r["fact_id"]), kind, r, n))
    ranked.sort(key=lambda entry: entry[0])
    chosen = ranked[:limit] if limit else ranked
    return [_item(db, kind, r, key[0], n) for key, kind, r, n in chosen], len(ranked)


def _wanted(wanted: QueueFilter, kind: str, r: dict) -> bool:
    if r["review_status"] != "unreviewed" and not wanted.include_reviewed:
        return False
    if wanted.region and not (_region_of(kind, r, r["main_region"]) or "").startswith(wanted.region):
        return False
    day = r["reported_date"] or ""
    if wanted.date_from and (not day or day < wanted.date_from):
        return False
    return not (wanted.date_to and (not day or day[: len(wanted.date_to)] > wanted.date_to))


def _item(db: Database, kind: str, r: dict, tier: int, cited: int) -> QueueItem:
    text = db.execute("select text from articles where article_id = ?", [r["article_id"]]).fetchone()[0]
    start, end = r["char_start"] or 0, r["char_end"] or 0
    left, right = display_bounds(text, start, end)
    values = {f: r[f] for f in EDITABLE[kind]}
    return QueueItem(
        fact_id=r["fact_id"],
        kind=kind,
        summary=_summary(kind, r),
        values=values,
        review_status=r["review_status"],
        sentence=text[left:right],
        span_start=start - left,
        span_end=end - left,
        article_id=r["article_id"],
        title=r["title"],
        source=r["source"],
        url=r["url"],
        reported_date=r["reported_date"],
        region=r.get("location_name") or r["main_region_name"],
        tier=tier,
        cited=cited,
        extracted=values | json.loads(r["extracted"] or "{}"),
    )


def _articles_per_key(kind: str, rows: list[dict]) -> dict[tuple, set[str]]:
    out: dict[tuple, set[str]] = {}
    for r in rows:
        out.setdefault(_cited_key(kind, r), set()).add(r["article_id"])
    return out


def _newest_first(day: str | None) -> str:
    """A sort key that puts later dates first and undated last."""
    if not day:
        return "~"
    return "".join(chr(0x7E - ord(c) + 0x20) if c.isdigit() else c for c in day)
