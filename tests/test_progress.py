"""Issue 13: `ilp run` shows a progress bar on a terminal, and none in a log."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys

from tests.conftest import RAW_ARTICLES, ROOT


def run_ilp(tmp_path, stderr) -> subprocess.CompletedProcess:
    articles = tmp_path / "articles"
    shutil.copytree(RAW_ARTICLES, articles)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "ilp",
            "run",
            "--articles",
            str(articles),
            "--db",
            str(tmp_path / "ilp.db"),
            "--dagster-home",
            str(tmp_path / "home"),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=stderr,
        timeout=600,
        check=True,
    )


def test_a_terminal_gets_a_progress_bar_of_files(tmp_path):
    leader, follower = pty.openpty()
    try:
        run_ilp(tmp_path, stderr=follower)
    finally:
        os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: all read
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    text = shown.decode("utf-8", "replace")
    n = len(list(RAW_ARTICLES.iterdir()))
    assert f"{n}/{n}" in text and "100%" in text and "file" in text  # the bar reached the end


def test_a_log_gets_plain_lines_and_no_bar(tmp_path):
    result = run_ilp(tmp_path, stderr=subprocess.PIPE)
    assert "ilp run: batch" in result.stderr.decode()
    assert "%|" not in result.stderr.decode() and "\r" not in result.stderr.decode()
