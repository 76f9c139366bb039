"""Integration: the Dagster job over batch partitions on a persistent instance, as the UI, the sensor
and `ilp run` run it."""

from pathlib import Path

import dagster as dg
import pytest

from ilp.run import run_pipeline
from pipelines.automation import new_articles_sensor
from pipelines.definitions import build_resources, defs, resource_config
from pipelines.partitions import ingest_batches
from tests.conftest import RAW_ARTICLES
from warehouse.schema import FACT_TABLES, open_db

TABLE_ASSETS = {"articles", *FACT_TABLES, "rejects", "event_clusters"}


@pytest.fixture
def instance(tmp_path):
    """A persistent instance made as `ilp run` makes `.dagster_home` (SQLite storage on disk, the
    filesystem IO manager, the project's dagster.yaml with its warehouse pool)."""
    from ilp.run import dagster_home

    with dg.DagsterInstance.from_config(str(dagster_home(tmp_path / "home"))) as inst:
        yield inst


def run_batch(instance, articles: Path, db: Path, key: str, **ingest) -> dg.ExecuteInProcessResult:
    """Run `ilp_pipeline` for one batch partition (adding it first), the way the sensor's run does."""
    instance.add_dynamic_partitions(ingest_batches.name, [key])
    return defs.resolve_job_def("ilp_pipeline").execute_in_process(
        instance=instance,
        partition_key=key,
        run_config={**resource_config(str(articles), str(db)), "ops": {"raw_articles": {"config": ingest}}},
        raise_on_error=False,
    )


def snapshot(db_path: Path):
    db = open_db(str(db_path))
    tables = ("articles", *FACT_TABLES, "rejects", "inputs")
    return {t: sorted(map(tuple, db.execute(f"select * from [{t}]").fetchall())) for t in tables}


def test_definitions_show_the_warehouse_tables_as_assets():
    repo = defs.get_repository_def()
    keys = {k.to_user_string() for k in repo.asset_graph.get_all_asset_keys()}
    assert keys == {"web_pages", "raw_articles", "clean_articles", "extracted_facts", *TABLE_ASSETS}
    graph = repo.asset_graph
    # lineage from the web to the tables, and no asset that leads nowhere
    assert dg.AssetKey("web_pages") in graph.get(dg.AssetKey("raw_articles")).parent_keys
    leaves = {k.to_user_string() for k in keys_without_children(graph)}
    assert leaves <= TABLE_ASSETS
    assert [s.name for s in repo.schedule_defs] == ["daily_web_ingest"]
    assert [s.name for s in repo.sensor_defs] == ["new_articles_sensor"]


def keys_without_children(graph):
    return [k for k in graph.get_all_asset_keys() if not graph.get(k).child_keys]


def test_every_asset_that_writes_sqlite_is_in_the_warehouse_pool():
    repo = defs.get_repository_def()
    for node in repo.asset_graph.asset_nodes:
        kinds = node.kinds or set()
        if "sqlite" in kinds or node.key.to_user_string() == "raw_articles":
            assert node.pools == {"ilp_warehouse"}, node.key


def test_a_batch_materialises_and_its_checks_pass(instance, articles_dir, db_path):
    result = run_batch(instance, articles_dir, db_path, "b1")
    assert result.success
    checks = result.get_asset_check_evaluations()
    assert {c.check_name for c in checks} == {
        "offsets_slice_clean_text",
        "every_batch_input_accounted_for",
        "reviews_still_apply",
        "batch_rows_whole",
    }
    assert all(c.passed for c in checks) and len(checks) == 1 + 1 + 1 + len(FACT_TABLES)
    db = open_db(str(db_path))
    assert db["articles"].count == len(list(RAW_ARTICLES.iterdir()))
    meta = {
        m.asset_key.to_user_string(): m.metadata for m in result.asset_materializations_for_node("warehouse_tables")
    }
    assert meta["articles"]["dagster/row_count"].value == db["articles"].count
    assert "dagster/column_schema" in meta["people"]
    assert {c.name for c in meta["people"]["dagster/column_schema"].schema.columns} >= {"name", "role", "article_id"}


def test_a_review_whose_fact_a_new_batch_no_longer_gives_warns(instance, articles_dir, db_path):
    """Reviews outlive re-extraction; one whose sentence changed is kept as orphaned, and the batch says so."""
    import dagster as dg

    from warehouse.reviews import Review, add_reviews

    assert run_batch(instance, articles_dir, db_path, "b1").success
    db = open_db(str(db_path))
    (source, fact_id, span) = db.execute(
        "select a.source, c.fact_id, c.text from facility_counts c join articles a using (article_id) "
        "where a.source like '%.txt' order by c.id limit 1"
    ).fetchone()
    add_reviews(db, [Review(fact_id, "correct", reviewer="uji")])
    path = articles_dir / source
    path.write_text(path.read_text(encoding="utf-8").replace(span, span + " lebih", 1), encoding="utf-8")
    result = run_batch(instance, articles_dir, db_path, "b2")
    assert result.success  # a warning, not a failure
    (check,) = [c for c in result.get_asset_check_evaluations() if c.check_name == "reviews_still_apply"]
    assert not check.passed and check.severity == dg.AssetCheckSeverity.WARN
    assert check.metadata["orphaned_reviews"].value == 1 and source in check.metadata["examples"].value
    assert db.execute("select count(*) from reviews").fetchone()[0] == 1


def test_a_second_batch_runs_after_the_first_on_the_same_instance(instance, articles_dir, db_path):
    """The UI failure of old: checks loading every partition since 2024. Each batch loads only its own."""
    assert run_batch(instance, articles_dir, db_path, "b1").success
    (articles_dir / "13_new.txt").write_text(
        (articles_dir / "12_sigi_pelatihan.txt").read_text().replace("Sigi", "Poso"), encoding="utf-8"
    )
    second = run_batch(instance, articles_dir, db_path, "b2")
    assert second.success
    files = second.asset_materializations_for_node("raw_articles")[0].metadata["files"].value
    assert files == 1
    assert all(c.passed for c in second.get_asset_check_evaluations())


def test_rematerialising_a_batch_takes_exactly_its_files(instance, articles_dir, db_path):
    assert run_batch(instance, articles_dir, db_path, "b1").success
    (articles_dir / "13_new.txt").write_text(
        (articles_dir / "12_sigi_pelatihan.txt").read_text().replace("Sigi", "Poso"), encoding="utf-8"
    )
    assert run_batch(instance, articles_dir, db_path, "b2").success
    before = snapshot(db_path)
    again = run_batch(instance, articles_dir, db_path, "b1")  # as a backfill of b1 does
    assert again.success
    meta = again.asset_materializations_for_node("raw_articles")[0].metadata
    assert meta["files"].value == len(list(RAW_ARTICLES.iterdir())) and not meta["first_run_of_batch"].value
    db = open_db(str(db_path))
    batches = dict(db.execute("select source, batch_id from articles").fetchall())
    assert batches["13_new.txt"] == "b2" and set(batches.values()) == {"b1", "b2"}
    after = snapshot(db_path)
    for table in ("articles", *FACT_TABLES):
        strip = [tuple(v for v in row if v not in ("b1", "b2")) for row in before[table]]
        assert len(after[table]) == len(strip), table


def test_a_file_changed_since_its_batch_is_left_to_the_later_batch(instance, articles_dir, db_path):
    assert run_batch(instance, articles_dir, db_path, "b1").success
    target = articles_dir / "07_kota_kupang_capaian.txt"
    target.write_text(target.read_text().replace("11 puskesmas", "12 puskesmas"), encoding="utf-8")
    assert run_batch(instance, articles_dir, db_path, "b2").success
    again = run_batch(instance, articles_dir, db_path, "b1")
    assert again.asset_materializations_for_node("raw_articles")[0].metadata["skipped"].value == 1
    db = open_db(str(db_path))
    counts = [
        r[0]
        for r in db.execute(
            "select c.count from facility_counts c join articles a using (article_id) "
            "where a.source = '07_kota_kupang_capaian.txt'"
        )
    ]
    assert counts == [12]


def test_second_run_changes_nothing(articles_dir, db_path):
    assert run_pipeline(articles_dir, db_path) == 0
    before = snapshot(db_path)
    assert run_pipeline(articles_dir, db_path) == 0
    assert snapshot(db_path) == before


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


def test_sensor_adds_a_batch_only_when_files_no_batch_holds_arrive(instance, articles_dir, db_path):
    resources = build_resources(str(articles_dir), str(db_path))
    with dg.build_sensor_context(instance=instance, resources=resources) as context:
        first = new_articles_sensor(context)
    assert isinstance(first, dg.SensorResult)
    key = first.run_requests[0].partition_key
    assert first.dynamic_partitions_requests[0].partition_keys == [key]
    assert not db_path.exists()  # the sensor reads the warehouse, never creates or writes it
    assert run_batch(instance, articles_dir, db_path, key).success
    with dg.build_sensor_context(instance=instance, resources=resources) as context:
        assert isinstance(new_articles_sensor(context), dg.SkipReason)
    (articles_dir / "14_more.txt").write_text("Berita baru tentang ILP di Puskesmas Sukamaju, Kabupaten Garut.")
    with dg.build_sensor_context(instance=instance, resources=resources) as context:
        assert isinstance(new_articles_sensor(context), dg.SensorResult)


def test_ilp_run_records_its_runs_on_the_dagster_instance(articles_dir, db_path, tmp_path, capsys):
    home = tmp_path / "project_home"
    assert run_pipeline(articles_dir, db_path, home=home) == 0
    out = capsys.readouterr().out
    assert f"{len(list(articles_dir.iterdir()))} articles written" in out and str(home) in out
    with dg.DagsterInstance.from_config(str(home)) as instance:
        runs = instance.get_runs()
        assert [r.job_name for r in runs] == ["ilp_pipeline"] and runs[0].status == dg.DagsterRunStatus.SUCCESS
        key = runs[0].tags["dagster/partition"]
        assert instance.get_dynamic_partitions(ingest_batches.name) == [key]
        event = instance.get_latest_materialization_event(dg.AssetKey("people"))
        assert event.asset_materialization.partition == key
        assert (home / "dagster.yaml").read_text().count("default_limit: 1") == 1


def test_ilp_run_frees_the_pool_slot_of_a_run_whose_process_died(articles_dir, db_path, tmp_path):
    """A killed `ilp run` leaves its run STARTED holding the warehouse slot; the next `ilp run` releases it."""
    import socket
    import subprocess

    home = tmp_path / "home"
    assert run_pipeline(articles_dir, db_path, home=home) == 0
    dead = subprocess.Popen(["true"])
    dead.wait()
    with dg.DagsterInstance.from_config(str(home)) as instance:
        job = defs.resolve_job_def("ilp_pipeline")
        run = instance.create_run_for_job(
            job_def=job,
            run_config={},
            status=dg.DagsterRunStatus.STARTED,
            tags={"ilp/launched_by": "ilp run", "ilp/host": socket.gethostname(), "ilp/pid": str(dead.pid)},
        )
        instance.event_log_storage.claim_concurrency_slot("ilp_warehouse", run.run_id, "raw_articles")
        assert instance.event_log_storage.get_concurrency_info("ilp_warehouse").active_slot_count == 1
    (articles_dir / "15_late.txt").write_text("Puskesmas Sukamaju di Kabupaten Garut menerapkan ILP sejak Mei 2024.")
    assert run_pipeline(articles_dir, db_path, home=home) == 0
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert instance.get_run_by_id(run.run_id).status == dg.DagsterRunStatus.FAILURE
        assert instance.event_log_storage.get_concurrency_info("ilp_warehouse").active_slot_count == 0


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
    batches = open_db(str(chunked)).execute("select count(distinct batch_id) from batch_inputs").fetchone()[0]
    assert batches == -(-len(list(articles_dir.iterdir())) // 5)


def test_nothing_new_skips_the_pipeline(articles_dir, db_path, capsys):
    assert run_pipeline(articles_dir, db_path) == 0
    capsys.readouterr()
    assert run_pipeline(articles_dir, db_path) == 0
    assert "nothing new or changed, nothing pending" in capsys.readouterr().out


def test_a_batch_member_left_unprocessed_is_taken_up(articles_dir, db_path):
    """As after a run killed between claiming and writing: the batch lists a file the warehouse lacks."""
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
    assert db.execute("select count(distinct batch_id) from batch_inputs").fetchone()[0] == 1


def test_offset_check_names_facts_whose_offsets_do_not_slice(articles_dir):
    from dataclasses import replace

    from extractors.article import extract_articles, load_clean
    from extractors.validation import offset_problems

    facts = next(extract_articles([load_clean(articles_dir / "03_gorontalo_studi_banding.txt")]))
    assert facts.dates and offset_problems([facts]) == []
    shifted = replace(facts.dates[0], char_start=facts.dates[0].char_start + 1)
    broken = replace(facts, dates=(shifted, *facts.dates[1:]))
    assert len(offset_problems([broken])) == 1


def test_warehouse_checks_fail_on_orphans_duplicates_and_lost_inputs(articles_dir, db_path):
    from warehouse.integrity import batch_row_problems, unaccounted_inputs

    assert run_pipeline(articles_dir, db_path) == 0
    db = open_db(str(db_path))
    batch = db.execute("select batch_id from batch_inputs limit 1").fetchone()[0]
    assert not any(any(p.values()) for p in batch_row_problems(db, batch).values())
    assert unaccounted_inputs(db, batch) == []
    article_id = db.execute("select article_id from articles limit 1").fetchone()[0]
    row = dict(next(db.query("select * from dates where article_id = ?", [article_id])))
    row.pop("id", None)
    db.execute("pragma foreign_keys = off")
    db["dates"].insert(row)
    db["batch_inputs"].insert({"batch_id": batch, "path": "lost.txt", "content_hash": "h"})
    db.conn.commit()
    assert batch_row_problems(db, batch)["dates"]["duplicates"] == 1
    assert unaccounted_inputs(db, batch) == ["lost.txt"]


def test_events_say_where_their_dates_come_from(articles_dir, db_path):
    assert run_pipeline(articles_dir, db_path) == 0
    rows = list(
        open_db(str(db_path)).query(
            "select e.start, e.date_source, e.timeline_start, a.reported_date "
            "from events e join articles a using (article_id)"
        )
    )
    assert {r["date_source"] for r in rows if r["start"]} <= {"sentence", "follow_up", "reported"}
    # Undated in the text: placed at the article's reported day and marked so, or left undated without one.
    for r in rows:
        if not r["start"]:
            expected = ("article", r["reported_date"]) if r["reported_date"] else (None, None)
            assert (r["date_source"], r["timeline_start"]) == expected
    assert any(r["date_source"] == "sentence" for r in rows)


def _without_ids(rows):
    """Rows without their surrogate id (a rewritten row gets a new one)."""
    return sorted(row[1:] for row in rows)


def test_reextract_runs_every_batch_again_and_brings_the_warehouse_up_to_date(articles_dir, db_path, tmp_path, capsys):
    """As after an extractor upgrade: rows the current extractor would write differently are rewritten."""
    home = tmp_path / "home"
    assert run_pipeline(articles_dir, db_path, chunk_files=5, home=home) == 0
    expected = snapshot(db_path)
    db = open_db(str(db_path))
    with db.conn:
        db.execute("update people set role = 'stale role from an older extractor'")
    assert run_pipeline(articles_dir, db_path, home=home) == 0  # nothing new: the stale rows stay
    assert "nothing new" in capsys.readouterr().out
    assert run_pipeline(articles_dir, db_path, home=home, reextract=True) == 0
    assert _without_ids(snapshot(db_path)["people"]) == _without_ids(expected["people"])
    with dg.DagsterInstance.from_config(str(home)) as instance:
        batches = instance.get_dynamic_partitions(ingest_batches.name)
        runs = instance.get_runs(dg.RunsFilter(job_name="ilp_pipeline"))
    assert len(batches) == 3 and len(runs) == 6  # three batches, each run twice


def test_reextract_works_on_a_warehouse_built_by_another_dagster_instance(articles_dir, db_path, tmp_path):
    """The warehouse records its batches; a new or deleted .dagster_home must not make them unknown."""
    assert run_pipeline(articles_dir, db_path, home=tmp_path / "first") == 0
    assert run_pipeline(articles_dir, db_path, home=tmp_path / "second", reextract=True) == 0
    with dg.DagsterInstance.from_config(str(tmp_path / "second")) as instance:
        runs = instance.get_runs(dg.RunsFilter(job_name="ilp_pipeline"))
    assert runs and all(r.status == dg.DagsterRunStatus.SUCCESS for r in runs)


def test_automation_defaults_the_sensor_on_and_the_web_schedule_off():
    from pipelines.automation import daily_web_ingest_schedule

    assert new_articles_sensor.default_status == dg.DefaultSensorStatus.RUNNING
    assert daily_web_ingest_schedule.default_status == dg.DefaultScheduleStatus.STOPPED
    with dg.build_schedule_context() as context:
        request = next(iter(daily_web_ingest_schedule.evaluate_tick(context).run_requests))
    assert daily_web_ingest_schedule.job_name == "web_ingest" and request.partition_key is None


def test_sensor_waits_while_a_pipeline_run_is_in_flight(instance, articles_dir, db_path):
    instance.create_run_for_job(
        job_def=defs.resolve_job_def("ilp_pipeline"), run_config={}, status=dg.DagsterRunStatus.STARTED
    )
    resources = build_resources(str(articles_dir), str(db_path))
    with dg.build_sensor_context(instance=instance, resources=resources) as context:
        result = new_articles_sensor(context)
    assert isinstance(result, dg.SkipReason) and "queued or running" in result.skip_message


def test_a_relative_articles_folder_is_the_same_input_on_the_next_run(articles_dir, tmp_path, monkeypatch, capsys):
    """`make run` passes raw_articles/ relative; the sensor's runs list it absolute: one set of inputs."""
    monkeypatch.chdir(articles_dir.parent)
    assert run_pipeline(Path(articles_dir.name), Path("w.db")) == 0
    capsys.readouterr()
    assert run_pipeline(Path(articles_dir.name), Path("w.db")) == 0
    assert "nothing new or changed" in capsys.readouterr().out
    resources = build_resources(articles_dir.name, "w.db")
    assert [str(p) for p in resources["article_folder"].paths()][:1] == [str(sorted(articles_dir.iterdir())[0])]
    batches = open_db("w.db").execute("select count(*) from ingest_batches").fetchone()[0]
    assert batches == 1


def test_ilp_run_reports_progress_per_batch_and_says_when_copies_were_merged(articles_dir, db_path, capsys):
    first = sorted(articles_dir.iterdir())[0]
    (articles_dir / "zz_copy.txt").write_bytes(first.read_bytes())
    n = len(list(articles_dir.iterdir()))
    assert run_pipeline(articles_dir, db_path, chunk_files=8) == 0
    captured = capsys.readouterr()
    assert (
        f"8 of {n} new or changed files" in captured.err and f"{n - 8} of {n - 8} new or changed files" in captured.err
    )
    assert f"{n} articles written" in captured.out
    assert "merged: 1 of these inputs had the same clean text" in captured.out
    assert open_db(str(db_path))["articles"].count == n - 1


def test_every_check_passes_over_the_development_corpus(tmp_path, capsys):
    """122 articles in the manner of real regional news: no fact stored twice, nothing lost."""
    from tests.conftest import ROOT
    from warehouse.integrity import batch_row_problems, unaccounted_inputs

    db_path = tmp_path / "ilp.db"
    assert run_pipeline(ROOT / "tests" / "evaluation" / "dev" / "articles", db_path, home=tmp_path / "home") == 0
    assert "failed checks" not in capsys.readouterr().err
    db = open_db(str(db_path))
    for (batch,) in db.execute("select batch_id from ingest_batches").fetchall():
        assert unaccounted_inputs(db, batch) == []
        problems = {t: p for t, p in batch_row_problems(db, batch).items() if any(p.values())}
        assert problems == {}


def test_fact_ids_are_stored_and_survive_reextraction(articles_dir, db_path, tmp_path):
    """Issue 14: reviews will refer to facts by fact_id, so a re-extraction must give every fact the same one."""
    home = tmp_path / "home"
    assert run_pipeline(articles_dir, db_path, home=home) == 0

    def ids() -> dict[str, list[str]]:
        db = open_db(str(db_path))
        return {t: sorted(r[0] for r in db.execute(f"select fact_id from [{t}]")) for t in FACT_TABLES}

    first = ids()
    for table, values in first.items():
        assert values and None not in values and len(values) == len(set(values)), table
    assert run_pipeline(articles_dir, db_path, home=home, reextract=True) == 0
    assert ids() == first
