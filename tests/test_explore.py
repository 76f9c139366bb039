"""Issue 4: the questions researchers ask, answered by the warehouse views, exports, Datasette and the report."""

import asyncio
import json
from pathlib import Path

import pandas as pd
import pytest

from ilp.run import run_pipeline
from tests.conftest import ROOT, SHARED, needs_shared
from warehouse.export import EXPORTED_TABLES, export
from warehouse.schema import VIEW_NAMES, open_db


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory) -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not present")
    db_path = tmp_path_factory.mktemp("seeds") / "ilp.db"
    assert run_pipeline(SHARED / "seeds", db_path) == 0
    return db_path


@needs_shared
def test_pustu_coverage_of_kotawaringin_timur(seeds_db):
    db = open_db(str(seeds_db))
    rows = list(db.query("select * from latest_coverage where location_code = '62.02' and facility_type = 'pustu'"))
    assert len(rows) == 1
    assert (rows[0]["implementing"], rows[0]["of_total"], rows[0]["region"]) == (43, 152, "Kotawaringin Timur")
    assert "152 pustu" in rows[0]["evidence"]


@needs_shared
def test_pilot_designation_names_ketapang_2(seeds_db):
    db = open_db(str(seeds_db))
    rows = list(
        db.query("select * from event_timeline where event_type = 'pilot_designation' and kabupaten_code = '62.02'")
    )
    assert rows and any("Puskesmas Ketapang 2" in r["evidence"] and r["facility"] == "Ketapang 2" for r in rows)


@needs_shared
def test_plantungan_launch_date(seeds_db):
    db = open_db(str(seeds_db))
    launches = list(
        db.query("select start from event_timeline where event_type = 'launch' and facility = 'Plantungan'")
    )
    assert "2023-12-04" in {r["start"] for r in launches}
    kendal = list(db.query("select first_launch from ilp_launches where region_code = '33.24'"))
    assert kendal == [{"first_launch": "2023-12-04"}]


@needs_shared
def test_coverage_report_links_its_counts(seeds_db):
    db = open_db(str(seeds_db))
    linked = db.execute(
        "select count(*) from event_counts ec join events e on e.id = ec.event_id "
        "join facility_counts c on c.id = ec.count_id where e.event_type = 'coverage_report' and c.count = 43"
    ).fetchone()[0]
    assert linked == 1


def test_syndicated_copy_is_marked_and_its_events_cluster(articles_dir, db_path):
    original = (articles_dir / "03_gorontalo_studi_banding.txt").read_text()
    copy = original.replace("Gorontalo - Sebanyak", "GORONTALO (kabarsulawesi) – Sebanyak") + "\nSumber: kabarsulawesi"
    (articles_dir / "03b_syndicated_copy.txt").write_text(copy, encoding="utf-8")
    assert run_pipeline(articles_dir, db_path) == 0
    db = open_db(str(db_path))
    marks = {r["source"]: r["duplicate_of"] for r in db.query("select source, duplicate_of from articles")}
    assert len(marks) == len(list(articles_dir.iterdir()))  # marked, not dropped
    flagged = [s for s, d in marks.items() if d]
    assert len(flagged) == 1 and flagged[0] in {"03_gorontalo_studi_banding.txt", "03b_syndicated_copy.txt"}
    visit = list(db.query("select * from event_clusters where event_type = 'study_visit' and start = '2024-06-12'"))
    assert len(visit) == 1 and visit[0]["n_articles"] == 2 and visit[0]["n_events"] == 2


def test_clusters_and_duplicates_unchanged_by_a_second_run(articles_dir, db_path):
    run_pipeline(articles_dir, db_path)
    db = open_db(str(db_path))
    snapshot = [
        sorted(map(tuple, db.execute(f"select * from {t}").fetchall()))
        for t in ("event_clusters", "event_cluster_members", "articles")
    ]
    run_pipeline(articles_dir, db_path)
    db = open_db(str(db_path))
    assert snapshot == [
        sorted(map(tuple, db.execute(f"select * from {t}").fetchall()))
        for t in ("event_clusters", "event_cluster_members", "articles")
    ]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    from tests.conftest import RAW_ARTICLES

    db_path = tmp_path_factory.mktemp("sample") / "ilp.db"
    assert run_pipeline(RAW_ARTICLES, db_path) == 0
    return db_path


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_writes_every_table_and_view(sample_db, tmp_path, fmt):
    written = export(str(sample_db), tmp_path, fmt)
    assert {p.stem for p in written} - {"datapackage"} == set(EXPORTED_TABLES) | set(VIEW_NAMES)
    db = open_db(str(sample_db))
    frame = pd.read_csv(tmp_path / "events.csv") if fmt == "csv" else pd.read_parquet(tmp_path / "events.parquet")
    assert len(frame) == db["events"].count > 0
    articles = (
        pd.read_csv(tmp_path / "articles.csv") if fmt == "csv" else pd.read_parquet(tmp_path / "articles.parquet")
    )
    assert "minhash" not in articles.columns


def test_parquet_keeps_codes_as_text_counts_whole_and_dates_as_dates(sample_db, tmp_path):
    import pyarrow.parquet as pq

    export(str(sample_db), tmp_path, "parquet")
    regions = pd.read_parquet(tmp_path / "regions.parquet")
    assert "72.10" in set(regions["code"])  # not the number 72.1
    counts = pq.read_schema(tmp_path / "facility_counts.parquet")
    assert str(counts.field("count").type) == "int64" and str(counts.field("of_total").type) == "int64"
    assert str(counts.field("location_code").type).endswith("string")
    articles = pq.read_schema(tmp_path / "articles.parquet")
    assert str(articles.field("published_date").type) == "date32[day]"
    assert str(articles.field("is_ilp").type) == "bool"
    assert str(articles.field("ingested_at").type).startswith("timestamp")
    # an empty table still has typed columns, not "null"
    assert all(str(f.type) != "null" for f in pq.read_schema(tmp_path / "rejects.parquet"))
    assert str(pq.read_schema(tmp_path / "events.parquet").field("start").type).endswith("string")


def test_csv_comes_with_a_data_package_that_keeps_codes_as_text(sample_db, tmp_path):
    written = export(str(sample_db), tmp_path, "csv")
    package = json.loads((tmp_path / "datapackage.json").read_text())
    assert tmp_path / "datapackage.json" in written
    assert {r["path"] for r in package["resources"]} == {f"{n}.csv" for n in (*EXPORTED_TABLES, *VIEW_NAMES)}
    fields = {
        f["name"]: f["type"] for r in package["resources"] if r["name"] == "regions" for f in r["schema"]["fields"]
    }
    assert fields["code"] == "string" and fields["level"] == "integer"
    # What a reader that follows the package gets: codes as text, exactly as stored.
    as_text = [
        f["name"]
        for r in package["resources"]
        if r["name"] == "regions"
        for f in r["schema"]["fields"]
        if f["type"] == "string"
    ]
    regions = pd.read_csv(tmp_path / "regions.csv", dtype={c: str for c in as_text})
    assert "72.10" in set(regions["code"])
    # every column of every CSV is described
    for resource in package["resources"]:
        header = pd.read_csv(tmp_path / resource["path"], nrows=0).columns.tolist()
        assert header == [f["name"] for f in resource["schema"]["fields"]], resource["name"]


def test_every_view_runs(sample_db):
    db = open_db(str(sample_db))
    for view in VIEW_NAMES:
        db.execute(f"select * from {view}").fetchall()  # every view is valid SQL over the schema


def test_datasette_facets_show_region_names_not_codes(sample_db):
    from datasette.app import Datasette

    metadata = json.loads((ROOT / "warehouse" / "datasette.json").read_text())
    ds = Datasette([str(sample_db)], metadata=metadata)

    async def fetch():
        counts = await ds.client.get("/ilp/facility_counts.json?_shape=objects")
        events = await ds.client.get("/ilp/events.json?_shape=objects")
        articles = await ds.client.get("/ilp/articles.json?_shape=objects&_col=main_region")
        return counts, events, articles

    counts, events, articles = asyncio.run(fetch())
    for response, column in ((counts, "location_name"), (events, "location_name"), (articles, "main_region_name")):
        facet = response.json()["facet_results"]
        facet = facet.get("results", facet)[column]  # the default facets of datasette.json
        labels = {r["label"] for r in facet["results"]}
        assert "Kota Kupang" in labels, (column, labels)
        assert not any(label[:2].isdigit() for label in labels)
    row = next(r for r in counts.json()["rows"] if r["location_code"] == "53.71")
    assert row["location_name"] == "Kota Kupang"  # the name beside the code


def test_datasette_serves_the_canned_queries(sample_db):
    from datasette.app import Datasette

    metadata = json.loads((ROOT / "warehouse" / "datasette.json").read_text())
    ds = Datasette([str(sample_db)], metadata=metadata)

    async def fetch():
        coverage = await ds.client.get("/ilp/coverage_by_region.json?_shape=array")
        timeline = await ds.client.get("/ilp/timeline_for_region.json?_shape=array&region=Kupang")
        search = await ds.client.get("/ilp/search_articles.json?_shape=array&q=percontohan")
        facets = await ds.client.get("/ilp/event_timeline.json?_facet=event_type&_facet=province")
        table = await ds.client.get("/ilp/articles")
        empty = await ds.client.get("/ilp/search_articles.json?_shape=array&q=")
        listing = await ds.client.get("/ilp.json")
        return coverage, timeline, search, facets, table, empty, listing

    coverage, timeline, search, facets, table, empty, listing = asyncio.run(fetch())
    assert empty.status_code == 200 and empty.json() == []  # an empty search is no FTS syntax error
    shown = {t["name"] for t in listing.json()["tables"] if not t["hidden"]}
    assert "articles" in shown and not shown & {"_sqlite_migrations", "file_hashes", "article_bands", "warehouse_state"}
    assert coverage.status_code == 200 and any(r["region"] == "Kupang" for r in coverage.json())
    assert timeline.status_code == 200 and timeline.json()
    assert search.status_code == 200 and search.json()
    assert {"event_type", "province"} <= set(facets.json()["facet_results"])
    assert "One row per article" in table.text


def test_readme_queries_run(sample_db):
    import re

    queries = re.findall(r"```sql\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    assert len(queries) >= 6
    db = open_db(str(sample_db))
    empty = [sql for sql in queries if not db.execute(sql).fetchall()]
    # The README says which one comes back empty on the samples: events reported by several outlets.
    assert [sql.split("FROM")[1].split()[0] for sql in empty] == ["event_clusters"]


def test_placing_only_new_articles_marks_as_a_full_pass_does(articles_dir, db_path):
    from warehouse.clusters import mark_duplicates

    assert run_pipeline(articles_dir, db_path) == 0
    for i, name in enumerate(("03_gorontalo_studi_banding.txt", "12_sigi_pelatihan.txt")):
        text = (articles_dir / name).read_text()
        copy = text + f"\nBerita ini juga disiarkan ulang oleh mitra media nomor {i}."
        (articles_dir / f"zz{i}_copy.txt").write_text(copy, encoding="utf-8")
    assert run_pipeline(articles_dir, db_path) == 0  # clusters with since_generation
    db = open_db(str(db_path))
    incremental = sorted(db.execute("select article_id, duplicate_of, duplicate_similarity from articles").fetchall())
    mark_duplicates(db)  # the full pass
    full = sorted(db.execute("select article_id, duplicate_of, duplicate_similarity from articles").fetchall())
    assert incremental == full and sum(1 for _, d, _ in full if d) == 2
