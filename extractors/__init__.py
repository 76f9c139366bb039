"""Extraction of ILP facts from Indonesian news text.

Plain functions and spaCy components: importable and fast without Dagster or the warehouse.
The entry point for a whole article is :func:`extractors.article.extract_articles`.
"""
