"""The code location for a deployment past one machine (see deploy/README.md).

Extraction runs per batch partition on Celery workers; loading into SQLite is a separate job, and the
warehouse pool (one slot) keeps its writes to one step at a time.
"""

import os

import dagster as dg

from pipelines.assets.clean import clean_articles
from pipelines.assets.facts import extracted_facts
from pipelines.assets.ingest import raw_articles
from pipelines.assets.warehouse import event_clusters, warehouse_tables
from pipelines.assets.web import web_pages
from pipelines.automation import build_new_articles_sensor, daily_web_ingest_schedule
from pipelines.definitions import build_resources
from pipelines.partitions import ingest_batches

EXTRACT_ASSETS = [raw_articles, clean_articles, extracted_facts]
LOAD_ASSETS = [warehouse_tables, event_clusters]


def celery_executor() -> dg.ExecutorDefinition:
    from dagster_celery import celery_executor as executor

    return executor


def build_extract_job(executor: dg.ExecutorDefinition | None = None):
    return dg.define_asset_job(
        "extract_job",
        selection=dg.AssetSelection.assets(*EXTRACT_ASSETS),
        partitions_def=ingest_batches,
        executor_def=executor or celery_executor(),
    )


load_job = dg.define_asset_job(
    "load_job",
    selection=dg.AssetSelection.assets(*LOAD_ASSETS),
    partitions_def=ingest_batches,
    executor_def=dg.in_process_executor,
)


def build_load_sensor(extract_job) -> dg.SensorDefinition:
    @dg.run_status_sensor(
        run_status=dg.DagsterRunStatus.SUCCESS, monitored_jobs=[extract_job], request_job=load_job, name="load_sensor"
    )
    def load_sensor(context: dg.RunStatusSensorContext):
        """After a partition's extraction succeeds, load it into the warehouse (one writer, queued)."""
        partition = context.dagster_run.tags.get("dagster/partition")
        if partition:
            return dg.RunRequest(run_key=f"load-{context.dagster_run.run_id}", partition_key=partition)
        return dg.SkipReason("extraction run had no partition")

    return load_sensor


def build_defs(
    extract_executor: dg.ExecutorDefinition | None = None, io_dir: str | None = None, **resource_paths: str
) -> dg.Definitions:
    io_dir = io_dir or os.environ.get("ILP_IO_DIR", "/tmp/ilp-io")
    extract_job = build_extract_job(extract_executor)
    return dg.Definitions(
        assets=[*EXTRACT_ASSETS, *LOAD_ASSETS, web_pages],
        jobs=[extract_job, load_job],
        schedules=[daily_web_ingest_schedule],
        sensors=[build_new_articles_sensor(extract_job), build_load_sensor(extract_job)],
        resources={**build_resources(**resource_paths), "io_manager": dg.FilesystemIOManager(base_dir=io_dir)},
    )


def __getattr__(name: str):
    """`defs` is built on first use, so importing this module needs neither Celery nor a database."""
    if name == "defs":
        return build_defs()
    raise AttributeError(name)
