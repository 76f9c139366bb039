"""The one spaCy pipeline every extractor shares, built once per process.

A blank Indonesian tokenizer plus a sentence segmenter that knows news text: a line break
ends a sentence, and the periods of degrees and honorifics ("S.Kep.", "dr.", "Kab.") do not.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from extractors.people.lexicon import DEGREE_TOKENS, HONORIFICS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# An abbreviation whose period does not end a sentence.
_ABBREVIATIONS = {a.lower().rstrip(".") for a in (*DEGREE_TOKENS, *HONORIFICS)} | {
    # Titles written with a period: "Penjabat (Pj.) Bupati", "Plt. Kepala Dinas".
    "pj",
    "plt",
    "plh",
    "pjs",
    "ny",
    "tn",
    "drh",
    "kol",
    "brigjen",
    "kombes",
    "no",
    "nomor",
    "kab",
    "kec",
    "kel",
    "ds",
    "jl",
    "prov",
    "pemkab",
    "tgl",
    "dll",
    "dsb",
    "dkk",
    "a.n",
    "u.p",
    "bpk",
    "ibu",
    "sdr",
    "st",
    "mr",
    "mrs",
    "ir",
    "drs",
    "dra",
    "hj",
    "h",
    "prof",
    "kh",
}
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]*[\"”’')\]]*\s*$")


def sentence_starts(text: str) -> list[int]:
    """Character offsets where sentences begin (the first is always 0)."""
    starts = [0]
    for m in _SENTENCE_END.finditer(text):
        if m.group().strip() and m.group()[0] == ".":
            w = _WORD_BEFORE.search(text[max(0, m.start() - 30) : m.end()])
            word = (w.group(1) if w else "").lower().rstrip(".")
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        starts.append(m.end())
    return starts


def _segment(doc: Doc) -> Doc:
    """Set sentence starts from `sentence_starts` in one array write (no per-token Python objects)."""
    import numpy as np
    from spacy.attrs import IDX, SENT_START

    if len(doc) == 0:
        return doc
    idx = doc.to_array([IDX]).reshape(-1)
    starts = np.isin(idx, np.fromiter(sentence_starts(doc.text), dtype=idx.dtype))
    starts[0] = True
    doc.from_array([SENT_START], np.where(starts, 1, -1).astype("int64").view("uint64").reshape(-1, 1))
    return doc


NER_MODEL_DIR = Path(__file__).parent / "people" / "ner_model"


TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "ilp.news_tokenizer.v1"}}}


def _register_tokenizer() -> None:
    import spacy

    if "ilp.news_tokenizer.v1" in spacy.registry.tokenizers:
        return

    @spacy.registry.tokenizers("ilp.news_tokenizer.v1")
    def create_news_tokenizer():
        """spaCy's Indonesian tokenizer, except that a hyphen between letters never splits a word.

        Indonesian writes reduplications ("orang-orang") and paired names ("Jokowi-JK") with hyphens,
        and the CoNLL data the recogniser learnt from keeps them as one token. Without the hyphen split,
        the thousands of hyphenated special cases spaCy ships are not needed, which makes the tokenizer
        about thirty times faster to build.
        """

        def make(nlp: Language):
            from spacy.tokenizer import Tokenizer
            from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

            d = nlp.Defaults
            rules = {k: v for k, v in (d.tokenizer_exceptions or {}).items() if "-" not in k}
            return Tokenizer(
                nlp.vocab,
                rules=rules,
                prefix_search=compile_prefix_regex(d.prefixes).search,
                suffix_search=compile_suffix_regex(d.suffixes).search,
                infix_finditer=compile_infix_regex([p for p in d.infixes if not _splits_letter_hyphen(p)]).finditer,
                token_match=d.token_match,
                url_match=d.url_match,
            )

        return make


@lru_cache(maxsize=2)
def get_nlp(recogniser: bool = True) -> Language:
    """Tokenizer, sentence segmenter and (when shipped) the trained person recogniser."""
    import spacy
    from spacy.language import Language

    _register_tokenizer()
    if "ilp_sentences" not in Language.factories:
        Language.component("ilp_sentences")(_segment)
    if recogniser and (NER_MODEL_DIR / "config.cfg").exists():
        nlp = spacy.load(NER_MODEL_DIR, exclude=["tokenizer"], config=TOKENIZER)
        nlp.add_pipe("ilp_sentences", first=True)
    else:
        nlp = spacy.blank("id", config=TOKENIZER)
        nlp.add_pipe("ilp_sentences")
    return nlp


def _splits_letter_hyphen(pattern: str) -> bool:
    try:
        m = re.search(pattern, "Kassi-Kassi")
    except re.error:
        return False
    return m is not None and m.group() == "-"


def person_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans the recogniser labels as persons (none without a recogniser).

    Read from the entity arrays rather than `doc.ents`, which builds a Span per entity and a Token per word.
    """
    from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LENGTH

    if len(doc) == 0:
        return []
    per = doc.vocab.strings.add("PER")
    spans: list[tuple[int, int]] = []
    start = end = None
    for iob, ent_type, idx, length in doc.to_array([ENT_IOB, ENT_TYPE, IDX, LENGTH]).tolist():
        if start is not None and (iob != 1 or ent_type != per):  # B starts an entity; O or another type ends one
            spans.append((start, end))
            start = None
        if ent_type == per and iob in (1, 3):
            if start is None:
                start = idx
            end = idx + length
    if start is not None:
        spans.append((start, end))
    return spans


def text_sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, from the text alone; the same boundaries the pipeline sets."""
    return _trimmed_spans(text, sentence_starts(text))


def _trimmed_spans(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """Sentences from their start offsets, with surrounding whitespace trimmed and empty ones left out."""
    spans = []
    for s, e in zip(starts, [*starts[1:], len(text)], strict=True):
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        if e > s:
            spans.append((s, e))
    return spans


def sentence_spans(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """(start, end) character spans of the doc's sentences, trailing whitespace trimmed.

    Read from the Doc's sentence-start array, not `doc.sents` (which builds a Python object per token and
    would cost more than the rest of extraction together).
    """
    from spacy.attrs import IDX, SENT_START

    if len(doc) == 0:
        return []
    arr = doc.to_array([SENT_START, IDX])
    starts = arr[:, 1][arr[:, 0] == 1].tolist()
    first = int(arr[0, 1])
    if not starts or starts[0] != first:
        starts.insert(0, first)
    # doc.text joins every token again: pass the text when known
    return _trimmed_spans(doc.text if text is None else text, starts)
