"""Facility words and the cue words that tell a count's status, as data."""

from __future__ import annotations

# (regex, facility_type); inline (?-i:...) keeps abbreviations case-sensitive.
FACILITY_TERMS: list[tuple[str, str]] = [
    (r"(?:puskesmas|puskes)\s+pembantu(?:\s*\(\s*pustu\s*\))?|pustu", "pustu"),
    (r"pusat\s+kesehatan\s+masyarakat(?:\s*\(\s*(?:puskesmas|pkm)\s*\))?|puskesmas|(?-i:PKM)", "puskesmas"),
    (r"pos\s+kesehatan\s+desa(?:\s*\(\s*(?:pkd|poskesdes)\s*\))?|poskesdes|polindes|(?-i:PKD)", "poskesdes"),
    (r"pos\s+pelayanan\s+terpadu(?:\s*\(\s*posyandu\s*\))?|posyandu", "posyandu"),
    (r"klinik", "klinik"),
    (r"rumah\s+sakit|(?-i:RSUD|RS)", "rumah_sakit"),
]
# Words between a number and its facility: "24 unit posyandu", "21 buah puskesmas".
COUNTERS = r"(?:unit|buah|titik|lokasi|gedung)"
# What a number after a facility word may count instead of facilities: "tenaga kesehatan pustu sebanyak 6 orang".
NOT_FACILITY_UNITS = (
    r"orang|jiwa|tenaga|petugas|kader|warga|peserta|pasien|balita|bayi|ibu|lansia|desa|kelurahan|kecamatan"
    r"|kunjungan|kali|persen|%|hari|bulan|tahun|jam|menit|layanan|jenis|program|kegiatan|indikator|klaster|paket|juta|miliar"
)

# Status cues. A pilot cue anywhere in the sentence wins; otherwise the nearest cue decides.
STATUS_CUES: dict[str, str] = {
    "pilot": r"percontohan|pilot(?:ing)?|lokus|uji\s*coba|menguji\s*coba|diuji\s*coba|proyek\s+rintisan|role\s+model"
    r"|pelopor|rintisan"
    r"|mengawali|(?:sebagai|menjadi|jadi)\s+(?:puskesmas\s+)?model\b|(?:sebagai|menjadi|jadi|dijadikan)\s+contoh\b",
    "target": r"ditargetkan|menargetkan|targetkan|target(?:nya)?|akan|bakal|direncanakan|rencananya|berencana|menyusul"
    # hurrying a rollout on to facilities says they do not run it yet: "mempercepat penerapan di 20 puskesmas"
    r"|(?:mem)?percepat(?:an)?\s+(?:penerapan|implementasi|pelaksanaan|pemerataan)"
    r"|(?:meng)?(?:kebut|genjot)\s+(?:penerapan|implementasi|ILP)|dikejar"
    # "secara bertahap" says how a rollout went, not that it is still to come
    r"|(?<!secara\s)bertahap|berharap|diharapkan|harapkan|tahun\s+depan|mendatang|dijadwalkan|nanti|diusulkan"
    r"|persiapan\s+(?:penerapan|implementasi|pelaksanaan)",
    "participating": r"mengikuti|ikuti|diikuti|melibatkan|dilibatkan|dihadiri|menghadiri|peserta|berpartisipasi"
    r"|terlibat|studi\s+banding|kaji\s+banding|diundang|hadir|monev|monitoring|pendampingan|supervisi"
    r"|sosialisasi|pelatihan|bimtek|bimbingan\s+teknis|orientasi|disaksikan|menyaksikan|kunjungan|rakor|rapat"
    r"|lokakarya|workshop|FGD|dilatih|mewakili|perwakilan|utusan|berasal\s+dari|dikunjungi|mengunjungi|ditinjau"
    r"|meninjau|digelar|menggelar|gelar|diadakan|mengadakan",
    "implementing": r"menerapkan|diterapkan|terapkan|menjalankan|dijalankan|jalankan|melaksanakan|dilaksanakan"
    r"|mengimplementasikan|diimplementasikan|telah|sudah|berjalan|ber-?ILP|terintegrasi|beralih|bertransformasi"
    r"|meluncurkan|diluncurkan|luncurkan|(?:me|di)?-?launching|dimulai|diperluas|melayani|layani|meresmikan|diresmikan"
    r"|resmikan|peresmian|menjangkau|mengintegrasikan|diintegrasikan|pelaksana|(?:memberikan|membuka)\s+layanan"
    r"|(?:menetapkan|ditetapkan(?:nya)?)\s+ILP\b",
    "unspecified": r"belum|masih\s+menunggu|masih\s+dalam\s+persiapan",
    "total": r"dari\s+total|total|terdapat|memiliki|mempunyai|berjumlah|jumlah|ditopang|didukung(?:\s+oleh)?"
    r"|terdiri\s+(?:atas|dari)|tersebar|tersedia|ada|mencakup|meliputi|membawahi|menaungi|membina|mengampu|punya"
    r"|mencatat|tercatat",
}
# What "sudah"/"telah" must meet in its clause to say the facilities run ILP ("sudah ILP", "telah buka setiap
# hari", "sudah melayani semua sasaran siklus hidup"); "telah menginstruksikan 21 puskesmas" says nothing of it.
ASPECT_COMPLEMENTS = (
    r"\bILP\b|integrasi|terintegrasi|klaster|siklus\s+hidup|transformasi|bertransformasi|berjalan|siap|aktif|buka"
    r"|berubah"
    r"|dibuka|beroperasi|menggabungkan|digabungkan|terpadu"
)
# Nouns naming an activity: they suggest a status, but less than a verb does.
WEAK_CUES = (
    r"monev|monitoring|pendampingan|supervisi|sosialisasi|pelatihan|bimtek|kunjungan|rakor|rapat|lokakarya"
    r"|workshop|FGD|studi\s+banding|kaji\s+banding|peserta"
    # Verbs of mere existence or record: a verb of doing in the count's clause says more.
    r"|tercatat|terdapat|ada|mencatat"
)
# People who come from the counted facilities: "kader dari 14 puskesmas", "pengelola program dari 25 puskesmas".
# The facilities took part through them.
STAFF_NOUNS = (
    r"kader|petugas|tenaga\s+kesehatan|nakes|kepala\s+puskesmas|pengelola(?:\s+program)?|perwakilan|peserta|utusan"
    r"|bidan|perawat|dokter|staf|pegawai|penanggung\s+jawab(?:\s+klaster)?|pemegang\s+program"
)
