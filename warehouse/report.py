"""A static HTML report of the warehouse: charts as inline SVG, so it opens in a browser with no server.

Sections: events over time by type, the latest coverage by province, and the latest figures per
region with links to the sentence each figure comes from.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict
from pathlib import Path

from warehouse.schema import open_db

PALETTE = [
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
    "#393b79",
    "#637939",
]
FACILITY_COLOURS = {
    "puskesmas": "#1f77b4",
    "pustu": "#ff7f0e",
    "posyandu": "#2ca02c",
    "poskesdes": "#9467bd",
    "klinik": "#8c564b",
    "rumah_sakit": "#7f7f7f",
}


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def events_by_period(rows: list[dict]) -> dict[str, dict[str, int]]:
    """period (YYYY-MM, or YYYY for year-only dates) -> event type -> events (clusters counted once)."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        out[row["start"][:7]][row["event_type"]] += 1
    return {k: dict(v) for k, v in sorted(out.items())}


def stacked_bars_svg(series: dict[str, dict[str, int]], colours: dict[str, str], title: str) -> str:
    """A stacked bar chart: one bar per key, one colour per inner key."""
    if not series:
        return f'<p class="empty">No data for: {_e(title)}</p>'
    width_per_bar, height, left, bottom = 38, 220, 40, 60
    peak = max(sum(v.values()) for v in series.values())
    width = left + width_per_bar * len(series) + 20
    parts = [
        f'<svg class="chart" role="img" aria-label="{_e(title)}" width="{width}" height="{height + bottom}" '
        f'xmlns="http://www.w3.org/2000/svg">'
    ]
    parts.append(f'<line x1="{left}" y1="{height}" x2="{width - 10}" y2="{height}" stroke="#444"/>')
    for tick in range(0, peak + 1, max(1, peak // 4)):
        y = height - tick / peak * (height - 20)
        parts.append(f'<text x="{left - 6}" y="{y + 4:.0f}" text-anchor="end" font-size="10">{tick}</text>')
    for i, (key, values) in enumerate(series.items()):
        x = left + i * width_per_bar + 6
        y = height
        for name, value in sorted(values.items()):
            h = value / peak * (height - 20)
            y -= h
            parts.append(
                f'<rect class="bar" x="{x}" y="{y:.1f}" width="{width_per_bar - 12}" height="{h:.1f}" '
                f'fill="{colours.get(name, "#999")}"><title>{_e(key)} {_e(name)}: {value}</title></rect>'
            )
        parts.append(
            f'<text x="{x + 6}" y="{height + 12}" font-size="10" '
            f'transform="rotate(45 {x + 6} {height + 12})">{_e(key)}</text>'
        )
    parts.append("</svg>")
    legend = "".join(f'<span class="key"><i style="background:{c}"></i>{_e(n)}</span>' for n, c in colours.items())
    return "".join(parts) + f'<div class="legend">{legend}</div>'


def horizontal_bars_svg(rows: list[tuple[str, str, int, int | None]], title: str) -> str:
    """Bars per (label, facility type): implementing, with the known total as a light bar behind it."""
    if not rows:
        return f'<p class="empty">No data for: {_e(title)}</p>'
    peak = max(max(n, t or 0) for _, _, n, t in rows)
    row_h, left, width = 22, 230, 720
    height = row_h * len(rows) + 10
    parts = [
        f'<svg class="chart" role="img" aria-label="{_e(title)}" width="{width}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (label, facility, implementing, total) in enumerate(rows):
        y = 5 + i * row_h
        scale = (width - left - 60) / peak
        if total:
            parts.append(
                f'<rect class="total" x="{left}" y="{y}" width="{total * scale:.1f}" height="{row_h - 6}" '
                f'fill="#ddd"><title>total {total}</title></rect>'
            )
        parts.append(
            f'<rect class="bar" x="{left}" y="{y}" width="{implementing * scale:.1f}" height="{row_h - 6}" '
            f'fill="{FACILITY_COLOURS.get(facility, "#999")}"><title>{_e(label)} {_e(facility)}: '
            f"{implementing}</title></rect>"
        )
        suffix = f" / {total}" if total else ""
        parts.append(
            f'<text x="{left - 6}" y="{y + 12}" text-anchor="end" font-size="11">{_e(label)} · {_e(facility)}</text>'
        )
        parts.append(
            f'<text x="{left + max(implementing, total or 0) * scale + 4:.1f}" y="{y + 12}" '
            f'font-size="11">{implementing}{suffix}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def build_report(db_path: str) -> str:
    db = open_db(db_path, readonly=True)
    clusters = list(db.query("select event_type, start from event_clusters where start is not null"))
    event_types = sorted({r["event_type"] for r in clusters})
    colours = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(event_types)}
    coverage = list(db.query("select * from latest_coverage order by location_code, facility_type"))
    by_province: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    names = {r["code"]: r["name"] for r in db.query("select code, name from regions where level = 1")}
    for row in coverage:
        key = (names.get(row["location_code"][:2], row["location_code"][:2]), row["facility_type"])
        by_province[key][0] += row["implementing"]
        by_province[key][1] += row["of_total"] or 0
    province_rows = [(p, f, n, t or None) for (p, f), (n, t) in sorted(by_province.items())]
    counts = {t: db[t].count for t in ("articles", "events", "event_clusters", "facility_counts", "people")}
    ilp_articles = db.execute("select count(*) from articles where is_ilp = 1").fetchone()[0]

    table_rows = []
    evidence = []
    for row in coverage:
        anchor = f"evidence-{row['count_id']}"
        percent = "" if row["percent"] is None else f"{row['percent']:.1f}%"
        source = _e(row["source"])
        if row["url"]:
            source = f'<a href="{_e(row["url"])}">{source}</a>'
        table_rows.append(
            f"<tr><td>{_e(row['region'])} <small>{_e(row['location_code'])}</small></td>"
            f"<td>{_e(row['facility_type'])}</td><td class='n'>{row['implementing']}</td>"
            f"<td class='n'>{_e(row['of_total'])}</td><td class='n'>{percent}</td><td>{_e(row['as_of'])}</td>"
            f"<td><a href='#{anchor}'>evidence</a></td><td>{source}</td></tr>"
        )
        evidence.append(
            f"<li id='{anchor}'><blockquote>{_e(row['evidence'])}</blockquote>"
            f"<cite>{source}, {_e(row['as_of'])}</cite></li>"
        )

    generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>ILP Monitor report</title>
<style>
body{{font-family:system-ui,sans-serif;margin:2rem;max-width:1100px;color:#222}}
table{{border-collapse:collapse;width:100%;font-size:14px}}
td,th{{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left}}
td.n{{text-align:right}} .legend{{font-size:12px;margin:.3rem 0 1rem}} .key{{margin-right:1rem}}
.key i{{display:inline-block;width:10px;height:10px;margin-right:4px}} blockquote{{margin:.2rem 0}}
.chart{{overflow:visible}} .empty{{color:#777}}
</style></head><body>
<h1>ILP Monitor report</h1>
<p>{counts["articles"]} articles ({ilp_articles} about ILP), {counts["events"]} events in {counts["event_clusters"]}
clusters, {counts["facility_counts"]} facility counts, {counts["people"]} people. Generated {generated}.</p>
<h2 id="events-over-time">Events over time by type</h2>
<p>Dated events, each real-world event once (reports of the same event are one cluster).</p>
{stacked_bars_svg(events_by_period(clusters), colours, "Events over time by type")}
<h2 id="coverage-by-province">Coverage by province</h2>
<p>Facilities running ILP (colour) against the total where the news gives it (grey), summed over each province's
latest regional figures.</p>
{horizontal_bars_svg(province_rows, "Coverage by province")}
<h2 id="latest-figures">Latest figures per region</h2>
<table><thead><tr><th>Region</th><th>Facility</th><th>Implementing</th><th>Of total</th><th>Percent</th>
<th>As of</th><th>Evidence</th><th>Source</th></tr></thead><tbody>
{"".join(table_rows) or '<tr><td colspan="8">No coverage figures yet.</td></tr>'}
</tbody></table>
<h2 id="evidence">Evidence</h2>
<ol>{"".join(evidence)}</ol>
</body></html>
"""


def write_report(db_path: str, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(build_report(db_path), encoding="utf-8")
    return out
