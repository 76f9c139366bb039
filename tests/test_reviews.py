"""Issue 14: reviews as data. Verdicts and corrections apply to the facts they name, leave or change what
the research views, report and exports show, survive re-extraction, and come in and go out as CSV and gold.

The articles are short ones written for these tests, in the manner of regional news.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import hypothesis.strategies as st
import pandas as pd
import pytest
from hypothesis import given

from extractors.article import extract_articles
from extractors.identity import display_bounds
from extractors.models import CleanArticle
from ilp.cli import main
from warehouse.review_files import CsvRejected, export_csv, export_gold, import_csv
from warehouse.review_queue import QueueFilter, review_queue
from warehouse.reviews import (
    EDITABLE,
    FieldRule,
    Review,
    ReviewsRejected,
    add_reviews,
    normalise_value,
    review_outcome,
)
from warehouse.store import write_article

TAPIN = (
    "Tapin Terapkan ILP di Sembilan Puskesmas\n\n"
    "RANTAU - Dinas Kesehatan Kabupaten Tapin mencatat 9 dari 12 puskesmas telah menerapkan Integrasi "
    "Layanan Primer (ILP) hingga Juni 2025.\n\n"
    "Kepala Dinas Kesehatan Kabupaten Tapin, dr. Hj. Rahmawati, mengatakan peluncuran ILP di Kabupaten Tapin "
    "dilakukan di Puskesmas Rantau pada Senin (3/3/2025).\n\n"
    "Pada Desember 2024 baru 5 puskesmas yang menjalankan ILP, sementara 140 posyandu kini melayani seluruh "
    "siklus hidup.\n"
)
PASER = (
    "Sosialisasi ILP Digelar di Paser\n\n"
    "TANA PASER - Dinas Kesehatan Kabupaten Paser menggelar sosialisasi Integrasi Layanan Primer bagi kader "
    "posyandu pada Rabu (7/5/2025).\n\n"
    "Sekretaris Dinas Kesehatan Paser, Agus Salim, menyebut 18 puskesmas di Paser sudah melaksanakan ILP.\n"
)


def write(db, text: str, source: str, published: str = "2025-06-20") -> None:
    article = CleanArticle(source, f"id-{source}", text, published_date=published)
    write_article(db, next(extract_articles([article], processes=1)), f"/in/{source}", None)


@pytest.fixture
def warehouse(fresh_db):
    write(fresh_db, TAPIN, "tapin.txt")
    write(fresh_db, PASER, "paser.txt", "2025-05-08")
    return fresh_db


def fact(db, table: str, where: str, params=()) -> dict:
    rows = list(db.query(f"select * from [{table}] where {where}", list(params)))
    assert len(rows) == 1, rows
    return rows[0]


def tapin_coverage(db) -> dict:
    return fact(db, "latest_coverage", "location_code = '63.05' and facility_type = 'puskesmas'")


# --- views with and without reviews -------------------------------------------------------------------------


def test_without_reviews_every_fact_is_unreviewed_and_the_views_use_it(warehouse):
    for table in ("dates", "facility_counts", "people", "locations", "events"):
        assert {r[0] for r in warehouse.execute(f"select distinct review_status from [{table}]")} == {"unreviewed"}
    cov = tapin_coverage(warehouse)
    assert (cov["implementing"], cov["of_total"], cov["review_status"]) == (9, 12, "unreviewed")
    assert fact(warehouse, "ilp_launches", "region_code = '63.05'")["first_launch"] == "2025-03-03"


def test_a_figure_marked_wrong_leaves_latest_coverage_and_the_next_takes_its_place(warehouse):
    nines = [r["fact_id"] for r in warehouse.query("select fact_id from facility_counts where count = 9")]
    add_reviews(warehouse, [Review(f, "wrong", reviewer="uji") for f in nines])
    cov = tapin_coverage(warehouse)
    assert (cov["implementing"], cov["as_of"]) == (5, "2024-12")
    # The wrong rows stay in their table, marked; the export leaves them out.
    assert {r["review_status"] for r in warehouse.query("select * from facility_counts where count = 9")} == {"wrong"}


def test_an_edit_replaces_the_value_everywhere_and_keeps_the_extracted_one(warehouse):
    nine = fact(warehouse, "facility_counts", "count = 9 and of_total = 12")
    add_reviews(warehouse, [Review(nine["fact_id"], "edit", "of_total", "13", reviewer="uji")])
    row = fact(warehouse, "facility_counts", "fact_id = ?", [nine["fact_id"]])
    assert (row["of_total"], row["review_status"], json.loads(row["extracted"])) == (13, "corrected", {"of_total": 12})
    cov = tapin_coverage(warehouse)
    assert (cov["of_total"], cov["percent"], cov["review_status"]) == (13, 69.2, "corrected")


def test_people_by_region_takes_corrected_roles_and_drops_wrong_people(warehouse):
    person = fact(warehouse, "people", "name = 'Rahmawati'")
    other = fact(warehouse, "people", "name = 'Agus Salim'")
    add_reviews(
        warehouse,
        [
            Review(person["fact_id"], "edit", "role", "Kepala Dinkes Tapin"),
            Review(person["fact_id"], "correct"),
            Review(other["fact_id"], "wrong", note="not in the story"),
        ],
    )
    rows = {r["name"]: r for r in warehouse.query("select * from people_by_region")}
    assert set(rows) == {"Rahmawati"}
    assert (rows["Rahmawati"]["role"], rows["Rahmawati"]["reviewed_mentions"]) == ("Kepala Dinkes Tapin", 1)


def test_a_launch_marked_wrong_leaves_the_timeline_and_the_launches(warehouse):
    launch = fact(warehouse, "events", "event_type = 'launch'")
    add_reviews(warehouse, [Review(launch["fact_id"], "wrong")])
    assert not list(warehouse.query("select * from ilp_launches where region_code = '63.05'"))
    assert launch["id"] not in {r["event_id"] for r in warehouse.query("select event_id from event_timeline")}


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_exports_leave_out_wrong_facts_and_carry_the_reviews(tmp_path, fmt):
    from warehouse.export import export
    from warehouse.schema import open_db

    path = tmp_path / "ilp.db"
    db = open_db(str(path))
    write(db, TAPIN, "tapin.txt")
    five = fact(db, "facility_counts", "count = 5")["fact_id"]
    nine = fact(db, "facility_counts", "count = 9 and of_total = 12")["fact_id"]
    add_reviews(db, [Review(five, "wrong", reviewer="Sari"), Review(nine, "edit", "of_total", "13")])
    db.conn.close()
    export(str(path), tmp_path / "out", fmt)
    read = pd.read_csv if fmt == "csv" else pd.read_parquet
    counts = read(tmp_path / "out" / f"facility_counts.{fmt}")
    assert five not in set(counts["fact_id"]) and len(counts) == 4
    edited = counts[counts["fact_id"] == nine].iloc[0]
    assert (edited["of_total"], edited["review_status"]) == (13, "corrected")
    reviews = read(tmp_path / "out" / f"reviews.{fmt}")
    assert sorted(reviews["verdict"]) == ["edit", "wrong"]
    coverage = read(tmp_path / "out" / f"latest_coverage.{fmt}")
    puskesmas = coverage[coverage["facility_type"] == "puskesmas"].iloc[0]
    assert (puskesmas["implementing"], puskesmas["of_total"], puskesmas["review_status"]) == (9, 13, "corrected")


def test_an_edited_region_code_gets_its_name(warehouse):
    count = fact(warehouse, "facility_counts", "count = 18")
    add_reviews(warehouse, [Review(count["fact_id"], "edit", "location_code", "64.02")])
    assert fact(warehouse, "facility_counts", "id = ?", [count["id"]])["location_name"] == "Kabupaten Kutai Kartanegara"


def test_progress_counts_reviews_per_kind_and_the_share_correct(warehouse):
    counts = [r["fact_id"] for r in warehouse.query("select fact_id from facility_counts order by id")]
    add_reviews(
        warehouse,
        [Review(counts[0], "correct"), Review(counts[1], "correct"), Review(counts[2], "wrong")]
        + [Review(counts[3], "edit", "status", "total")],
    )
    row = fact(warehouse, "review_progress", "kind = 'facility_counts'")
    assert (row["reviewed"], row["verified"], row["corrected"], row["wrong"], row["share_correct"]) == (
        4,
        2,
        1,
        1,
        0.5,
    )


# --- what a review is ---------------------------------------------------------------------------------------


def test_the_latest_verdict_decides_and_an_edit_back_undoes_a_correction():
    extracted = {"count": 9, "of_total": 12}
    assert review_outcome("facility_counts", extracted, []) == ("unreviewed", extracted)
    assert review_outcome("facility_counts", extracted, [("wrong", None, None), ("correct", None, None)])[0] == (
        "verified"
    )
    edited = [("edit", "of_total", "13")]
    assert review_outcome("facility_counts", extracted, edited) == ("corrected", {"count": 9, "of_total": 13})
    assert review_outcome("facility_counts", extracted, [*edited, ("wrong", None, None)])[0] == "wrong"
    assert review_outcome("facility_counts", extracted, [*edited, ("edit", "of_total", "12")])[0] == "verified"


def test_bad_reviews_are_all_named_and_none_is_taken(warehouse):
    person = fact(warehouse, "people", "name = 'Rahmawati'")["fact_id"]
    count = fact(warehouse, "facility_counts", "count = 18")["fact_id"]
    with pytest.raises(ReviewsRejected) as caught:
        add_reviews(
            warehouse,
            [
                Review(person, "correct"),  # fine on its own, but not taken with the bad ones
                Review("0000000000000000", "correct"),
                Review(person, "maybe"),
                Review(person, "edit", "count", "3"),
                Review(count, "edit", "count", "dua"),
                Review(count, "edit", "location_code", "99.99"),
                Review(count, "wrong", "count", "3"),
                Review(count, "edit", "of_total", "10"),  # fewer than the 18 counted
            ],
        )
    assert [i for i, _ in caught.value.problems] == [1, 2, 3, 4, 5, 6]
    assert warehouse.execute("select count(*) from reviews").fetchone()[0] == 0
    with pytest.raises(ReviewsRejected, match="would exceed"):
        add_reviews(warehouse, [Review(count, "edit", "of_total", "10")])


def test_reviews_are_never_changed_or_deleted(warehouse):
    add_reviews(warehouse, [Review(fact(warehouse, "people", "name = 'Agus Salim'")["fact_id"], "correct")])
    for statement in ("delete from reviews", "update reviews set verdict = 'wrong'"):
        with pytest.raises(sqlite3.DatabaseError, match="never"):
            warehouse.execute(statement)


@given(st.integers(min_value=0, max_value=10**7))
def test_whole_numbers_read_with_or_without_thousands_separators(n):
    rule = FieldRule("integer")
    assert normalise_value(rule, str(n), set()) == str(n)
    assert normalise_value(rule, f"{n:,}".replace(",", "."), set()) == str(n)


@given(st.dates(), st.sampled_from([4, 7, 10]))
def test_dates_keep_their_precision(day, width):
    text = day.isoformat()[:width]
    assert normalise_value(FieldRule("date"), text, set()) == text


@pytest.mark.parametrize("text", ["2025-13", "2025-02-30", "Maret 2025", "25", "2025/03/01"])
def test_dates_that_are_not_iso_are_refused(text):
    with pytest.raises(ValueError, match="ISO date"):
        normalise_value(FieldRule("date"), text, set())


def test_a_reviewer_sees_the_whole_sentence_across_titles_and_initials():
    text = "Kepala Dinkes, dr. H. Amir, M.Kes. mengatakan 12 puskesmas siap. Berita lain."
    start = text.index("12 puskesmas")
    left, right = display_bounds(text, start, start + 12)
    assert text[left:right] == "Kepala Dinkes, dr. H. Amir, M.Kes. mengatakan 12 puskesmas siap."


# --- the queue ----------------------------------------------------------------------------------------------


def test_the_queue_puts_published_figures_then_launches_then_people_with_roles_first(warehouse):
    kinds = [(i.kind, i.tier) for i in review_queue(warehouse, limit=None)]
    assert kinds[0] == ("facility_counts", 0)
    assert [t for _, t in kinds] == sorted(t for _, t in kinds)
    first_launch = next(i for i, (k, t) in enumerate(kinds) if t == 1)
    assert kinds[first_launch][0] == "events"


def test_the_queue_filters_by_kind_region_and_date_and_highlights_the_span(warehouse):
    paser = review_queue(warehouse, QueueFilter(region="64.01"), limit=None)
    assert paser and all(i.source == "paser.txt" for i in paser)
    people = review_queue(warehouse, QueueFilter(kind="people", date_from="2025-06-01"), limit=None)
    assert [i.values["name"] for i in people] == ["Rahmawati"]
    (item,) = people
    assert item.span == "Rahmawati" and item.sentence.startswith("Kepala Dinas Kesehatan Kabupaten Tapin, dr. Hj.")
    add_reviews(warehouse, [Review(item.fact_id, "correct")])
    assert not review_queue(warehouse, QueueFilter(kind="people", date_from="2025-06-01"))
    assert review_queue(warehouse, QueueFilter(kind="people", date_from="2025-06-01", include_reviewed=True))


# --- CSV ----------------------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, rows: list[dict], delimiter: str = ",") -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)


def test_csv_round_trip(warehouse, tmp_path):
    exported = tmp_path / "review.csv"
    assert export_csv(warehouse, exported, QueueFilter(kind="facility_counts")) == 6
    rows = read_csv(exported)
    assert {"fact_id", "evidence", "count", "of_total", "verdict", "field", "value", "reviewer", "note"} <= set(rows[0])
    by_count = {(r["count"], r["of_total"]): r for r in rows}
    by_count[("9", "12")] |= {"verdict": "edit", "field": "of_total", "value": "13"}
    by_count[("5", "")] |= {"verdict": "wrong", "note": "an older figure"}
    by_count[("18", "")] |= {"verdict": "correct", "reviewer": "Sari"}
    write_csv(exported, rows, delimiter=";")  # as a spreadsheet in an Indonesian locale saves it
    result = import_csv(warehouse, exported, reviewer="Tim Kalsel")
    assert (result.imported, result.skipped) == (3, 3)
    reviews = {r["verdict"]: r for r in warehouse.query("select * from reviews")}
    assert reviews["correct"]["reviewer"] == "Sari" and reviews["wrong"]["reviewer"] == "Tim Kalsel"
    assert reviews["wrong"]["note"] == "an older figure" and reviews["edit"]["span"] == "9"
    again = read_csv(_export(warehouse, tmp_path / "after.csv", QueueFilter(kind="facility_counts")))
    assert len(again) == 3  # what is left to review
    everything = read_csv(_export(warehouse, tmp_path / "all.csv", QueueFilter(include_reviewed=True)))
    statuses = {(r["count"], r["of_total"]): r["review_status"] for r in everything if r["kind"] == "facility_counts"}
    assert statuses[("9", "13")] == "corrected" and statuses[("18", "")] == "verified"
    assert statuses[("5", "")] == "wrong"


def _export(db, path: Path, wanted: QueueFilter) -> Path:
    export_csv(db, path, wanted)
    return path


def test_a_csv_with_bad_rows_names_each_line_and_imports_nothing(warehouse, tmp_path):
    path = tmp_path / "review.csv"
    export_csv(warehouse, path, QueueFilter(kind="people"))
    rows = read_csv(path)
    rows[0] |= {"verdict": "correct"}
    rows[1] |= {"verdict": "edit", "field": "umur", "value": "40"}
    rows.append(dict.fromkeys(rows[0], "") | {"fact_id": "ffffffffffffffff", "verdict": "wrong"})
    write_csv(path, rows)
    with pytest.raises(CsvRejected) as caught:
        import_csv(warehouse, path)
    assert caught.value.problems == [
        "line 3: people have no editable field 'umur' (editable: name, role, honorific, organization)",
        "line 4: no fact with fact_id 'ffffffffffffffff' in the warehouse",
    ]
    assert warehouse.execute("select count(*) from reviews").fetchone()[0] == 0


def test_a_csv_without_the_needed_columns_is_refused(warehouse, tmp_path):
    path = tmp_path / "review.csv"
    path.write_text("id,status\n1,ok\n", encoding="utf-8")
    with pytest.raises(CsvRejected, match="nothing imported") as caught:
        import_csv(warehouse, path)
    assert "no fact_id or verdict column" in caught.value.problems[0]


def test_the_reviews_export_restores_into_a_rebuilt_warehouse(warehouse, fresh_db, tmp_path):
    person = fact(warehouse, "people", "name = 'Rahmawati'")["fact_id"]
    add_reviews(warehouse, [Review(person, "edit", "role", "Kadinkes Tapin", reviewer="uji", reviewed_at=None)])
    backup = tmp_path / "reviews.csv"
    pd.read_sql_query("select * from reviews", warehouse.conn).to_csv(backup, index=False)
    write(fresh_db, TAPIN, "tapin.txt")
    write(fresh_db, PASER, "paser.txt", "2025-05-08")
    assert import_csv(fresh_db, backup).imported == 1
    restored = fact(fresh_db, "people", "fact_id = ?", [person])
    assert (restored["role"], restored["review_status"]) == ("Kadinkes Tapin", "corrected")
    assert (
        fresh_db.execute("select reviewed_at from reviews").fetchone()
        == warehouse.execute("select reviewed_at from reviews").fetchone()
    )


# --- re-extraction and orphans ------------------------------------------------------------------------------


def test_a_review_applies_again_when_the_article_is_written_again(warehouse):
    person = fact(warehouse, "people", "name = 'Rahmawati'")["fact_id"]
    add_reviews(warehouse, [Review(person, "edit", "role", "Kadinkes Tapin")])
    write(warehouse, "Baca juga: berita kesehatan lain.\n\n" + TAPIN, "tapin.txt")  # changed elsewhere
    row = fact(warehouse, "people", "fact_id = ?", [person])
    assert (row["role"], row["review_status"]) == ("Kadinkes Tapin", "corrected")
    assert not list(warehouse.query("select * from orphaned_reviews"))


def test_a_review_whose_fact_is_gone_is_kept_and_listed_as_orphaned(warehouse):
    count = fact(warehouse, "facility_counts", "count = 18")["fact_id"]
    add_reviews(warehouse, [Review(count, "correct", reviewer="uji")])
    write(warehouse, PASER.replace("18 puskesmas", "19 puskesmas"), "paser.txt", "2025-05-08")
    (orphan,) = warehouse.query("select * from orphaned_reviews")
    assert (orphan["fact_id"], orphan["span"], orphan["source"]) == (count, "18 puskesmas", "paser.txt")
    assert "18 puskesmas" in orphan["evidence"]


def test_reextraction_through_the_pipeline_keeps_reviews(tmp_path, db_path):
    from ilp.run import run_pipeline
    from warehouse.schema import open_db

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "tapin.txt").write_text(TAPIN, encoding="utf-8")
    (articles / "paser.txt").write_text(PASER, encoding="utf-8")
    assert run_pipeline(articles, db_path) == 0
    db = open_db(str(db_path))
    count = fact(db, "facility_counts", "count = 18")["fact_id"]
    person = fact(db, "people", "name = 'Rahmawati'")["fact_id"]
    assert main(["review", "status", "--db", str(db_path)]) == 0
    add_reviews(db, [Review(count, "wrong"), Review(person, "edit", "role", "Kadinkes Tapin")])
    db.conn.close()
    assert run_pipeline(articles, db_path, reextract=True) == 0  # a backfill after an extractor upgrade
    db = open_db(str(db_path))
    assert fact(db, "facility_counts", "fact_id = ?", [count])["review_status"] == "wrong"
    assert fact(db, "people", "fact_id = ?", [person])["role"] == "Kadinkes Tapin"
    assert not list(db.query("select * from latest_coverage where location_code = '64.01'"))
    assert db.execute("select count(*) from reviews").fetchone()[0] == 2


# --- gold from reviewed articles -----------------------------------------------------------------------------


def review_everything(db, source: str) -> None:
    reviews = []
    for table in EDITABLE:
        for row in db.query(
            f"select f.fact_id, f.review_status from [{table}] f join articles a using (article_id) where a.source = ?",
            [source],
        ):
            reviews.append(Review(row["fact_id"], "correct"))
    add_reviews(db, reviews)


def test_fully_reviewed_articles_become_gold_that_scores_the_extractor(warehouse, tmp_path):
    count = fact(warehouse, "facility_counts", "count = 18")["fact_id"]
    review_everything(warehouse, "paser.txt")
    add_reviews(warehouse, [Review(count, "wrong", reviewer="Sari")])
    result = export_gold(warehouse, tmp_path / "gold")
    assert [p.name for p in result.written] == ["paser.json"]  # tapin.txt is not fully reviewed
    gold = json.loads(result.written[0].read_text(encoding="utf-8"))
    assert gold["source"] == "paser.txt" and gold["is_ilp"] is True
    assert gold["facility_counts"] == [] and [p["name"] for p in gold["people"]] == ["Agus Salim"]
    assert gold["reviewed_by"] == ["Sari"]
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "paser.txt").write_text(PASER, encoding="utf-8")
    (articles / "tapin.txt").write_text(TAPIN, encoding="utf-8")
    from extractors.article import extract_paths
    from extractors.evaluation import score_predictions

    preds = {f.article.source: f.to_contract() for f in extract_paths([articles / "paser.txt"])}
    scores = score_predictions(tmp_path / "gold", preds)
    assert scores["people"].f1 == 1.0 and scores["dates"].f1 == 1.0
    assert scores["facility_counts"].precision == 0.0  # the count a reviewer rejected is now an extra


def test_gold_a_team_extended_by_hand_is_kept(warehouse, tmp_path):
    review_everything(warehouse, "paser.txt")
    (path,) = export_gold(warehouse, tmp_path).written
    gold = json.loads(path.read_text(encoding="utf-8"))
    gold["people"].append({"name": "Nurul Hidayah", "role": "kader posyandu"})
    path.write_text(json.dumps(gold), encoding="utf-8")
    result = export_gold(warehouse, tmp_path)
    assert (result.written, result.kept) == ([], [path])
    assert export_gold(warehouse, tmp_path, overwrite=True).written == [path]


# --- the command line ---------------------------------------------------------------------------------------


def test_the_cli_exports_imports_and_reports_bad_rows(tmp_path, capsys):
    from warehouse.schema import open_db

    path = str(tmp_path / "ilp.db")
    db = open_db(path)
    write(db, PASER, "paser.txt", "2025-05-08")
    db.conn.close()
    sheet = tmp_path / "sheet.csv"
    assert main(["review", "export", str(sheet), "--db", path, "--kind", "people"]) == 0
    rows = read_csv(sheet)
    rows[0] |= {"verdict": "edit", "field": "role", "value": ""}
    write_csv(sheet, rows)
    assert main(["review", "import", str(sheet), "--db", path]) == 0
    rows[0] |= {"field": "name", "value": ""}
    write_csv(sheet, rows)
    capsys.readouterr()
    assert main(["review", "import", str(sheet), "--db", path]) == 1
    err = capsys.readouterr().err
    assert "line 2: name: this field cannot be empty" in err and "nothing imported" in err
    assert main(["review", "export-gold", str(tmp_path / "gold"), "--db", path]) == 0
    assert main(["review", "status", "--db", path]) == 0
    assert "people" in capsys.readouterr().out


def test_make_clean_db_saves_the_reviews_and_they_come_back_into_the_rebuilt_warehouse(tmp_path):
    import subprocess

    from tests.conftest import ROOT
    from warehouse.schema import open_db

    path = tmp_path / "ilp.db"
    db = open_db(str(path))
    write(db, PASER, "paser.txt", "2025-05-08")
    person = fact(db, "people", "name = 'Agus Salim'")["fact_id"]
    add_reviews(db, [Review(person, "edit", "role", "Sekretaris Dinkes Paser", reviewer="Sari", note="singkatan")])
    db.conn.close()
    saved = tmp_path / "saved"
    make = ["make", "-s", "-C", str(ROOT), "clean-db", f"DB={path}", f"REVIEWS_DIR={saved}"]
    done = subprocess.run(make, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert not path.exists() and f"reviews saved in {saved}/" in done.stdout
    (backup,) = saved.glob("backup-*.csv")
    db = open_db(str(path))
    write(db, PASER, "paser.txt", "2025-05-08")
    assert import_csv(db, backup).imported == 1
    row = fact(db, "people", "fact_id = ?", [person])
    assert (row["role"], row["review_status"]) == ("Sekretaris Dinkes Paser", "corrected")
    assert fact(db, "reviews", "fact_id = ?", [person])["note"] == "singkatan"
