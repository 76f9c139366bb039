"""What a facility count covers and when: its scope (a region, or one puskesmas's working area) and its
as-of date (the sentence's own date, else the day the article reports; never a target year).

Researchers cite coverage as "x of y puskesmas in region R as of D". A count of posyandu "di wilayah kerja
Puskesmas Sukamaju" is not the kabupaten's figure, and "ditargetkan pada 2026" is when a figure is hoped
for, not when it was true. `place_counts` is the one entry point; it only adds fields to the counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extractors.lang import another_clause_pattern
from extractors.models import DateMention, Event, FacilityCount

__all__ = ["place_counts", "reported_day", "with_timeline_dates"]

_F = re.IGNORECASE
# Facility types a puskesmas oversees: their counts can be one puskesmas's working area.
AREA_TIERS = frozenset({"pustu", "posyandu", "poskesdes"})
# Words that put the facilities under one puskesmas: "di wilayah kerja Puskesmas X", "binaan Puskesmas X".
_AREA_BEFORE_FACILITY = re.compile(
    r"\b(?:wilayah\s+kerja|wilker|binaan|jejaring|di\s+bawah(?:\s+naungan)?|naungan|dibina\s+oleh|milik)"
    r"\s+(?:UPTD?\s+|UPT\s+)?(?:puskesmas|pkm)\b",
    _F,
)
# "... di wilayah kerjanya", "binaan puskesmas tersebut": the puskesmas named before.
_AREA_BACK_REFERENCE = re.compile(
    r"\b(?:wilayah\s+kerjanya|wilayahnya|binaannya|naungannya"
    r"|(?:wilayah\s+kerja|binaan|jejaring)\s+(?:UPTD?\s+)?(?:puskesmas|pkm)\s+(?:itu|tersebut|ini))\b",
    _F,
)
# "Puskesmas X membina 12 posyandu": the puskesmas is the subject that has or oversees them.
_OVERSEES = re.compile(
    r"^[^.;:]{0,60}?\b(?:membina|membawahi|menaungi|mengampu|memiliki|mempunyai|punya|mengelola|dengan)\b[^.;:]{0,40}$",
    _F,
)
# Between a puskesmas and a count, these mean the count is about a wider area after all.
_WIDER_AREA = re.compile(
    r"\b(?:kabupaten|kota|provinsi|se-\w+|se(?:kabupaten|kota|provinsi)|seluruh|sedangkan|sementara|adapun|namun"
    r"|tingkat)\b|[;]",
    _F,
)
# How far back "wilayah kerjanya" looks for its puskesmas (about one sentence), and the actors whose
# working area is a whole region.
_BACK_REFERENCE_REACH = 300
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+)(?:UPTD?\s+|UPT\s+)?", _F)
_HEAD_OF = re.compile(r"(?:\b(?:Kepala|Kapus|Pimpinan)\s+|(?:^|[.!?\n]\s*))(?:UPTD?\s+|UPT\s+)?$")
_REGION_ACTOR = re.compile(
    r"\b(?:Dinas|Dinkes|Kadinkes|Bupati|Wakil\s+Bupati|Wali\s*kota|Gubernur|Pemkab|Pemkot|Pemprov"
    r"|Kementerian|Kemenkes|Camat)\b",
    _F,
)

# A date a figure is aimed at, not one it was true on: "ditargetkan pada 2026", "hingga 2027 mendatang".
_TARGET_BEFORE = re.compile(
    r"\b(?:target(?:nya|kan)?|ditargetkan|menargetkan|direncanakan|rencana(?:nya)?|berencana|diharapkan"
    r"|harapannya|akan|diproyeksikan|dijadwalkan)\b[^.;,]{0,40}$",
    _F,
)
_TARGET_AFTER = re.compile(r"^\W{0,3}(?:mendatang|nanti|yang\s+akan\s+datang)\b", _F)
# A date a practice began on ("sejak Oktober 2024"): when it started, not when the count was true.
_SINCE_BEFORE = re.compile(r"\b(?:sejak|semenjak|mulai|dimulai(?:\s+pada)?)\s+(?:(?:tahun|bulan|awal|akhir)\s+)?$", _F)


def place_counts(
    text: str,
    sentences: Sequence[tuple[int, int]],
    counts: Sequence[FacilityCount],
    dates: Sequence[DateMention],
    facilities: Sequence[tuple[str, int, int]],
    published: str | None,
) -> list[FacilityCount]:
    """Each count with `scope`, `scope_facility`, `as_of`, `as_of_source` and `target_date` filled.

    `facilities`: the named puskesmas the text mentions, as (name with type word, char_start, char_end).
    """
    reported = reported_day(published, dates)
    out = []
    for count in counts:
        s_start, s_end = _sentence_of(sentences, count.char_start)
        scope_facility, in_area = _facility_area(text, count, s_start, s_end, facilities)
        as_of, source, target = _as_of(text, count, s_start, s_end, dates, published)
        status = count.status
        if source is None and status in ("implementing", "unspecified") and _aimed_at(text, count, target):
            status = "target"  # the clause's only date is one it aims at: "sudah ... pada akhir 2025" (future)
        if as_of is None and reported is not None:
            as_of, source = reported
        out.append(
            replace(
                count,
                status=status,
                scope="facility_area" if in_area else "region",
                scope_facility=scope_facility,
                as_of=as_of,
                as_of_source=source,
                target_date=target.end if target else None,
            )
        )
    return _share_sentence_dates(out)


def _share_sentence_dates(counts: list[FacilityCount]) -> list[FacilityCount]:
    """The same figure said twice in one report ("17 Puskesmas" in the lead, "17 dari 25 puskesmas hingga
    April 2025" later) is one figure: a mention without a date of its own takes the other's."""
    dated = {}
    for c in counts:
        if c.as_of_source == "sentence":
            dated.setdefault((c.facility_type, c.count, c.status, c.location_code, c.scope), c.as_of)
    out = []
    for c in counts:
        as_of = dated.get((c.facility_type, c.count, c.status, c.location_code, c.scope))
        if c.as_of_source != "sentence" and as_of is not None:
            c = replace(c, as_of=as_of, as_of_source="same_figure")
        out.append(c)
    return out


def reported_day(published: str | None, dates: Sequence[DateMention]) -> tuple[str, str] | None:
    """The day the article reports, and where it comes from: its published date, else the newest full
    date it gives (a story without a dateline still says "Senin (3/3/2025)")."""
    if published:
        return published, "published"
    days = [d.end for d in dates if len(d.end) == 10]
    return (max(days), "reported") if days else None


def with_timeline_dates(events: Sequence[Event], reported: tuple[str, str] | None) -> list[Event]:
    """Events with a date to place them on a timeline: their own, else the article's reported day, with
    `date_source` "article" saying so (their `start`/`end` stay empty: the text gives them no date)."""
    out = []
    for e in events:
        if e.start is not None:
            out.append(replace(e, timeline_start=e.start, timeline_end=e.end))
        elif reported is not None:
            out.append(replace(e, timeline_start=reported[0], timeline_end=reported[0], date_source="article"))
        else:
            out.append(e)
    return out


def _sentence_of(sentences: Sequence[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in sentences:
        if s <= pos < e:
            return s, e
    return pos, pos


def _facility_area(
    text: str, count: FacilityCount, s_start: int, s_end: int, facilities: Sequence[tuple[str, int, int]]
) -> tuple[str | None, bool]:
    """(the puskesmas, True) when the count is of facilities in one puskesmas's working area."""
    if count.facility_type not in AREA_TIERS:
        return None, False
    here = [f for f in facilities if s_start <= f[1] < s_end]
    sentence = text[s_start:s_end]
    rel = count.char_start - s_start
    for m in _AREA_BEFORE_FACILITY.finditer(sentence):
        named = [f for f in here if m.start() <= f[1] - s_start <= m.end() + 2]
        if named and _same_clause(sentence, m.start(), rel):
            return _with_listed(text, facilities, named[0]), True
    for m in _AREA_BACK_REFERENCE.finditer(sentence):
        if _same_clause(sentence, m.start(), rel):
            cue = s_start + m.start()
            before = [f for f in facilities if cue - _BACK_REFERENCE_REACH <= f[1] and f[2] <= cue]
            # "Kepala Dinkes ... di wilayah kerjanya" is the kabupaten: the puskesmas must be the last actor.
            if before and _speaks_for(text, before[-1][1]) and not _REGION_ACTOR.search(text, before[-1][2], cue):
                return _with_listed(text, facilities, before[-1]), True
    for facility in reversed(here):  # the nearest puskesmas before the count first
        between = text[facility[2] : count.char_start]
        if facility[2] <= count.char_start and _OVERSEES.match(between) and not _WIDER_AREA.search(between):
            return _with_listed(text, facilities, facility), True
    return None, False


def _with_listed(text: str, facilities: Sequence[tuple[str, int, int]], first: tuple[str, int, int]) -> str:
    """The puskesmas, and those listed with it ("Puskesmas A, Puskesmas B dan Puskesmas C"): a count "di
    wilayah kerjanya" after such a list is of their areas together. Going back from the last listed one
    finds the list's start too."""
    ordered = sorted(facilities, key=lambda f: f[1])
    i = ordered.index(first)
    lo = hi = i
    while lo > 0 and _LIST_GAP.fullmatch(text[ordered[lo - 1][2] : ordered[lo][1]]):
        lo -= 1
    while hi + 1 < len(ordered) and _LIST_GAP.fullmatch(text[ordered[hi][2] : ordered[hi + 1][1]]):
        hi += 1
    names = list(dict.fromkeys(f[0] for f in ordered[lo : hi + 1]))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " dan " + names[-1]


def _speaks_for(text: str, f_start: int) -> bool:
    """Whether a named puskesmas is who "-nya" points to: its head speaks ("Kepala Puskesmas X"), or it
    opens its sentence ("Puskesmas X ..."); a puskesmas merely visited is not."""
    return _HEAD_OF.search(text[max(0, f_start - 40) : f_start]) is not None


def _same_clause(sentence: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not _WIDER_AREA.search(sentence[lo:hi])


def _as_of(
    text: str,
    count: FacilityCount,
    s_start: int,
    s_end: int,
    dates: Sequence[DateMention],
    published: str | None,
) -> tuple[str | None, str | None, DateMention | None]:
    """(as-of date, "sentence", target date) from the count's sentence; a target or start date is no as-of."""
    eligible: list[DateMention] = []
    targets: list[DateMention] = []
    for d in dates:
        if not s_start <= d.char_start < s_end:
            continue
        lead = text[s_start : d.char_start]
        if _TARGET_BEFORE.search(lead) or _TARGET_AFTER.match(text, d.char_end) or _after(d.start, published):
            targets.append(d)
        elif not _SINCE_BEFORE.search(lead):
            eligible.append(d)
    target = _nearest(targets, count.char_start)
    chosen = _nearest(eligible, count.char_start)
    if count.status == "target" and target is None and chosen is not None:
        target, chosen = chosen, None  # "akan diterapkan di 20 puskesmas pada 2026": the date is the aim
    return (chosen.end if chosen else None), ("sentence" if chosen else None), target


# Words that open another clause about other facilities: "..., sedangkan delapan puskesmas lainnya ditargetkan".
_OTHER_CLAUSE = another_clause_pattern()


def _aimed_at(text: str, count: FacilityCount, target: DateMention | None) -> bool:
    """Whether the count's own clause aims at the target date: nothing opens another clause between them."""
    if target is None:
        return False
    if target.char_start >= count.char_end:
        lo, hi = count.char_end, target.char_start
    else:
        lo, hi = target.char_end, count.char_start
    return hi < lo or not _OTHER_CLAUSE.search(text[lo:hi])


def _after(date: str, published: str | None) -> bool:
    """Whether a date lies wholly after the published day, compared at the date's own precision."""
    return bool(published) and date > published[: len(date)]  # type: ignore[index]


def _nearest(dates: list[DateMention], pos: int) -> DateMention | None:
    """The closest date before `pos`, else the closest after it."""
    before = [d for d in dates if d.char_start < pos]
    if before:
        return max(before, key=lambda d: d.char_start)
    return min(dates, key=lambda d: d.char_start, default=None)
