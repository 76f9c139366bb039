"""Indonesian language data as plain data files, one word or phrase a line, `#` for comments.

One place for the word lists every extractor reads (honorifics, degrees, titles, speech verbs, ...),
so a list is extended by editing a text file, and each entry is tested as data.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of `<name>.txt` in file order, blank lines and comments left out."""
    lines = (DATA_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(s for line in lines if (s := line.strip()) and not s.startswith("#"))


@cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(word_list(name))


@cache
def another_clause_pattern() -> re.Pattern[str]:
    """Where another clause of a sentence begins: a connective, a comma before "dan"/"serta" or a next step
    ("..., lalu orientasi ..."), a semicolon."""
    words = "|".join(map(re.escape, word_list("clause_connectives")))
    return re.compile(rf"\b(?:{words})\b|,\s*(?:dan|serta|lalu|kemudian|selanjutnya)\b|;", re.IGNORECASE)
