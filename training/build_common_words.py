"""Write the list of everyday words (seen in lower case in the training text, never as part of a name).

A capitalised word at the start of a sentence that is on this list ("Fenomena", "Sudah") is not
taken for a one-word name.

    python training/build_common_words.py TRAIN.txt [MORE.txt ...] > extractors/people/common_words.txt
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from training.conll_to_docbin import read_conll  # noqa: E402


def main(paths: list[str]) -> int:
    lower: Counter[str] = Counter()
    in_names: set[str] = set()
    for path in paths:
        for words, tags in read_conll(Path(path)):
            for word, tag in zip(words, tags, strict=True):
                if tag.endswith("PER"):
                    in_names.add(word.lower())
                elif word.isalpha() and word.islower() and len(word) > 1:
                    lower[word] += 1
    print("# Everyday words: seen in lower case in the recogniser's training text, never in a name.")
    for word in sorted(w for w in lower if w not in in_names):
        print(word)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
