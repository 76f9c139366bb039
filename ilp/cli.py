"""`ilp` commands. Imports are per command so `ilp extract` never loads Dagster."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extractors.models import FACT_KINDS

DEFAULT_ARTICLES = "raw_articles"
DEFAULT_DB = "warehouse/ilp.db"


def cmd_extract(args: argparse.Namespace) -> int:
    """Print one JSON line per article (CONTRACT.md); error lines for inputs that fail."""
    from extractors.article import extract_paths
    from extractors.models import Reject
    from extractors.reading import list_inputs

    paths = list_inputs(args.paths)
    missing = [p for p in map(Path, args.paths) if not p.exists()]
    failed = False
    out = sys.stdout
    for p in missing:
        print(f"ilp extract: no such file or folder: {p}", file=sys.stderr)
    for item in extract_paths([p for p in paths if p.exists()]):
        if isinstance(item, Reject):
            failed = True
            print(f"ilp extract: {item.source}: {item.reason}", file=sys.stderr)
            obj = {"source": item.source, "error": item.reason}
        else:
            obj = item.to_contract()
        out.write(json.dumps(obj, ensure_ascii=False, indent=None if args.jsonl else None) + "\n")
    out.flush()
    return 1 if failed or missing else 0


def cmd_run(args: argparse.Namespace) -> int:
    """Process what is new in the articles folder into the warehouse: each new batch of files is a
    partition of the Dagster job `ilp_pipeline`, run on the project's Dagster instance, so the run shows
    in the UI (`make dev`) like the sensor's and a backfill's."""
    from ilp.run import run_pipeline

    home = Path(args.dagster_home) if args.dagster_home else None
    return run_pipeline(
        Path(args.articles), Path(args.db), chunk_files=args.batch_size, home=home, reextract=args.reextract
    )


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Score extraction against gold files with CONTRACT.md's rules."""
    from extractors.article import extract_paths
    from extractors.evaluation import format_table, load_gold, score_predictions
    from extractors.models import Reject
    from extractors.reading import list_inputs

    annotated = set(load_gold(Path(args.gold)))
    if not annotated:
        print(f"ilp evaluate: no gold files in {args.gold}", file=sys.stderr)
        return 2
    preds = {}
    # Only the articles the gold annotates are read: a reviewed-gold folder covers a few of many inputs.
    for item in extract_paths([p for p in list_inputs(args.paths) if p.name in annotated]):
        if not isinstance(item, Reject):
            preds[item.article.source] = item.to_contract()
    report = score_predictions(Path(args.gold), preds)
    print(format_table(report, details=args.details))
    return 0


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ilp-monitor")
    except PackageNotFoundError:
        return "unknown (not installed)"


def cmd_ingest(args: argparse.Namespace) -> int:
    """Fetch pages (and the new, matching entries of feeds and sitemaps) into the raw-articles folder."""
    from fetching.ingest import ingest

    if not (args.urls or args.feed or args.sources):
        print(
            "ilp ingest: nothing to fetch: give page URLs, --feed URL or --sources FILE (see ilp ingest -h)",
            file=sys.stderr,
        )
        return 2

    results, errors = ingest(
        Path(args.raw_dir),
        urls=args.urls,
        feeds=args.feed,
        sources=Path(args.sources) if args.sources else None,
        keywords=args.keyword or None,
        refetch=args.refetch,
        respect_robots=not args.ignore_robots,
        allow_private_addresses=args.allow_private_addresses,
    )
    for result in results:
        print(result.line())
    for error in errors:
        print(f"FAILED\t{error}")
    return 1 if errors or any(not r.ok for r in results) else 0


def cmd_query(args: argparse.Namespace) -> int:
    """Run read-only SQL on the warehouse (it is opened read-only: writes fail) and print the rows."""
    import csv
    import sqlite3

    from warehouse.schema import open_db

    if not Path(args.db).exists():
        print(f"ilp query: no warehouse at {args.db}; run `ilp run` first", file=sys.stderr)
        return 2
    from warehouse.readonly import ReadOnlyAuthorizer

    db = open_db(args.db, readonly=True)
    guard = ReadOnlyAuthorizer()
    db.conn.set_authorizer(guard)
    try:
        cursor = db.execute(args.sql)
    except sqlite3.Error as exc:
        reason = f"the warehouse is read-only here ({guard.refused} refused)" if guard.refused else str(exc)
        print(f"ilp query: {reason}", file=sys.stderr)
        return 1
    columns = [d[0] for d in cursor.description or []]
    rows = cursor.fetchmany(args.limit) if args.limit else cursor.fetchall()
    if args.format == "json":
        for row in rows:
            print(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=str))
    else:
        writer = csv.writer(sys.stdout, delimiter="\t" if args.format == "tsv" else ",")
        writer.writerow(columns)
        writer.writerows(rows)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write every warehouse table and research view as CSV or Parquet files."""
    from warehouse.export import export

    if not Path(args.db).exists():
        print(f"ilp export: no warehouse at {args.db}; run `ilp run` first", file=sys.stderr)
        return 2
    for path in export(args.db, Path(args.out), args.format):
        print(path)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Write a static HTML report (charts and the latest figures with their evidence) that needs no server."""
    from warehouse.report import write_report

    if not Path(args.db).exists():
        print(f"ilp report: no warehouse at {args.db}; run `ilp run` first", file=sys.stderr)
        return 2
    print(write_report(args.db, Path(args.out)))
    return 0


def _review_db(args: argparse.Namespace):
    from warehouse.schema import open_db

    if not Path(args.db).exists():
        print(f"ilp review: no warehouse at {args.db}; run `ilp run` first", file=sys.stderr)
        return None
    return open_db(args.db)


def cmd_review_export(args: argparse.Namespace) -> int:
    """Write the facts to review as CSV: each with fact_id, evidence and values, and empty verdict,
    field, value, reviewer and note columns to fill in and import."""
    from warehouse.review_files import export_csv
    from warehouse.review_queue import QueueFilter

    db = _review_db(args)
    if db is None:
        return 2
    wanted = QueueFilter(args.kind, args.region, args.date_from, args.date_to, include_reviewed=args.all)
    n = export_csv(db, Path(args.file), wanted)
    print(f"{n} facts written to {args.file}")
    return 0


def cmd_review_import(args: argparse.Namespace) -> int:
    """Take the reviews of a CSV (fact_id, verdict; field and value for an edit; reviewer, note), all of
    them or none: every bad row is named and nothing is written."""
    from warehouse.review_files import CsvRejected, import_csv

    db = _review_db(args)
    if db is None:
        return 2
    if not Path(args.file).is_file():
        print(f"ilp review import: no such file: {args.file}", file=sys.stderr)
        return 2
    try:
        result = import_csv(db, Path(args.file), reviewer=args.reviewer)
    except CsvRejected as exc:
        for problem in exc.problems:
            print(f"ilp review import: {exc.path}: {problem}", file=sys.stderr)
        print(f"ilp review import: {len(exc.problems)} bad row(s); nothing imported", file=sys.stderr)
        return 1
    print(f"{result.imported} reviews imported from {args.file}; {result.skipped} rows without a verdict left")
    return 0


def cmd_review_gold(args: argparse.Namespace) -> int:
    """Write a contract-format gold file for every article whose facts are all reviewed."""
    from warehouse.review_files import export_gold

    db = _review_db(args)
    if db is None:
        return 2
    result = export_gold(db, Path(args.dir), overwrite=args.overwrite)
    for path in result.written:
        print(path)
    for path in result.kept:
        print(f"kept (differs; --overwrite replaces it): {path}", file=sys.stderr)
    print(f"{len(result.written)} gold files written to {args.dir}", file=sys.stderr)
    return 0


def cmd_review_status(args: argparse.Namespace) -> int:
    """How far review has come per kind of fact, the share found correct, and orphaned reviews."""
    from warehouse.reviews import orphaned_reviews, review_progress

    db = _review_db(args)
    if db is None:
        return 2
    print(f"{'kind':16} {'facts':>6} {'reviewed':>8} {'verified':>8} {'corrected':>9} {'wrong':>6}  share correct")
    for r in review_progress(db):
        share = "" if r["share_correct"] is None else f"{r['share_correct']:.3f}"
        counts = f"{r['facts']:6} {r['reviewed']:8} {r['verified']:8} {r['corrected']:9} {r['wrong']:6}"
        print(f"{r['kind']:16} {counts}  {share}")
    orphans = orphaned_reviews(db)
    print(f"{len(orphans)} orphaned review(s): their fact is no longer extracted (see the orphaned_reviews view)")
    for r in orphans[: args.limit]:
        print(f"  {r['fact_id']} {r['kind']} {r['verdict']} {r['source']}: {r['span']!r}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ilp", description="ILP Monitor: facts and rollout events from news.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "extract", help="print extracted facts as JSON Lines, one article per line", description=cmd_extract.__doc__
    )
    p.add_argument("--jsonl", action="store_true", help="JSON Lines output (the default and only format)")
    p.add_argument("paths", nargs="+", help="files (.txt, .html, .htm, .json) or folders")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("run", help="run the whole pipeline into the SQLite warehouse", description=cmd_run.__doc__)
    p.add_argument("--articles", default=DEFAULT_ARTICLES, help=f"input folder (default {DEFAULT_ARTICLES})")
    p.add_argument("--db", default=DEFAULT_DB, help=f"SQLite warehouse file (default {DEFAULT_DB})")
    p.add_argument(
        "--dagster-home",
        help="the Dagster instance folder that records the runs (default: $DAGSTER_HOME, else ./.dagster_home)",
    )
    p.add_argument(
        "--batch-size",
        type=int,
        default=500,
        help="new files per batch, each a partition and a Dagster run (default 500; smaller keeps memory lower)",
    )
    p.add_argument(
        "--reextract",
        action="store_true",
        help="run every batch again (after an extractor upgrade), then anything new; same as a backfill of all "
        "partitions of ilp_pipeline in the UI",
    )
    p.set_defaults(func=cmd_run)

    p = sub.add_parser(
        "ingest",
        help="fetch news pages, feeds and sitemaps into the raw-articles folder",
        description=cmd_ingest.__doc__,
    )
    p.add_argument("urls", nargs="*", help="article URLs to fetch")
    p.add_argument("--raw-dir", default=DEFAULT_ARTICLES, help=f"where pages are stored (default {DEFAULT_ARTICLES})")
    p.add_argument("--feed", action="append", default=[], help="RSS/Atom feed or XML sitemap to read (repeatable)")
    p.add_argument("--sources", help="a sources file (TOML) listing feeds, pages and keywords, e.g. sources.toml")
    p.add_argument(
        "--allow-private-addresses",
        action="store_true",
        help="also fetch from loopback, private and link-local addresses (refused by default: a feed entry "
        "must not make the fetcher reach internal services)",
    )
    p.add_argument("--keyword", action="append", help="keep only feed entries mentioning this (repeatable)")
    p.add_argument("--refetch", action="store_true", help="fetch URLs that are already stored again")
    p.add_argument("--ignore-robots", action="store_true", help="do not consult robots.txt (only for your own sites)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("query", help="run read-only SQL on the warehouse", description=cmd_query.__doc__)
    p.add_argument("sql", help='one SQL statement, e.g. "select * from latest_coverage"')
    p.add_argument("--db", default=DEFAULT_DB, help=f"SQLite warehouse file (default {DEFAULT_DB})")
    p.add_argument("--format", choices=("csv", "tsv", "json"), default="tsv", help="output format (default tsv)")
    p.add_argument("--limit", type=int, default=0, help="at most this many rows (default all)")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("export", help="write the warehouse as CSV or Parquet files", description=cmd_export.__doc__)
    p.add_argument("--db", default=DEFAULT_DB, help=f"SQLite warehouse file (default {DEFAULT_DB})")
    p.add_argument("--format", choices=("csv", "parquet"), default="csv", help="file format (default csv)")
    p.add_argument("--out", default="exports", help="output folder (default exports/)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("report", help="write a static HTML report", description=cmd_report.__doc__)
    p.add_argument("--db", default=DEFAULT_DB, help=f"SQLite warehouse file (default {DEFAULT_DB})")
    p.add_argument("--out", default="reports/ilp_report.html", help="output HTML file")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("review", help="review extracted facts from files (the page: make review)")
    review = p.add_subparsers(dest="review_command", required=True)
    r = review.add_parser("export", help="write the facts to review as CSV", description=cmd_review_export.__doc__)
    r.add_argument("file", help="the CSV file to write")
    r.add_argument("--kind", choices=FACT_KINDS, help="only this kind of fact")
    r.add_argument("--region", help="only facts in this region (a Kemendagri code or its prefix, e.g. 63 or 63.03)")
    r.add_argument("--from", dest="date_from", help="only articles reported on or after this date (ISO)")
    r.add_argument("--to", dest="date_to", help="only articles reported on or before this date (ISO)")
    r.add_argument("--all", action="store_true", help="also facts already reviewed")
    r.set_defaults(func=cmd_review_export)
    r = review.add_parser(
        "import", help="take the reviews of a CSV, all or none", description=cmd_review_import.__doc__
    )
    r.add_argument("file", help="a CSV with fact_id and verdict columns (field, value, reviewer, note optional)")
    r.add_argument("--reviewer", help="the reviewer of rows that name none")
    r.set_defaults(func=cmd_review_import)
    r = review.add_parser(
        "export-gold", help="gold files from fully reviewed articles", description=cmd_review_gold.__doc__
    )
    r.add_argument("dir", help="folder for the gold files")
    r.add_argument("--overwrite", action="store_true", help="replace gold files that differ (hand additions too)")
    r.set_defaults(func=cmd_review_gold)
    r = review.add_parser("status", help="review progress and orphaned reviews", description=cmd_review_status.__doc__)
    r.add_argument("--limit", type=int, default=20, help="orphaned reviews to list (default 20)")
    r.set_defaults(func=cmd_review_status)
    for r in review.choices.values():
        r.add_argument("--db", default=DEFAULT_DB, help=f"SQLite warehouse file (default {DEFAULT_DB})")

    p = sub.add_parser("evaluate", help="score extraction against gold annotations", description=cmd_evaluate.__doc__)
    p.add_argument("--gold", required=True, help="folder of gold JSON files")
    p.add_argument("--details", action="store_true", help="list every miss and extra")
    p.add_argument("paths", nargs="+", help="the articles the gold files annotate")
    p.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    import sqlite3

    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except sqlite3.DatabaseError as exc:  # not a SQLite file, or a damaged one: say which, no traceback
        db = getattr(args, "db", None) or "the warehouse"
        print(f"ilp {args.command}: {db} is not a usable SQLite warehouse ({exc})", file=sys.stderr)
        return 2


def entry() -> None:
    """Console entry point: exit without tearing the interpreter down (about a second with spaCy and
    Dagster loaded). Everything is committed and flushed by then; SQLite recovers its WAL on next open."""
    import os

    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
