"""A progress bar for `ilp run` on a terminal: files processed, read from the warehouse as they land.

The pipeline runs inside Dagster, in batches; the bar follows the `inputs` rows each article's
transaction writes, so it moves per file, not per batch. Off when stderr is not a terminal (logs,
cron, CI get the plain per-batch lines instead).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from pathlib import Path
from typing import TextIO


def _size(stream: TextIO) -> tuple[int, int]:
    """The terminal's columns and rows. A terminal that reports 0 (some pseudo-terminals do) gets 100 x 24:
    tqdm takes 0 rows as no room and draws nothing."""
    try:
        size = os.get_terminal_size(stream.fileno())
    except (OSError, ValueError):
        return 100, 24
    return size.columns or 100, size.lines or 24


class FileProgress:
    """Context manager: a tqdm bar of `total` files, polled from the warehouse every `poll` seconds."""

    def __init__(self, db_path: Path, since: str, total: int, stream: TextIO | None = None, poll: float = 0.5):
        self.db_path, self.since, self.total, self.poll = db_path, since, total, poll
        self.stream = stream or sys.stderr
        self.enabled = total > 0 and self.stream.isatty()
        self._bar = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> FileProgress:
        if self.enabled:
            from tqdm import tqdm

            columns, rows = _size(self.stream)
            self._bar = tqdm(total=self.total, unit="file", desc="ilp run", file=self.stream, ncols=columns, nrows=rows)
            self._thread = threading.Thread(target=self._follow, name="ilp-progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._bar is not None:
            self._update()
            self._bar.close()

    def say(self, message: str) -> None:
        """A line for the user, printed above the bar when there is one."""
        if self._bar is not None:
            self._bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream, flush=True)

    def _follow(self) -> None:
        while not self._stop.wait(self.poll):
            self._update()

    def _update(self) -> None:
        try:
            conn = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=1)
            try:
                done = conn.execute("select count(*) from inputs where processed_at >= ?", [self.since]).fetchone()[0]
            finally:
                conn.close()
        except sqlite3.Error:  # not created yet, or busy: the next poll will tell
            return
        if self._bar is not None:
            self._bar.update(min(done, self.total) - self._bar.n)
