"""`ilp run`: materialise every asset in-process for today's ingestion partition."""

from __future__ import annotations

import os
import sys
from functools import partial
from pathlib import Path

from extractors.reading import list_inputs
from warehouse.lock import WarehouseBusy, writer_lock
from warehouse.schema import open_db
from warehouse.store import now, table_counts

CHUNK_FILES = 500
_QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


def run_pipeline(
    articles_dir: Path,
    db_path: Path,
    partition_key: str | None = None,
    chunk_files: int = CHUNK_FILES,
    lock_timeout: float = 3600.0,
) -> int:
    """Process what is new in `articles_dir` into the warehouse, `chunk_files` inputs per Dagster run.

    Chunks keep memory flat however large the batch; the clustering over the whole warehouse runs once
    at the end. A run that is killed leaves whole articles behind, and the next run takes up the rest.
    """
    if not articles_dir.is_dir():
        print(f"ilp run: no such folder: {articles_dir}", file=sys.stderr)
        return 2
    db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with writer_lock(db_path, timeout=lock_timeout):
            return _run_locked(articles_dir, db_path, partition_key, chunk_files)
    except WarehouseBusy as exc:
        print(f"ilp run: {exc}", file=sys.stderr)
        return 3


def _run_locked(articles_dir: Path, db_path: Path, partition_key: str | None, chunk_files: int) -> int:
    db = open_db(str(db_path))
    before = table_counts(db)
    todo = _work_count(db, articles_dir)
    if not todo:
        print(f"ilp run: {articles_dir} -> {db_path}: nothing new or changed, nothing pending")
        _print_counts(before, before)
        return 0
    from extractors.article import PARALLEL_MIN_ARTICLES, prestarted_workers

    # The workers load the model on the other core while this process imports Dagster and sets up the run.
    workers = 1 if todo < PARALLEL_MIN_ARTICLES else (os.cpu_count() or 1)
    with prestarted_workers(workers):
        return _materialize(articles_dir, db_path, partition_key, chunk_files, todo, before)


def _materialize(
    articles_dir: Path, db_path: Path, partition_key: str | None, chunk_files: int, todo: int, before: dict[str, int]
) -> int:
    """Every asset over the new inputs, `chunk_files` per Dagster run, then the checks; prints what changed."""
    import dagster as dg

    from pipelines.assets.warehouse import event_clusters
    from pipelines.automation import today_partition
    from pipelines.definitions import ALL_ASSETS, ALL_CHECKS, build_resources

    started = now()
    key = partition_key or today_partition()
    resources = {**build_resources(str(articles_dir), str(db_path)), "io_manager": dg.mem_io_manager}
    per_chunk = [a for a in ALL_ASSETS if a is not event_clusters]
    final_checks = [c for c in ALL_CHECKS if any(k.asset_key == event_clusters.key for k in c.check_keys)]
    per_chunk_checks = [c for c in ALL_CHECKS if c not in final_checks]
    # Keep only what each run reports: a Dagster result holds its outputs, and a big batch has many runs.
    succeeded, failed_checks = True, set()

    def record(result) -> None:
        nonlocal succeeded
        succeeded = succeeded and result.success
        failed_checks.update(e.check_name for e in result.get_asset_check_evaluations() if not e.passed)

    if todo <= chunk_files:  # one chunk: everything in a single Dagster run
        per_chunk, per_chunk_checks, final_checks = list(ALL_ASSETS), list(ALL_CHECKS), []
    # One instance for every chunk's run: building one costs about a second (its in-memory storage).
    with dg.DagsterInstance.ephemeral() as instance:
        run = partial(dg.materialize, partition_key=key, resources=resources, raise_on_error=False, instance=instance)
        while succeeded:
            result = run(
                [*per_chunk, *per_chunk_checks],
                run_config={**_QUIET, "ops": {"raw_articles": {"config": {"max_files": chunk_files}}}},
            )
            record(result)
            remaining = (
                result.asset_materializations_for_node("raw_articles")[0].metadata["remaining"].value
                if result.success
                else 0
            )
            del result
            if remaining == 0:
                break
        if succeeded and final_checks:
            record(run([event_clusters, *final_checks], run_config=_QUIET))
    db = open_db(str(db_path))
    after = table_counts(db)
    failed_checks = sorted(failed_checks)
    print(f"ilp run: {articles_dir} -> {db_path} (batch {key})")
    _print_counts(before, after)
    processed = list(
        db.query(
            "select i.path, i.status, r.reason from inputs i left join rejects r "
            "on r.source = i.source and r.content_hash = i.content_hash where i.processed_at >= ? order by i.path",
            [started],
        )
    )
    n_rejected = sum(row["status"] == "rejected" for row in processed)
    print(
        f"  this run: {len(processed)} new or changed inputs, {len(processed) - n_rejected} articles written, "
        f"{n_rejected} rejected"
    )
    for row in processed:
        if row["status"] == "rejected":
            print(f"  rejected {row['path']}: {row['reason']}")
    if failed_checks:
        print(f"  failed checks: {', '.join(failed_checks)}", file=sys.stderr)
    if not succeeded:
        print("ilp run: the pipeline failed; see the log above", file=sys.stderr)
        return 1
    return 0


def _work_count(db, articles_dir: Path) -> int:
    """New or changed files plus batch members a killed run left unprocessed (cheap: no Dagster needed);
    1 when only the clustering is behind."""
    from warehouse.store import current_hashes, known_inputs

    done = known_inputs(db)
    changed = sum(
        done.get(path) != digest or not digest for path, digest in current_hashes(db, list_inputs([articles_dir]))
    )
    pending = db.execute(
        "select count(*) from batch_inputs b left join inputs i on i.path = b.path and i.content_hash = b.content_hash "
        "where i.path is null"
    ).fetchone()[0]
    stale_clusters = db.execute(
        "select (select value from warehouse_state where key = 'generation') != "
        "(select value from warehouse_state where key = 'clustered_generation')"
    ).fetchone()[0]
    return changed + pending or int(bool(stale_clusters))


def _print_counts(before: dict[str, int], after: dict[str, int]) -> None:
    print(f"  {'table':16} {'rows':>7} {'change':>7}")
    for table, n in after.items():
        print(f"  {table:16} {n:7d} {n - before.get(table, 0):+7d}")
