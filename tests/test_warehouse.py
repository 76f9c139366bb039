import os
import sqlite3
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.article import extract_articles
from extractors.cleaning import article_id_for
from extractors.models import CleanArticle, Reject
from extractors.reading import content_hash
from warehouse.batches import plan_batch
from warehouse.schema import FACT_TABLES, migrations, open_db
from warehouse.store import (
    current_hashes,
    refresh_statistics,
    table_counts,
    write_article,
    write_reject,
)

TEXT = (
    "Dinas Kesehatan Kabupaten Kaur menggelar sosialisasi ILP pada 3 Mei 2024. Dari total 20 pustu, "
    "sebanyak 12 di antaranya telah melaksanakan ILP, kata Kepala Dinkes Kaur, dr. Budi Santoso."
)


def facts_for(text: str, source: str = "a.txt"):
    article = CleanArticle(source=source, article_id=article_id_for(text), text=text, content_hash="h-" + text[:8])
    return next(extract_articles([article]))


def snapshot(db):
    """Every row's content; `articles.generation` is left out: it counts writes by design (a rewrite is one)."""
    out = {}
    for t in ("articles", *FACT_TABLES, "rejects"):
        cols = [c for c in db[t].columns_dict if not (t == "articles" and c == "generation")]
        out[t] = sorted(map(tuple, db.execute(f"select {', '.join(f'[{c}]' for c in cols)} from [{t}]").fetchall()))
    return out


def test_schema_has_contract_columns(fresh_db):
    expected = {
        "articles": {"article_id", "source", "url", "title", "published_date", "is_ilp", "text", "ingested_at"},
        "dates": {"article_id", "text", "start", "end", "char_start", "char_end"},
        "facility_counts": {
            "article_id",
            "facility_type",
            "count",
            "status",
            "of_total",
            "percent",
            "location_code",
            "text",
            "char_start",
            "char_end",
        },
        "people": {"article_id", "name", "honorific", "degrees", "role", "organization"},
        "locations": {"article_id", "name", "type", "code"},
        "events": {
            "article_id",
            "event_type",
            "start",
            "end",
            "facility",
            "facility_type",
            "location_code",
            "evidence",
        },
        "rejects": {"source", "reason", "seen_at"},
    }
    for table, columns in expected.items():
        assert columns <= set(fresh_db[table].columns_dict), table
    for table in FACT_TABLES:
        assert fresh_db[table].foreign_keys[0].other_table == "articles"


def test_writing_twice_changes_nothing(fresh_db):
    facts = facts_for(TEXT)
    write_article(fresh_db, facts, "in/a.txt", "b1")
    before = snapshot(fresh_db)
    write_article(fresh_db, facts, "in/a.txt", "b1")
    assert snapshot(fresh_db) == before
    assert table_counts(fresh_db)["articles"] == 1 and table_counts(fresh_db)["facility_counts"] == 2


def test_changed_text_replaces_old_rows(fresh_db):
    write_article(fresh_db, facts_for(TEXT), "in/a.txt", "b1")
    changed = TEXT.replace("20 pustu", "25 pustu")
    write_article(fresh_db, facts_for(changed), "in/a.txt", "b2")
    assert fresh_db.execute("select count(*) from articles").fetchone()[0] == 1
    totals = [r[0] for r in fresh_db.execute("select count from facility_counts where status = 'total'")]
    assert totals == [25]


def test_reject_is_recorded_once(fresh_db):
    for _ in range(2):
        write_reject(fresh_db, Reject("bad.txt", "empty file"), "in/bad.txt", "h0", "b1")
    rows = list(fresh_db.query("select source, reason from rejects"))
    assert rows == [{"source": "bad.txt", "reason": "empty file"}]


def test_plan_batch_takes_only_new_or_changed_files(fresh_db):
    files = [("in/a.txt", "h1"), ("in/b.txt", "h2")]
    assert plan_batch(fresh_db, "2024-05-01", "in", files) == files
    write_reject(fresh_db, Reject("a.txt", "x"), "in/a.txt", "h1", "2024-05-01")
    write_reject(fresh_db, Reject("b.txt", "x"), "in/b.txt", "h2", "2024-05-01")
    assert plan_batch(fresh_db, "2024-05-02", "in", files) == []
    assert plan_batch(fresh_db, "2024-05-02", "in", [("in/a.txt", "h9"), ("in/b.txt", "h2")]) == [("in/a.txt", "h9")]


def _age(path, seconds: float) -> None:
    """Set a file's mtime `seconds` into the past, as for a file written a while ago."""
    past = time.time_ns() - int(seconds * 1e9)
    os.utime(path, ns=(past, past))


def test_current_hashes_reads_only_files_whose_stat_changed(fresh_db, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("satu"), b.write_text("dua")
    _age(a, 60), _age(b, 60)
    first = dict(current_hashes(fresh_db, [a, b]))
    assert first == {str(a): content_hash(b"satu"), str(b): content_hash(b"dua")}
    # Same size and mtime: the cached hash stands, so the file was not read (its new bytes are not seen).
    mtime = a.stat().st_mtime_ns
    a.write_text("SATU")
    os.utime(a, ns=(mtime, mtime))
    assert dict(current_hashes(fresh_db, [a, b]))[str(a)] == content_hash(b"satu")
    # A real edit moves the mtime (or the size): read again.
    a.write_text("satu lagi")
    _age(a, 30)
    assert dict(current_hashes(fresh_db, [a, b]))[str(a)] == content_hash(b"satu lagi")


def test_current_hashes_rereads_a_file_hashed_right_after_it_changed(fresh_db, tmp_path):
    """A file hashed within RACY_SECONDS of its mtime may change again in the same clock tick: not trusted."""
    a = tmp_path / "a.txt"
    a.write_text("satu")
    current_hashes(fresh_db, [a])
    mtime = a.stat().st_mtime_ns
    a.write_text("SATU")
    os.utime(a, ns=(mtime, mtime))
    assert current_hashes(fresh_db, [a]) == [(str(a), content_hash(b"SATU"))]


def test_current_hashes_gives_empty_hash_for_unreadable_files(fresh_db, tmp_path):
    missing = tmp_path / "gone.txt"
    assert current_hashes(fresh_db, [missing]) == [(str(missing), "")]
    assert fresh_db.execute("select count(*) from file_hashes").fetchone()[0] == 0


def test_open_db_migrates_and_uses_wal(tmp_path):
    path = tmp_path / "w.db"
    db = open_db(str(path))
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    names = [m.name for m in migrations.applied(db)]
    assert names[:3] == ["m001_initial", "m002_events_clusters_views", "m003_language"]
    assert migrations.pending(db) == []
    open_db(str(path))  # a second open applies nothing twice
    assert len(migrations.applied(open_db(str(path)))) == len(names)


def test_full_text_search(fresh_db):
    write_article(fresh_db, facts_for(TEXT), "in/a.txt", "b1")
    hits = list(fresh_db["articles"].search("sosialisasi"))
    assert len(hits) == 1


def test_readonly_open_refuses_writes(tmp_path):
    path = tmp_path / "w.db"
    open_db(str(path))
    ro = open_db(str(path), readonly=True)
    try:
        ro.execute("insert into rejects (source, content_hash, reason, seen_at) values ('a','b','c','d')")
        raise AssertionError("write succeeded on a read-only connection")
    except sqlite3.OperationalError:
        pass


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=400))
def test_any_text_round_trips(fresh_db, text):
    facts = facts_for(text)
    write_article(fresh_db, facts, "in/x.txt", "b")
    stored = fresh_db["articles"].get(facts.article.article_id)
    assert stored["text"] == text


def test_statistics_are_refreshed_when_the_warehouse_doubles(fresh_db):
    assert refresh_statistics(fresh_db)  # never analysed
    assert not refresh_statistics(fresh_db)  # nothing changed
    write_article(fresh_db, facts_for(TEXT), "in/a.txt", "b1")
    assert refresh_statistics(fresh_db)  # 0 -> 1 article
    write_article(fresh_db, facts_for(TEXT + " Kedua."), "in/b.txt", "b1")
    assert refresh_statistics(fresh_db)  # doubled
    write_article(fresh_db, facts_for(TEXT + " Ketiga."), "in/c.txt", "b1")
    assert not refresh_statistics(fresh_db)  # 2 -> 3: within twice
    assert fresh_db.execute("select count(*) from sqlite_stat1 where tbl = 'articles'").fetchone()[0] > 0
