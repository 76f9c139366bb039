import pytest

from extractors.article import extract_articles
from extractors.cleaning import article_id_for
from extractors.events import is_about_ilp
from extractors.models import CleanArticle


def events_of(text: str, published: str | None = None):
    article = CleanArticle(source="t.txt", article_id=article_id_for(text), text=text, published_date=published)
    facts = next(extract_articles([article]))
    return [(e.event_type, e.start, e.end, e.facility, e.location_code) for e in facts.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Peluncuran ILP di Puskesmas Plantungan, Kabupaten Kendal dilaksanakan pada 4 Desember 2023, "
            "sedangkan ILP seluruh desa pada 8 Januari 2024.",
            [
                ("launch", "2023-12-04", "2023-12-04", "Plantungan", "33.24"),
                ("launch", "2024-01-08", "2024-01-08", "Plantungan", "33.24"),
            ],
            id="one-launch-per-date",
        ),
        pytest.param(
            "Pegawai Dinkes Kabupaten Kutai Timur mengikuti kaji banding ILP di Puskesmas Plantungan, Kendal, "
            "pada 22 hingga 24 Oktober 2024. Dengan kaji banding ini peserta belajar banyak.",
            [("study_visit", "2024-10-22", "2024-10-24", "Plantungan", "33.24")],
            id="place-phrase-decides-region-and-demonstrative-refers-back",
        ),
        pytest.param(
            "Dinas Kesehatan Kabupaten Kaur melaksanakan FGD Integrasi Layanan Primer pada 28 November 2024. "
            "FGD ini juga untuk menyosialisasikan klaster. Dengan pendampingan yang intensif, mutu naik.",
            [("coordination_meeting", "2024-11-28", "2024-11-28", None, "17.04")],
            id="unanchored-mentions-are-not-events",
        ),
        pytest.param(
            "Berdasarkan Surat Keputusan Kepala Dinas Kesehatan Nomor 84 Tahun 2026, ditetapkan Puskesmas "
            "Ketapang 2 di Kabupaten Kotawaringin Timur sebagai lokasi percontohan ILP.",
            [
                ("pilot_designation", "2026", "2026", "Ketapang 2", "62.02"),
                ("policy", "2026", "2026", "Ketapang 2", "62.02"),
            ],
            id="decree-year-dates-the-designation",
        ),
        pytest.param(
            "Di Kabupaten Kaur, dari total 152 pustu, sebanyak 43 di antaranya telah melaksanakan ILP.",
            [("coverage_report", None, None, None, "17.04")],
            id="coverage-from-implementing-counts",
        ),
        pytest.param(
            "Dinas Kesehatan Kabupaten Bantul mencatat 214 kasus demam berdarah pada Oktober 2024 dan menggelar "
            "sosialisasi pemberantasan sarang nyamuk.",
            [],
            id="not-about-ilp-no-events",
        ),
    ],
)
def test_events(text, expected):
    assert events_of(text) == expected


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("Penerapan ILP di puskesmas", True),
        ("integrasi layanan kesehatan primer mulai diterapkan", True),
        ("Integrasi Pelayanan Primer", True),
        ("kasus demam berdarah naik di puskesmas", False),
        ("ilp huruf kecil bukan singkatan", False),
        ("posyandu siklus hidup mulai melayani lansia", True),
    ],
)
def test_is_about_ilp(text, about):
    assert is_about_ilp(text) is about


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Dinas Kesehatan Kabupaten Sleman menggelar sosialisasi ILP bagi kader posyandu. "
            "Kegiatan tersebut berlangsung di Aula Puskesmas Godean, Senin (7/10/2024).",
            [("socialization", "2024-10-07", "2024-10-07", "Godean", "34.04")],
            id="date-in-the-next-sentence",
        ),
        pytest.param(
            "Bimtek ILP Tahun 2024 digelar di Kabupaten Sleman pada 3 Januari 2025.",
            [("training", "2025-01-03", "2025-01-03", None, "34.04")],
            id="year-in-the-name-is-not-the-date",
        ),
        pytest.param(
            "Dinkes Sleman menggelar orientasi ILP bagi kepala puskesmas pada 5 Mei 2024.",
            [("training", "2024-05-05", "2024-05-05", None, "34.04")],
            id="orientasi-is-training",
        ),
        pytest.param(
            "Uji coba ILP dilakukan di Puskesmas Godean 1, Kabupaten Sleman, sejak Maret 2024.",
            [("pilot_designation", "2024-03", "2024-03", "Godean 1", "34.04")],
            id="uji-coba-is-a-pilot",
        ),
        pytest.param("Dengan ILP, puskesmas dapat menghemat anggaran operasional.", [], id="saving-is-not-funding"),
    ],
)
def test_events_as_news_writes_them(text, expected):
    assert events_of(text, "2025-03-06") == expected


def _events_with_source(text, published):
    article = CleanArticle(source="t.txt", article_id=article_id_for(text), text=text, published_date=published)
    facts = next(extract_articles([article]))
    return [(e.event_type, e.start, e.date_source) for e in facts.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Sebelum peluncuran, Dinkes Lumajang menggelar sosialisasi ILP kepada camat pada 13 Juni 2024.",
            [("socialization", "2024-06-13", "sentence")],
            id="time-reference-to-another-event",
        ),
        pytest.param(
            "Hibah Global Fund untuk ILP Tahun 2025 akan dipakai untuk orientasi tenaga kesehatan dan "
            "pendampingan kader.",
            [("funding", "2025", "sentence")],
            id="activities-the-money-is-for",
        ),
        pytest.param(
            "Orientasi ILP bagi petugas tiga puskesmas lokus dijadwalkan pada 12 Mei 2025.",
            [("training", "2025-05-12", "sentence")],
            id="lokus-as-an-adjective-is-no-designation",
        ),
        pytest.param(
            "Pemkab Kupang meluncurkan ILP tingkat kabupaten. Kegiatan dipusatkan di Puskesmas Batakte, "
            "Selasa 12 November 2024.",
            [("launch", "2024-11-12", "follow_up")],
            id="kegiatan-dipusatkan-follows-up",
        ),
        pytest.param(
            'Rakor lintas sektor ILP digelar di Singaraja. "Kami dorong kolaborasi," ujarnya, Jumat (7/11/2025).',
            [("coordination_meeting", "2025-11-07", "reported")],
            id="undated-activity-takes-the-reported-day",
        ),
        pytest.param(
            "Yosta mengatakan pemerintah daerah membuka ruang evaluasi.", [], id="evaluasi-alone-is-no-monitoring"
        ),
    ],
)
def test_event_dates_and_triggers(text, expected):
    assert _events_with_source(text, "2025-11-08") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Persiapan penerapan ILP sudah dimulai sejak Juli 2024 melalui orientasi bagi kepala puskesmas.",
            [("training", "2024-07", "sentence")],
            id="preparation-started-is-no-launch",
        ),
        pytest.param(
            "Pemkab Biak Numfor meluncurkan ILP tahun 2025. Peluncuran dilakukan Sekda di halaman kantor bupati, "
            "Senin (20/1/2025).",
            [("launch", "2025-01-20", "follow_up")],  # the next sentence gives the day within the year
            id="program-year-joins-the-dated-launch",
        ),
        pytest.param(
            "Penerapan ILP mengacu pada Keputusan Menteri Kesehatan Nomor HK.01.07/MENKES/2015/2023 tentang juknis.",
            [("policy", "2023", "sentence")],
            id="decree-number-with-slashes",
        ),
        pytest.param(
            "Pemkab Rokan Hulu resmi menerapkan ILP di 23 puskesmas, Sabtu (7/9/2024).",
            [("launch", "2024-09-07", "sentence"), ("coverage_report", "2024-09-07", "sentence")],
            id="resmi-menerapkan-is-a-launch-and-reports-coverage",
        ),
    ],
)
def test_more_event_rules(text, expected):
    assert _events_with_source(text, "2025-01-21") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Pemkab Sumedang resmi meluncurkan ILP. Peluncuran itu dirangkaikan dengan rapat koordinasi. "
            "Kegiatan berlangsung Selasa (16/7/2024) di Jatinangor.",
            [("launch", "2024-07-16", "follow_up"), ("coordination_meeting", "2024-07-16", "follow_up")],
            id="follow-up-chain-of-two",
        ),
        pytest.param(
            "Tim Kemenkes berkunjung ke Puskesmas Matakali, Kamis (24/10/2024). Kunjungan itu sekaligus menandai "
            "peluncuran ILP di kabupaten tersebut.",
            [("launch", "2024-10-24", "follow_up")],
            id="refers-back-to-a-dated-visit",
        ),
        pytest.param(
            "Jumat (9/1/2026), Dinkes mengumpulkan 35 kader posyandu ILP. Mereka mengikuti orientasi posyandu.",
            [("training", "2026-01-09", "follow_up")],
            id="mereka-refers-back",
        ),
        pytest.param(
            "Rangkaian kegiatan ILP sudah dimulai kemarin melalui pelatihan kader.",
            [("training", "2026-01-10", "sentence")],
            id="activities-started-is-no-launch",
        ),
    ],
)
def test_events_across_sentences(text, expected):
    assert _events_with_source(text, "2026-01-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Sejak Januari 2025, lima puskesmas sudah menjalankan ILP secara penuh.",
            [("coverage_report", "2025-01", "sentence"), ("launch", "2025-01", "sentence")],
            id="running-since-a-date-is-a-start",
        ),
        pytest.param(
            "Bulungan baru memulai ILP di tiga puskesmas percontohan pada Maret 2025.",
            [("launch", "2025-03", "sentence"), ("pilot_designation", "2025-03", "sentence")],
            id="memulai-ilp",
        ),
        pytest.param(
            "Dinkes Konsel menggelar rapat evaluasi dua tahun pelaksanaan ILP, Selasa (30/9/2025).",
            [("coordination_meeting", "2025-09-30", "sentence")],
            id="rapat-evaluasi",
        ),
    ],
)
def test_starts_and_meetings(text, expected):
    assert _events_with_source(text, "2025-10-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Rehabilitasi pustu untuk layanan ILP dibiayai DAK Fisik 2026.",
            [("funding", "2026", "sentence")],
            id="a-budget-names-its-year",
        ),
        pytest.param(
            "Tahun ini Pemkab Tapin mengalokasikan Rp 900 juta dari APBD untuk kader posyandu ILP.",
            [("funding", "2025", "sentence")],
            id="apbd-and-mengalokasikan-rp",
        ),
        pytest.param(
            "Desa siap menganggarkan insentif kader posyandu ILP.",
            [("funding", None, "article")],  # no date of its own: the timeline takes the article's
            id="menganggarkan",
        ),
        pytest.param(
            "Kalau dana desa tidak cair, kader posyandu ILP sulit bergerak.",
            [],
            id="a-condition-on-money-is-no-funding",
        ),
        pytest.param(
            "ILP sudah diuji coba di empat puskesmas sejak Mei 2025.",
            [("pilot_designation", "2025-05", "sentence")],
            id="diuji-coba",
        ),
    ],
)
def test_money_and_trials(text, expected):
    assert _events_with_source(text, "2025-10-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Pemkab Dompu meluncurkan ILP, Senin (3/3/2025). Puskesmas Kilo dipilih sebagai tempat launching "
            "karena sudah menata klaster sejak Januari lalu.",
            [("launch", "2025-03-03", "sentence")],
            id="tempat-launching-points-back",
        ),
        pytest.param(
            "Dinkes menggelar bimtek ILP bagi petugas puskesmas, Selasa (4/3/2025). Monitoring dijadwalkan "
            "pada Juni 2025 untuk melihat hasil bimtek di lapangan.",
            [("training", "2025-03-04", "sentence"), ("monitoring_evaluation", "2025-06", "sentence")],
            id="hasil-bimtek-points-back",
        ),
        pytest.param(
            "Orientasi ILP angkatan kedua dibuka di Watansoppeng, Senin (6/10/2025). Sebelumnya, Angkatan 1 "
            "telah dilaksanakan pada 8-12 September 2025.",
            [("training", "2025-10-06", "sentence"), ("training", "2025-09-08", "sentence")],
            id="a-batch-of-the-training",
        ),
    ],
)
def test_references_to_reported_events(text, expected):
    assert _events_with_source(text, "2025-10-07") == expected


def test_one_coverage_report_per_regency():
    text = (
        "Di Kabupaten Kendal, 20 dari 30 puskesmas sudah menerapkan ILP per Maret 2025. "
        "Di Kecamatan Plantungan, 9 posyandu juga sudah menjalankan ILP."
    )
    coverage = [e for e in events_of(text, "2025-04-01") if e[0] == "coverage_report"]
    assert coverage == [("coverage_report", "2025-03", "2025-03", None, "33.24")]


def test_coverage_reports_of_two_regencies_stay_apart():
    text = (
        "Di Kabupaten Kendal, 20 dari 30 puskesmas sudah menerapkan ILP. "
        "Di Kabupaten Batang, 12 puskesmas sudah menjalankan ILP."
    )
    coverage = [e for e in events_of(text, "2025-04-01") if e[0] == "coverage_report"]
    assert [e[4] for e in coverage] == ["33.24", "33.25"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Posyandu Melati sudah menjalankan konsep ILP sejak Februari 2025.",
            [("launch", "2025-02", "sentence")],
            id="menjalankan-konsep-ilp-sejak",
        ),
        pytest.param(
            "Penerapan ILP di Kota Serang sudah berjalan sejak 2024.",
            [("launch", "2024", "sentence")],
            id="penerapan-ilp-berjalan-sejak",
        ),
        pytest.param(
            "Kepala dinas memaparkan capaian ILP sejak diterapkan pada Mei 2024.",
            [("launch", "2024-05", "sentence")],
            id="sejak-diterapkan-pada",
        ),
    ],
)
def test_ilp_running_since_a_date_is_its_launch(text, expected):
    assert _events_with_source(text, "2025-10-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Seluruh 18 puskesmas ditargetkan menerapkan ILP pada 2026, dengan pendampingan mulai Maret 2025.",
            [("monitoring_evaluation", "2025-03", "sentence")],
            id="a-target-date-dates-no-event",
        ),
        pytest.param(
            "Kick Off ILP, Dinkes Target 20 Puskesmas Terapkan Klaster Tahun Depan",
            [("launch", None, "article")],
            id="a-headline-target-year-is-not-the-launch",
        ),
    ],
)
def test_goal_dates(text, expected):
    assert _events_with_source(text, "2025-02-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Tim pembina ILP tertuang dalam SK Bupati yang ditandatangani pada Maret 2025, dan disosialisasikan kepada "
            "camat, Rabu (21/5/2025).",
            [("socialization", "2025-05-21", "sentence"), ("policy", "2025-03", "sentence")],
            id="each-event-takes-the-date-of-its-own-clause",
        ),
        pytest.param(
            "Tim pembina ILP tertuang dalam SK Bupati yang ditandatangani pada Maret 2025, namun baru disosialisasikan "
            "kepada camat, Rabu (21/5/2025).",
            [("socialization", "2025-05-21", "sentence"), ("policy", "2025-03", "sentence")],
            id="namun-opens-another-clause",
        ),
        pytest.param(
            "Dinkes merampungkan rancangan Peraturan Bupati tentang Penyelenggaraan ILP.",
            [("policy", None, "article")],
            id="a-decree-about-ilp",
        ),
        pytest.param(
            "Pembentukan tim ILP diatur dalam Keputusan Bupati yang diterbitkan pada 2 Juni 2025.",
            [("policy", "2025-06-02", "sentence")],
            id="keputusan-bupati",
        ),
    ],
)
def test_decrees(text, expected):
    assert _events_with_source(text, "2025-07-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Sisanya kami dampingi menerapkan ILP bertahap mulai Mei hingga Juli 2025.",
            [("monitoring_evaluation", "2025-05", "sentence")],
            id="kami-dampingi",
        ),
        pytest.param(
            "Kader PKK turun memantau pelaksanaan posyandu ILP Dahlia, Senin (14/7/2025).",
            [("monitoring_evaluation", "2025-07-14", "sentence")],
            id="memantau-pelaksanaan",
        ),
        pytest.param(
            "Ketiga puskesmas ILP itu didampingi Dinkes sejak April 2025.",
            [("monitoring_evaluation", "2025-04", "sentence")],
            id="a-facility-is-mentored",
        ),
        pytest.param(
            "Bupati didampingi Kepala Dinkes meninjau pustu ILP, Senin (14/7/2025).",
            [],
            id="a-person-is-only-accompanied",
        ),
        pytest.param(
            "Pada Juni 2025 kami melatih ulang kader dari sembilan desa tentang ILP.",
            [("training", "2025-06", "sentence")],
            id="melatih-kader",
        ),
    ],
)
def test_activities_told_with_verbs(text, expected):
    assert _events_with_source(text, "2025-07-20") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Dinkes Pandeglang melakukan kaji tiru ILP ke Puskesmas Labuan, Kamis (5/6/2025).",
            [("study_visit", "2025-06-05", "sentence")],
            id="kaji-tiru",
        ),
        pytest.param(
            "Dinkes menggelar rapat advokasi ILP bersama camat, Selasa (3/6/2025).",
            [("coordination_meeting", "2025-06-03", "sentence")],
            id="rapat-advokasi",
        ),
        pytest.param(
            "Bupati menyerahkan piagam kepada posyandu ILP terbaik, Selasa (3/6/2025).",
            [("award", "2025-06-03", "sentence")],
            id="a-plaque-handed-to-a-facility",
        ),
        pytest.param(
            "Pendampingan ILP bagi puskesmas dimulai pada Juni 2025.",
            [("monitoring_evaluation", "2025-06", "sentence")],
            id="mentoring-started-is-no-launch",
        ),
        pytest.param(
            "Dinkes menyiapkan usulan anggaran untuk posyandu ILP.",
            [],
            id="a-proposed-budget-is-no-funding",
        ),
        pytest.param(
            "Bupati meluncurkan ILP di Puskesmas Labuan, Senin (2/6/2025). Saat itu juga diserahkan SK tim ILP "
            "yang ditandatangani bupati.",
            [("launch", "2025-06-02", "sentence"), ("policy", "2025-06-02", "follow_up")],
            id="saat-itu-takes-the-date-before",
        ),
    ],
)
def test_more_triggers_and_references(text, expected):
    assert _events_with_source(text, "2025-06-10") == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "Puskesmas Oesao di Kabupaten Kupang menjadi puskesmas kedua yang meluncurkan ILP, setelah Puskesmas "
            "Baumata pada awal Maret lalu.",
            "2025-03-20",
            [("launch", None, None, "Oesao", "53.01"), ("launch", "2025-03", "2025-03", "Baumata", "53.01")],
            id="the-date-after-setelah-is-the-earlier-launch",
        ),
        pytest.param(
            "Dinkes NTT memantau ILP di Kabupaten Sikka, Senin (8/9/2025). Sikka menjadi kabupaten ketiga yang "
            "dimonev setelah Ende pada akhir Agustus.",
            "2025-09-10",
            [
                ("monitoring_evaluation", "2025-09-08", "2025-09-08", None, "53.07"),
                ("monitoring_evaluation", "2025-08", "2025-08", None, "53.08"),
            ],
            id="dimonev-and-an-earlier-one-elsewhere",
        ),
        pytest.param(
            "Dinkes menggelar pelatihan ILP bagi kader di Aula Dinkes Kendal, Senin (2/6/2025). Pelatihan "
            "berlangsung tiga hari, 2-4 Juni 2025.",
            "2025-06-05",
            [("training", "2025-06-02", "2025-06-04", None, "33.24")],
            id="a-day-inside-the-range-is-its-first-day",
        ),
        pytest.param(
            "Sisa kader akan ikut pelatihan ILP pada tahun depan, tergantung ketersediaan anggaran.",
            "2025-06-05",
            [("training", "2026", "2026", None, None)],
            id="depending-on-a-budget-is-no-funding",
        ),
        pytest.param(
            "Pencanangan ILP digelar Selasa (18/2/2025). Rapat persiapan pencanangan sendiri digelar Jumat "
            "(14/2/2025) bersama para camat.",
            "2025-02-19",
            [
                ("launch", "2025-02-18", "2025-02-18", None, None),
                ("coordination_meeting", "2025-02-14", "2025-02-14", None, None),
            ],
            id="preparing-a-launch-is-no-launch",
        ),
        pytest.param(
            "Dari 27 puskesmas di Bantul, seluruhnya sudah menerapkan ILP per Desember 2024.",
            "2025-02-12",
            [("coverage_report", "2024-12", "2024-12", None, "34.02")],
            id="all-of-them-run-ilp-is-coverage",
        ),
        pytest.param(
            "Kepala Dinkes mengatakan seluruh puskesmas di Bangka Selatan sudah menerapkan ILP sejak 2024.",
            "2025-10-06",
            [("launch", "2024", "2024", None, "19.03"), ("coverage_report", "2024", "2024", None, "19.03")],
            id="all-puskesmas-run-ilp-since",
        ),
        pytest.param(
            "Pada 2024, ILP kami mulai dengan lokus di 31 puskesmas.",
            "2025-06-10",
            [("pilot_designation", "2024", "2024", None, None)],
            id="lokus-di",
        ),
        pytest.param(
            "Dinkes melaksanakan monev ILP di Puskesmas Bobong, Selasa (20/5/2025). Monev dilakukan untuk memastikan "
            "komitmen saat kick off ILP pada Agustus 2024 dijalankan.",
            "2025-05-22",
            [
                ("monitoring_evaluation", "2025-05-20", "2025-05-20", "Bobong", None),
                ("launch", "2024-08", "2024-08", None, None),
            ],
            id="what-a-reported-monev-is-for-is-no-new-monev",
        ),
    ],
)
def test_fourth_batch_constructions(text, published, expected):
    assert events_of(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "Dinas Kesehatan Kota Bengkulu menggelar sosialisasi ILP tahun 2025. "
            "Kegiatan berlangsung di aula dinas, Selasa 3 Juni 2025.",
            None,
            [("socialization", "2025-06-03", "2025-06-03", None, "17.71")],
            id="a-year-made-precise-by-the-next-sentence",
        ),
        pytest.param(
            "Pemerintah Kabupaten Banjar meluncurkan ILP tingkat kabupaten tahun 2025. "
            "Kegiatan berlangsung di Banjarbaru, Senin (29/9/2025).",
            None,
            [("launch", "2025-09-29", "2025-09-29", None, "63.72")],
            id="held-in-the-city-the-next-sentence-names",
        ),
        pytest.param(
            "Dinkes Bangka meluncurkan ILP di 10 puskesmas.\n"
            '"ILP mendekatkan layanan ke warga," kata Kepala Dinkes Bangka Andri, Kamis (16/11/2023).',
            None,
            [("launch", "2023-11-16", "2023-11-16", None, "19.01")],
            id="no-published-date-the-day-of-the-statement",
        ),
        pytest.param(
            "Dinkes Bangka meluncurkan ILP di 10 puskesmas.\n"
            '"Kami mulai," kata Andri, Kamis (16/11/2023). "Lanjut," ujar Rina, Jumat (17/11/2023).',
            None,
            [("launch", None, None, None, "19.01")],
            id="statements-on-two-days-date-nothing",
        ),
    ],
)
def test_dates_from_around_the_event(text, published, expected):
    assert [e for e in events_of(text, published) if e[0] != "coverage_report"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Dinkes Kota Palu menetapkan tiga puskesmas sebagai model ILP, yaitu Puskesmas Talise, "
            "Kawatuna dan Birobuli.",
            ["pilot_designation"],
            id="pilots-named-without-a-trigger-word",
        ),
        pytest.param(
            "Dinkes Kota Palu menggelar bimtek ILP bagi tiga puskesmas yang ditetapkan sebagai model ILP, "
            "Senin (5/5/2025).",
            ["training"],
            id="pilots-an-activity-is-for-are-not-named-there",
        ),
    ],
)
def test_pilots_named_in_a_sentence(text, expected):
    assert [e[0] for e in events_of(text, "2025-05-06") if e[0] != "coverage_report"] == expected


def test_each_activity_of_a_sentence_keeps_its_own_date():
    text = (
        '"Sebelum peluncuran hari ini, kami sudah menggelar sosialisasi ILP bagi lintas sektor pada Juli 2025, '
        'lalu orientasi klaster bagi petugas puskesmas pada 26 sampai 28 Agustus 2025," kata Kadinkes Aceh Jaya.'
    )
    assert [e[:3] for e in events_of(text, "2025-10-14")] == [
        ("socialization", "2025-07", "2025-07"),
        ("training", "2025-08-26", "2025-08-28"),
    ]
