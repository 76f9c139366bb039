"""Type words that introduce a place, and the words that end a place name, as data."""

from __future__ import annotations

from extractors.dates.patterns import CALENDAR_WORDS

# Type word (regex) -> location type. Longer alternatives first where they share a start.
TYPE_WORDS: list[tuple[str, str]] = [
    (r"Puskesmas\s+Pembantu|Pustu", "pustu"),
    (r"(?:UPTD?\s+(?:BLUD\s+)?|BLUD\s+)?Puskesmas|PKM", "puskesmas"),  # "UPT BLUD Puskesmas Puyung"
    (r"Posyandu", "posyandu"),
    (r"Poskesdes|Polindes|PKD", "poskesdes"),
    (r"Provinsi|Prov\.", "provinsi"),
    (r"Kabupaten|Kab\.|Pemkab|Pemerintah\s+Kabupaten", "kabupaten"),
    (r"Kota|Pemkot|Pemerintah\s+Kota", "kota"),
    (r"Kecamatan|Kec\.|Camat|Distrik|Kapanewon|Kemantren", "kecamatan"),
    (r"Desa|Kelurahan|Kel\.|Gampong|Nagari|Pekon|Kampung|Kades|Lurah|Kalurahan|Jorong|Lembang|Tiyuh", "desa"),
]
# Words that name a news outlet next to a place in a dateline or byline ("RADAR BENGKULU", "BABEL NEWS").
OUTLET_BEFORE = r"(?:radar|tribun|pos|harian|suara|warta|koran|berita|info|kabar|media|metro|jurnal)"
OUTLET_AFTER = (
    r"(?:news|post|pos|ekspres|express|tv|online|times|today|terkini|update|ekspress|raya\.com|\.com|\.id|\.co)"
)
ADMIN_TYPES = ("provinsi", "kabupaten", "kota", "kecamatan", "desa")
FACILITY_TYPES = ("puskesmas", "pustu", "posyandu", "poskesdes")

# Capitalised words that never belong to a place name.
NAME_STOPWORDS = {
    "Dan",
    "Atau",
    "Yang",
    "Di",
    "Ke",
    "Dari",
    "Pada",
    "Untuk",
    "Dengan",
    "Serta",
    "Nomor",
    "No",
    "Tahun",
    "Kabupaten",
    "Kota",
    "Provinsi",
    "Kecamatan",
    "Desa",
    "Kelurahan",
    "Puskesmas",
    "Pustu",
    "Posyandu",
    "Dinas",
    "Kesehatan",
    "Kepala",
    "Camat",
    "Bupati",
    "Wakil",
    "Sekretaris",
    "ILP",
    "Integrasi",
    "Layanan",
    "Pelayanan",
    "Primer",
    "Pembantu",
    "Keliling",
    "Induk",
    "Rawat",
    "Inap",
    "Setempat",
    "Tersebut",
    "Ini",
    "Itu",
    "Sebagai",
    "Bersama",
    "Melalui",
    "Pemerintah",
    "Pemkab",
    "Pemkot",
    "Kelas",
    "Studi",
    "Banding",
    "Ia",
    "Dia",
    "Mereka",
    "Kami",
    "Kita",
    "Saat",
    "Selama",
    "Hingga",
    "Sampai",
    "Juga",
    "Telah",
    "Sudah",
} | CALENDAR_WORDS

COUNTRIES = {
    "Indonesia": "Indonesia",
    "Malaysia": "Malaysia",
    "Singapura": "Singapura",
    "Jepang": "Jepang",
    "Thailand": "Thailand",
    "Australia": "Australia",
    "Timor Leste": "Timor Leste",
}
VENUE_HEADS = (
    r"Gedung|Aula|Hotel|Balai|Pendopo|Pendapa|Ruang|Auditorium|Graha|Wisma|Hall|Gelanggang|Stadion"
    r"|Lapangan|Rumah\s+Dinas|Rumah\s+Jabatan|Rumdin|Convention|Kantor|Ballroom|Griya|Grha|Grand|Baruga|Paseban"
    r"|Sekretariat|Masjid|Gereja|GOR|Swiss-Bel\w+"
)
# Words that end a venue's name ("Sewarna Manunggal Hotel", "Alino Cafe & Eatery", "Grand City Convention Hall").
VENUE_TAILS = r"Hotel|Hall|Cafe|Kafe|Resto|Restoran|Eatery|Inn|Resort|Convention\s+Center"
# Rooms inside a hotel: the hotel is the venue ("Aula Hotel Tiara Arut", "Ballroom Hotel Azhima").
ROOM_BEFORE_HOTEL = r"(?:Aula|Ballroom|Ruang(?:\s+[A-Z][\w'’-]*)?|Hall)\s+(?=Hotel\b)"
