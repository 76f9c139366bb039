import random

import pytest

from extractors.dedup import LSHIndex, shingles, signature, similarity

WORDS = (
    "puskesmas pustu posyandu kader desa kabupaten dinas kesehatan layanan primer integrasi sosialisasi "
    "kegiatan peserta kepala bidang warga lansia balita ibu hamil pelayanan klaster siklus hidup"
).split()


def text(seed: int, n: int = 300) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n))


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


@pytest.mark.parametrize("changed_words", [0, 5, 20, 60, 150])
def test_estimate_follows_the_true_overlap(changed_words):
    base = text(1).split()
    rng = random.Random(changed_words)
    edited = list(base)
    for i in rng.sample(range(len(edited)), changed_words):
        edited[i] = "berbeda"
    a, b = " ".join(base), " ".join(edited)
    assert abs(similarity(signature(a), signature(b)) - jaccard(a, b)) < 0.2


def test_unrelated_texts_are_not_candidates_and_copies_are():
    index = LSHIndex()
    original = text(7)
    index.insert("original", signature(original))
    assert "original" in index.candidates(signature(original + " Sumber: kantor berita"))
    assert index.candidates(signature(text(8))) == set()


def test_signature_is_stable():
    one = "Dinas Kesehatan menggelar sosialisasi ILP"
    assert signature(one) == signature(one)
