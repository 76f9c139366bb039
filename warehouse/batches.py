"""Which files an ingestion batch holds, decided by content hash against what the warehouse has."""

from __future__ import annotations

from sqlite_utils import Database

from warehouse.store import batch_files, known_inputs, record_batch


def plan_batch(
    db: Database, batch_id: str, articles_dir: str, files: list[tuple[str, str]], reprocess: bool = False
) -> list[tuple[str, str]]:
    """Add new or changed files to the batch and return the batch's files still to process."""
    done = known_inputs(db)
    fresh = [(p, h) for p, h in files if done.get(p) != h]
    recorded = dict(batch_files(db, batch_id))
    additions = [(p, h) for p, h in fresh if recorded.get(p) != h]
    if additions:
        record_batch(db, batch_id, articles_dir, additions)
    members = dict(batch_files(db, batch_id))
    if reprocess:
        return sorted(members.items())
    return sorted((p, h) for p, h in members.items() if done.get(p) != h)
