import json
import subprocess
import sys

import pytest

from ilp.cli import build_parser, main
from tests.conftest import RAW_ARTICLES

CONTRACT_KEYS = {
    "source",
    "article_id",
    "title",
    "published_date",
    "is_ilp",
    "dates",
    "facility_counts",
    "people",
    "locations",
    "events",
}


def test_extract_prints_one_contract_line_per_article(capsys):
    assert main(["extract", "--jsonl", str(RAW_ARTICLES)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(list(RAW_ARTICLES.iterdir()))
    sources = []
    for line in lines:
        obj = json.loads(line)
        assert set(obj) == CONTRACT_KEYS
        sources.append(obj["source"])
    assert sources == sorted(sources)


def test_extract_reports_errors_and_goes_on(tmp_path, capsys):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_good.txt").write_text((RAW_ARTICLES / "03_gorontalo_studi_banding.txt").read_text())
    assert main(["extract", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    first, second = map(json.loads, captured.out.splitlines())
    assert first == {"source": "a_empty.txt", "error": "empty file"}
    assert second["source"] == "b_good.txt" and second["people"]
    assert "a_empty.txt" in captured.err


def test_extract_names_a_missing_path(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt" in capsys.readouterr().err


def test_extract_does_not_import_dagster():
    code = (
        "import sys, io, contextlib; from ilp.cli import main; "
        f"out = io.StringIO(); ctx = contextlib.redirect_stdout(out); ctx.__enter__(); "
        f"main(['extract', {str(RAW_ARTICLES)!r}]); ctx.__exit__(None, None, None); "
        "print('dagster' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("command", ["extract", "run", "evaluate"])
def test_every_command_has_help(command):
    sub = build_parser()._subparsers._group_actions[0].choices[command]
    assert sub.description and sub.format_help()


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0 and capsys.readouterr().out.startswith("ilp ")


def test_ingest_with_nothing_to_fetch_is_a_usage_error(capsys):
    assert main(["ingest"]) == 2
    assert "nothing to fetch" in capsys.readouterr().err


def test_a_file_that_is_not_a_warehouse_gets_a_clear_message(tmp_path, capsys):
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database\n" * 50)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Puskesmas Cibatu di Kabupaten Garut menerapkan ILP.")
    assert main(["run", "--articles", str(tmp_path / "articles"), "--db", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "not a usable SQLite warehouse" in err and "Traceback" not in err
