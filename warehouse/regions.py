"""The Kemendagri regions (provinsi, kabupaten/kota, kecamatan) as a warehouse table, for joins by code."""

from __future__ import annotations

from sqlite_utils import Database

from extractors.locations.gazetteer import get_gazetteer


def region_label(name: str, kind: str) -> str:
    """How a region is shown: with its type word, since "Kupang" is both a kabupaten and a kota."""
    return name if kind == "provinsi" else f"{kind.capitalize()} {name}"


# (table, name column, code column): the region names kept beside codes.
NAMED_CODES = (
    ("facility_counts", "location_name", "location_code"),
    ("events", "location_name", "location_code"),
    ("articles", "main_region_name", "main_region"),
)


def fill_region_names(db: Database, article_id: str | None = None) -> None:
    """Write each code's `regions.label` beside it: for one article's rows, or for every row."""
    where, params = ("where article_id = ?", [article_id]) if article_id is not None else ("", [])
    for table, column, code in NAMED_CODES:
        db.execute(
            f"update [{table}] set [{column}] = (select label from regions where code = [{table}].[{code}]) {where}",
            params,
        )


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
