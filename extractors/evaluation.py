"""The project's own scorer, implementing CONTRACT.md's scoring rules.

Per field: micro precision, recall and F1 over all articles, plus the field's secondary accuracy
(count status, person role, location code, event attribution) and is_ilp accuracy.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.models import FACT_KINDS as FIELDS


def _norm(value: Any) -> str:
    text = re.sub(r"[\s\u00a0]+", " ", ("" if value is None else str(value)).casefold()).strip()
    return text.strip(" .,;:()\"'")


def _options(value: Any) -> list[Any]:
    if value is None:
        return [None]
    return value if isinstance(value, list) else [value]


def _words(value: Any) -> set[str]:
    return set(re.findall(r"\w+", _norm(value)))


@dataclass
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    secondary_ok: int = 0
    secondary_n: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def secondary(self) -> float | None:
        return self.secondary_ok / self.secondary_n if self.secondary_n else None

    def judge(self, ok: bool, note: str) -> None:
        self.secondary_n += 1
        self.secondary_ok += ok
        if not ok:
            self.misses.append(note)


def _set_field(score: FieldScore, source: str, gold: set, pred: set, optional: set) -> None:
    score.tp += len(gold & pred)
    score.fn += len(gold - pred)
    extra = pred - gold - optional
    score.fp += len(extra)
    score.misses += [f"{source} missed {k}" for k in sorted(gold - pred, key=str)]
    score.misses += [f"{source} extra {k}" for k in sorted(extra, key=str)]


def _count_key(c: dict) -> tuple[str, Any]:
    try:
        n: Any = int(c.get("count"))
    except (TypeError, ValueError):
        n = c.get("count")
    return _norm(c.get("facility_type")), n


def _location_keys(loc: dict) -> set[tuple[str, str]]:
    return {(_norm(n), _norm(t)) for n in _options(loc.get("name")) for t in _options(loc.get("type"))}


def same_region(gold_code: Any, pred_code: Any) -> bool:
    """Equal, inside the gold region, or the gold region's kabupaten/kota (or a deeper ancestor)."""
    if not gold_code or not pred_code:
        return False
    g, p = str(gold_code), str(pred_code)
    return p == g or p.startswith(g + ".") or (g.startswith(p + ".") and "." in p)


def score_article(gold: dict, pred: dict | None, scores: dict[str, FieldScore]) -> None:
    src = gold.get("source", "?")
    opt = gold.get("optional") or {}
    pred = pred or {}

    def date_keys(items: list) -> set:
        return {(d.get("start"), d.get("end")) for d in items or []}

    _set_field(
        scores["dates"], src, date_keys(gold.get("dates")), date_keys(pred.get("dates")), date_keys(opt.get("dates"))
    )

    s = scores["facility_counts"]
    remaining = list(pred.get("facility_counts") or [])
    for g in gold.get("facility_counts", []):
        same_key = [c for c in remaining if _count_key(c) == _count_key(g)]
        if not same_key:
            s.fn += 1
            s.misses.append(f"{src} missed count {_count_key(g)}")
            continue
        same_status = [c for c in same_key if _norm(c.get("status")) == _norm(g.get("status"))]
        remaining.remove((same_status or same_key)[0])
        s.tp += 1
        if g.get("status"):
            s.judge(
                bool(same_status),
                f"{src} count {_count_key(g)} status: want {g['status']}, got {same_key[0].get('status')}",
            )
    spare = Counter(_count_key(c) for c in opt.get("facility_counts", []))
    for c in remaining:
        if spare[_count_key(c)] > 0:
            spare[_count_key(c)] -= 1
        else:
            s.fp += 1
            s.misses.append(f"{src} extra count {_count_key(c)}")

    s = scores["people"]
    gold_people = {_norm(p.get("name")): p for p in gold.get("people", [])}
    pred_people: dict[str, dict] = {}
    for p in pred.get("people") or []:
        pred_people.setdefault(_norm(p.get("name")), p)
    _set_field(s, src, set(gold_people), set(pred_people), {_norm(p.get("name")) for p in opt.get("people", [])})
    for name in sorted(set(gold_people) & set(pred_people)):
        want = _words(gold_people[name].get("role"))
        if want:
            got = pred_people[name].get("role")
            s.judge(
                2 * len(want & _words(got)) >= len(want),
                f"{src} role of {name}: want {gold_people[name].get('role')!r}, got {got!r}",
            )

    s = scores["locations"]
    pred_locs: dict[tuple[str, str], dict] = {}
    for loc in pred.get("locations") or []:
        for k in _location_keys(loc):
            pred_locs.setdefault(k, loc)
    gold_keys: set = set()
    used: set = set()
    for g in gold.get("locations", []):
        keys = _location_keys(g)
        gold_keys |= keys
        hit = next((k for k in sorted(keys) if k in pred_locs), None)
        if hit is None:
            s.fn += 1
            s.misses.append(f"{src} missed location {sorted(keys)}")
            continue
        s.tp += 1
        used.add(hit)
        codes = [c for c in _options(g.get("code")) if c]
        if codes:
            got = pred_locs[hit].get("code")
            s.judge(got in codes, f"{src} code of {hit}: want {codes}, got {got}")
    optional_keys = set().union(*(_location_keys(x) for x in opt.get("locations", [])))
    for k in pred_locs:
        if k not in used and k not in gold_keys and k not in optional_keys:
            s.fp += 1
            s.misses.append(f"{src} extra location {k}")

    _score_events(src, gold, pred, opt, scores["events"])

    if "is_ilp" in gold:
        scores["is_ilp"].judge(bool(pred.get("is_ilp")) == bool(gold["is_ilp"]), f"{src} is_ilp wrong")


def _score_events(src: str, gold: dict, pred: dict, opt: dict, s: FieldScore) -> None:
    def matches(g: dict, p: dict) -> bool:
        if _norm(g.get("event_type")) != _norm(p.get("event_type")):
            return False
        undated = g.get("start") is None and g.get("end") is None
        return undated or (g.get("start"), g.get("end")) == (p.get("start"), p.get("end"))

    def attributed(g: dict, p: dict) -> bool | None:
        checks = []
        if g.get("facility"):
            checks.append(_norm(p.get("facility")) == _norm(g.get("facility")))
        if g.get("location_code"):
            checks.append(same_region(g.get("location_code"), p.get("location_code")))
        return any(checks) if checks else None

    remaining = list(pred.get("events") or [])
    for g in gold.get("events", []):
        candidates = [p for p in remaining if matches(g, p)]
        if not candidates:
            s.fn += 1
            s.misses.append(f"{src} missed event {(g.get('event_type'), g.get('start'), g.get('end'))}")
            continue
        best = next((p for p in candidates if attributed(g, p)), candidates[0])
        remaining.remove(best)
        s.tp += 1
        ok = attributed(g, best)
        if ok is not None:
            s.judge(
                ok,
                f"{src} event {g.get('event_type')} attribution: want "
                f"{(g.get('facility'), g.get('location_code'))}, got "
                f"{(best.get('facility'), best.get('location_code'))}",
            )
    spare = list(opt.get("events", []))
    for p in remaining:
        j = next((i for i, o in enumerate(spare) if matches(o, p)), None)
        if j is not None:
            spare.pop(j)
            continue
        s.fp += 1
        s.misses.append(f"{src} extra event {(p.get('event_type'), p.get('start'), p.get('end'))}")


def load_gold(folder: Path) -> dict[str, dict]:
    gold = {}
    for path in sorted(Path(folder).glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        gold[Path(g.get("source") or path.name).name] = g
    return gold


def score_predictions(gold_dir: Path, predictions: dict[str, dict]) -> dict[str, FieldScore]:
    """Score predictions (source -> contract object) against every gold file in `gold_dir`."""
    scores = {f: FieldScore() for f in (*FIELDS, "is_ilp")}
    for source, g in load_gold(gold_dir).items():
        score_article(g, predictions.get(source), scores)
    return scores


def format_table(scores: dict[str, FieldScore], details: bool = False) -> str:
    lines = [f"{'field':16} {'P':>6} {'R':>6} {'F1':>6}   secondary"]
    for name in FIELDS:
        s = scores[name]
        sec = "" if s.secondary is None else f"{s.secondary:.3f} (n={s.secondary_n})"
        lines.append(f"{name:16} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   {sec}")
    ilp = scores["is_ilp"]
    if ilp.secondary is not None:
        lines.append(f"{'is_ilp':16} accuracy {ilp.secondary:.3f} (n={ilp.secondary_n})")
    if details:
        lines += [f"  {m}" for s in scores.values() for m in s.misses]
    return "\n".join(lines)
