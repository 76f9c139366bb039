"""Assembles the code location; nothing else happens here."""

from __future__ import annotations

import os

import dagster as dg

from pipelines.assets.clean import clean_articles
from pipelines.assets.facts import extracted_facts
from pipelines.assets.ingest import raw_articles
from pipelines.assets.warehouse import event_clusters, warehouse_tables
from pipelines.assets.web import web_pages
from pipelines.automation import daily_web_ingest_schedule, ilp_pipeline_job, new_articles_sensor, web_ingest_job

PIPELINE_ASSETS = [raw_articles, clean_articles, extracted_facts, warehouse_tables, event_clusters]


def build_resources(
    articles_dir: str | None = None, db_path: str | None = None, sources: str | None = None
) -> dict[str, object]:
    """Local resources. Paths default to $ILP_ARTICLES, $ILP_DB and $ILP_SOURCES, else raw_articles/,
    warehouse/ilp.db and sources.toml, relative to where Dagster starts (the repository root)."""
    from pipelines.resources import ArticleFolder, Warehouse, WebSources

    return {
        "article_folder": ArticleFolder(path=articles_dir or os.environ.get("ILP_ARTICLES", "raw_articles")),
        "warehouse": Warehouse(db_path=db_path or os.environ.get("ILP_DB", "warehouse/ilp.db")),
        "web_sources": WebSources(path=sources or os.environ.get("ILP_SOURCES", "sources.toml")),
    }


def resource_config(articles_dir: str, db_path: str) -> dict:
    """Run config pointing a run at other paths; kept with the run, so a re-execution uses them too."""
    return {
        "resources": {
            "article_folder": {"config": {"path": articles_dir}},
            "warehouse": {"config": {"db_path": db_path}},
        }
    }


defs = dg.Definitions(
    assets=[*PIPELINE_ASSETS, web_pages],
    jobs=[ilp_pipeline_job, web_ingest_job],
    schedules=[daily_web_ingest_schedule],
    sensors=[new_articles_sensor],
    resources=build_resources(),
)
