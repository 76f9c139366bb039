"""The evaluation corpus's gold files are well formed: an article for each, contract types, ISO dates,
region codes the Kemendagri list holds. A broken gold file would score the extractor wrongly."""

import json
import re
from functools import cache
from pathlib import Path

import pytest

from extractors.locations.gazetteer import get_gazetteer

CORPUS = Path(__file__).parent / "evaluation"
GOLD_FILES = sorted(CORPUS.glob("*/gold/*.json"))

FACILITY_TYPES = {"puskesmas", "pustu", "poskesdes", "posyandu", "klinik", "rumah_sakit"}
STATUSES = {"total", "implementing", "pilot", "participating", "target", "unspecified"}
LOCATION_TYPES = {
    "provinsi", "kabupaten", "kota", "kecamatan", "desa", "puskesmas", "pustu", "posyandu", "poskesdes",
    "venue", "country", "other",
}  # fmt: skip
EVENT_TYPES = {
    "launch", "study_visit", "socialization", "training", "coordination_meeting", "best_practice_sharing",
    "pilot_designation", "coverage_report", "funding", "monitoring_evaluation", "policy", "award",
}  # fmt: skip
ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _as_list(v):
    return v if isinstance(v, list) else [v]


@cache
def _desa_codes() -> frozenset[str]:
    return frozenset(c for entries in get_gazetteer().desa.values() for c, _ in entries)


def _known_code(code: str) -> bool:
    return code in _desa_codes() if code.count(".") == 3 else code in get_gazetteer().by_code


def _problems(path: Path) -> list[str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    article = path.parent.parent / "articles" / gold["source"]
    out = []
    if not article.exists():
        return [f"no article {gold['source']}"]
    sections = [("", gold), *(("optional ", gold.get("optional") or {}),)]
    for label, part in sections:
        for d in part.get("dates", []):
            if not (ISO.match(str(d["start"])) and ISO.match(str(d["end"])) and d["start"] <= d["end"]):
                out.append(f"{label}date {d}")
        for c in part.get("facility_counts", []):
            if c["facility_type"] not in FACILITY_TYPES or not isinstance(c["count"], int):
                out.append(f"{label}count {c}")
            if c.get("status") and c["status"] not in STATUSES:
                out.append(f"{label}count status {c}")
        for loc in part.get("locations", []):
            if not set(_as_list(loc["type"])) <= LOCATION_TYPES:
                out.append(f"{label}location type {loc}")
            for code in _as_list(loc.get("code")):
                if code and not _known_code(code):
                    out.append(f"{label}location code {loc}")
        for e in part.get("events", []):
            if e["event_type"] not in EVENT_TYPES:
                out.append(f"{label}event type {e}")
            for key in ("start", "end"):
                if e.get(key) is not None and not ISO.match(str(e[key])):
                    out.append(f"{label}event date {e}")
    return out


@pytest.mark.skipif(not GOLD_FILES, reason="no evaluation corpus")
@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_gold_file_is_well_formed(path):
    assert _problems(path) == []
