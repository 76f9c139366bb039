"""Numbers of health facilities: count, type, status, the total it is part of, its percent.

One entry per mention: "dua Puskesmas Pembantu (pustu)", "24 Posyandu", "sebanyak 43 di antaranya"
(the type carried from earlier in the sentence). Numbers inside names ("Puskesmas Ketapang 2")
and "salah satu" are not counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from extractors.counts.patterns import COUNTERS, FACILITY_TERMS, NOT_FACILITY_UNITS, STATUS_CUES, WEAK_CUES
from extractors.models import FacilityCount
from extractors.numbers import NUMBER, parse_number

__all__ = ["extract_counts"]

_F = re.IGNORECASE
_FACILITY = "|".join(f"(?P<f{i}>{rx})" for i, (rx, _) in enumerate(FACILITY_TERMS))
_NUMBER_THEN_FACILITY = re.compile(
    rf"\b(?P<num>{NUMBER})\s+(?:{COUNTERS}\s+)?(?:(?:jaringan|fasilitas|fasyankes|UPTD?)\s+)?(?:{_FACILITY})\b", _F
)
_FACILITY_THEN_NUMBER = re.compile(
    rf"\b(?:{_FACILITY})\s+(?:(?:yang\s+\w+\s+)?(?:sebanyak|berjumlah|mencapai|sejumlah|ada)\s+(?P<num>{NUMBER})"
    rf"(?:\s+{COUNTERS})?|(?P<num2>{NUMBER})\s+{COUNTERS})\b(?!\s+(?:{NOT_FACILITY_UNITS})\b)",
    _F,
)
_ANAPHOR = re.compile(rf"\b(?:sebanyak\s+|sekitar\s+)?(?P<num>{NUMBER})\s+(?:di\s*antaranya|diantaranya)\b", _F)
# "Dari 97 pustu tersebut, baru 35 yang ...": a number that picks up the facility of a "dari N" just before.
_SUBSET = re.compile(rf"\b(?:baru|hanya|tinggal|sebanyak|sekitar)\s+(?P<num>{NUMBER})\s+(?:unit\s+)?yang\b", _F)
_CUES = [(status, re.compile(rf"\b(?:{rx})\b", _F)) for status, rx in STATUS_CUES.items()]
_CLAUSE_BREAK = re.compile(r"[,;:]", _F)
_WEAK_CUE = re.compile(rf"(?:{WEAK_CUES})", _F)
_CONTRAST = re.compile(r"\b(?:sementara|sedangkan|namun|tetapi|adapun)\b", _F)
_PARTITIVE = re.compile(
    rf"\b(?P<num>{NUMBER})\s+(?:{COUNTERS}\s+)?dari\s+(?:total\s+|sebanyak\s+|seluruh\s+)?(?P<total>{NUMBER})"
    rf"\s+(?:{COUNTERS}\s+)?(?:{_FACILITY})\b",
    _F,
)
_PERCENT_NEAR = re.compile(
    r"[^.;]{0,45}?(?:\b(?:atau|sekitar|yakni|sebesar|mencapai)\s+|\(\s*)(?:sekitar\s+)?"
    r"(?P<pct>\d{1,3}(?:[.,]\d+)?)\s*(?:persen|%)",
    _F,
)


def _facility_type(m: re.Match[str]) -> str:
    for i, (_, kind) in enumerate(FACILITY_TERMS):
        if m.group(f"f{i}"):
            return kind
    raise ValueError("no facility group matched")


def extract_counts(
    text: str,
    sentences: list[tuple[int, int]],
    region_in: Callable[[int, int], str | None] | None = None,
    main_region: str | None = None,
) -> list[FacilityCount]:
    """Every stated number of health facilities, sentence by sentence."""
    out: list[FacilityCount] = []
    for s_start, s_end in sentences:
        sentence = text[s_start:s_end]
        region = (region_in(s_start, s_end) if region_in else None) or main_region
        out.extend(_counts_in_sentence(sentence, s_start, region))
    return out


def _counts_in_sentence(sentence: str, offset: int, region: str | None) -> list[FacilityCount]:
    hits: list[tuple[int, int, int, str, int, int]] = []  # start, end, count, type, num_start, num_end

    def free(start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e, *_ in hits)

    for rx in (_NUMBER_THEN_FACILITY, _FACILITY_THEN_NUMBER):
        for m in rx.finditer(sentence):
            group = "num" if m["num"] is not None else "num2"  # "posyandu sebanyak 412" / "posyandu 412 unit"
            value = parse_number(m[group])
            if value is None or _is_not_a_count(sentence, m.start(group), m[group]) or not free(*m.span()):
                continue
            hits.append((m.start(), m.end(), value, _facility_type(m), m.start(group), m.end(group)))
    # The part before "dari": "210 dari 2.270 posyandu" counts 210 posyandu too.
    for m in _PARTITIVE.finditer(sentence):
        value = parse_number(m["num"])
        if value is not None and free(*m.span("num")):
            hits.append((m.start("num"), m.end("num"), value, _facility_type(m), m.start("num"), m.end("num")))
    for m in _ANAPHOR.finditer(sentence):
        value = parse_number(m["num"])
        before = [h for h in hits if h[1] <= m.start()]
        if value is None or not before or not free(*m.span()):
            continue
        hits.append((m.start(), m.end(), value, before[-1][3], m.start("num"), m.end("num")))
    for m in _SUBSET.finditer(sentence):
        value = parse_number(m["num"])
        before = [h for h in hits if h[1] <= m.start() and m.start() - h[1] < 40]
        lead = sentence[max(0, before[-1][0] - 14) : before[-1][0]] if before else ""
        if (
            value is None
            or not before
            or not free(*m.span("num"))
            or not re.search(r"\bdari\s+(?:total\s+)?$", lead, _F)
        ):
            continue
        hits.append((m.start("num"), m.end("num"), value, before[-1][3], m.start("num"), m.end("num")))
    hits.sort()
    totals = [_of_total(sentence, start, value, kind, hits) for start, _, value, kind, *_ in hits]
    counts = []
    for (start, end, value, kind, num_start, _num_end), of_total in zip(hits, totals, strict=True):
        is_linked_total = any(t == value for t in totals if t is not None)
        status = "total" if is_linked_total else _status(sentence, num_start, end, part_of_total=of_total is not None)
        pct = _PERCENT_NEAR.match(sentence, end)
        if pct and not free(end, pct.start("pct")):
            pct = None
        counts.append(
            FacilityCount(
                facility_type=kind,
                count=value,
                status=status,
                text=sentence[start:end],
                char_start=offset + start,
                char_end=offset + end,
                of_total=of_total,
                percent=float(pct["pct"].replace(",", ".")) if pct else None,
                location_code=region,
                sentence=sentence,
            )
        )
    return counts


def _is_not_a_count(sentence: str, num_start: int, num: str) -> bool:
    before = sentence[max(0, num_start - 12) : num_start].lower()
    if num.lower() == "satu" and before.rstrip().endswith("salah"):
        return True
    if re.search(r"(?:nomor|no\.?|\bke-)\s*$", before):
        return True
    # "Puskesmas Ketapang 2 ..." : a digit right after a capitalised name word is part of the name.
    return bool(
        num.isdigit()
        and re.search(r"[A-Z][a-z]+\s+$", sentence[max(0, num_start - 20) : num_start])
        and re.search(
            r"(?:puskesmas|pustu|posyandu)\s+[A-Z][a-z]+\s+$", sentence[max(0, num_start - 40) : num_start], _F
        )
    )


def _status(sentence: str, num_start: int, end: int, part_of_total: bool = False) -> str:
    """A pilot cue anywhere wins, then a target cue in the count's own clause, then the nearest cue.

    Activity nouns ("rakor", "kunjungan") weigh less than verbs; a count that is part of a total
    ("1.402 dari total 1.530") is not itself the total.
    """
    if re.search(r"\bdari\s+total\s+$", sentence[max(0, num_start - 14) : num_start], _F):
        return "total"
    cues = [(status, m) for status, rx in _CUES for m in rx.finditer(sentence)]
    if any(status == "pilot" for status, _ in cues):
        return "pilot"
    best, best_score = "unspecified", 10**9
    for status, m in cues:
        if part_of_total and status == "total":
            continue
        if m.start() >= end:
            gap, distance = sentence[end : m.start()], m.start() - end
        elif m.end() <= num_start:
            gap, distance = sentence[m.end() : num_start], num_start - m.end()
        else:
            continue
        if _CONTRAST.search(gap):
            continue  # "..., sedangkan 12 pustu lainnya": the other clause's verb is not this count's
        breaks = len(_CLAUSE_BREAK.findall(gap))
        if status == "target" and not breaks:
            return "target"
        score = distance + 200 * breaks + (40 if _WEAK_CUE.fullmatch(m.group()) else 0)
        if score < best_score:
            best, best_score = status, score
    return best


def _of_total(
    sentence: str, start: int, value: int, kind: str, hits: list[tuple[int, int, int, str, int, int]]
) -> int | None:
    """The total a count is part of: 'dari total 152 pustu, sebanyak 43', '43 dari 152 pustu'."""
    for s, e, other, other_kind, *_ in hits:
        if other_kind != kind or other <= value:
            continue
        between = sentence[e:start] if e <= start else sentence[start:s]
        lead = sentence[max(0, s - 14) : s]
        if e <= start and re.search(r"\bdari\s+(?:total\s+)?$", lead, _F) and len(between) < 60:
            return other
        if s > start and re.fullmatch(r"\s*\S*\s*dari\s+(?:total\s+)?", sentence[start:s][-20:], _F):
            return other
    return None
