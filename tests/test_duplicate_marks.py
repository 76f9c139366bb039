"""Duplicate marks placed incrementally (through the band index) equal a full pass, whatever arrives when."""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.dedup import band_keys, signature
from warehouse import clusters
from warehouse.clusters import mark_duplicates
from warehouse.store import bump_generation, generation

WORDS = (
    "puskesmas pustu posyandu kader desa kabupaten dinas kesehatan layanan primer integrasi sosialisasi "
    "kegiatan peserta kepala bidang warga lansia balita ibu hamil pelayanan klaster siklus hidup camat "
    "bupati rapat koordinasi percontohan pelatihan anggaran hibah monitoring evaluasi kunjungan"
).split()


@pytest.fixture(autouse=True)
def always_through_the_index(monkeypatch):
    """These corpora are small enough that a full pass would be chosen; take the incremental path always."""
    monkeypatch.setattr(clusters, "_LOOKUP_COST", 0)


def family_text(family: int, variant: int, edits: int) -> str:
    """A story (family) and one outlet's version of it: `edits` words changed, so some versions are near
    each other and some are not."""
    rng = random.Random(family)
    words = [rng.choice(WORDS) for _ in range(160)]
    vary = random.Random(family * 1000 + variant)
    for i in vary.sample(range(len(words)), edits):
        words[i] = vary.choice(WORDS) + "x"
    return " ".join(words)


def write(db, article_id: str, text: str, day: int) -> None:
    """What write_article stores for duplicate marking: the signature, its band keys, the date, a generation."""
    sig = signature(text)
    with db.atomic():
        bump_generation(db)
        db.execute("delete from article_bands where article_id = ?", [article_id])
        db["articles"].upsert(
            {
                "article_id": article_id,
                "text": text,
                "minhash": sig,
                "reported_date": f"2024-{1 + day // 28:02d}-{1 + day % 28:02d}",
                "ingested_at": "2024-12-31T00:00:00+00:00",
                "generation": generation(db),
            },
            pk="article_id",
        )
        db.conn.executemany(
            "insert into article_bands (article_id, band_key) values (?, ?)", [(article_id, k) for k in band_keys(sig)]
        )


def delete(db, article_id: str) -> None:
    with db.atomic():
        db.execute("delete from article_bands where article_id = ?", [article_id])
        db.execute("delete from articles where article_id = ?", [article_id])
        bump_generation(db)


def marks(db) -> list[tuple]:
    return sorted(db.execute("select article_id, duplicate_of, duplicate_similarity from articles").fetchall())


def incremental_then_full(db) -> tuple[list[tuple], list[tuple]]:
    since = generation(db, "clustered_generation")
    mark_duplicates(db, since_generation=since)
    db.execute("update warehouse_state set value = ? where key = 'clustered_generation'", [generation(db)])
    incremental = marks(db)
    mark_duplicates(db)
    return incremental, marks(db)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 10_000))
def test_incremental_marks_equal_a_full_pass(fresh_db, seed):
    rng = random.Random(seed)
    fresh_db.execute("delete from articles")
    fresh_db.execute("delete from article_bands")
    live: set[str] = set()
    for _ in range(rng.randint(2, 5)):  # batches, each marked incrementally before the next arrives
        for _ in range(rng.randint(1, 8)):
            action = rng.random()
            if live and action < 0.1:
                gone = rng.choice(sorted(live))
                delete(fresh_db, gone)
                live.discard(gone)
                continue
            family, variant = rng.randint(0, 3), rng.randint(0, 5)
            aid = f"f{family}v{variant}"
            # Dates anywhere in the year: older stories arrive late, and a rewrite can move an article.
            write(fresh_db, aid, family_text(family, variant, rng.choice([0, 4, 12, 40])), rng.randint(0, 300))
            live.add(aid)
        incremental, full = incremental_then_full(fresh_db)
        assert incremental == full


def test_a_late_older_copy_becomes_the_original(fresh_db):
    text = family_text(1, 0, 0)
    write(fresh_db, "newer", text, 100)
    assert incremental_then_full(fresh_db)[0] == [("newer", None, None)]
    write(fresh_db, "older", text + " tambahan", 10)  # the same story, dated earlier, ingested later
    incremental, full = incremental_then_full(fresh_db)
    assert incremental == full
    assert dict((a, d) for a, d, _ in incremental) == {"newer": "older", "older": None}


def test_duplicates_of_a_deleted_original_are_placed_again(fresh_db):
    text = family_text(2, 0, 0)
    for aid, day in (("first", 1), ("second", 2), ("third", 3)):
        write(fresh_db, aid, text + f" {aid}", day)
    assert {a: d for a, d, _ in incremental_then_full(fresh_db)[0]} == {
        "first": None,
        "second": "first",
        "third": "first",
    }
    delete(fresh_db, "first")
    incremental, full = incremental_then_full(fresh_db)
    assert incremental == full
    assert {a: d for a, d, _ in incremental} == {"second": None, "third": "second"}


def test_a_large_change_takes_the_full_pass(fresh_db, monkeypatch):
    monkeypatch.setattr(clusters, "_LOOKUP_COST", 25)
    for i in range(4):
        write(fresh_db, f"a{i}", family_text(i, 0, 0), i)
    assert clusters._place_changed(fresh_db, 0.8, since=-1) is None  # every article is new
    fresh_db.execute("update warehouse_state set value = ? where key = 'clustered_generation'", [generation(fresh_db)])
    for i in range(30):
        write(fresh_db, f"b{i}", family_text(10 + i, 0, 0), 100 + i)
    write(fresh_db, "late", family_text(3, 0, 0) + " sumber", 200)
    placed = clusters._place_changed(fresh_db, 0.8, since=generation(fresh_db) - 1)  # one of 35: the index
    assert placed == clusters.Placement(duplicates=1, remarked=frozenset({"late"}))
