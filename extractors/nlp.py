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
    starts = set(sentence_starts(doc.text))
    for token in doc:
        token.is_sent_start = (
            token.i == 0
            or token.idx in starts
            or (token.i > 0 and "\n" in doc[token.i - 1].text and not token.is_space)
        )
    return doc


NER_MODEL_DIR = Path(__file__).parent / "people" / "ner_model"


@lru_cache(maxsize=2)
def get_nlp(recogniser: bool = True) -> Language:
    """Tokenizer, sentence segmenter and (when shipped) the trained person recogniser."""
    import spacy
    from spacy.language import Language

    if "ilp_sentences" not in Language.factories:
        Language.component("ilp_sentences")(_segment)
    if recogniser and (NER_MODEL_DIR / "config.cfg").exists():
        nlp = spacy.load(NER_MODEL_DIR)
        nlp.add_pipe("ilp_sentences", first=True)
    else:
        nlp = spacy.blank("id")
        nlp.add_pipe("ilp_sentences")
    keep_hyphenated_words(nlp)
    return nlp


def keep_hyphenated_words(nlp: Language) -> None:
    """Do not split "Kassi-Kassi" or "Jokowi-JK" at the hyphen.

    Indonesian writes reduplications and paired names with hyphens, and the CoNLL data the
    recogniser learnt from keeps them as one token; the tokenizer must agree with it.
    """
    from spacy.util import compile_infix_regex

    infixes = [p for p in nlp.Defaults.infixes if not _splits_letter_hyphen(p)]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _splits_letter_hyphen(pattern: str) -> bool:
    try:
        m = re.search(pattern, "Kassi-Kassi")
    except re.error:
        return False
    return m is not None and m.group() == "-"


def person_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans the recogniser labels as persons (none without a recogniser)."""
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"]


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) character spans of the doc's sentences, trailing whitespace trimmed."""
    spans = []
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        while e > s and doc.text[e - 1].isspace():
            e -= 1
        while s < e and doc.text[s].isspace():
            s += 1
        if e > s:
            spans.append((s, e))
    return spans
