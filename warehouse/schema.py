"""Versioned warehouse schema: each migration runs once, in its own transaction."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("ilp_monitor")

FACT_TABLES = ("dates", "facility_counts", "people", "locations", "events")
_FK = [("article_id", "articles", "article_id")]


@migrations()
def m001_initial(db: Database) -> None:
    db["articles"].create(
        {
            "article_id": str,
            "source": str,
            "url": str,
            "title": str,
            "published_date": str,
            "is_ilp": int,
            "main_region": str,
            "text": str,
            "content_hash": str,
            "ingested_at": str,
            "batch_id": str,
        },
        pk="article_id",
    )
    db["dates"].create(
        {
            "id": int,
            "article_id": str,
            "text": str,
            "start": str,
            "end": str,
            "char_start": int,
            "char_end": int,
            "evidence": str,
        },
        pk="id",
        foreign_keys=_FK,
    )
    db["facility_counts"].create(
        {
            "id": int,
            "article_id": str,
            "facility_type": str,
            "count": int,
            "status": str,
            "of_total": int,
            "percent": float,
            "location_code": str,
            "text": str,
            "char_start": int,
            "char_end": int,
            "evidence": str,
        },
        pk="id",
        foreign_keys=_FK,
    )
    db["people"].create(
        {
            "id": int,
            "article_id": str,
            "name": str,
            "honorific": str,
            "degrees": str,
            "role": str,
            "organization": str,
            "text": str,
            "char_start": int,
            "char_end": int,
        },
        pk="id",
        foreign_keys=_FK,
    )
    db["locations"].create(
        {
            "id": int,
            "article_id": str,
            "name": str,
            "type": str,
            "code": str,
            "text": str,
            "char_start": int,
            "char_end": int,
        },
        pk="id",
        foreign_keys=_FK,
    )
    db["events"].create(
        {
            "id": int,
            "article_id": str,
            "event_type": str,
            "start": str,
            "end": str,
            "facility": str,
            "facility_type": str,
            "location_code": str,
            "actors": str,
            "evidence": str,
            "char_start": int,
            "char_end": int,
        },
        pk="id",
        foreign_keys=_FK,
    )
    db["rejects"].create(
        {"source": str, "content_hash": str, "reason": str, "seen_at": str}, pk=("source", "content_hash")
    )
    # Every input file seen, what it hashed to and which article it became: what decides "new or changed".
    db["inputs"].create(
        {
            "path": str,
            "source": str,
            "content_hash": str,
            "article_id": str,
            "batch_id": str,
            "status": str,
            "processed_at": str,
        },
        pk="path",
    )
    db["ingest_batches"].create(
        {"batch_id": str, "created_at": str, "articles_dir": str, "n_inputs": int}, pk="batch_id"
    )
    db["batch_inputs"].create(
        {"batch_id": str, "path": str, "content_hash": str},
        pk=("batch_id", "path"),
        foreign_keys=[("batch_id", "ingest_batches", "batch_id")],
    )
    for table in FACT_TABLES:
        db[table].create_index(["article_id"])
    db["articles"].create_index(["source"])
    db["articles"].create_index(["published_date"])
    db["facility_counts"].create_index(["location_code", "facility_type"])
    db["events"].create_index(["event_type"])
    db["events"].create_index(["location_code"])
    db["events"].create_index(["start"])
    db["dates"].create_index(["start"])
    db["locations"].create_index(["code"])
    db["locations"].create_index(["type", "name"])
    db["people"].create_index(["name"])
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61")


def open_db(path: str, readonly: bool = False) -> Database:
    """Open (creating and migrating) the warehouse with WAL and a busy timeout."""
    import sqlite3

    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        return Database(conn)
    db = Database(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA busy_timeout=30000")
    db.execute("PRAGMA foreign_keys=ON")
    migrations.apply(db)
    return db
