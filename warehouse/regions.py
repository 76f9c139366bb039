"""The Kemendagri regions (provinsi, kabupaten/kota, kecamatan) as a warehouse table, for joins by code."""

from __future__ import annotations

from sqlite_utils import Database

from extractors.locations.gazetteer import get_gazetteer


def load_regions(db: Database) -> None:
    """(Re)fill `regions` from the gazetteer; codes are stable, so this is an upsert."""
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "type": r.type,
            "parent": r.code.rsplit(".", 1)[0] if "." in r.code else None,
            "level": r.code.count(".") + 1,
        }
        for r in get_gazetteer().by_code.values()
    ]
    db["regions"].upsert_all(rows, pk="code")
