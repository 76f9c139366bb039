"""One partition per ingestion day: a day's batch is the files first seen (new or changed) that day."""

import dagster as dg

ingest_days = dg.DailyPartitionsDefinition(start_date="2024-01-01", end_offset=1, timezone="UTC")
