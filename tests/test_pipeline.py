"""Integration: materialise the whole asset graph offline, as `ilp run` does."""

from pathlib import Path

import dagster as dg

from ilp.run import run_pipeline
from pipelines.automation import new_articles_sensor
from pipelines.definitions import ALL_ASSETS, ALL_CHECKS, build_resources, defs
from tests.conftest import RAW_ARTICLES
from warehouse.schema import FACT_TABLES, open_db

PARTITION = "2024-06-01"


def materialize(articles: Path, db: Path, partition: str = PARTITION) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        [*ALL_ASSETS, *ALL_CHECKS],
        partition_key=partition,
        resources={**build_resources(str(articles), str(db)), "io_manager": dg.mem_io_manager},
    )


def snapshot(db_path: Path):
    db = open_db(str(db_path))
    tables = ("articles", *FACT_TABLES, "rejects", "inputs")
    return {t: sorted(map(tuple, db.execute(f"select * from [{t}]").fetchall())) for t in tables}


def test_definitions_load():
    repo = defs.get_repository_def()
    assert {k.to_user_string() for k in repo.asset_graph.get_all_asset_keys()} >= {
        "raw_articles",
        "clean_articles",
        "dates",
        "facility_counts",
        "people",
        "locations",
        "events",
        "warehouse_tables",
    }
    assert defs.resolve_job_def("ilp_pipeline") is not None
    assert sorted(s.name for s in repo.schedule_defs) == ["daily_ingest", "daily_web_ingest"]
    assert [s.name for s in repo.sensor_defs] == ["new_articles_sensor"]


def test_whole_graph_materialises_and_checks_pass(articles_dir, db_path):
    result = materialize(articles_dir, db_path)
    assert result.success
    checks = result.get_asset_check_evaluations()
    assert len(checks) == len(ALL_CHECKS) and all(c.passed for c in checks)
    db = open_db(str(db_path))
    assert db["articles"].count == len(list(RAW_ARTICLES.iterdir()))
    assert db["events"].count > 0 and db["rejects"].count == 0
    meta = result.asset_materializations_for_node("warehouse_tables")[0].metadata
    assert meta["articles_written"].value == db["articles"].count


def test_second_run_changes_nothing(articles_dir, db_path):
    materialize(articles_dir, db_path)
    before = snapshot(db_path)
    materialize(articles_dir, db_path, "2024-06-02")
    assert snapshot(db_path) == before


def test_changed_file_replaces_its_rows_and_new_file_is_added(articles_dir, db_path):
    materialize(articles_dir, db_path)
    target = articles_dir / "07_kota_kupang_capaian.txt"
    target.write_text(target.read_text().replace("11 puskesmas", "12 puskesmas"), encoding="utf-8")
    (articles_dir / "13_new.txt").write_text(
        (articles_dir / "12_sigi_pelatihan.txt").read_text().replace("Sigi", "Poso"), encoding="utf-8"
    )
    result = materialize(articles_dir, db_path, "2024-06-02")
    assert result.asset_materializations_for_node("warehouse_tables")[0].metadata["articles_written"].value == 2
    db = open_db(str(db_path))
    counts = [
        r[0]
        for r in db.execute(
            "select c.count from facility_counts c join articles a using (article_id) "
            "where a.source = '07_kota_kupang_capaian.txt'"
        )
    ]
    assert counts == [12]
    assert db["articles"].count == len(list(articles_dir.iterdir()))


def test_bad_inputs_land_in_rejects_and_the_rest_goes_on(articles_dir, db_path):
    (articles_dir / "empty.txt").write_bytes(b"")
    (articles_dir / "binary.txt").write_bytes(bytes(range(256)) * 8)
    latin = "Dinas Kesehatan Kabupaten Garut menggelar sosialisasi ILP di Puskesmas Cibatu, Café Sehat, 3 Mei 2024."
    (articles_dir / "latin1.txt").write_bytes(latin.encode("cp1252"))
    (articles_dir / "nobody.html").write_text("<html><body><nav>Beranda</nav></body></html>")
    assert run_pipeline(articles_dir, db_path) == 0
    db = open_db(str(db_path))
    rejects = {r["source"]: r["reason"] for r in db.query("select source, reason from rejects")}
    assert set(rejects) == {"empty.txt", "binary.txt", "nobody.html"}
    assert "Café" in db.execute("select text from articles where source = 'latin1.txt'").fetchone()[0]
    lost = db.execute("select count(*) from batch_inputs b left join inputs i using (path) where i.path is null")
    assert lost.fetchone()[0] == 0


def test_sensor_requests_a_run_only_when_files_change(articles_dir):
    resources = build_resources(str(articles_dir), "unused.db")
    context = dg.build_sensor_context(cursor=None, resources=resources)
    first = new_articles_sensor(context)
    assert isinstance(first, dg.RunRequest)
    context = dg.build_sensor_context(cursor=context.cursor, resources=resources)
    assert isinstance(new_articles_sensor(context), dg.SkipReason)
    (articles_dir / "14_more.txt").write_text("Berita baru tentang ILP di Puskesmas Sukamaju, Kabupaten Garut.")
    context = dg.build_sensor_context(cursor=context.cursor, resources=resources)
    assert isinstance(new_articles_sensor(context), dg.RunRequest)


def test_ilp_run_prints_a_summary(articles_dir, db_path, capsys):
    assert run_pipeline(articles_dir, db_path) == 0
    out = capsys.readouterr().out
    assert "articles" in out and "events" in out and f"{len(list(articles_dir.iterdir()))} articles written" in out


def test_offset_check_fails_on_offsets_that_do_not_slice(articles_dir):
    import pandas as pd

    from extractors.article import load_clean, parse_articles
    from pipelines.checks import offsets_problems

    article = load_clean(articles_dir / "03_gorontalo_studi_banding.txt")
    parsed = {"p": next(parse_articles([article]))}
    good = pd.DataFrame([{"article_id": article.article_id, "char_start": 0, "char_end": 3, "text": article.text[:3]}])
    bad = good.assign(char_start=1)
    assert offsets_problems(parsed, good) == []
    assert len(offsets_problems(parsed, bad)) == 1


def test_warehouse_checks_fail_on_orphans_and_lost_inputs(articles_dir, db_path):
    from pipelines.checks import every_input_accounted_for, no_orphan_or_duplicate_rows
    from pipelines.resources import Warehouse

    materialize(articles_dir, db_path)
    warehouse = Warehouse(db_path=str(db_path))
    assert no_orphan_or_duplicate_rows(warehouse=warehouse).passed
    assert every_input_accounted_for(warehouse=warehouse).passed
    db = open_db(str(db_path))
    db.execute("pragma foreign_keys = off")
    db["dates"].insert({"article_id": "missing", "text": "2024", "start": "2024", "end": "2024"})
    db["batch_inputs"].insert({"batch_id": PARTITION, "path": "lost.txt", "content_hash": "h"})
    db.conn.commit()
    assert not no_orphan_or_duplicate_rows(warehouse=warehouse).passed
    assert not every_input_accounted_for(warehouse=warehouse).passed


def test_small_chunks_give_the_same_warehouse(articles_dir, tmp_path):
    one, chunked = tmp_path / "one.db", tmp_path / "chunked.db"
    assert run_pipeline(articles_dir, one) == 0
    assert run_pipeline(articles_dir, chunked, chunk_files=5) == 0

    def content(path):
        db = open_db(str(path))
        return {
            t: sorted(map(tuple, db.execute(f"select * from [{t}]").fetchall()))
            for t in ("dates", "people", "locations", "event_clusters")
        } | {"articles": sorted(r[0] for r in db.execute("select article_id from articles"))}

    assert content(one) == content(chunked)


def test_nothing_new_skips_the_pipeline(articles_dir, db_path, capsys):
    assert run_pipeline(articles_dir, db_path) == 0
    capsys.readouterr()
    assert run_pipeline(articles_dir, db_path) == 0
    assert "nothing new or changed, nothing pending" in capsys.readouterr().out


def test_a_batch_member_left_unprocessed_is_taken_up(articles_dir, db_path):
    """As after a run killed between planning and writing: the batch lists a file the warehouse lacks."""
    assert run_pipeline(articles_dir, db_path) == 0
    db = open_db(str(db_path))
    path = str(articles_dir / "05_pidie_jaya_monev.txt")
    article_id = db.execute("select article_id from inputs where path = ?", [path]).fetchone()[0]
    with db.conn:
        db.execute("pragma foreign_keys = off")
        for table in ("event_cluster_members", "event_counts"):
            db.execute(f"delete from {table}")
        for table in ("dates", "facility_counts", "people", "locations", "events", "articles"):
            db.execute(f"delete from {table} where article_id = ?", [article_id])
        db.execute("delete from inputs where path = ?", [path])
    assert run_pipeline(articles_dir, db_path) == 0
    db = open_db(str(db_path))
    assert db.execute("select count(*) from articles where article_id = ?", [article_id]).fetchone()[0] == 1


def test_events_say_where_their_dates_come_from(articles_dir, db_path):
    assert materialize(articles_dir, db_path).success
    rows = list(open_db(str(db_path)).query("select start, date_source from events"))
    assert {r["date_source"] for r in rows if r["start"]} <= {"sentence", "follow_up", "reported"}
    assert all(r["date_source"] is None for r in rows if not r["start"])
    assert any(r["date_source"] == "sentence" for r in rows)
