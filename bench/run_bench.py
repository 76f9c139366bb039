"""`make bench`: cost of extraction and of the pipeline as the corpus grows, as ratios measured in one run.

1. `ilp extract` over N distinct articles against bare spaCy tokenisation of the same texts, both as
   whole processes (imports included): ratio tokenise/extract, target >= 0.5.
2. `ilp run` over M articles, again with nothing new, then with 30 new: each rerun / first run,
   target <= 0.15.
3. Peak RSS of `ilp run` over 10x the articles against 1x: target <= 1.5.
4. The README's queries and the views on the big warehouse: milliseconds (fetched into Python, and kept inside
   SQLite) and query plans, target < 100 ms.

    python bench/run_bench.py [--quick] [--out bench/results.json]
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def timed(cmd: list[str], stdout=subprocess.DEVNULL) -> tuple[float, int]:
    """(seconds, peak RSS in MB of the largest process the command ran), measured in a fresh child."""
    code = (
        "import resource, subprocess, sys, time, json;"
        "t = time.perf_counter(); r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL);"
        "e = time.perf_counter() - t;"
        "print(json.dumps([e, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode]))"
    )
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, check=True)
    seconds, rss_kb, rc = json.loads(out.stdout.strip().splitlines()[-1])
    if rc not in (0, 1):
        raise SystemExit(f"{cmd} failed with {rc}")
    return seconds, rss_kb // 1024


def best_of(n: int, cmd: list[str]) -> tuple[float, int]:
    runs = [timed(cmd) for _ in range(n)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def corpus(path: Path, n: int, start: int = 0) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(path), str(n), "--start", str(start)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def main() -> int:
    quick = "--quick" in sys.argv
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else ROOT / "bench" / "results.json"
    n_extract, n_run, n_small, n_big = (300, 600, 200, 1000) if quick else (1000, 3000, 1000, 10000)
    work = Path(tempfile.mkdtemp(prefix="ilp-bench-"))
    os.environ["DAGSTER_HOME"] = str(work / "dagster_home")  # the bench's runs stay out of .dagster_home
    results: dict[str, object] = {"cores": os.cpu_count(), "quick": quick}
    try:
        # 1. extraction against tokenisation
        corpus(work / "extract", n_extract)
        tok, _ = best_of(3, [sys.executable, str(ROOT / "bench" / "tokenize_only.py"), str(work / "extract")])
        ext, _ = best_of(3, [str(BIN / "ilp"), "extract", str(work / "extract")])
        results["extract"] = {
            "articles": n_extract,
            "tokenise_s": round(tok, 2),
            "extract_s": round(ext, 2),
            "ratio_tokenise_over_extract": round(tok / ext, 3),
            "articles_per_s": round(n_extract / ext, 1),
        }
        print(
            f"extract: {n_extract} articles, tokenise {tok:.2f} s, extract {ext:.2f} s, "
            f"ratio {tok / ext:.2f} (target >= 0.5), {n_extract / ext:.0f} articles/s"
        )

        # 2. incremental runs
        arts, db = work / "run", work / "run.db"
        corpus(arts, n_run)
        first, _ = timed([str(BIN / "ilp"), "run", "--articles", str(arts), "--db", str(db)])
        again, _ = timed([str(BIN / "ilp"), "run", "--articles", str(arts), "--db", str(db)])
        corpus(arts, 30, start=n_run)
        more, _ = timed([str(BIN / "ilp"), "run", "--articles", str(arts), "--db", str(db)])
        results["incremental"] = {
            "articles": n_run,
            "first_s": round(first, 2),
            "nothing_new_s": round(again, 2),
            "thirty_new_s": round(more, 2),
            "nothing_new_ratio": round(again / first, 3),
            "thirty_new_ratio": round(more / first, 3),
        }
        print(
            f"ilp run: {n_run} articles {first:.1f} s; nothing new {again:.1f} s ({again / first:.2f}); "
            f"30 new {more:.1f} s ({more / first:.2f}) (targets <= 0.15)"
        )

        # 3. memory as the corpus grows
        rss = {}
        for n in (n_small, n_big):
            arts, db = work / f"mem{n}", work / f"mem{n}.db"
            corpus(arts, n)
            seconds, rss[n] = timed([str(BIN / "ilp"), "run", "--articles", str(arts), "--db", str(db)])
            results[f"run_{n}_s"] = round(seconds, 1)
        results["memory"] = {"peak_rss_mb": rss, "ratio": round(rss[n_big] / rss[n_small], 3)}
        print(
            f"peak RSS: {n_small} articles {rss[n_small]} MB, {n_big} articles {rss[n_big]} MB, "
            f"ratio {rss[n_big] / rss[n_small]:.2f} (target <= 1.5)"
        )

        # 4. queries on the big warehouse
        results["queries"] = query_timings(work / f"mem{n_big}.db")
        results["review_page"] = review_timings(work / f"mem{n_big}.db")
        results["warehouse_articles"] = n_big
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"results in {out}")
    return 0


def review_timings(db_path: Path) -> dict:
    """What a reviewer waits for on the big warehouse: a page of the queue (the whole queue ranked), and
    1,000 verdicts imported at once (checked, recorded and applied)."""
    sys.path.insert(0, str(ROOT))
    import sqlite3

    from warehouse.review_queue import review_queue_page
    from warehouse.reviews import Review, add_reviews
    from warehouse.schema import open_db

    copy = db_path.with_name("review-bench.db")
    with sqlite3.connect(db_path) as source, sqlite3.connect(copy) as target:
        source.backup(target)  # the WAL's pages too, which a file copy would miss
    db = open_db(str(copy))
    times = []
    for _ in range(3):
        t = time.perf_counter()
        page, total = review_queue_page(db, limit=50)
        times.append(time.perf_counter() - t)
    ids = [r[0] for r in db.execute("select fact_id from facility_counts order by id limit 1000")]
    t = time.perf_counter()
    add_reviews(db, [Review(i, "correct") for i in ids])
    imported = time.perf_counter() - t
    print(f"review queue: a page of 50 of {total} facts {min(times):.2f} s; 1,000 verdicts {imported:.2f} s")
    return {"queue_facts": total, "page_s": round(min(times), 3), "import_1000_s": round(imported, 3)}


def query_timings(db_path: Path) -> list[dict]:
    import sqlite3

    sys.path.insert(0, str(ROOT))
    from warehouse.schema import VIEW_NAMES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    queries = {f"readme_{i + 1}": q for i, q in enumerate(re.findall(r"```sql\n(.*?)```", readme, re.S))}
    queries |= {f"view_{v}": f"select * from {v}" for v in VIEW_NAMES}
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.execute("PRAGMA temp_store = MEMORY")
    out = []
    for name, sql in queries.items():
        times, inside = [], []
        for _ in range(5):
            t = time.perf_counter()
            rows = conn.execute(sql).fetchall()
            times.append((time.perf_counter() - t) * 1000)
            # The same query with its rows kept inside SQLite: what the database costs, without the
            # Python objects a client builds for every value (most of a 17,000-row listing's time).
            t = time.perf_counter()
            conn.execute(f"CREATE TEMP TABLE bench_rows AS {sql}")
            inside.append((time.perf_counter() - t) * 1000)
            conn.execute("DROP TABLE temp.bench_rows")
        plan = [r[3] for r in conn.execute("explain query plan " + sql).fetchall()]
        out.append(
            {
                "query": name,
                "ms": round(min(times), 1),
                "sqlite_ms": round(min(inside), 1),
                "rows": len(rows),
                "plan": plan,
            }
        )
        print(
            f"  {name:28} {min(times):7.1f} ms ({min(inside):6.1f} ms inside SQLite) {len(rows):6d} rows  "
            f"{'; '.join(plan)[:90]}"
        )
    return out


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_NOFILE, (4096, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
    raise SystemExit(main())
