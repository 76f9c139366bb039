"""Raw articles: the day's batch of new or changed files, read and decoded."""

import dagster as dg

from extractors.batch import RawBatch, read_batch
from pipelines.partitions import ingest_days
from pipelines.resources import ArticleFolder, Warehouse
from warehouse.batches import plan_batch
from warehouse.store import current_hashes


class IngestConfig(dg.Config):
    reprocess: bool = False
    """Re-read every file of the batch even if its content is already in the warehouse."""
    max_files: int = 0
    """Take at most this many of the batch's files in one run (0: all), to keep memory flat on big batches."""


@dg.asset(partitions_def=ingest_days, group_name="ingest", kinds={"python"})
def raw_articles(
    context: dg.AssetExecutionContext, config: IngestConfig, article_folder: ArticleFolder, warehouse: Warehouse
) -> dg.Output[RawBatch]:
    """The files of this day's ingestion batch, decoded; files already processed unchanged are skipped.

    Runs when the sensor sees new files, on the daily schedule, and from `ilp run`. The content hash
    decides what is new, so a re-run after a crash picks up exactly what was not finished.
    """
    db = warehouse.open()
    with warehouse.writing():
        files = plan_batch(
            db, context.partition_key, article_folder.path, current_hashes(db, article_folder.paths()), config.reprocess
        )
    remaining = 0
    if config.max_files and len(files) > config.max_files:
        files, remaining = files[: config.max_files], len(files) - config.max_files
    batch = read_batch(files)
    return dg.Output(
        batch,
        metadata={
            "files_in_batch": len(files),
            "remaining": remaining,
            "read": len(batch.inputs),
            "unreadable": len(batch.rejects),
            "preview": dg.MetadataValue.md("\n".join(f"- {i.source}" for _, i in batch.inputs[:10]) or "(nothing new)"),
        },
    )
