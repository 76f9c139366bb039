"""The warehouse tables: the single writer to SQLite."""

import dagster as dg

from extractors.batch import CleanBatch
from extractors.models import ArticleFacts
from pipelines.partitions import ingest_days
from pipelines.resources import Warehouse
from warehouse.clusters import mark_duplicates, rebuild_event_clusters
from warehouse.store import generation, refresh_statistics, table_counts, write_article, write_reject


@dg.asset(partitions_def=ingest_days, group_name="warehouse", kinds={"sqlite"})
def warehouse_tables(
    context: dg.AssetExecutionContext, clean_articles: CleanBatch, events: dict[str, ArticleFacts], warehouse: Warehouse
) -> dg.MaterializeResult:
    """Articles, their facts and events, and rejects, written one article per transaction.

    The only asset that writes to SQLite, so runs never race for the database file.
    """
    with warehouse.writing():
        return _write_batch(context, clean_articles, events, warehouse)


def _write_batch(context, clean_articles: CleanBatch, events: dict[str, ArticleFacts], warehouse: Warehouse):
    db = warehouse.open()
    batch_id = context.partition_key
    for failed in clean_articles.rejects:
        context.log.warning(f"rejected {failed.reject.source}: {failed.reject.reason}")
        write_reject(db, failed.reject, failed.path, failed.content_hash, batch_id)
    for path, facts in events.items():
        write_article(db, facts, path, batch_id)
    counts = table_counts(db)
    return dg.MaterializeResult(
        metadata={
            "articles_written": len(events),
            "rejects_written": len(clean_articles.rejects),
            **{f"table_{k}": v for k, v in counts.items()},
        }
    )


@dg.asset(partitions_def=ingest_days, group_name="warehouse", kinds={"sqlite"}, deps=[warehouse_tables])
def event_clusters(warehouse: Warehouse) -> dg.MaterializeResult:
    """Near-duplicate articles marked, and each real-world event's reports grouped into one cluster.

    Brought up to date after each batch where articles changed (a new article can be the duplicate of an
    old one, or the original of one), over the whole warehouse when most of it is new.
    """
    with warehouse.writing():
        return _cluster(warehouse)


def _cluster(warehouse: Warehouse) -> dg.MaterializeResult:
    db = warehouse.open()
    current = generation(db)
    if generation(db, "clustered_generation") == current:
        return dg.MaterializeResult(metadata={"skipped": "no article changed since the last clustering"})
    since = generation(db, "clustered_generation")
    placement = mark_duplicates(db, since_generation=since)
    clusters = rebuild_event_clusters(db, since_generation=since, remarked=placement.remarked)
    with db.atomic():
        db.execute("update warehouse_state set value = ? where key = 'clustered_generation'", [current])
    refresh_statistics(db)
    multi = db.execute("select count(*) from event_clusters where n_articles > 1").fetchone()[0]
    return dg.MaterializeResult(
        metadata={
            "near_duplicate_articles": placement.duplicates,
            "event_clusters": clusters,
            "clusters_reported_by_several": multi,
        }
    )
