import pytest

from extractors.people import extract_people


def people(text, places=()):
    return [(p.name, p.honorific, p.degrees, p.role) for p in extract_people(text, set(places))]


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        pytest.param(
            "Kepala Puskesmas Plantungan dr Karyadi menjelaskan, ILP berjalan.",
            ["Plantungan"],
            [("Karyadi", "dr", (), "Kepala Puskesmas Plantungan")],
            id="role-honorific-name",
        ),
        pytest.param(
            "kata Kepala Puskesmas Sukamaju Rina Dewi SKM.",
            ["Sukamaju"],
            [("Rina Dewi", None, ("SKM",), "Kepala Puskesmas Sukamaju")],
            id="role-place-name-degree",
        ),
        pytest.param(
            "kata Kepala Puskesmas Darul kamal Maya Sopa STP.",
            ["Darul Kamal"],
            [("Maya Sopa", None, ("STP",), "Kepala Puskesmas Darul kamal")],
            id="place-in-other-case",
        ),
        pytest.param(
            "Kepala Bidang Pelayanan dan SDMK, Titin Sutriani, S.Farm., Apt., memimpin.",
            [],
            [("Titin Sutriani", None, ("S.Farm.", "Apt"), "Kepala Bidang Pelayanan dan SDMK")],
            id="comma-role-degrees",
        ),
        pytest.param(
            "Penjabat Sekretaris Daerah Kotim, Umar Kaderi, menyampaikan.",
            ["Kotim"],
            [("Umar Kaderi", None, (), "Penjabat Sekretaris Daerah Kotim")],
            id="place-slot-abbreviation",
        ),
        pytest.param(
            "Penjabat Bupati Lombok Timur, H. Juaini Taofik, mengatakan.",
            ["Lombok Timur"],
            [("Juaini Taofik", "H.", (), "Penjabat Bupati Lombok Timur")],
            id="haji-honorific",
        ),
        pytest.param(
            "Hal senada disampaikan Kepala Puskesmas Kuta Cot Glie, Syukriyah.,S.Kep.,MKM, kemarin.",
            ["Kuta Cot Glie"],
            [("Syukriyah", None, ("S.Kep.", "MKM"), "Kepala Puskesmas Kuta Cot Glie")],
            id="squashed-degrees",
        ),
        pytest.param(
            "Kepala Puskesmas, Camat Plantungan dan Kepala Desa Tlogopayung hadir.",
            ["Tlogopayung"],
            [],
            id="roles-without-names",
        ),
        pytest.param(
            "Menurut dr. Ani Wulandari, klaster berjalan. Ani mengatakan hal itu.",
            [],
            [("Ani Wulandari", "dr.", (), None)],
            id="later-partial-mention-merges",
        ),
        pytest.param(
            "Dinas Kesehatan dan Global Fund mendukung program itu.", [], [], id="organisations-are-not-people"
        ),
        pytest.param("\u201cKami siap,\u201d ujar Titin.", [], [("Titin", None, (), None)], id="quote-attribution"),
        pytest.param(
            "Kepala Dinas Kesehatan Jawa Barat, Prof. Dr. Hj. Siti Nurjanah, M.Kes., menyebut.",
            ["Jawa Barat"],
            [("Siti Nurjanah", "Prof. Dr. Hj.", ("M.Kes.",), "Kepala Dinas Kesehatan Jawa Barat")],
            id="several-honorifics",
        ),
        pytest.param(
            "Kepala Dinas Perindustrian dan Perdagangan Kota Jambi, Ridwan Saleh, mengatakan.",
            ["Jambi"],
            [("Ridwan Saleh", None, (), "Kepala Dinas Perindustrian dan Perdagangan Kota Jambi")],
            id="office-name-runs-to-the-comma",
        ),
    ],
)
def test_people(text, places, expected):
    assert people(text, places) == expected


def test_offsets_slice_the_text():
    text = "Kepala Puskesmas Tanjung Kemuning, Herlina Hayati, S.Kep., menjelaskan."
    for p in extract_people(text, {"Tanjung Kemuning"}):
        assert text[p.char_start : p.char_end] == p.text == p.name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param("Jokowi mengatakan pemerintah akan menaikkan anggaran kesehatan.", {"Jokowi"}, id="bare-name"),
        pytest.param(
            "Ketua Umum Partai Golkar Aburizal Bakrie hadir di Jakarta.", {"Aburizal Bakrie"}, id="party-slot-in-role"
        ),
        pytest.param("Fenomena kepanikan ini dampak dari kuota yang dipangkas.", set(), id="everyday-word"),
        pytest.param("Kasus Demam Berdarah naik lagi di daerah itu.", set(), id="everyday-words"),
    ],
)
def test_people_with_the_recogniser(text, names):
    from extractors.article import extract_articles
    from extractors.cleaning import article_id_for
    from extractors.models import CleanArticle

    facts = next(extract_articles([CleanArticle("t.txt", article_id_for(text), text)]))
    assert {p.name for p in facts.people} == names


def _people_in_article(text):
    from extractors.article import extract_articles
    from extractors.cleaning import article_id_for
    from extractors.models import CleanArticle

    facts = next(extract_articles([CleanArticle("t.txt", article_id_for(text), text)]))
    return [(p.name, p.role) for p in facts.people]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Wakil Bupati Mamberamo Yohanis Wenda membuka sosialisasi ILP.",
            [("Yohanis Wenda", "Wakil Bupati Mamberamo")],
            id="short-form-of-a-region",
        ),
        pytest.param(
            "Bupati Hulu Sungai Tengah Aulia Oktafiandi meresmikan ILP di Barabai.",
            [("Aulia Oktafiandi", "Bupati Hulu Sungai Tengah")],
            id="three-word-region",
        ),
        pytest.param(
            "Ketua TP PKK Balangan Hj Rosmiati menghadiri peluncuran posyandu.",
            [("Rosmiati", "Ketua TP PKK Balangan")],
            id="region-after-an-organisation",
        ),
        pytest.param(
            "Sekretaris Daerah (Sekda) Drs. Hasan Basri membuka acara.",
            [("Hasan Basri", "Sekretaris Daerah (Sekda)")],
            id="parenthesised-abbreviation",
        ),
        pytest.param(
            "Sulastri, Kepala Puskesmas Ngawen, mengatakan pustu sudah siap.",
            [("Sulastri", "Kepala Puskesmas Ngawen")],
            id="title-after-the-name",
        ),
        pytest.param(
            "Hal itu disampaikan dr. Rina Marlina selaku Kepala Dinas Kesehatan Kota Baubau.",
            [("Rina Marlina", "Kepala Dinas Kesehatan Kota Baubau")],
            id="selaku",
        ),
        pytest.param(
            "Kegiatan dibuka oleh Plt Kadinkes Takalar Muh. Arif Tombolotutu, SKM, M.Kes.",
            [("Muh. Arif Tombolotutu", "Plt Kadinkes Takalar")],
            id="chained-titles-abbreviated-name",
        ),
        pytest.param(
            "Hadir Camat Sukamaju Budi Santoso dan Kepala Desa Sidomulyo Ahmad Yani.",
            [("Budi Santoso", "Camat Sukamaju"), ("Ahmad Yani", "Kepala Desa Sidomulyo")],
            id="list-of-participants",
        ),
        pytest.param("Bupati Takalar menyampaikan apresiasi kepada kader.", [], id="a-place-after-a-title"),
        pytest.param("Layanan UKS dan pemeriksaan TBC paru digelar di sekolah.", [], id="acronyms"),
    ],
)
def test_names_and_roles_as_news_writes_them(text, expected):
    assert _people_in_article(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "ujar Ketua DPD Partai Demokrat Bali I Made Mudharta saat dihubungi.",
            [("I Made Mudharta", "Ketua DPD Partai Demokrat Bali")],
            id="balinese-name-after-a-party-title",
        ),
        pytest.param(
            "Dalam surat itu, dia meminta SBY menegur Dahlan.", [("SBY", None), ("Dahlan", None)], id="a-person-acronym"
        ),
        pytest.param(
            "Tentara ditarik, kata Presiden Paul Kagame dalam wawancara.", [("Paul Kagame", None)], id="given-name"
        ),
        pytest.param("Masih kata dia, kegiatan itu penting.", [], id="everyday-word-before-a-speech-verb"),
    ],
)
def test_names_the_recogniser_cuts_or_invents(text, expected):
    assert _people_in_article(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Salah seorang peserta, Euis Komalasari (41), mengaku senang.", [("Euis Komalasari", None)], id="age"
        ),
        pytest.param(
            "Salah seorang kader Posyandu Mawar, Rosmawati, mengaku kewalahan.",
            [("Rosmawati", "kader Posyandu Mawar")],
            id="lowercase-description",
        ),
        pytest.param(
            "Kepala Dinas Komunikasi dan Informatika Langkat Wahyudiarto di Stabat mengatakan hal itu.",
            [("Wahyudiarto", "Kepala Dinas Komunikasi dan Informatika Langkat")],
            id="office-name-up-to-its-region",
        ),
        pytest.param(
            "Pj Bupati Muara Enim H Henky Putrawan memimpin peluncuran.",
            [("Henky Putrawan", "Pj Bupati Muara Enim")],
            id="region-of-two-words-then-honorific",
        ),
        pytest.param("Rombongan Lutra dipimpin Kepala Dinas Kesehatan.", [], id="everyday-word-then-a-place"),
        pytest.param("Warga diminta menerapkan pola 3M Plus di rumah.", [], id="part-of-a-token"),
        pytest.param(
            "Kepala Sudin Kesehatan Jakarta Barat, dr. Lestari Handayani, MKM, membuka acara.",
            [("Lestari Handayani", "Kepala Sudin Kesehatan Jakarta Barat")],
            id="title-the-vocabulary-lacks-then-comma-honorific-name",
        ),
        pytest.param(
            "Pencanangan dipimpin Sekretaris Kabupaten (Sekkab) Tulang Bawang, Drs. Hendra Wijaya, M.M., kemarin.",
            [("Hendra Wijaya", "Sekretaris Kabupaten (Sekkab) Tulang Bawang")],
            id="abbreviation-in-brackets-inside-the-title",
        ),
        pytest.param(
            "Kepala DP2KB Sanggau, Dr. H. Yohanes Lingga, M.Kes, menyampaikan capaian.",
            [("Yohanes Lingga", "Kepala DP2KB Sanggau")],
            id="head-then-an-unknown-office-acronym",
        ),
        pytest.param(
            "Wakil Bupati Bolaang Mongondow Selatan (Bolsel) Dr. Deddy Abdul Hamid, SE, MEc.Dev, hadir.",
            [("Deddy Abdul Hamid", "Wakil Bupati Bolaang Mongondow Selatan (Bolsel)")],
            id="region-abbreviation-in-brackets-and-a-dotted-degree",
        ),
        pytest.param(
            "Ketua Ikatan Bidan Indonesia (IBI) Cabang Mappi, Yuliana Kambu, S.Keb, mengingatkan kader.",
            [("Yuliana Kambu", "Ketua Ikatan Bidan Indonesia (IBI) Cabang Mappi")],
            id="one-title-holding-another-title-word",
        ),
        pytest.param(
            "Menurut akademisi Universitas Pattimura Dr. Maria Latuheru, SKM, M.Kes menilai kader perlu dilatih.",
            [("Maria Latuheru", "akademisi Universitas Pattimura")],
            id="lowercase-description-then-honorific",
        ),
        pytest.param(
            "Kepala Puskesmas Kabanjahe, Sri Ulina br Tarigan, SKM, menyebut pustu sudah siap.",
            [("Sri Ulina br Tarigan", "Kepala Puskesmas Kabanjahe")],
            id="batak-br-inside-a-name",
        ),
        pytest.param(
            "Turut hadir Rosmalina boru Simanjuntak dari Dinas Kesehatan Samosir.",
            [("Rosmalina boru Simanjuntak", None)],
            id="batak-boru-joins-what-the-recogniser-split",
        ),
        pytest.param(
            "Wali Nagari Sungai Kamuyang, Yusrizal Dt. Bandaro Kayo, menyambut tim.",
            [("Yusrizal Dt. Bandaro Kayo", "Wali Nagari Sungai Kamuyang")],
            id="minang-adat-title-inside-a-name",
        ),
        pytest.param(
            "Kepala Dinas Kesehatan Tanjungpinang, Mohd. Rizal Effendi, mengatakan hal itu.",
            [("Mohd. Rizal Effendi", "Kepala Dinas Kesehatan Tanjungpinang")],
            id="abbreviated-first-name",
        ),
        pytest.param(
            "Kepala Dinas Kesehatan Minahasa, Johanis M.C. Rumengan, menjelaskan jadwal.",
            [("Johanis M.C. Rumengan", "Kepala Dinas Kesehatan Minahasa")],
            id="dotted-initials-inside-a-name",
        ),
        pytest.param(
            "Kepala Dinas Kesehatan Gianyar, dr. I Gusti Ngurah Putu Agung Wiratama, membuka bimtek.",
            [("I Gusti Ngurah Putu Agung Wiratama", "Kepala Dinas Kesehatan Gianyar")],
            id="balinese-name-of-six-words",
        ),
        pytest.param(
            '"Kami siap membantu," kata Serda Yosef Kambu.', [("Yosef Kambu", None)], id="military-rank-is-no-name"
        ),
        pytest.param(
            "Rapat digelar di Aula Dinas Kesehatan, Jalan Dr. Wahidin, Kota Sorong.",
            [],
            id="street-named-after-a-person",
        ),
        pytest.param(
            "Ketua IDI Cabang Asmat, dr. Yohana Ruma, Sp.A, mengimbau orang tua.",
            [("Yohana Ruma", "Ketua IDI Cabang Asmat")],
            id="degree-the-recogniser-takes-for-a-name",
        ),
    ],
)
def test_people_in_regional_constructions(text, expected):
    assert _people_in_article(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Pasien dirawat di RSUD dr. H. Bob Bazar, SKM Kalianda.", id="honorifics-and-degree"),
        pytest.param("Pasien dirawat di RSUD dr. TC Hillers Maumere.", id="honorific"),
        pytest.param("Pasien dirujuk ke RSUD dr. H. Moh. Saleh Probolinggo.", id="honorifics-and-abbreviated-name"),
        pytest.param("Acara digelar di Paseban Sri Baduga, Balai Kota Bogor.", id="a-hall-named-after-a-king"),
    ],
)
def test_a_hospital_named_after_a_person_is_no_person(text):
    assert _people_in_article(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Kunjungan itu dipimpin Bupati Balangan H. Suwardi didampingi Ketua TP PKK Balangan Hj. Nurlaila "
            "Suwardi, Kamis (6/11/2025).",
            [("Suwardi", "Bupati Balangan"), ("Nurlaila Suwardi", "Ketua TP PKK Balangan")],
            id="regent-and-wife-sharing-a-name",
        ),
        pytest.param(
            "Turut hadir Camat Paguyaman, Rusli Dunggio, S.IP, Ketua TP PKK Kecamatan Paguyaman, Ny. Salma "
            "Dunggio, serta para kepala desa.",
            [("Rusli Dunggio", "Camat Paguyaman"), ("Salma Dunggio", "Ketua TP PKK Kecamatan Paguyaman")],
            id="title-name-title-name-list",
        ),
    ],
)
def test_one_span_is_one_person(text, expected):
    found = _people_in_article(text)
    assert sorted(found) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Salah satu peserta, Meri Tolewo, kader Posyandu Anggrek di Desa Tonusu, mengaku senang.",
            [("Meri Tolewo", "kader Posyandu Anggrek di Desa Tonusu")],
            id="one-of-the-participants-with-a-description",
        ),
        pytest.param(
            "Salah seorang warga, Siti (45), mengaku puas dengan layanan posyandu.",
            [("Siti", None)],
            id="one-of-the-residents",
        ),
        pytest.param(
            "Kepala Puskesmas Caile di Kecamatan Ujung Bulu, drg. Andi Rahmawati, mengatakan puskesmasnya siap.",
            [("Andi Rahmawati", "Kepala Puskesmas Caile")],
            id="title-then-where-the-post-is-then-name",
        ),
        pytest.param(
            "Ketua Posyandu Anggrek di Kelurahan Klasabi, Distrik Sorong Manoi, Martha Kareth, mengaku senang.",
            [("Martha Kareth", "Ketua Posyandu Anggrek")],
            id="two-places-between-title-and-name",
        ),
        pytest.param(
            "Narasumber dari Dinas Kesehatan Provinsi Sulawesi Tengah, Lusia Rampalodji, SKM, M.Kes, mengatakan itu.",
            [("Lusia Rampalodji", "Narasumber dari Dinas Kesehatan Provinsi Sulawesi Tengah")],
            id="a-capitalised-description-opening-the-sentence",
        ),
        pytest.param(
            "Kegiatan dibuka Asisten II Setda Minsel, Ir. Johny Rumengan, M.Si, mewakili Bupati.",
            [("Johny Rumengan", "Asisten II Setda Minsel")],
            id="a-numbered-assistant",
        ),
        pytest.param(
            "Hadir perwakilan Dinas PMD, Bappelitbangda, TP PKK serta Dinas Kesehatan Provinsi.",
            [],
            id="an-agency-acronym-is-no-person",
        ),
        pytest.param(
            "Penjabat Wali Kota Bogor, Dr. Hery Antasari, S.T., M.Dev.Plg, membuka acara.",
            [("Hery Antasari", "Penjabat Wali Kota Bogor")],
            id="an-unusual-degree",
        ),
    ],
)
def test_people_of_the_fourth_batch(text, expected):
    assert _people_in_article(text) == expected


def test_a_province_written_short_is_no_person():
    text = "Kabid Yankes Dinkes Sulut, dr. Fransiska Lumowa, MPH, hadir. Dinas Kesehatan Provinsi Sulawesi Utara ikut."
    assert [name for name, _ in _people_in_article(text)] == ["Fransiska Lumowa"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Hadir Kapolres Sigi, AKBP Darmawan R Lubis, S.I.K., dan Danramil 1306-04/Dolo, Kapten Inf. Hamka Idrus.",
            [("Darmawan R Lubis", "Kapolres Sigi"), ("Hamka Idrus", "Danramil 1306-04/Dolo")],
            id="ranks-corps-and-a-numbered-command",
        ),
        pytest.param(
            "Wakil Bupati Sigi Samuel Y Rombe membuka acara itu.",
            [("Samuel Y Rombe", "Wakil Bupati Sigi")],
            id="a-bare-initial-inside-a-name",
        ),
        pytest.param(
            "Kepala Dinas Kesehatan Sigi dr Nurhayati Lamani MKed (Paru) SpP menjelaskan, ILP berjalan.",
            [("Nurhayati Lamani", "Kepala Dinas Kesehatan Sigi")],
            id="a-degree-with-its-specialism",
        ),
        pytest.param(
            "Kepala Puskesmas Marawola, Yusran, A.Md. Kep, menjelaskan bahwa ILP berjalan baik.",
            [("Yusran", "Kepala Puskesmas Marawola")],
            id="a-degree-written-with-a-space",
        ),
        pytest.param(
            "Sambutan dibacakan Asisten II Setdakab Sigi Rahmat AP di sela-sela acara.",
            [("Rahmat", "Asisten II Setdakab Sigi")],
            id="a-civil-service-degree",
        ),
        pytest.param(
            "Bupati Lombok Tengah Lalu Fathurrahman resmi meluncurkan ILP.\nFathurrahman menyampaikan, ILP penting.",
            [("Lalu Fathurrahman", "Bupati Lombok Tengah")],
            id="a-name-prefix-that-is-an-everyday-word",
        ),
        pytest.param(
            "Kegiatan ini dihadiri Bupati dan Wakil Bupati Halmahera Barat, Yusuf Malik dan Hamid Abas, serta OPD.",
            [("Yusuf Malik", "Bupati Halmahera Barat"), ("Hamid Abas", "Wakil Bupati Halmahera Barat")],
            id="two-titles-two-names",
        ),
        pytest.param(
            "Hadir Ketua dan Sekretaris TP PKK Sigi, Ny. Rosmini dan Ny. Hartati di aula.",
            [("Rosmini", "Ketua TP PKK Sigi"), ("Hartati", "Sekretaris TP PKK Sigi")],
            id="two-heads-one-office",
        ),
        pytest.param(
            "Kepala Dinas Kesehatan (DKK) Klaten Supriyadi mengatakan gedung itu baru.",
            [("Supriyadi", "Kepala Dinas Kesehatan (DKK) Klaten")],
            id="an-office-abbreviation-in-brackets",
        ),
        pytest.param(
            "Hadir para Staf Ahli, sejumlah Kepala Perangkat Daerah dan Camat serta Kepala Puskesmas.",
            [],
            id="an-office-word-is-no-name",
        ),
        pytest.param(
            "Kepala Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana (Dinkes P2KB) Klaten, "
            "Anwar Said, mengatakan ILP berjalan.",
            [
                (
                    "Anwar Said",
                    "Kepala Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana (Dinkes P2KB) Klaten",
                )
            ],
            id="an-office-name-with-a-comma",
        ),
    ],
)
def test_people_as_regional_news_writes_them(text, expected):
    assert _people_in_article(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Judul\nLaporan Wartawan Tribunpalu.com, Rahmi\nTRIBUNPALU.COM, SIGI - Bupati Sigi Rizal Intjenae hadir.",
        '"Kami bangga dipercaya," ucap Andi Rahma.(hmz)',
        "Ketua Ikatan Bidan Indonesia Ranting Biromaru, Nurlaela, S.Tr.Keb, menyampaikan dukungan.",
    ],
)
def test_every_name_is_its_own_text(text):
    """A person's offsets slice the name out of the text, whichever rule found it."""
    from extractors.article import extract_articles
    from extractors.cleaning import article_id_for
    from extractors.models import CleanArticle

    facts = next(extract_articles([CleanArticle("t.txt", article_id_for(text), text)]))
    assert facts.people
    for p in facts.people:
        assert text[p.char_start : p.char_end] == p.name
        assert p.name == p.name.strip() and "(" not in p.name, p.name  # "Rahmi\n", "Andi Rahma.(hmz"


def test_an_office_name_with_a_comma_but_no_abbreviation_ends():
    """The comma rule for office names once looped for ever when no bracketed abbreviation closed the name."""
    import signal

    def stuck(*_):
        raise TimeoutError("extract_people did not return")

    old = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(30)  # a guard against a hang, not a timing target: the call takes milliseconds
    try:
        found = _people_in_article(
            "Kepala Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana Klaten, Anwar Said, mengatakan ILP."
        )
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert [name for name, _ in found] == ["Anwar Said"]
