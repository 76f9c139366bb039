"""Issue 13: coverage figures a researcher can cite: each count's scope and as-of date, undated events
placed on the timeline, and the views built from them (latest_coverage, event_timeline, ilp_launches).

The articles are short ones written for these tests, in the manner of regional news.
"""

from __future__ import annotations

import hypothesis.strategies as st
import pytest
from hypothesis import given

from extractors.article import extract_articles
from extractors.coverage import _after
from extractors.models import ArticleFacts, CleanArticle
from warehouse.store import write_article


def facts(text: str, published: str | None = "2025-05-12", title: str | None = None) -> ArticleFacts:
    article = CleanArticle(
        source="uji.txt", article_id=str(abs(hash(text))), text=text, title=title, published_date=published
    )
    return next(extract_articles([article], processes=1))


def count(f: ArticleFacts, kind: str, n: int):
    found = [c for c in f.facility_counts if (c.facility_type, c.count) == (kind, n)]
    assert len(found) == 1, f.facility_counts
    return found[0]


# --- scope -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "n", "facility"),
    [
        pytest.param(
            "Seluruh 40 posyandu di wilayah kerja Puskesmas Sukamaju kini menjalankan ILP.",
            "posyandu",
            40,
            "Puskesmas Sukamaju",
            id="wilayah-kerja-after",
        ),
        pytest.param(
            "Di wilayah kerja UPTD Puskesmas Karang Intan, sebanyak 12 posyandu sudah bertransformasi menjadi ILP.",
            "posyandu",
            12,
            "Puskesmas Karang Intan",
            id="wilayah-kerja-before",
        ),
        pytest.param(
            "Puskesmas Martapura membina 9 posyandu yang kini melayani semua siklus hidup.",
            "posyandu",
            9,
            "Puskesmas Martapura",
            id="puskesmas-oversees",
        ),
        pytest.param(
            "Sebanyak 4 pustu binaan Puskesmas Pengaron ikut menerapkan ILP.",
            "pustu",
            4,
            "Puskesmas Pengaron",
            id="binaan",
        ),
    ],
)
def test_a_count_in_one_puskesmas_area_is_not_a_region_figure(text, kind, n, facility):
    c = count(facts("BANJAR - " + text), kind, n)
    assert (c.scope, c.scope_facility) == ("facility_area", facility)


def test_working_area_referred_back_takes_the_puskesmas_named_before():
    text = (
        "MARTAPURA - Kepala Puskesmas Astambul memaparkan kesiapan ILP. "
        "Menurutnya, 15 posyandu di wilayah kerjanya sudah menerapkan ILP sejak awal tahun."
    )
    c = count(facts(text), "posyandu", 15)
    assert (c.scope, c.scope_facility) == ("facility_area", "Puskesmas Astambul")


def test_the_area_of_a_puskesmas_head_who_speaks():
    text = (
        "SLEMAN - Kepala Puskesmas Godean 1, dr. Ani Wulandari, menyebut seluruh 64 posyandu di wilayahnya "
        "sudah melaksanakan ILP."
    )
    c = count(facts(text), "posyandu", 64)
    assert (c.scope, c.scope_facility) == ("facility_area", "Puskesmas Godean 1")


def test_a_puskesmas_only_visited_is_not_whose_area_it_is():
    text = (
        "SLEMAN - Saat meninjau Puskesmas Godean 1, kepala dinas menyebut 300 posyandu di wilayahnya "
        "sudah melaksanakan ILP."
    )
    c = count(facts(text), "posyandu", 300)
    assert c.scope == "region"


def test_the_areas_of_several_listed_puskesmas_are_counted_together():
    text = (
        "AMBON - Tahap awal difokuskan di Puskesmas Waai, Puskesmas Suli dan Puskesmas Tulehu, "
        "lengkap dengan tujuh pustu dan 33 posyandu di wilayah kerjanya."
    )
    c = count(facts(text), "posyandu", 33)
    assert (c.scope, c.scope_facility) == ("facility_area", "Puskesmas Waai, Puskesmas Suli dan Puskesmas Tulehu")


def test_working_area_of_a_health_office_head_is_the_region():
    text = (
        "MARTAPURA - Peluncuran berlangsung di Puskesmas Astambul. Kepala Dinas Kesehatan Banjar menyebut "
        "220 posyandu di wilayah kerjanya sudah menerapkan ILP."
    )
    c = count(facts(text), "posyandu", 220)
    assert (c.scope, c.scope_facility) == ("region", None)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Sebanyak 220 posyandu di Kabupaten Banjar telah menerapkan ILP.", id="kabupaten"),
        pytest.param(
            "Peluncuran di Puskesmas Sukamaju diikuti 220 posyandu se-Kabupaten Banjar yang menerapkan ILP.",
            id="puskesmas-then-whole-kabupaten",
        ),
        pytest.param(
            "Puskesmas Martapura membina 9 posyandu, sedangkan di tingkat kabupaten 220 posyandu sudah ILP.",
            id="contrast-to-kabupaten",
        ),
    ],
)
def test_region_wide_counts_keep_region_scope(text):
    c = count(facts("BANJAR - " + text), "posyandu", 220)
    assert (c.scope, c.scope_facility) == ("region", None)


def test_puskesmas_counts_are_never_one_puskesmas_area():
    c = count(facts("BANJAR - Di wilayah kerja Dinkes Banjar, 17 puskesmas sudah menerapkan ILP."), "puskesmas", 17)
    assert c.scope == "region"


# --- as of -------------------------------------------------------------------------------------------------


def test_as_of_is_the_sentence_date():
    c = count(facts("BANJAR - Hingga Maret 2025, sebanyak 17 puskesmas telah menerapkan ILP."), "puskesmas", 17)
    assert (c.as_of, c.as_of_source, c.target_date) == ("2025-03", "sentence", None)


def test_a_target_year_is_the_target_not_the_as_of():
    c = count(facts("BANJAR - Dinkes menargetkan seluruh 25 puskesmas menerapkan ILP pada 2026."), "puskesmas", 25)
    assert (c.as_of, c.as_of_source, c.target_date) == ("2025-05-12", "published", "2026")


def test_a_date_after_publication_is_a_target():
    c = count(facts("BANJAR - Pada Desember 2025 sebanyak 25 puskesmas sudah menerapkan ILP."), "puskesmas", 25)
    assert (c.as_of, c.target_date) == ("2025-05-12", "2025-12")


def test_a_since_date_is_when_it_began_not_the_as_of():
    c = count(facts("BANJAR - Sejak Oktober 2024, sebanyak 150 posyandu sudah bertransformasi."), "posyandu", 150)
    assert (c.as_of, c.as_of_source) == ("2025-05-12", "published")


def test_without_a_published_date_the_newest_full_date_is_the_as_of():
    text = (
        "BANJAR - Rapat digelar Senin (3/3/2025) di aula dinas. Kepala dinas menyebut 17 puskesmas sudah "
        "menerapkan ILP. Evaluasi berikutnya dijadwalkan Kamis (13/3/2025)."
    )
    c = count(facts(text, published=None), "puskesmas", 17)
    assert (c.as_of, c.as_of_source) == ("2025-03-13", "reported")


@given(st.dates(), st.dates())
def test_after_compares_at_the_dates_own_precision(a, b):
    """A year is after the published day only when its year is later; a month, when its month is; a day, when
    it is. Checked against calendar comparisons, not against the string comparison the code makes."""
    published = b.isoformat()
    assert _after(a.isoformat(), published) is (a > b)
    assert _after(a.isoformat()[:7], published) is ((a.year, a.month) > (b.year, b.month))
    assert _after(a.isoformat()[:4], published) is (a.year > b.year)
    assert not _after(a.isoformat(), None)


# --- events ------------------------------------------------------------------------------------------------


def test_an_undated_coverage_event_is_placed_at_the_reported_day_and_says_so():
    f = facts("BANJAR - Sebanyak 17 puskesmas di Kabupaten Banjar sudah menerapkan ILP.")
    (event,) = [e for e in f.events if e.event_type == "coverage_report"]
    assert (event.start, event.timeline_start, event.date_source) == (None, "2025-05-12", "article")


def test_a_dated_event_keeps_its_own_date_on_the_timeline():
    f = facts("BANJAR - Hingga Maret 2025, sebanyak 17 puskesmas telah menerapkan ILP.")
    (event,) = [e for e in f.events if e.event_type == "coverage_report"]
    assert (event.start, event.timeline_start, event.date_source) == ("2025-03", "2025-03", "sentence")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Dinas Kesehatan Kotawaringin Timur meluncurkan ILP di Sampit.", "Dinas Kesehatan Kotawaringin Timur"),
        ("Pemerintah Kotawaringin Timur meluncurkan ILP di Sampit.", "Pemerintah Kotawaringin Timur"),
        ("Dinas Kesehatan Kota Palangka Raya meluncurkan ILP.", "Dinas Kesehatan Kota Palangka Raya"),
    ],
)
def test_actors_are_whole_names(text, actor):
    (event,) = [e for e in facts("SAMPIT - " + text).events if e.event_type == "launch"]
    assert actor in event.actors
    assert not any(a in ("Puskesmas", "Dinas Kesehatan Kota") for a in event.actors)


def test_the_bare_word_puskesmas_is_no_actor():
    f = facts("SAMPIT - ILP diluncurkan di Puskesmas yang ada di Kotawaringin Timur.")
    assert all(a != "Puskesmas" for e in f.events for a in e.actors)


# --- the views ---------------------------------------------------------------------------------------------

REPORT = (
    "MARTAPURA - 17 Puskesmas di Banjar Jalankan ILP. Kepala Dinas Kesehatan Kabupaten Banjar menyampaikan "
    "bahwa Kabupaten Banjar memiliki 25 puskesmas. Hingga April 2025, sebanyak 17 dari 25 puskesmas di "
    "Kabupaten Banjar telah menerapkan ILP. Seluruh 40 posyandu di wilayah kerja Puskesmas Sukamaju juga "
    "sudah menjalankan ILP, sementara 300 posyandu di Kabupaten Banjar sudah menerapkan ILP."
)
OLDER = "MARTAPURA - Hingga Januari 2025 baru 9 puskesmas di Kabupaten Banjar yang menerapkan ILP."
HEADLINE_ONLY = "MARTAPURA - Sebanyak 12 posyandu di Kabupaten Banjar sudah menerapkan ILP, kata kepala dinas."
LAUNCH = "KENDAL - Bupati Kendal meluncurkan ILP di 35 puskesmas se-Kabupaten Kendal, Senin (12/5/2025)."


@pytest.fixture
def warehouse(fresh_db):
    for i, (text, published) in enumerate(
        [(REPORT, "2025-04-20"), (OLDER, "2025-01-15"), (HEADLINE_ONLY, "2025-04-20"), (LAUNCH, "2025-05-12")]
    ):
        write_article(fresh_db, facts(text, published), f"/in/{i}.txt", None)
    return fresh_db


def test_latest_coverage_takes_the_newest_region_figure_with_its_total(warehouse):
    rows = {
        r["facility_type"]: r for r in warehouse.query("select * from latest_coverage where location_code = '63.03'")
    }
    pkm = rows["puskesmas"]
    # The headline "17 Puskesmas" and the sentence "17 dari 25": the figure comes with its total.
    assert (pkm["implementing"], pkm["of_total"], pkm["percent"], pkm["as_of"]) == (17, 25, 68.0, "2025-04")
    assert pkm["as_of_source"] == "sentence"
    # The working area of one puskesmas (40 posyandu) is not Banjar's figure; the region-wide one is.
    assert rows["posyandu"]["implementing"] == 300
    assert rows["posyandu"]["as_of"] == "2025-04-20"


def test_latest_coverage_completes_a_total_from_another_sentence_of_the_report(warehouse):
    text = "BANJAR - Kabupaten Banjar memiliki 25 puskesmas. Sebanyak 17 puskesmas sudah menerapkan ILP."
    write_article(warehouse, facts(text, "2025-06-01"), "/in/later.txt", None)
    (row,) = warehouse.query(
        "select * from latest_coverage where location_code = '63.03' and facility_type = 'puskesmas'"
    )
    assert (row["implementing"], row["of_total"], row["total_source"], row["as_of"]) == (
        17,
        25,
        "same_report",
        "2025-06-01",
    )


def test_facility_area_counts_stay_in_facility_counts_with_their_scope(warehouse):
    (row,) = warehouse.query("select scope, scope_facility from facility_counts where count = 40")
    assert (row["scope"], row["scope_facility"]) == ("facility_area", "Puskesmas Sukamaju")


def test_ilp_launches_lists_the_facilities_counted(warehouse):
    (row,) = warehouse.query("select * from ilp_launches where region_code = '33.24'")
    assert row["facilities"] == "35 puskesmas"
    assert (row["first_launch"], row["first_reported"]) == ("2025-05-12", "2025-05-12")


def test_event_timeline_places_undated_events_at_their_articles_day(warehouse):
    rows = list(warehouse.query("select * from event_timeline where start is null"))
    assert rows, "the headline-only article's coverage report has no date of its own"
    assert all(r["timeline_start"] == r["reported_date"] and r["date_source"] == "article" for r in rows)
    assert all(r["month"] == r["timeline_start"][:7] for r in rows)


# --- a count whose clause aims at a later date is a target --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "kind", "n", "status"),
    [
        # The clause's only date is after publication: what is hoped for, whatever its verb.
        (
            "Paling tidak 12 puskesmas sudah menjalankan ILP pada Desember 2025, kata kepala dinas.",
            "2025-08-14",
            "puskesmas",
            12,
            "target",
        ),
        # The same sentence told after that date: a report.
        (
            "Paling tidak 12 puskesmas sudah menjalankan ILP pada Desember 2025, kata kepala dinas.",
            "2026-01-10",
            "puskesmas",
            12,
            "implementing",
        ),
        # The aim belongs to another clause: the first count is what is done now.
        (
            "Sekarang 17 puskesmas sudah siap, dan kami targetkan 38 pustu juga menjalankan ILP paling lambat "
            "Juni 2025.",
            "2024-12-13",
            "puskesmas",
            17,
            "implementing",
        ),
        (
            "Sekarang 17 puskesmas sudah siap, dan kami targetkan 38 pustu juga menjalankan ILP paling lambat "
            "Juni 2025.",
            "2024-12-13",
            "pustu",
            38,
            "target",
        ),
        # ", serta" opens another clause as ", dan" does.
        (
            "Saat ini 17 puskesmas sudah menjalankan ILP, serta 38 pustu ditargetkan menyusul paling lambat Juni 2025.",
            "2024-12-13",
            "puskesmas",
            17,
            "implementing",
        ),
        (
            "Dari 20 puskesmas, 12 sudah menjalankan ILP, sedangkan delapan puskesmas lainnya ditargetkan menyusul "
            "paling lambat Desember 2025.",
            "2025-08-14",
            "puskesmas",
            12,
            "implementing",
        ),
    ],
)
def test_a_count_whose_clause_aims_at_a_later_date_is_a_target(text, published, kind, n, status):
    assert count(facts(text, published), kind, n).status == status
