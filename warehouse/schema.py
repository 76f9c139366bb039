"""Versioned warehouse schema: each migration runs once, in its own transaction."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from extractors.models import FACT_KINDS as FACT_TABLES  # one table per kind of fact

migrations = Migrations("ilp_monitor")

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


@migrations()
def m002_events_clusters_views(db: Database) -> None:
    """Regions, near-duplicates, event clusters, the counts an event reports, and the research views."""
    from warehouse.regions import load_regions

    db["regions"].create({"code": str, "name": str, "type": str, "parent": str, "level": int}, pk="code")
    load_regions(db)
    db["regions"].create_index(["type", "name"])
    db["articles"].add_column("minhash", bytes)
    db["articles"].add_column("duplicate_of", str)
    db["articles"].add_column("duplicate_similarity", float)
    # When the story is from: the published date, else the newest full date the article itself gives.
    db["articles"].add_column("reported_date", str)
    db["articles"].create_index(["duplicate_of"])
    db["event_counts"].create(
        {"event_id": int, "count_id": int},
        pk=("event_id", "count_id"),
        foreign_keys=[("event_id", "events", "id"), ("count_id", "facility_counts", "id")],
    )
    db["event_counts"].create_index(["count_id"])
    db["event_clusters"].create(
        {
            "cluster_id": str,
            "event_type": str,
            "start": str,
            "end": str,
            "location_code": str,
            "facility": str,
            "n_events": int,
            "n_articles": int,
            "first_reported": str,
        },
        pk="cluster_id",
    )
    db["event_cluster_members"].create(
        {"cluster_id": str, "event_id": int, "article_id": str},
        pk=("cluster_id", "event_id"),
        foreign_keys=[
            ("cluster_id", "event_clusters", "cluster_id"),
            ("event_id", "events", "id"),
            ("article_id", "articles", "article_id"),
        ],
    )
    db["event_cluster_members"].create_index(["event_id"])
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)


VIEWS: dict[str, str] = {
    # The newest figure for each region and facility type: how many run ILP, of how many, as of when.
    "latest_coverage": """
WITH c AS (
  SELECT fc.id AS count_id, fc.article_id, fc.location_code, fc.facility_type, fc.count AS implementing,
         fc.of_total, fc.percent, fc.evidence, a.source, a.url, a.title,
         COALESCE((SELECT MAX(d."end") FROM dates d WHERE d.article_id = fc.article_id AND d.evidence = fc.evidence),
                  a.reported_date, substr(a.ingested_at, 1, 10)) AS as_of
  FROM facility_counts fc JOIN articles a ON a.article_id = fc.article_id
  WHERE fc.status = 'implementing' AND a.is_ilp = 1 AND a.duplicate_of IS NULL AND fc.location_code IS NOT NULL
), ranked AS (
  SELECT c.*, ROW_NUMBER() OVER (PARTITION BY location_code, facility_type
                                 ORDER BY as_of DESC, implementing DESC) AS rank_in_region
  FROM c
)
SELECT r.location_code, reg.name AS region, reg.type AS region_type, r.facility_type, r.implementing, r.of_total,
       COALESCE(r.percent, CASE WHEN r.of_total > 0 THEN ROUND(100.0 * r.implementing / r.of_total, 1) END)
         AS percent,
       r.as_of, r.source, r.url, r.article_id, r.count_id, r.evidence
FROM ranked r LEFT JOIN regions reg ON reg.code = r.location_code
WHERE r.rank_in_region = 1
""",
    # Every event with its province and kabupaten/kota names, for timelines.
    "event_timeline": """
SELECT e.id AS event_id, e.event_type, e.start, e."end", substr(e.start, 1, 4) AS year,
       substr(e.location_code, 1, 2) AS province_code, p.name AS province,
       CASE WHEN length(e.location_code) >= 5 THEN substr(e.location_code, 1, 5) END AS kabupaten_code,
       k.name AS kabupaten, e.location_code, e.facility, e.facility_type, e.actors, e.evidence,
       m.cluster_id, a.article_id, a.source, a.url, a.published_date, a.reported_date, a.duplicate_of
FROM events e
JOIN articles a ON a.article_id = e.article_id
LEFT JOIN regions p ON p.code = substr(e.location_code, 1, 2)
LEFT JOIN regions k ON k.code = substr(e.location_code, 1, 5) AND length(e.location_code) >= 5
LEFT JOIN event_cluster_members m ON m.event_id = e.id
""",
    # Where ILP was launched, and the first date a launch there was reported for.
    "ilp_launches": """
SELECT COALESCE(kabupaten_code, province_code) AS region_code, COALESCE(kabupaten, province) AS region,
       province, MIN(start) AS first_launch, COUNT(DISTINCT COALESCE(cluster_id, event_id)) AS launch_events,
       GROUP_CONCAT(DISTINCT facility) AS facilities, GROUP_CONCAT(DISTINCT source) AS sources
FROM event_timeline
WHERE event_type = 'launch' AND region_code IS NOT NULL
GROUP BY 1
""",
    # People quoted in ILP news per region, with the roles the articles give them.
    "people_by_region": """
WITH grouped AS (
  SELECT p.name, p.role, p.honorific, a.main_region AS region_code,
         COUNT(DISTINCT p.article_id) AS articles, MIN(a.reported_date) AS first_seen,
         GROUP_CONCAT(DISTINCT a.source) AS sources
  FROM people p JOIN articles a ON a.article_id = p.article_id
  WHERE a.is_ilp = 1
  GROUP BY p.name, a.main_region, p.role
)
SELECT g.name, g.role, g.honorific, g.region_code, r.name AS region,
       substr(g.region_code, 1, 2) AS province_code, pr.name AS province,
       g.articles, g.first_seen, g.sources
FROM grouped g
LEFT JOIN regions r ON r.code = g.region_code
LEFT JOIN regions pr ON pr.code = substr(g.region_code, 1, 2)
""",
}


@migrations()
def m003_language(db: Database) -> None:
    """Articles carry the language they are written in ('id', 'en', 'other'), so others can be set aside."""
    db["articles"].add_column("language", str)
    db["articles"].create_index(["language"])


@migrations()
def m004_generation(db: Database) -> None:
    """A counter every article write bumps, so whole-warehouse steps can tell when nothing changed."""
    db["warehouse_state"].create({"key": str, "value": int}, pk="key")
    db["warehouse_state"].insert_all([{"key": "generation", "value": 0}, {"key": "clustered_generation", "value": -1}])


@migrations()
def m005_article_generation(db: Database) -> None:
    """Which write generation each article came in, so duplicate marking can place only the new ones."""
    db["articles"].add_column("generation", int)
    db.execute("update articles set generation = 0")
    db["articles"].create_index(["generation"])


@migrations()
def m006_file_hashes(db: Database) -> None:
    """Each input file's size, mtime and inode when it was last hashed, so unchanged files are not re-read."""
    db["file_hashes"].create(
        {"path": str, "size": int, "mtime_ns": int, "inode": int, "content_hash": str, "hashed_at_ns": int},
        pk="path",
    )


@migrations()
def m007_article_bands(db: Database) -> None:
    """Each article's LSH band keys, indexed, so a new article finds its near-duplicate candidates by lookup.

    Filled here from the stored signatures with the same slicing as `extractors.dedup.band_keys`.
    """
    from extractors.dedup import BANDS, ROWS

    db["article_bands"].create({"article_id": str, "band_key": bytes}, pk=("article_id", "band_key"), foreign_keys=_FK)
    db["article_bands"].create_index(["band_key"])
    db.execute(
        "WITH RECURSIVE band(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM band WHERE n + 1 < ?) "
        "INSERT OR IGNORE INTO article_bands (article_id, band_key) "
        "SELECT a.article_id, CAST(char(band.n) || substr(a.minhash, band.n * ? + 1, ?) AS BLOB) "
        "FROM articles a, band WHERE a.minhash IS NOT NULL",
        [BANDS, ROWS * 8, ROWS * 8],
    )


@migrations()
def m008_article_lookup_index(db: Database) -> None:
    """The views join facts to their article's status, date, region and source. An index holding those
    columns answers the join without reading article rows, whose long text comes before them."""
    db["articles"].create_index(
        [
            "article_id",
            "is_ilp",
            "duplicate_of",
            "reported_date",
            "published_date",
            "main_region",
            "source",
            "url",
            "title",
            "ingested_at",
        ],
        index_name="idx_articles_lookup",
    )


@migrations()
def m009_people_by_region_names_after_grouping(db: Database) -> None:
    """people_by_region looks up region names once per group, not once per mention (same rows, faster)."""
    db.create_view("people_by_region", VIEWS["people_by_region"], replace=True)


@migrations()
def m010_event_date_source(db: Database) -> None:
    """events.date_source: whether an event's date is its sentence's, the next sentence's, or the reported day."""
    db["events"].add_column("date_source", str)


# Views as of m011: coverage that knows its scope and as-of date, timelines that place undated events.
COVERAGE_VIEWS: dict[str, str] = {
    # Per region and facility type, the newest region-wide figure: how many run ILP, of how many, as of when.
    # A count for one puskesmas's working area is never a region's figure. Where the count's own sentence
    # gives no total, another sentence of the same report may: the same count with its total, or the
    # number of such facilities the report says the region has (total_source says which).
    "latest_coverage": """
WITH c AS (
  SELECT fc.id AS count_id, fc.article_id, fc.location_code, fc.facility_type, fc.count AS implementing,
         fc.of_total AS own_total,
         (SELECT MAX(o.of_total) FROM facility_counts o
           WHERE o.article_id = fc.article_id AND o.facility_type = fc.facility_type AND o.count = fc.count
             AND o.location_code = fc.location_code AND o.of_total IS NOT NULL) AS sibling_total,
         (SELECT MAX(t.count) FROM facility_counts t
           WHERE t.article_id = fc.article_id AND t.facility_type = fc.facility_type
             AND t.location_code = fc.location_code AND t.status = 'total'
             AND COALESCE(t.scope, 'region') = 'region' AND t.count >= fc.count) AS region_total,
         fc.percent, fc.evidence, a.source, a.url, a.title,
         COALESCE(fc.as_of, a.reported_date, substr(a.ingested_at, 1, 10)) AS as_of,
         COALESCE(fc.as_of_source, CASE WHEN a.reported_date IS NOT NULL THEN 'reported' ELSE 'ingested' END)
           AS as_of_source
  FROM facility_counts fc JOIN articles a ON a.article_id = fc.article_id
  WHERE fc.status = 'implementing' AND COALESCE(fc.scope, 'region') = 'region'
    AND a.is_ilp = 1 AND a.duplicate_of IS NULL AND fc.location_code IS NOT NULL
), totalled AS (
  SELECT c.*, COALESCE(own_total, sibling_total, region_total) AS of_total,
         CASE WHEN own_total IS NOT NULL THEN 'sentence'
              WHEN COALESCE(sibling_total, region_total) IS NOT NULL THEN 'same_report' END AS total_source
  FROM c
), ranked AS (
  SELECT t.*, ROW_NUMBER() OVER (PARTITION BY location_code, facility_type
                                 ORDER BY as_of DESC, of_total IS NOT NULL DESC, own_total IS NOT NULL DESC,
                                          as_of_source = 'sentence' DESC, implementing DESC, count_id)
           AS rank_in_region
  FROM totalled t
)
SELECT r.location_code, reg.name AS region, reg.type AS region_type, r.facility_type, r.implementing, r.of_total,
       COALESCE(r.percent, CASE WHEN r.of_total > 0 THEN ROUND(100.0 * r.implementing / r.of_total, 1) END)
         AS percent,
       r.total_source, r.as_of, r.as_of_source, r.source, r.url, r.title, r.article_id, r.count_id, r.evidence
FROM ranked r LEFT JOIN regions reg ON reg.code = r.location_code
WHERE r.rank_in_region = 1
""",
    # Every event with its province and kabupaten/kota names, for timelines. `start`/`end` are the dates
    # the text gives the event; `timeline_start` also places an undated one at its article's reported day
    # (`date_source` = 'article'), so a timeline neither drops it nor puts it first.
    "event_timeline": """
SELECT e.id AS event_id, e.event_type, e.start, e."end",
       COALESCE(e.timeline_start, e.start, a.reported_date) AS timeline_start,
       COALESCE(e.timeline_end, e."end", a.reported_date) AS timeline_end,
       COALESCE(e.date_source, CASE WHEN e.start IS NULL AND a.reported_date IS NOT NULL THEN 'article' END)
         AS date_source,
       substr(COALESCE(e.timeline_start, e.start, a.reported_date), 1, 4) AS year,
       CASE WHEN length(COALESCE(e.timeline_start, e.start, a.reported_date)) >= 7
            THEN substr(COALESCE(e.timeline_start, e.start, a.reported_date), 1, 7) END AS month,
       substr(e.location_code, 1, 2) AS province_code, p.name AS province,
       CASE WHEN length(e.location_code) >= 5 THEN substr(e.location_code, 1, 5) END AS kabupaten_code,
       k.name AS kabupaten, e.location_code, e.facility, e.facility_type,
       CASE WHEN e.facility IS NOT NULL
            THEN upper(substr(COALESCE(e.facility_type, ''), 1, 1)) || substr(COALESCE(e.facility_type, ''), 2)
                 || ' ' || e.facility END AS facility_named,
       (SELECT GROUP_CONCAT(fc.count || ' ' || fc.facility_type, ', ') FROM event_counts ec
          JOIN facility_counts fc ON fc.id = ec.count_id WHERE ec.event_id = e.id) AS facilities_counted,
       e.actors, e.evidence, m.cluster_id, a.article_id, a.source, a.url, a.title, a.published_date,
       a.reported_date, a.duplicate_of
FROM events e
JOIN articles a ON a.article_id = e.article_id
LEFT JOIN regions p ON p.code = substr(e.location_code, 1, 2)
LEFT JOIN regions k ON k.code = substr(e.location_code, 1, 5) AND length(e.location_code) >= 5
LEFT JOIN event_cluster_members m ON m.event_id = e.id
""",
    # Where ILP was launched: the first launch date the news gives, the first report of a launch there,
    # and the facilities launched (named ones, and counts such as "35 puskesmas").
    "ilp_launches": """
SELECT COALESCE(kabupaten_code, province_code) AS region_code, COALESCE(kabupaten, province) AS region,
       province, MIN(start) AS first_launch, MIN(timeline_start) AS first_reported,
       COUNT(DISTINCT COALESCE(cluster_id, event_id)) AS launch_events,
       NULLIF(TRIM(COALESCE(GROUP_CONCAT(DISTINCT facility_named), '') || ', '
                   || COALESCE(GROUP_CONCAT(DISTINCT facilities_counted), ''), ', '), '') AS facilities,
       GROUP_CONCAT(DISTINCT source) AS sources
FROM event_timeline
WHERE event_type = 'launch' AND region_code IS NOT NULL
GROUP BY 1
""",
}


@migrations()
def m011_coverage_scope_and_timeline(db: Database) -> None:
    """Counts know their scope and as-of date; events carry a timeline date; views use both."""
    for column in ("scope", "scope_facility", "as_of", "as_of_source", "target_date"):
        db["facility_counts"].add_column(column, str)
    for column in ("timeline_start", "timeline_end"):
        db["events"].add_column(column, str)
    db["facility_counts"].create_index(["status", "scope", "location_code", "facility_type"])
    for name, sql in COVERAGE_VIEWS.items():
        db.create_view(name, sql, replace=True)


@migrations()
def m012_region_names_beside_codes(db: Database) -> None:
    """Region names beside the codes (`location_name`, `main_region_name`), so that facets, exports and
    plain SELECTs show "Kota Kupang" where they showed 53.71; `regions.label` is that name."""
    from warehouse.regions import fill_region_names, load_regions

    load_regions(db)  # adds `label` (a new warehouse got it already, when m002 loaded the regions)
    db["facility_counts"].add_column("location_name", str)
    db["events"].add_column("location_name", str)
    db["articles"].add_column("main_region_name", str)
    fill_region_names(db)


@migrations()
def m013_fact_ids(db: Database) -> None:
    """Every fact's stable identity (extractors.identity): the same fact re-extracted keeps it, so reviews
    can refer to it. Rows written before this are given theirs at the next re-extraction."""
    for table in FACT_TABLES:
        db[table].add_column("fact_id", str)
        db[table].create_index(["fact_id"])


# Views as of m014: facts a reviewer marked wrong leave the research views; each row says its review status.
REVIEW_VIEWS: dict[str, str] = {
    "latest_coverage": COVERAGE_VIEWS["latest_coverage"]
    .replace("AND o.of_total IS NOT NULL)", "AND o.of_total IS NOT NULL AND o.review_status != 'wrong')")
    .replace("AND t.count >= fc.count)", "AND t.count >= fc.count AND t.review_status != 'wrong')")
    .replace(
        "WHERE fc.status = 'implementing' AND", "WHERE fc.status = 'implementing' AND fc.review_status != 'wrong' AND"
    )
    .replace("fc.percent, fc.evidence,", "fc.percent, fc.evidence, fc.review_status,")
    .replace("r.count_id, r.evidence\n", "r.count_id, r.evidence, r.review_status\n"),
    "event_timeline": COVERAGE_VIEWS["event_timeline"]
    .replace("WHERE ec.event_id = e.id)", "WHERE ec.event_id = e.id AND fc.review_status != 'wrong')")
    .replace("e.actors, e.evidence,", "e.actors, e.evidence, e.review_status,")
    .replace(
        "LEFT JOIN event_cluster_members m ON m.event_id = e.id\n",
        "LEFT JOIN event_cluster_members m ON m.event_id = e.id\nWHERE e.review_status != 'wrong'\n",
    ),
    "people_by_region": VIEWS["people_by_region"]
    .replace("WHERE a.is_ilp = 1", "WHERE a.is_ilp = 1 AND p.review_status != 'wrong'")
    .replace(
        "GROUP_CONCAT(DISTINCT a.source) AS sources",
        "GROUP_CONCAT(DISTINCT a.source) AS sources,\n"
        "         SUM(p.review_status IN ('verified', 'corrected')) AS reviewed_mentions",
    )
    .replace("g.first_seen, g.sources", "g.first_seen, g.sources, g.reviewed_mentions"),
    # Reviews whose fact is no longer extracted (its sentence or span changed): kept, and listed here.
    "orphaned_reviews": """
SELECT r.* FROM reviews r
WHERE r.fact_id NOT IN (SELECT fact_id FROM dates WHERE fact_id IS NOT NULL
                        UNION ALL SELECT fact_id FROM facility_counts WHERE fact_id IS NOT NULL
                        UNION ALL SELECT fact_id FROM people WHERE fact_id IS NOT NULL
                        UNION ALL SELECT fact_id FROM locations WHERE fact_id IS NOT NULL
                        UNION ALL SELECT fact_id FROM events WHERE fact_id IS NOT NULL)
""",
    # Per kind of fact: how many there are, how many were reviewed and the share found correct as extracted
    # (a precision estimate from real use).
    "review_progress": """
WITH f AS (
  SELECT 'dates' AS kind, review_status FROM dates
  UNION ALL SELECT 'facility_counts', review_status FROM facility_counts
  UNION ALL SELECT 'people', review_status FROM people
  UNION ALL SELECT 'locations', review_status FROM locations
  UNION ALL SELECT 'events', review_status FROM events
)
SELECT kind, COUNT(*) AS facts, SUM(review_status != 'unreviewed') AS reviewed,
       SUM(review_status = 'verified') AS verified, SUM(review_status = 'corrected') AS corrected,
       SUM(review_status = 'wrong') AS wrong,
       ROUND(1.0 * SUM(review_status = 'verified') / NULLIF(SUM(review_status != 'unreviewed'), 0), 3)
         AS share_correct
FROM f GROUP BY kind
""",
}
# Every research view, for exports, tests and benchmarks.
VIEW_NAMES = (*VIEWS, "orphaned_reviews", "review_progress")

REVIEW_STATUSES = ("unreviewed", "verified", "corrected", "wrong")


@migrations()
def m014_reviews(db: Database) -> None:
    """Reviews as data: an append-only `reviews` table keyed by fact_id; each fact row carries its
    `review_status` and, where a reviewer corrected it, the `extracted` values it replaced."""
    db.execute(
        """CREATE TABLE reviews (
  review_id INTEGER PRIMARY KEY,
  fact_id TEXT NOT NULL,
  kind TEXT,
  verdict TEXT NOT NULL CHECK (verdict IN ('correct', 'wrong', 'edit')),
  field TEXT,
  value TEXT,
  reviewer TEXT,
  note TEXT,
  reviewed_at TEXT NOT NULL,
  source TEXT,
  span TEXT,
  evidence TEXT,
  CHECK ((verdict = 'edit') = (field IS NOT NULL))
)"""
    )
    db["reviews"].create_index(["fact_id", "review_id"])
    # A review is a record of what someone checked: never changed or deleted, by a run or anything else.
    db.execute(
        "CREATE TRIGGER reviews_are_kept_delete BEFORE DELETE ON reviews "
        "BEGIN SELECT RAISE(ABORT, 'reviews are never deleted; add a new review instead'); END"
    )
    db.execute(
        "CREATE TRIGGER reviews_are_kept_update BEFORE UPDATE ON reviews "
        "BEGIN SELECT RAISE(ABORT, 'reviews are never changed; add a new review instead'); END"
    )
    for table in FACT_TABLES:
        db[table].add_column("review_status", str, not_null_default="unreviewed")
        db[table].add_column("extracted", str)
        db[table].create_index(["review_status"])
    for name, sql in REVIEW_VIEWS.items():
        db.create_view(name, sql, replace=True)


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
