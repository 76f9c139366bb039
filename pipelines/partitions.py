"""One partition per ingest batch: the files that arrived together, fixed when the batch first runs.

The folder sensor and `ilp run` add a partition (a key like '20261123-141530-3fa2') when new or
changed files are waiting; re-materialising a partition re-processes exactly that batch's files, and a
backfill over all partitions re-extracts the whole warehouse (after an extractor upgrade).
"""

import dagster as dg

ingest_batches = dg.DynamicPartitionsDefinition(name="ingest_batches")

# Every asset that writes the SQLite warehouse runs in this pool; the instance gives it one slot
# (dagster.yaml: concurrency.pools.default_limit 1), so writes from any run never overlap.
WAREHOUSE_POOL = "ilp_warehouse"
