"""Whole-article extraction: read, clean, then every fact type over one spaCy pass.

`extract_articles` is the one entry point the CLI and the Dagster assets share.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from extractors.cleaning import clean
from extractors.counts import extract_counts, outside_the_rollout
from extractors.coverage import place_counts, reported_day, with_timeline_dates
from extractors.dates import extract_dates
from extractors.events import extract_events, is_about_ilp
from extractors.locations import extract_locations
from extractors.models import ArticleFacts, CleanArticle, DateMention, ParsedArticle, Reject
from extractors.nlp import get_nlp, person_spans, sentence_spans
from extractors.people import extract_people
from extractors.reading import read_input

BATCH_SIZE = 64


PARALLEL_MIN_ARTICLES = 200


def extract_articles(articles: Iterable[CleanArticle], processes: int | None = None) -> Iterator[ArticleFacts]:
    """Facts and events for each clean article, in order.

    Large inputs are split over worker processes (one per core by default); small ones stay in this
    process, where starting workers would cost more than it saves.
    """
    yield from _maybe_parallel(_extract_chunk, articles, processes)


def parse_articles(articles: Iterable[CleanArticle], processes: int | None = None) -> Iterator[ParsedArticle]:
    """Dates, counts, people and places of each article (no events yet), in order."""
    yield from _maybe_parallel(_parse_chunk, articles, processes)


def _parse_chunk(articles: list[CleanArticle]) -> list[ParsedArticle]:
    nlp = get_nlp()
    pairs = ((a.text, a) for a in articles)
    return [
        parse_doc(article, sentence_spans(doc, article.text), person_spans(doc))
        for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE)
    ]


def _extract_chunk(articles: list[CleanArticle]) -> list[ArticleFacts]:
    return [assemble_events(p) for p in _parse_chunk(articles)]


def _chunks(items: Iterable[CleanArticle], size: int = BATCH_SIZE) -> Iterator[list[CleanArticle]]:
    chunk: list[CleanArticle] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _maybe_parallel(work, articles: Iterable[CleanArticle], processes: int | None):
    """Run `work` over chunks of articles, in order: in the prestarted workers when there are some,
    else in forked workers when that pays, else here."""
    import multiprocessing as mp
    import os

    items = list(articles)
    if _prestarted is not None:
        yield from _ordered(_prestarted, work, items)
        return
    workers = processes if processes is not None else (os.cpu_count() or 1)
    can_fork = "fork" in mp.get_all_start_methods()
    if workers <= 1 or len(items) < PARALLEL_MIN_ARTICLES or not can_fork:
        for chunk in _chunks(items):
            yield from work(chunk)
        return
    get_nlp()  # load once before forking: workers share the model and gazetteer pages
    warm_up()
    pool = mp.get_context("fork").Pool(workers, initializer=_worker_signals, initargs=(os.getpid(),))
    try:
        yield from _ordered(pool, work, items)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def _ordered(pool, work, items: list[CleanArticle]):
    for result in pool.imap(work, _chunks(items)):
        yield from result


_prestarted = None  # the pool `prestarted_workers` opened, used by every extraction inside it


@contextmanager
def prestarted_workers(processes: int) -> Iterator[None]:
    """Start `processes` extraction workers now, each loading the model and gazetteer at once.

    A caller with its own slow start-up (`ilp run` importing Dagster and building a run) opens this
    first, so the model loads on the other core meanwhile instead of after it. Extraction inside the
    block runs in these workers whatever the batch size. Without fork (not Linux) it does nothing.
    """
    import multiprocessing as mp
    import os

    global _prestarted
    if "fork" not in mp.get_all_start_methods() or _prestarted is not None:
        yield
        return
    pool = mp.get_context("fork").Pool(max(1, processes), initializer=_load_in_worker, initargs=(os.getpid(),))
    _prestarted = pool
    try:
        yield
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        _prestarted = None
        pool.join()


def _load_in_worker(parent: int) -> None:
    _worker_signals(parent)
    get_nlp()
    warm_up()


def _worker_signals(parent: int) -> None:
    """Workers must not inherit an orchestrator's interrupt handlers (the parent decides), and must not
    outlive it: a worker left behind by a killed parent would keep the warehouse's writer lock open."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """Linux: SIGTERM this process when its parent exits, however the parent ends."""
    import ctypes
    import os
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def warm_up() -> None:
    """Load the lazily built data (gazetteer, word lists) so forked workers inherit it."""
    from extractors.locations.gazetteer import get_gazetteer
    from extractors.wordlists import common_words, root_words

    get_gazetteer().desa  # noqa: B018 - the property loads the village index
    common_words()
    root_words()


def parse_doc(
    article: CleanArticle, sentences: list[tuple[int, int]], recognised: list[tuple[int, int]] | None = None
) -> ParsedArticle:
    text = article.text
    evidence = _sentence_lookup(text, sentences)
    dates = [
        DateMention(d.text, d.start, d.end, d.char_start, d.char_end, evidence(d.char_start))
        for d in extract_dates(text, article.published_date)
    ]
    places = extract_locations(text)
    counts = extract_counts(text, sentences, places.region_in, places.main_region)
    puskesmas = [(f"Puskesmas {m.name}", m.char_start, m.char_end) for m in places.mentions if m.type == "puskesmas"]
    counts = place_counts(text, sentences, counts, dates, puskesmas, article.published_date)
    is_ilp = is_about_ilp(text)
    if not is_ilp:
        counts = outside_the_rollout(counts)
    place_words = (
        places.facility_names
        | {loc.name for loc in places.locations}
        | {loc.text for loc in places.locations}
        | {text[m.char_start : m.char_end] for m in places.mentions}  # every way it is written: "Sulut", "Kalteng"
    )
    people = extract_people(text, place_words, recognised)
    return ParsedArticle(
        article=article,
        sentences=tuple(sentences),
        dates=tuple(dates),
        facility_counts=tuple(counts),
        people=tuple(people),
        places=places,
        is_ilp=is_ilp,
    )


def assemble_events(parsed: ParsedArticle) -> ArticleFacts:
    """Rollout events from a parsed article's facts; an article not about ILP has none."""
    places = parsed.places
    events = (
        extract_events(
            parsed.article.text,
            parsed.sentences,
            parsed.dates,
            parsed.facility_counts,
            places,
            parsed.people,
            parsed.article.published_date,
        )
        if parsed.is_ilp
        else []
    )
    events = with_timeline_dates(events, reported_day(parsed.article.published_date, parsed.dates))
    return ArticleFacts(
        article=parsed.article,
        is_ilp=parsed.is_ilp,
        dates=parsed.dates,
        facility_counts=parsed.facility_counts,
        people=parsed.people,
        locations=tuple(places.locations),
        events=tuple(events),
        main_region=places.main_region,
    )


def _sentence_lookup(text: str, sentences: list[tuple[int, int]]):
    def find(pos: int) -> str:
        for s, e in sentences:
            if s <= pos < e:
                return text[s:e]
        return ""

    return find


def load_clean(path: str | Path) -> CleanArticle | Reject:
    """Read and clean one file; a Reject says why it could not be."""
    raw = read_input(path)
    if isinstance(raw, Reject):
        return raw
    try:
        return clean(raw)
    except Exception as exc:  # a cleaner bug must not stop the run; the input is named in rejects
        return Reject(raw.source, f"cleaning failed: {type(exc).__name__}: {exc}")


def extract_paths(paths: Iterable[str | Path]) -> Iterator[ArticleFacts | Reject]:
    """Facts or a Reject for every input path, in input order."""
    loaded = [load_clean(p) for p in paths]
    good = iter(extract_articles(a for a in loaded if isinstance(a, CleanArticle)))
    for item in loaded:
        yield item if isinstance(item, Reject) else next(good)
