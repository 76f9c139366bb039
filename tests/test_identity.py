"""Issue 14: every fact has a stable identity (`fact_id`) that survives re-extraction."""

from __future__ import annotations

from dataclasses import replace

import hypothesis.strategies as st
from hypothesis import given

from extractors.article import extract_articles
from extractors.cleaning import article_id_for
from extractors.identity import fact_ids, sentence_around
from extractors.models import CleanArticle

ARTICLE = (
    "MARTAPURA - Kepala Dinas Kesehatan Kabupaten Banjar, dr. Yasna Khairina, menyebut hingga April 2025 "
    "sebanyak 17 dari 25 puskesmas telah menerapkan ILP.\n"
    "Sosialisasi ILP digelar di Puskesmas Martapura pada Senin (14/4/2025) dan diikuti 30 kader posyandu.\n"
    "Peluncuran ILP di Kecamatan Astambul dijadwalkan Mei 2025."
)


def facts_of(text: str, url: str | None = "https://contoh.id/ilp-banjar", source: str = "banjar.txt"):
    article = CleanArticle(source, article_id_for(text), text, url=url, published_date="2025-04-20")
    return next(extract_articles([article], processes=1))


def identified(facts) -> dict[str, set[tuple[str, str]]]:
    """kind -> {(fact_id, what the fact says)} for comparing two extractions."""
    ids = fact_ids(facts)
    said = {
        "dates": [(d.start, d.end) for d in facts.dates],
        "facility_counts": [(c.facility_type, c.count) for c in facts.facility_counts],
        "people": [p.name for p in facts.people],
        "locations": [(loc.name, loc.type) for loc in facts.locations],
        "events": [(e.event_type, e.start) for e in facts.events],
    }
    return {kind: set(zip(ids[kind], map(str, said[kind]), strict=True)) for kind in ids}


def test_the_same_article_gives_the_same_ids():
    assert identified(facts_of(ARTICLE)) == identified(facts_of(ARTICLE))


def test_ids_survive_a_change_elsewhere_in_the_article():
    before = identified(facts_of(ARTICLE))
    after = identified(facts_of("Banjarbaru, Antara Kalsel.\nBaca juga berita lain di laman ini.\n" + ARTICLE))
    for kind in ("dates", "facility_counts", "people", "events"):
        assert before[kind] <= after[kind], kind  # offsets moved; ids did not


def test_a_changed_sentence_changes_only_its_facts_ids():
    before = identified(facts_of(ARTICLE))
    edited = ARTICLE.replace("diikuti 30 kader posyandu", "diikuti 32 kader posyandu")
    after = identified(facts_of(edited))
    assert before["facility_counts"] & after["facility_counts"]  # the first sentence's counts keep theirs
    moved = {i for i, what in before["dates"] if what == str(("2025-04-14", "2025-04-14"))}
    assert moved and not moved & {i for i, _ in after["dates"]}  # the edited sentence's date has a new one


def test_ids_are_unique_in_an_article_and_differ_between_sources():
    facts = facts_of(ARTICLE)
    ids = [i for kind in fact_ids(facts).values() for i in kind]
    assert len(ids) == len(set(ids))
    other = fact_ids(facts_of(ARTICLE, url="https://lain.id/berita"))
    assert not set(ids) & {i for kind in other.values() for i in kind}


def test_a_span_repeated_in_one_sentence_gets_two_ids():
    facts = facts_of("BANJAR - Pada 2024 dan sekali lagi pada 2024, ILP dibahas di Martapura.")
    years = [d for d in facts.dates if d.start == "2024"]
    twice = replace(facts, dates=(years[0], years[0]))
    first, second = fact_ids(twice)["dates"]
    assert first != second


def test_the_contract_output_carries_the_ids():
    facts = facts_of(ARTICLE)
    out = facts.to_contract()
    assert [c["fact_id"] for c in out["facility_counts"]] == fact_ids(facts)["facility_counts"]
    assert all(len(e["fact_id"]) == 16 for e in out["events"])


_SENTENCE_TEXT = st.text(alphabet=st.characters(blacklist_characters="\n.!?"), min_size=1, max_size=40)


@given(_SENTENCE_TEXT, _SENTENCE_TEXT, st.text(max_size=60))
def test_a_sentence_is_found_the_same_whatever_comes_before_it(head, tail, prefix):
    text = f"{head} 17 puskesmas {tail}."
    start = text.index("17")
    moved = prefix + "\n" + text
    shift = len(prefix) + 1
    assert sentence_around(moved, start + shift, start + shift + 2) == sentence_around(text, start, start + 2)
