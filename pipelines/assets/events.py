"""Rollout events assembled from each article's facts."""

from collections import Counter

import dagster as dg

from extractors.article import assemble_events
from extractors.models import ArticleFacts, ParsedArticle
from pipelines.partitions import ingest_days


@dg.asset(partitions_def=ingest_days, group_name="events", kinds={"python"})
def events(parsed_articles: dict[str, ParsedArticle]) -> dg.Output[dict[str, ArticleFacts]]:
    """Each article's complete facts with its typed ILP events (none for articles not about ILP)."""
    facts = {path: assemble_events(p) for path, p in parsed_articles.items()}
    by_type = Counter(e.event_type for f in facts.values() for e in f.events)
    return dg.Output(
        facts,
        metadata={
            "events": sum(by_type.values()),
            "ilp_articles": sum(f.is_ilp for f in facts.values()),
            **{f"events_{k}": v for k, v in sorted(by_type.items())},
        },
    )
