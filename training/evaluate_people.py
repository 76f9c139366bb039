"""Person-name F1 on a CoNLL NER file, the benchmark way: each sentence is its own article.

    python training/evaluate_people.py ../shared/datasets/idner-news-2k/dev.txt [--details]

Gold: the set of PER entity strings of each sentence. Predicted: the `people` names that
`extract_articles` returns for the sentence text. Exact match after case-folding and collapsing
spaces, micro-averaged over sentences.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.article import extract_articles  # noqa: E402
from extractors.cleaning import article_id_for  # noqa: E402
from extractors.models import CleanArticle  # noqa: E402
from training.conll_to_docbin import read_conll  # noqa: E402


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.casefold()).strip()


def detokenize(words: list[str]) -> str:
    """Join CoNLL tokens back into news text ("kata Anis , ujarnya ." -> "kata Anis, ujarnya.")."""
    text = " ".join(words)
    text = re.sub(r" ([,.;:!?)\]”’%])", r"\1", text)
    text = re.sub(r"([(\[“‘]) ", r"\1", text)
    return re.sub(r'" (.*?) "', r'"\1"', text)


def gold_names(words: list[str], tags: list[str]) -> set[str]:
    names, current = [], []
    for word, tag in zip(words, tags, strict=True):
        if tag == "B-PER" or (tag == "I-PER" and not current):
            if current:
                names.append(current)
            current = [word]
        elif tag == "I-PER":
            current.append(word)
        else:
            if current:
                names.append(current)
            current = []
    if current:
        names.append(current)
    return {_norm(detokenize(n)) for n in names}


def evaluate(path: Path, details: bool = False) -> dict[str, float]:
    sentences = read_conll(path)
    texts = [detokenize(words) for words, _ in sentences]
    articles = [CleanArticle(source=f"s{i}", article_id=article_id_for(t), text=t) for i, t in enumerate(texts)]
    tp = fp = fn = 0
    for (words, tags), facts, text in zip(sentences, extract_articles(articles), texts, strict=True):
        gold = gold_names(words, tags)
        pred = {_norm(p.name) for p in facts.people}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        if details and gold != pred:
            print(f"- {text}\n  missed {sorted(gold - pred)} extra {sorted(pred - gold)}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


if __name__ == "__main__":
    result = evaluate(Path(sys.argv[1]), details="--details" in sys.argv)
    print(" ".join(f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}" for k, v in result.items()))
