"""Near-duplicate articles and event clusters, kept up to date where articles changed (or rebuilt over the
whole warehouse when most did), each step in one transaction.

Deterministic: the same articles give the same duplicate marks and the same cluster ids whatever order
they arrived in, so a run with nothing new leaves both unchanged.
"""

from __future__ import annotations

import heapq
from typing import NamedTuple

import numpy as np
from sqlite_utils import Database

from extractors.dedup import LSHIndex, band_keys

DUPLICATE_THRESHOLD = 0.8


_ORDER = "coalesce(reported_date, substr(ingested_at, 1, 10))"


class Placement(NamedTuple):
    """What a duplicate-marking pass did: how many duplicates it placed, and which articles' marks it
    changed (None after a full pass, which does not track them)."""

    duplicates: int
    remarked: frozenset[str] | None


def mark_duplicates(
    db: Database, threshold: float = DUPLICATE_THRESHOLD, since_generation: int | None = None
) -> Placement:
    """Mark each article that nearly repeats an earlier one (by reported date, then id: the same answer
    whatever order the articles arrived in).

    Without `since_generation`, a full pass over every article. With it, only the articles written since
    then, and the later ones their arrival can change, are placed again, each through the band index:
    the same marks as a full pass, at a cost that follows what changed rather than the warehouse's size
    (unless so much changed that the full pass is cheaper).
    """
    if since_generation is not None:
        placed = _place_changed(db, threshold, since_generation)
        if placed is not None:
            return placed
    rows = db.conn.execute(
        f"select article_id, minhash from articles where minhash is not null order by {_ORDER}, article_id"
    )
    return Placement(_place(db, rows, _Index(), threshold), None)


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
    _store_marks(db, marks)
    return sum(1 for dup, _ in marks.values() if dup)


# One article placed through the index costs about as much as this many placed by a full pass (and
# likewise for event clusters).
_LOOKUP_COST = 25


def too_many(db: Database, changed: int) -> bool:
    """Whether so many articles changed that a full pass over the warehouse is cheaper than following them."""
    return changed * _LOOKUP_COST > db.execute("select count(*) from articles").fetchone()[0]


def _place_changed(db: Database, threshold: float, since: int) -> Placement | None:
    """Re-place, in order, the articles whose mark may differ from what is stored.

    An article's mark depends only on the originals before it that are near it (LSH candidates at or
    above the threshold). So the work starts from the articles written since `since` and those whose
    original is gone, and spreads only where a mark moved: an article that is an original may take the
    later articles near it; one that was an original may release its duplicates. None when so many
    articles changed that a full pass costs less.
    """
    articles = _StoredArticles(db)
    todo: list[tuple[tuple[str, str], str]] = []

    def push(aid: str) -> None:
        info = articles.get(aid)
        if info is not None:
            heapq.heappush(todo, (info.key, aid))

    written = {
        aid
        for (aid,) in db.conn.execute(
            "select article_id from articles where generation > ? and minhash is not null", [since]
        )
    }
    # A rewritten article may now sort after its duplicates, and a deleted one leaves them orphaned: they
    # start in the queue too, so every article is placed after all that come before it.
    released = db.conn.execute(
        "select a.article_id from articles a where a.duplicate_of is not null and (a.duplicate_of in "
        "(select article_id from articles where generation > ?) "
        "or not exists (select 1 from articles o where o.article_id = a.duplicate_of))",
        [since],
    ).fetchall()
    start = written | {aid for (aid,) in released}
    if too_many(db, len(start)):
        return None
    for aid in sorted(start):
        push(aid)
    marks: dict[str, tuple[str | None, float | None]] = {}
    remarked: set[str] = set()
    while todo:
        key, aid = heapq.heappop(todo)
        if aid in marks:
            continue
        this = articles.get(aid)
        near = articles.candidates(aid, this.minhash)
        scores = _similarities(this.minhash, near)
        close = [(c, float(s)) for c, s in zip(near, scores, strict=True) if s >= threshold]
        originals = [(c, s) for c, s in close if c.key < key and articles.mark(c.article_id)[0] is None]
        first = min(originals, key=lambda pair: pair[0].key, default=None)
        mark = (first[0].article_id, round(first[1], 3)) if first else (None, None)
        before = articles.mark(aid)
        marks[aid] = articles.marks[aid] = mark
        if mark != before:
            remarked.add(aid)
        elif aid not in written:
            continue  # neither its place nor its mark moved: nothing after it can change through it
        if mark[0] is None:
            for c, _ in close:
                if c.key > key:
                    push(c.article_id)
        if before[0] is None:
            for (dup,) in db.conn.execute("select article_id from articles where duplicate_of = ?", [aid]).fetchall():
                push(dup)
    _store_marks(db, marks)
    return Placement(sum(1 for dup, _ in marks.values() if dup), frozenset(remarked))


class _Stored(NamedTuple):
    article_id: str
    key: tuple[str, str]
    minhash: bytes
    mark: tuple[str | None, float | None]


class _StoredArticles:
    """Articles read from the warehouse as needed, with the marks placed so far this pass over them."""

    _COLUMNS = (
        "a.article_id, coalesce(a.reported_date, substr(a.ingested_at, 1, 10)), a.minhash, a.duplicate_of, "
        "a.duplicate_similarity"
    )

    def __init__(self, db: Database) -> None:
        self.db = db
        self.cache: dict[str, _Stored | None] = {}
        self.marks: dict[str, tuple[str | None, float | None]] = {}

    def _remember(self, row) -> _Stored:
        item = _Stored(row[0], (row[1], row[0]), row[2], (row[3], row[4]))
        self.cache[item.article_id] = item
        return item

    def get(self, aid: str) -> _Stored | None:
        if aid not in self.cache:
            row = self.db.conn.execute(
                f"select {self._COLUMNS} from articles a where a.article_id = ? and a.minhash is not null", [aid]
            ).fetchone()
            self.cache[aid] = self._remember(row) if row else None
        return self.cache[aid]

    def mark(self, aid: str) -> tuple[str | None, float | None]:
        return self.marks[aid] if aid in self.marks else self.cache[aid].mark

    def candidates(self, aid: str, minhash: bytes) -> list[_Stored]:
        """Every other article sharing an LSH bucket with this signature (one indexed lookup)."""
        keys = band_keys(minhash)
        rows = self.db.conn.execute(
            f"select distinct {self._COLUMNS} from article_bands b join articles a on a.article_id = b.article_id "
            f"where b.band_key in ({', '.join('?' * len(keys))}) and a.article_id != ?",
            [*keys, aid],
        ).fetchall()
        return [self._remember(r) for r in rows]


def _similarities(minhash: bytes, others: list[_Stored]) -> np.ndarray:
    if not others:
        return np.empty(0)
    return (
        np.stack([np.frombuffer(o.minhash, dtype=np.uint64) for o in others]) == np.frombuffer(minhash, dtype=np.uint64)
    ).mean(axis=1)


def _store_marks(db: Database, marks: dict[str, tuple[str | None, float | None]]) -> None:
    with db.atomic():
        db.conn.executemany(
            "update articles set duplicate_of = ?, duplicate_similarity = ? where article_id = ? and "
            "(duplicate_of is not ? or duplicate_similarity is not ?)",
            [(dup, sim, aid, dup, sim) for aid, (dup, sim) in marks.items()],
        )


# A cluster id says what it groups: "launch|2023-12-04|2023-12-04|33.24" for a dated event (type, dates,
# kabupaten); an undated one is kept within its story (an article and its near-duplicates) and facility.
_CLUSTER_KEY = """
CASE WHEN e.start IS NOT NULL
     THEN e.event_type || '|' || e.start || '|' || COALESCE(e."end", '') || '|'
          || substr(COALESCE(e.location_code, ''), 1, 5)
     ELSE e.event_type || '|||' || substr(COALESCE(e.location_code, ''), 1, 5) || '|'
          || COALESCE(a.duplicate_of, a.article_id) || '|' || lower(COALESCE(e.facility, ''))
END"""


def rebuild_event_clusters(
    db: Database, since_generation: int | None = None, remarked: frozenset[str] | None = None
) -> int:
    """One cluster per real-world event, computed inside SQLite so memory stays flat as the warehouse grows.

    Dated events cluster by (type, dates, kabupaten), undated ones within a group of near-duplicate
    articles. With `since_generation` and the articles whose duplicate marks just changed, only the
    clusters those articles' events leave or join (and any that lost events when an article was
    rewritten) are rebuilt; otherwise, or when most articles changed, all of them, and unchanged
    membership leaves both tables untouched. Returns the number of clusters.
    """
    with db.atomic():
        db.execute("DROP TABLE IF EXISTS temp.new_members")
        incremental = (
            since_generation is not None
            and remarked is not None
            and _members_of_changed(db, since_generation, remarked)
        )
        if not incremental:
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
                _insert_clusters(db)
        else:
            db.execute("DELETE FROM event_cluster_members WHERE cluster_id IN (SELECT cluster_id FROM temp.touched)")
            db.execute("DELETE FROM event_clusters WHERE cluster_id IN (SELECT cluster_id FROM temp.touched)")
            _insert_clusters(db)
            db.execute("DROP TABLE temp.touched")
        db.execute("DROP TABLE temp.new_members")
    return db.execute("SELECT COUNT(*) FROM event_clusters").fetchone()[0]


def _members_of_changed(db: Database, since: int, remarked: frozenset[str]) -> bool:
    """Fill temp.touched with the clusters to rebuild and temp.new_members with their members to be; False
    (nothing filled) when so many articles changed that rebuilding everything is cheaper."""
    db.execute("DROP TABLE IF EXISTS temp.dirty")
    db.execute("CREATE TEMP TABLE dirty (article_id TEXT PRIMARY KEY)")
    db.execute("INSERT INTO temp.dirty SELECT article_id FROM articles WHERE generation > ?", [since])
    db.conn.executemany("INSERT OR IGNORE INTO temp.dirty VALUES (?)", [(a,) for a in remarked])
    if too_many(db, db.execute("SELECT COUNT(*) FROM temp.dirty").fetchone()[0]):
        db.execute("DROP TABLE temp.dirty")
        return False
    db.execute("DROP TABLE IF EXISTS temp.touched")
    db.execute("CREATE TEMP TABLE touched (cluster_id TEXT PRIMARY KEY)")
    # Clusters that lost events when their article was rewritten or removed count fewer members now.
    db.execute(
        "INSERT INTO temp.touched SELECT c.cluster_id FROM event_clusters c "
        "WHERE c.n_events != (SELECT COUNT(*) FROM event_cluster_members m WHERE m.cluster_id = c.cluster_id)"
    )
    db.execute(
        "INSERT OR IGNORE INTO temp.touched SELECT cluster_id FROM event_cluster_members "
        "WHERE article_id IN (SELECT article_id FROM temp.dirty)"
    )
    db.execute(
        f"CREATE TEMP TABLE new_members AS SELECT {_CLUSTER_KEY} AS cluster_id, e.id AS event_id, e.article_id "
        "FROM events e JOIN articles a ON a.article_id = e.article_id "
        "WHERE e.article_id IN (SELECT article_id FROM temp.dirty)"
    )
    db.execute("INSERT OR IGNORE INTO temp.touched SELECT cluster_id FROM temp.new_members")
    db.execute(
        "INSERT INTO temp.new_members SELECT cluster_id, event_id, article_id FROM event_cluster_members "
        "WHERE cluster_id IN (SELECT cluster_id FROM temp.touched) "
        "AND article_id NOT IN (SELECT article_id FROM temp.dirty)"
    )
    db.execute("DROP TABLE temp.dirty")
    return True


def _insert_clusters(db: Database) -> None:
    """The clusters of temp.new_members with what they report, then their members."""
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
