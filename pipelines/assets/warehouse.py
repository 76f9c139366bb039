"""The warehouse tables researchers query, one asset each, written by one step in the warehouse pool."""

import dagster as dg

from extractors.batch import FactBatch
from pipelines.partitions import WAREHOUSE_POOL, ingest_batches
from pipelines.resources import Warehouse
from warehouse.clusters import mark_duplicates, rebuild_event_clusters
from warehouse.integrity import batch_row_problems, orphaned_reviews_of_batch, table_columns, unaccounted_inputs
from warehouse.schema import FACT_TABLES
from warehouse.store import generation, refresh_statistics, write_article, write_reject

TABLES = {
    "articles": "One row per distinct article: clean text, title, dates, main region, ILP or not.",
    "dates": "Every calendar expression in an article body, ISO start/end, offsets and evidence sentence.",
    "facility_counts": "Every stated number of puskesmas, pustu, posyandu, poskesdes...: status, total, percent.",
    "people": "Every named person with honorific, degrees and the role the text gives.",
    "locations": "Every place mentioned, resolved to the Kemendagri region code where it is a region.",
    "events": "Typed ILP rollout events (launch, pilot, training...) with date, place and evidence.",
    "rejects": "Inputs that could not be made into an article, with the reason.",
}


def _table_spec(name: str, description: str) -> dg.AssetSpec:
    return dg.AssetSpec(
        name, description=description, kinds={"sqlite"}, group_name="warehouse", deps=["extracted_facts"]
    )


def _row_check(table: str) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        "batch_rows_whole",
        asset=table,
        description="This batch's rows each belong to a stored article, and no fact is stored twice.",
    )


@dg.multi_asset(
    specs=[_table_spec(name, text) for name, text in TABLES.items()],
    check_specs=[
        dg.AssetCheckSpec(
            "every_batch_input_accounted_for",
            asset="articles",
            description="Nothing ingested is lost: every file of the batch is an article or a reject.",
        ),
        dg.AssetCheckSpec(
            "reviews_still_apply",
            asset="articles",
            description="Every review of this batch's articles still names a fact the extractor gives "
            "(else it is kept as orphaned: warn, so a reviewer looks again after an extractor upgrade).",
        ),
        *(_row_check(table) for table in FACT_TABLES),
    ],
    partitions_def=ingest_batches,
    pool=WAREHOUSE_POOL,
    # The tables are written together (one transaction per article); selecting some of them in the UI
    # writes all and reports the ones selected.
    can_subset=True,
)
def warehouse_tables(context: dg.AssetExecutionContext, extracted_facts: FactBatch, warehouse: Warehouse):
    """Write the batch: one transaction per article (a killed run leaves whole articles), then its rejects."""
    db = warehouse.open()
    batch_id = context.partition_key
    for failed in extracted_facts.rejects:
        context.log.warning(f"rejected {failed.reject.source}: {failed.reject.reason}")
        write_reject(db, failed.reject, failed.path, failed.content_hash, batch_id)
    for path, facts in extracted_facts.facts.items():
        write_article(db, facts, path, batch_id)
    in_batch = {
        table: db.execute(
            f"select count(*) from [{table}] where article_id in "
            "(select article_id from inputs where batch_id = ? and article_id is not null)",
            [batch_id],
        ).fetchone()[0]
        for table in ("articles", *FACT_TABLES)
    }
    in_batch["rejects"] = db.execute(
        "select count(*) from inputs where batch_id = ? and status = 'rejected'", [batch_id]
    ).fetchone()[0]
    selected = {key.to_user_string() for key in context.selected_asset_keys}
    for table in (t for t in TABLES if t in selected):
        yield dg.MaterializeResult(
            asset_key=table,
            metadata={
                "dagster/row_count": db[table].count,
                "rows_from_this_batch": in_batch[table],
                "dagster/column_schema": dg.TableSchema(
                    columns=[dg.TableColumn(name, kind) for name, kind in table_columns(db, table)]
                ),
            },
        )
    checks = {(key.asset_key.to_user_string(), key.name) for key in context.selected_asset_check_keys}
    # Checks on the articles asset: (what they find, what the count is called, how bad a finding is).
    article_checks = {
        "every_batch_input_accounted_for": (unaccounted_inputs, "unaccounted", dg.AssetCheckSeverity.ERROR),
        "reviews_still_apply": (orphaned_reviews_of_batch, "orphaned_reviews", dg.AssetCheckSeverity.WARN),
    }
    for name, (find, label, severity) in article_checks.items():
        if ("articles", name) in checks:
            found = find(db, batch_id)
            yield dg.AssetCheckResult(
                asset_key="articles",
                check_name=name,
                passed=not found,
                severity=severity,
                metadata={label: len(found), "examples": "\n".join(found[:5])},
            )
    for table, problems in batch_row_problems(db, batch_id).items():
        if (table, "batch_rows_whole") not in checks:
            continue
        yield dg.AssetCheckResult(
            asset_key=table, check_name="batch_rows_whole", passed=not any(problems.values()), metadata=problems
        )


@dg.asset(
    partitions_def=ingest_batches,
    group_name="warehouse",
    kinds={"sqlite"},
    deps=["articles", "events"],
    pool=WAREHOUSE_POOL,
)
def event_clusters(warehouse: Warehouse) -> dg.MaterializeResult:
    """Near-duplicate articles marked, and each real-world event's reports grouped into one cluster.

    Brought up to date after each batch where articles changed (a new article can be the duplicate of an
    old one, or the original of one), over the whole warehouse when most of it is new.
    """
    db = warehouse.open()
    current = generation(db)
    if generation(db, "clustered_generation") == current:
        return dg.MaterializeResult(
            metadata={
                "skipped": "no article changed since the last clustering",
                "dagster/row_count": db["event_clusters"].count,
            }
        )
    since = generation(db, "clustered_generation")
    placement = mark_duplicates(db, since_generation=since)
    clusters = rebuild_event_clusters(db, since_generation=since, remarked=placement.remarked)
    with db.atomic():
        db.execute("update warehouse_state set value = ? where key = 'clustered_generation'", [current])
    refresh_statistics(db)
    multi = db.execute("select count(*) from event_clusters where n_articles > 1").fetchone()[0]
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": db["event_clusters"].count,
            "near_duplicate_articles": placement.duplicates,
            "event_clusters_rebuilt": clusters,
            "clusters_reported_by_several": multi,
        }
    )
