"""Getting articles from the web: polite fetching, feed and sitemap discovery, ingest into the folder.

A library package: the `ilp` command line and the Dagster assets in `pipelines/` both import it, so the
layers point one way (CLI -> pipelines -> fetching/extractors/warehouse).
"""
