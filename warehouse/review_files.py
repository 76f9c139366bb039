"""Reviews through files: a CSV a team fills in a spreadsheet, and gold files made from reviewed articles.

`export_csv` writes the queue with each fact's evidence and values and empty `verdict`, `field`, `value`,
`reviewer` and `note` columns; `import_csv` reads them back (rows left without a verdict are skipped),
all rows or none. `export_gold` writes, for each article whose every fact is reviewed, a gold file in the
extraction contract's format, so `ilp evaluate --gold DIR` scores the extractor on reviewed news.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from warehouse.review_queue import QueueFilter, review_queue
from warehouse.reviews import EDITABLE, Review, ReviewsRejected, add_reviews
from warehouse.schema import FACT_TABLES

REVIEW_COLUMNS = ("verdict", "field", "value", "reviewer", "note")
_VALUE_COLUMNS = tuple(dict.fromkeys(f for kind in FACT_TABLES for f in EDITABLE[kind]))
CONTEXT_COLUMNS = ("fact_id", "kind", "review_status", "summary", "span", "evidence", "title", "source", "url")
CONTEXT_COLUMNS += ("reported_date", "region")


def export_csv(db: Database, path: Path, wanted: QueueFilter | None = None) -> int:
    """Write the review queue as CSV (UTF-8 with a byte-order mark, so spreadsheets read it as UTF-8);
    returns the rows written. Value columns are named after the fact's fields (count, role, code...)."""
    items = review_queue(db, wanted or QueueFilter(), limit=None)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*CONTEXT_COLUMNS, *_VALUE_COLUMNS, *REVIEW_COLUMNS])
        for item in items:
            context = [
                item.fact_id,
                item.kind,
                item.review_status,
                item.summary,
                item.span,
                " ".join(item.sentence.split()),
                item.title,
                item.source,
                item.url,
                item.reported_date,
                item.region,
            ]
            values = ["" if item.values.get(f) is None else item.values[f] for f in _VALUE_COLUMNS]
            writer.writerow([*context, *values, *([""] * len(REVIEW_COLUMNS))])
    return len(items)


class CsvRejected(ValueError):
    """The file could not be imported; `problems` names each bad line. Nothing was written."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path, self.problems = path, problems
        super().__init__(f"{path}: {len(problems)} problem(s); nothing imported")


@dataclass(frozen=True)
class ImportResult:
    imported: int
    skipped: int
    """Rows without a verdict: left for later."""


def _rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header and (line number, row) of a CSV, whatever delimiter the spreadsheet saved it with."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvRejected(path, ["the file is not UTF-8 text; save it as CSV UTF-8"]) from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = header
    return header, [(reader.line_num, row) for row in reader]


def import_csv(db: Database, path: Path, reviewer: str | None = None) -> ImportResult:
    """Take the reviews a CSV gives (fact_id, verdict; field and value for an edit; reviewer, note and
    reviewed_at optional), all of them or, if any row is bad, none: CsvRejected lists every bad line.
    The `reviews` table's own export is such a file, so reviews can be restored into a new warehouse."""
    header, rows = _rows(path)
    missing = [c for c in ("fact_id", "verdict") if c not in header]
    if missing:
        raise CsvRejected(path, [f"line 1: no {' or '.join(missing)} column (columns: {', '.join(header)})"])
    reviews, lines, skipped = [], [], 0
    for line, row in rows:
        cells = {k: (v or "").strip() for k, v in row.items() if k}
        if not cells.get("verdict"):
            skipped += 1
            continue
        reviews.append(
            Review(
                fact_id=cells.get("fact_id", ""),
                verdict=cells["verdict"],
                field=cells.get("field") or None,
                value=cells.get("value") or None,
                reviewer=cells.get("reviewer") or reviewer,
                note=cells.get("note") or None,
                reviewed_at=cells.get("reviewed_at") or None,
            )
        )
        lines.append(line)
    try:
        add_reviews(db, reviews)
    except ReviewsRejected as exc:
        raise CsvRejected(path, [f"line {lines[i]}: {why}" for i, why in exc.problems]) from None
    return ImportResult(len(reviews), skipped)


# What each kind of fact keeps in a gold file: the contract's fields.
_GOLD_FIELDS = {
    "dates": ("text", "start", "end"),
    "facility_counts": ("facility_type", "count", "status", "of_total", "percent", "location_code", "text"),
    "people": ("name", "honorific", "degrees", "role", "organization", "text"),
    "locations": ("name", "type", "code", "text"),
    "events": ("event_type", "start", "end", "facility", "facility_type", "location_code", "actors", "evidence"),
}
_LISTS = {"degrees", "actors"}


def _gold_value(field: str, value):
    """Lists (degrees, actors) are JSON text in the warehouse and lists in the contract."""
    if field in _LISTS:
        return json.loads(value) if value else []
    return value


def fully_reviewed_articles(db: Database) -> list[str]:
    """Articles with at least one fact, every one of them reviewed."""
    union = " union all ".join(f"select article_id, review_status from [{t}]" for t in FACT_TABLES)
    return [
        r[0]
        for r in db.execute(
            f"select article_id from ({union}) group by article_id "
            "having sum(review_status = 'unreviewed') = 0 order by article_id"
        )
    ]


def gold_for(db: Database, article_id: str) -> dict:
    """The contract-format gold of one reviewed article: its facts as reviewed, wrong ones left out."""
    article = db.execute(
        "select source, title, published_date, is_ilp from articles where article_id = ?", [article_id]
    ).fetchone()
    gold: dict = {
        "source": article[0],
        "title": article[1],
        "published_date": article[2],
        "is_ilp": bool(article[3]),
    }
    reviewers: set[str] = set()
    for kind in FACT_TABLES:
        fields = _GOLD_FIELDS[kind]
        rows = db.execute(
            f"select fact_id, {', '.join(f'[{f}]' for f in fields)} from [{kind}] "
            "where article_id = ? and review_status != 'wrong' order by char_start, id",
            [article_id],
        ).fetchall()
        gold[kind] = [{f: _gold_value(f, v) for f, v in zip(fields, r[1:], strict=True)} for r in rows]
        reviewers |= {
            r[0]
            for r in db.execute(
                f"select distinct reviewer from reviews where reviewer is not null and fact_id in "
                f"(select fact_id from [{kind}] where article_id = ?)",
                [article_id],
            )
        }
    gold["reviewed_by"] = sorted(reviewers)
    return gold


@dataclass(frozen=True)
class GoldExport:
    written: list[Path]
    kept: list[Path]
    """Files already there and different (a team may have added what the extractor missed): not replaced."""


def export_gold(db: Database, out_dir: Path, overwrite: bool = False) -> GoldExport:
    """One gold file per fully reviewed article, named after its source. A file already in `out_dir`
    with other content is kept unless `overwrite`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written, kept = [], []
    for article_id in fully_reviewed_articles(db):
        gold = gold_for(db, article_id)
        path = out_dir / f"{Path(gold['source']).stem}.json"
        content = json.dumps(gold, ensure_ascii=False, indent=1) + "\n"
        if path.exists() and not overwrite and path.read_text(encoding="utf-8") != content:
            kept.append(path)
            continue
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return GoldExport(written, kept)
