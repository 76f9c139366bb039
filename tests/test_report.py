"""Issue 13: the report answers the research questions at a glance, and renders in a browser.

Unit tests for its parts (timeline, tracker, evidence), then the whole page over the sample articles,
rendered by headless Chromium: the DOM it builds and a screenshot.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import struct
import subprocess
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import given

from ilp.run import run_pipeline
from tests.conftest import CHROMIUM_FLAGS
from warehouse.geo import backdrop_points, province_points
from warehouse.report import build_timeline, evidence_anchors, month_range, rollout_tracker, write_report
from warehouse.schema import open_db


def event(event_id, event_type, when, cluster=None, source="sentence", start=None, province="63", kab="63.03"):
    return {
        "event_id": event_id,
        "event_type": event_type,
        "timeline_start": when,
        "start": start if start is not None else (when if source != "article" else None),
        "date_source": source if when else None,
        "cluster_id": cluster,
        "province_code": province,
        "kabupaten_code": kab,
    }


# --- the timeline -------------------------------------------------------------------------------------------


def test_the_timeline_has_one_unit_and_keeps_empty_months():
    t = build_timeline(
        [event(1, "launch", "2024-01-15"), event(2, "training", "2024-04"), event(3, "launch", "2024-04-02")]
    )
    assert list(t.months) == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert t.months["2024-02"] == {} and t.months["2024-04"] == {"training": 1, "launch": 1}


def test_the_timeline_counts_what_it_cannot_place_and_what_it_placed_by_the_article():
    t = build_timeline(
        [
            event(1, "launch", "2024"),
            event(2, "training", None),
            event(3, "coverage_report", "2024-05-02", source="article"),
        ]
    )
    assert (t.year_only, t.undated, t.from_article) == ({"2024": 1}, 1, 1)
    assert t.months == {"2024-05": {"coverage_report": 1}}


def test_the_timeline_counts_each_real_world_event_once():
    t = build_timeline([event(1, "launch", "2024-03-04", cluster="c1"), event(2, "launch", "2024-03-05", cluster="c1")])
    assert t.months == {"2024-03": {"launch": 1}}


@given(st.dates(max_value=dt.date(9000, 1, 1)), st.integers(min_value=0, max_value=40))
def test_month_range_is_contiguous(first, span):
    start = first.isoformat()[:7]
    index = first.year * 12 + first.month - 1 + span
    last = f"{index // 12:04d}-{index % 12 + 1:02d}"
    months = month_range(start, last)
    assert (months[0], months[-1], len(months)) == (start, last, span + 1)
    for a, b in zip(months, months[1:], strict=False):
        ya, ma = map(int, a.split("-"))
        assert b == (f"{ya + 1:04d}-01" if ma == 12 else f"{ya:04d}-{ma + 1:02d}")


# --- the tracker --------------------------------------------------------------------------------------------


def coverage(code, implementing, of_total, count_id=1, evidence="s", article="a"):
    pct = round(100 * implementing / of_total, 1) if of_total else None
    return {
        "location_code": code,
        "facility_type": "puskesmas",
        "implementing": implementing,
        "of_total": of_total,
        "percent": pct,
        "as_of": "2025-04",
        "count_id": count_id,
        "evidence": evidence,
        "article_id": article,
        "region": "Banjar",
    }


def test_tracker_stages_and_first_launch():
    names = {"63": "Kalimantan Selatan", "63.03": "Kabupaten Banjar", "63.04": "Kabupaten Barito Kuala"}
    regions = rollout_tracker(
        [
            event(1, "socialization", "2023-10-02", kab="63.04"),
            event(2, "launch", "2024-02-01", source="article"),
            event(3, "launch", "2024-05", kab="63.03"),
        ],
        [coverage("63.03", 25, 25)],
        names,
    )
    banjar, batola, province = regions["63.03"], regions["63.04"], regions["63"]
    assert banjar.stage == "full" and batola.stage == "preparing" and province.stage == "launched"
    # The first launch: the undated one is placed at its article's day, and marked as such.
    assert (banjar.first_launch, banjar.first_launch_from_article) == ("2024-02-01", True)
    assert banjar.events == 2 and province.events == 3 and banjar.latest_event == ("2024-05", "launch")


def test_a_kecamatan_figure_is_not_its_kabupatens_coverage_but_shows_ilp_runs_there():
    regions = rollout_tracker([], [coverage("63.03.05", 3, 3)], {"63.03": "Kabupaten Banjar"})
    assert regions["63.03"].coverage == [] and regions["63.03"].stage == "launched"


def test_figures_from_one_sentence_share_one_evidence_entry():
    rows = [
        coverage("63.03", 17, 25, 1, "same"),
        coverage("63.03", 40, 90, 2, "same"),
        coverage("63", 9, 9, 3, "other"),
    ]
    anchors, entries = evidence_anchors(rows)
    assert anchors[1] == anchors[2] != anchors[3] and len(entries) == 2


def test_every_province_has_a_point_on_the_map():
    db = open_db(":memory:")
    names = tuple((r["code"], r["name"]) for r in db.query("select code, name from regions where level = 1"))
    assert len(names) == 38
    points = province_points(names)
    assert set(points) == {c for c, _ in names}
    assert all(-11.5 < lat < 6.5 and 94.5 < lon < 141.5 for lat, lon in points.values())
    assert len(backdrop_points()) > 500


# --- the page -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    from tests.conftest import RAW_ARTICLES

    folder = tmp_path_factory.mktemp("report")
    assert run_pipeline(RAW_ARTICLES, folder / "ilp.db", home=folder / "home") == 0
    return write_report(str(folder / "ilp.db"), folder / "report.html")


def test_every_evidence_link_has_its_target_and_each_sentence_is_listed_once(report):
    page = report.read_text()
    for anchor in set(re.findall(r"href='#(evidence-\d+)'", page)):
        assert f"id='{anchor}'" in page
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", page)
    assert quotes and len(quotes) == len(set(quotes))
    for anchor in set(re.findall(r"href=\"#(region-[\d.]+)\"", page)):
        assert f"id='{anchor}'" in page


def test_a_facility_area_figure_is_not_shown_as_its_regions(report):
    # The samples' Makassar article counts the posyandu of one puskesmas's working area.
    page = report.read_text()
    row = re.search(r"<tr id='region-73.71'>(.*?)</tr>", page, re.S)
    assert row and "posyandu" not in row.group(1) and "ILP launched or running" in row.group(1)


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            "chromium",
            "--headless",
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_report_renders_in_headless_chromium(report, tmp_path):
    dom = chromium("--dump-dom", report.as_uri(), profile=tmp_path / "profile").stdout
    assert "Rollout tracker" in dom and "Kabupaten Lombok Timur" in dom
    assert dom.count('class="province') == 38  # every province on the map, with or without news
    months = re.findall(r'<rect class="bar"[^>]*><title>(\d{4}-\d{2}) ', dom)
    assert months == sorted(months) and len(set(months)) >= 5
    labels = re.findall(r"<text [^>]*rotate[^>]*>(\d{4}-\d{2})</text>", dom)
    assert labels == month_range(labels[0], labels[-1])  # one unit, no month left out
    assert "dated only by a year" in dom and "placed at the day their article reports" in dom
    assert re.search(r'aria-label="Coverage of puskesmas"', dom) and "Total not reported" in dom
    shot = tmp_path / "report.png"
    chromium("--window-size=1100,2400", f"--screenshot={shot}", report.as_uri(), profile=tmp_path / "profile")
    width, height = struct.unpack(">II", shot.read_bytes()[16:24])  # PNG header
    assert (width, height) == (1100, 2400) and shot.stat().st_size > 50_000  # a drawn page, not a blank one
