"""Indonesian (and the odd English) calendar vocabulary, as data, composed into regex pieces."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "januari": 1,
    "jan": 1,
    "january": 1,
    "februari": 2,
    "pebruari": 2,
    "feb": 2,
    "peb": 2,
    "february": 2,
    "maret": 3,
    "mar": 3,
    "march": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "jun": 6,
    "june": 6,
    "juli": 7,
    "jul": 7,
    "july": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "agus": 8,
    "aug": 8,
    "august": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "october": 10,
    "november": 11,
    "nopember": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "des": 12,
    "dec": 12,
    "december": 12,
}
# Weekday names, Monday = 0.
WEEKDAYS: dict[str, int] = {
    "senin": 0,
    "selasa": 1,
    "rabu": 2,
    "kamis": 3,
    "jumat": 4,
    "jum'at": 4,
    "sabtu": 5,
    "minggu": 6,
    "ahad": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# Capitalised month and weekday names (not their abbreviations: "Agus" is also a first name) are
# never part of a person's or a place's name.
_ABBREVIATIONS = {
    "jan",
    "feb",
    "peb",
    "mar",
    "apr",
    "jun",
    "jul",
    "agu",
    "agt",
    "agus",
    "aug",
    "sep",
    "sept",
    "okt",
    "oct",
    "nov",
    "nop",
    "des",
    "dec",
}
CALENDAR_WORDS = frozenset(w.title() for w in (*MONTHS, *WEEKDAYS) if w.isalpha() and w not in _ABBREVIATIONS)
# Relative day words and their offset from the published date.
RELATIVE_DAYS: dict[str, int] = {"hari ini": 0, "kemarin": -1, "kemarin lusa": -2, "besok": 1, "lusa": 2}


def _alt(words: list[str]) -> str:
    return "|".join(sorted((w.replace("'", "'?") for w in words), key=len, reverse=True))


MONTH = rf"(?:{_alt(list(MONTHS))})\.?"
WEEKDAY = rf"(?:{_alt(list(WEEKDAYS))})"
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
MONTH_NUM = r"(?:0?[1-9]|1[0-2])"
YEAR = r"(?:19[5-9]\d|20[0-9]\d)"
RANGE_SEP = r"\s*(?:-|–|—|s\.?\s?d\.?|s/d|hingga|sampai(?:\s+dengan)?|sd)\s*"
# A budget names its year: "DAK Fisik 2025", "usulan anggaran 2026", "APBD Perubahan 2024".
BUDGET_LEAD = (
    r"(?:(?-i:APBD|APBN|APBDes|APBNagari|APBK|APBKam|DAK|BOK)(?:\s+(?:perubahan|murni|fisik|non-?fisik))?"
    r"|anggaran|dana\s+desa)"
)
YEAR_LEAD = (
    r"(?:tahun\s+anggaran|tahun|sejak|pada|hingga|sampai|awal|akhir|pertengahan|periode|selama|medio|jelang|menjelang"
    rf"|{BUDGET_LEAD})"
)
MONTH_LEAD = r"(?:awal|akhir|pertengahan|medio)"
# What may stand right before a year that is part of a name or number, not a date:
# "Nomor 84 Tahun 2026", "UU No. 17 Tahun 2023".
DECREE_BEFORE = r"(?:nomor|nomer|no\.?)\s*[\w./-]+\s*(?:tahun|th\.?)?\s*$"
