"""Indonesian honorifics, academic degrees, role heads and speech verbs, as data."""

from __future__ import annotations

# Titles written before a name; the contract keeps them in `honorific`.
HONORIFICS = ("dr.", "dr", "drg.", "drg", "Dr.", "Dr", "H.", "H", "Hj.", "Hj", "Prof.", "Prof", "Ir.", "Ir",
              "KH.", "KH", "Ns.", "Ns", "Bd.", "Bd")
# Written forms of degrees after a name (compared without trailing periods).
DEGREE_TOKENS = (
    "S.Kep", "S.Kep.Ns", "Ns", "SKM", "S.KM", "M.Kes", "MKes", "MKM", "M.KM", "Apt", "S.Farm", "M.Farm", "S.ST",
    "STP", "S.TP", "SE", "S.E", "MM", "M.M", "SH", "S.H", "MH", "M.H", "S.Sos", "M.Si", "M.Sc", "MSc", "MPH",
    "M.P.H", "Sp.A", "Sp.OG", "Sp.PD", "Sp.B", "Sp.An", "Sp.KK", "Sp.M", "Sp.THT", "Sp.JP", "Sp.N", "Sp.Rad",
    "Sp.P", "Sp.KJ", "S.Pd", "M.Pd", "S.Kom", "M.Kom", "S.T", "ST", "MT", "M.T", "S.Ked", "Amd.Keb", "A.Md.Keb",
    "AMd.Keb", "Amd.Kep", "A.Md.Kep", "AMd.Kep", "A.Md", "AMd", "S.Tr.Keb", "S.Tr.Kes", "S.Gz", "S.IP", "M.AP",
    "MAP", "Ph.D", "PhD", "MARS", "M.Epid", "S.Psi", "M.Psi", "SKG", "S.KG", "S.Keb", "S.Si", "M.Biomed", "Lc",
    "MA", "M.A", "Drs", "Dra", "S.Ag", "M.Ag", "S.AP", "S.IK", "S.Hut", "S.Pt", "SP", "S.P", "M.Kes.", "FISQua",
    "FINASIM", "SpPD", "SpA", "SpOG", "S.Stat", "S.Tr.Kep", "S.ST.Keb", "M.Tr.Keb", "MPd", "SPd", "SKep", "SFarm",
)
# Words that begin a position ("Kepala Puskesmas ...", "Penjabat Sekretaris Daerah ...").
ROLE_HEADS = (
    "Kepala", "Kadis", "Kadinkes", "Kabid", "Kasi", "Kasie", "Kasubag", "Kasubbag", "Kabag", "Kapus", "Sekretaris",
    "Sekda", "Penjabat", "Pj", "Pj.", "Plt", "Plt.", "Plh", "Plh.", "Bupati", "Wakil", "Wabup", "Wali Kota",
    "Walikota", "Wawali", "Gubernur", "Wagub", "Camat", "Lurah", "Kades", "Direktur", "Dirut", "Dirjen", "Menteri",
    "Menkes", "Wamenkes", "Ketua", "Koordinator", "Kasubdit", "Staf Ahli", "Asisten", "Anggota", "Kapolres",
    "Dandim", "Penanggung Jawab", "Pengelola", "Bidan", "Perawat", "Dokter", "Kader", "Analis", "Pejabat",
    "Sekjen", "Deputi", "Tenaga", "Petugas", "Pembina", "Ketua Tim", "Juru Bicara", "Jubir", "Pimpinan",
    "Kepala Bidang", "Kepala Seksi", "Kepala Dinas",
)
# Verbs that attribute a quote or statement: "kata X", "X mengatakan".
SPEECH_VERBS = (
    "kata", "ujar", "ucap", "ungkap", "jelas", "tutur", "terang", "tegas", "papar", "imbuh", "tambah", "sebut",
    "mengatakan", "menjelaskan", "menyampaikan", "mengungkapkan", "menuturkan", "menerangkan", "menegaskan",
    "memaparkan", "menambahkan", "menyebutkan", "berharap", "mengimbau", "mengajak", "menilai", "menyatakan",
    "katanya", "ujarnya", "ungkapnya", "jelasnya", "pungkasnya", "tuturnya", "terangnya", "tegasnya",
)
# Capitalised words that are never (part of) a person's name.
NOT_NAMES = {
    "Ia", "Dia", "Beliau", "Mereka", "Kami", "Kita", "Saya", "Anda", "Hal", "Menurut", "Namun", "Selain",
    "Sementara", "Dalam", "Pada", "Dengan", "Untuk", "Dari", "Di", "Ke", "Dan", "Yang", "Ini", "Itu", "Tersebut",
    "Nomor", "Tahun", "Puskesmas", "Pustu", "Posyandu", "Dinas", "Kesehatan", "Kabupaten", "Kota", "Provinsi",
    "Kecamatan", "Desa", "Pemerintah", "Pemkab", "Pemkot", "ILP", "Integrasi", "Layanan", "Pelayanan", "Primer",
    "Kementerian", "Kemenkes", "Dinkes", "Bidang", "Seksi", "Daerah", "Sekretariat", "Badan", "Rumah", "Sakit",
    "RSUD", "Tim", "Program", "Klaster", "Global", "Fund", "Nasional", "Indonesia", "Alhamdulillah", "Insya",
    "Allah", "Bapak", "Ibu", "Pak", "Bu", "Saudara", "Kegiatan", "Acara", "Rapat", "Forum", "Studi", "Banding",
    "Jadi", "Nah", "Kemudian", "Lalu", "Terus", "Cuma", "Juga", "Sebelumnya", "Melalui", "Berdasarkan",
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Januari", "Februari", "Maret", "April",
    "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember", "Apa", "Bagaimana",
    "Mengapa", "Kenapa", "Kapan", "Siapa", "Salah", "Satu", "Para", "Seluruh", "Semua", "Setiap", "Masyarakat",
    "Warga", "Kader", "Posbindu", "Lansia", "Balita", "Camat", "Bupati", "Gubernur", "Menteri", "Kepala",
    "Wakil", "Sekretaris", "Direktur", "Ketua", "Plt", "Pj", "Penjabat", "Kapus", "Hingga", "Sejak", "Sampai",
}
# Words that make up the rest of a position title after its head.
ROLE_VOCAB = {
    "Puskesmas", "Dinas", "Kesehatan", "Bidang", "Seksi", "Sub", "Subbagian", "Bagian", "Pelayanan", "Kesmas",
    "Masyarakat", "P2P", "SDMK", "SDK", "Yankes", "Pencegahan", "Pengendalian", "Penyakit", "Promosi", "Umum",
    "Kepegawaian", "Keuangan", "Perencanaan", "Program", "Daerah", "Sekretaris", "Kabupaten", "Kota",
    "Provinsi", "Kecamatan", "Desa", "Kelurahan", "Gampong", "Nagari", "Kementerian", "Direktorat", "Jenderal",
    "Layanan", "Primer", "Integrasi", "ILP", "Tim", "Kerja", "Pokja", "Ketua", "Wakil", "Rumah", "Sakit", "RSUD",
    "UPTD", "UPT", "Penggerak", "PKK", "TP", "DPRD", "Komisi", "Fraksi", "Gizi", "Farmasi", "Obat", "Sumber",
    "Daya", "Manusia", "Pembangunan", "Pemberdayaan", "Perempuan", "Anak", "Keluarga", "Berencana", "Sosial",
    "Pendidikan", "Tata", "Usaha", "Administrasi", "Staf", "Ahli", "Bupati", "Gubernur", "Walikota", "Menteri",
    "Pembantu", "Pustu", "Posyandu", "Poskesdes", "Klaster", "Mutu", "Akreditasi", "Balai", "Besar",
    "Laboratorium", "Kesling", "Lingkungan", "Surveilans", "Imunisasi", "Penyehatan", "Asisten", "Pemerintahan",
    "Kesra", "Kesejahteraan", "Rakyat", "Perekonomian", "Bappeda", "Inspektorat", "Nasional", "IDI", "PPNI",
    "IBI", "Cabang", "Wilayah", "Koordinator", "Pengelola", "Penanggung", "Jawab", "Bidan", "Perawat", "Dokter",
    "Gigi", "Kader", "Dinkes", "Kemenkes", "Pj", "Plt", "Plh", "Penjabat", "Kepala", "Primer", "Rujukan",
    "Transformasi", "Teknis", "Operasional", "Divisi", "Unit", "Instalasi", "Direktur", "Utama", "Medis",
    "Keperawatan", "Kebidanan", "Kefarmasian", "Pengembangan", "Pelaksana", "Harian", "Tugas", "Fungsional",
}
# Words after which the next capitalised word is a place ("Sekretaris Daerah Kotim", "Camat Plantungan").
PLACE_SLOT_WORDS = {
    "Puskesmas", "Kabupaten", "Kota", "Provinsi", "Kecamatan", "Desa", "Kelurahan", "Gampong", "Nagari", "Pustu",
    "Posyandu", "Daerah", "Camat", "Bupati", "Gubernur", "Walikota", "Lurah", "Kades", "RSUD", "UPTD", "Dinkes",
    "Wilayah", "Kapolres", "Dandim",
}
