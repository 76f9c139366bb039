"""All writes to the warehouse. One transaction per article, so a killed run leaves whole articles."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from sqlite_utils import Database

from extractors.dedup import band_keys, signature
from extractors.identity import fact_ids
from extractors.models import ArticleFacts, Reject
from extractors.reading import content_hash
from warehouse.regions import fill_region_names
from warehouse.reviews import apply_reviews
from warehouse.schema import FACT_TABLES


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def known_inputs(db: Database) -> dict[str, str]:
    """path -> content hash of every input already processed (articles and rejects alike)."""
    return {row["path"]: row["content_hash"] for row in db.query("select path, content_hash from inputs")}


# A file hashed within this many seconds of its last change may change again without its mtime moving
# (coarse file-system clocks), so its cached hash is not trusted: it is read again next time.
RACY_SECONDS = 2


def current_hashes(db: Database, paths: Iterable[Path], remember: bool = True) -> list[tuple[str, str]]:
    """(path, sha256) of each file, reading only the files whose size, mtime or inode changed since they
    were last hashed: a run over thousands of unchanged files stats them instead of reading them.
    A file that cannot be read gets "" (the reader then names it in `rejects`). Readers that must not
    write (the sensor, the fast path of `ilp run`) pass remember=False."""
    cached = {
        r[0]: r[1:]
        for r in db.execute("select path, size, mtime_ns, inode, content_hash, hashed_at_ns from file_hashes")
    }
    out, fresh = [], []
    for path in paths:
        key = str(path)
        try:
            st = path.stat()
            hit = cached.get(key)
            if hit and hit[:3] == (st.st_size, st.st_mtime_ns, st.st_ino) and hit[4] - st.st_mtime_ns > _RACY_NS:
                out.append((key, hit[3]))
                continue
            digest = content_hash(path.read_bytes())
        except OSError:
            out.append((key, ""))
            continue
        out.append((key, digest))
        fresh.append((key, st.st_size, st.st_mtime_ns, st.st_ino, digest, time.time_ns()))
    if fresh and remember:
        with db.atomic():
            db.conn.executemany(
                "insert or replace into file_hashes (path, size, mtime_ns, inode, content_hash, hashed_at_ns) "
                "values (?, ?, ?, ?, ?, ?)",
                fresh,
            )
    return out


_RACY_NS = RACY_SECONDS * 1_000_000_000


def record_batch(db: Database, batch_id: str, articles_dir: str, files: list[tuple[str, str]]) -> None:
    """Remember which files (path, hash) make up an ingestion batch, so it can be re-run as it was."""
    with db.atomic():
        db.execute(
            "insert into ingest_batches (batch_id, created_at, articles_dir, n_inputs) values (?, ?, ?, 0) "
            "on conflict(batch_id) do nothing",
            [batch_id, now(), articles_dir],
        )
        db["batch_inputs"].upsert_all(
            [{"batch_id": batch_id, "path": p, "content_hash": h} for p, h in files], pk=("batch_id", "path")
        )
        db.execute(
            "update ingest_batches set n_inputs = (select count(*) from batch_inputs where batch_id = ?) "
            "where batch_id = ?",
            [batch_id, batch_id],
        )


def batch_files(db: Database, batch_id: str) -> list[tuple[str, str]]:
    return [
        (r["path"], r["content_hash"])
        for r in db.query("select path, content_hash from batch_inputs where batch_id = ? order by path", [batch_id])
    ]


def _rows(
    article_id: str, items: Iterable[object], drop: tuple[str, ...] = (), rename: dict[str, str] | None = None
) -> list[dict]:
    rows = []
    for item in items:
        row = {"article_id": article_id}
        for k, v in asdict(item).items():
            if k in drop:
                continue
            k = (rename or {}).get(k, k)
            row[k] = json.dumps(list(v), ensure_ascii=False) if isinstance(v, (tuple, list)) else v
        rows.append(row)
    return rows


def _identified(ids: list[str], rows: list[dict]) -> list[dict]:
    return [{**row, "fact_id": fact_id} for fact_id, row in zip(ids, rows, strict=True)]


def write_article(db: Database, facts: ArticleFacts, path: str, batch_id: str | None) -> None:
    """Replace everything known about this input's article, in one transaction."""
    a = facts.article
    with db.atomic():
        previous = [
            r["article_id"]
            for r in db.query("select article_id from inputs where path = ? and article_id is not null", [path])
        ]
        stale = [aid for aid in previous if aid != a.article_id]
        for aid in [a.article_id, *stale]:
            _delete_facts(db, aid)
        for aid in stale:
            still_used = db.execute(
                "select 1 from inputs where article_id = ? and path != ? limit 1", [aid, path]
            ).fetchone()
            if not still_used:
                db.execute("delete from article_bands where article_id = ?", [aid])
                db.execute("delete from articles where article_id = ?", [aid])
        existing = db.execute("select ingested_at from articles where article_id = ?", [a.article_id]).fetchone()
        minhash = signature(a.text)
        db["articles"].upsert(
            {
                "article_id": a.article_id,
                "source": a.source,
                "url": a.url,
                "title": a.title,
                "published_date": a.published_date,
                "is_ilp": int(facts.is_ilp),
                "main_region": facts.main_region,
                "text": a.text,
                "content_hash": a.content_hash,
                "ingested_at": existing[0] if existing else now(),
                "batch_id": batch_id,
                "minhash": minhash,
                "reported_date": facts.reported_date,
                "language": a.language,
            },
            pk="article_id",
        )
        aid = a.article_id
        db.execute("delete from article_bands where article_id = ?", [aid])
        db.conn.executemany(
            "insert into article_bands (article_id, band_key) values (?, ?)", [(aid, k) for k in band_keys(minhash)]
        )
        ids = fact_ids(facts)
        db["dates"].insert_all(_identified(ids["dates"], _rows(aid, facts.dates, rename={"sentence": "evidence"})))
        count_ids = _insert_returning_ids(
            db,
            "facility_counts",
            _identified(ids["facility_counts"], _rows(aid, facts.facility_counts, rename={"sentence": "evidence"})),
        )
        db["people"].insert_all(_identified(ids["people"], _rows(aid, facts.people)))
        db["locations"].insert_all(_identified(ids["locations"], _rows(aid, facts.locations)))
        event_ids = _insert_returning_ids(
            db, "events", _identified(ids["events"], _rows(aid, facts.events, drop=("counts",)))
        )
        links = [
            (eid, count_ids[i])
            for eid, event in zip(event_ids, facts.events, strict=True)
            for i in event.counts
            if i < len(count_ids)
        ]
        db.conn.executemany("insert or ignore into event_counts (event_id, count_id) values (?, ?)", links)
        apply_reviews(db, article_ids=[aid])  # reviews name facts by fact_id, so they outlive re-extraction
        fill_region_names(db, aid)
        db.execute("delete from rejects where source = ?", [a.source])
        bump_generation(db)
        db.execute(
            "update articles set generation = (select value from warehouse_state where key = 'generation') "
            "where article_id = ?",
            [aid],
        )
        _mark_input(db, path, a.source, a.content_hash or "", aid, batch_id, "article")


def bump_generation(db: Database) -> None:
    db.execute("update warehouse_state set value = value + 1 where key = 'generation'")


def generation(db: Database, key: str = "generation") -> int:
    row = db.execute("select value from warehouse_state where key = ?", [key]).fetchone()
    return row[0] if row else 0


def _delete_facts(db: Database, article_id: str) -> None:
    """Remove an article's facts and the links that point at them."""
    events = "select id from events where article_id = ?"
    db.execute(
        f"delete from event_cluster_members where article_id = ? or event_id in ({events})", [article_id, article_id]
    )
    db.execute(
        f"delete from event_counts where event_id in ({events}) or count_id in "
        "(select id from facility_counts where article_id = ?)",
        [article_id, article_id],
    )
    for table in FACT_TABLES:
        db.execute(f"delete from [{table}] where article_id = ?", [article_id])


def _insert_returning_ids(db: Database, table: str, rows: list[dict]) -> list[int]:
    ids = []
    for row in rows:
        columns = ", ".join(f"[{c}]" for c in row)
        marks = ", ".join("?" for _ in row)
        ids.append(db.execute(f"insert into [{table}] ({columns}) values ({marks})", list(row.values())).lastrowid)
    return ids


def write_reject(db: Database, reject: Reject, path: str, content_hash: str, batch_id: str | None) -> None:
    """Record an input that could not be processed; seen again, it keeps its first seen_at."""
    with db.atomic():
        db.execute(
            "insert into rejects (source, content_hash, reason, seen_at) values (?, ?, ?, ?) "
            "on conflict(source, content_hash) do update set reason = excluded.reason",
            [reject.source, content_hash, reject.reason, now()],
        )
        _mark_input(db, path, reject.source, content_hash, None, batch_id, "rejected")


def _mark_input(
    db: Database, path: str, source: str, content_hash: str, article_id: str | None, batch_id: str | None, status: str
) -> None:
    db.execute(
        "insert into inputs (path, source, content_hash, article_id, batch_id, status, processed_at) "
        "values (?, ?, ?, ?, ?, ?, ?) on conflict(path) do update set source = excluded.source, "
        "content_hash = excluded.content_hash, article_id = excluded.article_id, batch_id = excluded.batch_id, "
        "status = excluded.status, processed_at = excluded.processed_at",
        [path, source, content_hash, article_id, batch_id, status, now()],
    )


def refresh_statistics(db: Database) -> bool:
    """ANALYZE when the number of articles has doubled (or halved) since the last time, so the query
    planner chooses its indexes for the warehouse as it is, not as it was when small. A full ANALYZE
    (0.14 s on 10,000 articles) that often costs little over a warehouse's life; sampled statistics
    were tried and led the planner to slower plans. Returns whether it ran."""
    articles = db.execute("select count(*) from articles").fetchone()[0]
    row = db.execute("select value from warehouse_state where key = 'analyzed_articles'").fetchone()
    if row is not None and row[0] / 2 <= articles < max(2 * row[0], 1):
        return False
    db.execute("ANALYZE")
    with db.atomic():
        db.execute("insert or replace into warehouse_state (key, value) values ('analyzed_articles', ?)", [articles])
    return True


def table_counts(db: Database) -> dict[str, int]:
    return {t: db[t].count for t in ("articles", *FACT_TABLES, "rejects")}
