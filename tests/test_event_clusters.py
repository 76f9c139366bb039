"""Event clusters rebuilt only where articles changed equal a rebuild of the whole warehouse."""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.cleaning import article_id_for
from extractors.models import ArticleFacts, CleanArticle, Event
from tests.test_duplicate_marks import family_text
from warehouse import clusters
from warehouse.clusters import mark_duplicates, rebuild_event_clusters
from warehouse.store import generation, write_article

TYPES = ("launch", "socialization", "training")
DATES = (None, "2024-03-05", "2024-03-06", "2024-05")
PLACES = (None, "33.24", "33.24.01", "62.02")
FACILITIES = (None, "Ketapang 2", "Plantungan")


@pytest.fixture(autouse=True)
def always_incremental(monkeypatch):
    """Small warehouses would be rebuilt whole; follow the changed articles always."""
    monkeypatch.setattr(clusters, "_LOOKUP_COST", 0)


def article(rng: random.Random, name: str) -> ArticleFacts:
    """An article of one of a few stories (so near-duplicates occur) with a few events drawn from few values
    (so events of different articles share clusters)."""
    text = family_text(rng.randint(0, 2), rng.randint(0, 3), rng.choice([0, 0, 40]))
    day = f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
    events = []
    for _ in range(rng.randint(0, 3)):
        start = rng.choice(DATES)
        events.append(
            Event(
                event_type=rng.choice(TYPES),
                evidence=text[:40],
                char_start=0,
                char_end=40,
                start=start,
                end=start,
                facility=rng.choice(FACILITIES),
                location_code=rng.choice(PLACES),
            )
        )
    clean = CleanArticle(source=name, article_id=article_id_for(text), text=text, published_date=day)
    return ArticleFacts(article=clean, is_ilp=True, events=tuple(events))


def snapshot(db) -> tuple[list, list]:
    return (
        sorted(db.execute("select * from event_clusters").fetchall()),
        sorted(db.execute("select cluster_id, event_id, article_id from event_cluster_members").fetchall()),
    )


def sizes(db) -> dict[str, tuple[int, int]]:
    return {r[0]: (r[1], r[2]) for r in db.execute("select cluster_id, n_events, n_articles from event_clusters")}


def cluster_changes(db) -> None:
    """What the event_clusters asset does after a batch is written."""
    since = generation(db, "clustered_generation")
    placement = mark_duplicates(db, since_generation=since)
    assert placement.remarked is not None  # the incremental path was taken
    rebuild_event_clusters(db, since_generation=since, remarked=placement.remarked)
    db.execute("update warehouse_state set value = ? where key = 'clustered_generation'", [generation(db)])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 10_000))
def test_rebuilding_changed_clusters_equals_a_full_rebuild(fresh_db, seed):
    rng = random.Random(seed)
    for table in ("event_cluster_members", "event_clusters", "event_counts", "events", "article_bands", "inputs"):
        fresh_db.execute(f"delete from {table}")
    fresh_db.execute("delete from articles")
    for _ in range(rng.randint(2, 5)):
        for _ in range(rng.randint(1, 6)):  # new paths and rewrites of earlier ones (their old article goes)
            name = f"a{rng.randint(0, 7)}.txt"
            write_article(fresh_db, article(rng, name), f"in/{name}", "b1")
        cluster_changes(fresh_db)
        incremental = snapshot(fresh_db)
        mark_duplicates(fresh_db)
        rebuild_event_clusters(fresh_db)
        assert incremental == snapshot(fresh_db)


def test_a_rewritten_article_leaves_its_old_cluster(fresh_db):
    rng = random.Random(3)
    first = article(rng, "a.txt")
    launch = Event("launch", "x", 0, 1, start="2024-03-05", end="2024-03-05", location_code="33.24")
    write_article(fresh_db, ArticleFacts(first.article, True, events=(launch,)), "in/a.txt", "b1")
    other = article(rng, "b.txt")
    write_article(fresh_db, ArticleFacts(other.article, True, events=(launch,)), "in/b.txt", "b1")
    cluster_changes(fresh_db)
    assert sizes(fresh_db) == {"launch|2024-03-05|2024-03-05|33.24": (2, 2)}
    moved = Event("launch", "x", 0, 1, start="2024-04-01", end="2024-04-01", location_code="33.24")
    rewritten = CleanArticle("a.txt", article_id_for(first.article.text + " ralat"), first.article.text + " ralat")
    write_article(fresh_db, ArticleFacts(rewritten, True, events=(moved,)), "in/a.txt", "b1")
    cluster_changes(fresh_db)
    assert sizes(fresh_db) == {
        "launch|2024-03-05|2024-03-05|33.24": (1, 1),
        "launch|2024-04-01|2024-04-01|33.24": (1, 1),
    }
