"""Typed ILP rollout events assembled from a sentence's trigger and the facts around it.

An event takes its dates from its sentence (one event per distinct date; a year that a fuller
date in the sentence contains is not another date), its facility from the place the sentence
says it happened at ("di/ke Puskesmas X"), and its region from the same place phrase, else
the sentence, else the article's main region.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from extractors.dates.patterns import WEEKDAY
from extractors.events.patterns import (
    ACTIVITY_TRIGGERS,
    ACTIVITY_VERBS,
    BACK_REFERENCE,
    DEMONSTRATIVE_AFTER,
    FOLLOW_UP,
    ILP_TERMS,
    LAUNCH_WORDS,
    NOT_FUNDING_BEFORE,
    NOT_LAUNCH_BEFORE,
    ORGANIZATIONS,
    POINTS_BACK_BEFORE,
    PURPOSE_AFTER,
    PURPOSE_BEFORE,
    REFERENCED_EVENT_BEFORE,
    STATEMENT_TRIGGERS,
    TIME_REFERENCE_BEFORE,
)
from extractors.lang import another_clause_pattern
from extractors.locations import LocationResult, Mention
from extractors.models import DateMention, Event, FacilityCount, Person
from extractors.people.lexicon import SPEECH_VERBS

__all__ = ["extract_events", "is_about_ilp"]

_F = re.IGNORECASE
_ACTIVITY = {t: re.compile(rf"\b(?:{rx})\b", _F) for t, rx in ACTIVITY_TRIGGERS.items()}
_STATEMENT = {t: re.compile(rf"\b(?:{rx})", _F) for t, rx in STATEMENT_TRIGGERS.items()}
_VERB = re.compile(rf"\b(?:{ACTIVITY_VERBS})\b", _F)
_DEMONSTRATIVE = re.compile(DEMONSTRATIVE_AFTER, _F)
_ILP = re.compile(ILP_TERMS, _F)
_ORG = re.compile(ORGANIZATIONS)
_PLACE_PHRASE = re.compile(r"\b(?:di|ke|bertempat\s+di)\s+(?P<phrase>(?:(?:[A-Z][\w'’.-]*|\d{1,2})(?:,?\s+|$))+)")
_FOLLOW_UP = re.compile(FOLLOW_UP, _F)
_BACK_REFERENCE = re.compile(BACK_REFERENCE, _F)
_NOT_FUNDING_BEFORE = re.compile(NOT_FUNDING_BEFORE, _F)
_TIME_REFERENCE = re.compile(TIME_REFERENCE_BEFORE, _F)
_NOT_LAUNCH_BEFORE = re.compile(NOT_LAUNCH_BEFORE, _F)
_LAUNCH_WORD = re.compile(rf"\b(?:{LAUNCH_WORDS})\b", _F)
_PURPOSE = re.compile(PURPOSE_BEFORE, _F)
_POINTS_BACK = re.compile(POINTS_BACK_BEFORE, _F)
_PURPOSE_OF = re.compile(PURPOSE_AFTER, _F)
# A batch of a course: "Angkatan 1", "gelombang kedua", "batch II".
_BATCH = re.compile(
    r"\b(?:angkatan|gelombang|batch)\s+(?:\d+|[IVX]+\b|pertama|kedua|ketiga|keempat|kelima|terakhir)", _F
)
# Every facility runs ILP, told without a number: "seluruh puskesmas sudah menerapkan ILP", "seluruhnya telah ...".
_ALL_RUN_ILP = re.compile(
    r"\b(?:seluruh|semua)(?:nya|\s+(?:puskesmas|pustu|posyandu|poskesdes)\b)[^.;]{0,60}?\b(?:sudah|telah)\s+"
    r"(?:menerapkan|menjalankan|melaksanakan|mengimplementasikan)\s+(?:(?-i:ILP)|integrasi\s+(?:layanan|pelayanan))",
    _F,
)
_ANAPHORIC_REGION = re.compile(r"\b(?:kabupaten|kota|daerah|wilayah|provinsi)\s+(?:itu|tersebut|ini)\b", _F)
_DECREE_YEAR = re.compile(
    r"\b(?:nomor|no\.?)\s*(?:[\w./-]+\s+tahun\s+(?P<y>(?:19|20)\d{2})\b|[\w.-]+(?:/[\w.-]+)*/(?P<y2>(?:19|20)\d{2})\b)",
    _F,
)


# Money words that need the sentence to be about ILP or dated: budgets are named for much else.
_WEAK_MONEY = frozenset({"anggaran", "dak", "bok", "apbd", "apbn", "apbdes", "apbnagari", "apbk"})


def is_about_ilp(text: str) -> bool:
    """An article is about ILP when it names ILP or integrated primary care at least once."""
    return _ILP.search(text) is not None


def extract_events(
    text: str,
    sentences: Sequence[tuple[int, int]],
    dates: Sequence[DateMention],
    counts: Sequence[FacilityCount],
    locations: LocationResult,
    people: Sequence[Person] = (),
    published: str | None = None,
) -> list[Event]:
    events: list[Event] = []
    earlier_events: list[Event] = []  # named apart from the event they are told beside: kept apart from merging
    for i, (s_start, s_end) in enumerate(sentences):
        sentence = text[s_start:s_end]
        dated = any(s_start <= d.char_start < s_end for d in dates)
        follow = None if dated else _follow_up(text, sentences, i, dates)
        found = _triggers(sentence, dated or follow is not None, {e.event_type for e in events})
        sent_counts = [i for i, c in enumerate(counts) if s_start <= c.char_start < s_end]
        # A coverage figure: facilities that run ILP, or a count set against its total or a percent.
        implementing = any(counts[i].status == "implementing" for i in sent_counts) or bool(
            _ALL_RUN_ILP.search(sentence)  # "seluruh puskesmas di Basel sudah menerapkan ILP": all of them
        )
        if (
            implementing
            and "coverage_report" not in found
            and not ("launch" in found and _LAUNCH_WORD.search(sentence))
        ):
            found["coverage_report"] = None
        if any(counts[i].status == "pilot" for i in sent_counts) and not found:
            # "tiga Puskesmas telah ditetapkan sebagai model ILP": pilots named, in a sentence that reports no
            # activity (pilots that an activity is for, "bimtek bagi lima puskesmas percontohan", are not named there)
            found["pilot_designation"] = None
        since = _since_date(text, dates, s_start, s_end) if implementing and "launch" not in found else None
        if not found:
            continue
        spans = _event_dates(dates, s_start, s_end, text) or _decree_year(sentence)
        facility = _facility(sentence, s_start, locations)
        region = _region(sentence, s_start, s_end, locations)
        if _ANAPHORIC_REGION.search(sentence) and i > 0 and not _own_region(s_start, s_end, locations):
            region = _region(text[sentences[i - 1][0] : sentences[i - 1][1]], *sentences[i - 1], locations)
        referenced = {
            (d.start, d.end)
            for d in dates
            if s_start <= d.char_start < s_end and _REFERENCED_EVENT_BEFORE.search(text, s_start, d.char_start)
        }
        if referenced and len(referenced) < len(spans):  # "Sebelum peluncuran hari ini, ...": that day is the launch's
            spans = [sp for sp in spans if sp not in referenced]
        earlier = _earlier_one(text, dates, s_start, s_end)
        if earlier is not None:  # that date is the earlier one's, not this sentence's event's
            spans = [sp for sp in spans if sp != (earlier[0].start, earlier[0].end)]
        source = "sentence" if spans else None
        if follow is None and spans and all(len(a) < 10 for a, _ in spans) and set(found) & set(_ACTIVITY_TYPES):
            # "Launching ... ILP tahun 2024. Kegiatan berlangsung ... Senin 12 Agustus 2024": the day within it
            finer = _follow_up(text, sentences, i, dates, forward_only=True)
            finer_spans = _event_dates(dates, *finer, text) if finer else []
            if finer_spans and all(any(_contains(c, f) for c in spans) for f in finer_spans):
                follow = finer
        if follow is not None:  # the date (and place) the next sentence gives this activity
            f_start, f_end = follow
            spans = _event_dates(dates, f_start, f_end, text)
            source = "follow_up"
            facility = facility or _facility(text[f_start:f_end], f_start, locations)
            venue = _venue_region(text[f_start:f_end], f_start, locations)
            region = venue or region  # "Kegiatan berlangsung di Banjarbaru, Senin (29/9/2025)": held there
        actors = tuple(
            dict.fromkeys(
                [m.group().strip() for m in _ORG.finditer(sentence)]
                + [p.name for p in people if s_start <= p.char_start < s_end]
            )
        )
        at_this = partial(  # what every event this sentence reports shares
            Event,
            evidence=sentence,
            char_start=s_start,
            char_end=s_end,
            facility=facility.name if facility else None,
            facility_type=facility.type if facility else None,
            location_code=region,
            actors=actors,
        )
        for event_type in found:
            belongs = tuple(
                i
                for i in sent_counts
                if event_type in ("coverage_report", "pilot_designation")
                or counts[i].status == "participating"
                or (event_type == "launch" and counts[i].status == "implementing")  # "diluncurkan di 35 puskesmas"
            )
            # A coverage figure is as of one date: the first the sentence gives ("Per April 2025 ... sejak 2024").
            type_spans = spans[:1] if event_type == "coverage_report" else spans
            at = found[event_type]
            if at is not None and source == "sentence" and len(type_spans) > 1:
                others = [p for t, p in found.items() if t != event_type and p is not None]
                type_spans = _own_clause_spans(text, dates, (s_start, s_end), at, others, type_spans) or type_spans
            for start, end in type_spans or [(None, None)]:
                events.append(
                    at_this(
                        event_type=event_type,
                        start=start,
                        end=end,
                        counts=belongs,
                        date_source=source if start else None,
                    )
                )
        if earlier is not None:  # "... kabupaten kedua yang dimonev setelah Boven Digoel pada awal September"
            date, (n_start, n_end) = earlier
            other = _facility(text[n_start:n_end], n_start, locations)
            for event_type in found:
                if event_type in _ACTIVITY_TYPES:
                    earlier_events.append(
                        at_this(
                            event_type=event_type,
                            start=date.start,
                            end=date.end,
                            date_source="sentence",
                            facility=other.name if other else None,
                            facility_type=other.type if other else None,
                            location_code=_region(text[n_start:n_end], n_start, n_end, locations),
                        )
                    )
        if since is not None:  # "sudah menjalankan ILP sejak Oktober 2024": it started then
            events.append(at_this(event_type="launch", start=since.start, end=since.end, date_source="sentence"))
    merged = _merge(events)
    told = {(e.event_type, e.start, e.end) for e in merged}
    merged += [e for e in earlier_events if (e.event_type, e.start, e.end) not in told]
    return _with_reported_day(merged, dates, published, text)


def _triggers(sentence: str, dated: bool, reported: set[str] | frozenset[str] = frozenset()) -> dict[str, int | None]:
    """Event types this sentence reports, each with where its word stands (None: no word of its own);
    `reported`: the types earlier sentences reported."""
    found: dict[str, int | None] = {}
    referenced: set[str] = set()  # "Sebelum peluncuran, ...": a time reference to another event
    verbs = [v.span() for v in _VERB.finditer(sentence)]
    money = [m.start() for m in _STATEMENT["funding"].finditer(sentence)]
    for event_type, rx in _ACTIVITY.items():
        for m in rx.finditer(sentence):
            if _DEMONSTRATIVE.match(sentence, m.end()):
                continue  # "studi banding ini": the one already reported
            if any(p < m.start() and _PURPOSE.search(sentence, p, m.start()) for p in money):
                continue  # "hibah ... dipakai untuk orientasi": what the money is for
            if event_type in reported and (
                _POINTS_BACK.search(sentence[max(0, m.start() - 24) : m.start()])
                or _PURPOSE_OF.match(sentence, m.end())
            ):
                continue  # "dipilih sebagai tempat launching", "monev dilakukan untuk ...": the one already reported
            if _TIME_REFERENCE.search(sentence[max(0, m.start() - 12) : m.start()]):
                referenced.add(event_type)
                continue
            if (
                event_type == "launch"
                and "mulai" in m.group().lower()
                and _NOT_LAUNCH_BEFORE.search(sentence[max(0, m.start() - 50) : m.start()])
            ):
                continue  # "persiapan ... sudah dimulai": the preparation started, not ILP
            # The anchor must be more than the trigger itself ("berbagi pengalaman" is not held by "berbagi").
            anchored = dated or _has_date_shape(sentence) or _ILP.search(sentence)
            if anchored or any(e <= m.start() or s >= m.end() for s, e in verbs):
                found[event_type] = m.start()
                break
    for event_type, rx in _STATEMENT.items():
        matches = [
            m
            for m in rx.finditer(sentence)
            if not _DEMONSTRATIVE.match(sentence, m.end())
            and not (
                event_type == "funding" and _NOT_FUNDING_BEFORE.search(sentence[max(0, m.start() - 30) : m.start()])
            )
        ]
        if not matches:
            continue
        # "anggaran" or an award needs the sentence to be about ILP or dated; "dana desa" does not.
        strong = any(event_type != "award" and m.group().lower() not in _WEAK_MONEY for m in matches)
        if strong or _ILP.search(sentence) or dated or _has_date_shape(sentence):
            found[event_type] = matches[0].start()
    if not found:  # the referenced event is the only one the sentence names: its date is that event's
        found = dict.fromkeys(t for t in _ACTIVITY if t in referenced)
    if not found and "training" in reported and _BATCH.search(sentence) and (dated or verbs):
        found["training"] = None  # "Angkatan 1 telah dilaksanakan pada 8-12 September": a batch of the training
    return found


def _follow_up(
    text: str, sentences: Sequence[tuple[int, int]], i: int, dates: Sequence[DateMention], forward_only: bool = False
) -> tuple[int, int] | None:
    """The next sentence, when it goes on about this sentence's activity and dates it; or the one after, when
    the next goes on about it too without a date ("Peluncuran itu dirangkaikan dengan ... Kegiatan
    berlangsung Selasa (16/7/2024)"); or the one before, when this sentence itself refers back to a dated
    activity ("Kunjungan itu sekaligus menandai peluncuran ILP")."""
    for j in (i + 1, i + 2):
        if j >= len(sentences):
            break
        f_start, f_end = sentences[j]
        if not _FOLLOW_UP.match(text, f_start, f_end):
            break
        if any(f_start <= d.char_start < f_end for d in dates):
            return f_start, f_end
    if forward_only:
        return None
    if i > 0 and (_FOLLOW_UP.match(text, *sentences[i]) or _BACK_REFERENCE.match(text, *sentences[i])):
        b_start, b_end = sentences[i - 1]
        if any(b_start <= d.char_start < b_end for d in dates):
            return b_start, b_end
    return None


_ACTIVITY_TYPES = tuple(ACTIVITY_TRIGGERS)  # activities, as against statements (designations, money, decrees)


def _with_reported_day(
    events: list[Event], dates: Sequence[DateMention], published: str | None, text: str
) -> list[Event]:
    """Activities with no date of their own take the day the article reports: a full date in the text
    within a week before the published date (most often a statement's "kata X, Jumat (7/11/2025)"), or,
    with no published date, the one day the article's statements are dated with."""
    days = [d for d in dates if d.start == d.end and len(d.start) == 10]
    if published:
        try:
            pub = dt.date.fromisoformat(published[:10])
        except ValueError:
            return events
        near = [d.start for d in days if pub - dt.timedelta(days=7) <= dt.date.fromisoformat(d.start) <= pub]
    else:
        said = {d.start for d in days if _SAID_ON.search(text, max(0, d.char_start - 60), d.char_start)}
        near = list(said) if len(said) == 1 else []
    if not near:
        return events
    day = max(near)
    dated_types = {(e.event_type, e.start) for e in events}
    out = []
    for e in events:
        if e.start is None and e.event_type in _ACTIVITY_TYPES and (e.event_type, day) not in dated_types:
            e = replace(e, start=day, end=day, date_source="reported")
        out.append(e)
    return out


_SINCE = re.compile(r"\bsejak\s+$", _F)
_REFERENCED_EVENT_BEFORE = re.compile(REFERENCED_EVENT_BEFORE, _F)
# A statement's day: "katanya, Kamis (16/11/2023)", "ujar Rina di Bangka, Kamis (16/11/2023)".
_SAID_ON = re.compile(
    rf"\b(?:{'|'.join(sorted(SPEECH_VERBS, key=len, reverse=True))})\b[^.!?\n]{{0,40}},\s*{WEEKDAY}?\s*\(?$", _F
)
# "X menjadi puskesmas kedua yang meluncurkan ILP, setelah Puskesmas Betun pada awal Mei": the date is the
# same kind of event, earlier, at the place named after "setelah".
_EARLIER_ONE = re.compile(
    r"\b(?:kedua|ketiga|keempat|kelima|berikutnya|selanjutnya)\b[^.;]{0,100}?\bsetelah\s+"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+(?:pada\s+)?(?:(?:awal|akhir|pertengahan)\s+)?$"
)


def _earlier_one(
    text: str, dates: Sequence[DateMention], s_start: int, s_end: int
) -> tuple[DateMention, tuple[int, int]] | None:
    """A date in the sentence that belongs to an earlier event of the kind it reports, and where that event's
    place is named."""
    for d in dates:
        if s_start <= d.char_start < s_end and (m := _EARLIER_ONE.search(text, s_start, d.char_start)):
            return d, m.span("name")
    return None


def _since_date(text: str, dates: Sequence[DateMention], s_start: int, s_end: int) -> DateMention | None:
    """The date a coverage sentence says running ILP began at ("sejak Oktober 2024"), if it gives one."""
    for d in dates:
        if s_start <= d.char_start < s_end and (
            _SINCE.search(text, max(0, d.char_start - 8), d.char_start) or d.text.lower().startswith("sejak")
        ):
            return d
    return None


def _own_region(s_start: int, s_end: int, locations: LocationResult) -> bool:
    return any(m.code and not m.dateline and s_start <= m.char_start < s_end for m in locations.mentions)


def _has_date_shape(sentence: str) -> bool:
    return re.search(r"\b(?:19|20)\d{2}\b", sentence) is not None


def _event_dates(dates: Sequence[DateMention], s_start: int, s_end: int, text: str) -> list[tuple[str, str]]:
    inside = [d for d in dates if s_start <= d.char_start < s_end and not _goal_date(text, s_start, d)]
    if any(len(d.start) > 4 for d in inside):
        # "Bimtek ILP Tahun 2024 digelar 3 Januari 2025": a year in the activity's name is not its date.
        inside = [d for d in inside if not (len(d.start) == 4 and d.text.startswith("Tahun"))]
    spans = list(dict.fromkeys((d.start, d.end) for d in inside))
    # Drop a coarser date that a finer one contains ("tahun 2024" beside "24-25 April 2024").
    return [s for s in spans if not any(o != s and _contains(s, o) for o in spans)]


# Where one clause ends and another with its own verb begins: ", dan disosialisasikan ...", "; ", "sedangkan".
_CLAUSE_JOIN = another_clause_pattern()


def _own_clause_spans(
    text: str,
    dates: Sequence[DateMention],
    bounds: tuple[int, int],
    at: int,
    others: list[int],
    spans: list[tuple[str, str]],
) -> list[tuple[str, str]]:
    """Leave out the dates of a clause that another event's word governs ("tertuang dalam SK ... pada Maret
    2025, dan disosialisasikan ... Rabu (21/5/2025)": the decree is of March). A clause without a word of its
    own keeps its date ("..., sedangkan ILP seluruh desa pada 8 Januari 2024": the launch again)."""
    s_start, s_end = bounds
    cuts = [s_start, *(m.start() for m in _CLAUSE_JOIN.finditer(text, s_start, s_end)), s_end]
    clauses = list(zip(cuts, cuts[1:], strict=False))
    taken = [
        (lo, hi) for lo, hi in clauses if not lo <= s_start + at < hi and any(lo <= s_start + o < hi for o in others)
    ]
    foreign = {(d.start, d.end) for d in dates if any(lo <= d.char_start < hi for lo, hi in taken)}
    return [s for s in spans if s not in foreign]


_CLAUSE_MARK = re.compile(r"[,;:]")
_AIM = re.compile(r"\b(?:target(?:kan|nya)?|ditargetkan|menargetkan|paling\s+lambat)\b", _F)


def _goal_date(text: str, s_start: int, date: DateMention) -> bool:
    """Whether a date is what a target aims at, in its own clause ("ditargetkan menerapkan ILP pada 2025",
    "Target 33 Puskesmas ... Tahun Depan"): the goal's date, not the day of an event."""
    clause_start = max((m.end() for m in _CLAUSE_MARK.finditer(text, s_start, date.char_start)), default=s_start)
    return _AIM.search(text, clause_start, date.char_start) is not None


def _contains(coarse: tuple[str, str], fine: tuple[str, str]) -> bool:
    return len(coarse[0]) < len(fine[0]) and fine[0].startswith(coarse[0]) and fine[1].startswith(coarse[1])


def _decree_year(sentence: str) -> list[tuple[str, str]]:
    """A decree's year: "Nomor 84 Tahun 2026", "Nomor HK.01.07/MENKES/2015/2023"."""
    m = _DECREE_YEAR.search(sentence)
    year = m and (m["y"] or m["y2"])
    return [(year, year)] if year else []


def _place_phrases(sentence: str) -> list[tuple[int, int]]:
    return [m.span("phrase") for m in _PLACE_PHRASE.finditer(sentence)]


def _facility(sentence: str, offset: int, locations: LocationResult) -> Mention | None:
    facilities = locations.facilities_in(offset, offset + len(sentence))
    if not facilities:
        return None
    phrases = _place_phrases(sentence)
    for f in facilities:
        rel = f.char_start - offset
        if any(s <= rel < e for s, e in phrases):
            return f
    return facilities[0]


def _region(sentence: str, s_start: int, s_end: int, locations: LocationResult) -> str | None:
    """Where the sentence says something is held, else the most specific region it names, else the article's."""
    admin = [m for m in locations.mentions if m.code and not m.dateline and s_start <= m.char_start < s_end]
    return (
        _venue_region(sentence, s_start, locations)
        or (max(admin, key=lambda m: m.code.count(".")).code if admin else None)
        or locations.region_in(s_start, s_end)
        or locations.main_region
    )


def _venue_region(sentence: str, s_start: int, locations: LocationResult) -> str | None:
    """The region a sentence says something is held in ("di Banjarbaru"), if it names one so."""
    phrases = _place_phrases(sentence)
    admin = [
        m
        for m in locations.mentions
        if m.code and not m.dateline and any(s <= m.char_start - s_start < e for s, e in phrases)
    ]
    return max(admin, key=lambda m: m.code.count(".")).code if admin else None


def _merge_key(e: Event) -> tuple[str, str | None]:
    """What makes two mentions one event, dates apart: their type; for coverage also the regency, since the
    figures of different regencies are different reports ("23 of 34 in Deli Serdang", "8 of 20 in Sergai"),
    while a village's or a puskesmas's figure inside one is part of its report."""
    if e.event_type != "coverage_report" or not e.location_code:
        return e.event_type, None
    return e.event_type, ".".join(e.location_code.split(".")[:2])


def _merge(events: list[Event]) -> list[Event]:
    """One event per (type, dates); an undated mention joins a dated event of its type.

    The undated mention may name what the dated one leaves out ("Puskesmas X meraih penghargaan."
    then "Penghargaan diserahkan di Denpasar, Kamis (10/10/2024)."): its facility, and that
    facility's region, complete the dated event.
    """
    out: list[Event] = []
    index: dict[tuple[str, str | None, str | None, str | None], int] = {}
    for e in events:
        # One coverage report per regency: its first dated figure stands for the others.
        key = (*_merge_key(e), None, None) if e.event_type == "coverage_report" else (*_merge_key(e), e.start, e.end)
        if e.event_type == "coverage_report" and key in index and out[index[key]].start is None and e.start:
            out[index[key]] = replace(e, facility=e.facility or out[index[key]].facility)
            continue
        if key not in index:
            index[key] = len(out)
            out.append(e)
        elif out[index[key]].facility is None and e.facility is not None:
            out[index[key]] = _with_facility_of(out[index[key]], e)

    dated = {_merge_key(e): i for i, e in enumerate(out) if e.start}
    merged: list[int] = []
    for i, e in enumerate(out):
        if e.start is None and _merge_key(e) in dated:
            target = out[dated[_merge_key(e)]]
            if target.facility is None and e.facility is not None:
                out[dated[_merge_key(e)]] = _with_facility_of(target, e)
            continue
        merged.append(i)
    kept = [out[i] for i in merged]
    # "meluncurkan ILP tahun 2025" and "Peluncuran ... Senin (20/1/2025)": one launch, on the finer date.
    return [
        e
        for e in kept
        if not (
            e.start
            and e.event_type != "coverage_report"
            and any(
                o.event_type == e.event_type
                and o.start
                and (
                    _contains((e.start, e.end or e.start), (o.start, o.end or o.start))
                    or _day_within(e, o)  # "Selasa (10/6/2025)" beside "10-12 Juni 2025": its first day
                )
                for o in kept
            )
        )
    ]


def _day_within(day: Event, span: Event) -> bool:
    """A one-day date inside another's range of a fortnight or less."""
    if not (day.start and day.start == day.end and len(day.start) == 10 and span.start and span.end):
        return False
    if len(span.start) != 10 or len(span.end) != 10 or span.start == span.end:
        return False
    try:
        first, last = dt.date.fromisoformat(span.start), dt.date.fromisoformat(span.end)
    except ValueError:
        return False
    return (last - first).days <= 14 and span.start <= day.start <= span.end


def _with_facility_of(event: Event, other: Event) -> Event:
    return replace(event, facility=other.facility, facility_type=other.facility_type, location_code=other.location_code)
