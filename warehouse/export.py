"""Write the warehouse tables and research views as CSV or Parquet, for R, Stata or pandas users."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from warehouse.schema import VIEWS, open_db

EXPORTED_TABLES = (
    "articles",
    "dates",
    "facility_counts",
    "people",
    "locations",
    "events",
    "event_counts",
    "event_clusters",
    "event_cluster_members",
    "rejects",
    "regions",
)


def export(db_path: str, out_dir: Path, fmt: str) -> list[Path]:
    """One file per table and view; binary columns (signatures) are left out."""
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown format {fmt!r}; use csv or parquet")
    db = open_db(db_path, readonly=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in (*EXPORTED_TABLES, *VIEWS):
        frame = pd.read_sql_query(f"select * from [{name}]", db.conn)
        frame = frame.drop(columns=[c for c in ("minhash",) if c in frame.columns])
        path = out_dir / f"{name}.{fmt}"
        if fmt == "csv":
            frame.to_csv(path, index=False)
        else:
            frame.to_parquet(path, index=False)
        written.append(path)
    return written
