"""When the pipeline runs: a daily schedule, and a sensor that notices new files."""

import datetime as dt

import dagster as dg

from pipelines.partitions import ingest_days
from pipelines.resources import ArticleFolder

ilp_pipeline_job = dg.define_asset_job(
    "ilp_pipeline",
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets("web_pages"),
    partitions_def=ingest_days,
    # One writer to SQLite: steps of a run go in one process, and runs share one queue slot (dagster.yaml).
    executor_def=dg.in_process_executor,
    tags={"ilp/warehouse-writer": "sqlite"},
)

daily_ingest_schedule = dg.build_schedule_from_partitioned_job(
    ilp_pipeline_job,
    hour_of_day=6,
    minute_of_hour=0,
    name="daily_ingest",
    description="Every morning, process what arrived in the articles folder (today's partition).",
)


web_ingest_job = dg.define_asset_job("web_ingest", selection=dg.AssetSelection.assets("web_pages"))

daily_web_ingest_schedule = dg.ScheduleDefinition(
    name="daily_web_ingest",
    job=web_ingest_job,
    cron_schedule="0 5 * * *",
    description="Every morning, fetch new ILP articles from the feeds in sources.toml (before daily_ingest).",
)


def today_partition() -> str:
    return dt.datetime.now(dt.UTC).date().isoformat()


def build_new_articles_sensor(job, name: str = "new_articles_sensor") -> dg.SensorDefinition:
    @dg.sensor(name=name, job=job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED)
    def sensor(context: dg.SensorEvaluationContext, article_folder: ArticleFolder):
        """Request today's partition when the articles folder changes (names, sizes or mtimes)."""
        fingerprint = article_folder.fingerprint()
        if fingerprint == context.cursor:
            return dg.SkipReason("no new or changed files")
        context.update_cursor(fingerprint)
        return dg.RunRequest(run_key=f"{today_partition()}:{fingerprint[:16]}", partition_key=today_partition())

    return sensor


new_articles_sensor = build_new_articles_sensor(ilp_pipeline_job)
