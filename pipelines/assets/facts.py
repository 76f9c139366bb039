"""Facts per type from one spaCy pass: dates, facility counts, people, locations."""

import dagster as dg
import pandas as pd

from extractors.article import parse_articles
from extractors.batch import CleanBatch
from extractors.tables import fact_frames
from pipelines.partitions import ingest_days

FACT_TYPES = ("dates", "facility_counts", "people", "locations")


@dg.multi_asset(
    partitions_def=ingest_days,
    group_name="facts",
    outs={
        "parsed_articles": dg.AssetOut(description="Each article with its facts, before events."),
        **{
            name: dg.AssetOut(description=f"Every {name.replace('_', ' ')} mention of the batch, one row each.")
            for name in FACT_TYPES
        },
    },
)
def extract_facts(clean_articles: CleanBatch):
    """Run the extractors once over the batch; one output per fact type for inspection and checks."""
    parsed = {
        path: p
        for (path, _), p in zip(
            clean_articles.articles, parse_articles(a for _, a in clean_articles.articles), strict=True
        )
    }
    yield dg.Output(parsed, output_name="parsed_articles", metadata={"articles": len(parsed)})
    frames = fact_frames(parsed.values())
    for name in FACT_TYPES:
        frame: pd.DataFrame = frames[name]
        yield dg.Output(
            frame, output_name=name, metadata={"rows": len(frame), "preview": dg.MetadataValue.md(_preview(frame))}
        )


def _preview(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "(none)"
    cols = [c for c in frame.columns if c not in ("evidence", "char_start", "char_end")][:6]
    return frame[cols].head(10).to_markdown(index=False) if _has_tabulate() else frame[cols].head(10).to_string()


def _has_tabulate() -> bool:
    try:
        import tabulate  # noqa: F401
    except ImportError:
        return False
    return True
