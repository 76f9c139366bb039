"""Batches of inputs moving through the stages, with every failure kept beside its input path."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.cleaning import clean
from extractors.models import ArticleFacts, CleanArticle, RawInput, Reject
from extractors.reading import read_input


@dataclass
class FailedInput:
    path: str
    content_hash: str
    reject: Reject


@dataclass
class RawBatch:
    inputs: list[tuple[str, RawInput]] = field(default_factory=list)  # (path, input)
    rejects: list[FailedInput] = field(default_factory=list)


@dataclass
class CleanBatch:
    articles: list[tuple[str, CleanArticle]] = field(default_factory=list)  # (path, article)
    rejects: list[FailedInput] = field(default_factory=list)


def read_batch(files: list[tuple[str, str]]) -> RawBatch:
    """Read each (path, hash); an unreadable file becomes a FailedInput, never an exception."""
    batch = RawBatch()
    for path, digest in files:
        item = read_input(path)
        if isinstance(item, Reject):
            batch.rejects.append(FailedInput(path, digest, item))
        else:
            batch.inputs.append((path, item))
    return batch


def clean_batch(raw: RawBatch) -> CleanBatch:
    out = CleanBatch(rejects=list(raw.rejects))
    for path, item in raw.inputs:
        try:
            result = clean(item)
        except Exception as exc:  # one bad page must not stop the batch; it is named in rejects
            result = Reject(item.source, f"cleaning failed: {type(exc).__name__}: {exc}")
        if isinstance(result, Reject):
            out.rejects.append(FailedInput(path, item.content_hash, result))
        else:
            out.articles.append((path, result))
    return out


@dataclass
class FactBatch:
    """A batch's extracted facts (with events) per input path, and the inputs that failed on the way."""

    facts: dict[str, ArticleFacts] = field(default_factory=dict)  # path -> facts
    rejects: list[FailedInput] = field(default_factory=list)


def extract_batch(clean: CleanBatch) -> FactBatch:
    """Facts and events for every article of the batch (one spaCy pass, batched)."""
    from extractors.article import extract_articles

    paths = [path for path, _ in clean.articles]
    facts = extract_articles(article for _, article in clean.articles)
    return FactBatch(facts=dict(zip(paths, facts, strict=True)), rejects=list(clean.rejects))
