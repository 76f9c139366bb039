"""When the pipeline runs: a sensor that starts a batch when files arrive, and a daily web fetch.

- `new_articles_sensor` (on by default): every 30 s it looks for new or changed files in the articles
  folder (reading the warehouse, never writing it); when there are some and no pipeline run is queued or
  running, it adds a batch partition and requests `ilp_pipeline` for it.
- `daily_web_ingest` (off by default: it goes on the internet): every morning at 05:00 UTC it fetches new
  pages from the feeds in sources.toml into the articles folder, where the sensor picks them up.
"""

import dagster as dg

from pipelines.partitions import ingest_batches
from pipelines.resources import ArticleFolder, Warehouse
from warehouse.batches import new_batch_key, unclaimed_files
from warehouse.store import current_hashes

ilp_pipeline_job = dg.define_asset_job(
    "ilp_pipeline",
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets("web_pages"),
    partitions_def=ingest_batches,
    description="Process one ingest batch: read, clean, extract, write the warehouse tables, cluster.",
    # Steps in one process: the spaCy model loads once per run, and the warehouse pool orders the writes.
    executor_def=dg.in_process_executor,
)

web_ingest_job = dg.define_asset_job("web_ingest", selection=dg.AssetSelection.assets("web_pages"))

daily_web_ingest_schedule = dg.ScheduleDefinition(
    name="daily_web_ingest",
    job=web_ingest_job,
    cron_schedule="0 5 * * *",
    execution_timezone="UTC",
    description="Every morning, fetch new ILP articles from the feeds in sources.toml into the articles folder.",
    default_status=dg.DefaultScheduleStatus.STOPPED,
)

_IN_FLIGHT = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
]


def build_new_articles_sensor(job, name: str = "new_articles_sensor") -> dg.SensorDefinition:
    @dg.sensor(name=name, job=job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING)
    def sensor(context: dg.SensorEvaluationContext, article_folder: ArticleFolder, warehouse: Warehouse):
        """Start a new batch when the articles folder holds files no batch has taken yet."""
        busy = context.instance.get_runs_count(dg.RunsFilter(job_name=job.name, statuses=_IN_FLIGHT))
        if busy:
            return dg.SkipReason("a pipeline run is queued or running; new files wait for the next tick")
        db = warehouse.read()
        paths = article_folder.paths()
        new = unclaimed_files(db, current_hashes(db, paths, remember=False)) if db else [(str(p), "") for p in paths]
        if not new:
            return dg.SkipReason("no new or changed files")
        key = new_batch_key()
        return dg.SensorResult(
            run_requests=[dg.RunRequest(run_key=key, partition_key=key)],
            dynamic_partitions_requests=[ingest_batches.build_add_request([key])],
        )

    return sensor


new_articles_sensor = build_new_articles_sensor(ilp_pipeline_job)
