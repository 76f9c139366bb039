"""Raw articles: the batch's files, read and decoded."""

import dagster as dg

from extractors.batch import RawBatch, read_batch
from pipelines.assets.web import web_pages
from pipelines.partitions import WAREHOUSE_POOL, ingest_batches
from pipelines.resources import ArticleFolder, Warehouse
from warehouse.batches import plan_batch
from warehouse.store import current_hashes


class IngestConfig(dg.Config):
    max_files: int = 0
    """On a batch's first run, claim at most this many new files (0: all); the rest wait for the next batch."""
    only_unfinished: bool = False
    """Process only the batch's files not yet in the warehouse (how `ilp run` resumes a killed run)."""


@dg.asset(
    partitions_def=ingest_batches,
    group_name="ingest",
    kinds={"python"},
    pool=WAREHOUSE_POOL,  # it records the batch's membership in the warehouse
    deps=[web_pages],
)
def raw_articles(
    context: dg.AssetExecutionContext, config: IngestConfig, article_folder: ArticleFolder, warehouse: Warehouse
) -> dg.Output[RawBatch]:
    """The files of this ingest batch, decoded.

    The batch's first run claims the new or changed files of the articles folder; every later run of the
    partition takes the same files again (a file changed or deleted since is skipped, and named).
    """
    db = warehouse.open()
    plan = plan_batch(
        db,
        context.partition_key,
        article_folder.path,
        current_hashes(db, article_folder.paths()),
        max_files=config.max_files,
        only_unfinished=config.only_unfinished,
    )
    for path, why in plan.skipped:
        context.log.warning(f"skipped {path}: {why}")
    batch = read_batch(plan.files)
    return dg.Output(
        batch,
        metadata={
            "files": len(plan.files),
            "first_run_of_batch": plan.claimed_now,
            "left_for_next_batch": plan.remaining_unclaimed,
            "skipped": len(plan.skipped),
            "unreadable": len(batch.rejects),
            "preview": dg.MetadataValue.md("\n".join(f"- {i.source}" for _, i in batch.inputs[:10]) or "(no files)"),
        },
    )
