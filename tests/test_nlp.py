import pytest

from extractors.lang import another_clause_pattern
from extractors.nlp import get_nlp, sentence_spans, sentence_starts, text_sentence_spans
from tests.conftest import RAW_ARTICLES


@pytest.mark.parametrize("path", sorted(p for p in RAW_ARTICLES.iterdir() if p.suffix == ".txt"), ids=lambda p: p.name)
def test_pipeline_sentences_match_the_text_sentences(path):
    """The spaCy component and the text-only segmentation the extractors use agree on every boundary."""
    text = path.read_text(encoding="utf-8")
    assert sentence_spans(get_nlp()(text)) == text_sentence_spans(text)


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Kepala Puskesmas, dr. Budi, S.Kep., hadir. Ia senang.", [0, 43]),
        ("Dinkes Kab. Garut hadir.\nAcara dimulai.", [0, 25]),
        ("Harga naik 2,5 persen. Warga resah.", [0, 23]),
        ("Ia berkata: \u201cKami siap.\u201d Lalu pergi.", [0, 25]),
    ],
)
def test_sentence_starts(text, starts):
    assert sentence_starts(text) == starts


def test_hyphenated_words_stay_whole():
    assert [t.text for t in get_nlp()("Kassi-Kassi Jokowi-JK orang-orang")] == [
        "Kassi-Kassi",
        "Jokowi-JK",
        "orang-orang",
    ]


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("12 puskesmas sudah siap, sedangkan pustu menyusul", True),
        ("SK terbit Maret, namun baru disosialisasikan Mei", True),
        ("diluncurkan 2023, serta dievaluasi 2024", True),
        ("diluncurkan 2023, dan dievaluasi 2024", True),
        ("diluncurkan 2023; dievaluasi 2024", True),
        ("puskesmas dan pustu diluncurkan 2023", False),
        ("tenaga kesehatan serta kader dilatih", False),
    ],
)
def test_another_clause_pattern(text, opens):
    assert bool(another_clause_pattern().search(text)) is opens
