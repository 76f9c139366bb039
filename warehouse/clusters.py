"""Near-duplicate articles and event clusters, rebuilt over the whole warehouse in one transaction.

Deterministic: the same articles give the same duplicate marks and the same cluster ids, so a
run with nothing new leaves both unchanged.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from datasketch import MinHashLSH
from sqlite_utils import Database

from extractors.dedup import NUM_PERM, from_bytes

DUPLICATE_THRESHOLD = 0.8


def mark_duplicates(db: Database, threshold: float = DUPLICATE_THRESHOLD) -> int:
    """Mark each article that nearly repeats an earlier one (by published date, then ingestion); returns marks."""
    rows = list(
        db.query(
            "select article_id, minhash from articles where minhash is not null "
            "order by coalesce(reported_date, substr(ingested_at, 1, 10)), ingested_at, article_id"
        )
    )
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    first_of: dict[str, tuple[str | None, float | None]] = {}
    signatures = {}
    order = {row["article_id"]: i for i, row in enumerate(rows)}
    for row in rows:
        sig = from_bytes(row["minhash"])
        signatures[row["article_id"]] = sig
        candidates = [c for c in lsh.query(sig) if sig.jaccard(signatures[c]) >= threshold]
        if candidates:
            original = min(candidates, key=order.__getitem__)
            first_of[row["article_id"]] = (original, round(float(sig.jaccard(signatures[original])), 3))
        else:
            first_of[row["article_id"]] = (None, None)
            lsh.insert(row["article_id"], sig)
    with db.atomic():
        db.conn.executemany(
            "update articles set duplicate_of = ?, duplicate_similarity = ? where article_id = ? and "
            "(duplicate_of is not ? or duplicate_similarity is not ?)",
            [(dup, sim, aid, dup, sim) for aid, (dup, sim) in first_of.items()],
        )
    return sum(1 for dup, _ in first_of.values() if dup)


def rebuild_event_clusters(db: Database) -> int:
    """One cluster per real-world event: dated events by (type, dates, kabupaten), undated ones within a
    group of near-duplicate articles. Returns the number of clusters."""
    events = list(
        db.query(
            'select e.id, e.article_id, e.event_type, e.start, e."end", e.location_code, e.facility, '
            "coalesce(a.duplicate_of, a.article_id) as story, coalesce(a.reported_date, substr(a.ingested_at, 1, 10)) "
            "as reported from events e join articles a on a.article_id = e.article_id order by e.id"
        )
    )
    groups: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        region = (e["location_code"] or "")[:5]
        if e["start"]:
            key = [e["event_type"], e["start"], e["end"], region]
        else:
            key = [e["event_type"], None, None, region, e["story"], (e["facility"] or "").lower()]
        cluster_id = hashlib.sha1(json.dumps(key).encode()).hexdigest()[:16]
        groups[cluster_id].append(e)
    clusters, members = [], []
    for cluster_id, items in sorted(groups.items()):
        first = items[0]
        codes = [i["location_code"] for i in items if i["location_code"]]
        facilities = [i["facility"] for i in items if i["facility"]]
        clusters.append(
            {
                "cluster_id": cluster_id,
                "event_type": first["event_type"],
                "start": first["start"],
                "end": first["end"],
                "location_code": max(codes, key=lambda c: c.count("."), default=None),
                "facility": max(set(facilities), key=facilities.count) if facilities else None,
                "n_events": len(items),
                "n_articles": len({i["article_id"] for i in items}),
                "first_reported": min((i["reported"] for i in items if i["reported"]), default=None),
            }
        )
        members += [{"cluster_id": cluster_id, "event_id": i["id"], "article_id": i["article_id"]} for i in items]
    with db.atomic():
        current_clusters = {tuple(sorted(r.items())) for r in db.query("select * from event_clusters")}
        current_members = {tuple(sorted(r.items())) for r in db.query("select * from event_cluster_members")}
        if current_clusters != {tuple(sorted(c.items())) for c in clusters} or current_members != {
            tuple(sorted(m.items())) for m in members
        }:
            db.execute("delete from event_cluster_members")
            db.execute("delete from event_clusters")
            db["event_clusters"].insert_all(clusters, pk="cluster_id")
            db["event_cluster_members"].insert_all(members, pk=("cluster_id", "event_id"))
    return len(clusters)
