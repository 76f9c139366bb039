"""Clean articles: page chrome removed, title and published date found."""

import dagster as dg

from extractors.batch import CleanBatch, RawBatch, clean_batch
from pipelines.partitions import ingest_batches


@dg.asset(partitions_def=ingest_batches, group_name="extract", kinds={"python"})
def clean_articles(raw_articles: RawBatch) -> dg.Output[CleanBatch]:
    """The batch's article bodies, the text every offset points into; pages with no body become rejects."""
    batch = clean_batch(raw_articles)
    return dg.Output(
        batch,
        metadata={
            "articles": len(batch.articles),
            "rejects": len(batch.rejects),
            "preview": dg.MetadataValue.md(
                "\n".join(f"- {a.source}: {a.title or a.text[:80]}" for _, a in batch.articles[:10]) or "(none)"
            ),
        },
    )
