"""One writer at a time: an exclusive file lock beside the warehouse, re-entrant within a process.

`ilp run`, the Dagster schedule and the sensor all take it before writing, so two of them at once
never interleave their writes; the second waits, and says so, or gives up with a clear message.
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_HELD: dict[str, int] = {}


class WarehouseBusy(RuntimeError):
    pass


@contextmanager
def writer_lock(db_path: str | Path, timeout: float = 3600.0, poll: float = 0.2) -> Iterator[None]:
    """Hold the warehouse's writer lock; raises WarehouseBusy if another writer keeps it past `timeout`."""
    lock_path = str(Path(db_path).resolve()) + ".lock"
    if lock_path in _HELD:  # already ours (the run holds it while its assets write)
        _HELD[lock_path] += 1
        try:
            yield
        finally:
            _HELD[lock_path] -= 1
        return
    Path(lock_path).parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + timeout
    told = False
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"another process is writing {db_path}; gave up after {timeout:.0f} s"
                    ) from None
                if not told:
                    print(f"waiting for another writer to finish with {db_path} ...", file=sys.stderr)
                    told = True
                time.sleep(poll)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        _HELD[lock_path] = 1
        try:
            yield
        finally:
            del _HELD[lock_path]
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
