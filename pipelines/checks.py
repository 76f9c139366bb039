"""Asset checks that fail when the data is wrong, not when the code is."""

import dagster as dg
import pandas as pd

from extractors.models import ParsedArticle
from pipelines.resources import Warehouse
from warehouse.schema import FACT_TABLES


def offsets_problems(parsed: dict[str, ParsedArticle], frame: pd.DataFrame) -> list[str]:
    """Rows whose [char_start:char_end] does not slice their article's clean text to their `text`."""
    texts = {p.article.article_id: p.article.text for p in parsed.values()}
    bad = []
    for row in frame.itertuples(index=False):
        text = texts.get(row.article_id)
        if (
            text is None
            or not (0 <= row.char_start <= row.char_end <= len(text))
            or text[row.char_start : row.char_end] != row.text
        ):
            bad.append(f"{row.article_id}:{row.char_start}-{row.char_end} {row.text!r}")
    return bad


def _offsets_result(parsed: dict[str, ParsedArticle], frame: pd.DataFrame) -> dg.AssetCheckResult:
    bad = offsets_problems(parsed, frame)
    return dg.AssetCheckResult(
        passed=not bad, metadata={"rows": len(frame), "bad": len(bad), "examples": "\n".join(bad[:5])}
    )


_PARSED = {"parsed_articles": dg.AssetIn("parsed_articles")}


@dg.asset_check(asset="dates", additional_ins=_PARSED, blocking=True)
def dates_offsets_slice_clean_text(dates: pd.DataFrame, parsed_articles: dict) -> dg.AssetCheckResult:
    """Every date's offsets slice its article's clean text to the date's text."""
    return _offsets_result(parsed_articles, dates)


@dg.asset_check(asset="facility_counts", additional_ins=_PARSED, blocking=True)
def facility_counts_offsets_slice_clean_text(
    facility_counts: pd.DataFrame, parsed_articles: dict
) -> dg.AssetCheckResult:
    """Every count's offsets slice its article's clean text to the count's text."""
    return _offsets_result(parsed_articles, facility_counts)


@dg.asset_check(asset="people", additional_ins=_PARSED, blocking=True)
def people_offsets_slice_clean_text(people: pd.DataFrame, parsed_articles: dict) -> dg.AssetCheckResult:
    """Every person's offsets slice its article's clean text to the mention."""
    return _offsets_result(parsed_articles, people)


@dg.asset_check(asset="locations", additional_ins=_PARSED, blocking=True)
def locations_offsets_slice_clean_text(locations: pd.DataFrame, parsed_articles: dict) -> dg.AssetCheckResult:
    """Every location's offsets slice its article's clean text to the mention."""
    return _offsets_result(parsed_articles, locations)


offset_checks = [
    dates_offsets_slice_clean_text,
    facility_counts_offsets_slice_clean_text,
    people_offsets_slice_clean_text,
    locations_offsets_slice_clean_text,
]


@dg.asset_check(asset="warehouse_tables", name="no_orphan_or_duplicate_rows")
def no_orphan_or_duplicate_rows(warehouse: Warehouse) -> dg.AssetCheckResult:
    """Every fact row belongs to an article, and no fact is stored twice for one article."""
    db = warehouse.open()
    problems: dict[str, int] = {}
    for table in FACT_TABLES:
        orphans = db.execute(
            f"select count(*) from [{table}] where article_id not in (select article_id from articles)"
        ).fetchone()[0]
        dupes = db.execute(
            f"select count(*) from (select article_id, text, char_start, char_end, count(*) c from [{table}] "
            f"group by 1, 2, 3, 4 having c > 1)"
            if table != "events"
            else "select count(*) from (select article_id, event_type, start, end, count(*) c from events "
            "group by 1, 2, 3, 4 having c > 1)"
        ).fetchone()[0]
        if orphans:
            problems[f"{table}_orphans"] = orphans
        if dupes:
            problems[f"{table}_duplicates"] = dupes
    return dg.AssetCheckResult(passed=not problems, metadata={k: int(v) for k, v in problems.items()} or {"ok": 1})


@dg.asset_check(asset="event_clusters", name="every_input_accounted_for")
def every_input_accounted_for(warehouse: Warehouse) -> dg.AssetCheckResult:
    """Nothing ingested is lost: every input of every batch is an article or a reject."""
    db = warehouse.open()
    lost = [
        r[0]
        for r in db.execute(
            "select b.path from batch_inputs b left join inputs i on i.path = b.path where i.path is null"
        ).fetchall()
    ]
    return dg.AssetCheckResult(passed=not lost, metadata={"unaccounted": len(lost), "examples": "\n".join(lost[:5])})
