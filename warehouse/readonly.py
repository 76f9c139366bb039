"""Reading the warehouse and nothing else: an SQLite authorizer for queries researchers type.

Opening the file read-only already makes every write to it fail ("attempt to write a readonly
database"). It does not stop `ATTACH DATABASE '/elsewhere.db'`, which creates a file, nor pragmas that
change the connection or the file (`PRAGMA journal_mode=delete` fails with a bare "disk I/O error").
The authorizer refuses those, and remembers what it refused so the message can say so.
"""

from __future__ import annotations

import sqlite3

# Pragmas that only describe the schema or the build; the first group takes a table or index name.
_DESCRIBING_WITH_NAME = {"table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list"}
_DESCRIBING = {
    "table_list",
    "collation_list",
    "function_list",
    "compile_options",
    "database_list",
    "data_version",
    "user_version",
    "schema_version",
    "page_count",
    "page_size",
    "encoding",
}


class ReadOnlyAuthorizer:
    """`connection.set_authorizer(ReadOnlyAuthorizer())`: no ATTACH/DETACH, no pragma that changes anything."""

    def __init__(self) -> None:
        self.refused: str | None = None

    def __call__(self, action: int, arg1: str | None, arg2: str | None, _db: str | None, _trigger: str | None) -> int:
        if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
            self.refused = f"{'ATTACH' if action == sqlite3.SQLITE_ATTACH else 'DETACH'} {arg1 or ''}".strip()
            return sqlite3.SQLITE_DENY
        if action == sqlite3.SQLITE_PRAGMA:
            name = (arg1 or "").lower()
            if name in _DESCRIBING_WITH_NAME or (name in _DESCRIBING and arg2 is None):
                return sqlite3.SQLITE_OK
            self.refused = f"PRAGMA {name}"
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK
