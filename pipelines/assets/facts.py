"""Extracted facts: dates, facility counts, people, places and rollout events, from one spaCy pass."""

from collections import Counter

import dagster as dg

from extractors.batch import CleanBatch, extract_batch
from extractors.validation import offset_problems
from pipelines.partitions import ingest_batches


@dg.asset(
    partitions_def=ingest_batches,
    group_name="extract",
    kinds={"spacy"},
    check_specs=[
        dg.AssetCheckSpec(
            "offsets_slice_clean_text",
            asset="extracted_facts",
            blocking=True,
            description="Every fact's offsets give back its text in its article's clean text.",
        )
    ],
)
def extracted_facts(clean_articles: CleanBatch):
    """Each article's facts and typed ILP events; checked here, on this batch, before anything is written."""
    batch = extract_batch(clean_articles)
    facts = batch.facts.values()
    by_type = Counter(e.event_type for f in facts for e in f.events)
    yield dg.Output(
        batch,
        metadata={
            "articles": len(batch.facts),
            "ilp_articles": sum(f.is_ilp for f in facts),
            "dates": sum(len(f.dates) for f in facts),
            "facility_counts": sum(len(f.facility_counts) for f in facts),
            "people": sum(len(f.people) for f in facts),
            "locations": sum(len(f.locations) for f in facts),
            "events": sum(by_type.values()),
            **{f"events_{k}": v for k, v in sorted(by_type.items())},
        },
    )
    bad = offset_problems(facts)
    yield dg.AssetCheckResult(
        check_name="offsets_slice_clean_text",
        passed=not bad,
        metadata={
            "facts_checked": sum(
                len(f.dates) + len(f.facility_counts) + len(f.people) + len(f.locations) for f in facts
            ),
            "bad": len(bad),
            "examples": "\n".join(bad[:5]),
        },
    )
