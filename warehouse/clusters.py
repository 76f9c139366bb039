"""Near-duplicate articles and event clusters, rebuilt over the whole warehouse in one transaction.

Deterministic: the same articles give the same duplicate marks and the same cluster ids, so a
run with nothing new leaves both unchanged.
"""

from __future__ import annotations

import numpy as np
from sqlite_utils import Database

from extractors.dedup import LSHIndex

DUPLICATE_THRESHOLD = 0.8


_ORDER = "coalesce(reported_date, substr(ingested_at, 1, 10))"


def mark_duplicates(db: Database, threshold: float = DUPLICATE_THRESHOLD, since_generation: int | None = None) -> int:
    """Mark each article that nearly repeats an earlier one (by reported date, then id: the same answer
    whatever order the articles arrived in); returns the number newly marked.

    With `since_generation`, when every article written since then sorts after all earlier ones (the
    usual case: new news is newer), only the new articles are placed; earlier marks cannot change then.
    """
    if since_generation is not None:
        placed = _place_new_articles(db, threshold, since_generation)
        if placed is not None:
            return placed
    rows = db.conn.execute(
        f"select article_id, minhash from articles where minhash is not null order by {_ORDER}, article_id"
    )
    return _place(db, rows, _Index(), threshold)


class _Index:
    """Originals seen so far: LSH buckets, signatures and their order."""

    def __init__(self) -> None:
        self.lsh = LSHIndex()
        self.signatures: dict[str, np.ndarray] = {}
        self.order: dict[str, int] = {}

    def add(self, aid: str, sig: bytes) -> None:
        self.order[aid] = len(self.order)
        self.lsh.insert(aid, sig)
        self.signatures[aid] = np.frombuffer(sig, dtype=np.uint64)

    def original_of(self, sig: bytes, threshold: float) -> tuple[str | None, float | None]:
        candidates = sorted(self.lsh.candidates(sig), key=self.order.__getitem__)
        if not candidates:  # all candidates' similarities in one array operation below
            return None, None
        scores = (np.stack([self.signatures[c] for c in candidates]) == np.frombuffer(sig, dtype=np.uint64)).mean(
            axis=1
        )
        near = np.flatnonzero(scores >= threshold)
        return (candidates[near[0]], round(float(scores[near[0]]), 3)) if len(near) else (None, None)


def _place(db: Database, rows, index: _Index, threshold: float) -> int:
    marks: dict[str, tuple[str | None, float | None]] = {}
    for aid, sig in rows:
        marks[aid] = index.original_of(sig, threshold)
        if marks[aid][0] is None:
            index.add(aid, sig)
    with db.atomic():
        db.conn.executemany(
            "update articles set duplicate_of = ?, duplicate_similarity = ? where article_id = ? and "
            "(duplicate_of is not ? or duplicate_similarity is not ?)",
            [(dup, sim, aid, dup, sim) for aid, (dup, sim) in marks.items()],
        )
    return sum(1 for dup, _ in marks.values() if dup)


def _place_new_articles(db: Database, threshold: float, since: int) -> int | None:
    key = f"{_ORDER} || '|' || article_id"
    old_max = db.execute(
        f"select max({key}) from articles where minhash is not null and generation <= ?", [since]
    ).fetchone()[0]
    new_min = db.execute(
        f"select min({key}) from articles where minhash is not null and generation > ?", [since]
    ).fetchone()[0]
    if new_min is None:
        return 0
    if old_max is not None and new_min <= old_max:
        return None  # a new article sorts among the old ones: only a full pass is right
    index = _Index()
    for aid, sig in db.conn.execute(
        f"select article_id, minhash from articles where minhash is not null and generation <= ? "
        f"and duplicate_of is null order by {_ORDER}, article_id",
        [since],
    ):
        index.add(aid, sig)
    rows = db.conn.execute(
        f"select article_id, minhash from articles where minhash is not null and generation > ? "
        f"order by {_ORDER}, article_id",
        [since],
    )
    return _place(db, list(rows), index, threshold)


# A cluster id says what it groups: "launch|2023-12-04|2023-12-04|33.24" for a dated event (type, dates,
# kabupaten); an undated one is kept within its story (an article and its near-duplicates) and facility.
_CLUSTER_KEY = """
CASE WHEN e.start IS NOT NULL
     THEN e.event_type || '|' || e.start || '|' || COALESCE(e."end", '') || '|'
          || substr(COALESCE(e.location_code, ''), 1, 5)
     ELSE e.event_type || '|||' || substr(COALESCE(e.location_code, ''), 1, 5) || '|'
          || COALESCE(a.duplicate_of, a.article_id) || '|' || lower(COALESCE(e.facility, ''))
END"""


def rebuild_event_clusters(db: Database) -> int:
    """One cluster per real-world event, computed inside SQLite so memory stays flat as the warehouse grows.

    Dated events cluster by (type, dates, kabupaten), undated ones within a group of near-duplicate
    articles. Unchanged membership leaves both tables untouched. Returns the number of clusters.
    """
    with db.atomic():
        db.execute("DROP TABLE IF EXISTS temp.new_members")
        db.execute(
            f"CREATE TEMP TABLE new_members AS SELECT {_CLUSTER_KEY} AS cluster_id, e.id AS event_id, "
            "e.article_id FROM events e JOIN articles a ON a.article_id = e.article_id"
        )
        changed = db.execute(
            "SELECT EXISTS (SELECT cluster_id, event_id, article_id FROM temp.new_members "
            "EXCEPT SELECT cluster_id, event_id, article_id FROM event_cluster_members) "
            "OR EXISTS (SELECT cluster_id, event_id, article_id FROM event_cluster_members "
            "EXCEPT SELECT cluster_id, event_id, article_id FROM temp.new_members)"
        ).fetchone()[0]
        if changed:
            db.execute("DELETE FROM event_cluster_members")
            db.execute("DELETE FROM event_clusters")
            db.execute("CREATE INDEX temp.new_members_cluster ON new_members (cluster_id)")
            db.execute("""
INSERT INTO event_clusters (cluster_id, event_type, start, "end", location_code, facility, n_events, n_articles,
                            first_reported)
SELECT m.cluster_id, MIN(e.event_type), MIN(e.start), MIN(e."end"),
       (SELECT e2.location_code FROM temp.new_members m2 JOIN events e2 ON e2.id = m2.event_id
        WHERE m2.cluster_id = m.cluster_id AND e2.location_code IS NOT NULL
        ORDER BY length(e2.location_code) DESC, e2.location_code LIMIT 1),
       (SELECT e3.facility FROM temp.new_members m3 JOIN events e3 ON e3.id = m3.event_id
        WHERE m3.cluster_id = m.cluster_id AND e3.facility IS NOT NULL
        GROUP BY e3.facility ORDER BY COUNT(*) DESC, e3.facility LIMIT 1),
       COUNT(*), COUNT(DISTINCT m.article_id),
       MIN(COALESCE(a.reported_date, substr(a.ingested_at, 1, 10)))
FROM temp.new_members m JOIN events e ON e.id = m.event_id JOIN articles a ON a.article_id = m.article_id
GROUP BY m.cluster_id""")
            db.execute(
                "INSERT INTO event_cluster_members (cluster_id, event_id, article_id) "
                "SELECT cluster_id, event_id, article_id FROM temp.new_members"
            )
        db.execute("DROP TABLE temp.new_members")
    return db.execute("SELECT COUNT(*) FROM event_clusters").fetchone()[0]
