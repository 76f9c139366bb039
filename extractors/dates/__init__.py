"""Calendar expressions: found with our own patterns, normalised to ISO 8601 with their precision.

Order matters: ranges before single dates before month-years before bare years, and a span
once taken is not taken again. Relative expressions resolve against the published date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from extractors.dates.patterns import (
    DAY,
    DECREE_BEFORE,
    MONTH,
    MONTH_LEAD,
    MONTH_NUM,
    MONTHS,
    RANGE_SEP,
    RELATIVE_DAYS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    YEAR_LEAD,
)
from extractors.models import DateMention
from extractors.numbers import NUMBER_WORDS, parse_number

__all__ = ["extract_dates", "parse_standalone_date", "DateMention"]

_F = re.IGNORECASE


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    iso_start: str
    iso_end: str


def _weekday(token: str) -> int | None:
    """Monday = 0 for a weekday name ("Jum'at" as "Jumat"), None when it is not one."""
    return WEEKDAYS.get(token.lower().replace("'", ""))


def _month(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


# Each rule: (compiled regex, builder(match, context) -> (start_iso, end_iso) | None). A builder for a
# coordination ("Maret dan September 2024") returns one (char_start, char_end, start_iso, end_iso) per date.
_Piece = tuple[int, int, str, str]
_Builder = Callable[[re.Match[str], "_Context"], "tuple[str, str] | list[_Piece] | None"]


@dataclass
class _Context:
    published: dt.date | None
    default_year: int | None


def _year_or_default(y: str | None, ctx: _Context) -> int | None:
    if y:
        return int(y)
    return ctx.default_year


_LEAD_WORD = re.compile(r"\s*(?:(?:tanggal|tgl\.?)\s+)?", _F)
_WD = rf"(?:{WEEKDAY}\s*,?\s*)?"
_TGL = r"(?:tanggal|tgl\.?)?\s*"

RULES: list[tuple[re.Pattern[str], _Builder, tuple[str, ...]]] = []
_AND = r"\s*(?:,\s*)?(?:dan|serta|&|,)\s*"


def _rule(pattern: str, needs: tuple[str, ...] = ()) -> Callable[[_Builder], _Builder]:
    """Register a rule; `needs` are words of which the lower-cased text must hold one for the rule to run
    (most texts have no relative expression: their patterns are not run over them)."""

    def register(fn: _Builder) -> _Builder:
        RULES.append((re.compile(pattern, _F), fn, needs))
        return fn

    return register


@_rule(rf"\b(?:(?:{MONTH_LEAD})\s+)?(?:bulan\s+)?(?P<months>{MONTH}(?:{_AND}{MONTH})+)\s+(?:tahun\s+)?(?P<y>{YEAR})\b")
def _coordinated_months(m: re.Match[str], ctx: _Context) -> list[_Piece] | None:
    """ "Maret dan September 2024": each month is its own date, all in the year named last."""
    y = int(m["y"])
    pieces = [
        (w.start(), w.end(), _ym(y, _month(w.group())), _ym(y, _month(w.group())))
        for w in re.finditer(rf"\b{MONTH}", m.group(), _F)
        if m.start("months") - m.start() <= w.start() < m.end("months") - m.start()
    ]
    if len(pieces) < 2:
        return None
    s, _, a, b = pieces[-1]
    pieces[-1] = (s, m.end() - m.start(), a, b)
    return [(m.start() + s, m.start() + e, a, b) for s, e, a, b in pieces]


@_rule(rf"\b(?:(?:{YEAR_LEAD})\s+)(?:(?:tahun|th\.?)\s+)?(?P<years>{YEAR}(?:{_AND}(?:tahun\s+)?{YEAR})+)\b(?![.,]\d)")
def _coordinated_years(m: re.Match[str], ctx: _Context) -> list[_Piece] | None:
    """ "pada 2022 dan 2023": two years, each its own date."""
    pieces = [(w.start(), w.end(), w.group(), w.group()) for w in re.finditer(YEAR, m.group("years"))]
    offset = m.start("years")
    out = [(offset + s, offset + e, a, b) for s, e, a, b in pieces]
    out[0] = (m.start(), *out[0][1:])
    return out


@_rule(
    rf"\b{_TGL}(?P<d1>{DAY})\s+(?P<m1>{MONTH})(?:\s+(?P<y1>{YEAR}))?{RANGE_SEP}(?P<d2>{DAY})\s+(?P<m2>{MONTH})"
    rf"(?:\s+(?P<y2>{YEAR}))?\b"
)
def _cross_month_range(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    y2 = _year_or_default(m["y2"], ctx)
    y1 = int(m["y1"]) if m["y1"] else y2
    if y1 is None or y2 is None:
        return None
    a, b = _day(y1, _month(m["m1"]), int(m["d1"])), _day(y2, _month(m["m2"]), int(m["d2"]))
    return (a, b) if a and b and a <= b else None


@_rule(
    rf"\b{_TGL}(?P<d1>{DAY})(?:{RANGE_SEP}|\s+(?:dan|&)\s+)(?P<d2>{DAY})\s+(?P<m>{MONTH})"
    rf"(?:\s*,?\s+(?P<y>{YEAR}))?\b"
)
def _day_range(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    y = _year_or_default(m["y"], ctx)
    if y is None:
        return None
    mo = _month(m["m"])
    a, b = _day(y, mo, int(m["d1"])), _day(y, mo, int(m["d2"]))
    return (a, b) if a and b and a < b else None


_NUMERIC_DAY = r"\(?\s*(?P<d{n}>{day})\s*/\s*(?P<m{n}>{month})\s*/\s*(?P<y{n}>{year})\s*\)?"


@_rule(
    rf"\b(?:{WEEKDAY}(?:{RANGE_SEP}{WEEKDAY})?\s*,?\s*)?\(\s*(?P<d1>{DAY})\s*(?:-|–|s\.?d\.?)\s*(?P<d2>{DAY})\s*/\s*"
    rf"(?P<m>{MONTH_NUM})\s*/\s*(?P<y>{YEAR})\s*\)"
)
def _numeric_day_range(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    """ "Senin hingga Rabu (19-21/5/2025)", "Selasa-Rabu (15-16/10/2024)": several days of one month."""
    a = _day(int(m["y"]), int(m["m"]), int(m["d1"]))
    b = _day(int(m["y"]), int(m["m"]), int(m["d2"]))
    return (a, b) if a and b and a < b else None


@_rule(
    rf"\b{_WD}{_NUMERIC_DAY.format(n=1, day=DAY, month=MONTH_NUM, year=YEAR)}{RANGE_SEP}"
    rf"{_WD}{_NUMERIC_DAY.format(n=2, day=DAY, month=MONTH_NUM, year=YEAR)}(?![\d/])"
)
def _numeric_range(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    """ "Senin (7/10/2024) hingga Rabu (9/10/2024)": one activity over several days."""
    return _short_span(_day(int(m["y1"]), int(m["m1"]), int(m["d1"])), _day(int(m["y2"]), int(m["m2"]), int(m["d2"])))


def _short_span(a: str | None, b: str | None) -> tuple[str, str] | None:
    """Two days that make one activity's span: in order, at most two months apart."""
    return (a, b) if a and b and a < b and (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days <= 62 else None


def _undated_year(ctx: _Context, month: int, day: int) -> int | None:
    """The year of a day written without one: the article's, or the year before when that would put the
    day more than a month after the article was published."""
    if ctx.published is None:
        return None
    y = ctx.published.year
    d = _day(y, month, day)
    return y - 1 if d and d > (ctx.published + dt.timedelta(days=31)).isoformat() else y


@_rule(rf"\b{_WD}\(?\s*(?P<d>{DAY})\s*[/.-]\s*(?P<m>{MONTH_NUM})\s*[/.-]\s*(?P<y>{YEAR}|\d{{2}})\s*\)?(?![\d/])")
def _numeric(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    y = int(m["y"])
    if y < 100:
        y += 2000
    d = _day(y, int(m["m"]), int(m["d"]))
    return (d, d) if d else None


@_rule(
    rf"\b{WEEKDAY}\s*,?\s*\(\s*(?P<d1>{DAY})\s*/\s*(?P<m1>{MONTH_NUM})\s*\){RANGE_SEP}"
    rf"{WEEKDAY}\s*,?\s*\(\s*(?P<d2>{DAY})\s*/\s*(?P<m2>{MONTH_NUM})\s*\)"
)
def _numeric_no_year_range(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    """ "sejak Senin (8/7) hingga Jumat (12/7)": one activity over several days, the year from the article."""
    y = _undated_year(ctx, int(m["m1"]), int(m["d1"]))
    if y is None:
        return None
    return _short_span(_day(y, int(m["m1"]), int(m["d1"])), _day(y, int(m["m2"]), int(m["d2"])))


@_rule(rf"\b{WEEKDAY}\s*,?\s*\(\s*(?P<d>{DAY})\s*/\s*(?P<m>{MONTH_NUM})\s*\)")
def _numeric_no_year(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    y = _undated_year(ctx, int(m["m"]), int(m["d"]))
    d = _day(y, int(m["m"]), int(m["d"])) if y is not None else None
    return (d, d) if d else None


@_rule(rf"\b{_WD}{_TGL}(?P<d>{DAY})\s+(?P<m>{MONTH})(?:\s*,?\s+(?P<y>{YEAR}))?\b")
def _single_day(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    y = _year_or_default(m["y"], ctx)
    if y is None:
        return None
    d = _day(y, _month(m["m"]), int(m["d"]))
    return (d, d) if d else None


@_rule(rf"\b{_WD}(?P<m>{MONTH})\s+(?P<d>{DAY}),?\s+(?P<y>{YEAR})\b")
def _english_order(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    d = _day(int(m["y"]), _month(m["m"]), int(m["d"]))
    return (d, d) if d else None


@_rule(
    rf"\b(?:{MONTH_LEAD}\s+)?(?:bulan\s+)?(?P<m1>{MONTH})\s+(?P<y1>{YEAR}){RANGE_SEP}(?:{MONTH_LEAD}\s+)?(?:bulan\s+)?"
    rf"(?P<m2>{MONTH})\s+(?P<y2>{YEAR})\b"
)
def _month_year_range(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    """ "Desember 2024 hingga Februari 2025": months across a year's end."""
    a, b = _ym(int(m["y1"]), _month(m["m1"])), _ym(int(m["y2"]), _month(m["m2"]))
    return (a, b) if a < b else None


@_rule(
    rf"\b(?:{MONTH_LEAD}\s+)?(?:bulan\s+)?(?P<m1>{MONTH}){RANGE_SEP}(?:{MONTH_LEAD}\s+)?(?:bulan\s+)?(?P<m2>{MONTH})"
    rf"\s+(?:tahun\s+)?(?P<y>{YEAR})\b"
)
def _month_range(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    y = int(m["y"])
    a, b = _month(m["m1"]), _month(m["m2"])
    return (_ym(y, a), _ym(y, b)) if a < b else None


@_rule(rf"\b(?:{MONTH_LEAD}\s+)?(?:bulan\s+)?(?P<m>{MONTH})\s*,?\s+(?:tahun\s+)?(?P<y>{YEAR})\b")
def _month_year(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    v = _ym(int(m["y"]), _month(m["m"]))
    return v, v


@_rule(
    rf"\b(?:bulan\s+)?(?P<m>{MONTH})\s+(?P<dir>lalu|kemarin|silam|mendatang|depan|nanti)\b",
    needs=("lalu", "kemarin", "silam", "mendatang", "depan", "nanti"),
)
def _month_relative(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    """ "Mei lalu": the last May before the published date; "Juli mendatang": the next July after it."""
    if ctx.published is None:
        return None
    month, p = _month(m["m"]), ctx.published
    if m["dir"].lower() in ("lalu", "kemarin", "silam"):
        year = p.year if month <= p.month else p.year - 1
    else:
        year = p.year if month >= p.month else p.year + 1
    v = _ym(year, month)
    return v, v


@_rule(rf"\b(?P<lead>(?:{MONTH_LEAD})\s+|bulan\s+|sejak\s+(?:bulan\s+)?|pada\s+bulan\s+)(?P<m>{MONTH})\b(?!\s*\d)")
def _month_no_year(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    """ "awal Oktober", "bulan Mei", "sejak Januari": the month in the published year ("sejak" looks back)."""
    if ctx.published is None:
        return None
    year = ctx.published.year
    if m["lead"].lower().startswith("sejak") and _month(m["m"]) > ctx.published.month:
        year -= 1
    v = _ym(year, _month(m["m"]))
    return v, v


@_rule(rf"\b(?:(?:{YEAR_LEAD})\s+)?(?:tahun\s+)?(?P<y1>{YEAR}){RANGE_SEP}(?P<y2>{YEAR})\b")
def _year_range(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    return (m["y1"], m["y2"]) if m["y1"] < m["y2"] else None


@_rule(rf"\b(?:{YEAR_LEAD})\s+(?:(?:tahun|th\.?)\s+)?(?P<y>{YEAR})\b(?![.,]\d)")
def _year(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    return m["y"], m["y"]


@_rule(
    rf"\b(?P<n>{NUMBER_WORDS}|\d{{1,3}}|se|beberapa)\s*(?P<unit>hari|pekan|minggu|bulan|tahun)\s+(?:yang\s+)?lalu\b",
    needs=("lalu",),
)
def _relative_amount(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    """ "3 hari lalu", "dua pekan lalu", "sebulan yang lalu": counted back from the published date."""
    if ctx.published is None or m["n"].lower() == "beberapa":
        return None  # "beberapa hari lalu" names no day
    n = 1 if m["n"].lower() == "se" else parse_number(m["n"])
    if n is None or n <= 0:
        return None
    return relative_to(ctx.published, n, m["unit"].lower())


@_rule(
    rf"\b(?P<rel>{'|'.join(sorted(RELATIVE_DAYS, key=len, reverse=True))})\b",
    needs=("kemarin", "hari ini", "besok", "lusa"),
)
def _relative_day(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    if ctx.published is None:
        return None
    d = (ctx.published + dt.timedelta(days=RELATIVE_DAYS[m["rel"].lower()])).isoformat()
    return d, d


@_rule(rf"\b(?P<wd>{WEEKDAY})\s+(?P<unit>pekan|minggu)\s+(?P<dir>lalu|depan)\b", needs=("lalu", "depan"))
def _weekday_of_week(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    """ "Kamis pekan lalu": the Thursday of the week before the published date's week."""
    target = _weekday(m["wd"])
    if ctx.published is None or target is None:
        return None
    step = -1 if m["dir"].lower() == "lalu" else 1
    monday = ctx.published - dt.timedelta(days=ctx.published.weekday()) + dt.timedelta(weeks=step)
    d = (monday + dt.timedelta(days=target)).isoformat()
    return d, d


@_rule(rf"\b(?P<wd>{WEEKDAY})\s+(?:lalu|kemarin)\b", needs=("lalu", "kemarin"))
def _last_weekday(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    if ctx.published is None:
        return None
    target = _weekday(m["wd"])
    if target is None:
        return None
    back = (ctx.published.weekday() - target) % 7 or 7
    d = (ctx.published - dt.timedelta(days=back)).isoformat()
    return d, d


@_rule(
    r"\b(?P<unit>pekan|minggu|bulan|tahun)\s+(?P<dir>lalu|kemarin|ini|depan)\b",
    needs=("lalu", "kemarin", "ini", "depan"),
)
def _relative_period(m: re.Match[str], ctx: _Context) -> tuple[str, str] | None:
    p = ctx.published
    if p is None:
        return None
    unit, direction = m["unit"].lower(), m["dir"].lower()
    step = {"lalu": -1, "kemarin": -1, "ini": 0, "depan": 1}[direction]
    if unit in ("pekan", "minggu"):
        monday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(weeks=step)
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    if unit == "bulan":
        y, mo = divmod(p.year * 12 + p.month - 1 + step, 12)
        v = _ym(y, mo + 1)
        return v, v
    v = str(p.year + step)
    return v, v


def _is_decree_number(text: str, start: int) -> bool:
    """'Nomor 84 Tahun 2026' is a decree's number, not a date."""
    return re.search(DECREE_BEFORE, text[max(0, start - 40) : start], _F) is not None


def _not_a_time_or_money(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 4) : start]
    after = text[end : end + 3]
    return not re.search(r"(?:rp\.?\s*|\$)$", before, _F) and not re.match(r"[:.]\d", after)


def extract_dates(text: str, published_date: str | None = None) -> list[DateMention]:
    """Every calendar expression in `text`, in text order, each span taken once."""
    published = _parse_iso_day(published_date)
    ctx = _Context(published=published, default_year=published.year if published else _dominant_year(text))
    taken: list[tuple[int, int]] = []
    hits: list[_Hit] = []
    lowered = text.lower()
    for pattern, build, needs in RULES:
        if needs and not any(word in lowered for word in needs):
            continue
        for m in pattern.finditer(text):
            s, e = m.span()
            lead = _LEAD_WORD.match(text, s, e)
            s = lead.end() if lead else s
            if any(s < te and ts < e for ts, te in taken):
                continue
            if not _not_a_time_or_money(text, s, e) or _is_decree_number(text, s):
                continue
            value = build(m, ctx)
            if value is None:
                continue
            taken.append((s, e))
            if isinstance(value, list):
                hits.extend(_Hit(*piece) for piece in value)
            else:
                hits.append(_Hit(s, e, value[0], value[1]))
    hits.sort(key=lambda h: h.start)
    return [
        DateMention(text=text[h.start : h.end], start=h.iso_start, end=h.iso_end, char_start=h.start, char_end=h.end)
        for h in hits
    ]


def _dominant_year(text: str) -> int | None:
    years = re.findall(rf"\b{YEAR}\b", text)
    return int(max(set(years), key=years.count)) if years else None


def _parse_iso_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_standalone_date(line: str) -> str | None:
    """The day a page-header line such as 'Jumat, November 22, 2024' names, or None."""
    found = [d for d in extract_dates(line) if d.start == d.end and len(d.start) == 10]
    if len(found) == 1 and len(found[0].text) >= len(line.strip()) * 0.6:
        return found[0].start
    return None


_PRECISION = {"hari": 10, "pekan": 10, "minggu": 10, "bulan": 7, "tahun": 4}


def relative_to(published: dt.date, amount: int, unit: str) -> tuple[str, str] | None:
    """The date `amount` `unit`s before `published`, at the unit's precision (days for weeks).

    dateparser does the calendar arithmetic (month ends, leap years) from a phrase we have already
    normalised ("3 bulan lalu"); our own pattern decides what a relative expression is.
    """
    phrase = f"{amount} {'minggu' if unit == 'pekan' else unit} lalu"
    parsed = _relative_parser(published).get_date_data(phrase).date_obj
    if parsed is None:
        return None
    value = parsed.date().isoformat()[: _PRECISION[unit]]
    return value, value


@lru_cache(maxsize=64)
def _relative_parser(published: dt.date):
    import dateparser

    base = dt.datetime(published.year, published.month, published.day, 12)
    return dateparser.DateDataParser(
        languages=["id"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    )
