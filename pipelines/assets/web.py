"""Web pages fetched from the configured feeds and pages into the articles folder."""

import dagster as dg

from pipelines.resources import ArticleFolder, WebSources


@dg.asset(group_name="ingest", kinds={"python"})
def web_pages(
    context: dg.AssetExecutionContext, article_folder: ArticleFolder, web_sources: WebSources
) -> dg.MaterializeResult:
    """New pages from the sources file's feeds and page list, stored raw in the articles folder.

    Runs on the daily web-ingest schedule; the folder sensor then starts a batch with what arrived.
    Failures (404, timeouts, robots.txt, too large, not HTML) are logged by URL and do not stop the rest.
    """
    from fetching.ingest import ingest  # here, not at the top: httpx is not needed by runs that only process files

    if not web_sources.path_obj.is_file():
        context.log.warning(
            f"no sources file at {web_sources.path}: nothing to fetch (README: 'Ingesting from the web')"
        )
        return dg.MaterializeResult(metadata={"fetched": 0, "sources_file": f"missing: {web_sources.path}"})
    results, errors = ingest(article_folder.path_obj, sources=web_sources.path_obj)
    for result in results:
        (context.log.info if result.ok else context.log.warning)(result.line())
    for error in errors:
        context.log.warning(f"listing failed: {error}")
    return dg.MaterializeResult(
        metadata={
            "fetched": sum(r.reason == "fetched" for r in results),
            "already_stored": sum(r.reason == "already stored" for r in results),
            "failed": sum(not r.ok for r in results),
            "listing_errors": len(errors),
        }
    )
