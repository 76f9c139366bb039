import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.dates import extract_dates, parse_standalone_date
from tests.markup import parse_markup

CASES = [
    pytest.param(
        "pada tanggal <d 2024-10-22/2024-10-24>22 hingga 24 Oktober 2024</d> di Kendal", None, id="range-hingga"
    ),
    pytest.param("selama dua hari yakni <d 2024-04-24/2024-04-25>24-25 April 2024</d>.", None, id="range-dash"),
    pytest.param("berlangsung <d 2024-07-01/2024-07-03>1 s.d. 3 Juli 2024</d>", None, id="range-sd"),
    pytest.param("pada <d 2024-11-28/2024-12-02>28 November - 2 Desember 2024</d>", None, id="range-cross-month"),
    pytest.param("studi banding, <d 2023-08-08>Selasa (8/8/2023)</d>.", None, id="weekday-numeric"),
    pytest.param("digelar <d 2026-02-11>Rabu (11/2/2026)</d>", None, id="numeric-day-month-year"),
    pytest.param("dilaksanakan pada <d 2023-12-04>4 Desember 2023</d>, sedangkan", None, id="day-month-year"),
    pytest.param("pada <d 2024-05-22>Rabu, 22 Mei 2024</d>", None, id="weekday-comma"),
    pytest.param("sejak <d 2023-01>bulan Januari 2023</d>", None, id="month-year"),
    pytest.param("pada <d 2023-06>bulan Juni tahun 2023</d>", None, id="month-tahun-year"),
    pytest.param("<d 2024-01/2024-03>Januari-Maret 2024</d>", None, id="month-range"),
    pytest.param("digulirkan <d 2022>sejak 2022</d> melalui", None, id="year-sejak"),
    pytest.param("<d 2026>Pada tahun 2026</d>, kabupaten", None, id="year-tahun"),
    pytest.param("dalam RPJMN <d 2025/2029>2025–2029</d>", None, id="year-range"),
    pytest.param("direhab memakai <d 2026>DAK Fisik 2026</d> senilai", None, id="year-of-a-budget"),
    pytest.param("masuk usulan <d 2027>anggaran 2027</d>.", None, id="year-of-anggaran"),
    pytest.param("dialokasikan di <d 2025>APBD Perubahan 2025</d> untuk", None, id="year-of-apbd"),
    pytest.param("Berdasarkan SK Nomor 84 Tahun 2026, ditetapkan", None, id="decree-number-is-not-a-date"),
    pytest.param("UU No. 17 Tahun 2023 tentang Kesehatan", None, id="law-number-is-not-a-date"),
    pytest.param("pukul 09.30 WIB dengan biaya Rp 2.024", None, id="time-and-money"),
    pytest.param("<d 2024-11-04>kemarin</d> di Medan", "2024-11-05", id="kemarin"),
    pytest.param("<d 2024-09-23/2024-09-29>pekan lalu</d>", "2024-10-03", id="pekan-lalu"),
    pytest.param("<d 2024-10-28>Senin lalu</d>", "2024-11-01", id="senin-lalu"),
    pytest.param("<d 2024-10>awal Oktober</d>", "2024-12-01", id="awal-bulan"),
    pytest.param("<d 2023>tahun lalu</d> naik", "2024-03-01", id="tahun-lalu"),
    pytest.param("kemarin dan pekan lalu", None, id="relative-without-published-date"),
    pytest.param("<d 2024-12-04>Senin (4/12)</d>", "2024-12-05", id="numeric-without-year"),
    pytest.param("pada <d 2024-03>Maret</d> dan <d 2024-09>September 2024</d>", None, id="coordinated-months"),
    pytest.param(
        "bulan <d 2024-01>Januari</d>, <d 2024-03>Maret</d> dan <d 2024-05>Mei 2024</d>", None, id="month-list"
    ),
    pytest.param("<d 2022>pada 2022</d> dan <d 2023>2023</d>, puskesmas", None, id="coordinated-years"),
    pytest.param(
        "digelar <d 2024-10-07/2024-10-09>Senin (7/10/2024) hingga Rabu (9/10/2024)</d>.", None, id="numeric-range"
    ),
    pytest.param(
        "sejak <d 2024-07-08/2024-07-12>Senin (8/7) hingga Jumat (12/7)</d>.", "2024-07-09", id="numeric-range-no-year"
    ),
    pytest.param("<d 2025-03-03>3 hari lalu</d>", "2025-03-06", id="days-ago-digits"),
    pytest.param("<d 2025-02-20>dua pekan lalu</d>", "2025-03-06", id="weeks-ago-words"),
    pytest.param("<d 2025-02>sebulan yang lalu</d>", "2025-03-06", id="a-month-ago"),
    pytest.param("<d 2024-12>tiga bulan lalu</d>", "2025-03-06", id="months-ago-words"),
    pytest.param("<d 2023>dua tahun lalu</d>", "2025-03-06", id="years-ago"),
    pytest.param("beberapa hari lalu", "2025-03-06", id="some-days-ago-names-no-day"),
    pytest.param("3 hari lalu", None, id="days-ago-without-published-date"),
    pytest.param("monev <d 2025-05-19/2025-05-21>Senin hingga Rabu (19-21/5/2025)</d>.", None, id="numeric-day-range"),
    pytest.param("<d 2024-10-15/2024-10-16>Selasa-Rabu (15-16/10/2024)</d>", None, id="weekday-pair-day-range"),
    pytest.param("<d 2025-01/2025-04>Januari hingga pertengahan April 2025</d>", None, id="month-range-with-lead"),
    pytest.param("hingga <d 2025-05>Mei lalu</d> baru", "2025-06-19", id="month-lalu"),
    pytest.param("pada <d 2025-07>Juli mendatang</d>", "2025-06-19", id="month-mendatang"),
    pytest.param("<d 2024-12>Desember lalu</d>", "2025-03-01", id="month-lalu-last-year"),
    pytest.param("DAK <d 2024>tahun anggaran 2024</d>", None, id="fiscal-year"),
    pytest.param("di aula, <d 2025-10-16>Kamis pekan lalu</d>.", "2025-10-21", id="weekday-of-last-week"),
    pytest.param("<d 2024-12/2025-02>Desember 2024 hingga Februari 2025</d>", None, id="months-across-a-year"),
    pytest.param("klaster <d 2024-01>sejak Januari</d>.", "2024-02-27", id="sejak-month"),
]


@pytest.mark.parametrize(("marked", "published"), CASES)
def test_dates(marked, published):
    text, spans = parse_markup(marked)
    found = extract_dates(text, published)
    expected = []
    for start, end, attr in spans:
        lo, _, hi = attr.partition("/")
        expected.append((text[start:end], lo, hi or lo))
    assert [(d.text, d.start, d.end) for d in found] == expected


def test_offsets_slice_the_text():
    text = "Kegiatan pada 24-25 April 2024 dan Rabu (11/2/2026)."
    for d in extract_dates(text):
        assert text[d.char_start : d.char_end] == d.text


def test_page_header_date():
    assert parse_standalone_date("Jumat, November 22, 2024") == "2024-11-22"
    assert parse_standalone_date("Kupang, 3 Oktober 2024") == "2024-10-03"
    assert parse_standalone_date("Rapat digelar 3 Oktober 2024 di aula kantor bupati") is None


@given(st.dates(min_value=dt.date(1960, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_numeric_dates_round_trip(day):
    text = f"digelar Senin ({day.day}/{day.month}/{day.year}) di aula"
    assert [(d.start, d.end) for d in extract_dates(text)] == [(day.isoformat(), day.isoformat())]


@settings(max_examples=200)
@given(st.text(max_size=300), st.one_of(st.none(), st.dates().map(dt.date.isoformat)))
def test_never_crashes_and_offsets_hold(text, published):
    for d in extract_dates(text, published):
        assert text[d.char_start : d.char_end] == d.text
        assert d.start <= d.end
