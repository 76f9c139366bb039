"""Numbers of health facilities: count, type, status, the total it is part of, its percent.

One entry per mention: "dua Puskesmas Pembantu (pustu)", "24 Posyandu", "sebanyak 43 di antaranya"
(the type carried from earlier in the sentence). Numbers inside names ("Puskesmas Ketapang 2")
and "salah satu" are not counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from extractors.counts.patterns import (
    ASPECT_COMPLEMENTS,
    COUNTERS,
    FACILITY_TERMS,
    NOT_FACILITY_UNITS,
    STAFF_NOUNS,
    STATUS_CUES,
    WEAK_CUES,
)
from extractors.models import FacilityCount
from extractors.numbers import NUMBER, parse_number

__all__ = ["extract_counts"]

_F = re.IGNORECASE
_FACILITY = "|".join(f"(?P<f{i}>{rx})" for i, (rx, _) in enumerate(FACILITY_TERMS))
_NUMBER_THEN_FACILITY = re.compile(
    rf"\b(?P<num>{NUMBER})\s+(?:{COUNTERS}\s+)?(?:(?:jaringan|fasilitas|fasyankes|UPTD?|wilayah\s+kerja)\s+)?"
    rf"(?:{_FACILITY})(?:nya)?\b",  # "seluruh 30 puskesmasnya"
    _F,
)
_FACILITY_THEN_NUMBER = re.compile(
    # "posyandu ILP di Pasaman Barat saat ini berjumlah 150 unit", "semua pustu di Karimun, sebanyak 48 unit"
    rf"\b(?:{_FACILITY})(?:\s+ILP)?(?:\s+di\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}}\s*,?)?"
    rf"\s+(?:(?:yang\s+\w+\s+|(?:ILP|aktif|terintegrasi|kami|kita|kita\s+ada|saat\s+ini|kini|sekarang)\s+){{0,2}}"
    rf"(?:sebanyak|berjumlah|mencapai|sejumlah|ada|tercatat)\s+(?P<num>{NUMBER})"
    rf"(?:\s+{COUNTERS})?|(?P<num2>{NUMBER})\s+{COUNTERS})\b(?!\s+(?:{NOT_FACILITY_UNITS})\b)",
    _F,
)
# "seluruh puskesmas (19)", "semua puskesmas kecamatan (10 unit)": all of them, with their number in brackets.
_ALL_WITH_NUMBER = re.compile(
    rf"\b(?:seluruh|semua)\s+(?:{_FACILITY})(?:\s+[a-z]+)?\s*\(\s*(?P<num>{NUMBER})(?:\s+{COUNTERS})?\s*\)", _F
)
# "sebanyak 43 di antaranya", "56 unit di antaranya", "dua lainnya": a number that leaves out the facility it counts.
_ANAPHOR = re.compile(
    rf"\b(?:sebanyak\s+|sekitar\s+)?(?P<num>{NUMBER})\s+(?:{COUNTERS}\s+)?"
    r"(?P<ref>di\s*antaranya|diantaranya|lainnya)\b",
    _F,
)
_FACILITY_WORD = re.compile(rf"\b(?:{_FACILITY})(?:nya)?\b", _F)
# "Dari 112 pustu, baru 64 ...", "Untuk pustu, baru 21 yang ...": the facilities a following subset is drawn from.
_TOPIC = re.compile(
    rf"\b(?:dari\s+(?:jumlah\s+|total\s+)?|untuk\s+|(?:di\s+)?(?:tingkat|level|jenjang)\s+)(?:{_FACILITY})\b"
    r"(?:\s+(?:itu|tersebut|ini))?",
    _F,
)  # also "Di tingkat pustu, baru 24 unit yang ..."
# "ditambah 15 UPTD, sehingga ...": a puskesmas named by its office alone.
_BARE_UPTD = re.compile(rf"\b(?P<num>{NUMBER})\s+UPTD\b(?!\s+[A-Za-z])")
_PUSKESMAS_WORD = re.compile(r"\bpuskesmas\b", _F)
# "Dari 97 pustu tersebut, baru 35 yang ...": a number that picks up the facility of a "dari N" just before.
_SUBSET = re.compile(
    rf"(?:\b(?:(?:sekarang|kini|saat\s+ini)\s+)?(?:baru|hanya|tinggal|sebanyak|sekitar|sekarang|kini|sudah|telah)\s+"
    rf"|,\s*)(?P<num>{NUMBER})\s+(?:unit\s+)?"
    r"(?:atau\s+(?:sekitar\s+)?\d{1,3}(?:[.,]\d+)?\s*(?:persen|%)\s+)?"  # "baru 64 atau 57 persen yang ..."
    r"(?:yang|sudah|telah|baru|masih|belum|kami|kita|dipilih|terpilih|ditetapkan|ditunjuk)\b",  # "dua kami pilih"
    _F,
)
# "43 pustu tersebut": the same facilities again; the count keeps the status they were given before.
_REFERS_BACK = re.compile(r"\s+(?:tersebut|itu|ini)\b", _F)
# "terdapat 41 pustu dan 212 posyandu yang ikut menerapkan ...": a relative clause right after a count (or a
# list of counts) says what the counted facilities do, ahead of a verb of existence before them.
_RELATIVE_CLAUSE = re.compile(
    r"(?:\s+(?:di\s+[\w\s-]{1,30}?\s+)?yang\s+|\s*,?\s+(?:dan\s+)?(?:yang\s+)?seluruhnya\s+)(?P<clause>[^,;:.]{1,80})",
    _F,
)
# "Dari jumlah itu, sebanyak 702 posyandu ...": a count out of a total already given.
_OUT_OF_THAT = re.compile(r"\bdari\s+(?:jumlah|total)\s+(?:itu|tersebut)\b", _F)
_ALL_BEFORE = re.compile(r"\b(?:seluruh|semua)\s+$", _F)
_STAFF_FROM = re.compile(
    rf"\b(?:{STAFF_NOUNS})\s+(?:(?:{_FACILITY})\s+)?(?:yang\s+)?(?:berasal\s+)?dari\s+$", _F
)  # "kader posyandu dari 12 puskesmas"
# "dari 152 pustu", "Dari total 152", "Dari sekitar 150 puskesmas": a total the next count is part of.
_DARI_LEAD = re.compile(r"\bdari\s+(?:(?:total|sekitar|sebanyak|seluruh|keseluruhan)\s+)*$", _F)
# "12 puskesmas di Mimika, sembilan di Nabire dan enam di Paniai": counts that leave the noun out.
_AT_PLACE = re.compile(r"\s*di\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_ELLIPTIC = re.compile(rf"\s*(?:,\s*(?:dan\s+)?|\s+dan\s+)(?P<num>{NUMBER})\s+(?=di\s+[A-Z])", _F)
_OTHER_NOUN_BEFORE = re.compile(
    r"\b(?P<noun>puskesmas|pustu|posyandu|desa|kabupaten|kecamatan|daerah|distrik|kelurahan|nagari|gampong)\s+$", _F
)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:dan|serta)?|dan|serta|&)\s*", _F)
_CUES = [(status, re.compile(rf"\b(?:{rx})\b", _F)) for status, rx in STATUS_CUES.items()]
# Punctuation, and the conjunctions that open a clause of result or purpose ("... 20 puskesmas sehingga diharapkan").
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:sehingga|agar|supaya|karena)\b", _F)
# A second predicate joined after the count: "dimulai dari lima puskesmas dan akan dilanjutkan ke 22 lainnya".
_NEXT_PREDICATE = re.compile(r"\b(?:dan|serta|lalu|kemudian)\s+$", _F)
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


ROLLOUT_STATUSES = ("implementing", "pilot", "target")


def outside_the_rollout(counts: list[FacilityCount]) -> list[FacilityCount]:
    """Counts of an article not about ILP: "implementing", "pilot" and "target" describe a facility's place in
    the ILP rollout, which such an article does not report ("baru 10 puskesmas memiliki gedung baru, 15 lainnya
    menyusul" is no rollout target), so they become "unspecified"; "total" and "participating" stand."""
    return [replace(c, status="unspecified") if c.status in ROLLOUT_STATUSES else c for c in counts]


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
        carried = out[-1].facility_type if out and out[-1].char_end >= s_start - 200 else None
        for count in _counts_in_sentence(sentence, s_start, region, carried):
            if _REFERS_BACK.match(text, count.char_end) and not _STAFF_FROM.search(
                text, max(0, count.char_start - 40), count.char_start
            ):  # staff "dari 20 puskesmas tersebut" took part, whatever those were given before
                earlier = [c for c in out if (c.facility_type, c.count) == (count.facility_type, count.count)]
                if earlier and earlier[-1].status != "unspecified":
                    count = replace(count, status=earlier[-1].status)
            out.append(count)
    return out


def _counts_in_sentence(
    sentence: str, offset: int, region: str | None, carried: str | None = None
) -> list[FacilityCount]:
    """`carried`: the facility type of the count just before this sentence, for a sentence that opens
    with "Sebanyak 11 di antaranya ..." about it."""
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
    for m in _ALL_WITH_NUMBER.finditer(sentence):
        value = parse_number(m["num"])
        if value is not None and free(m.start(), m.end()):
            hits.append((m.start(), m.end(), value, _facility_type(m), m.start("num"), m.end("num")))
    # The part before "dari": "210 dari 2.270 posyandu" counts 210 posyandu too.
    for m in _PARTITIVE.finditer(sentence):
        value = parse_number(m["num"])
        if value is not None and free(*m.span("num")):
            hits.append((m.start("num"), m.end("num"), value, _facility_type(m), m.start("num"), m.end("num")))
    for m in _ANAPHOR.finditer(sentence):
        value = parse_number(m["num"])
        before = [h for h in hits if h[1] <= m.start()]
        kind = before[-1][3] if before else (carried if m.start() < 3 else None)
        if kind is None and m["ref"].lower() != "lainnya":  # "seluruh puskesmas ..., dan empat di antaranya"
            named = list(_FACILITY_WORD.finditer(sentence, 0, m.start()))
            kind = _facility_type(named[-1]) if named else None
        if value is None or kind is None or not free(*m.span()):
            continue
        hits.append((m.start(), m.end(), value, kind, m.start("num"), m.end("num")))
    for m in _SUBSET.finditer(sentence):
        value = parse_number(m["num"])
        if value is None or not free(*m.span("num")):
            continue
        before = [h for h in hits if h[1] <= m.start() and m.start() - h[1] < 40]
        lead = sentence[max(0, before[-1][0] - 24) : before[-1][0]] if before else ""
        if before and _DARI_LEAD.search(lead):
            kind = before[-1][3]
        else:
            topics = [t for t in _TOPIC.finditer(sentence, 0, m.start()) if m.start() - t.end() < 40]
            if not topics or any(h[0] >= topics[-1].start() for h in hits if h[1] <= m.start()):
                continue
            kind = _facility_type(topics[-1])
        hits.append((m.start("num"), m.end("num"), value, kind, m.start("num"), m.end("num")))
    for m in _BARE_UPTD.finditer(sentence):
        value = parse_number(m["num"])
        about_puskesmas = carried == "puskesmas" or _PUSKESMAS_WORD.search(sentence)
        if value is not None and about_puskesmas and free(*m.span()):
            hits.append((m.start(), m.end(), value, "puskesmas", m.start("num"), m.end("num")))
    for h in sorted(hits):
        place = _AT_PLACE.match(sentence, h[1])
        if place is None:
            continue
        pos = place.end()
        while (m := _ELLIPTIC.match(sentence, pos)) is not None:
            value = parse_number(m["num"])
            if value is None or not free(*m.span("num")):
                break
            hits.append((m.start("num"), m.end("num"), value, h[3], m.start("num"), m.end("num")))
            nxt = _AT_PLACE.match(sentence, m.end())
            pos = nxt.end() if nxt else m.end()
    hits.sort()
    totals = [_of_total(sentence, start, end, value, kind, hits) for start, end, value, kind, *_ in hits]
    lists = _list_spans(sentence, hits)
    counts = []
    for i, ((start, end, value, kind, _num_start, _num_end), of_total) in enumerate(zip(hits, totals, strict=True)):
        is_linked_total = any(t == value for t in totals if t is not None)
        list_start, list_end = lists[i]
        clause = _RELATIVE_CLAUSE.match(sentence, list_end)
        clause_status = _clause_status(clause["clause"]) if clause else None
        if is_linked_total:
            status = "total"
        elif clause_status:
            status = clause_status
        else:
            part = of_total is not None or bool(_OUT_OF_THAT.search(sentence, 0, list_start))
            # "ke 23 puskesmas yang belum menerapkan ILP": what they do not do tells nothing of their status.
            negated = clause.span("clause") if clause and _NEGATED.match(clause["clause"]) else None
            status = _status(sentence, list_start, list_end, part_of_total=part, kind=kind, ignore=negated)
            if status == "unspecified" and _ALL_BEFORE.search(sentence, max(0, list_start - 10), list_start):
                status = "total"  # "meminta seluruh 34 puskesmas ...": all the facilities there are
            if status in ("unspecified", "total") and _FACILITY_ILP.search(sentence, start, end):
                status = "implementing"  # "posyandu ILP di Pasaman Barat saat ini berjumlah 150 unit"
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


def _list_spans(sentence: str, hits: list[tuple[int, int, int, str, int, int]]) -> list[tuple[int, int]]:
    """For each count, where the list of counts it belongs to starts and ends ("17 puskesmas, 51 pustu dan
    298 posyandu"): the members of a list share one verb, so they share one status."""

    def listed(a: int, b: int) -> bool:  # kinds differ: "152 pustu, sebanyak 43 di antaranya" is no list
        return hits[a][3] != hits[b][3] and bool(_LIST_GAP.fullmatch(sentence[hits[a][1] : hits[b][0]]))

    ends = [h[1] for h in hits]
    for i in range(len(hits) - 2, -1, -1):
        if listed(i, i + 1):
            ends[i] = ends[i + 1]
    starts = [h[4] for h in hits]
    for i in range(1, len(hits)):
        if listed(i - 1, i):
            starts[i] = starts[i - 1]
    return list(zip(starts, ends, strict=True))


_ASPECT = re.compile(r"sudah|telah", _F)
_NEGATED = re.compile(r"\s*(?:belum|tidak|tak)\b", _F)
_ILP_IN_CLAUSE = re.compile(ASPECT_COMPLEMENTS, _F)


def _bare_aspect(sentence: str, cue: re.Match[str]) -> bool:
    """Whether a cue is "sudah"/"telah" before a verb that says nothing of ILP: "telah menginstruksikan 21
    puskesmas ...", "sudah memenuhi standar" (an aspect marker is no status of its own)."""
    if not _ASPECT.fullmatch(cue.group()):
        return False
    clause_start = max((b.end() for b in _CLAUSE_BREAK.finditer(sentence, 0, cue.start())), default=0)
    rest = sentence[cue.end() :]
    clause = rest[: m.start()] if (m := _CLAUSE_BREAK.search(rest)) else rest
    if _ILP_IN_CLAUSE.search(sentence, clause_start, cue.end() + len(clause)):
        return False
    return not any(
        status == "implementing" and not _ASPECT.fullmatch(c.group())
        for status, rx in _CUES
        for c in rx.finditer(clause)
    )


def _pilot_of_another(sentence: str, cue_start: int, kind: str | None) -> bool:
    """Whether a pilot cue after a count belongs to another noun right before it ("pustu di wilayah kerja
    puskesmas lokus"); "12 posyandu sebagai posyandu percontohan" is the count's own."""
    noun = _OTHER_NOUN_BEFORE.search(sentence, 0, cue_start)
    return noun is not None and noun["noun"].lower() != kind


def _nearer_activity(
    cues: list[tuple[str, re.Match[str]]], target: re.Match[str], num_start: int, end: int, sentence: str
) -> bool:
    """Whether an activity word stands between a plan word and the count, in the same clause."""
    lo, hi = (target.end(), num_start) if target.end() <= num_start else (end, target.start())
    return any(
        status == "participating" and lo <= m.start() and m.end() <= hi and not _CLAUSE_BREAK.search(sentence, lo, hi)
        for status, m in cues
    )


def _clause_status(clause: str) -> str | None:
    """The status a relative clause gives, if it has a cue other than one of mere existence.

    A negated clause ("yang belum menerapkan ILP") says what the facilities do not do: no status from it.
    """
    if _NEGATED.match(clause):
        return None
    found = [
        (m.start(), status)
        for status, rx in _CUES
        if status != "total"
        for m in rx.finditer(clause)
        if m.group().lower() not in ("sudah", "telah")  # "yang usulannya sudah disetujui": no status of its own
    ]
    return min(found)[1] if found else None


def _is_not_a_count(sentence: str, num_start: int, num: str) -> bool:
    before = sentence[max(0, num_start - 12) : num_start].lower()
    if num.lower() == "satu" and before.rstrip().endswith("salah"):
        return True
    if re.search(r"(?:nomor|no\.?)\s*$", before):
        return True
    if re.search(r"\bke-\s*$", before) and not _FACILITY_NEXT.match(sentence, num_start + len(num)):
        return True  # "HKN ke-61", but "ke-12 puskesmas" is "the twelve puskesmas"
    # "pada tahun 2025 Puskesmas Bongomeme melatih ...": a year before a named puskesmas.
    if re.fullmatch(r"(?:19|20)\d{2}", num) and _BEFORE_A_YEAR.search(before):
        return True
    # "Puskesmas Ketapang 2 ..." : a digit right after a capitalised name word is part of the name.
    return bool(
        num.isdigit()
        and re.search(r"[A-Z][a-z]+\s+$", sentence[max(0, num_start - 20) : num_start])
        and re.search(
            r"(?:puskesmas|pustu|posyandu)\s+[A-Z][a-z]+\s+$", sentence[max(0, num_start - 40) : num_start], _F
        )
    )


_FACILITY_NEXT = re.compile(rf"\s+(?:{_FACILITY})\b", _F)
_BEFORE_A_YEAR = re.compile(r"\b(?:tahun|pada|sejak|hingga|sampai|akhir|awal)\s+$", _F)
_CLAUSE_OPENING_DARI = re.compile(r"(?:^|[,;:]\s*)[\W]*dari\s+(?:total\s+|sebanyak\s+|sekitar\s+|seluruh\s+)?$", _F)
_TARGET_RIGHT_BEFORE = re.compile(r"\b(?:target(?:nya)?|ditargetkan|menargetkan)\s+(?:sebanyak\s+|sekitar\s+)?$", _F)
_ILP_AFTER_FACILITY = re.compile(r"\s+ILP\b")
_FACILITY_ILP = re.compile(r"\b(?:puskesmas|pustu|posyandu|poskesdes)\s+ILP\b", _F)
_FACILITY_ILP_BEFORE = re.compile(
    r"\b(?:puskesmas|pustu|posyandu|poskesdes)\s+ILP\s+(?:(?:sebanyak|tercatat|berjumlah|mencapai|ada)\s+)?$", _F
)


def _status(
    sentence: str,
    num_start: int,
    end: int,
    part_of_total: bool = False,
    kind: str | None = None,
    ignore: tuple[int, int] | None = None,
) -> str:
    """A pilot cue anywhere wins, then a target cue in the count's own clause, then the nearest cue.

    Activity nouns ("rakor", "kunjungan") weigh less than verbs; a count that is part of a total
    ("1.402 dari total 1.530") is not itself the total.
    """
    before = sentence[:num_start]
    if re.search(r"\bdari\s+total\s+$", before[-14:], _F) or _CLAUSE_OPENING_DARI.search(before):
        return "total"  # "Dari 20 puskesmas, 12 sudah ...": the whole the next figure is part of
    if _TARGET_RIGHT_BEFORE.search(before):
        return "target"  # "melampaui target 14 puskesmas lokus"
    if _STAFF_FROM.search(before):
        return "participating"  # "kader dari 14 puskesmas telah mendapatkan pembekalan": they took part
    cues = [
        (status, m)
        for status, rx in _CUES
        for m in rx.finditer(sentence)
        if not _bare_aspect(sentence, m) and not (ignore and ignore[0] <= m.start() < ignore[1])
    ]
    best, best_score = "unspecified", 10**9
    if _ILP_AFTER_FACILITY.match(sentence, end) or _FACILITY_ILP_BEFORE.search(before):
        best, best_score = "implementing", 5  # "posyandu ILP sebanyak 45 unit", "312 posyandu ILP"
    for status, m in cues:
        if part_of_total and status == "total":
            continue
        if status == "pilot" and m.start() > end + 1 and _pilot_of_another(sentence, m.start(), kind):
            continue  # "19 pustu di wilayah kerja puskesmas lokus": the pilot is another facility
        if m.start() >= end:
            gap, distance = sentence[end : m.start()], m.start() - end
        elif m.end() <= num_start:
            gap, distance = sentence[m.end() : num_start], num_start - m.end()
        else:
            continue
        if _CONTRAST.search(gap):
            continue  # "..., sedangkan 12 pustu lainnya": the other clause's verb is not this count's
        breaks = len(_CLAUSE_BREAK.findall(gap))
        if m.start() >= end and status == "target" and _NEXT_PREDICATE.search(gap):
            breaks += 1
        if status == "target" and not breaks and _nearer_activity(cues, m, num_start, end, sentence):
            continue  # "akan menggelar supervisi ke 12 puskesmas": the plan is the activity's, they take part
        if status in ("pilot", "target") and not breaks:
            return status  # a pilot or a plan in the count's own clause decides it
        # A pilot cue elsewhere in the sentence still outweighs a nearer verb ("Puskesmas X jadi percontohan,
        # 12 puskesmas lain menyusul"), unless the count sits in another clause.
        score = (
            distance + 200 * breaks + (40 if _WEAK_CUE.fullmatch(m.group()) else 0) - (150 if status == "pilot" else 0)
        )
        if score < best_score:
            best, best_score = status, score
    return best


def _of_total(
    sentence: str, start: int, end: int, value: int, kind: str, hits: list[tuple[int, int, int, str, int, int]]
) -> int | None:
    """The total a count is part of: 'dari total 152 pustu, sebanyak 43', '43 dari 152 pustu',
    '42 pustu dari total 61 pustu'."""
    for s, e, other, other_kind, *_ in hits:
        if other_kind != kind or other <= value:
            continue
        between = sentence[e:start] if e <= start else sentence[start:s]
        lead = sentence[max(0, s - 24) : s]
        if e <= start and _DARI_LEAD.search(lead) and len(between) < 60:
            return other
        if s > start and re.fullmatch(r"\s*\S*\s*dari\s+(?:total\s+)?", sentence[start:s][-20:], _F):
            return other
        if s >= end and re.fullmatch(r"\s*dari\s+(?:total\s+|sebanyak\s+|seluruh\s+)?", sentence[end:s], _F):
            return other
    return None
