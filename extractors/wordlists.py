"""Everyday Indonesian words, to tell a capitalised common word from a name.

Two lists: PySastrawi's 30,000 root words (MIT), and the words seen in lower case in the person
recogniser's training text (`people/common_words.txt`, rebuilt by `make train-ner`).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path


@lru_cache(maxsize=1)
def root_words() -> frozenset[str]:
    path = resources.files("Sastrawi").joinpath("Stemmer/data/kata-dasar.txt")
    return frozenset(path.read_text(encoding="utf-8").split())


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    path = Path(__file__).parent / "people" / "common_words.txt"
    return frozenset(w for w in path.read_text(encoding="utf-8").split() if not w.startswith("#"))


def is_everyday_word(word: str) -> bool:
    lowered = word.lower()
    return lowered in common_words() or lowered in root_words()
