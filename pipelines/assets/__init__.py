"""Assets by stage: ingest -> clean -> facts -> events -> warehouse."""
