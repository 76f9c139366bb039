"""Assembles the code location; nothing else happens here."""

from __future__ import annotations

import dagster as dg

from pipelines.assets.clean import clean_articles
from pipelines.assets.events import events
from pipelines.assets.facts import extract_facts
from pipelines.assets.ingest import raw_articles
from pipelines.assets.warehouse import event_clusters, warehouse_tables
from pipelines.assets.web import web_pages
from pipelines.automation import (
    daily_ingest_schedule,
    daily_web_ingest_schedule,
    ilp_pipeline_job,
    new_articles_sensor,
    web_ingest_job,
)
from pipelines.checks import every_input_accounted_for, no_orphan_or_duplicate_rows, offset_checks
from pipelines.resources import ArticleFolder, Warehouse, WebSources

ALL_ASSETS = [raw_articles, clean_articles, extract_facts, events, warehouse_tables, event_clusters]
ALL_CHECKS = [*offset_checks, no_orphan_or_duplicate_rows, every_input_accounted_for]


def build_resources(
    articles_dir: str = "raw_articles", db_path: str = "warehouse/ilp.db", sources: str = "sources.toml"
) -> dict[str, object]:
    """Local resources; paths are relative to where Dagster or `ilp run` starts (the repository root)."""
    return {
        "article_folder": ArticleFolder(path=articles_dir),
        "warehouse": Warehouse(db_path=db_path),
        "web_sources": WebSources(path=sources),
    }


defs = dg.Definitions(
    assets=[*ALL_ASSETS, web_pages],
    asset_checks=ALL_CHECKS,
    jobs=[ilp_pipeline_job, web_ingest_job],
    schedules=[daily_ingest_schedule, daily_web_ingest_schedule],
    sensors=[new_articles_sensor],
    resources=build_resources(),
)
