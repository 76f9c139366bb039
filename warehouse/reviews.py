"""Researchers' reviews of extracted facts, kept as data and applied to the facts they name.

A review names a fact by its stable `fact_id` (extractors.identity), so it outlives re-extraction: when an
article is written again its facts get the same ids, and `apply_reviews` applies their reviews again.
The fact tables hold the reviewed values: `review_status` (unreviewed, verified, corrected, wrong) and,
where a reviewer corrected a value, `extracted` (JSON) keeps the value the extractor gave. Research
views leave out facts marked wrong.

Reviews are append-only (the table refuses updates and deletes). The latest verdict on a fact decides its
status; the latest edit of a field decides that field's value. A `correct` after edits confirms the
corrected fact; an edit back to the extracted value undoes a correction.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from extractors.counts.patterns import FACILITY_TERMS, STATUS_CUES
from extractors.events.patterns import ACTIVITY_TRIGGERS, STATEMENT_TRIGGERS
from extractors.locations.patterns import FACILITY_TYPES as PLACE_FACILITY_TYPES
from warehouse.regions import fill_region_names
from warehouse.schema import FACT_TABLES

VERDICTS = ("correct", "wrong", "edit")

# The contract's vocabularies, as the extractors produce them.
FACILITY_TYPES = tuple(dict.fromkeys(kind for _, kind in FACILITY_TERMS))
COUNT_STATUSES = tuple(STATUS_CUES)
EVENT_TYPES = (*ACTIVITY_TRIGGERS, *STATEMENT_TRIGGERS, "coverage_report")
LOCATION_TYPES = (
    "provinsi",
    "kabupaten",
    "kota",
    "kecamatan",
    "desa",
    *PLACE_FACILITY_TYPES,
    "venue",
    "country",
    "other",
)


@dataclass(frozen=True)
class FieldRule:
    """What a reviewer may write into a field: its kind, whether it may be emptied, the allowed values."""

    kind: str  # text, integer, number, date, region or choice
    nullable: bool = True
    choices: tuple[str, ...] = ()


# The fields a reviewer may correct, per kind of fact (the contract's fields; offsets and spans are not
# corrected: a fact at the wrong place is marked wrong).
EDITABLE: dict[str, dict[str, FieldRule]] = {
    "dates": {"start": FieldRule("date", nullable=False), "end": FieldRule("date", nullable=False)},
    "facility_counts": {
        "facility_type": FieldRule("choice", False, FACILITY_TYPES),
        "count": FieldRule("integer", nullable=False),
        "status": FieldRule("choice", False, COUNT_STATUSES),
        "of_total": FieldRule("integer"),
        "percent": FieldRule("number"),
        "location_code": FieldRule("region"),
        "scope": FieldRule("choice", True, ("region", "facility_area")),
        "as_of": FieldRule("date"),
    },
    "people": {
        "name": FieldRule("text", nullable=False),
        "role": FieldRule("text"),
        "honorific": FieldRule("text"),
        "organization": FieldRule("text"),
    },
    "locations": {
        "name": FieldRule("text", nullable=False),
        "type": FieldRule("choice", False, LOCATION_TYPES),
        "code": FieldRule("region"),
    },
    "events": {
        "event_type": FieldRule("choice", False, EVENT_TYPES),
        "start": FieldRule("date"),
        "end": FieldRule("date"),
        "facility": FieldRule("text"),
        "facility_type": FieldRule("choice", True, FACILITY_TYPES),
        "location_code": FieldRule("region"),
    },
}
assert set(EDITABLE) == set(FACT_TABLES)

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Review:
    """One reviewer's verdict on one fact; `field` and `value` for an edit (an empty value empties it)."""

    fact_id: str
    verdict: str
    field: str | None = None
    value: str | None = None
    reviewer: str | None = None
    note: str | None = None
    reviewed_at: str | None = None
    """When it was made (ISO 8601), for reviews restored from a file; else the time it is recorded."""


class ReviewsRejected(ValueError):
    """Some reviews could not be taken, so none were. `problems`: (index of the review, why)."""

    def __init__(self, problems: list[tuple[int, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"review {i + 1}: {why}" for i, why in problems))


@dataclass(frozen=True)
class FactRef:
    """Where a fact is: its table (kind), row and article, and the values a reviewer may correct."""

    fact_id: str
    kind: str
    row_id: int
    article_id: str
    source: str
    span: str
    evidence: str
    values: dict[str, Any]
    """The values as they stand (reviewed)."""
    extracted: dict[str, Any]
    """The values as the extractor gave them."""


def normalise_value(rule: FieldRule, raw: str | None, regions: set[str]) -> str | None:
    """The value as stored in `reviews.value` (None empties the field); ValueError says what is wrong."""
    text = (raw or "").strip()
    if not text:
        if rule.nullable:
            return None
        raise ValueError("this field cannot be empty")
    if rule.kind == "integer":
        digits = text.replace(".", "").replace(",", "") if re.fullmatch(r"\d{1,3}([.,]\d{3})+", text) else text
        if not digits.isdigit():
            raise ValueError(f"{text!r} is not a whole number")
        return str(int(digits))
    if rule.kind == "number":
        try:
            number = float(text.replace(",", ".").rstrip("%").strip())
        except ValueError:
            raise ValueError(f"{text!r} is not a number") from None
        if not 0 <= number <= 100:
            raise ValueError(f"{text!r} is not a percentage between 0 and 100")
        return repr(number)
    if rule.kind == "date":
        match = _DATE.match(text)
        try:
            if not match:
                raise ValueError
            year, month, day = match.groups()
            dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            raise ValueError(f"{text!r} is not an ISO date (2024, 2024-10 or 2024-10-22)") from None
        return text
    if rule.kind == "region":
        if text not in regions:
            raise ValueError(f"{text!r} is not a Kemendagri region code (see the regions table)")
        return text
    if rule.kind == "choice":
        if text.lower() not in rule.choices:
            raise ValueError(f"{text!r} is not one of {', '.join(rule.choices)}")
        return text.lower()
    return " ".join(text.split())


def typed_value(rule: FieldRule, stored: str | None) -> Any:
    """A stored review value as the fact table holds it."""
    if stored is None:
        return None
    if rule.kind == "integer":
        return int(stored)
    if rule.kind == "number":
        return float(stored)
    return stored


def _article_text_span(db: Database, article_id: str, start: int, end: int) -> tuple[str, str]:
    """The fact's span and the sentence a reader sees around it."""
    from extractors.identity import display_bounds

    row = db.execute("select text from articles where article_id = ?", [article_id]).fetchone()
    text = row[0] if row else ""
    left, right = display_bounds(text, start, end)
    return text[start:end], " ".join(text[left:right].split())


def find_facts(db: Database, fact_ids: Iterable[str]) -> dict[str, FactRef]:
    """The facts with these ids that the warehouse holds now."""
    wanted = json.dumps(sorted(set(fact_ids)))
    found: dict[str, FactRef] = {}
    for kind in FACT_TABLES:
        fields = ", ".join(f"f.[{f}]" for f in EDITABLE[kind])
        rows = db.execute(
            f"select f.fact_id, f.id, f.article_id, a.source, f.char_start, f.char_end, f.extracted, {fields} "
            f"from [{kind}] f join articles a on a.article_id = f.article_id "
            "where f.fact_id in (select value from json_each(?))",
            [wanted],
        ).fetchall()
        for fact_id, row_id, article_id, source, start, end, replaced, *values in rows:
            span, evidence = _article_text_span(db, article_id, start or 0, end or 0)
            editable = dict(zip(EDITABLE[kind], values, strict=True))
            extracted = editable | json.loads(replaced or "{}")
            found[fact_id] = FactRef(fact_id, kind, row_id, article_id, source, span, evidence, editable, extracted)
    return found


def check_reviews(db: Database, reviews: Sequence[Review]) -> tuple[dict[str, FactRef], list[tuple[int, str]]]:
    """The facts the reviews name, and every problem found (index, why); nothing is written."""
    facts = find_facts(db, ((r.fact_id or "").strip() for r in reviews))
    regions = {r[0] for r in db.execute("select code from regions")}
    problems: list[tuple[int, str]] = []
    for i, review in enumerate(reviews):
        fact = facts.get((review.fact_id or "").strip())
        verdict = (review.verdict or "").strip().lower()
        if fact is None:
            problems.append((i, f"no fact with fact_id {review.fact_id!r} in the warehouse"))
            continue
        if verdict not in VERDICTS:
            problems.append((i, f"verdict {review.verdict!r} is not one of {', '.join(VERDICTS)}"))
            continue
        field = (review.field or "").strip()
        if verdict != "edit":
            if field or (review.value or "").strip():
                problems.append((i, f"field and value go with verdict edit, not {verdict}"))
            continue
        if not field:
            problems.append((i, "an edit needs the field it corrects"))
            continue
        rule = EDITABLE[fact.kind].get(field)
        if rule is None:
            editable = ", ".join(EDITABLE[fact.kind])
            problems.append((i, f"{fact.kind} have no editable field {field!r} (editable: {editable})"))
            continue
        try:
            normalise_value(rule, review.value, regions)
        except ValueError as exc:
            problems.append((i, f"{field}: {exc}"))
    for i, review in enumerate(reviews):
        if review.reviewed_at:
            try:
                dt.datetime.fromisoformat(review.reviewed_at.strip())
            except ValueError:
                problems.append((i, f"reviewed_at {review.reviewed_at!r} is not an ISO 8601 time"))
    if not problems:
        problems = _inconsistent_results(db, facts, reviews, regions)
    return facts, problems


def _inconsistent_results(
    db: Database, facts: dict[str, FactRef], reviews: Sequence[Review], regions: set[str]
) -> list[tuple[int, str]]:
    """Edits that, with the fact's earlier reviews, would leave it self-contradictory (more facilities
    than the total, an end before the start); the last review of such a fact is named."""
    last: dict[str, int] = {}
    for i, review in enumerate(reviews):
        last[review.fact_id.strip()] = i
    problems = []
    for fact_id, i in last.items():
        fact = facts[fact_id]
        history = db.execute(
            "select verdict, field, value from reviews where fact_id = ? order by review_id", [fact_id]
        ).fetchall()
        for review in reviews:
            if review.fact_id.strip() == fact_id:
                field = (review.field or "").strip() or None
                value = normalise_value(EDITABLE[fact.kind][field], review.value, regions) if field else None
                history.append((review.verdict.strip().lower(), field, value))
        status, values = review_outcome(fact.kind, fact.extracted, history)
        if status == "wrong":
            continue
        total, count = values.get("of_total"), values.get("count")
        if total is not None and count is not None and count > total:
            problems.append((i, f"count {count} would exceed of_total {total}"))
        start, end = values.get("start"), values.get("end")
        if start and end and start[: len(end)] > end[: len(start)]:
            problems.append((i, f"end {end} would come before start {start}"))
    return problems


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def add_reviews(db: Database, reviews: Sequence[Review], at: str | None = None) -> list[int]:
    """Record the reviews and apply them, all or none: any bad review raises ReviewsRejected and nothing
    is written. Returns the new review ids."""
    facts, problems = check_reviews(db, reviews)
    if problems:
        raise ReviewsRejected(problems)
    regions = {r[0] for r in db.execute("select code from regions")}
    stamp = at or now()
    ids = []
    with db.atomic():
        for review in reviews:
            fact = facts[review.fact_id.strip()]
            verdict = review.verdict.strip().lower()
            field = (review.field or "").strip() or None
            value = normalise_value(EDITABLE[fact.kind][field], review.value, regions) if field else None
            cursor = db.execute(
                "insert into reviews (fact_id, kind, verdict, field, value, reviewer, note, reviewed_at, source, "
                "span, evidence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    fact.fact_id,
                    fact.kind,
                    verdict,
                    field,
                    value,
                    (review.reviewer or "").strip() or None,
                    (review.note or "").strip() or None,
                    (review.reviewed_at or "").strip() or stamp,
                    fact.source,
                    fact.span,
                    fact.evidence,
                ],
            )
            ids.append(cursor.lastrowid)
        apply_reviews(db, fact_ids=[f.fact_id for f in facts.values()])
    return ids


def review_outcome(kind: str, extracted: dict[str, Any], reviews: Iterable[tuple]) -> tuple[str, dict[str, Any]]:
    """A fact's status and reviewed values from its reviews in order: (verdict, field, value) each."""
    status, values, last = "unreviewed", dict(extracted), None
    for verdict, field, value in reviews:
        last = verdict
        if verdict == "edit" and field in EDITABLE[kind]:
            values[field] = typed_value(EDITABLE[kind][field], value)
    if last is None:
        return status, values
    corrected = any(values[f] != extracted[f] for f in values)
    if last == "wrong":
        return "wrong", values
    return ("corrected" if corrected else "verified"), values


def apply_reviews(db: Database, article_ids: Iterable[str] | None = None, fact_ids: Iterable[str] | None = None) -> int:
    """Write each reviewed fact's status and values from its reviews (of the given articles or facts,
    else every fact). Returns how many fact rows changed. Call inside the caller's transaction."""
    scope, params = "", []
    if article_ids is not None:
        scope, params = " and f.article_id in (select value from json_each(?))", [json.dumps(list(article_ids))]
    elif fact_ids is not None:
        scope, params = " and f.fact_id in (select value from json_each(?))", [json.dumps(list(fact_ids))]
    changed, touched_articles = 0, set()
    for kind in FACT_TABLES:
        fields = list(EDITABLE[kind])
        rows = db.execute(
            f"select f.id, f.fact_id, f.article_id, f.review_status, f.extracted, "
            f"{', '.join(f'f.[{c}]' for c in fields)} from [{kind}] f "
            f"where f.fact_id in (select fact_id from reviews){scope}",
            params,
        ).fetchall()
        for row_id, fact_id, article_id, old_status, old_extracted, *current in rows:
            now_values = dict(zip(fields, current, strict=True))
            extracted = now_values | json.loads(old_extracted or "{}")
            history = db.execute(
                "select verdict, field, value from reviews where fact_id = ? order by review_id", [fact_id]
            ).fetchall()
            status, values = review_outcome(kind, extracted, history)
            replaced = {f: extracted[f] for f in fields if values[f] != extracted[f]}
            new_extracted = json.dumps(replaced, ensure_ascii=False, sort_keys=True) if replaced else None
            if status == old_status and values == now_values and new_extracted == old_extracted:
                continue
            assignments = ", ".join(f"[{f}] = ?" for f in fields)
            db.execute(
                f"update [{kind}] set {assignments}, review_status = ?, extracted = ? where id = ?",
                [*(values[f] for f in fields), status, new_extracted, row_id],
            )
            changed += 1
            touched_articles.add(article_id)
    for article_id in touched_articles:
        fill_region_names(db, article_id)
    return changed


def orphaned_reviews(db: Database) -> list[dict]:
    """Reviews whose fact is no longer extracted (its sentence or span changed): kept, not applied."""
    return list(db.query("select * from orphaned_reviews order by review_id"))


def review_progress(db: Database) -> list[dict]:
    """Per kind of fact: facts, reviewed, verified, corrected, wrong, and the share found correct."""
    return list(db.query("select * from review_progress order by kind"))
