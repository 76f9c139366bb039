"""Build a corpus of N distinct articles from the project's own samples, for benchmarks.

Each copy swaps the kabupaten, the numbers and the dates, so every article has its own text (and id)
while keeping the length and shape of real regional news.

    python bench/make_corpus.py OUT_DIR N [--seed S] [--start K]
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.dates.patterns import MONTHS as MONTHS_BY_NAME  # noqa: E402
from extractors.locations.gazetteer import get_gazetteer  # noqa: E402

SAMPLES = [
    p
    for d in ("raw_articles", "tests/golden/heldout/articles", "tests/golden/heldout2/articles")
    for p in sorted((ROOT / d).iterdir())
    if p.suffix == ".txt"
]
# The first name listed for each month is the full Indonesian one.
MONTHS = [next(m for m, n in MONTHS_BY_NAME.items() if n == k).title() for k in range(1, 13)]


def variants(n: int, seed: int = 0, start: int = 0):
    rng = random.Random(seed + start)
    kabupaten = sorted({r.name for r in get_gazetteer().by_code.values() if r.type == "kabupaten"})
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in SAMPLES]
    for i in range(start, start + n):
        stem, text = texts[i % len(texts)]
        kab = rng.choice(kabupaten)
        text = re.sub(r"Kabupaten [A-Z]\w+(?: [A-Z]\w+)?", f"Kabupaten {kab}", text)
        text = re.sub(
            r"\b\d{2,3}\b(?= (?:puskesmas|pustu|posyandu|kader))",
            lambda m: str(rng.randint(10, 400)),
            text,
            flags=re.IGNORECASE,
        )
        text = re.sub(
            r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (20\d\d)\b",
            lambda m: f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.choice(['2023', '2024', '2025'])}",
            text,
        )
        yield f"{i:06d}_{stem}.txt", f"{text}\n(Laporan ke-{i})\n"


def main(argv: list[str]) -> int:
    out, n = Path(argv[1]), int(argv[2])
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 0
    start = int(argv[argv.index("--start") + 1]) if "--start" in argv else 0
    out.mkdir(parents=True, exist_ok=True)
    for name, text in variants(n, seed, start):
        (out / name).write_text(text, encoding="utf-8")
    print(f"{n} articles in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
