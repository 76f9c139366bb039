"""Named people with their roles, honorifics and degrees.

Anchored, not guessed: a person is found through what Indonesian news puts around a name, a
role before it ("Kepala Puskesmas Lampisang Marlina SKM"), an honorific ("dr Karyadi"), degrees
after it ("Titin Sutriani, S.Farm., Apt."), or a speech verb ("ujar Titin"). Later mentions by
part of the name join the first.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from extractors.lang import word_list, word_set
from extractors.locations.gazetteer import multiword_region_first_words, norm_name, region_name_end
from extractors.models import Person
from extractors.people.lexicon import (
    DEGREE_TOKENS,
    HONORIFICS,
    NON_PERSON_WORDS,
    NOT_NAMES,
    PLACE_SLOT_WORDS,
    RANK_CORPS,
    RANKS,
    ROLE_HEADS,
    ROLE_VOCAB,
    SPEECH_VERBS,
    TITLES_BEFORE_NAMES,
)
from extractors.wordlists import common_words, root_words

__all__ = ["extract_people"]

# Balinese names open with "I" or "Ni" before a birth-order or caste name ("I Made Mudharta", "Ni Luh Putu").
_BALINESE = (
    r"(?:I|Ni)(?=[ ](?:Made|Wayan|Nyoman|Ketut|Putu|Gede|Gde|Komang|Kadek|Nengah|Gusti|Dewa|Ayu|Luh|Kade|Nyoman))"
)
_INITIALS = r"[A-Z]{2,3}(?=[ ][A-Z][^\W\d_A-Z]+)"  # "ZL Mailoa"
_NAME_TOKEN = (
    rf"(?:{_BALINESE}|{_INITIALS}|Muh\.|Moh\.|Mohd\.|Moch\.|Mhd\.|Muhd\.|Abd\.|Hi\.|St\.|Dt\.|(?:[A-Z]\.){{2,3}}"
    r"|[A-Z]\.|[A-Z][^\W\d_A-Z]+(?:[-'’][A-Z]?[^\W\d_A-Z]+)?)"
)
# Lower-case words inside a name: Batak "br"/"boru" (daughter of a clan), "bin"/"binti" ("Herawati br Ginting").
_NAME_PARTICLE = r"(?:br\.?|boru|bin|binti)[ ]"
# A bare initial inside a name, with a name word after it ("Rais D Adam", "Dominggus N Kaya").
_INNER_INITIAL = r"[A-Z](?=[ ][A-Z][^\W\d_A-Z]+)"
_NAME = rf"{_NAME_TOKEN}(?:[ ](?:{_NAME_PARTICLE})?(?:{_NAME_TOKEN}|{_INNER_INITIAL})){{0,5}}"
_DEGREE_WORDS = {d.rstrip(".") for d in DEGREE_TOKENS}
_DEGREE_ALT = "|".join(re.escape(d) for d in sorted(DEGREE_TOKENS, key=len, reverse=True))
# Degrees after a name: ", S.Kep., M.Kes", " SKM", ".,S.Kep.,MKM".
# A specialist's mark may follow a degree: "Sp.PD-KGEH", "Sp.A(K)", "MKed (PD)".
_DEGREE_MARK = r"(?:-K[A-Z]{1,5}|[ ]?\([A-Z][A-Za-z]{0,5}\))?"
_DEGREES = rf"(?:\s*[.,]*\s*(?:{_DEGREE_ALT})\.?{_DEGREE_MARK}(?![\w]))+"
_RANK_ALT = "|".join(re.escape(r) for r in sorted(RANKS, key=len, reverse=True))
_CORPS_ALT = "|".join(re.escape(c) for c in sorted(RANK_CORPS, key=len, reverse=True))
# A rank with its corps ("Kapten Inf", "Kapten Inf.", "Kombes Pol") stands before a name as an honorific does.
_RANK = rf"(?:{_RANK_ALT})(?:[ ](?:{_CORPS_ALT})\.?(?![\w]))?(?=[ ])"
_HONORIFIC_ALT = "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True)) + f"|{_RANK}"
_HONORIFIC = rf"(?:(?:(?:{_HONORIFIC_ALT})(?:\.|[ ]|(?=[A-Z]))\s*)+)"
_ROLE_HEAD_ALT = "|".join(re.escape(r) for r in sorted(ROLE_HEADS, key=len, reverse=True))

_ROLE_HEAD = re.compile(rf"\b(?:{_ROLE_HEAD_ALT})\b")
_WORD = re.compile(r"[\w'’&/.-]+")
_HON_THEN_NAME = re.compile(rf"\s*(?P<hon>{_HONORIFIC})(?P<name>{_NAME})(?P<deg>{_DEGREES})?")
_COMMA_THEN_NAME = re.compile(rf"\s*,\s*(?P<hon>{_HONORIFIC})?(?P<name>{_NAME})(?P<deg>{_DEGREES})?(?=[\s,.;:)\"”]|$)")
_PLAIN_NAME = re.compile(rf"[ ](?P<name>{_NAME})(?P<deg>{_DEGREES})?(?=[\s,.;:)\"”]|$)")
_HONORIFIC_NAME = re.compile(rf"(?<![\w.])(?P<hon>{_HONORIFIC})(?P<name>{_NAME})(?P<deg>{_DEGREES})?")
_NAME_DEGREES = re.compile(rf"(?<![\w.])(?P<name>{_NAME})(?P<deg>\s*,\s*(?:{_DEGREE_ALT})\.?(?![\w])(?:{_DEGREES})?)")
_SPEECH_ALT = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_SPEECH_THEN_NAME = re.compile(
    rf"\b(?:{_SPEECH_ALT})\s+(?P<name>{_NAME})(?=\s*[,.;]|\s+(?:di|kepada|saat|ketika|dalam)\b)"
)
_NAME_THEN_SPEECH = re.compile(
    rf"(?:^|(?<=[.,;]\s)|(?<=\n)|(?<=Menurut\s))(?P<name>{_NAME})\s*,?\s+(?:{_SPEECH_ALT})\b"
)


@dataclass
class _Found:
    name: str
    start: int
    end: int
    honorific: str | None
    degrees: tuple[str, ...]
    role: str | None


def _split_degrees(deg: str | None) -> tuple[str, ...]:
    """Degrees in one spelling: 'S.Kep' -> 'S.Kep.' (dotted forms end with a dot), 'SKM.' -> 'SKM'."""
    if not deg:
        return ()
    parts = (p.rstrip(".") for p in re.findall(rf"(?:{_DEGREE_ALT})\.?", deg))
    return tuple(p + "." if "." in p else p for p in parts)


NAME_PREFIXES = word_set("name_prefixes")


def _valid_name(name: str) -> bool:
    tokens = name.split(" ")
    # "Lalu Pathul Bahri": a regional name prefix is a name word, though "lalu" is an everyday word too.
    tokens = [t for i, t in enumerate(tokens) if not (t in NAME_PREFIXES and i < len(tokens) - 1)] or tokens
    # "Zulkarnain Dt. Rajo Bungsu": a Minang adat title inside a name, with the name before and after it.
    tokens = [t for i, t in enumerate(tokens) if not (t == "Dt." and 0 < i < len(tokens) - 1)]
    if tokens[0] in TITLES_BEFORE_NAMES or tokens[0].rstrip(".") in _ROLE_HEAD_WORDS:
        return False  # "Presiden RI": a title without its name
    if any(t in NOT_NAMES or t.rstrip(".") in NOT_NAMES or t in NON_PERSON_WORDS for t in tokens):
        return False
    if all(t.rstrip(".") in _DEGREE_WORDS or t in ROLE_VOCAB for t in tokens):
        return False
    # A name has a word that is more than initials ("S.K.M." is a degree, "M. C." two initials).
    return not all(re.fullmatch(r"[A-Z]\.?|(?:[A-Z]\.)+", t) for t in tokens)


_VERB_AFTER = re.compile(rf"\s*,?\s+(?:(?:me|ber|di|ter)[a-z]{{3,}}|{_SPEECH_ALT})\b")


_CLITIC = re.compile(r"(?:nya|lah|kah|pun)$")
_AFFIXED = re.compile(r"^(?:me[nmy]?|ber|di|ter|pe[nm]?)?(?P<stem>\w{3,}?)(?:kan|an|i|nya)?$")


def _is_everyday(word: str) -> bool:
    """Common in lower case: seen so in news, a root word, or a root word with a clitic or affixes
    ("Syaratnya", "Seluruhnya", "Gencarkan")."""
    lowered = word.lower()
    if lowered in common_words() or lowered in root_words():
        return True
    bare = _CLITIC.sub("", lowered)
    if bare != lowered and (bare in root_words() or bare in common_words()):
        return True
    m = _AFFIXED.match(lowered)
    return bool(m and m.group("stem") != lowered and m.group("stem") in root_words() and len(lowered) > 6)


def _everyday_word(word: str, after: str) -> bool:
    """A sentence-initial word that is common in lower case, unless a verb follows it as after a subject."""
    lowered = word.lower()
    if lowered in common_words() or (_is_everyday(word) and _CLITIC.search(lowered)):
        return True
    return _is_everyday(word) and not _VERB_AFTER.match(after)


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"“'(")
    return not before or before[-1] in ".!?:\n"


COUNTRY_NAMES = frozenset(word_list("countries"))
_ROLE_HEAD_WORDS = {h.rstrip(".") for h in ROLE_HEADS if " " not in h}
# Place slots whose place is a region: only a name the gazetteer or the article knows may fill them.
# The others (Puskesmas, Desa, Camat, ...) name local places the gazetteer may not hold: one word fills them.
_REGION_SLOTS = {"Kabupaten", "Kota", "Provinsi", "Daerah", "Bupati", "Gubernur", "Walikota", "Dinkes", "Kesehatan"}
# ", Hukum dan Politik": more domains of a "Bidang" title, listed with commas (role words and places).
_DOMAIN_LIST = re.compile(
    r",[ ](?=[A-Z])(?:[A-Z][\w'’-]*[ ]?){1,3}(?:(?:,[ ]|[ ]?dan[ ])(?:[A-Z][\w'’-]*[ ]?){1,3})*(?=[ ]|,)"
)
_ROLE_PAREN = re.compile(r"[ ]?\((?P<abbr>[A-Za-z][\w.]{1,11}(?:[ ][A-Z][\w.]{1,11})?)\)")


@lru_cache(maxsize=512)
def _places_by_opening(places: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Places by their first two letters (lower case), longest first: a lookup per word, not a scan."""
    index: dict[str, list[str]] = defaultdict(list)
    for p in places:
        if p:
            index[p[:2].lower()].append(p)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def _place_at(text: str, pos: int, places: frozenset[str]) -> int | None:
    """End of the longest place the article names that starts at `pos`."""
    for p in _places_by_opening(places).get(text[pos : pos + 2].lower(), ()):
        end = pos + len(p)
        if text[pos:end].lower() == p.lower() and not text[end : end + 1].isalnum():
            return end
    return None


_NUMBERED_OFFICES = frozenset({"Asisten", "Komisi", "Seksi", "Wilayah", "Golongan"})
# Military commands carry their unit's number ("Dandim 1308/LB", "Danramil 1308-10/Salakan").
_NUMBERED_COMMANDS = frozenset({"Dandim", "Danramil", "Danrem", "Danyon", "Kodim", "Koramil", "Korem", "Yonif"})
_UNIT_NUMBER = re.compile(r"\d{2,4}(?:-\d{1,2})?(?:/[A-Z][\w.-]*)?")


def _role_end(text: str, start: int, places: frozenset[str], person_starts: frozenset[int] = frozenset()) -> int:
    """Where a position title that begins at `start` ends.

    A title is its head ("Kepala", "Plt", "Kadinkes"), more title words and abbreviations, and places in
    its place slots; the region gazetteer says how many words a region takes ("Bupati Hulu Sungai Tengah
    Aulia ..."), so the name after it keeps all its words. A word where the recogniser starts a person ends it.
    """
    head = _ROLE_HEAD.match(text, start)
    pos = head.end() if head else start
    last = head.group().split(" ")[-1].rstrip(".") if head else ""
    expect_place = last in PLACE_SLOT_WORDS
    listed = after_place = False
    while True:
        domains = None if listed else _DOMAIN_LIST.match(text, pos)
        if domains and " dan " in domains.group() and re.search(r"\b(?:Bidang|Asisten|Staf\s+Ahli)\b", text[start:pos]):
            pos, listed = domains.end(), True  # "Asisten Bidang Pemerintahan, Keistimewaan Aceh dan Kesra"
            continue
        if (
            domains
            and " dan " in domains.group()
            and re.search(r"\bDinas\b", text[start:pos])
            and _ROLE_PAREN.match(text, domains.end())
        ):
            pos, listed = domains.end(), True  # "Dinas Kesehatan, Pengendalian Penduduk dan KB (Dinkes P2KB)"
            continue
        paren = _ROLE_PAREN.match(text, pos)
        if paren and (
            paren["abbr"].rstrip(".") in _ROLE_HEAD_WORDS or paren["abbr"].rstrip(".") in ROLE_VOCAB or after_place
        ):
            pos, after_place = (
                paren.end(),
                False,
            )  # "Sekretaris Daerah (Sekda)", "Bupati Bolaang Mongondow Utara (Bolmut)"
            continue
        after_place = False
        if text[pos : pos + 1] != " ":
            break
        m = _WORD.match(text, pos + 1)
        if m is None:
            break
        word = m.group().rstrip(".,)")
        place_end = (
            _place_at(text, m.start(), places)
            or _place_at(text, m.start(), COUNTRY_NAMES)
            or region_name_end(text, m.start(), with_kecamatan=expect_place and last not in _REGION_SLOTS)
        )
        if place_end and word not in ROLE_VOCAB:
            pos, expect_place, last, after_place = place_end, False, "", True
            continue
        if last in _NUMBERED_COMMANDS and _UNIT_NUMBER.fullmatch(word):
            pos, last = m.start() + len(word), word
            continue
        if re.fullmatch(r"[IVX]{1,4}", word) and last in _NUMBERED_OFFICES:
            pos, last = m.start() + len(word), word  # "Asisten II Setda Minsel", "Komisi IV DPRD"
            continue
        if word in ROLE_VOCAB or word in _ROLE_HEAD_WORDS:
            pos = m.start() + len(word)
            expect_place, last = word in PLACE_SLOT_WORDS, word
            continue
        if word in ("dan", "&") and _next_is_role_word(text, m.end()):
            pos = m.start() + len(word)
            continue
        office_end = _office_name_end(text, m.start(), places) if last in _ORG_HEADS else None
        if office_end:
            pos, expect_place, last = office_end, False, ""  # "Kepala Dinas Komunikasi dan Informatika Langkat"
            continue
        if (
            expect_place
            and word[:1].isupper()
            and word not in NOT_NAMES
            and m.start() not in person_starts
            and (last not in _REGION_SLOTS or _region_first_word(text, m.start(), person_starts))
        ):
            pos = m.start() + len(word)
            number = re.match(r" (?:\d{1,2}|[IVX]{1,4})\b", text[pos:])
            pos += number.end() if number else 0
            expect_place, last = False, ""
            continue
        break
    return pos


# Where the post is, between a title and the name after it: "Kepala Puskesmas Caile di Kecamatan Ujung Bulu,
# drg. Andi Rahmawati", "Ketua Posyandu Anggrek di Kelurahan Klasabi, Distrik Sorong Manoi, Martha Kareth".
_ADMIN_WORD = r"(?:Kecamatan|Kelurahan|Desa|Distrik|Kabupaten|Kota|Provinsi|Kampung|Nagari|Gampong|Kapanewon|Kalurahan)"
_PLACE_WORDS = r"[A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*){0,3}"
_WHERE_THE_POST_IS = re.compile(
    rf"[ ]di[ ](?:{_ADMIN_WORD}[ ])?{_PLACE_WORDS}(?:\s*,\s*{_ADMIN_WORD}[ ]{_PLACE_WORDS})*(?=\s*,)"
)
_OFFICE_WORD = re.compile(r"[A-Z][\w'’&/.-]*|dan|&|,|\([A-Za-z0-9 &./-]{2,20}\)")


def _office_name_end(text: str, pos: int, places: frozenset[str]) -> int | None:
    """An office's own name after "Dinas", "Badan", ...: its words up to the region that ends it, when a
    region does end it within a few words."""
    at = pos
    for _ in range(7):
        place_end = _place_at(text, at, places) or region_name_end(text, at)
        if place_end and at > pos:
            return place_end
        m = _OFFICE_WORD.match(text, at)
        if m is None:
            return None
        at = m.end()
        while text[at : at + 1] == " ":
            at += 1
    return None


def _region_first_word(text: str, pos: int, person_starts: frozenset[int]) -> bool:
    """A short form of a longer region name ("Bupati Mamberamo Yohanis Wenda"): the first word of a
    multi-word kabupaten/kota, with a name after it (two words, or where the recogniser starts one)."""
    m = _WORD.match(text, pos)
    if m is None or norm_name(m.group()) not in multiword_region_first_words():
        return False
    if m.end() + 1 in person_starts:
        return True
    return re.match(r"(?:[ ][A-Z][\w'’.-]+){2,}", text[m.end() :]) is not None


_ORG_HEADS = {
    "Dinas",
    "Badan",
    "Bidang",
    "Seksi",
    "Bagian",
    "Kantor",
    "Kementerian",
    "Direktorat",
    "Biro",
    "Lembaga",
    "Komisi",
    "Dewan",
    "Subbagian",
    "Balai",
    "Unit",
    "Instalasi",
    "Divisi",
    "Partai",
}
_ORG_NAME_TO_COMMA = re.compile(r"(?:[ ](?:[A-Z][\w'’&/.-]*|dan|&|\d{1,2})){1,8}(?=\s*,)")


def _extend_role_to_comma(text: str, start: int, role_end: int) -> int | None:
    """A title naming an office ("Kepala Dinas ...") runs on to the comma before the name."""
    if not any(w in _ORG_HEADS for w in text[start:role_end].split()):
        return None
    m = _ORG_NAME_TO_COMMA.match(text, role_end)
    return m.end() if m else None


_COMMA_HONORIFICS = re.compile(rf"\s*,\s*(?:{_HONORIFIC})?")
_NAME_JOINT = re.compile(r"[ ](?:br\.?|boru|bin|binti)[ ]")
_PARTICLE_TAIL = re.compile(r"[ ](?:br\.?|boru|bin|binti)[ ][A-Z][^\W\d_]+")


def _join_split_names(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One person where the recogniser split a name at a particle or left out the clan name after it:
    "Rosmalina br Sembiring", "Zulkarnain Dt. Rajo Bungsu" (Dt.: the Minang title Datuk)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if text[end - 3 : end] == " Dt" and text[end : end + 1] == ".":
            end += 1
        previous = out[-1] if out else None
        if previous and (
            _NAME_JOINT.fullmatch(text, previous[1], start)
            or (text[previous[1] - 4 : previous[1]] == " Dt." and text[previous[1] : start] == " ")
        ):
            out[-1] = (previous[0], end)
            continue
        tail = _PARTICLE_TAIL.match(text, end)
        out.append((start, tail.end() if tail else end))
    return out


# The rest of a title up to the comma before its holder's name: capitalised words, acronyms, an
# abbreviation in brackets, "dan", numbers ("Sekretaris Kabupaten (Sekkab) Way Kanan, Drs. Bambang ...").
_TITLE_RUN_TO_COMMA = re.compile(
    r"(?:[ ](?:[A-Z][\w'’&/.-]*|\([A-Za-z0-9 &./-]{2,24}\)|dan|&|[IVX]{1,4}|\d{1,2})){1,10}(?=,)"
)


def _apposed_name_after_title(
    text: str, role_end: int, person_starts: frozenset[int], lowered_places: frozenset[str]
) -> tuple[int, re.Match[str]] | None:
    """A title whose words the vocabulary does not know, set off by a comma from its holder's name.

    Taken only when the name is vouched for: an honorific or degrees with it, the recogniser starting a
    person there, or a comma and a verb of saying after it ("Raja Negeri Kairatu, Jonathan Wattimury,
    menyatakan")."""
    run = _TITLE_RUN_TO_COMMA.match(text, role_end)
    if run is None:
        return None
    hit = _COMMA_THEN_NAME.match(text, run.end())
    if hit is None:
        return None
    name = _strip_trailing_nonnames(hit["name"])
    if not name or not _valid_name(name) or name.lower() in lowered_places or _not_a_person(name):
        return None
    vouched = (
        hit["hon"]
        or hit["deg"]
        or hit.start("name") in person_starts
        or _VERB_AFTER.match(text, hit.start("name") + len(name))
    )
    return (run.end(), hit) if vouched else None


def _next_is_role_word(text: str, pos: int) -> bool:
    m = _WORD.match(text, pos + 1)
    return bool(m) and m.group().rstrip(".,") in ROLE_VOCAB and not _ROLE_HEAD.match(text, m.start())


_TITLE_AND_BEFORE = re.compile(
    rf"(?<![\w.])(?P<title>(?:{_ROLE_HEAD_ALT})(?:[ ](?:{_ROLE_HEAD_ALT}))*)[ ](?:dan|&)[ ]$"
)
_AND_NAME = re.compile(
    rf"\s+(?:dan|serta)\s+(?P<hon>{_HONORIFIC})?(?P<name>{_NAME})(?P<deg>{_DEGREES})?(?=[\s,.;:)\"”]|$)"
)


def _paired_titles(text: str, role: str | None, name_end: int) -> tuple[str, _Found, str] | None:
    """Two titles and two names in the same order ("Bupati dan Wakil Bupati Halmahera Barat, James Uang dan
    Djufri Muhamad"): each name takes its own title, the first one with the place the second one names."""
    if not role or " dan " not in role:
        return None
    hit = _AND_NAME.match(text, name_end)
    if hit is None or not _valid_name(name := _strip_trailing_nonnames(hit["name"])):
        return None
    first, second = role.split(" dan ", 1)
    words = second.split(" ")
    last = first.split(" ")[-1]
    if last in words[1:]:  # "Bupati dan Wakil Bupati X": what follows the first title's word in the second
        place = " ".join(words[words.index(last, 1) + 1 :])
    else:  # "Ketua dan Sekretaris TP PKK X": what follows the second title's head
        head = _ROLE_HEAD.match(second)
        place = second[head.end() :].strip() if head else ""
    if not place:
        return None
    start = hit.start("name")
    person = _Found(name, start, start + len(name), _clean_hon(hit["hon"]), _split_degrees(hit["deg"]), None)
    return f"{first} {place}".strip(), person, second


def extract_people(
    text: str, places: set[str] | frozenset[str] | None = None, recognised: list[tuple[int, int]] | None = None
) -> list[Person]:
    """Named people in `text`.

    `places` (facility and region names found in it) bound roles; `recognised` are person spans
    from the statistical recogniser, kept when they survive the same name checks as the rules.
    """
    places = frozenset(places or ())
    lowered_places = {p.lower() for p in places}
    recognised = _join_split_names(text, recognised) if recognised is not None else None
    person_starts = frozenset(s for s, _ in recognised or [])
    found: list[_Found] = []
    for start, end in recognised or []:
        person = _from_recognised(text, start, end, places, lowered_places, person_starts)
        if person is not None:
            found.append(person)
    role_until = -1
    for m in _ROLE_HEAD.finditer(text):
        if (m.start() > 0 and text[m.start() - 1].isalnum()) or m.start() < role_until:
            continue  # "Kadinkes" inside "Plt Kadinkes Takalar": one title
        role_end = _role_end(text, m.start(), places, person_starts)
        role_until = role_end
        extended = _extend_role_to_comma(text, m.start(), role_end)
        hit = _COMMA_THEN_NAME.match(text[extended : extended + 120]) if extended else None
        if hit is not None and _valid_name(_strip_trailing_nonnames(hit["name"])):
            role_end = extended  # "Kepala Dinas Perindustrian dan Perdagangan Kota Jambi, Ridwan Saleh"
        else:
            after = text[role_end : role_end + 120]
            hit = _HON_THEN_NAME.match(after) or _COMMA_THEN_NAME.match(after) or _PLAIN_NAME.match(after)
        name_base = role_end
        if hit is None and (at := _WHERE_THE_POST_IS.match(text, role_end)):
            hit, name_base = _COMMA_THEN_NAME.match(text[at.end() : at.end() + 120]), at.end()
        name = _strip_trailing_nonnames(hit["name"]) if hit else ""
        if not name or not _valid_name(name) or name.lower() in lowered_places:
            apposed = _apposed_name_after_title(text, role_end, person_starts, lowered_places)
            if apposed is None:
                continue
            role_end, hit = apposed  # "Kepala Sudin Kesehatan Jakarta Timur, dr. Ratna Juwita Sari, MKM, ..."
            role_until = role_end  # "Ketua Ikatan Dokter Indonesia ...": "Dokter" is inside this title
            name_base = 0  # the apposed name's match holds positions in the whole text
            name = _strip_trailing_nonnames(hit["name"])
        role = text[m.start() : role_end]
        start = name_base + hit.start("name")
        # A title run straight into capitalised words ("Pj Bupati Jayapura Luncurkan ILP") is a name only
        # when the recogniser agrees, or a degree or a verb of saying follows it.
        weak = hit.re is _PLAIN_NAME and not hit["deg"] and not _VERB_AFTER.match(text, start + len(name))
        if (
            weak
            and recognised is not None
            and not any(s < start + len(name) and start < e for s, e in recognised)
            and _doubtful_plain_name(text, start, name)
        ):
            continue
        hon, degrees = _clean_hon(hit["hon"]) if "hon" in hit.re.groupindex else None, _split_degrees(hit["deg"])
        role = _clean_role(role)
        before = _TITLE_AND_BEFORE.search(text, max(0, m.start() - 40), m.start())
        both = f"{before['title']} dan {role}" if before else role
        paired = _paired_titles(text, both, start + len(name) + len(hit["deg"] or ""))
        if paired is None:
            found.append(_Found(name, start, start + len(name), hon, degrees, role))
            continue
        first_role, second, second_role = paired
        found.append(_Found(name, start, start + len(name), hon, degrees, first_role))
        found.append(replace(second, role=second_role))
    found.extend(_roles_after_names(text, places, lowered_places, person_starts))
    found.extend(_described_people(text, lowered_places))
    for rx in (_HONORIFIC_NAME, _NAME_DEGREES):
        for m in rx.finditer(text):
            if _HOSPITAL_BEFORE.search(text, max(0, m.start() - 40), m.start("name")):
                continue  # "RSUD dr. TC Hillers": a hospital named after a person
            start = _past_place_around(text, m.start("name"), m.end("name"), places)
            start = _skip_titles_and_places(text, start, m.end("name"), places)
            inner = _INNER_HONORIFIC.search(text, start, m.end("name"))
            if inner:  # "Tengah Haji Lalu Pathul Bahri": the name begins after its honorific
                start = inner.end()
            name = _strip_trailing_nonnames(text[start : m.end("name")])
            if _acceptable(name, lowered_places):
                hon = _clean_hon(m.groupdict().get("hon"))
                found.append(_Found(name, start, start + len(name), hon, _split_degrees(m["deg"]), None))
    for rx in (_SPEECH_THEN_NAME, _NAME_THEN_SPEECH):
        for m in rx.finditer(text):
            name = _strip_trailing_nonnames(m["name"])
            if " " not in name and (name.lower() in common_words() or _is_everyday(name) and _CLITIC.search(name)):
                continue  # "Masih kata ...", "Seluruhnya, kata dia": an everyday word, not a name
            if _acceptable(name, lowered_places):
                found.append(_Found(name, m.start("name"), m.start("name") + len(name), None, (), None))
    return _merge(text, [f for f in found if not _HOSPITAL_BEFORE.search(text, max(0, f.start - 40), f.start)])


# What joins a name to the title after it: a comma, "selaku", "yang juga (menjabat sebagai)", a bracket.
_APPOSITION_TAIL = (
    r"(?:\s*,\s*|\s*,?\s+(?:selaku|yang\s+juga|yang\s+juga\s+menjabat(?:\s+sebagai)?|yang\s+menjabat(?:\s+sebagai)?)\s+"
    rf"|\s+\()(?=(?:{_ROLE_HEAD_ALT})\b)"
)
_APPOSITIVE = re.compile(
    r"(?:^|(?<=[.,;:\n\"“(])\s*|(?:"
    + "|".join(
        f"(?<=\\b{w})" for w in ("oleh", "kata", "ujar", "Menurut", "menurut", "dan", "bersama", "Hadir", "hadir")
    )
    + r")\s+)"
    rf"(?P<hon>{_HONORIFIC})?(?P<name>{_NAME})(?P<deg>{_DEGREES})?{_APPOSITION_TAIL}",
    re.MULTILINE,
)
_HON_APPOSITIVE = re.compile(rf"(?<![\w.])(?P<hon>{_HONORIFIC})(?P<name>{_NAME})(?P<deg>{_DEGREES})?{_APPOSITION_TAIL}")
# Hospitals, streets and venues named after people ("RSUD dr. H. Moh. Anwar", "Jalan Dr. Sumarno", "Paseban Sri
# Baduga", "Gedung Juang"): not people.
_HOSPITAL_BEFORE = re.compile(
    rf"\b(?:RSUD|RSU|RS|Rumah\s+Sakit(?:\s+Umum)?(?:\s+Daerah)?|Jalan|Jl\.?|Jln\.?|Gang|Gg\.|Gedung|Aula|Pendopo|Pendapa"
    rf"|Paseban|Wisma|Stadion|Lapangan|Bandara|Masjid|Taman)\s+(?:{_HONORIFIC})?"
    r"(?:(?:Moh|Muh|Mohd|Moch|Abd|M)\.\s*)?$"
)
_APPOSITION_GAP = re.compile(
    r"(?:,\s*|\s\(|\bselaku\s+|\byang\s+juga\s+(?:menjabat\s+(?:sebagai\s+)?)?|\byang\s+menjabat\s+(?:sebagai\s+)?)$"
)
_ROLE_CLOSE = re.compile(rf"\s*(?:[,.;:)\"”]|$|\s+(?:{_SPEECH_ALT}|yang|saat|ketika|dalam|di|pada|bahwa)\b)")


# "Euis Komalasari (41), kader Posyandu Melati": a name with an age in brackets is a person.
_NAME_AGE = re.compile(rf"(?<![\w.])(?P<name>{_NAME})\s*\(\s*\d{{1,3}}(?:\s*tahun)?\s*\)")
# "kader Posyandu Mawar, Rosmawati, mengaku": a lowercase description of who someone is, then the name.
_DESCRIBED = re.compile(
    r"\b(?P<role>(?i:(?:ketua\s+)?(?:kader|bidan|perawat|petugas|warga|peserta|pasien|pengelola|penanggung\s+jawab"
    r"|perwakilan|narasumber|koordinator|konsultan|fasilitator|dokter|akademisi|dosen|pakar|peneliti))"
    r"(?:[ ]+(?:dari[ ]+)?[A-Z][\w'’.-]*){1,5})"  # on one line: a headline's "Kader ... Distrik" is not it
    rf"(?:\s*,\s*|\s+(?={_HONORIFIC}))(?P<hon>{_HONORIFIC})?(?P<name>{_NAME})(?P<deg>{_DEGREES})?"
    rf"\s*(?:\(\s*\d{{1,3}}\s*\))?(?:\s*[,.]|(?=\s+(?:(?:me|ber|di|ter)[a-z]{{3,}}|{_SPEECH_ALT})\b))"
)


# "Salah satu peserta, Meri Tolewo, kader Posyandu Anggrek di Desa Tonusu, mengaku ...": one of a group, by
# name; the description after the name, if any, is the role.
_ONE_OF = re.compile(
    r"\b[Ss]alah\s+(?:satu|seorang)\s+(?:peserta|kader|warga|pasien|bidan|perawat|petugas|pengunjung"
    r"|penerima\s+manfaat|orang\s+tua|ibu|lansia|tenaga\s+kesehatan|nakes|pengelola|kepala\s+puskesmas)"
    rf"\s*,\s*(?P<hon>{_HONORIFIC})?(?P<name>{_NAME})(?P<deg>{_DEGREES})?\s*(?:\(\s*\d{{1,3}}\s*(?:tahun)?\s*\))?"
    r"(?=\s*,|\s+(?:mengaku|mengatakan|menuturkan|mengungkapkan|menyebut|berharap))"
    r"(?:\s*,\s*(?P<desc>(?:ketua\s+|kepala\s+)?(?:kader|bidan|perawat|petugas|warga|ibu|pengelola|dokter)"
    rf"(?:[ ][A-Z][\w'’.-]*|[ ]\d{{1,3}}){{0,4}}(?:[ ]di[ ](?:{_ADMIN_WORD}[ ])?{_PLACE_WORDS})?))?"
)


def _described_people(text: str, lowered_places: frozenset[str]) -> list[_Found]:
    out = []
    for m in _ONE_OF.finditer(text):
        name = _strip_trailing_nonnames(m["name"])
        if _acceptable(name, lowered_places):
            role = _clean_role(m["desc"])  # "peserta", "warga" alone is who they are, not a position
            out.append(_Found(name, m.start("name"), m.start("name") + len(name), _clean_hon(m["hon"]), (), role))
    for m in _NAME_AGE.finditer(text):
        name = _strip_trailing_nonnames(m["name"])
        if _acceptable(name, lowered_places):
            out.append(_Found(name, m.start("name"), m.start("name") + len(name), None, (), None))
    for m in _DESCRIBED.finditer(text):
        name = _strip_trailing_nonnames(m["name"])
        if _acceptable(name, lowered_places):
            role = _clean_role(m["role"])
            out.append(_Found(name, m.start("name"), m.start("name") + len(name), _clean_hon(m["hon"]), (), role))
    return out


def _roles_after_names(
    text: str, places: frozenset[str], lowered_places: frozenset[str], person_starts: frozenset[int]
) -> list[_Found]:
    """A title after the name: "Sulastri, Kepala Puskesmas Ngawen, mengatakan", "dr. Rina selaku Kepala ..."."""
    out = []
    seen: set[int] = set()
    matches = []
    for head in _ROLE_HEAD.finditer(text):
        p = head.start()
        if not _APPOSITION_GAP.search(text, max(0, p - 40), p):
            continue  # a title after a name follows a comma, "selaku", "yang juga" or a bracket
        for rx in (_APPOSITIVE, _HON_APPOSITIVE):
            for m in rx.finditer(text, max(0, p - 160), min(len(text), p + 60)):
                if m.end() == p and m.start() not in seen:
                    seen.add(m.start())
                    matches.append(m)
    for m in matches:
        name = _strip_trailing_nonnames(m["name"])
        if not name or not _valid_name(name) or name.lower() in lowered_places:
            continue
        if _ROLE_HEAD.match(name) or name.split(" ")[0] in TITLES_BEFORE_NAMES:
            continue
        role_start = m.end()
        role_end = _role_end(text, role_start, places, person_starts)
        extended = _extend_role_to_comma(text, role_start, role_end)
        if extended and _ROLE_CLOSE.match(text, extended):
            role_end = extended
        if not _ROLE_CLOSE.match(text, role_end):
            continue  # the title runs on into something else: not an apposition
        start = m.start("name")
        out.append(
            _Found(
                name,
                start,
                start + len(name),
                _clean_hon(m["hon"]),
                _split_degrees(m["deg"]),
                _clean_role(text[role_start:role_end].rstrip(")")),
            )
        )
    return out


def _doubtful_plain_name(text: str, start: int, name: str) -> bool:
    """Capitalised words straight after a title, with no recogniser, degree or verb of saying to vouch for
    them: a name unless they stand in a Title Case headline ("Pj Bupati Jayapura Luncurkan ILP"), hold an
    everyday word, or are one word running on into the sentence ("Pejabat Hamas yang tewas")."""
    tokens = name.split(" ")
    # "Lalu Pathul Bahri": a name prefix before another name word is no everyday word here.
    everyday = [t for i, t in enumerate(tokens) if not (t in NAME_PREFIXES and i < len(tokens) - 1)]
    if _in_headline(text, start) or any(t.lower() in common_words() for t in everyday):
        return True
    after = text[start + len(name) : start + len(name) + 20]
    return len(tokens) == 1 and not re.match(
        r"\s*[,.;:)(]|$|\s+(?:di|saat|ketika|dalam|pada|kepada|bersama|usai|seusai|selaku|yang\s+juga)\b", after
    )


def _in_headline(text: str, pos: int) -> bool:
    """Inside a headline: the first line, or a Title Case line among the first few, with no sentence end."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    if line_end < 0:
        return False
    line = text[line_start:line_end].rstrip()
    if line.endswith(".") or text.count("\n", 0, line_start) > 4:
        return False
    if line_start == 0:
        return True
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    small = ("di", "ke", "dan", "dari", "untuk", "yang", "dengan", "pada")
    return len(words) >= 4 and sum(w[0].isupper() for w in words if w not in small) >= 0.8 * len(words)


_INNER_HONORIFIC = re.compile(rf"(?<=[ ])(?:(?:{_HONORIFIC_ALT})(?:\.|[ ])\s*)+(?=[A-Z])")
_LEADING_HONORIFIC = re.compile(rf"^(?:(?:{_HONORIFIC_ALT})(?:\.|[ ])\s*)+")


_EDGE_DEGREES = re.compile(rf"(?:{_DEGREES})\s*$")
_ROLE_BEFORE = re.compile(r"(?:,\s*)?(?:" + _HONORIFIC + r")?$")


_DEGREE_AT = re.compile(rf"(?:{_DEGREE_ALT})\.?(?![\w])")


def _from_recognised(
    text: str,
    start: int,
    end: int,
    places: frozenset[str],
    lowered_places: frozenset[str],
    person_starts: frozenset[int] = frozenset(),
) -> _Found | None:
    """A recogniser span, trimmed of titles, places and degrees, with the role that stands right before it."""
    if _DEGREE_AT.match(text, start) or (start > 1 and text[start - 1] in ".-/" and text[start - 2].isalnum()):
        return None  # "Sp" of "dr. Rahmat Hidayat, Sp.A", "Dev" of "MEc.Dev": part of a degree, not a person
    start = _extend_left(text, start, places)
    start = _past_place_around(text, start, end, places)
    close = text.rfind(")", start, end)
    if close >= 0 and "(" not in text[start:close]:
        start = close + 1  # "Sekda) Drs. Hasan": the end of a parenthesis before the name
    while start < end and text[start] in " (\"'“":
        start += 1
    honorific = None
    while True:  # titles, honorifics and places the recogniser took in: "Bupati Sikka Adrianus Parera"
        hon = _LEADING_HONORIFIC.match(text[start:end])
        if hon and hon.end() > 0:
            honorific = _clean_hon(((honorific or "") + " " + hon.group()).strip())
            start += hon.end()
            continue
        skipped = _past_title_or_place(text, start, end, places, loose_titles=True)
        if skipped is None:
            break
        start = skipped
    first = re.match(r"([^\W\d_]+) (?=[A-Z])", text[start:end])
    if first and _starts_sentence(text, start) and _is_everyday(first.group(1)):
        start += first.end()  # "Rombongan Lutra ...": a capitalised everyday word opens the sentence
    degrees: tuple[str, ...] = ()
    tail_end = end  # past the degrees, where a paired name would follow
    tail = _EDGE_DEGREES.search(text[start:end])
    if tail and tail.start() > 0:
        degrees = _split_degrees(tail.group())
        end = start + tail.start()
    cut = re.search(r"\n|\.?\(", text[start:end])
    if cut and cut.start() > 0:
        end = start + cut.start()  # "Sinto\nTRIBUNLOMBOK.COM", "Andi Maria.(rud)": a name ends at a line or bracket
    while end > start and (text[end - 1] in " ,.;:)(\"'”“" or text[end - 1].isspace()):
        end -= 1
    name = text[start:end]
    if not name or not name[0].isupper() or not _valid_name(name) or name.lower() in lowered_places:
        return None
    if _not_a_person(name) or _HOSPITAL_BEFORE.search(text, max(0, start - 40), start):
        return None  # "RSUD dr. H. Bob Bazar": a hospital named after a person
    if any(name.lower() in p for p in lowered_places):
        return None  # a piece of a place name ("Cot Glie" of Kuta Cot Glie)
    if " " not in name and _starts_sentence(text, start) and _everyday_word(name, text[end : end + 40]):
        return None  # "Fenomena kepanikan ini ...": a capitalised everyday word, not a name
    if " " in name and all(t.lower() in common_words() or t.lower() in root_words() for t in name.split(" ")):
        return None  # "Demam Berdarah"
    if _in_headline(text, start) and any(_is_everyday(t) for t in name.split(" ")):
        return None  # "Sikka Resmi Luncurkan": a Title Case headline, not a name
    if start > 0 and text[start - 1].isdigit():
        return None  # "3M Plus": the rest of a token that starts with a digit
    role = _role_before(text, start, places, person_starts)
    paired = _paired_titles(text, role, tail_end)
    return _Found(name, start, end, honorific, degrees, paired[0] if paired else role)


_WORD_BEFORE = re.compile(r"([A-Z][^\W\d_]*(?:[-'’][A-Z]?[^\W\d_]+)?)[ ]$")


def _extend_left(text: str, start: int, places: frozenset[str]) -> int:
    """Take in given names the recogniser left out ("Paul" of "Presiden Paul Kagame"): capitalised words
    right before its span that are no title, place, month or everyday word."""
    for _ in range(3):
        m = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if m is None:
            break
        word = m.group(1)
        if word in NAME_PREFIXES:
            start = m.start(1)  # "Lalu" of "Lalu Pathul Bahri"
            continue
        if (
            sum(c.isupper() for c in word) > 1  # an acronym or a party (PPP, PDI-P, NasDem), not a given name
            or word in TITLES_BEFORE_NAMES
            or word in NOT_NAMES
            or word in ROLE_VOCAB
            or word in _ROLE_HEAD_WORDS
            or word in NON_PERSON_WORDS
            or word.lower() in common_words()
            or any(word.lower() in p.lower().split() for p in places)
            or word in COUNTRY_NAMES
            or region_name_end(text, m.start(1)) is not None
            or norm_name(word) in multiword_region_first_words()
        ):
            break
        start = m.start(1)
    return start


def _past_place_around(text: str, start: int, end: int, places: frozenset[str]) -> int:
    """A span that begins inside a place name ("Enim H Henky" of "Muara Enim H Henky Putrawan") begins after it."""
    for p in places:
        if not p or " " not in p:
            continue
        i = text.rfind(p, max(0, start - len(p)), start + len(p))
        if 0 <= i < start < i + len(p) < end:
            return i + len(p) + 1 if text[i + len(p) : i + len(p) + 1] == " " else i + len(p)
    return start


def _skip_titles_and_places(text: str, start: int, end: int, places: frozenset[str]) -> int:
    """Where the name begins in a run that may open with titles and places ("Kadinkes Takalar Muh. Arif")."""
    while (skipped := _past_title_or_place(text, start, end, places)) is not None:
        start = skipped
    return start


def _past_title_or_place(
    text: str, start: int, end: int, places: frozenset[str], loose_titles: bool = False
) -> int | None:
    """Past one title word or one place that opens text[start:end] and has a capitalised word after it;
    None when it opens with neither. `loose_titles` also takes titles that only stand before names
    ("Presiden") and role heads written out whole, as a recogniser's span may begin with them."""
    head = re.match(r"([\w.]+)\s+", text[start:end])
    if head and (
        head.group(1).rstrip(".") in ROLE_VOCAB
        or head.group(1).rstrip(".") in _ROLE_HEAD_WORDS
        or (loose_titles and (head.group(1) in TITLES_BEFORE_NAMES or _ROLE_HEAD.fullmatch(head.group(1))))
    ):
        return start + head.end()
    place_end = _place_at(text, start, places) or region_name_end(text, start)
    if place_end and place_end < end and re.match(r"\s+[A-Z]", text[place_end:end]):
        start = place_end + 1
        while start < end and text[start] == " ":
            start += 1
        return start
    return None


def _acceptable(name: str, lowered_places: frozenset[str] | set[str]) -> bool:
    """A candidate that passes the name checks, is no place the article names and no thing's acronym."""
    return bool(name) and _valid_name(name) and name.lower() not in lowered_places and not _not_a_person(name)


def _not_a_person(name: str) -> bool:
    """Acronyms of things (UKS, TBC, RSUD; people's acronyms such as SBY stay), web addresses, numbers:
    what a recogniser may take for a name."""
    if any(t in word_set("not_person_acronyms") for t in name.split(" ")):
        return True
    return bool(re.search(r"\.(?:com|id|co|net|org|go|info)\b", name, re.IGNORECASE)) or any(c.isdigit() for c in name)


def _role_before(
    text: str, start: int, places: frozenset[str], person_starts: frozenset[int] = frozenset()
) -> str | None:
    """The position title that ends right before a name ("Kepala Puskesmas X, dr. <name>")."""
    window_start = max(0, start - 120)
    for m in _ROLE_HEAD.finditer(text, window_start, start):
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue
        role_end = _role_end(text, m.start(), places, person_starts)
        extended = _extend_role_to_comma(text, m.start(), role_end)
        run = _TITLE_RUN_TO_COMMA.match(text, role_end)
        if run and run.end() < start and _COMMA_HONORIFICS.fullmatch(text, run.end(), start):
            return _clean_role(text[m.start() : run.end()])  # "Ketua Ikatan Bidan Indonesia (IBI) Cabang X, <name>"
        if extended and extended <= start and not text[extended:start].strip(" ,"):
            role_end = extended
        if (
            role_end <= start
            and _ROLE_BEFORE.search(text[role_end:start].strip(" ")) is not None
            and (len(text[role_end:start].strip(" ,")) <= 6)
        ):
            return _clean_role(text[m.start() : role_end])
    return None


def _strip_trailing_nonnames(name: str) -> str:
    """Drop words that cannot end a name, and a title that a looser pattern took into it ("H. Juaini")."""
    name = _LEADING_HONORIFIC.sub("", name)
    tokens = name.split(" ")
    while tokens and (tokens[-1] in NOT_NAMES or tokens[-1].rstrip(".") in NOT_NAMES):
        tokens.pop()
    return " ".join(tokens)


_ENDS_IN_RANK = re.compile(rf"(?:^|[ ])(?:{_RANK_ALT})(?:[ ]\S+)?$")


def _clean_hon(h: str | None) -> str | None:
    if not h:
        return None
    h = re.sub(r"\s+", " ", h.strip())
    if h.endswith(".") or h.lower() in ("dr", "drg") or _ENDS_IN_RANK.search(h):
        return h  # "AKBP", "Kapten Inf": a rank takes no period
    return h + "."


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    return re.sub(r"\s+", " ", role).strip(" ,.")


def _other_roles(a: str | None, b: str | None) -> bool:
    """Two titles with no head word in common ("Bupati Tapin" and "Ketua TP PKK Tapin"): two people who
    share a name, such as a regent and his wife."""
    if not a or not b:
        return False
    head_a, head_b = a.split(" ")[0].rstrip("."), b.split(" ")[0].rstrip(".")
    return head_a != head_b and not ({head_a, head_b} & {"Plt", "Pj", "Plh", "Pjs", "Wakil"})


def _merge(text: str, found: list[_Found]) -> list[Person]:
    """One person per name: later partial mentions ("Titin") join the fullest earlier form."""
    # At one span, the mention with a role comes first: it decides who the bare mentions there are.
    found.sort(key=lambda f: (f.start, -len(f.name), f.role is None))
    people: list[_Found] = []

    def tokens(name: str) -> set[str]:
        return {t.rstrip(".") for t in name.lower().split()}

    for f in found:
        ftoks = tokens(f.name)
        candidates = [
            p
            for p in people
            if (ftoks <= tokens(p.name) or tokens(p.name) <= ftoks) and not _other_roles(p.role, f.role)
        ]
        # One span is one person: a second title read for it (a list "Camat X, Name, Ketua Y, Ny. Other"
        # gives the name the next person's title too) does not make a second person; the first title stays.
        same_span = next((p for p in people if (p.start, p.end) == (f.start, f.end)), None)
        # "Faridah Yamani" is Faridah Yamani before it is the "Yamani" met earlier.
        exact = next((p for p in candidates if tokens(p.name) == ftoks), None)
        match = same_span or exact or (candidates[0] if candidates else None)
        if match is None:
            people.append(_Found(f.name, f.start, f.end, f.honorific, f.degrees, f.role))
            continue
        if len(f.name) > len(match.name):
            match.name, match.start, match.end = f.name, f.start, f.end
        match.honorific = match.honorific or f.honorific
        match.degrees = match.degrees or f.degrees
        match.role = match.role or f.role
    return [
        Person(
            name=p.name,
            text=text[p.start : p.end],
            char_start=p.start,
            char_end=p.end,
            honorific=p.honorific,
            degrees=p.degrees,
            role=p.role,
        )
        for p in people
    ]
