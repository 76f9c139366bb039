import pytest

from extractors.counts import extract_counts


def counts(sentence: str):
    return [
        (c.facility_type, c.count, c.status, c.of_total, c.percent)
        for c in extract_counts(sentence, [(0, len(sentence))])
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "ILP diterapkan di dua Puskesmas Pembantu (pustu) dan 24 Posyandu.",
            [("pustu", 2, "implementing", None, None), ("posyandu", 24, "implementing", None, None)],
            id="words-and-digits",
        ),
        pytest.param(
            "Sebanyak empat Pusat Kesehatan Masyarakat (Puskesmas) ikuti studi banding.",
            [("puskesmas", 4, "participating", None, None)],
            id="long-form-participating",
        ),
        pytest.param(
            "Ada 10 PKD dan 3 Polindes di kecamatan itu.",
            [("poskesdes", 10, "total", None, None), ("poskesdes", 3, "total", None, None)],
            id="pkd-polindes",
        ),
        pytest.param(
            "Dari total 152 pustu, sebanyak 43 di antaranya telah melaksanakan ILP.",
            [("pustu", 152, "total", None, None), ("pustu", 43, "implementing", 152, None)],
            id="anaphor-of-total",
        ),
        pytest.param(
            "Dari 310 posyandu aktif, sekitar 229 posyandu atau 73 persen sudah menerapkan ILP.",
            [("posyandu", 310, "total", None, None), ("posyandu", 229, "implementing", 310, 73.0)],
            id="percent-and-total",
        ),
        pytest.param(
            "Saat ini 210 dari 2.270 posyandu telah menerapkan layanan siklus hidup.",
            [("posyandu", 210, "implementing", 2270, None), ("posyandu", 2270, "total", None, None)],
            id="partitive-thousands",
        ),
        pytest.param(
            "Puskesmas Ketapang 2 ditetapkan sebagai lokasi percontohan bersama dua pustu.",
            [("pustu", 2, "pilot", None, None)],
            id="number-in-name-is-not-a-count",
        ),
        pytest.param("Kecamatan itu memiliki salah satu Pustu di Gampong Krueweng.", [], id="salah-satu"),
        pytest.param(
            "Sebanyak 120 pustu ditargetkan menjalankan ILP hingga akhir tahun.",
            [("pustu", 120, "target", None, None)],
            id="target",
        ),
        pytest.param(
            "Sebanyak 37 pustu telah aktif, sedangkan 12 pustu lainnya masih menunggu tenaga bidan.",
            [("pustu", 37, "implementing", None, None), ("pustu", 12, "unspecified", None, None)],
            id="contrast-clause",
        ),
        pytest.param(
            "Layanan ditopang oleh dua puluh lima puskesmas dan seribu posyandu.",
            [("puskesmas", 25, "total", None, None), ("posyandu", 1000, "total", None, None)],
            id="compound-number-words",
        ),
        pytest.param(
            "Rumah sakit dan 3 klinik swasta ikut serta.", [("klinik", 3, "unspecified", None, None)], id="klinik"
        ),
        pytest.param("Surat Nomor 12 puskesmas tahun ini.", [], id="after-nomor"),
        pytest.param(
            "Sebanyak 25 UPTD Puskesmas sudah menerapkan ILP.",
            [("puskesmas", 25, "implementing", None, None)],
            id="uptd-puskesmas",
        ),
        pytest.param(
            "Kabupaten itu memiliki 2 ribu posyandu.",
            [("posyandu", 2000, "total", None, None)],
            id="digits-with-scale-word",
        ),
        pytest.param(
            "Sebanyak 1.402 posyandu dari total 1.530 posyandu sudah bertransformasi.",
            [("posyandu", 1402, "implementing", 1530, None), ("posyandu", 1530, "total", None, None)],
            id="part-of-total-is-not-total",
        ),
        pytest.param(
            "Dalam rakor itu terungkap 12 pustu sudah menjalankan ILP.",
            [("pustu", 12, "implementing", None, None)],
            id="activity-noun-weaker-than-verb",
        ),
    ],
)
def test_counts(sentence, expected):
    assert counts(sentence) == expected


def test_region_is_the_sentence_region_else_the_main_one():
    text = "Ada 5 puskesmas di sana."
    found = extract_counts(text, [(0, len(text))], region_in=lambda s, e: None, main_region="62.02")
    assert found[0].location_code == "62.02"
    found = extract_counts(text, [(0, len(text))], region_in=lambda s, e: "33.24", main_region="62.02")
    assert found[0].location_code == "33.24"


def test_offsets_slice_the_text():
    text = "Pembuka. Dari total 152 pustu, sebanyak 43 di antaranya telah melaksanakan ILP."
    for c in extract_counts(text, [(0, 8), (9, len(text))]):
        assert text[c.char_start : c.char_end] == c.text


# Counts and statuses as regional news writes them: (count, facility type, status) per sentence.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "Kabupaten Sleman memiliki posyandu 412 unit.", [(412, "posyandu", "total")], id="number-after-noun"
        ),
        pytest.param("Jumlah tenaga kesehatan pustu sebanyak 6 orang.", [], id="people-not-facilities"),
        pytest.param(
            "Dinkes telah menerapkan ILP pada 14 puskesmas dan 51 pustu.",
            [(14, "puskesmas", "implementing"), (51, "pustu", "implementing")],
            id="implementing-list",
        ),
        pytest.param(
            "Di wilayah itu terdapat 41 pustu dan 212 posyandu yang ikut menerapkan pola layanan baru.",
            [(41, "pustu", "implementing"), (212, "posyandu", "implementing")],
            id="relative-clause-over-a-list",
        ),
        pytest.param(
            "Aceh Tamiang memiliki 17 puskesmas, 51 pustu dan 298 posyandu.",
            [(17, "puskesmas", "total"), (51, "pustu", "total"), (298, "posyandu", "total")],
            id="list-shares-the-verb",
        ),
        pytest.param(
            "Dari 232 puskesmas di Riau, sekarang 115 sudah menjalankan ILP.",
            [(232, "puskesmas", "total"), (115, "puskesmas", "implementing")],
            id="subset-after-dari",
        ),
        pytest.param(
            "Peluncuran di Puskesmas Topore sebagai percontohan, sebelum diperluas ke 22 puskesmas.",
            [(22, "puskesmas", "implementing")],
            id="pilot-cue-in-another-clause",
        ),
        pytest.param(
            "Mulai tahun depan seluruh 26 puskesmas kita harapkan sudah menerapkan ILP.",
            [(26, "puskesmas", "target")],
            id="hope-is-a-target",
        ),
        pytest.param(
            "Dari sekitar 150 puskesmas, baru 27 puskesmas yang menjalankan ILP, masing-masing 12 puskesmas di "
            "Mimika, sembilan di Nabire dan enam di Paniai.",
            [
                (150, "puskesmas", "total"),
                (27, "puskesmas", "implementing"),
                (12, "puskesmas", "implementing"),
                (9, "puskesmas", "implementing"),
                (6, "puskesmas", "implementing"),
            ],
            id="counts-without-their-noun",
        ),
        pytest.param(
            "Saat ini lokus ILP di Jateng meliputi 289 puskesmas, 331 pustu dan 2.365 posyandu.",
            [(289, "puskesmas", "pilot"), (331, "pustu", "pilot"), (2365, "posyandu", "pilot")],
            id="list-shares-one-status",
        ),
        pytest.param(
            "Pada tahap awal sebanyak 19 pustu di wilayah kerja puskesmas lokus tersebut ikut menerapkan ILP.",
            [(19, "pustu", "implementing")],
            id="pilot-word-of-another-noun",
        ),
        pytest.param(
            "Secara keseluruhan, kader yang dilatih berasal dari 10 posyandu.",
            [(10, "posyandu", "participating")],
            id="trained-from",
        ),
        pytest.param(
            "Dari jumlah itu, sebanyak 702 posyandu atau 61,2 persen sudah menjalankan ILP.",
            [(702, "posyandu", "implementing")],
            id="out-of-a-total-given-before",
        ),
        pytest.param(
            "Kita punya 13 puskesmas dan 54 pustu.", [(13, "puskesmas", "total"), (54, "pustu", "total")], id="punya"
        ),
        pytest.param(
            "Pemkab meminta seluruh 34 puskesmas memperkuat rujukan.", [(34, "puskesmas", "total")], id="all-of-them"
        ),
        pytest.param(
            "Tim akan memulai pendampingan ke 23 puskesmas yang belum menerapkan ILP.",
            [(23, "puskesmas", "participating")],
            id="negated-clause-gives-no-status",
        ),
        pytest.param(
            "Wilayahnya membawahi tiga pustu dan 24 posyandu, dan seluruhnya sudah menjalankan layanan ILP.",
            [(3, "pustu", "implementing"), (24, "posyandu", "implementing")],
            id="seluruhnya-clause",
        ),
        pytest.param(
            "Dua puskesmas yang dikunjungi yaitu Kairatu dan Piru.", [(2, "puskesmas", "participating")], id="visited"
        ),
        pytest.param(
            "Layanan klaster sudah berjalan di seluruh puskesmas (31) di Kabupaten Bone.",
            [(31, "puskesmas", "implementing")],
            id="all-of-them-with-their-number-in-brackets",
        ),
        pytest.param(
            "Hingga Agustus, posyandu ILP sebanyak 64 unit.",
            [(64, "posyandu", "implementing")],
            id="facility-ilp-then-sebanyak",
        ),
        pytest.param(
            "Posyandu aktif kami ada 97.", [(97, "posyandu", "total")], id="qualifiers-between-noun-and-number"
        ),
        pytest.param(
            "Dari 24 puskesmas, 15 sudah menjalankan ILP.",
            [(24, "puskesmas", "total"), (15, "puskesmas", "implementing")],
            id="clause-opening-dari-then-bare-subset",
        ),
        pytest.param(
            "ILP baru berjalan di 30 pustu dari total 52 pustu.",
            [(30, "pustu", "implementing"), (52, "pustu", "total")],
            id="count-then-dari-total",
        ),
        pytest.param(
            "Capaian itu melampaui target 11 puskesmas lokus dari provinsi.",
            [(11, "puskesmas", "target")],
            id="target-right-before-the-number",
        ),
        pytest.param(
            "Tercatat 87 posyandu di Luwu telah bertransformasi menjadi posyandu ILP.",
            [(87, "posyandu", "implementing")],
            id="verb-of-record-weighs-less-than-a-verb-of-doing",
        ),
        pytest.param(
            "Puskesmas Lanjas kini membina 14 posyandu.", [(14, "posyandu", "total")], id="a-puskesmas-oversees"
        ),
        pytest.param(
            "Rombongan terdiri atas pejabat dinas serta perwakilan enam puskesmas.",
            [(6, "puskesmas", "participating")],
            id="representatives-of",
        ),
        pytest.param(
            "Peserta berasal dari 12 puskesmas di Kabupaten Pati.",
            [(12, "puskesmas", "participating")],
            id="dari-that-does-not-open-a-clause",
        ),
        pytest.param(
            "Di tingkat desa, ILP baru menjangkau 27 pustu.",
            [(27, "pustu", "implementing")],
            id="reaches",
        ),
        pytest.param(
            "Pemkab Luwu mengintegrasikan 12 puskesmas dengan ILP sejak awal tahun.",
            [(12, "puskesmas", "implementing")],
            id="integrates",
        ),
        pytest.param(
            "Menurut dia, layanan di tujuh puskesmas pelaksana ILP kini lebih tertata.",
            [(7, "puskesmas", "implementing")],
            id="implementer",
        ),
        pytest.param(
            "Baru 14 pustu yang memberikan layanan ILP secara rutin.",
            [(14, "pustu", "implementing")],
            id="gives-the-service",
        ),
        pytest.param(
            "Kabupaten itu punya puskesmas di tiap kecamatan, dan tiga di antaranya sudah memakai klaster ILP.",
            [(3, "puskesmas", "implementing")],
            id="di-antaranya-after-a-facility-word-without-number",
        ),
        pytest.param(
            "Dari 200 posyandu, sebanyak 80 unit di antaranya sudah menerapkan ILP.",
            [(200, "posyandu", "total"), (80, "posyandu", "implementing")],
            id="unit-di-antaranya",
        ),
        pytest.param(
            "Dari 40 pustu di Tapin, baru 12 unit atau 30 persen yang membuka layanan ILP tiap hari.",
            [(40, "pustu", "total"), (12, "pustu", "implementing")],
            id="subset-unit-atau-percent",
        ),
        pytest.param(
            "Dari 18 puskesmas itu, sudah 9 yang menjalankan klaster.",
            [(18, "puskesmas", "total"), (9, "puskesmas", "implementing")],
            id="subset-after-sudah",
        ),
        pytest.param(
            "Untuk posyandu, baru 33 yang melayani seluruh sasaran.",
            [(33, "posyandu", "implementing")],
            id="subset-of-a-topic-without-number",
        ),
        pytest.param(
            "Empat pustu sudah buka tiap hari, sedangkan tiga lainnya belum punya bidan.",
            [(4, "pustu", "implementing"), (3, "pustu", "unspecified")],
            id="lainnya-takes-the-count-before",
        ),
        pytest.param(
            "Tiga dokter bertugas di puskesmas, dua lainnya di rumah dinas.",
            [],
            id="lainnya-without-a-count-before-is-no-count",
        ),
        pytest.param(
            "Tahun ini ditambah 8 UPTD, sehingga 20 puskesmas sudah menjalankan ILP.",
            [(8, "puskesmas", "implementing"), (20, "puskesmas", "implementing")],
            id="bare-uptd-in-a-puskesmas-sentence",
        ),
        pytest.param(
            "Bupati meminta 9 UPTD lain menyiapkan anggaran.",
            [],
            id="bare-uptd-without-puskesmas-is-no-count",
        ),
        pytest.param(
            "Daerah itu, yang seluruh 19 puskesmasnya sudah menerapkan ILP, jadi contoh.",
            [(19, "puskesmas", "implementing")],
            id="facility-word-with-nya",
        ),
        pytest.param(
            "Posyandu ILP di Lombok Utara saat ini berjumlah 95 unit.",
            [(95, "posyandu", "implementing")],
            id="facility-ilp-place-then-number",
        ),
        pytest.param(
            "Semua pustu di Bintan, sebanyak 27 unit, ditargetkan menerapkan ILP tahun depan.",
            [(27, "pustu", "target")],
            id="facility-place-comma-sebanyak",
        ),
        pytest.param(
            "Sebanyak 60 kader dari 11 wilayah kerja puskesmas mengikuti pelatihan.",
            [(11, "puskesmas", "participating")],
            id="wilayah-kerja-puskesmas",
        ),
        pytest.param(
            "Pada tahun 2024 Puskesmas Kota Tengah melatih 25 kader.",
            [],
            id="a-year-before-a-named-puskesmas-is-no-count",
        ),
        pytest.param(
            "Dinkes telah meminta 14 puskesmas memperketat pengawasan jentik nyamuk.",
            [(14, "puskesmas", "unspecified")],
            id="telah-before-a-verb-of-no-ilp-is-no-status",
        ),
        pytest.param(
            "Dinkes mencatat, di Posyandu ILP kota itu sudah 230 dari total 400 posyandu.",
            [(230, "posyandu", "implementing"), (400, "posyandu", "total")],
            id="sudah-in-a-clause-about-ilp-is-implementing",
        ),
        pytest.param(
            "Sebanyak 16 pustu telah buka setiap hari kerja.",
            [(16, "pustu", "implementing")],
            id="telah-buka-is-implementing",
        ),
        pytest.param(
            "Model layanan klaster itu bakal diterapkan di 31 puskesmas.",
            [(31, "puskesmas", "target")],
            id="bakal-is-a-plan",
        ),
        pytest.param(
            "Vaksinasi massal digelar di 15 puskesmas sepanjang pekan ini.",
            [(15, "puskesmas", "participating")],
            id="held-at-facilities-is-participating",
        ),
        pytest.param(
            "Dinkes akan menggelar supervisi ke 9 puskesmas yang capaiannya rendah.",
            [(9, "puskesmas", "participating")],
            id="a-planned-activity-its-facilities-take-part",
        ),
        pytest.param(
            "Tahun depan, Dinkes akan menerapkan klaster di 9 puskesmas lagi.",
            [(9, "puskesmas", "target")],
            id="a-plan-to-implement-stays-a-target",
        ),
        pytest.param(
            "Dinkes juga menetapkan 10 posyandu sebagai posyandu percontohan ILP.",
            [(10, "posyandu", "pilot")],
            id="pilot-cue-after-the-counts-own-noun",
        ),
        pytest.param(
            "Kini 40 posyandu sudah berjalan di tiga distrik lokus.",
            [(40, "posyandu", "implementing")],
            id="pilot-cue-of-a-district-is-not-the-counts",
        ),
        pytest.param(
            "Sebanyak 300 posyandu kini sudah layani semua umur.",
            [(300, "posyandu", "implementing")],
            id="layani",
        ),
        pytest.param(
            "Tahun lalu pembekalan serupa sudah diterima kader dari 14 puskesmas dan telah menerapkan ILP.",
            [(14, "puskesmas", "participating")],
            id="staff-from-the-facilities-took-part",
        ),
        pytest.param(
            "Delegasi itu terdiri atas pengelola program dari 25 puskesmas di Temanggung.",
            [(25, "puskesmas", "participating")],
            id="staff-from-outweighs-terdiri-atas",
        ),
        pytest.param(
            "Menurut Ratna, petugas dari seluruh tujuh puskesmas turun ke lapangan.",
            [(7, "puskesmas", "total")],
            id="staff-from-all-of-them-is-still-all-there-are",
        ),
        pytest.param(
            "Kini seluruh 20 puskesmas siap menerapkan ILP, didukung 85 pustu dan 533 posyandu.",
            [(20, "puskesmas", "implementing"), (85, "pustu", "total"), (533, "posyandu", "total")],
            id="didukung-is-what-there-is",
        ),
        pytest.param(
            "Pemkab memutuskan mempercepat penerapan di 20 puskesmas sisanya tahun ini.",
            [(20, "puskesmas", "target")],
            id="hurrying-the-rollout-on",
        ),
        pytest.param(
            "Lokakarya Lintas Sektor, Pemkab Kebut Penerapan ILP di 17 Puskesmas",
            [(17, "puskesmas", "target")],
            id="kebut-penerapan",
        ),
        pytest.param(
            "Dari 12 puskesmas yang ada di Kaimana, dua kami pilih lebih dulu sebagai lokus.",
            [(12, "puskesmas", "total"), (2, "puskesmas", "pilot")],
            id="a-subset-told-with-kami",
        ),
        pytest.param(
            "Kini ILP di Kota Dumai telah diterapkan pada 11 unit puskesmas sehingga diharapkan layanan makin dekat.",
            [(11, "puskesmas", "implementing")],
            id="a-hope-in-a-result-clause-is-not-the-counts-plan",
        ),
        pytest.param(
            "Penerapan dimulai dari empat puskesmas dan akan dilanjutkan ke 16 puskesmas lainnya.",
            [(4, "puskesmas", "implementing"), (16, "puskesmas", "target")],
            id="a-second-predicate-after-dan-akan",
        ),
        pytest.param(
            "Dua puskesmas telah ditetapkan sebagai model ILP di kabupaten ini.",
            [(2, "puskesmas", "pilot")],
            id="designated-as-a-model",
        ),
        pytest.param(
            "Empat puskesmas itu jadi contoh lebih dulu bagi yang lain.",
            [(4, "puskesmas", "pilot")],
            id="jadi-contoh",
        ),
        pytest.param(
            "Persiapan penerapan ILP di 19 puskesmas sudah dimulai sejak awal tahun.",
            [(19, "puskesmas", "target")],
            id="preparing-the-rollout",
        ),
        pytest.param(
            "Dinas Kesehatan menetapkan ILP pada 31 UPTD Puskesmas dan 80 Pustu.",
            [(31, "puskesmas", "implementing"), (80, "pustu", "implementing")],
            id="menetapkan-ilp-pada",
        ),
        pytest.param(
            "Sedikitnya 9 Puskesmas dan 27 Puskes Pembantu meluncurkan ILP.",
            [(9, "puskesmas", "implementing"), (27, "pustu", "implementing")],
            id="puskes-pembantu",
        ),
        pytest.param(
            "Cakupannya diperluas secara bertahap hingga kini seluruh 14 puskesmas menjalankan klaster.",
            [(14, "puskesmas", "implementing")],
            id="secara-bertahap-is-how-not-a-plan",
        ),
        pytest.param(
            "Pemkab Kebut ILP di 9 Puskesmas Tersisa",
            [(9, "puskesmas", "target")],
            id="kebut-ilp",
        ),
        pytest.param(
            "Sebanyak 16 Puskesmas Dikejar Rampung Tahun Ini",
            [(16, "puskesmas", "target")],
            id="dikejar",
        ),
        pytest.param(
            "Jejaring yang sudah ikut berubah ada 21 pustu dan 240 posyandu.",
            [(21, "pustu", "implementing"), (240, "posyandu", "implementing")],
            id="sudah-berubah",
        ),
        pytest.param(
            "Puskesmas Sindang jadi lokus percontohan karena seluruh 29 posyandu di sana sudah menjalankan ILP.",
            [(29, "posyandu", "implementing")],
            id="a-pilot-cue-before-karena-is-another-clauses",
        ),
        pytest.param(
            "Dinkes melatih 180 kader posyandu dari 9 puskesmas agar siap melayani siklus hidup.",
            [(9, "puskesmas", "participating")],
            id="kader-posyandu-dari",
        ),
        pytest.param(
            "Ia menyebut ke-9 puskesmas peserta tahap kedua antara lain Puskesmas Lohbener.",
            [(9, "puskesmas", "participating")],
            id="ke-n-puskesmas-is-a-count",
        ),
        pytest.param(
            "Peringatan HKN ke-61 digelar di Puskesmas Lohbener.",
            [],
            id="an-ordinal-is-not-a-count",
        ),
        pytest.param(
            "Di tingkat pustu, baru 19 unit yang menjalankan ILP.",
            [(19, "pustu", "implementing")],
            id="n-unit-after-di-tingkat-facility",
        ),
    ],
)
def test_counts_and_statuses_as_news_writes_them(sentence, expected):
    found = extract_counts(sentence, [(0, len(sentence))])
    assert [(c.count, c.facility_type, c.status) for c in found] == expected


def test_a_sentence_opening_with_di_antaranya_counts_the_facilities_just_before():
    text = "Di wilayah kerjanya terdapat 46 posyandu. Sebanyak 11 di antaranya sudah menjalankan ILP."
    split = text.index("Sebanyak")
    found = extract_counts(text, [(0, split - 1), (split, len(text))])
    assert [(c.count, c.facility_type, c.status) for c in found] == [
        (46, "posyandu", "total"),
        (11, "posyandu", "implementing"),
    ]


def test_a_count_that_refers_back_keeps_its_status():
    text = "Dinkes menetapkan enam puskesmas sebagai lokus awal. Di wilayah enam puskesmas tersebut terdapat 41 pustu."
    first_end = text.index(".") + 1
    found = extract_counts(text, [(0, first_end), (first_end + 1, len(text))])
    assert [(c.count, c.status) for c in found] == [(6, "pilot"), (6, "pilot"), (41, "total")]


def test_staff_from_facilities_mentioned_before_took_part_whatever_those_were_given():
    text = (
        "Pemkab mempercepat penerapan di 20 puskesmas. Dinkes melatih 120 tenaga kesehatan dari 20 puskesmas tersebut."
    )
    first_end = text.index(".") + 1
    found = extract_counts(text, [(0, first_end), (first_end + 1, len(text))])
    assert [(c.count, c.status) for c in found] == [(20, "target"), (20, "participating")]


def test_an_article_not_about_ilp_has_no_rollout_statuses():
    from extractors.counts import outside_the_rollout

    text = "Dari 25 puskesmas di Sragen, baru 10 puskesmas yang memiliki gedung baru, 15 puskesmas lainnya menyusul."
    found = extract_counts(text, [(0, len(text))])
    assert "target" in {c.status for c in found}
    statuses = [(c.count, c.status) for c in outside_the_rollout(found)]
    assert all(status in ("total", "unspecified", "participating") for _, status in statuses)
