"""Is a text Indonesian? A function-word count: cheap, and enough to flag English or other pages."""

from __future__ import annotations

import re

INDONESIAN = frozenset(
    "yang dan di ini itu dengan untuk dari pada ke dalam tidak akan juga atau oleh sudah telah "
    "kata bahwa karena para serta adalah tersebut bagi hingga kami kita mereka ia".split()
)
ENGLISH = frozenset("the and of to in is that for with on as by was are this from at be have it an which".split())
_WORD = re.compile(r"[a-z]+")


def detect_language(text: str) -> str:
    """'id' for Indonesian, 'en' for English, 'other' when neither's function words dominate."""
    words = _WORD.findall(text[:20000].lower())
    if not words:
        return "other"
    indonesian = sum(w in INDONESIAN for w in words)
    english = sum(w in ENGLISH for w in words)
    if indonesian >= max(3, 0.04 * len(words)) and indonesian >= english:
        return "id"
    if english >= max(3, 0.04 * len(words)):
        return "en"
    return "other"
