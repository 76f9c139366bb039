"""Near-duplicate articles: MinHash signatures over word shingles, and banded LSH to find candidates.

The same press release syndicated on several sites differs in chrome and a few words; its shingle
sets still overlap heavily, which MinHash estimates cheaply. Written here with numpy (about forty lines)
rather than imported, because the library's import alone cost more than an incremental run's work.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable

import numpy as np

NUM_PERM = 64
BANDS, ROWS = 16, 4  # 16 bands of 4 rows: pairs above about 0.5 similarity become candidates
SHINGLE = 5
_rng = np.random.default_rng(20240101)  # fixed: stored signatures stay comparable across runs
# Multiply-shift hashing: (a * x + b) mod 2^64, top 32 bits, with a odd; numpy's uint64 wraps mod 2^64.
_A = _rng.integers(0, np.iinfo(np.uint64).max, size=NUM_PERM, dtype=np.uint64, endpoint=True) | np.uint64(1)
_B = _rng.integers(0, np.iinfo(np.uint64).max, size=NUM_PERM, dtype=np.uint64, endpoint=True)
_SHIFT = np.uint64(32)
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _hashes(items: Iterable[str]) -> np.ndarray:
    return np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode(), digest_size=4).digest(), "little") for s in items), dtype=np.uint64
    )


def signature(text: str) -> bytes:
    """MinHash signature of a text (NUM_PERM 64-bit values), as bytes for storage."""
    x = _hashes(shingles(text))
    if x.size == 0:
        return np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64).tobytes()
    with np.errstate(over="ignore"):
        values = (_A[:, None] * x[None, :] + _B[:, None]) >> _SHIFT
    return values.min(axis=1).astype(np.uint64).tobytes()


def _array(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.uint64)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(_array(a) == _array(b)))


def band_keys(sig: bytes) -> list[bytes]:
    """The signature's LSH buckets, one per band: the band number's byte, then that band's rows.

    Two signatures are candidates when they share any key; the warehouse stores them indexed, so a new
    article's candidates are one lookup rather than a pass over every article.
    """
    step = ROWS * 8
    return [bytes([b]) + sig[b * step : (b + 1) * step] for b in range(BANDS)]


class LSHIndex:
    """Banded locality-sensitive hashing over signatures, in memory: which earlier items may be near one."""

    def __init__(self) -> None:
        self._buckets: dict[bytes, list[str]] = defaultdict(list)

    def candidates(self, sig: bytes) -> set[str]:
        return {key for band in band_keys(sig) for key in self._buckets.get(band, ())}

    def insert(self, key: str, sig: bytes) -> None:
        for band in band_keys(sig):
            self._buckets[band].append(key)
