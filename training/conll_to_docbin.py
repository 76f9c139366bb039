"""Convert CoNLL NER files (`TOKEN POS TAG` per line, IOB tags, blank line between sentences) to spaCy DocBin.

python training/conll_to_docbin.py IN.txt OUT.spacy
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    sentences, words, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if words:
                sentences.append((words, tags))
                words, tags = [], []
            continue
        words.append(parts[0])
        tags.append(parts[-1] if parts[-1] != "O" else "O")
    if words:
        sentences.append((words, tags))
    return sentences


def to_docbin(sentences: list[tuple[list[str], list[str]]]) -> DocBin:
    vocab = spacy.blank("id").vocab
    db = DocBin()
    for words, tags in sentences:
        doc = Doc(vocab, words=words, ents=[_fix_iob(t, tags[i - 1] if i else "O") for i, t in enumerate(tags)])
        db.add(doc)
    return db


def _fix_iob(tag: str, previous: str) -> str:
    """An I- tag that starts an entity (bad IOB in the source) becomes B-."""
    if tag.startswith("I-") and previous[2:] != tag[2:]:
        return "B-" + tag[2:]
    return tag


def main(argv: list[str]) -> int:
    src, dst = Path(argv[1]), Path(argv[2])
    sentences = read_conll(src)
    to_docbin(sentences).to_disk(dst)
    print(f"{src}: {len(sentences)} sentences -> {dst}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
