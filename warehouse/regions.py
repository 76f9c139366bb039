"""The Kemendagri regions (provinsi, kabupaten/kota, kecamatan) as a warehouse table, for joins by code."""

from __future__ import annotations

from sqlite_utils import Database

from extractors.locations.gazetteer import get_gazetteer


def region_label(name: str, kind: str) -> str:
    """How a region is shown: with its type word, since "Kupang" is both a kabupaten and a kota."""
    return name if kind == "provinsi" else f"{kind.capitalize()} {name}"


def load_regions(db: Database) -> None:
    """(Re)fill `regions` from the gazetteer; codes are stable, so this is an upsert."""
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "type": r.type,
            "parent": r.code.rsplit(".", 1)[0] if "." in r.code else None,
            "level": r.code.count(".") + 1,
            "label": region_label(r.name, r.type),
        }
        for r in get_gazetteer().by_code.values()
    ]
    db["regions"].upsert_all(rows, pk="code", alter=True)  # an older warehouse gets the newer columns
