"""Ingest batches: which files a batch holds, fixed when the batch first runs.

A batch is one Dagster partition. Its first run claims the files that are new or changed and belong to
no other batch, and records them with their content hashes; every later run of the same partition
(a re-materialisation, a backfill after an extractor upgrade, the resumption of a killed run) processes
exactly those files again, never today's arrivals.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field

from sqlite_utils import Database

from warehouse.store import batch_files, known_inputs, record_batch


def new_batch_key(when: dt.datetime | None = None) -> str:
    """A partition key that sorts by creation time and never collides: '20261123-141530-3fa2'."""
    when = when or dt.datetime.now(dt.UTC)
    return f"{when:%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


def claimed_files(db: Database) -> set[tuple[str, str]]:
    """(path, hash) of every file some batch holds."""
    return {(r[0], r[1]) for r in db.execute("select path, content_hash from batch_inputs")}


def unclaimed_files(db: Database, files: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Files new or changed since they were last processed that no batch holds yet: the next batch's."""
    done = known_inputs(db)
    claimed = claimed_files(db)
    return [(p, h) for p, h in files if done.get(p) != h and (p, h) not in claimed]


def unfinished_batches(db: Database) -> dict[str, int]:
    """batch -> how many of its files were claimed but never processed (a run that was killed or failed)."""
    rows = db.execute(
        "select b.batch_id, count(*) from batch_inputs b left join inputs i "
        "on i.path = b.path and i.content_hash = b.content_hash where i.path is null group by b.batch_id "
        "order by b.batch_id"
    ).fetchall()
    return {batch: n for batch, n in rows}


@dataclass
class BatchPlan:
    """What one run of a batch processes, and the members it leaves alone, each with the reason."""

    files: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    claimed_now: bool = False
    remaining_unclaimed: int = 0


def plan_batch(
    db: Database,
    batch_id: str,
    articles_dir: str,
    files: list[tuple[str, str]],
    max_files: int = 0,
    only_unfinished: bool = False,
) -> BatchPlan:
    """The files this run of `batch_id` processes.

    First run: claim up to `max_files` (0: all) unclaimed new or changed files. Later runs: the batch's
    own files as recorded; a file changed since (its new content is a later batch's) or deleted is
    skipped and named, its warehouse rows untouched. `only_unfinished` keeps the members not yet
    processed with their recorded content (how a killed run is resumed).
    """
    recorded = batch_files(db, batch_id)
    if not recorded:
        fresh = unclaimed_files(db, files)
        take = fresh[:max_files] if max_files else fresh
        record_batch(db, batch_id, articles_dir, take)
        return BatchPlan(files=sorted(take), claimed_now=True, remaining_unclaimed=len(fresh) - len(take))
    current = dict(files)
    done = known_inputs(db)
    plan = BatchPlan()
    for path, digest in recorded:
        now_digest = current.get(path)
        if now_digest is None:
            plan.skipped.append((path, "no longer in the articles folder"))
        elif now_digest != digest and digest:
            plan.skipped.append((path, "changed since this batch; its new content belongs to a later batch"))
        elif only_unfinished and done.get(path) == digest:
            continue
        else:
            plan.files.append((path, digest))
    return plan
