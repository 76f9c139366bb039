import os
import sqlite3
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from extractors.article import extract_articles
from extractors.cleaning import article_id_for
from extractors.models import CleanArticle, Reject
from extractors.reading import content_hash
from warehouse.batches import new_batch_key, plan_batch, unclaimed_files, unfinished_batches
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


def test_a_batch_claims_new_files_once_and_keeps_them(fresh_db):
    files = [("in/a.txt", "h1"), ("in/b.txt", "h2")]
    first = plan_batch(fresh_db, "b1", "in", files)
    assert first.files == files and first.claimed_now
    assert plan_batch(fresh_db, "b2", "in", files).files == []  # b1 holds them, even before they are processed
    write_reject(fresh_db, Reject("a.txt", "x"), "in/a.txt", "h1", "b1")
    write_reject(fresh_db, Reject("b.txt", "x"), "in/b.txt", "h2", "b1")
    changed = [("in/a.txt", "h9"), ("in/b.txt", "h2"), ("in/c.txt", "h3")]
    assert plan_batch(fresh_db, "b3", "in", changed).files == [("in/a.txt", "h9"), ("in/c.txt", "h3")]
    again = plan_batch(fresh_db, "b1", "in", changed)  # re-running b1: its own files, as recorded
    assert again.files == [("in/b.txt", "h2")] and not again.claimed_now
    assert again.skipped == [("in/a.txt", "changed since this batch; its new content belongs to a later batch")]


def test_a_batch_claims_at_most_max_files_and_resumes_only_what_is_unfinished(fresh_db):
    files = [(f"in/{i}.txt", f"h{i}") for i in range(5)]
    plan = plan_batch(fresh_db, "b1", "in", files, max_files=2)
    assert len(plan.files) == 2 and plan.remaining_unclaimed == 3
    assert unclaimed_files(fresh_db, files) == files[2:]
    write_reject(fresh_db, Reject("0.txt", "x"), "in/0.txt", "h0", "b1")
    assert unfinished_batches(fresh_db) == {"b1": 1}
    assert plan_batch(fresh_db, "b1", "in", files, only_unfinished=True).files == [("in/1.txt", "h1")]
    gone = plan_batch(fresh_db, "b1", "in", files[1:])
    assert gone.skipped == [("in/0.txt", "no longer in the articles folder")]


@given(st.lists(st.tuples(st.sampled_from("abcdef"), st.sampled_from("xyz")), max_size=12))
def test_every_file_version_is_claimed_by_exactly_one_batch(versions):
    """However files change between batches, each (path, content) lands in one batch only."""
    from warehouse.schema import migrations

    db = Database(memory=True)
    migrations.apply(db)
    for i, (name, digest) in enumerate(versions):
        plan_batch(db, f"b{i}", "in", [(f"in/{name}.txt", digest)])
    rows = db.execute("select path, content_hash, count(*) from batch_inputs group by 1, 2").fetchall()
    assert all(n == 1 for *_, n in rows)
    assert {(p, h) for p, h, _ in rows} == {(f"in/{n}.txt", d) for n, d in versions}


def test_batch_keys_sort_by_creation_and_do_not_collide():
    import datetime as dt

    early = new_batch_key(dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.UTC))
    late = new_batch_key(dt.datetime(2025, 1, 2, 3, 4, 6, tzinfo=dt.UTC))
    assert early.startswith("20250102-030405-") and early < late
    assert len({new_batch_key() for _ in range(50)}) == 50


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
