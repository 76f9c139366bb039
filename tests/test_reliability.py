"""Issue 7: crashes, concurrent runs, old warehouses, and hostile input."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.article import extract_articles, load_clean
from extractors.cleaning import article_id_for, clean
from extractors.models import CleanArticle, Reject
from extractors.reading import parse_input_bytes
from ilp.run import run_pipeline
from tests.conftest import ROOT
from warehouse.schema import migrations, open_db

ILP = [sys.executable, "-m", "ilp"]
# Columns that record when something happened, not what: they differ between two runs by design.
TIME_COLUMNS = {
    "ingested_at",
    "processed_at",
    "seen_at",
    "created_at",
    "batch_id",
    "id",
    "event_id",
    "count_id",
    "applied_at",
    "hashed_at_ns",
}


def comparable(db_path: Path) -> dict[str, list[tuple]]:
    """Every user table's rows without timestamps and surrogate ids."""
    conn = sqlite3.connect(db_path)
    out = {}
    tables = [
        r[0]
        for r in conn.execute(
            "select name from sqlite_master where type = 'table' and name not like "
            "'%fts%' and name not like 'sqlite_%' and name not like '\\_%' escape '\\'"
        )
    ]
    for table in tables:
        cols = [r[1] for r in conn.execute(f"pragma table_info([{table}])") if r[1] not in TIME_COLUMNS]
        if cols:
            out[table] = sorted(
                conn.execute(f"select {', '.join(f'[{c}]' for c in cols)} from [{table}]").fetchall(), key=repr
            )
    conn.close()
    return out


def corpus(folder: Path, n: int) -> Path:
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(folder), str(n)], check=True, capture_output=True
    )
    return folder


KILL_BATCH = 20  # 120 articles in six batches: six Dagster runs, so there is a "during" to kill in


def _ilp_run(folder: Path, db: Path) -> list[str]:
    return [*ILP, "run", "--articles", str(folder), "--db", str(db), "--batch-size", str(KILL_BATCH)]


@pytest.fixture(scope="module")
def kill_corpus(tmp_path_factory) -> tuple[Path, dict]:
    folder = corpus(tmp_path_factory.mktemp("kill") / "articles", 120)
    clean_db = folder.parent / "clean.db"
    subprocess.run(_ilp_run(folder, clean_db), check=True, capture_output=True, cwd=ROOT)
    return folder, comparable(clean_db)


def _progress(db: Path) -> tuple[int, int]:
    """(files claimed by a batch, inputs written) as another reader sees them; (0, 0) before the file exists."""
    if not db.exists():
        return 0, 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05)
        try:
            claimed = conn.execute("select count(*) from batch_inputs").fetchone()[0]
            written = conn.execute("select count(*) from inputs").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0, 0  # not created or migrated yet
    return claimed, written


# Kill points tied to the run's progress, not to the clock: (files claimed at least, inputs written at least).
KILL_POINTS = {
    "first-batch-claimed-nothing-written": (1, 0),
    "inside-the-first-batch": (1, 1),
    "after-two-batches": (41, 40),
    "half-way": (61, 60),
    "last-batch-claimed": (101, 100),
    "everything-written-clustering-or-report-left": (120, 120),
}


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_killed_run_then_rerun_equals_a_clean_run(kill_corpus, tmp_path, point):
    folder, expected = kill_corpus
    db = tmp_path / "ilp.db"
    claimed_at_least, written_at_least = KILL_POINTS[point]
    proc = subprocess.Popen(
        _ilp_run(folder, db),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        claimed, written = _progress(db)
        if claimed >= claimed_at_least and written >= written_at_least:
            break
        time.sleep(0.005)
    assert proc.poll() is None, f"the run finished before reaching {point}: this kill point tests nothing"
    os.killpg(proc.pid, signal.SIGKILL)  # the run and any workers it forked
    proc.wait()
    subprocess.run(_ilp_run(folder, db), check=True, capture_output=True, cwd=ROOT)
    conn = sqlite3.connect(db)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert comparable(db) == expected


def test_two_runs_at_once_do_not_corrupt_or_duplicate(tmp_path):
    """Two `ilp run`s on one instance: the warehouse pool orders their writing steps."""
    folder = corpus(tmp_path / "articles", 60)
    db = tmp_path / "ilp.db"
    procs = [
        subprocess.Popen(
            [*ILP, "run", "--articles", str(folder), "--db", str(db)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    conn = sqlite3.connect(db)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert conn.execute("select count(*) from articles").fetchone()[0] == 60
    dupes = conn.execute(
        "select count(*) from (select article_id, text, char_start, count(*) c from dates "
        "group by 1, 2, 3 having c > 1)"
    ).fetchone()[0]
    assert dupes == 0
    # every file is in exactly one batch
    assert conn.execute("select count(*), count(distinct path) from batch_inputs").fetchone() == (60, 60)
    conn.close()


HOLD_THE_POOL = """
import os, socket, sys, time
import dagster as dg
from pipelines.definitions import defs
instance = dg.DagsterInstance.get()
run = instance.create_run_for_job(
    job_def=defs.resolve_job_def("ilp_pipeline"), run_config={}, status=dg.DagsterRunStatus.STARTED,
    tags={"ilp/launched_by": "ilp run", "ilp/host": socket.gethostname(), "ilp/pid": str(os.getpid())},
)
instance.event_log_storage.claim_concurrency_slot("ilp_warehouse", run.run_id, "warehouse_tables")
print("held", flush=True)
time.sleep(60)
"""


def test_a_busy_warehouse_gives_a_clear_message_and_a_dead_holder_is_released(tmp_path, capsys):
    """Another run holds the warehouse pool: `ilp run` says so and gives up after its timeout; once
    that run's process is dead (killed), the next `ilp run` frees its slot and goes ahead."""
    db = tmp_path / "ilp.db"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_THE_POOL], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert run_pipeline(ROOT / "raw_articles", db, wait_timeout=1.0) == 3
        err = capsys.readouterr().err
        assert "waiting for another run to finish writing" in err and "gave up after 1 s" in err
    finally:
        holder.kill()
        holder.wait()
    assert run_pipeline(ROOT / "raw_articles", db, wait_timeout=30.0) == 0
    assert open_db(str(db))["articles"].count == len(list((ROOT / "raw_articles").iterdir()))


def test_an_older_warehouse_is_migrated_without_losing_rows(tmp_path):
    path = tmp_path / "old.db"
    from sqlite_utils import Database

    old = Database(path)
    migrations.apply(old, stop_before="m002_events_clusters_views")
    old["articles"].insert(
        {
            "article_id": "a1",
            "source": "lama.txt",
            "text": "Teks lama tentang ILP.",
            "is_ilp": 1,
            "ingested_at": "2024-01-01T00:00:00",
        }
    )
    old["events"].insert(
        {
            "article_id": "a1",
            "event_type": "launch",
            "start": "2023-12-04",
            "end": "2023-12-04",
            "evidence": "Peluncuran ILP.",
        }
    )
    old.conn.close()
    db = open_db(str(path))
    assert migrations.pending(db) == []
    assert db["articles"].get("a1")["text"] == "Teks lama tentang ILP."
    assert {"duplicate_of", "language", "reported_date"} <= set(db["articles"].columns_dict)
    assert db.execute("select event_type, start from events").fetchall() == [("launch", "2023-12-04")]
    assert db.execute("select count(*) from regions").fetchone()[0] > 7000


def test_query_is_read_only(tmp_path, capsys):
    from ilp.cli import main

    db = tmp_path / "ilp.db"
    open_db(str(db))
    assert main(["query", "--db", str(db), "select count(*) as n from regions"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "n"
    assert main(["query", "--db", str(db), "delete from regions"]) == 1
    assert "readonly" in capsys.readouterr().err
    assert open_db(str(db))["regions"].count > 7000


@pytest.mark.parametrize(
    ("sql", "refused"),
    [
        pytest.param("attach database '{elsewhere}' as x", "ATTACH", id="attach-would-create-a-file"),
        pytest.param("pragma journal_mode=delete", "PRAGMA journal_mode", id="pragma-that-changes-the-file"),
        pytest.param("pragma user_version=7", "PRAGMA user_version", id="pragma-assignment"),
    ],
)
def test_query_refuses_what_would_touch_files_or_settings(tmp_path, capsys, sql, refused):
    from ilp.cli import main

    db, elsewhere = tmp_path / "ilp.db", tmp_path / "elsewhere.db"
    open_db(str(db))
    assert main(["query", "--db", str(db), sql.format(elsewhere=elsewhere)]) == 1
    err = capsys.readouterr().err
    assert f"{refused}" in err and "read-only" in err and "disk I/O" not in err
    assert not elsewhere.exists()


@pytest.mark.parametrize(
    "sql",
    [
        "pragma table_info(articles)",
        "pragma user_version",
        "select count(*) from articles_fts where articles_fts match 'ILP'",
        "with recursive c(x) as (select 1 union all select x + 1 from c where x < 3) select * from c",
    ],
)
def test_query_still_reads_freely(tmp_path, capsys, sql):
    from ilp.cli import main

    db = tmp_path / "ilp.db"
    open_db(str(db))
    assert main(["query", "--db", str(db), sql]) == 0, capsys.readouterr().err


# Hostile input ---------------------------------------------------------------------------------------------

HOSTILE_CHARS = st.sampled_from(
    [
        "\u200b",
        "\u200f",
        "\u202e",
        "\ufeff",
        "\x00",
        "\x07",
        "\x1b",
        "\u0301",
        "\ud7ff",
        "💉",
        "Puskesmas",
        "Kabupaten",
        "12",
        "/",
        "-",
        "(",
        ")",
        "\n",
        " ",
        "dr.",
        "S.Kep.",
        "Januari",
        "2024",
        "ILP",
        "posyandu",
        ",",
        ".",
    ]
)
HOSTILE_TEXT = st.one_of(st.text(max_size=2000), st.lists(HOSTILE_CHARS, max_size=400).map("".join))


def _facts(text: str):
    article = CleanArticle(source="x.txt", article_id=article_id_for(text), text=text)
    return next(extract_articles([article], processes=1))


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE_TEXT)
def test_extractors_survive_hostile_text_and_offsets_hold(text):
    facts = _facts(text)
    for items in (facts.dates, facts.facility_counts, facts.people, facts.locations):
        for item in items:
            assert text[item.char_start : item.char_end] == item.text
    for event in facts.events:
        assert text[event.char_start : event.char_end] == event.evidence


@settings(max_examples=150, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=3000),
        HOSTILE_TEXT.map(lambda t: f"<html><body><p>{t}</p></body></html>".encode("utf-8", "surrogatepass")),
    )
)
def test_the_html_cleaner_survives_anything(data):
    raw = parse_input_bytes("page.html", "page.html", data)
    if isinstance(raw, Reject):
        return
    result = clean(raw)
    assert isinstance(result, (CleanArticle, Reject))


@pytest.mark.parametrize("depth", [100, 2000, 20000])
def test_deeply_nested_html(depth):
    html = (
        "<div>" * depth
        + "<p>Dinas Kesehatan Kabupaten Garut menggelar sosialisasi ILP di 12 puskesmas.</p>"
        + "</div>" * depth
    ).encode()
    started = time.monotonic()
    result = clean(parse_input_bytes("deep.html", "deep.html", html))
    assert time.monotonic() - started < 30
    assert isinstance(result, (CleanArticle, Reject))


def test_huge_input_is_rejected_with_a_reason_in_bounded_time(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(
        ("Dinas Kesehatan Kabupaten Garut menggelar sosialisasi ILP di 12 puskesmas. " * 140_000), encoding="utf-8"
    )  # about 10 MB
    started = time.monotonic()
    result = load_clean(path)
    assert time.monotonic() - started < 30
    assert isinstance(result, Reject) and "too long" in result.reason


def test_scripts_and_styles_never_reach_the_text():
    html = (
        b"<html><head><style>p{color:red} .x::after{content:'ILP STYLE'}</style>"
        b"<script>document.write('ILP SCRIPT 2024'); fetch('http://evil.example/')</script></head><body><article>"
        b"<p>Dinas Kesehatan Kabupaten Garut menggelar sosialisasi ILP di 12 puskesmas pada 3 Mei 2024.</p>"
        b"<script>var x = 'Puskesmas Palsu 99';</script><noscript>ILP NOSCRIPT</noscript></article></body></html>"
    )
    article = clean(parse_input_bytes("s.html", "s.html", html))
    assert isinstance(article, CleanArticle)
    for marker in ("ILP STYLE", "ILP SCRIPT", "Palsu", "NOSCRIPT", "evil"):
        assert marker not in article.text


def test_fuzz_corpus_through_ilp_run_ends_in_articles_or_rejects(tmp_path):
    folder = tmp_path / "fuzz"
    folder.mkdir()
    samples = {
        "empty.txt": b"",
        "nul.txt": b"\x00" * 500,
        "bom.txt": b"\xef\xbb\xbfDinas Kesehatan Kabupaten Garut ILP " * 5,
        "utf16.txt": "Dinas Kesehatan Kabupaten Garut menggelar sosialisasi ILP pada 3 Mei 2024.".encode("utf-16"),
        "rtl.txt": (
            "\u202eDinas Kesehatan\u200f Kabupaten\u200b Garut menggelar sosialisasi ILP di 5 pustu. " * 3
        ).encode(),
        "control.txt": ("\x07\x1bDinas Kesehatan Kabupaten Garut menggelar sosialisasi ILP. " * 3).encode(),
        "deep.html": b"<div>" * 5000 + b"<p>Dinas Kesehatan Kabupaten Garut ILP 3 Mei 2024 sosialisasi.</p>",
        "broken.html": b"<html><body><p>Dinas Kesehatan <b>Kabupaten <i>Garut</b> ILP sosialisasi 12 pustu</p",
        "bad.json": b'{"text": ',
        "list.json": b"[]",
        "latin.txt": "Caf\xe9 ILP di Kabupaten Garut, 4 pustu.".encode("cp1252") * 3,
        "huge.txt": b"ILP puskesmas Garut. " * 600_000,
    }
    for name, data in samples.items():
        (folder / name).write_bytes(data)
    db = tmp_path / "ilp.db"
    assert run_pipeline(folder, db) == 0
    conn = sqlite3.connect(db)
    sources = {r[0] for r in conn.execute("select source from articles union select source from rejects")}
    assert sources == set(samples)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
