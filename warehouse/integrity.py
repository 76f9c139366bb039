"""What must hold in the warehouse after a batch is written, asked of that batch only."""

from __future__ import annotations

from sqlite_utils import Database

from warehouse.schema import FACT_TABLES

# What makes a fact row the same fact twice.
# An event is its type and dates in one sentence: one article may report two undated coverage figures.
_IDENTITY = {table: "text, char_start, char_end" for table in FACT_TABLES} | {
    "events": "event_type, start, end, char_start, char_end"
}


def batch_row_problems(db: Database, batch_id: str) -> dict[str, dict[str, int]]:
    """Per fact table, rows of this batch's articles stored twice, and rows whose article is gone."""
    articles = "select article_id from inputs where batch_id = ? and article_id is not null"
    out = {}
    for table in FACT_TABLES:
        dupes = db.execute(
            f"select count(*) from (select 1 from [{table}] where article_id in ({articles}) "
            f"group by article_id, {_IDENTITY[table]} having count(*) > 1)",
            [batch_id],
        ).fetchone()[0]
        orphans = db.execute(
            f"select count(*) from [{table}] where article_id in ({articles}) "
            "and article_id not in (select article_id from articles)",
            [batch_id],
        ).fetchone()[0]
        out[table] = {"duplicates": dupes, "orphans": orphans}
    return out


def unaccounted_inputs(db: Database, batch_id: str) -> list[str]:
    """Files of this batch that are neither an article nor a reject: lost input."""
    return [
        r[0]
        for r in db.execute(
            "select b.path from batch_inputs b left join inputs i on i.path = b.path "
            "where b.batch_id = ? and i.path is null order by b.path",
            [batch_id],
        )
    ]


def orphaned_reviews_of_batch(db: Database, batch_id: str) -> list[str]:
    """Reviews of this batch's articles whose fact the batch no longer extracted ("source: span"): after
    an extractor upgrade, what a reviewer should look at again."""
    return [
        f"{r[0]}: {r[1]}"
        for r in db.execute(
            "select source, span from orphaned_reviews where source in "
            "(select source from inputs where batch_id = ? and article_id is not null) order by review_id",
            [batch_id],
        )
    ]


def table_columns(db: Database, table: str) -> list[tuple[str, str]]:
    """(name, SQLite type) of each column, for the table schema shown beside each asset."""
    return [(c.name, c.type or "") for c in db[table].columns]
