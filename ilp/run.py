"""`ilp run`: materialise every asset in-process for today's ingestion partition."""

from __future__ import annotations

import sys
from pathlib import Path

import dagster as dg

from pipelines.automation import today_partition
from pipelines.definitions import ALL_ASSETS, ALL_CHECKS, build_resources
from warehouse.schema import open_db
from warehouse.store import now, table_counts


def run_pipeline(articles_dir: Path, db_path: Path, partition_key: str | None = None) -> int:
    if not articles_dir.is_dir():
        print(f"ilp run: no such folder: {articles_dir}", file=sys.stderr)
        return 2
    db_path.parent.mkdir(parents=True, exist_ok=True)
    before = table_counts(open_db(str(db_path)))
    started = now()
    key = partition_key or today_partition()
    result = dg.materialize(
        [*ALL_ASSETS, *ALL_CHECKS],
        partition_key=key,
        resources={**build_resources(str(articles_dir), str(db_path)), "io_manager": dg.mem_io_manager},
        raise_on_error=False,
        run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
    )
    db = open_db(str(db_path))
    after = table_counts(db)
    failed_checks = [
        e.asset_check_evaluation_data.check_name for e in result.get_asset_check_evaluations() if not e.passed
    ]
    print(f"ilp run: {articles_dir} -> {db_path} (batch {key})")
    print(f"  {'table':16} {'rows':>7} {'change':>7}")
    for table, n in after.items():
        print(f"  {table:16} {n:7d} {n - before.get(table, 0):+7d}")
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
    if not result.success:
        print("ilp run: the pipeline failed; see the log above", file=sys.stderr)
        return 1
    return 0
