import pytest

from extractors.locations import extract_locations


def places(text):
    return [(loc.name, loc.type, loc.code) for loc in extract_locations(text).locations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Dinas Kesehatan Kabupaten Kendal, Provinsi Jawa Tengah.",
            [("Kendal", "kabupaten", "33.24"), ("Jawa Tengah", "provinsi", "33")],
            id="typed-regions",
        ),
        pytest.param(
            "SATUHABAR.COM, KALTENG - Pemkab Kotim menggelar sosialisasi.",
            [("Kalimantan Tengah", "provinsi", "62"), ("Kotawaringin Timur", "kabupaten", "62.02")],
            id="abbreviations",
        ),
        pytest.param(
            "Kota Magelang dan Kabupaten Magelang berbagi nama.",
            [("Magelang", "kota", "33.71"), ("Magelang", "kabupaten", "33.08")],
            id="kota-vs-kabupaten",
        ),
        pytest.param(
            "KUPANG - Dinas Kesehatan Kota Kupang melaporkan capaian.",
            [("Kupang", "kota", "53.71")],
            id="bare-name-takes-the-type-the-article-uses",
        ),
        pytest.param(
            "Puskesmas Kecamatan Darul Kamal di Kabupaten Aceh Besar.",
            [("Darul Kamal", "kecamatan", "11.06.19"), ("Aceh Besar", "kabupaten", "11.06")],
            id="kecamatan-in-context",
        ),
        pytest.param(
            "Kepala Desa Tlogopayung di Kabupaten Kendal hadir.",
            [("Tlogopayung", "desa", "33.24.01.2003"), ("Kendal", "kabupaten", "33.24")],
            id="desa-code",
        ),
        pytest.param(
            "Gampong Krueweng di Aceh Besar.",
            [("Krueweng", "desa", None), ("Aceh Besar", "kabupaten", "11.06")],
            id="gampong-unknown-code",
        ),
        pytest.param(
            "ditetapkan Puskesmas Ketapang 2 sebagai lokasi percontohan",
            [("Ketapang 2", "puskesmas", None)],
            id="facility-with-number",
        ),
        pytest.param(
            "Sebanyak 4 PKM studi banding ke Puskesmas Darul Kamal.",
            [("Darul Kamal", "puskesmas", None)],
            id="counted-facilities-are-not-names",
        ),
        pytest.param(
            "diselenggarakan di ICE BSD, Tangerang Selatan, pada April.",
            [("ICE BSD", "venue", None), ("Tangerang Selatan", "kota", "36.74")],
            id="venue",
        ),
        pytest.param("Batang pohon dan Malang nasibnya.", [], id="common-words-are-not-regions"),
        pytest.param("Kabupaten Batang menggelar rapat.", [("Batang", "kabupaten", "33.25")], id="typed-common-word"),
        pytest.param(
            "Dinkes Kabupaten Kutai Kartanegara menggelar bimtek di Tenggarong.",
            [("Kutai Kartanegara", "kabupaten", "64.02"), ("Tenggarong", "kecamatan", "64.02.06")],
            id="bare-kecamatan-inside-the-kabupaten",
        ),
        pytest.param(
            "Puskesmas Sukamaju Raih Penghargaan Layanan Terbaik\nPuskesmas Sukamaju di Kabupaten Garut menang.",
            [("Sukamaju", "puskesmas", None), ("Garut", "kabupaten", "32.05")],
            id="title-case-headline",
        ),
    ],
)
def test_locations(text, expected):
    assert places(text) == expected


def test_facility_names_stop_before_people():
    text = (
        "Empat puskesmas yakni Puskesmas Lampisang, Puskesmas Blang Bintang ikut. "
        "Kepala Puskesmas Lampisang Marlina SKM mengatakan hal itu."
    )
    assert [loc.name for loc in extract_locations(text).locations] == ["Lampisang", "Blang Bintang"]


def test_main_region_is_the_most_mentioned_kabupaten():
    text = "Dinas Kesehatan Kutai Timur belajar di Kendal. Kutai Timur ingin meniru. Kabupaten Kutai Timur siap."
    assert extract_locations(text).main_region == "64.08"


def test_offsets_slice_the_text():
    text = "SIGI, SULTENG - Pelatihan di Kecamatan Dolo, Kabupaten Sigi, di Aula Balai Desa."
    for loc in extract_locations(text).locations:
        assert text[loc.char_start : loc.char_end] == loc.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Dinas Kesehatan Kota Pangkalpinang menggelar sosialisasi.",
            [("Pangkalpinang", "kota", "19.71")],
            id="spelled-as-one-word",
        ),
        pytest.param(
            "Kabupaten Gunung Kidul menjadi percontohan.", [("Gunung Kidul", "kabupaten", "34.03")], id="split-word"
        ),
        pytest.param(
            "Digelar di Desa Kediri, Kecamatan Kediri, Kabupaten Lombok Barat.",
            [
                ("Kediri", "desa", "52.01.02.2001"),
                ("Kediri", "kecamatan", "52.01.02"),
                ("Lombok Barat", "kabupaten", "52.01"),
            ],
            id="same-name-elsewhere-is-not-taken",
        ),
        pytest.param(
            "Rapat di Hotel Bandung Indah, Kota Cirebon.",
            [("Hotel Bandung Indah", "venue", None), ("Cirebon", "kota", "32.74")],
            id="region-word-inside-a-venue",
        ),
        pytest.param(
            "Posyandu Tingkat Desa dan Puskesmas Se-Kabupaten Sleman ikut.",
            [("Sleman", "kabupaten", "34.04")],
            id="no-facility-named",
        ),
    ],
)
def test_places_as_news_writes_them(text, expected):
    assert [(loc.name, loc.type, loc.code) for loc in extract_locations(text).locations] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Lokus awal yakni Puskesmas Stabat, Gebang dan Bahorok.",
            [("Stabat", "puskesmas"), ("Gebang", "puskesmas"), ("Bahorok", "puskesmas")],
            id="list-of-facilities",
        ),
        pytest.param(
            "Tahap awal di Puskesmas Batu Ampar, Teluk Pandan, Sungai Raya dan Air Hitam.",
            [
                ("Batu Ampar", "puskesmas"),
                ("Teluk Pandan", "puskesmas"),
                ("Sungai Raya", "puskesmas"),
                ("Air Hitam", "puskesmas"),
            ],
            id="list-items-opening-with-geographic-words",
        ),
        pytest.param(
            "Peluncuran berlangsung di UPT BLUD Puskesmas Praya, Rabu.",
            [("Praya", "puskesmas")],
            id="a-public-service-agency-puskesmas-is-no-venue",
        ),
        pytest.param(
            "Diluncurkan di Puskesmas Sungai Tabuk 1, 2 dan 3.",
            [("Sungai Tabuk 1", "puskesmas"), ("Sungai Tabuk 2", "puskesmas"), ("Sungai Tabuk 3", "puskesmas")],
            id="numbered-facilities",
        ),
        pytest.param(
            "Uji coba di Puskesmas Biak Kota dan Puskesmas Pasar Minggu.",
            [("Biak Kota", "puskesmas"), ("Pasar Minggu", "puskesmas")],
            id="facility-names-with-type-or-calendar-words",
        ),
        pytest.param(
            "ILP untuk Seluruh Puskesmas Bolmong", [("Bolaang Mongondow", "kabupaten")], id="all-facilities-of-a-region"
        ),
        pytest.param(
            "Pertemuan di Aula Umega, Gunung Medan, Kabupaten Dharmasraya.",
            [("Aula Umega", "venue"), ("Gunung Medan", "desa"), ("Dharmasraya", "kabupaten")],
            id="region-word-at-the-end-of-another-name",
        ),
        pytest.param(
            "RADAR BENGKULU, SELUMA - Tim Kemenkes datang.", [("Seluma", "kabupaten")], id="outlet-in-a-dateline"
        ),
    ],
)
def test_place_lists_and_names(text, expected):
    assert [(loc.name, loc.type) for loc in extract_locations(text).locations] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Yaitu Puskesmas Sungai Tabuk 1, 2 dan 3, Sambung Makmur, Gambut, serta Puskesmas Simpang Empat 1.",
            [
                ("Sungai Tabuk 1", "puskesmas"),
                ("Sungai Tabuk 2", "puskesmas"),
                ("Sungai Tabuk 3", "puskesmas"),
                ("Sambung Makmur", "puskesmas"),
                ("Gambut", "puskesmas"),
                ("Simpang Empat 1", "puskesmas"),
            ],
            id="long-list-ending-with-the-type-word-again",
        ),
        pytest.param(
            "Kepala Puskesmas Kenanga Eddiar Handani menuturkan, layanan berubah.",
            [("Kenanga", "puskesmas")],
            id="facility-name-runs-into-a-speaker",
        ),
        pytest.param(
            "Lokasinya Posyandu Lansia Ngudi Waras di Desa Genjahan.",
            [("Ngudi Waras", "posyandu"), ("Genjahan", "desa")],
            id="posyandu-kind-before-its-name",
        ),
        pytest.param(
            "Menyasar Pustu Tambi, Puskesmas Binanga, serta Kantor Dinas Kesehatan Kabupaten Mamuju.",
            [("Tambi", "pustu"), ("Binanga", "puskesmas"), ("Mamuju", "kabupaten")],
            id="an-office-ends-the-list",
        ),
    ],
)
def test_more_place_lists(text, expected):
    assert [(loc.name, loc.type) for loc in extract_locations(text).locations] == expected


def _places(text: str) -> set[tuple[str, str, str | None]]:
    return {(loc.name, loc.type, loc.code) for loc in extract_locations(text).locations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Kegiatan digelar di Aula SMP Negeri 3 Waikabubak, Kabupaten Sumba Barat.",
            ("Aula SMP Negeri 3 Waikabubak", "venue", None),
            id="venue-with-a-number",
        ),
        pytest.param(
            "Apel berlangsung di halaman Kantor Bupati Tanah Datar, Kamis (3/7/2025).",
            ("Kantor Bupati Tanah Datar", "venue", None),
            id="venue-after-halaman",
        ),
        pytest.param(
            "Bimtek dibuka di Ballroom Hotel Bumi Asih, Kabupaten Tana Toraja.",
            ("Hotel Bumi Asih", "venue", None),
            id="the-hotel-not-its-room",
        ),
        pytest.param(
            "Rakor digelar di Mutiara Bunda Hotel, Kabupaten Nagan Raya.",
            ("Mutiara Bunda Hotel", "venue", None),
            id="venue-word-last",
        ),
        pytest.param(
            "Rapat digelar di Ruang Rapat Tapis, Kantor Bupati Tulang Bawang, Senin.",
            ("Kantor Bupati Tulang Bawang", "venue", None),
            id="second-venue-after-a-comma",
        ),
        pytest.param(
            "Pasien dirujuk ke RSUD Tengku Mansyur di Kabupaten Batu Bara.",
            ("RSUD Tengku Mansyur", "venue", None),
            id="hospital",
        ),
        pytest.param(
            "Dinas Kesehatan DIY mendampingi puskesmas di Kabupaten Sleman.",
            ("Daerah Istimewa Yogyakarta", "provinsi", "34"),
            id="diy-by-its-official-name",
        ),
        pytest.param(
            "Kepala Dinas Kesehatan Kabupaten Poso menjelaskan di Tentena, Rabu, bahwa pelatihan sudah selesai.",
            ("Tentena", "desa", "72.02.04.1001"),
            id="town-before-a-weekday-is-a-desa-of-the-kabupaten",
        ),
        pytest.param(
            "SERUI, Kabar Papua – Dinas Kesehatan Kabupaten Kepulauan Yapen menggelar monev ILP.",
            ("Serui", "other", None),
            id="dateline-town-the-list-lacks",
        ),
        pytest.param(
            "Launching digelar di Hotel Cendana, Atambua, Kabupaten Belu, Selasa.",
            ("Atambua", "other", None),
            id="town-after-a-venue",
        ),
        pytest.param(
            "Kasus terbanyak di Kabupaten Bangka Tengah ada di Pangkalanbaru, Lubuk Besar dan Sungaiselan.",
            ("Pangkalan Baru", "kecamatan", "19.04.02"),
            id="list-of-the-kabupaten-kecamatan-spelt-as-one-word",
        ),
        pytest.param(
            "Pustu baru di Kabupaten Pulau Morotai dibangun di Aha, Pandanga dan Bobula.",
            ("Aha", "desa", "82.07.01.2018"),
            id="list-of-the-kabupaten-desa-with-a-short-name",
        ),
        pytest.param(
            "Rehab pustu di Kabupaten Pulau Morotai ada di Desa Pandanga, Bobulla, Aha dan Morodadi.",
            ("Bobulla", "desa", None),
            id="typed-list-keeps-a-spelling-the-region-list-lacks",
        ),
    ],
)
def test_places_news_names_without_type_words(text, expected):
    assert expected in _places(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Acara di Aula Kantor Camat, Jalan Merdeka, Senin.", id="street-after-a-venue"),
        pytest.param('"Kasus naik," kata Humas RSUD Hj. Fatimah, Supardi.', id="person-after-a-hospital"),
        pytest.param("KOMPAS.com – Dinas Kesehatan menggelar rakor.", id="outlet-dateline"),
    ],
)
def test_town_slots_take_no_street_person_or_outlet(text):
    assert not [loc for loc in extract_locations(text).locations if loc.type == "other"]


def test_kecamatan_name_ending_in_a_type_word_is_not_cut():
    places = _places("Posyandu di Kecamatan Jambi Luar Kota, Kabupaten Muaro Jambi, sudah menerapkan ILP.")
    assert [p for p in places if p[1] == "kecamatan"] == [("Jambi Luar Kota", "kecamatan", "15.05.01")]
