"""Indonesian numbers: digits with thousands separators and number words up to the millions.

spaCy's Indonesian `like_num` lacks "seratus", "seribu", "sejuta" and "setengah"; they are here.
"""

from __future__ import annotations

import re

UNITS: dict[str, int] = {
    "nol": 0,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
TEENS: dict[str, int] = {"sepuluh": 10, "sebelas": 11}
SCALES: dict[str, int] = {"puluh": 10, "ratus": 100, "ribu": 1000, "juta": 1_000_000}
PREFIXED: dict[str, int] = {"seratus": 100, "seribu": 1000, "sejuta": 1_000_000}

_UNIT_ALT = "satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan"
_ATOM = (
    rf"(?:sepuluh|sebelas|seratus|seribu|sejuta|(?:{_UNIT_ALT})(?:\s+(?:belas|puluh|ratus|ribu|juta))?"
    r"|se(?:belas|puluh|ratus|ribu|juta))"
)
# A number written in words: one or more atoms ("dua puluh lima", "seratus dua puluh").
NUMBER_WORDS = rf"(?:{_ATOM}(?:\s+{_ATOM})*)"
# Digits, with "." or "," as a thousands separator ("1.245").
NUMBER_DIGITS = r"(?:\d{1,3}(?:[.,]\d{3})+(?!\d)|\d+)"
# Digits with a scale word: "2 ribu", "1,5 juta".
NUMBER_MIXED = r"(?:\d+(?:[.,]\d+)?\s+(?:ribu|juta))"
NUMBER = rf"(?:{NUMBER_MIXED}|{NUMBER_DIGITS}|{NUMBER_WORDS})"

_WORD_RE = re.compile(r"[a-z]+")


def parse_number(text: str) -> int | None:
    """'1.245' -> 1245, 'dua puluh lima' -> 25, 'seratus dua' -> 102; None when it is not a number."""
    t = text.strip().lower()
    if not t:
        return None
    if re.fullmatch(NUMBER_DIGITS, t):
        return int(re.sub(r"[.,]", "", t))
    mixed = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s+(ribu|juta)", t)
    if mixed:
        return round(float(mixed.group(1).replace(",", ".")) * SCALES[mixed.group(2)])
    return parse_number_words(t)


def parse_number_words(text: str) -> int | None:
    words = _WORD_RE.findall(text.lower())
    if not words:
        return None
    total = 0  # completed thousands/millions
    current = 0  # below a thousand
    seen = False
    for w in words:
        if w in PREFIXED:
            value = PREFIXED[w]
            if value >= 1000:
                total += max(current, 1) * value if current else value
                current = 0
            else:
                current += value
        elif w in TEENS:
            current += TEENS[w]
        elif w in UNITS:
            current += UNITS[w]
        elif w == "belas":
            unit = current % 10 or 1
            current = current - (current % 10) + 10 + unit
        elif w in ("puluh", "ratus"):
            unit = current % 10 or 1
            current = current - (current % 10) + unit * SCALES[w]
        elif w in ("ribu", "juta"):
            total += (current or 1) * SCALES[w]
            current = 0
        elif w.startswith("se") and w[2:] in ("belas", "puluh", "ratus", "ribu", "juta"):
            scale = w[2:]
            if scale == "belas":
                current += 11
            elif scale in ("ribu", "juta"):
                total += SCALES[scale]
            else:
                current += SCALES[scale]
        else:
            return None
        seen = True
    return total + current if seen else None
