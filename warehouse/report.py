"""A static HTML report of the warehouse: charts as inline SVG, so it opens in a browser with no server.

It answers the research questions at a glance: which regions have launched ILP and since when, how far
coverage has come (x of y facilities, as of when), and what happened month by month. Every figure links
to the sentence it comes from. Sections: rollout tracker (provinces, then kabupaten/kota), events per
month, coverage per facility type, latest figures, evidence.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from warehouse.geo import ATTRIBUTION, backdrop_points, province_points
from warehouse.schema import open_db

# Event types: a categorical palette used for nothing else in the report.
EVENT_PALETTE = [
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#b07aa1",
    "#9c755f",
    "#ff9da7",
    "#76b7b2",
    "#edc948",
    "#bab0ac",
    "#86bcb6",
    "#d37295",
]
# Coverage bars: one hue of their own, the total behind them in grey.
COVERAGE_COLOUR = "#0b6e4f"
TOTAL_COLOUR = "#d9d9d9"
FACILITY_ORDER = ("puskesmas", "pustu", "poskesdes", "posyandu", "klinik", "rumah_sakit")
# How far a region has come, furthest first; colours run light to dark.
STAGES = {
    "full": ("All facilities of a type run ILP", "#08306b"),
    "launched": ("ILP launched or running", "#2171b5"),
    "piloting": ("Pilot sites designated", "#6baed6"),
    "preparing": ("Preparing: socialisation, training, meetings, policy", "#c6dbef"),
}
_PREPARING = {
    "socialization",
    "training",
    "coordination_meeting",
    "study_visit",
    "best_practice_sharing",
    "policy",
    "funding",
    "monitoring_evaluation",
    "award",
}


def _facility_rank(facility_type: str) -> int:
    """Health facilities from the puskesmas down, in the order researchers read them."""
    return FACILITY_ORDER.index(facility_type) if facility_type in FACILITY_ORDER else len(FACILITY_ORDER)


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


# --- the timeline -------------------------------------------------------------------------------------------


@dataclass
class Timeline:
    months: dict[str, dict[str, int]]
    """Every month from the first to the last, empty ones included: month -> event type -> events."""
    year_only: dict[str, int]
    """Events whose date is only a year, which no month can hold: year -> events."""
    undated: int
    """Events with no date at all (neither in the text nor from their article)."""
    from_article: int
    """Events placed at their article's reported day because the text gives them no date."""


def month_range(first: str, last: str) -> list[str]:
    """Every YYYY-MM from `first` to `last`, both included."""
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def build_timeline(rows: list[dict]) -> Timeline:
    """One unit on the axis (the month); each real-world event once (reports of one event are a cluster)."""
    seen: dict[str, dict] = {}
    for row in rows:
        key = row["cluster_id"] or f"event-{row['event_id']}"
        if key not in seen or (row["timeline_start"] or "~") < (seen[key]["timeline_start"] or "~"):
            seen[key] = row
    by_month: dict[str, Counter] = defaultdict(Counter)
    year_only: Counter = Counter()
    undated = from_article = 0
    for row in seen.values():
        when = row["timeline_start"]
        if not when:
            undated += 1
            continue
        from_article += row["date_source"] == "article"
        if len(when) >= 7:
            by_month[when[:7]][row["event_type"]] += 1
        else:
            year_only[when[:4]] += 1
    months = month_range(min(by_month), max(by_month)) if by_month else []
    return Timeline(
        months={m: dict(by_month.get(m, {})) for m in months},
        year_only=dict(sorted(year_only.items())),
        undated=undated,
        from_article=from_article,
    )


def timeline_svg(timeline: Timeline, colours: dict[str, str]) -> str:
    """Stacked bars, one per month, empty months kept; January labelled with its year when the axis is long."""
    months = timeline.months
    if not months:
        return '<p class="empty">No dated events yet.</p>'
    bar = max(6, min(36, 1000 // len(months)))
    height, left, bottom = 220, 40, 56
    width = left + bar * len(months) + 20
    peak = max([sum(v.values()) for v in months.values()] + [1])
    step = max(1, -(-peak // 4))
    parts = [
        f'<svg class="chart timeline" role="img" aria-label="Events per month" width="{width}" '
        f'height="{height + bottom}" xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="{left}" y1="{height}" x2="{width - 10}" y2="{height}" stroke="#444"/>',
    ]
    for tick in range(0, peak + 1, step):
        y = height - tick / peak * (height - 20)
        parts.append(f'<text x="{left - 6}" y="{y + 4:.0f}" text-anchor="end" font-size="10">{tick}</text>')
        parts.append(f'<line x1="{left}" y1="{y:.0f}" x2="{width - 10}" y2="{y:.0f}" stroke="#eee"/>')
    long_axis = len(months) > 24
    for i, (month, values) in enumerate(months.items()):
        x = left + i * bar
        y = float(height)
        for name, value in sorted(values.items()):
            h = value / peak * (height - 20)
            y -= h
            parts.append(
                f'<rect class="bar" x="{x + 1}" y="{y:.1f}" width="{bar - 2}" height="{h:.1f}" '
                f'fill="{colours.get(name, "#999")}"><title>{_e(month)} {_e(name)}: {value}</title></rect>'
            )
        if not long_axis or month.endswith("-01") or i == 0:
            label = month[:4] if long_axis else month
            parts.append(
                f'<text x="{x + bar / 2:.0f}" y="{height + 12}" font-size="10" '
                f'transform="rotate(45 {x + bar / 2:.0f} {height + 12})">{_e(label)}</text>'
            )
    parts.append("</svg>")
    legend = "".join(f'<span class="key"><i style="background:{c}"></i>{_e(n)}</span>' for n, c in colours.items())
    return "".join(parts) + f'<div class="legend">{legend}</div>'


def timeline_note(timeline: Timeline) -> str:
    """What the chart leaves out or places by the article, said in words."""
    said = []
    if timeline.from_article:
        said.append(
            f"{timeline.from_article} events whose text gives no date are placed at the day their article reports"
        )
    if timeline.year_only:
        years = ", ".join(f"{y}: {n}" for y, n in timeline.year_only.items())
        said.append(
            f"{sum(timeline.year_only.values())} events dated only by a year are not on the month axis ({years})"
        )
    if timeline.undated:
        said.append(f"{timeline.undated} events have no date at all, not even their article's")
    return "<p>" + "; ".join(_e(s) for s in said) + ".</p>" if said else ""


# --- the rollout tracker ------------------------------------------------------------------------------------


@dataclass
class RegionStatus:
    code: str
    name: str
    province: str
    first_launch: str | None = None
    first_launch_from_article: bool = False
    coverage: list[dict] = field(default_factory=list)
    events: int = 0
    latest_event: tuple[str, str] | None = None  # (date, type)
    event_types: set[str] = field(default_factory=set)
    implementing_reported: bool = False

    @property
    def stage(self) -> str | None:
        if any(c["of_total"] and c["implementing"] >= c["of_total"] for c in self.coverage):
            return "full"
        if self.first_launch or self.implementing_reported or "launch" in self.event_types:
            return "launched"
        if "pilot_designation" in self.event_types:
            return "piloting"
        if self.event_types & _PREPARING:
            return "preparing"
        return None


def _implementing_anywhere(db) -> list[str]:
    """Region codes of every count of facilities running ILP, one puskesmas's area included: not the
    region's figure, but proof that ILP runs there."""
    return [
        r[0]
        for r in db.execute(
            "select distinct fc.location_code from facility_counts fc join articles a using (article_id) "
            "where fc.status = 'implementing' and a.is_ilp = 1 and fc.location_code is not null "
            "and fc.review_status != 'wrong'"
        )
    ]


def rollout_tracker(
    events: list[dict], coverage: list[dict], names: dict[str, str], implementing: list[str] = ()
) -> dict[str, RegionStatus]:
    """Per province (2-digit code) and kabupaten/kota (5-character code): launches, coverage, events.
    `implementing`: codes of regions where some facilities are reported running ILP."""
    regions: dict[str, RegionStatus] = {}

    def status(code: str) -> RegionStatus:
        if code not in regions:
            regions[code] = RegionStatus(code, names.get(code, code), names.get(code[:2], code[:2]))
        return regions[code]

    seen: set[tuple[str, str]] = set()
    for row in events:
        key = row["cluster_id"] or f"event-{row['event_id']}"
        for code in {row["province_code"], row["kabupaten_code"]} - {None}:
            if (code, key) in seen:
                continue
            seen.add((code, key))
            r = status(code)
            r.events += 1
            r.event_types.add(row["event_type"])
            when = row["timeline_start"]
            if when and (r.latest_event is None or when > r.latest_event[0]):
                r.latest_event = (when, row["event_type"])
            if row["event_type"] == "launch" and when:
                first = row["start"] or when
                if r.first_launch is None or first < r.first_launch:
                    r.first_launch, r.first_launch_from_article = first, row["start"] is None
    for row in coverage:
        if len(row["location_code"]) in (2, 5):  # a kecamatan's or village's figure is not its kabupaten's
            status(row["location_code"]).coverage.append(row)
    for code in [*implementing, *(row["location_code"] for row in coverage)]:
        for prefix in {code[:2], code[:5] if len(code) >= 5 else None} - {None}:
            status(prefix).implementing_reported = True
    return regions


def _coverage_cell(rows: list[dict], anchors: dict[int, str]) -> str:
    if not rows:
        return ""
    parts = []
    for c in sorted(rows, key=lambda c: _facility_rank(c["facility_type"])):
        figure = f"{c['implementing']} of {c['of_total']}" if c["of_total"] else f"{c['implementing']}"
        pct = f" ({c['percent']:.0f}%)" if c["percent"] is not None else ""
        parts.append(
            f"<a href='#{anchors[c['count_id']]}'>{_e(figure)} {_e(c['facility_type'])}{_e(pct)}</a>"
            f" <small>as of {_e(c['as_of'])}</small>"
        )
    return "<br>".join(parts)


def tracker_table(rows: list[RegionStatus], anchors: dict[int, str], with_province: bool) -> str:
    head = "<th>Province</th>" if with_province else ""
    body = []
    for r in rows:
        stage = r.stage
        chip = (
            f"<span class='stage' style='background:{STAGES[stage][1]}'></span>{_e(STAGES[stage][0])}" if stage else ""
        )
        launch = _e(r.first_launch) + (" <small>(article date)</small>" if r.first_launch_from_article else "")
        latest = f"{_e(r.latest_event[1])} <small>{_e(r.latest_event[0])}</small>" if r.latest_event else ""
        province = f"<td>{_e(r.province)}</td>" if with_province else ""
        body.append(
            f"<tr id='region-{_e(r.code)}'><td>{_e(r.name)} <small>{_e(r.code)}</small></td>{province}"
            f"<td>{chip}</td><td>{launch}</td>"
            f"<td>{_coverage_cell(r.coverage, anchors)}</td><td class='n'>{r.events}</td><td>{latest}</td></tr>"
        )
    return (
        f"<table class='tracker'><thead><tr><th>Region</th>{head}<th>Stage</th><th>First launch reported</th>"
        "<th>Latest coverage</th><th>Events</th><th>Latest event</th></tr></thead><tbody>"
        + ("".join(body) or "<tr><td colspan='7'>No ILP news yet.</td></tr>")
        + "</tbody></table>"
    )


# --- the map -----------------------------------------------------------------------------------------------

_WEST, _EAST, _NORTH, _SOUTH = 94.5, 141.5, 6.5, -11.5


def map_svg(statuses: dict[str, RegionStatus], points: dict[str, tuple[float, float]], backdrop, names) -> str:
    """Indonesia as a faint cloud of towns, a dot per province coloured by its stage, linked to its row."""
    if not points:
        return '<p class="empty">No map: the province points (countrystatecity-countries) are not installed.</p>'
    width = 1000
    scale = width / (_EAST - _WEST)
    height = round((_NORTH - _SOUTH) * scale)

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon - _WEST) * scale, (_NORTH - lat) * scale

    parts = [
        f'<svg class="chart map" role="img" aria-label="Rollout stage by province" width="{width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg"><rect width="{width}" height="{height}" fill="#f4f8fb"/>'
    ]
    for lat, lon in backdrop:
        x, y = xy(lat, lon)
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="1.6" fill="#c9c9c9"/>')
    for code, (lat, lon) in sorted(points.items()):
        x, y = xy(lat, lon)
        status = statuses.get(code)
        stage = status.stage if status else None
        name = names.get(code, code)
        if stage is None:
            parts.append(
                f'<circle class="province none" cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#fff" stroke="#999">'
                f"<title>{_e(name)}: no ILP news in the warehouse</title></circle>"
            )
            continue
        label, colour = STAGES[stage]
        parts.append(
            f'<a href="#region-{code}"><circle class="province {stage}" cx="{x:.1f}" cy="{y:.1f}" r="9" '
            f'fill="{colour}" stroke="#333"><title>{_e(name)}: {_e(label)}; {status.events} events</title></circle></a>'
            f'<text x="{x + 11:.1f}" y="{y + 4:.1f}" font-size="11">{_e(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


# --- coverage charts ----------------------------------------------------------------------------------------


def coverage_svg(rows: list[dict], anchors: dict[int, str], facility: str) -> str:
    """One facility type: each region's share running ILP (0-100%), bars linked to their evidence."""
    row_h, left, width = 22, 240, 760
    scale = width - left - 190
    height = row_h * len(rows) + 24
    parts = [
        f'<svg class="chart coverage" role="img" aria-label="Coverage of {_e(facility)}" width="{width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for pct in (0, 50, 100):
        x = left + pct / 100 * scale
        parts.append(f'<line x1="{x}" y1="0" x2="{x}" y2="{height - 18}" stroke="#ccc"/>')
        parts.append(f'<text x="{x}" y="{height - 4}" font-size="10" text-anchor="middle">{pct}%</text>')
    for i, c in enumerate(rows):
        y = 4 + i * row_h
        share = _share(c)
        parts.append(
            f'<rect class="total" x="{left}" y="{y}" width="{scale}" height="{row_h - 8}" fill="{TOTAL_COLOUR}"/>'
            f'<a href="#{anchors[c["count_id"]]}"><rect class="bar" x="{left}" y="{y}" width="{share * scale:.1f}" '
            f'height="{row_h - 8}" fill="{COVERAGE_COLOUR}"><title>{_e(c["region"])}: {_e(_figure(c))} '
            f"{_e(facility)} as of {_e(c['as_of'])}</title></rect></a>"
            f'<text x="{left - 6}" y="{y + 11}" text-anchor="end" font-size="11">{_e(c["region"])}</text>'
            f'<text x="{left + scale + 6}" y="{y + 11}" font-size="11">{_e(_figure(c))} '
            f"({100 * share:.0f}%) · {_e(c['as_of'])}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _share(c: dict) -> float:
    """Share running ILP: from the total where known, else from the percent the text states."""
    if c["of_total"]:
        return min(c["implementing"] / c["of_total"], 1.0)
    return min(c["percent"] / 100, 1.0)


def _figure(c: dict) -> str:
    return (
        f"{c['implementing']} of {c['of_total']}" if c["of_total"] else f"{c['implementing']}, {c['percent']:g}% stated"
    )


def coverage_section(coverage: list[dict], anchors: dict[int, str]) -> str:
    """Small multiples, one per facility type, so unlike facilities never share a scale."""
    by_type: dict[str, list[dict]] = defaultdict(list)
    for row in coverage:
        by_type[row["facility_type"]].append(row)
    if not by_type:
        return '<p class="empty">No coverage figures yet.</p>'
    out = []
    for facility in sorted(by_type, key=_facility_rank):
        rows = by_type[facility]
        with_total = sorted(
            (r for r in rows if r["of_total"] or r["percent"] is not None),
            key=lambda r: (-_share(r), r["region"] or ""),
        )
        without = [r for r in rows if not r["of_total"] and r["percent"] is None]
        out.append(f"<h3>{_e(facility)}</h3>")
        if with_total:
            out.append(coverage_svg(with_total, anchors, facility))
        if without:
            listed = "; ".join(
                f"<a href='#{anchors[r['count_id']]}'>{_e(r['region'])}: {r['implementing']}</a> "
                f"<small>as of {_e(r['as_of'])}</small>"
                for r in sorted(without, key=lambda r: r["region"] or "")
            )
            out.append(f"<p class='no-total'>Total not reported, so no share: {listed}</p>")
    return "".join(out)


# --- the page -----------------------------------------------------------------------------------------------


def evidence_anchors(coverage: list[dict]) -> tuple[dict[int, str], list[tuple[str, dict, list[dict]]]]:
    """Each figure's anchor; one evidence entry per distinct sentence of an article (figures share it)."""
    anchors: dict[int, str] = {}
    entries: dict[tuple[str, str], tuple[str, dict, list[dict]]] = {}
    for row in coverage:
        key = (row["article_id"], row["evidence"] or "")
        if key not in entries:
            entries[key] = (f"evidence-{len(entries) + 1}", row, [])
        entries[key][2].append(row)
        anchors[row["count_id"]] = entries[key][0]
    return anchors, list(entries.values())


def build_report(db_path: str) -> str:
    db = open_db(db_path, readonly=True)
    # "Kota Kupang" and "Kabupaten Kupang" are two regions: the label carries the type word.
    names = {r["code"]: r["label"] for r in db.query("select code, label from regions where level <= 2")}
    events = list(
        db.query(
            "select event_id, event_type, start, timeline_start, date_source, province_code, kabupaten_code, "
            "cluster_id from event_timeline"
        )
    )
    coverage = list(db.query("select * from latest_coverage order by location_code, facility_type"))
    anchors, evidence = evidence_anchors(coverage)
    timeline = build_timeline(events)
    event_types = sorted({r["event_type"] for r in events})
    colours = {t: EVENT_PALETTE[i % len(EVENT_PALETTE)] for i, t in enumerate(event_types)}
    regions = rollout_tracker(events, coverage, names, _implementing_anywhere(db))
    province_names = tuple((c, n) for c, n in names.items() if len(c) == 2)
    the_map = map_svg(regions, province_points(province_names), backdrop_points(), names)
    provinces = sorted((r for c, r in regions.items() if len(c) == 2), key=lambda r: r.name)
    kabupaten = sorted((r for c, r in regions.items() if len(c) == 5), key=lambda r: (r.province, r.name))
    counts = {t: db[t].count for t in ("articles", "event_clusters")}
    for table in ("events", "facility_counts", "people"):  # facts a reviewer marked wrong are not counted
        counts[table] = db.execute(f"select count(*) from [{table}] where review_status != 'wrong'").fetchone()[0]
    ilp_articles = db.execute("select count(*) from articles where is_ilp = 1").fetchone()[0]
    launched = sum(r.stage in ("launched", "full") for r in kabupaten)

    table_rows = []
    for row in coverage:
        percent = "" if row["percent"] is None else f"{row['percent']:.1f}%"
        table_rows.append(
            f"<tr><td>{_e(row['region'])} <small>{_e(row['location_code'])}</small></td>"
            f"<td>{_e(row['facility_type'])}</td><td class='n'>{row['implementing']}</td>"
            f"<td class='n'>{_e(row['of_total'])}</td><td class='n'>{percent}</td><td>{_e(row['as_of'])}</td>"
            f"<td><a href='#{anchors[row['count_id']]}'>evidence</a></td><td>{_source(row)}</td>"
            f"<td>{_e(row['review_status'])}</td></tr>"
        )
    evidence_items = []
    for anchor, row, figures in evidence:
        supports = ", ".join(f"{f['implementing']} {f['facility_type']} ({f['region']})" for f in figures)
        evidence_items.append(
            f"<li id='{anchor}'><blockquote>{_e(row['evidence'])}</blockquote>"
            f"<cite>{_source(row)}, as of {_e(row['as_of'])}</cite> <small>supports: {_e(supports)}</small></li>"
        )
    stage_legend = (
        "".join(f'<span class="key"><i style="background:{c}"></i>{_e(label)}</span>' for label, c in STAGES.values())
        + '<span class="key"><i style="background:#fff;border:1px solid #999"></i>No ILP news yet</span>'
    )
    generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>ILP Monitor report</title>
<style>
body{{font-family:system-ui,sans-serif;margin:2rem;max-width:1100px;color:#222}}
table{{border-collapse:collapse;width:100%;font-size:14px;margin-bottom:1rem}}
td,th{{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}}
td.n{{text-align:right}} .legend{{font-size:12px;margin:.3rem 0 1rem}} .key{{margin-right:1rem}}
.key i,.stage{{display:inline-block;width:10px;height:10px;margin-right:4px}} blockquote{{margin:.2rem 0}}
.chart{{overflow:visible}} .empty{{color:#777}} small{{color:#666}} h3{{margin-bottom:.2rem}}
</style></head><body>
<h1>ILP Monitor report</h1>
<p>{counts["articles"]} articles ({ilp_articles} about ILP), {counts["events"]} events in {counts["event_clusters"]}
clusters, {counts["facility_counts"]} facility counts, {counts["people"]} people.
{launched} kabupaten/kota have launched or run ILP in the news so far. Generated {generated}.</p>
<h2 id="rollout-tracker">Rollout tracker</h2>
<p>Where ILP stands in each region the news covers: the furthest stage reported, the first launch reported
(the date the text gives, else the day its article reports, marked), the latest region-wide coverage with its
total where the news gives one, and the events. Figures link to their evidence.</p>
<div class="legend">{stage_legend}</div>
{the_map}
<p><small>{_e(ATTRIBUTION)}. A dot per province, at its central point; grey dots are towns. A province's stage
is the furthest reported anywhere in it.</small></p>
<h3>Provinces</h3>
{tracker_table(provinces, anchors, with_province=False)}
<h3>Kabupaten and kota</h3>
{tracker_table(kabupaten, anchors, with_province=True)}
<h2 id="events-over-time">Events per month</h2>
<p>Each real-world event once (reports of the same event are one cluster), by month, empty months shown.</p>
{timeline_svg(timeline, colours)}
{timeline_note(timeline)}
<h2 id="coverage-by-province">Coverage by facility type</h2>
<p>The share of facilities running ILP in each region whose news gives a total, one chart per facility type
(puskesmas and posyandu are not compared on one scale). Each bar links to its evidence.</p>
{coverage_section(coverage, anchors)}
<h2 id="latest-figures">Latest figures per region</h2>
<table><thead><tr><th>Region</th><th>Facility</th><th>Implementing</th><th>Of total</th><th>Percent</th>
<th>As of</th><th>Evidence</th><th>Source</th><th>Review</th></tr></thead><tbody>
{"".join(table_rows) or '<tr><td colspan="9">No coverage figures yet.</td></tr>'}
</tbody></table>
<h2 id="review">Review</h2>
{review_section(db)}
<h2 id="evidence">Evidence</h2>
<ol>{"".join(evidence_items)}</ol>
</body></html>
"""


def review_section(db) -> str:
    """Per kind of fact: how many were reviewed and the share found correct as extracted (a precision
    estimate from real use), the fields reviewers corrected most, and reviews left orphaned."""
    progress = list(db.query("select * from review_progress order by kind"))
    rows = "".join(
        f"<tr><td>{_e(r['kind'])}</td><td class='n'>{r['facts']}</td><td class='n'>{r['reviewed']}</td>"
        f"<td class='n'>{r['verified']}</td><td class='n'>{r['corrected']}</td><td class='n'>{r['wrong']}</td>"
        f"<td class='n'>{'' if r['share_correct'] is None else format(r['share_correct'], '.0%')}</td></tr>"
        for r in progress
    )
    edits = db.execute(
        "select kind, field, count(distinct fact_id) from reviews where verdict = 'edit' "
        "group by kind, field order by 3 desc, kind, field"
    ).fetchall()
    orphans = db.execute("select count(*) from orphaned_reviews").fetchone()[0]
    corrected = ", ".join(f"{kind}.{field} ({n})" for kind, field, n in edits) or "none yet"
    return f"""<p>Facts researchers have checked (the review page, <code>make review</code>, or
<code>ilp review import</code>). Facts marked wrong are left out of every figure above; corrected values
replace extracted ones. "Correct as extracted" is the share of reviewed facts that needed no change.</p>
<table><thead><tr><th>Kind</th><th>Facts</th><th>Reviewed</th><th>Verified</th><th>Corrected</th><th>Wrong</th>
<th>Correct as extracted</th></tr></thead><tbody>{rows}</tbody></table>
<p>Fields corrected (facts): {_e(corrected)}. Orphaned reviews (their fact is no longer extracted): {orphans}.</p>"""


def _source(row: dict) -> str:
    source = _e(row["source"])
    return f'<a href="{_e(row["url"])}">{source}</a>' if row["url"] else source


def write_report(db_path: str, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(build_report(db_path), encoding="utf-8")
    return out
