"""The warehouse tables: the single writer to SQLite."""

import dagster as dg

from extractors.batch import CleanBatch
from extractors.models import ArticleFacts
from pipelines.partitions import ingest_days
from pipelines.resources import Warehouse
from warehouse.store import table_counts, write_article, write_reject


@dg.asset(partitions_def=ingest_days, group_name="warehouse", kinds={"sqlite"})
def warehouse_tables(
    context: dg.AssetExecutionContext, clean_articles: CleanBatch, events: dict[str, ArticleFacts], warehouse: Warehouse
) -> dg.MaterializeResult:
    """Articles, their facts and events, and rejects, written one article per transaction.

    The only asset that writes to SQLite, so runs never race for the database file.
    """
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
