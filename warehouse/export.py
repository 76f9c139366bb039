"""Write the warehouse tables and research views as CSV or Parquet, for R, Stata or pandas users.

Every column gets a type: region codes are text ("72.10" must not become the number 72.1), counts are
whole numbers even where some are missing, flags are booleans, dates and timestamps are dates where
every value is a full date. Parquet files carry these types; the CSV folder gets a `datapackage.json`
(Frictionless Data Package) that says them, for readers that guess types from CSV text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from warehouse.schema import FACT_TABLES, VIEW_NAMES, open_db

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
    "reviews",
)
_DECLARED = {"INTEGER": "integer", "REAL": "number", "TEXT": "string"}
# Columns whose type the name says, whatever SQLite declares (views declare nothing for expressions).
_CODES = {"code", "parent", "main_region", "location_code", "region_code", "province_code", "kabupaten_code"}
_BY_NAME = {
    "is_ilp": "boolean",
    "year": "integer",
    "percent": "number",
    "launch_events": "integer",
    "implementing": "integer",
    "of_total": "integer",
    "articles": "integer",
    "published_date": "date",
    "reported_date": "date",
    "ingested_at": "datetime",
    "seen_at": "datetime",
    "reviewed_at": "datetime",
    "share_correct": "number",
}
_PRECISION = (
    "ISO 8601 with the precision the text gives: a day (2024-10-22), a month (2024-10) or a year (2024); "
    "kept as text so no precision is invented"
)


def column_types(db, name: str) -> dict[str, str]:
    """Frictionless type of each column of a table or view: string, integer, number, boolean, date, datetime."""
    types = {}
    for _, column, declared, *_ in db.execute(f"pragma table_info([{name}])").fetchall():
        if column in _CODES:
            types[column] = "string"
        elif column in _BY_NAME:
            types[column] = _BY_NAME[column]
        else:
            types[column] = _DECLARED.get((declared or "").upper(), "string")
    return types


def _typed(frame: pd.DataFrame, types: dict[str, str]) -> pd.DataFrame:
    """The frame with pandas dtypes that keep the types (nullable integers and booleans, real dates)."""
    out = frame.copy()
    for column, kind in types.items():
        if column not in out.columns:
            continue
        values = out[column]
        if kind == "string":
            out[column] = values.astype("string")
        elif kind == "integer":
            out[column] = pd.to_numeric(values, errors="coerce").astype("Int64")
        elif kind == "number":
            out[column] = pd.to_numeric(values, errors="coerce").astype("float64")
        elif kind == "boolean":
            out[column] = values.map(lambda v: None if v is None or pd.isna(v) else bool(v)).astype("boolean")
        elif kind == "date":
            out[column] = pd.to_datetime(values, format="%Y-%m-%d", errors="coerce").dt.date
        elif kind == "datetime":
            out[column] = pd.to_datetime(values, utc=True, errors="coerce", format="ISO8601")
    return out


_PRECISE_DATES = {
    "start",
    "end",
    "first_launch",
    "first_reported",
    "first_seen",
    "as_of",
    "target_date",
    "timeline_start",
    "timeline_end",
}


def _field(column: str, kind: str) -> dict:
    field: dict = {"name": column, "type": kind}
    if column in _PRECISE_DATES:
        field["description"] = _PRECISION
    if column in _CODES:
        field["description"] = "Kemendagri region code (text: '72.10' is not the number 72.1)"
    return field


def export(db_path: str, out_dir: Path, fmt: str) -> list[Path]:
    """One file per table and view (binary signatures left out); CSV also gets datapackage.json."""
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown format {fmt!r}; use csv or parquet")
    db = open_db(db_path, readonly=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    written, resources = [], []
    for name in (*EXPORTED_TABLES, *VIEW_NAMES):
        # Facts a reviewer marked wrong leave the exports (the reviews file keeps the verdicts).
        where = " where review_status != 'wrong'" if name in FACT_TABLES else ""
        frame = pd.read_sql_query(f"select * from [{name}]{where}", db.conn)
        frame = frame.drop(columns=[c for c in ("minhash",) if c in frame.columns])
        types = {c: t for c, t in column_types(db, name).items() if c in frame.columns}
        path = out_dir / f"{name}.{fmt}"
        if fmt == "csv":
            frame.to_csv(path, index=False)
            resources.append(
                {
                    "name": name,
                    "path": path.name,
                    "format": "csv",
                    "mediatype": "text/csv",
                    "encoding": "utf-8",
                    "schema": {"fields": [_field(c, t) for c, t in types.items()]},
                }
            )
        else:
            _typed(frame, types).to_parquet(path, index=False)
        written.append(path)
    if fmt == "csv":
        package = out_dir / "datapackage.json"
        package.write_text(
            json.dumps({"name": "ilp-monitor", "resources": resources}, indent=1, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        written.append(package)
    return written
