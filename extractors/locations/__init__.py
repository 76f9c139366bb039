"""Places an article names: Kemendagri regions with their codes, health facilities and venues.

Three passes: places introduced by a type word ("Kabupaten Kendal", "Puskesmas Ketapang 2",
"Gampong Krueweng"); bare region names and abbreviations ("Kendal", "Kotim", "KALTENG");
venues after "di". Kecamatan and desa codes resolve inside the article's kabupaten.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from extractors.dates.patterns import WEEKDAY
from extractors.lang import word_set
from extractors.locations.gazetteer import Region, get_gazetteer, norm_name, region_name_end
from extractors.locations.patterns import (
    ADMIN_TYPES,
    COUNTRIES,
    FACILITY_TYPES,
    NAME_STOPWORDS,
    OUTLET_AFTER,
    OUTLET_BEFORE,
    ROOM_BEFORE_HOTEL,
    TYPE_WORDS,
    VENUE_HEADS,
    VENUE_TAILS,
)
from extractors.models import Location
from extractors.numbers import NUMBER_WORDS
from extractors.people.lexicon import DEGREE_TOKENS, SPEECH_VERBS
from extractors.wordlists import common_words, is_everyday_word

__all__ = ["extract_locations", "LocationResult", "Mention"]

_TOKEN = r"(?:[A-Z][\w'’-]*|\d{1,2}\b(?![.,/]\d)|[IVX]{1,4}\b)"
_TYPED = re.compile(
    r"\b(?P<type>"
    + "|".join(f"(?:{p})" for p, _ in TYPE_WORDS)
    + r")(?![\w.])\.?[ ]+(?P<name>"
    + rf"{_TOKEN}(?:[ ]{_TOKEN})*)"
)
_TYPE_OF = [(re.compile(rf"^(?:{p})$"), t) for p, t in TYPE_WORDS]
_NON_SPACE = re.compile(r"\S+")
_CAP_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*)*")
_VENUE_WORD = r"(?:[A-Z][\w'’-]*|\d{1,2}\b|&)"
# "di Aula SMA Negeri 2 Waingapu", "di halaman Kantor Bupati Biak Numfor", "di Sewarna Manunggal Hotel".
_VENUE = re.compile(
    rf"\b(?:di|bertempat\s+di)\s+(?:(?:halaman|pelataran|lapangan|aula|gedung|ruang)\s+)?(?:{ROOM_BEFORE_HOTEL})?"
    rf"(?P<venue>(?:{VENUE_HEADS})(?:[ ]{_VENUE_WORD}){{1,8}}"
    rf"|[A-Z][\w'’-]*(?:[ ]{_VENUE_WORD}){{0,3}}[ ](?:{VENUE_TAILS})(?:[ ][A-Z][\w'’-]*)?"
    rf"|[A-Z]{{2,}}(?:[ ][A-Z]{{2,}})+)\b"
)
_VENUE_AFTER_VENUE = re.compile(rf",[ ]+(?P<venue>(?:{VENUE_HEADS})(?:[ ]{_VENUE_WORD}){{1,8}})\b")
_HONORIFIC = r"(?:dr|drs|drg|H|Hj|Prof|Ir|Moh|Muh|Mhd|M)\.?[ ]"
# "RSUD Ahmad Ripin", "RS Graha Bunda", "RSUD dr. H. Marsidi Judono": a hospital named, kept as written.
_HOSPITAL = re.compile(
    rf"\b(?:RSUD|RSU|RS|Rumah[ ]Sakit(?:[ ]Umum)?(?:[ ]Daerah)?)[ ](?:{_HONORIFIC})*"
    rf"[A-Z][\w'’-]*(?:[ ](?:[A-Z][\w'’-]*|{_HONORIFIC}))*(?<![ ])"
)


def _venue_spans(text: str) -> list[tuple[int, int]]:
    """Venues after "di"; a venue named next ("Ruang Rapat Mapalus, Kantor Bupati Minahasa Utara") is one too."""
    spans = []
    for m in _VENUE.finditer(text):
        spans.append(m.span("venue"))
        more = _VENUE_AFTER_VENUE.match(text, m.end("venue"))
        if more is not None:
            spans.append(more.span("venue"))
    return spans


_DEGREE_START = re.compile(
    r"\s*,?\s*(?:" + "|".join(re.escape(d) for d in sorted(DEGREE_TOKENS, key=len, reverse=True)) + r")(?![\w])"
)
# "SELONG (lensantb.id) -", "SIGI, SULTENG -", "Kaur –": the place a dateline opens with.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z'’.-]*(?:[ ][A-Z][A-Za-z'’.-]*){0,3})"
    r"(?:\s*,\s*(?P<sub>[A-Z][A-Za-z'’.-]*(?:[ ][A-Z][A-Za-z'’.-]*){0,3}))?"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:-{1,2}|–|—)\s",
    re.MULTILINE,
)
_DEGREE_SET = {d.rstrip(".") for d in DEGREE_TOKENS}
# Words that may stand before a bare region name without making it part of another name.
_CONTEXT_WORDS = (
    word_set("role_vocab")
    | word_set("role_heads")
    | word_set("place_slot_words")
    | word_set("not_names")
    | {"Pemkab", "Pemkot", "Pemprov", "Dinkes", "Kadinkes", "Sekda", "Bupati", "Gubernur", "Wali", "RSUD"}
    | {"Warga", "Masyarakat", "Rakyat", "Wilayah", "Kawasan", "Daerah"}
)
_NUMBER_BEFORE = re.compile(r"(?:\d+|" + NUMBER_WORDS + r")\s+$", re.IGNORECASE)
_SPEECH_AFTER = re.compile(r"\s+(?:" + "|".join(SPEECH_VERBS) + r")\b")


@dataclass(frozen=True)
class Mention:
    """One occurrence of a place in the text (locations are deduplicated; mentions are not)."""

    name: str
    type: str
    code: str | None
    char_start: int
    char_end: int
    dateline: bool = False
    """Opens a dateline ("SELONG -"): where the story was filed, not where its events happened."""


@dataclass
class LocationResult:
    locations: list[Location]
    mentions: list[Mention]
    main_region: str | None
    facility_names: set[str] = field(default_factory=set)
    facility_regions: dict[str, str] = field(default_factory=dict)

    def region_in(self, start: int, end: int) -> str | None:
        """The most specific region code mentioned inside [start, end), else the region of a facility there."""
        codes = [m.code for m in self.mentions if m.code and not m.dateline and start <= m.char_start < end]
        if not codes:
            codes = [
                self.facility_regions[f.name] for f in self.facilities_in(start, end) if f.name in self.facility_regions
            ]
        return max(codes, key=lambda c: c.count("."), default=None)

    def facilities_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if m.type in FACILITY_TYPES and start <= m.char_start < end]


def _type_of(word: str) -> str:
    w = re.sub(r"\s+", " ", word)
    for rx, t in _TYPE_OF:
        if rx.match(w):
            return t
    return "other"


def _trim_name(name: str) -> str:
    tokens = name.split(" ")
    out: list[str] = []
    for tok in tokens:
        if tok in NAME_STOPWORDS or tok.rstrip(".") in _DEGREE_SET or (out and _type_of(tok) != "other"):
            break
        out.append(tok)
    while out and out[0].isdigit():
        out.pop(0)
    return " ".join(out)


def extract_locations(text: str) -> LocationResult:
    """Every place `text` names, with region codes, facility names and the article's main region."""
    gaz = get_gazetteer()
    raw = _typed_candidates(text)
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def overlaps(s: int, e: int) -> bool:
        return any(s < te and ts < e for ts, te in taken)

    def add(m: Mention, block: bool = True) -> None:
        mentions.append(m)
        if block:
            taken.append((m.char_start, m.char_end))

    for start, end, name, kind in _settle_facility_names(text, [r for r in raw if r[3] in FACILITY_TYPES]):
        add(Mention(name, kind, None, start, end))

    # Venues before bare names, without blocking them: "Pendopo Bupati Lombok Timur" is also Lombok Timur.
    for s, e in _venue_spans(text):
        venue = text[s:e]
        if overlaps(s, e) or gaz.resolve_alias(venue) or (venue.isupper() and len(venue) <= 4):
            continue
        add(Mention(venue, "venue", None, s, e), block=False)
    for m in _HOSPITAL.finditer(text):
        # start + 1: a venue found at the same place (or around it) already holds this hospital
        if not overlaps(*m.span()) and not _inside_venue_name(text, m.start() + 1, mentions):
            add(Mention(m.group(), "venue", None, *m.span()), block=False)

    explicit: dict[str, str] = {}  # name -> kabupaten/kota as the article itself types it
    pending_local: list[tuple[int, int, str, str]] = []
    reserved: list[tuple[int, int]] = []  # typed kecamatan and desa: no bare region may take their words
    for start, end, name, kind, _clean in raw:
        if kind not in ADMIN_TYPES or overlaps(start, end):
            continue
        if kind in ("kecamatan", "desa"):
            pending_local.append((start, end, name, kind))
            reserved.append((start, end))
            continue
        region = gaz.lookup(name, kind) or _alias_region(gaz, name, kind)
        if region is None and kind == "kabupaten":
            region = gaz.lookup(name, "kota")
        if region is None:
            region, end = _longest_known_prefix(gaz, text, start, name, kind)
        if region is None:
            continue
        if region.type in ("kabupaten", "kota"):
            explicit.setdefault(norm_name(region.name), region.type)
        add(Mention(region.name, region.type, region.code or None, start, end))

    datelines = []
    for m in _DATELINE.finditer(text):
        for group in ("place", "sub"):
            if m[group] and not overlaps(*m.span(group)):
                datelines.append((m.start(group), m.end(group), m[group].strip()))
    for s, e, phrase in datelines:
        region = _bare_lookup(gaz, phrase, explicit, strict=False)
        if region is not None:
            add(Mention(region.name, region.type, region.code or None, s, e, dateline=True))

    taken.extend(reserved)
    for m in _CAP_RUN.finditer(text):
        for s, e, region in _bare_regions(gaz, text, m.start(), m.group(), explicit):
            if _part_of_another_name(text, s, e) or _outlet_name(text, s, e):
                continue
            if not overlaps(s, e) and not _inside_venue_name(text, s, mentions):
                add(Mention(region.name, region.type, region.code or None, s, e))
    for span in reserved:
        taken.remove(span)

    context = _context_codes(mentions)
    for s, e, phrase in datelines:
        if not overlaps(s, e):
            region = gaz.lookup(phrase, "kecamatan", context)
            if region is not None and context and region.code.startswith(context[0].split(".")[0]):
                add(Mention(region.name, "kecamatan", region.code, s, e, dateline=True))
    # Bare kecamatan names, only inside the article's own kabupaten ("pelatihan di Tenggarong").
    main_kab = next((c for c in context if c.count(".") == 1), None)
    if main_kab:
        for m in _CAP_RUN.finditer(text):
            for s, e, region in _bare_kecamatan(gaz, m.start(), m.group(), main_kab):
                if not overlaps(s, e):
                    add(Mention(region.name, "kecamatan", region.code, s, e))
    # Towns named without a type word where only a place can stand: a dateline ("TANAH MERAH, Outlet -"),
    # "kata X di Tentena, Rabu", "di Hotel Y, Atambua". Local units of the article's region first, else "other".
    for s, e, phrase in _town_slots(text, datelines, mentions):
        if not overlaps(s, e) and not (gaz.lookup(phrase, "kabupaten") or gaz.lookup(phrase, "kota")):
            region = _local_region(gaz, phrase, main_kab, context)
            if region is not None:
                add(Mention(region.name, region.type, region.code, s, e))
            elif _could_be_town(phrase):
                add(Mention(phrase.title() if phrase.isupper() else phrase, "other", None, s, e))
    # Lists of the article's own kecamatan or desa named bare: "seperti Jangkat, Lembah Masurai dan Sungai Manau".
    if main_kab:
        for items, kind in _local_lists(gaz, text, main_kab):
            for s, e, name, region in items:
                if not overlaps(s, e):
                    add(Mention(region.name if region else name, kind, region.code if region else None, s, e))
    # Kecamatan before desa, so a desa resolves inside the kecamatan the article names.
    for start, end, name, kind in sorted(pending_local, key=lambda r: r[3] != "kecamatan"):
        camat = text[start : start + 5] == "Camat"
        local_context = tuple(m.code for m in mentions if m.code and m.type == "kecamatan") + context
        region = gaz.lookup(name, kind, local_context)
        if region is None:
            region, prefix_end = _longest_known_prefix(gaz, text, start, name, kind, local_context)
            if region is not None:
                name, end = region.name, prefix_end
            else:
                # A name the list holds in several regions, none of them the article's: keep the known
                # part ("Desa Sidomulyo Ahmad Yani" is Sidomulyo, then a person), without a code.
                known = _known_name_prefix(gaz, name, kind)
                if known:
                    end -= len(name) - len(known)
                    name = known
        if camat and region is None:
            continue  # "Camat Budi" names a person, not a kecamatan
        add(Mention(region.name if region else name, kind, region.code if region else None, start, end))

    for country in COUNTRIES:
        for m in re.finditer(rf"\b{country}\b", text):
            if not overlaps(m.start(), m.end()):
                add(Mention(COUNTRIES[country], "country", None, m.start(), m.end()))

    mentions.sort(key=lambda x: x.char_start)
    return LocationResult(
        locations=_dedupe(text, mentions),
        mentions=mentions,
        main_region=_main_region(mentions),
        facility_names={m.name for m in mentions if m.type in FACILITY_TYPES},
        facility_regions=_facility_regions(text, mentions),
    )


def _typed_candidates(text: str) -> list[tuple[int, int, str, str, bool]]:
    """(start, end, name, type, clean end) for each type word + name; 'clean' = not run into other words.

    In a headline written in Title Case every word is capitalised, so "Posyandu Lewat Rakor" is no
    name there unless the body names it too.
    """
    raw = []
    headline_end = _title_case_headline_end(text)
    pos = 0
    while (m := _TYPED.search(text, pos)) is not None:
        pos = m.start("name")  # the name may itself start a typed place: "Puskesmas Kecamatan Darul Kamal"
        kind = _type_of(m["type"])
        if kind in FACILITY_TYPES and _NUMBER_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            continue  # "4 PKM studi banding": a count of facilities, not one named facility
        name = _trim_name(m["name"])
        if not name:
            continue
        skip = 0  # words that say which kind of posyandu it is, before its name
        if kind in FACILITY_TYPES:
            kind_word = re.match(r"(?:Lansia|Balita|Remaja|Anak|Keluarga)\s+(?=[A-Z])", m["name"])
            if kind_word and len(name.split(" ")) > 1:  # "Posyandu Lansia Ngudi Waras" is Ngudi Waras
                skip = kind_word.end()
                name = name[skip:]
            name = _facility_name(text, m.start("name") + skip, m["name"][skip:], name)
        elif kind in ("kecamatan", "desa"):
            name = _name_ending_in_type_word(m["name"], name, kind)
        if kind in FACILITY_TYPES and _QUANTIFIER_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
            continue  # "seluruh Puskesmas Bolmong": the facilities of a region, not one named facility
        first = name.split(" ")[0]
        if kind in FACILITY_TYPES and (first in word_set("facility_name_stopwords") or first.lower().startswith("se-")):
            continue  # "Posyandu Tingkat Desa", "Puskesmas Se-Kabupaten Sleman": no facility is named
        end = m.start("name") + skip + len(name)
        in_headline = m.start() < headline_end and not re.search(rf"\b{re.escape(name)}\b", text[headline_end:])
        if in_headline and kind not in FACILITY_TYPES:
            continue
        after = text[end : end + 40]
        # A headline name the body does not repeat may only stand as a prefix the body knows.
        clean = None if in_headline else not (re.match(r"[ ][A-Z]", after) or _DEGREE_START.match(after))
        raw.append((m.start(), end, name, kind, clean))
    return raw + _enumerated(text, raw)


_ITEM = r"(?:[A-Z][\w'’-]*|\d{1,2}\b)(?:[ ](?:[A-Z][\w'’-]*|\d{1,2}\b|[IVX]{1,4}\b)){0,3}"
_ENUMERATION = re.compile(rf"(?:(?:\s*,\s*(?!dan\b|serta\b){_ITEM})*\s*,?\s+(?:dan|serta)\s+{_ITEM}(?=[\s,.;:)]|$))+")
# Words that open an office or a venue, not another place of a list ("..., serta Kantor Dinas Kesehatan").
_NOT_A_PLACE_NAME = (
    (word_set("non_person_words") - word_set("geographic_words"))  # "Puskesmas Teluk Lingga, Teluk Pandan"
    | word_set("role_heads")
    | word_set("not_names")
    | {"Kantor", "Aula", "Gedung", "Hotel"}
)
_QUANTIFIER_BEFORE = re.compile(r"\b(?:seluruh|semua|setiap|tiap|para|sejumlah|beberapa|se-?)\s*$", re.IGNORECASE)


def _enumerated(text: str, raw: list[tuple[int, int, str, str, bool]]) -> list[tuple[int, int, str, str, bool]]:
    """More places of the type a typed place has, listed after it: "Puskesmas Stabat, Gebang dan Bahorok",
    "Puskesmas Sungai Tabuk 1, 2 dan 3", "Kecamatan Alok Timur, Alok dan Nita". Region names must be known."""
    gaz = get_gazetteer()
    out = []
    for _start, end, name, kind, clean in raw:
        if kind not in (*FACILITY_TYPES, "kecamatan", "desa") or clean is None:
            continue
        m = _ENUMERATION.match(text, end)
        if m is None:
            continue
        found = []
        unknown = 0
        for item in re.finditer(_ITEM, m.group()):
            s = end + item.start()
            word = item.group() if item.group().isdigit() else _trim_name(item.group())
            if _type_of(item.group().split(" ")[0]) == kind:  # "..., serta Puskesmas Simpang Empat 1"
                break  # the same type word again: that one is a typed place of its own
            head = word.split(" ")[0] if word else ""
            if not word or _type_of(head) != "other" or head in NAME_STOPWORDS or head in _NOT_A_PLACE_NAME:
                found = []
                break  # another type word, or no name: not a list of this type
            if word.isdigit():  # "Puskesmas Sungai Tabuk 1, 2 dan 3"
                base = re.sub(r"\s+\d{1,2}$", "", name)
                if base == name:
                    found = []
                    break
                word = f"{base} {word}"
            elif kind in ("kecamatan", "desa") and not (gaz.lookup(word, kind) or _known_name_prefix(gaz, word, kind)):
                unknown += 1  # a spelling the list does not hold ("Kolorai"); the list decides below
            found.append((s, s + (len(item.group()) if item.group().isdigit() else len(word)), word, kind, True))
        if unknown * 2 <= len(found) and (unknown == 0 or len(found) >= 3):
            out.extend(found)
    return out


def _facility_name(text: str, start: int, run: str, name: str) -> str:
    """A facility's name where the general trimming cut it short or ran it on: "Biak Kota" keeps its "Kota",
    "Pasar Minggu" its weekday when the region list knows the whole name, "Pangi Boalemo" loses its kabupaten."""
    gaz = get_gazetteer()
    tokens = run.split(" ")
    n = len(name.split(" "))
    if n < len(tokens):
        longer = " ".join(tokens[: n + 1])
        nxt = tokens[n]
        if nxt == "Kota" and not re.match(r"[ ][A-Z]", text[start + len(longer) : start + len(longer) + 2]):
            return longer
        if gaz.lookup(longer, "kecamatan") is not None or norm_name(longer) in gaz.desa:
            return longer
    words = name.split(" ")
    if len(words) >= 2:
        tail = words[-1]
        if gaz.lookup(tail, "kabupaten") or gaz.lookup(tail, "kota") or gaz.resolve_alias(tail):
            whole_known = gaz.lookup(name, "kecamatan") is not None or norm_name(name) in gaz.desa
            if not whole_known:
                return " ".join(words[:-1])
    return name


def _name_ending_in_type_word(run: str, name: str, kind: str) -> str:
    """A kecamatan or desa whose name ends in a type word the trimming stopped at: "Jambi Luar Kota"."""
    tokens = run.split(" ")
    n = len(name.split(" "))
    if n < len(tokens) and _type_of(tokens[n]) != "other":
        longer = " ".join(tokens[: n + 1])
        gaz = get_gazetteer()
        if norm_name(longer) in (gaz.desa if kind == "desa" else gaz.kecamatan):
            return longer
    return name


def _title_case_headline_end(text: str) -> int:
    """End of the first line when it is a Title Case headline (most words capitalised), else 0."""
    first, _, rest = text.partition("\n")
    words = re.findall(r"[^\W\d_][\w'’-]*", first)
    if not rest or len(words) < 4 or len(first) > 200:
        return 0
    capitalised = sum(w[0].isupper() for w in words if w.lower() not in ("di", "ke", "dan", "dari", "untuk", "yang"))
    return len(first) if capitalised >= 0.8 * len(words) else 0


def _facility_regions(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Facility name -> region code where the text places it: "Puskesmas Kassi-Kassi, Kota Makassar"."""
    out: dict[str, str] = {}
    admin = [m for m in mentions if m.code and m.type in ADMIN_TYPES]
    for f in (m for m in mentions if m.type in FACILITY_TYPES):
        follow = [a for a in admin if 0 <= a.char_start - f.char_end <= 4 and "," in text[f.char_end : a.char_start]]
        if follow and f.name not in out:
            out[f.name] = follow[0].code or ""
    return out


def _alias_region(gaz, name: str, kind: str) -> Region | None:
    region = gaz.resolve_alias(name)
    if region is not None and (region.type == kind or kind in ("kabupaten", "kota")):
        return region
    return None


def _longest_known_prefix(
    gaz, text: str, start: int, name: str, kind: str, context: tuple[str, ...] = ()
) -> tuple[Region | None, int]:
    """Drop words past a known region name: "Kabupaten Kendal Jawa" -> Kendal."""
    tokens = name.split(" ")
    for n in range(len(tokens) - 1, 0, -1):
        candidate = " ".join(tokens[:n])
        region = gaz.lookup(candidate, kind, context) or _alias_region(gaz, candidate, kind)
        if region is not None:
            name_start = text.index(name, start)
            return region, name_start + len(candidate)
    return None, start


_GOVERNMENT_BEFORE = re.compile(
    r"(?:Bupati|Wali\s?[Kk]ota|Gubernur|Kabupaten|Kota|Provinsi|Kantor|Pemkab|Pemkot|Pemprov|Kesehatan|Dinkes|DPRD)\s+$"
)


_OUTLET_BEFORE = re.compile(rf"\b{OUTLET_BEFORE}\s*$", re.IGNORECASE)
_OUTLET_AFTER = re.compile(rf"\s*{OUTLET_AFTER}\b", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ ]$")


# One to three capitalised words: a town, or one item of a list of places.
_TOWN = r"[A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*){0,2}"
# "di Tentena, Rabu", "di Lolak, ibu kota kabupaten", "di Piru, Kamis (5/6/2025)".
_TOWN_BEFORE_DAY = re.compile(
    rf"\bdi[ ](?P<town>{_TOWN})(?=[ ]?,[ ]?(?:(?i:{WEEKDAY})\b|ibu[ ]?kota\b|\(\d|\d{{1,2}}[ /-]))"
)
_TOWN_AFTER_VENUE = re.compile(rf",[ ](?P<town>{_TOWN})(?=[ ]?(?:,|\(\d|\.|$))")
_OUTLET_LIKE = re.compile(
    rf"[.]|(?-i:[a-z][A-Z])|^{OUTLET_BEFORE}\b|\b{OUTLET_AFTER}$|^(?:portal|warta)\b", re.IGNORECASE
)


def _town_slots(
    text: str, datelines: list[tuple[int, int, str]], mentions: list[Mention]
) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of capitalised words standing where news names a town."""
    slots = [(m.start("town"), m.end("town"), m["town"]) for m in _TOWN_BEFORE_DAY.finditer(text)]
    for venue in (m for m in mentions if m.type == "venue" and not _HOSPITAL.match(text, m.char_start)):
        m = _TOWN_AFTER_VENUE.match(text, venue.char_end)
        if m is not None:
            slots.append((m.start("town"), m.end("town"), m["town"]))
    first = datelines[:2] if datelines and datelines[0][0] < 700 else []
    if len(first) == 2 and first[1][0] - first[0][1] > 3:
        first = first[:1]  # two datelines far apart: only the first opens the story
    towns = [d for d in first if not _OUTLET_LIKE.search(d[2])]
    slots.extend(towns[:1])
    return slots


def _local_region(gaz, phrase: str, main_kab: str | None, context: tuple[str, ...]) -> Region | None:
    """A kecamatan, then a desa, of this name inside the article's kabupaten, then inside its province."""
    province = context[-1].split(".")[0] if context else None
    for scope in (main_kab, province):
        if not scope:
            continue
        for kind in ("kecamatan", "desa"):
            found = _named_inside(gaz, phrase, kind, scope)
            if len(found) == 1:
                return found[0]
    return None


def _named_inside(gaz, name: str, kind: str, scope: str) -> list[Region]:
    """The kecamatan or desa of this name (written with or without spaces) inside region `scope`."""
    key = norm_name(name)
    if kind == "kecamatan":
        found = gaz.kecamatan.get(key) or [r for r in gaz.squashed.get(key.replace(" ", ""), []) if r.type == kind]
        return [r for r in found if r.code.startswith(scope + ".")]
    return [Region(c, n, "desa") for c, n in gaz.desa.get(key, []) if c.startswith(scope + ".")]


_BARE_LIST = re.compile(
    rf"(?:\b(?:di|ke|dari|yakni|yaitu|seperti|antara[ ]lain|meliputi|mencakup)|:)[ ]+"
    rf"(?P<list>{_TOWN}(?:[ ]?,[ ]?{_TOWN})*,?[ ](?:dan|serta)[ ]{_TOWN})"
)


def _local_lists(gaz, text: str, main_kab: str):
    """Lists of bare names most of which are kecamatan (or desa) of the article's kabupaten; all items then
    are, even a spelling the region list lacks. Yields ([(start, end, name, region or None)], kind)."""
    for m in _BARE_LIST.finditer(text):
        base = m.start("list")
        items = [(base + i.start(), base + i.end(), i.group()) for i in re.finditer(_TOWN, m["list"])]
        for kind in ("kecamatan", "desa"):
            resolved = []
            for s, e, name in items:
                found = _named_inside(gaz, name, kind, main_kab)
                resolved.append((s, e, name, found[0] if len(found) == 1 else None))
            known = sum(r is not None for *_, r in resolved)
            if known >= 2 and known * 2 >= len(resolved) and all(r or _could_be_town(n) for _, _, n, r in resolved):
                yield resolved, kind
                break


_VENUE_WORD_IN = re.compile(rf"\b(?:{VENUE_HEADS}|{VENUE_TAILS})\b")
_STREET = {"Jalan", "Jl", "Jln", "Gang", "Gg", "Lorong", "Komplek", "Kompleks", "Perumahan", "Blok", "RT", "RW"}


def _could_be_town(phrase: str) -> bool:
    """A name, not a common word, an office or a type word standing where towns stand."""
    words = phrase.split(" ")
    if any(w in NAME_STOPWORDS or w in _CONTEXT_WORDS or w in _STREET or _type_of(w) != "other" for w in words):
        return False
    if len(words) == 1 and (phrase.lower() in common_words() or len(phrase) < 4):
        return False
    return not _VENUE_WORD_IN.search(phrase)


def _outlet_name(text: str, start: int, end: int) -> bool:
    """A region word in a news outlet's name: "RADAR BENGKULU", "BABEL NEWS", "Bali Post"."""
    return bool(_OUTLET_BEFORE.search(text[max(0, start - 12) : start]) or _OUTLET_AFTER.match(text, end))


def _part_of_another_name(text: str, start: int, end: int) -> bool:
    """The last word(s) of a longer capitalised name the region list does not hold ("Gunung Medan", a
    nagari, is not Medan): the word before is no type word, title, or other known word."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    word = m.group(1)
    if word.isupper() or _type_of(word) != "other" or word in NAME_STOPWORDS or word in _CONTEXT_WORDS:
        return False
    before = text[: m.start(1)].rstrip(' "“(')
    if get_gazetteer().resolve_alias(word) is not None or (
        is_everyday_word(word) and (not before or before[-1] in ".!?\n")
    ):
        return False  # "Selain Sleman, ...": a sentence's first word
    return region_name_end(text, m.start(1)) is None


def _inside_venue_name(text: str, start: int, mentions: list[Mention]) -> bool:
    """A region word inside a venue's name ("Hotel Bandung Indah") is not the region, unless the venue is
    named after the region's government ("Pendopo Bupati Lombok Timur", "Aula Dinas Kesehatan Sleman")."""
    for m in mentions:
        if m.type == "venue" and m.char_start < start < m.char_end:
            return not _GOVERNMENT_BEFORE.search(text[m.char_start : start])
    return False


def _known_name_prefix(gaz, name: str, kind: str) -> str | None:
    """The longest leading words of `name` that the region list holds as a `kind` anywhere."""
    index = gaz.desa if kind == "desa" else gaz.kecamatan
    tokens = name.split(" ")
    for n in range(len(tokens), 0, -1):
        candidate = " ".join(tokens[:n])
        if norm_name(candidate) in index:
            return candidate
    return None


def _bare_regions(gaz, text: str, offset: int, run: str, explicit: dict[str, str]) -> list[tuple[int, int, Region]]:
    """Known region names inside a run of capitalised words, longest first, left to right."""
    tokens = [(m.start(), m.end()) for m in _NON_SPACE.finditer(run)]
    out: list[tuple[int, int, Region]] = []
    i = 0
    while i < len(tokens):
        found = None
        first = norm_name(run[tokens[i][0] : tokens[i][1]]).split(" ")[0]
        two = norm_name(run[tokens[i][0] : tokens[i + 1][1]]).replace(" ", "") if i + 1 < len(tokens) else ""
        if first not in gaz.bare_first_words and two not in gaz.squashed:
            i += 1
            continue  # "Gunung Kidul" is still looked up: the list writes it as one word
        for j in range(min(len(tokens), i + 4), i, -1):
            s, e = tokens[i][0], tokens[j - 1][1]
            phrase = run[s:e]
            region = _bare_lookup(gaz, phrase, explicit)
            if region is not None:
                found = (offset + s, offset + e, region)
                i = j
                break
        if found:
            out.append(found)
        else:
            i += 1
    return out


def _bare_kecamatan(gaz, offset: int, run: str, kab_code: str) -> list[tuple[int, int, Region]]:
    """Kecamatan of one kabupaten named without the type word; everyday words are not taken for them."""
    tokens = [(m.start(), m.end()) for m in _NON_SPACE.finditer(run)]
    out = []
    for i in range(len(tokens)):
        if norm_name(run[tokens[i][0] : tokens[i][1]]).split(" ")[0] not in gaz.kecamatan_first_words:
            continue
        for j in range(min(len(tokens), i + 3), i, -1):
            phrase = run[tokens[i][0] : tokens[j - 1][1]]
            if len(phrase) < 5 or (j - i == 1 and is_everyday_word(phrase)) or phrase.isupper() and len(phrase) < 6:
                continue
            found = [r for r in gaz.kecamatan.get(norm_name(phrase), []) if r.code.startswith(kab_code + ".")]
            if len(found) == 1:
                out.append((offset + tokens[i][0], offset + tokens[j - 1][1], found[0]))
                break
    return out


def _bare_lookup(gaz, phrase: str, explicit: dict[str, str], strict: bool = True) -> Region | None:
    """A region named without its type word; `explicit` says which of Kabupaten/Kota X the article means."""
    if strict and (phrase in gaz.bare_stoplist or phrase.title() in gaz.bare_stoplist):
        return None
    preferred = explicit.get(norm_name(phrase))
    if preferred:
        region = gaz.lookup(phrase, preferred)
        if region is not None:
            return region
    if phrase in gaz.aliases or (phrase.isupper() and len(phrase) > 3):
        alias = gaz.resolve_alias(phrase)
        if alias is not None:
            return alias
    if phrase.isupper() and len(phrase) <= 3:
        return None
    kab = gaz.lookup(phrase, "kabupaten") or gaz.lookup(phrase, "kota")
    if kab is not None:
        return kab
    return gaz.lookup(phrase, "provinsi")


def _settle_facility_names(text: str, raw: list[tuple[int, int, str, str, bool]]) -> list[tuple[int, int, str, str]]:
    """Facility names with clean ends teach where the others stop ("Puskesmas Lampisang Marlina SKM")."""
    known = sorted({r[2] for r in raw if r[4]}, key=len, reverse=True)
    out = []
    for start, end, name, kind, clean in raw:
        name_start = max(start, end - len(name))
        # A known longer name written in other case ("Darul kamal") extends this one.
        for k in known:
            if (
                len(k) > len(name)
                and text[name_start : name_start + len(k)].lower() == k.lower()
                and not re.match(r"\w", text[name_start + len(k) : name_start + len(k) + 1])
            ):
                name, end = k, name_start + len(k)
                clean = True
                break
        if clean and name.count(" ") >= 2 and _SPEECH_AFTER.match(text[end : end + 30]):
            clean = False  # "Kepala Puskesmas Kenanga Eddiar Handani menuturkan": a name ran on into a person's
        if not clean:
            prefix = next((k for k in known if len(k) < len(name) and name.lower().startswith(k.lower() + " ")), None)
            if prefix:
                name, end = prefix, name_start + len(prefix)
            elif clean is None:
                continue
            elif " " in name and (
                _DEGREE_START.match(text[end : end + 30]) or _SPEECH_AFTER.match(text[end : end + 30])
            ):
                first = _known_name_prefix(get_gazetteer(), name, "desa") or name.split(" ")[0]
                if first == name:
                    first = name.split(" ")[0]
                name, end = first, name_start + len(first)
        out.append((start, end, text[name_start:end] if text[name_start:end].lower() == name.lower() else name, kind))
    # Canonical spelling: the most frequent properly-capitalised form.
    spellings = Counter(n for _, _, n, _ in out if n[:1].isupper() and n != n.lower())
    canon = {}
    for n in spellings:
        canon.setdefault(n.lower(), n)
        if spellings[n] > spellings[canon[n.lower()]]:
            canon[n.lower()] = n
    return [(s, e, canon.get(n.lower(), n), k) for s, e, n, k in out]


def _context_codes(mentions: list[Mention]) -> tuple[str, ...]:
    counts = Counter(m.code for m in mentions if m.code and m.type in ("kabupaten", "kota"))
    kab = [c for c, _ in counts.most_common()]
    prov = [m.code for m in mentions if m.code and m.type == "provinsi"]
    prov += [c.split(".")[0] for c in kab]
    return tuple(dict.fromkeys(kab + prov))


def _main_region(mentions: list[Mention]) -> str | None:
    kab = Counter(m.code for m in mentions if m.code and m.type in ("kabupaten", "kota"))
    if kab:
        best = max(kab.values())
        return next(m.code for m in mentions if m.code and kab.get(m.code) == best)
    prov = [m.code for m in mentions if m.code and m.type == "provinsi"]
    return prov[0] if prov else None


def _dedupe(text: str, mentions: list[Mention]) -> list[Location]:
    seen: dict[tuple[str, str], Location] = {}
    for m in mentions:
        key = (m.name.lower(), m.type)
        if key not in seen:
            seen[key] = Location(
                name=m.name,
                type=m.type,
                code=m.code,
                text=text[m.char_start : m.char_end],
                char_start=m.char_start,
                char_end=m.char_end,
            )
    return list(seen.values())
