"""`ilp run`: the same job the UI, the sensor and a backfill run, on the project's Dagster instance.

What is new is decided first, without Dagster (a run with nothing to do answers in about a second).
Then each new batch becomes a partition of `ilp_pipeline` on the instance in DAGSTER_HOME (by default
the project's `.dagster_home`, the one `make dev` opens), so every run, materialisation and check
result shows in the UI. Big inputs go in batches of `chunk_files`; a batch a killed run left half done
is finished first.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from extractors.reading import list_inputs
from ilp.progress import FileProgress
from warehouse.schema import open_db
from warehouse.store import now, table_counts

CHUNK_FILES = 500
JOB = "ilp_pipeline"
_QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
_INSTANCE_YAML = Path(__file__).resolve().parent.parent / "pipelines" / "dagster.yaml"


@dataclass
class Pending:
    """What a run has to do, read from the folder and the warehouse without writing either."""

    new_files: int = 0
    unfinished: dict[str, int] = field(default_factory=dict)  # batch -> files left unprocessed
    stale_clusters: bool = False
    reextract: list[str] = field(default_factory=list)  # every batch, oldest first, with --reextract
    reextract_files: int = 0  # the files those batches hold

    def __bool__(self) -> bool:
        return bool(self.new_files or self.unfinished or self.stale_clusters or self.reextract)


def dagster_home(explicit: Path | None = None) -> Path:
    """The instance folder: --dagster-home, else $DAGSTER_HOME, else ./.dagster_home (what `make dev` uses)."""
    home = explicit or Path(os.environ.get("DAGSTER_HOME") or ".dagster_home")
    home = home.resolve()
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if config.exists() and "pools:" not in config.read_text(encoding="utf-8"):
        # An instance set up by an earlier version: without the pool limit, writers would not take turns.
        shutil.copy(config, home / "dagster.yaml.before-pools")
        config.unlink()
        print(f"note: {config} updated to the project's settings (old one kept as dagster.yaml.before-pools)")
    if not config.exists():
        shutil.copy(_INSTANCE_YAML, config)
    return home


def pending_work(articles_dir: Path, db_path: Path, reextract: bool = False) -> Pending:
    """New or changed files no batch holds, batches a killed run left unfinished, clustering behind;
    with `reextract`, every batch there is (to bring the warehouse up to an upgraded extractor)."""
    from warehouse.batches import unclaimed_files, unfinished_batches
    from warehouse.store import current_hashes

    paths = list_inputs([articles_dir])
    if not db_path.is_file():
        return Pending(new_files=len(paths))
    db = open_db(str(db_path), readonly=True)
    if "inputs" not in db.table_names():
        return Pending(new_files=len(paths))
    stale = db.execute(
        "select (select value from warehouse_state where key = 'generation') != "
        "(select value from warehouse_state where key = 'clustered_generation')"
    ).fetchone()[0]
    batches = [r[0] for r in db.execute("select batch_id from ingest_batches where n_inputs > 0 order by batch_id")]
    unfinished = unfinished_batches(db)
    return Pending(
        new_files=len(unclaimed_files(db, current_hashes(db, paths, remember=False))),
        unfinished={} if reextract else unfinished,
        stale_clusters=bool(stale),
        reextract=batches if reextract else [],
        reextract_files=db.execute("select count(*) from batch_inputs").fetchone()[0] if reextract else 0,
    )


class WarehouseBusy(RuntimeError):
    """Another run kept the warehouse pool past the time we were willing to wait."""


def run_pipeline(
    articles_dir: Path,
    db_path: Path,
    chunk_files: int = CHUNK_FILES,
    home: Path | None = None,
    wait_timeout: float = 3600.0,
    reextract: bool = False,
) -> int:
    """Process what is new in `articles_dir` into the warehouse; print what changed.

    Exit code 0, 1 (the pipeline failed), 2 (no such folder) or 3 (another run kept the warehouse busy
    longer than `wait_timeout` seconds)."""
    if not articles_dir.is_dir():
        print(f"ilp run: no such folder: {articles_dir}", file=sys.stderr)
        return 2
    db_path.parent.mkdir(parents=True, exist_ok=True)
    # Files are known by absolute path, whoever runs: `make run`, the sensor or a UI run from elsewhere.
    todo = pending_work(articles_dir.resolve(), db_path, reextract)
    before = table_counts(open_db(str(db_path))) if db_path.is_file() else {}
    if not todo:
        print(f"ilp run: {articles_dir} -> {db_path}: nothing new or changed, nothing pending")
        _print_counts(before, before)
        return 0
    from extractors.article import PARALLEL_MIN_ARTICLES, prestarted_workers

    n_articles = todo.new_files + sum(todo.unfinished.values()) + (before.get("articles", 0) if reextract else 0)
    # The workers load the model on the other core while this process imports Dagster and sets up the run.
    workers = 1 if n_articles < PARALLEL_MIN_ARTICLES else (os.cpu_count() or 1)
    try:
        with prestarted_workers(workers):
            return _materialize(articles_dir, db_path, dagster_home(home), chunk_files, todo, before, wait_timeout)
    except WarehouseBusy as exc:
        print(f"ilp run: {exc}", file=sys.stderr)
        return 3


def _materialize(
    articles_dir: Path,
    db_path: Path,
    home: Path,
    chunk_files: int,
    todo: Pending,
    before: dict[str, int],
    wait_timeout: float,
) -> int:
    import dagster as dg

    from pipelines.definitions import defs, resource_config
    from pipelines.partitions import ingest_batches
    from warehouse.batches import new_batch_key

    started = now()
    job = defs.resolve_job_def(JOB)
    clusters = dg.AssetKey("event_clusters")
    without_clusters = [k for k in job.asset_layer.executable_asset_keys if k != clusters]
    config = {**_QUIET, **resource_config(str(articles_dir.resolve()), str(db_path.resolve()))}
    tags = {"ilp/launched_by": "ilp run", "ilp/host": socket.gethostname(), "ilp/pid": str(os.getpid())}
    batches: list[str] = []
    failed_checks: set[str] = set()
    total = todo.new_files + sum(todo.unfinished.values()) + todo.reextract_files
    with _open_instance(home) as instance, FileProgress(db_path.resolve(), started, total) as progress:
        _release_runs_of_dead_processes(instance)
        execute = partial(job.execute_in_process, instance=instance, raise_on_error=False, tags=tags)

        def run(key: str, ingest: dict, cluster: bool, what: str):
            _wait_for_the_warehouse(instance, db_path, wait_timeout)
            progress.say(f"ilp run: batch {key}: {what} ...")
            result = execute(
                partition_key=key,
                run_config={**config, "ops": {"raw_articles": {"config": ingest}}},
                asset_selection=None if cluster else without_clusters,
            )
            batches.append(key)
            failed_checks.update(e.check_name for e in result.get_asset_check_evaluations() if not e.passed)
            return result

        # The warehouse is the record of its batches. One built on another Dagster instance (another
        # DAGSTER_HOME, a deleted .dagster_home) still holds them: they become partitions here too.
        known = set(instance.get_dynamic_partitions(ingest_batches.name))
        missing = [k for k in [*todo.reextract, *todo.unfinished] if k not in known]
        if missing:
            instance.add_dynamic_partitions(ingest_batches.name, missing)
        succeeded = True
        for i, key in enumerate(todo.reextract):  # every batch again, as a backfill of all partitions does
            last = i == len(todo.reextract) - 1 and not todo.new_files
            succeeded = run(key, {}, cluster=last, what=f"re-extracting ({i + 1} of {len(todo.reextract)})").success
            if not succeeded:
                break
        for key in todo.unfinished if succeeded else ():  # finish what a killed run left, in its own batch
            n = todo.unfinished[key]
            succeeded = run(
                key, {"only_unfinished": True}, cluster=not todo.new_files, what=f"finishing {n} files"
            ).success
            if not succeeded:
                break
        remaining = todo.new_files
        while succeeded and remaining:
            key = new_batch_key()
            instance.add_dynamic_partitions(ingest_batches.name, [key])
            what = f"{min(remaining, chunk_files)} of {remaining} new or changed files"
            result = run(key, {"max_files": chunk_files}, cluster=remaining <= chunk_files, what=what)
            succeeded = result.success
            left = result.asset_materializations_for_node("raw_articles")
            remaining = left[0].metadata["left_for_next_batch"].value if succeeded and left else 0
            del result  # a result holds its outputs; a big input has many batches
        if succeeded and not batches and todo.stale_clusters:
            latest = sorted(instance.get_dynamic_partitions(ingest_batches.name))
            if latest:
                succeeded = run(latest[-1], {"only_unfinished": True}, cluster=True, what="clustering").success
    return _report(articles_dir, db_path, home, before, started, batches, sorted(failed_checks), succeeded)


def _open_instance(home: Path):
    """The instance in `home`. Two processes creating a new instance's SQLite storage at once race on its
    schema; a file lock lets the first create it and the second open what the first made."""
    import fcntl

    import dagster as dg

    with open(home / ".instance-setup.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            instance = dg.DagsterInstance.from_config(str(home))
            instance.get_runs_count()  # touches the run storage, creating it if new
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return instance


def _release_runs_of_dead_processes(instance) -> None:
    """Runs `ilp run` started in a process that has since died (killed) are marked failed, and their
    warehouse-pool slot freed; otherwise the next run would wait for that slot for ever."""
    import dagster as dg

    stuck = instance.get_runs(
        dg.RunsFilter(
            job_name=JOB,
            statuses=[dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING],
            tags={"ilp/launched_by": "ilp run", "ilp/host": socket.gethostname()},
        )
    )
    for stale in stuck:
        pid = int(stale.tags.get("ilp/pid", "0"))
        if pid and not _alive(pid):
            instance.report_run_failed(stale, f"the `ilp run` process (pid {pid}) ended before the run finished")
            instance.event_log_storage.free_concurrency_slots_for_run(stale.run_id)


def _wait_for_the_warehouse(instance, db_path: Path, timeout: float, poll: float = 0.25) -> None:
    """Wait, saying so, while another run holds the warehouse pool; give up after `timeout` seconds.

    Dagster would also make the run's writing steps wait; waiting here first lets `ilp run` say why it
    is idle, release slots whose run died, and give up cleanly."""
    from pipelines.partitions import WAREHOUSE_POOL

    storage = instance.event_log_storage
    deadline = time.monotonic() + timeout
    told = False
    while True:
        info = storage.get_concurrency_info(WAREHOUSE_POOL)
        limit = info.slot_count or info.limit or 1
        if info.active_slot_count < limit:
            return
        _release_runs_of_dead_processes(instance)
        if time.monotonic() >= deadline:
            raise WarehouseBusy(f"another run is writing {db_path}; gave up after {timeout:.0f} s")
        if not told:
            runs = ", ".join(sorted(info.active_run_ids))
            print(f"waiting for another run to finish writing {db_path} (run {runs}) ...", file=sys.stderr)
            told = True
        time.sleep(poll)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _report(
    articles_dir: Path,
    db_path: Path,
    home: Path,
    before: dict[str, int],
    started: str,
    batches: list[str],
    failed_checks: list[str],
    succeeded: bool,
) -> int:
    db = open_db(str(db_path), readonly=True)  # the summary only reads
    print(f"ilp run: {articles_dir} -> {db_path}")
    print(f"  batches: {', '.join(batches) or '(none)'}; runs recorded in {home} (see them with `make dev`)")
    _print_counts(before, table_counts(db))
    processed = list(
        db.query(
            "select i.path, i.status, i.article_id, r.reason from inputs i left join rejects r "
            "on r.source = i.source and r.content_hash = i.content_hash where i.processed_at >= ? order by i.path",
            [started],
        )
    )
    n_rejected = sum(row["status"] == "rejected" for row in processed)
    written = [row["article_id"] for row in processed if row["status"] == "article"]
    copies = len(written) - len(set(written))
    print(f"  this run: {len(processed)} new or changed inputs, {len(written)} articles written, {n_rejected} rejected")
    if copies:
        print(f"  merged: {copies} of these inputs had the same clean text as another input and share its article")
    for row in processed:
        if row["status"] == "rejected":
            print(f"  rejected {row['path']}: {row['reason']}")
    if failed_checks:
        print(f"  failed checks: {', '.join(failed_checks)}", file=sys.stderr)
    if not succeeded:
        print("ilp run: the pipeline failed; see the log above and the run in the Dagster UI", file=sys.stderr)
        return 1
    return 0


def _print_counts(before: dict[str, int], after: dict[str, int]) -> None:
    print(f"  {'table':16} {'rows':>7} {'change':>7}")
    for table, n in after.items():
        print(f"  {table:16} {n:7d} {n - before.get(table, 0):+7d}")
