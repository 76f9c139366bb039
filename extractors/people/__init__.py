"""Named people with their roles, honorifics and degrees.

Anchored, not guessed: a person is found through what Indonesian news puts around a name, a
role before it ("Kepala Puskesmas Lampisang Marlina SKM"), an honorific ("dr Karyadi"), degrees
after it ("Titin Sutriani, S.Farm., Apt."), or a speech verb ("ujar Titin"). Later mentions by
part of the name join the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.models import Person
from extractors.people.lexicon import (
    DEGREE_TOKENS,
    HONORIFICS,
    NON_PERSON_WORDS,
    NOT_NAMES,
    PLACE_SLOT_WORDS,
    ROLE_HEADS,
    ROLE_VOCAB,
    SPEECH_VERBS,
    TITLES_BEFORE_NAMES,
)
from extractors.wordlists import common_words, root_words

__all__ = ["extract_people"]

_NAME_TOKEN = r"(?:Muh\.|Moh\.|Mhd\.|[A-Z]\.|[A-Z][^\W\d_A-Z]+(?:-[A-Z]?[^\W\d_A-Z]+)?)"
_NAME = rf"{_NAME_TOKEN}(?:[ ]{_NAME_TOKEN}){{0,3}}"
_DEGREE_WORDS = {d.rstrip(".") for d in DEGREE_TOKENS}
_DEGREE_ALT = "|".join(re.escape(d) for d in sorted(DEGREE_TOKENS, key=len, reverse=True))
# Degrees after a name: ", S.Kep., M.Kes", " SKM", ".,S.Kep.,MKM".
_DEGREES = rf"(?:\s*[.,]*\s*(?:{_DEGREE_ALT})\.?(?![\w]))+"
_HONORIFIC_ALT = "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
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


def _valid_name(name: str) -> bool:
    tokens = name.split(" ")
    if any(t in NOT_NAMES or t.rstrip(".") in NOT_NAMES or t in NON_PERSON_WORDS for t in tokens):
        return False
    if all(t.rstrip(".") in _DEGREE_WORDS or t in ROLE_VOCAB for t in tokens):
        return False
    return not all(len(t.rstrip(".")) <= 1 for t in tokens)


_VERB_AFTER = re.compile(rf"\s*,?\s+(?:(?:me|ber|di|ter)[a-z]{{3,}}|{_SPEECH_ALT})\b")


def _everyday_word(word: str, after: str) -> bool:
    """A sentence-initial word that is common in lower case, unless a verb follows it as after a subject."""
    lowered = word.lower()
    if lowered in common_words():
        return True
    return lowered in root_words() and not _VERB_AFTER.match(after)


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"“'(")
    return not before or before[-1] in ".!?:\n"


def _role_end(text: str, start: int, places: set[str]) -> int:
    """Where a position title that begins at `start` ends: its vocabulary, places in its place slots."""
    head = _ROLE_HEAD.match(text, start)
    pos = head.end() if head else start
    expect_place = bool(head) and head.group().split(" ")[-1] in PLACE_SLOT_WORDS
    while text[pos : pos + 1] == " ":
        m = _WORD.match(text, pos + 1)
        if m is None:
            break
        word = m.group().rstrip(".,")
        if expect_place:
            expect_place = False
            place = next(
                (
                    p
                    for p in sorted(places, key=len, reverse=True)
                    if text[m.start() : m.start() + len(p)].lower() == p.lower()
                    and not text[m.start() + len(p) : m.start() + len(p) + 1].isalnum()
                ),
                None,
            )
            if place:
                pos = m.start() + len(place)
                continue
            if word[:1].isupper() and word not in ROLE_VOCAB and word not in NOT_NAMES:
                pos = m.start() + len(word)
                number = re.match(r" (?:\d{1,2}|[IVX]{1,4})\b", text[pos:])
                pos += number.end() if number else 0
                continue
        if word in ROLE_VOCAB or (word in ("dan", "&") and _next_is_role_word(text, m.end())):
            pos = m.start() + len(word)
            expect_place = word in PLACE_SLOT_WORDS
            continue
        break
    return pos


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


def _next_is_role_word(text: str, pos: int) -> bool:
    m = _WORD.match(text, pos + 1)
    return bool(m) and m.group().rstrip(".,") in ROLE_VOCAB and not _ROLE_HEAD.match(text, m.start())


def extract_people(
    text: str, places: set[str] | None = None, recognised: list[tuple[int, int]] | None = None
) -> list[Person]:
    """Named people in `text`.

    `places` (facility and region names found in it) bound roles; `recognised` are person spans
    from the statistical recogniser, kept when they survive the same name checks as the rules.
    """
    places = places or set()
    lowered_places = {p.lower() for p in places}
    found: list[_Found] = []
    for start, end in recognised or []:
        person = _from_recognised(text, start, end, places, lowered_places)
        if person is not None:
            found.append(person)
    for m in _ROLE_HEAD.finditer(text):
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue
        role_end = _role_end(text, m.start(), places)
        extended = _extend_role_to_comma(text, m.start(), role_end)
        hit = _COMMA_THEN_NAME.match(text[extended : extended + 120]) if extended else None
        if hit is not None and _valid_name(_strip_trailing_nonnames(hit["name"])):
            role_end = extended  # "Kepala Dinas Perindustrian dan Perdagangan Kota Jambi, Ridwan Saleh"
        else:
            after = text[role_end : role_end + 120]
            hit = _HON_THEN_NAME.match(after) or _COMMA_THEN_NAME.match(after) or _PLAIN_NAME.match(after)
        role = text[m.start() : role_end]
        if hit is None:
            continue
        name = _strip_trailing_nonnames(hit["name"])
        if not name or not _valid_name(name) or name.lower() in lowered_places:
            continue
        start = role_end + hit.start("name")
        # A role run straight into capitalised words ("Pj Bupati Jayapura Luncurkan ILP") is a name only
        # when the recogniser agrees, or a degree or a verb of saying follows it.
        weak = hit.re is _PLAIN_NAME and not hit["deg"] and not _VERB_AFTER.match(text, start + len(name))
        if weak and recognised is not None and not any(s < start + len(name) and start < e for s, e in recognised):
            continue
        found.append(
            _Found(
                name,
                start,
                start + len(name),
                _clean_hon(hit["hon"]) if "hon" in hit.re.groupindex else None,
                _split_degrees(hit["deg"]),
                _clean_role(role),
            )
        )
    for rx in (_HONORIFIC_NAME, _NAME_DEGREES):
        for m in rx.finditer(text):
            name = _strip_trailing_nonnames(m["name"])
            if name and _valid_name(name) and name.lower() not in lowered_places:
                hon = _clean_hon(m.groupdict().get("hon"))
                found.append(
                    _Found(name, m.start("name"), m.start("name") + len(name), hon, _split_degrees(m["deg"]), None)
                )
    for rx in (_SPEECH_THEN_NAME, _NAME_THEN_SPEECH):
        for m in rx.finditer(text):
            name = _strip_trailing_nonnames(m["name"])
            if name and _valid_name(name) and name.lower() not in lowered_places:
                found.append(_Found(name, m.start("name"), m.start("name") + len(name), None, (), None))
    return _merge(text, found)


_LEADING_HONORIFIC = re.compile(rf"^(?:(?:{_HONORIFIC_ALT})(?:\.|[ ])\s*)+")


_EDGE_DEGREES = re.compile(rf"(?:{_DEGREES})\s*$")
_ROLE_BEFORE = re.compile(r"(?:,\s*)?(?:" + _HONORIFIC + r")?$")


def _from_recognised(text: str, start: int, end: int, places: set[str], lowered_places: set[str]) -> _Found | None:
    """A recogniser span, trimmed of titles and degrees, with the role that stands right before it."""
    span = text[start:end]
    hon = _LEADING_HONORIFIC.match(span)
    honorific = None
    if hon:
        honorific = _clean_hon(hon.group())
        start += hon.end()
    while True:  # role words the recogniser took in: "Presiden Joko Widodo" -> "Joko Widodo"
        head = re.match(r"([\w.]+)\s+", text[start:end])
        if head and (
            head.group(1) in ROLE_VOCAB or head.group(1) in TITLES_BEFORE_NAMES or _ROLE_HEAD.fullmatch(head.group(1))
        ):
            start += head.end()
            continue
        break
    degrees: tuple[str, ...] = ()
    tail = _EDGE_DEGREES.search(text[start:end])
    if tail and tail.start() > 0:
        degrees = _split_degrees(tail.group())
        end = start + tail.start()
    while end > start and text[end - 1] in " ,.;:)(\"'”“":
        end -= 1
    while start < end and text[start] in "(\"'“":
        start += 1
    name = text[start:end]
    if not name or not name[0].isupper() or not _valid_name(name) or name.lower() in lowered_places:
        return None
    if any(name.lower() in p for p in lowered_places):
        return None  # a piece of a place name ("Cot Glie" of Kuta Cot Glie)
    if " " not in name and _starts_sentence(text, start) and _everyday_word(name, text[end : end + 40]):
        return None  # "Fenomena kepanikan ini ...": a capitalised everyday word, not a name
    if " " in name and all(t.lower() in common_words() or t.lower() in root_words() for t in name.split(" ")):
        return None  # "Demam Berdarah"
    return _Found(name, start, end, honorific, degrees, _role_before(text, start, places))


def _role_before(text: str, start: int, places: set[str]) -> str | None:
    """The position title that ends right before a name ("Kepala Puskesmas X, dr. <name>")."""
    window_start = max(0, start - 120)
    for m in _ROLE_HEAD.finditer(text, window_start, start):
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue
        role_end = _role_end(text, m.start(), places)
        extended = _extend_role_to_comma(text, m.start(), role_end)
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


def _clean_hon(h: str | None) -> str | None:
    if not h:
        return None
    h = re.sub(r"\s+", " ", h.strip())
    return h if h.endswith(".") or h.lower() in ("dr", "drg") else h + "."


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    return re.sub(r"\s+", " ", role).strip(" ,.")


def _merge(text: str, found: list[_Found]) -> list[Person]:
    """One person per name: later partial mentions ("Titin") join the fullest earlier form."""
    found.sort(key=lambda f: (f.start, -len(f.name)))
    people: list[_Found] = []

    def tokens(name: str) -> set[str]:
        return {t.rstrip(".") for t in name.lower().split()}

    for f in found:
        ftoks = tokens(f.name)
        match = next((p for p in people if ftoks <= tokens(p.name) or tokens(p.name) <= ftoks), None)
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
