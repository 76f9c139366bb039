"""Trigger words for each ILP rollout event type, and the cues that anchor an event, as data."""

from __future__ import annotations

# Activity events need an anchor in their sentence (a date, or a verb of holding it); a bare
# mention ("studi banding ini menjadi penyemangat") refers back to one already reported.
ACTIVITY_TRIGGERS: dict[str, str] = {
    "launch": r"peluncuran|diluncurkan|meluncurkan|luncurkan|(?:me|di)?-?launching|kick[- ]?off|pencanangan|dicanangkan"
    r"|resmi\s+(?:menerapkan|menjalankan|memulai|memberlakukan)"
    r"|memulai\s+(?:penerapan\s+)?(?:(?-i:ILP)|integrasi\s+(?:layanan|pelayanan))"
    r"|(?:menerapkan|menjalankan|mengimplementasikan)\s+(?:(?:konsep|program|layanan|pola)\s+)?"
    r"(?:(?-i:ILP)|integrasi\s+(?:layanan|pelayanan)(?:\s+kesehatan)?"
    r"\s+primer)(?:\s+\([^)]*\))?\s+(?:secara\s+\w+\s+)?sejak"
    # "Penerapan ILP di Cilegon sudah berjalan sejak 2023", "capaian ILP sejak diterapkan pada Juni 2024"
    r"|(?:penerapan|pelaksanaan|implementasi)\s+(?-i:ILP)(?:\s+[\w-]+){0,4}?\s+(?:sudah\s+|telah\s+)?"
    r"(?:berjalan|dimulai|dilaksanakan)\s+sejak"
    r"|sejak\s+(?:menerapkan|diterapkan|menjalankan|dijalankan|diimplementasikan)(?:\s+(?-i:ILP))?\s+pada"
    r"|mencanangkan|diresmikan|meresmikan|peresmian|(?:sudah|telah|baru)?\s*mulai\s+(?:sejak|pada|dilaksanakan"
    r"|diterapkan|menerapkan|menjalankan|dijalankan|diimplementasikan)|dimulai",
    "study_visit": r"studi\s+banding|kaji\s+banding|kunjungan\s+belajar|studi\s+tiru|kaji\s+tiru|benchmarking"
    r"|kunjungan\s+kerja",
    "socialization": r"sosialisasi|menyosialisasikan|mensosialisasikan|disosialisasikan",
    "training": r"pelatihan|bimtek|bimbingan\s+teknis|workshop|peningkatan\s+kapasitas|in[- ]house\s+training"
    r"|orientasi|(?-i:TOT)|training\s+of\s+trainers?|magang"
    r"|(?:melatih|kami\s+latih|kita\s+latih)(?:\s+ulang)?\s+(?:para\s+)?(?:kader|petugas|tenaga|bidan|perawat)",
    "coordination_meeting": r"(?-i:FGD)|focus\s+group\s+discussion|forum\s+group\s+discussion|rapat\s+koordinasi"
    r"|(?-i:Rakor)|rakor\b|lokakarya|lokmin|pertemuan\s+(?:koordinasi|advokasi|lintas\s+sektor)|rapat\s+lintas\s+sektor"
    r"|(?-i:Pokjanal)|rembuk|audiensi|(?:rapat|pertemuan)\s+(?:\w+\s+)?(?:advokasi|lintas\s+(?:sektor|program))"
    r"|rapat\s+(?:evaluasi|persiapan|teknis|pleno)|pertemuan\s+evaluasi",
    "best_practice_sharing": r"praktik\s+baik(?:nya)?|praktek\s+baik(?:nya)?|best\s+practices?|berbagi\s+pengalaman",
    "monitoring_evaluation": r"monev|dimonev|memonev|monitoring|pendampingan|supervisi|asistensi|visitasi"
    r"|pemantauan\s+dan\s+evaluasi"
    # "kami dampingi bertahap", "kami evaluasi pada Februari", "memantau pelaksanaan posyandu ILP",
    # "Kelima puskesmas itu didampingi Dinkes sejak Maret" (a facility is mentored; a person is only accompanied)
    r"|(?:kami|kita)\s+(?:dampingi|evaluasi|pantau|monitor)|memantau\s+(?:pelaksanaan|pelayanan|penerapan)"
    r"|(?:puskesmas|pustu|posyandu|poskesdes)(?:\s+\w+){0,2}\s+didampingi"
    r"|verifikasi|memverifikasi"
    r"|(?:melakukan|menggelar|melaksanakan)\s+evaluasi|mengevaluasi|evaluasi\s+(?:pelaksanaan|penerapan|implementasi)",
}
# A literal launch word: with it, a sentence reports a launch rather than the coverage it gives.
LAUNCH_WORDS = (
    r"peluncuran|diluncurkan|meluncurkan|luncurkan|(?:di|me)?-?launching|kick[- ]?off|pencanangan|dicanangkan"
    r"|mencanangkan|meresmikan|diresmikan|peresmian"
)
# A decree's name: "Surat Keputusan", "SK", "Peraturan Bupati", "Perbup", "Keputusan Bupati Bima".
_DECREE = (
    r"(?:surat\s+keputusan|(?-i:SK)|peraturan\s+(?:bupati|wali\s*kota|gubernur|menteri(?:\s+kesehatan)?)"
    r"|(?-i:Perbup|Perwali|Pergub|Permenkes|Kepmenkes)|keputusan\s+(?:menteri|bupati|wali\s*kota|gubernur"
    r"|kepala\s+dinas)|surat\s+edaran)"
)
# Statements stand on their own: a designation, a decree, money, an award.
STATEMENT_TRIGGERS: dict[str, str] = {
    "pilot_designation": r"lokasi\s+percontohan|percontohan|pilot\s+project|proyek\s+percontohan|piloting"
    r"|(?:sebagai|menjadi|jadi|ditetapkan|ditunjuk|dipilih|terpilih|menetapkan)\s+(?:\w+\s+){0,6}?lokus|lokus\s+(?:awal|pertama|ILP|di|pada)\b"
    r"|uji\s*coba|menguji\s*coba|diuji\s*coba|diujicobakan|mengujicobakan",
    "funding": r"hibah|dukungan\s+dana|pendanaan|dana\s+(?:desa|kampung|gampong|nagari|kelurahan)"
    r"|mengalokasikan\s+(?:dana|anggaran|Rp)|dana\s+alokasi|menganggarkan|dianggarkan"
    r"|anggaran|(?-i:DAK|BOK|APBD|APBN|APBDes|APBNagari|APBK)",
    "policy": rf"{_DECREE}(?=[^.]{{0,80}}\b(?:nomor|no\.)"
    # "Perbup tentang Penyelenggaraan ILP", "SK Bupati yang diserahkan saat kick off"
    r"|(?:\s+[\w()]+){0,4}?\s+(?:tentang\s+[^.]{0,60}?"
    r"(?:(?-i:ILP)|integrasi|layanan\s+primer|klaster|posyandu|puskesmas)"
    r"|(?:yang\s+)?(?:sudah\s+|telah\s+)?(?:ditandatangani|diterbitkan|terbit|disahkan|diserahkan)))"
    rf"|(?:tertuang|dituangkan|diatur)\s+dalam\s+{_DECREE}"
    r"|(?:menerbitkan|mengeluarkan|menetapkan|menandatangani|meneken|diterbitkan|ditetapkan|ditandatangani)\s+"
    r"(?:\w+\s+){0,2}?(?:surat\s+edaran|surat\s+keputusan|(?-i:SK|SE|Perbup|Perwali|Pergub)|peraturan)",
    "award": r"penghargaan|juara|award|apresiasi\s+terbaik"
    # a certificate or plaque handed to a facility: "menyerahkan piagam kepada Posyandu Mawar"
    r"|(?:penyerahan|menyerahkan|diserahkan|menerima|meraih)\s+(?:\w+\s+){0,2}?(?:sertifikat|piagam|trofi)"
    r"(?=\s+kepada\s+(?:puskesmas|posyandu|pustu|desa|kelurahan))",
}
# Words before a money word that make it no funding: "menghemat anggaran", "keterbatasan anggaran".
# So do conditions and absences: "Kalau dana desa tidak mendukung", "belum ada anggaran".
NOT_FUNDING_BEFORE = (
    r"(?:rancangan|usulan|perencanaan|penyusunan|menghemat|hemat|penghematan|efisiensi|keterbatasan|kekurangan"
    r"|minim(?:nya)?|terbatasnya|kalau|jika|apabila|bila|tanpa|belum\s+ada|tidak\s+ada|tak\s+ada"
    r"|ketersediaan|tersedianya|tergantung)\s+$"
)
# A later sentence that goes on about the same activity: "Kegiatan tersebut berlangsung Senin (7/10/2024)".
_ACTIVITY_NOUNS = (
    r"kegiatan|acara|agenda|pertemuan|rapat|rakor|sosialisasi|pelatihan|bimtek|orientasi|peluncuran|launching"
    r"|kunjungan|studi\s+banding|kaji\s+banding|monev|pendampingan|supervisi|workshop|lokakarya|kick\s*off"
)
FOLLOW_UP = (
    rf"\W*(?:(?:{_ACTIVITY_NOUNS})(?:\s+\w+){{0,3}}?\s+(?:ini|tersebut|itu)\b"
    rf"|(?:adapun\s+)?(?:{_ACTIVITY_NOUNS})\s+(?:yang\s+)?(?:berlangsung|bertempat|digelar|dilaksanakan"
    r"|diselenggarakan|dipusatkan|diadakan|dilakukan)\b)"
)
# What may start without ILP starting: "persiapan penerapan ILP sudah dimulai sejak Juli".
NOT_LAUNCH_BEFORE = (
    r"\b(?:pendampingan|monitoring|monev|supervisi|evaluasi|bimtek|persiapan|pembangunan|renovasi|pendaftaran"
    r"|pelatihan|orientasi|sosialisasi|pendataan|kegiatan|rangkaian|acara)\b"
)
# A sentence whose subject points back at the people or activity of the sentence before ("Mereka mengikuti ...").
BACK_REFERENCE = (
    r"\W*(?:mereka|para\s+peserta|peserta|kegiatan\s+(?:itu|tersebut|ini)"
    # "Saat itu, ...", "Lewat kegiatan tersebut, ...": the time of the sentence before
    r"|(?:pada\s+)?saat\s+itu|ketika\s+itu|waktu\s+itu|kala\s+itu"
    r"|(?:lewat|melalui|dengan)\s+\w+\s+(?:itu|tersebut|ini))\b"
)
# Words before a trigger that make it another event's time ("Sebelum peluncuran, ..."), not an event.
_BEFORE_OR_AFTER = r"sebelum|setelah|sesudah|usai|seusai|pasca|menjelang|jelang"
TIME_REFERENCE_BEFORE = rf"\b(?:{_BEFORE_OR_AFTER}|persiapan)\s+$"
# A date right after the event a time reference names ("Sebelum peluncuran hari ini"): that event's date.
REFERENCED_EVENT_BEFORE = rf"\b(?:{_BEFORE_OR_AFTER})\s+\w+(?:\s+ILP)?(?:\s+pada)?\s+\(?$"
# Words before an activity that point back at one already reported: "tempat launching", "hasil bimtek",
# "pasca-orientasi", "hadir dalam sosialisasi", "hari kedua lokakarya".
POINTS_BACK_BEFORE = (
    r"\b(?:tempat|lokasi|hasil|pasca|hadir\s+dalam|hari\s+(?:pertama|kedua|ketiga|keempat|kelima|terakhir))[\s-]+$"
)
# What an activity already reported is for: "monev dilakukan untuk memastikan ...", "pelatihan bertujuan ...".
PURPOSE_AFTER = (
    r"\s+(?:(?:ini|tersebut|itu)\s+)?(?:(?:dilakukan|digelar|dilaksanakan|diadakan|diselenggarakan)\s+"
    r"(?:untuk|guna|agar|supaya|dalam\s+rangka)|bertujuan|dimaksudkan|ditujukan)\b"
)
# A purpose after money ("dipakai untuk orientasi ..."): the activity is what the money is for.
PURPOSE_BEFORE = r"\b(?:untuk|guna|bagi|dipakai|digunakan|dialokasikan|diperuntukkan)\b"
ACTIVITY_VERBS = (
    r"melaksanakan|dilaksanakan|menggelar|digelar|mengadakan|diadakan|menyelenggarakan"
    r"|diselenggarakan|mengikuti|diikuti|ikuti|melakukan|dilakukan|berlangsung|menghadiri|bertempat"
    r"|melangsungkan|dibuka|membuka|berkunjung|mengunjungi|membagikan|berbagi|memaparkan|dilaunching"
    r"|diluncurkan|meluncurkan|diresmikan|meresmikan|dicanangkan|mencanangkan|mulai"
)
DEMONSTRATIVE_AFTER = r"\s*(?:\([^)]*\)\s*)?(?:ini|tersebut|itu)\b"
ILP_TERMS = (
    r"(?-i:\bILP\b)|integrasi\s+(?:layanan|pelayanan)\s+(?:kesehatan\s+)?primer"
    r"|transformasi\s+(?:layanan|pelayanan)\s+(?:kesehatan\s+)?primer|layanan\s+primer\s+terintegrasi"
    r"|(?:posyandu|layanan|pelayanan|klaster)\s+(?:berbasis\s+)?siklus\s+hidup"
)
ORGANIZATIONS = (
    r"(?:Dinas\s+Kesehatan|Dinkes|Pemerintah(?=\s+[A-Z])|Pemkab|Pemkot|Pemprov"
    r"|Kementerian\s+Kesehatan|Kemenkes|BPJS\s+Kesehatan|Global\s+Fund|(?-i:WHO|UNICEF|USAID)"
    r")(?:\s+(?:Kabupaten|Kota|Provinsi)\b)?(?:\s+[A-Z][\w'’-]*){0,3}"
    # A puskesmas acts only when named: the bare word is the facility type, not an actor.
    r"|(?:UPTD?\s+)?Puskesmas(?:\s+[A-Z][\w'’-]*){1,3}"
)
