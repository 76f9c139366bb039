"""Near-duplicate articles: MinHash signatures over word shingles (datasketch).

The same press release syndicated on several sites differs in chrome and a few words; its
shingle sets still overlap heavily, which MinHash estimates cheaply.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import LeanMinHash, MinHash

NUM_PERM = 64
SHINGLE = 5
SCHEME = "affine64"  # fixed, so stored signatures stay comparable across datasketch releases
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str) -> bytes:
    """MinHash signature of a text, as bytes for storage."""
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    m.update_batch(list(shingles(text)))
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> LeanMinHash:
    return LeanMinHash(seed=1, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(from_bytes(a).jaccard(from_bytes(b)))
