"""The baseline: bare spaCy Indonesian tokenisation of every file in a folder (a whole process)."""

import sys
from pathlib import Path

import spacy

nlp = spacy.blank("id")
texts = (p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).iterdir()) if p.is_file())
tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
print(tokens, file=sys.stderr)
