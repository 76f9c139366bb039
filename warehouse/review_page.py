"""The review page, a Datasette plugin: `/-/review` in `make review` (and `make explore`).

A queue of facts to check, the most cited first, each with its evidence sentence and the span
highlighted, the article's title, date and link. Keys: j/k (or arrows) move, a accepts, x rejects,
e edits a field, Enter saves an edit, Esc cancels. Each verdict is posted to `/-/review/verdict` and
recorded through `warehouse.reviews.add_reviews`, the same path as `ilp review import`.
"""

from __future__ import annotations

import html
import json
from dataclasses import asdict
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response
from sqlite_utils import Database

from warehouse.review_queue import QueueFilter, QueueItem, review_queue, review_queue_page
from warehouse.reviews import Review, ReviewsRejected, add_reviews
from warehouse.schema import FACT_TABLES

PAGE_SIZE = 50
_TIERS = {
    0: "published coverage figure",
    1: "launch",
    2: "person with a role",
    3: "facility count",
    4: "event",
    5: "person",
    6: "place",
    7: "date",
}


def _warehouse(datasette):
    """The attached database that holds reviews (the warehouse)."""
    for db in datasette.databases.values():
        if db.name != "_internal" and db.is_mutable:
            return db
    raise LookupError("no writable warehouse attached")


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _card(item: QueueItem, index: int) -> str:
    sentence = (
        _e(item.sentence[: item.span_start]) + f"<mark>{_e(item.span)}</mark>" + _e(item.sentence[item.span_end :])
    )
    title = _e(item.title or "(no title)")
    link = f'<a href="{_e(item.url)}" target="_blank" rel="noopener">{title}</a>' if item.url else title
    options = "".join(
        f'<option value="{_e(f)}" data-value="{_e("" if v is None else v)}">{_e(f)}: {_e(v)}</option>'
        for f, v in item.values.items()
    )
    return f"""<article class="fact {_e(item.review_status)}" tabindex="-1" id="fact-{index}"
 data-fact-id="{_e(item.fact_id)}" data-kind="{_e(item.kind)}">
<header><span class="kind">{_e(_TIERS[item.tier])}</span>
<span class="status">{_e(item.review_status)}</span>
<span class="cited">{item.cited} article{"s" if item.cited != 1 else ""}</span></header>
<p class="summary">{_e(item.summary)}</p>
<blockquote>{sentence}</blockquote>
<p class="meta">{link} · {_e(item.source)} · {_e(item.reported_date or "no date")} · {_e(item.region or "")}</p>
<form class="edit" hidden><select name="field">{options}</select>
<input name="value" autocomplete="off" aria-label="corrected value"> <button>Save edit</button>
<small>Enter saves, Esc cancels; an empty value empties the field.</small></form>
<input class="note" name="note" placeholder="note (optional)" aria-label="note">
<p class="error" hidden></p>
</article>"""


_STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem auto;max-width:960px;color:#222;padding:0 1rem}
.fact{border:1px solid #ccc;border-radius:6px;padding:.6rem .9rem;margin:.7rem 0;outline:none}
.fact.current{border:2px solid #1f5fbf;box-shadow:0 0 0 3px #dbe7fb}
.fact header{font-size:12px;color:#555;display:flex;gap:1rem}
.status{font-weight:600} .verified .status{color:#0b6e4f} .corrected .status{color:#8a5a00}
.wrong .status{color:#b00020} .fact.verified,.fact.corrected,.fact.wrong{opacity:.6}
.summary{font-size:17px;font-weight:600;margin:.3rem 0}
blockquote{margin:.3rem 0;padding-left:.7rem;border-left:3px solid #ddd}
mark{background:#ffe066;padding:0 2px} .meta{font-size:13px;color:#555;margin:.3rem 0}
.note{width:60%;font-size:13px} .error{color:#b00020} kbd{border:1px solid #aaa;border-radius:3px;padding:0 3px}
form.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end;font-size:14px}
form.filters label{display:flex;flex-direction:column} table{border-collapse:collapse;font-size:13px}
td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:right} td:first-child,th:first-child{text-align:left}
"""

_SCRIPT = """
const facts = [...document.querySelectorAll('.fact')];
const reviewer = document.getElementById('reviewer');
reviewer.value = localStorage.getItem('ilp-reviewer') || '';
reviewer.addEventListener('change', () => localStorage.setItem('ilp-reviewer', reviewer.value.trim()));
let current = 0;
function focusFact(i) {
  if (!facts.length) return;
  current = Math.max(0, Math.min(facts.length - 1, i));
  facts.forEach(f => f.classList.remove('current'));
  facts[current].classList.add('current');
  facts[current].focus({preventScroll: true});
  facts[current].scrollIntoView({block: 'nearest'});
}
async function send(card, body) {
  const error = card.querySelector('.error');
  body.fact_id = card.dataset.factId;
  body.reviewer = reviewer.value.trim();
  body.note = card.querySelector('.note').value;
  const response = await fetch(document.body.dataset.verdictUrl, {method: 'POST', credentials: 'same-origin',
    headers: {'content-type': 'application/json', 'x-csrftoken': document.body.dataset.csrftoken},
    body: JSON.stringify(body)});
  const answer = await response.json();
  if (!answer.ok) { error.textContent = answer.error; error.hidden = false; return false; }
  error.hidden = true;
  card.classList.remove('unreviewed', 'verified', 'corrected', 'wrong');
  card.classList.add(answer.status);
  card.querySelector('.status').textContent = answer.status;
  card.querySelector('.summary').textContent = answer.summary;
  document.getElementById('done').textContent = ++window.reviewedHere;
  return true;
}
function openEdit(card) {
  const form = card.querySelector('form.edit');
  form.hidden = false;
  const select = form.querySelector('select'), input = form.querySelector('input');
  const fill = () => { input.value = select.selectedOptions[0].dataset.value; };
  select.onchange = fill; fill();
  input.focus(); input.select();
}
document.querySelectorAll('form.edit').forEach(form => {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const card = form.closest('.fact');
    const body = {verdict: 'edit', field: form.field.value, value: form.value.value};
    // A single day (start = end) moved to another day stays a single day.
    const start = form.querySelector('option[value=start]'), end = form.querySelector('option[value=end]');
    if (body.field === 'start' && start && end && start.dataset.value === end.dataset.value) body.also_end = true;
    const ok = await send(card, body);
    if (ok) { form.hidden = true; focusFact(facts.indexOf(card) + 1); }
  });
  form.addEventListener('keydown', event => {
    if (event.key === 'Escape') { form.hidden = true; focusFact(facts.indexOf(form.closest('.fact'))); }
  });
});
facts.forEach((card, i) => card.addEventListener('click', () => focusFact(i)));
document.addEventListener('keydown', async event => {
  if (event.target.closest('input, select, textarea') || event.ctrlKey || event.metaKey || event.altKey) return;
  const card = facts[current];
  if (event.key === 'j' || event.key === 'ArrowDown') { event.preventDefault(); focusFact(current + 1); }
  else if (event.key === 'k' || event.key === 'ArrowUp') { event.preventDefault(); focusFact(current - 1); }
  else if (!card) return;
  else if (event.key === 'a') { if (await send(card, {verdict: 'correct'})) focusFact(current + 1); }
  else if (event.key === 'x') { if (await send(card, {verdict: 'wrong'})) focusFact(current + 1); }
  else if (event.key === 'e') { event.preventDefault(); openEdit(card); }
  else if (event.key === 'n') { event.preventDefault(); card.querySelector('.note').focus(); }
});
window.reviewedHere = 0;
focusFact(0);
"""


def _filters_form(wanted: QueueFilter) -> str:
    kinds = "".join(f'<option value="{k}"{" selected" if wanted.kind == k else ""}>{k}</option>' for k in FACT_TABLES)
    return f"""<form class="filters" method="get">
<label>Kind <select name="kind"><option value="">all</option>{kinds}</select></label>
<label>Region code <input name="region" value="{_e(wanted.region)}" placeholder="e.g. 63 or 63.03" size="10"></label>
<label>Reported from <input type="date" name="from" value="{_e(wanted.date_from)}"></label>
<label>to <input type="date" name="to" value="{_e(wanted.date_to)}"></label>
<label><span><input type="checkbox" name="all" value="1"{" checked" if wanted.include_reviewed else ""}>
 reviewed too</span></label>
<button>Filter</button></form>"""


def _progress_table(rows: list[dict]) -> str:
    body = "".join(
        f"<tr><td>{_e(r['kind'])}</td><td>{r['facts']}</td><td>{r['reviewed']}</td><td>{r['verified']}</td>"
        f"<td>{r['corrected']}</td><td>{r['wrong']}</td>"
        f"<td>{'' if r['share_correct'] is None else format(r['share_correct'], '.0%')}</td></tr>"
        for r in rows
    )
    return (
        "<table><tr><th>kind</th><th>facts</th><th>reviewed</th><th>verified</th><th>corrected</th>"
        f"<th>wrong</th><th>correct as extracted</th></tr>{body}</table>"
    )


def _wanted(request) -> QueueFilter:
    args = request.args
    return QueueFilter(
        kind=args.get("kind") or None,
        region=(args.get("region") or "").strip() or None,
        date_from=args.get("from") or None,
        date_to=args.get("to") or None,
        include_reviewed=bool(args.get("all")),
    )


async def review_page(datasette, request):
    db = _warehouse(datasette)
    wanted = _wanted(request)

    def read(conn):
        store = Database(conn)
        shown, total = review_queue_page(store, wanted, limit=PAGE_SIZE)
        progress = list(store.query("select * from review_progress order by kind"))
        orphans = store.execute("select count(*) from orphaned_reviews").fetchone()[0]
        return shown, total, progress, orphans

    shown, total, progress, orphans = await db.execute_fn(read)
    token = request.scope["csrftoken"]()
    cards = "".join(_card(item, i) for i, item in enumerate(shown)) or "<p>Nothing to review with these filters.</p>"
    query = urlencode({k: request.args.get(k) for k in request.args if k != "all"})
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Review facts · ILP Monitor</title>
<style>{_STYLE}</style></head>
<body data-csrftoken="{_e(token)}" data-verdict-url="{_e(datasette.urls.path("/-/review/verdict"))}">
<h1>Review facts</h1>
<p><a href="{_e(datasette.urls.instance())}">Warehouse</a> ·
{total} facts in this queue, the {len(shown)} most cited shown · <span id="done">0</span> reviewed on this page ·
{orphans} orphaned reviews (<a href="{_e(datasette.urls.table(db.name, "orphaned_reviews"))}">list</a>) ·
<a href="?{_e(query)}">next batch</a> (reviewed facts leave the queue)</p>
<p><label>Reviewer <input id="reviewer" placeholder="your name" size="18"></label>
<small>Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>a</kbd> correct, <kbd>x</kbd> wrong, <kbd>e</kbd> edit,
<kbd>n</kbd> note, <kbd>Enter</kbd> save, <kbd>Esc</kbd> cancel.</small></p>
{_filters_form(wanted)}
{_progress_table(progress)}
{cards}
<script>{_SCRIPT}</script></body></html>"""
    return Response.html(page)


async def review_verdict(datasette, request):
    if request.method != "POST":
        return Response.json({"ok": False, "error": "POST a verdict"}, status=405)
    # Only JSON: a page on another site can post a form or plain text here without Datasette's CSRF token
    # (its cookie is not sent cross-site), but not JSON, which browsers send cross-site only after a CORS
    # check this server never passes.
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        return Response.json({"ok": False, "error": "send the verdict as application/json"}, status=415)
    try:
        body = json.loads((await request.post_body()) or b"{}")
        review = Review(
            fact_id=str(body.get("fact_id") or ""),
            verdict=str(body.get("verdict") or ""),
            field=body.get("field") or None,
            value=body.get("value"),
            reviewer=body.get("reviewer") or None,
            note=body.get("note") or None,
        )
    except (ValueError, AttributeError):
        return Response.json({"ok": False, "error": "the body must be a JSON object"}, status=400)
    batch = [review]
    if body.get("also_end") and review.field == "start":
        batch.append(Review(review.fact_id, "edit", "end", review.value, review.reviewer))
    db = _warehouse(datasette)

    def write(conn):
        store = Database(conn)
        add_reviews(store, batch)
        reviewed = review_queue(store, QueueFilter(include_reviewed=True, fact_id=review.fact_id.strip()), limit=1)
        return asdict(reviewed[0]) if reviewed else None

    try:
        item = await db.execute_write_fn(write, block=True)
    except ReviewsRejected as exc:
        return Response.json({"ok": False, "error": exc.problems[0][1]}, status=400)
    return Response.json({"ok": True, "status": item["review_status"], "summary": item["summary"]})


@hookimpl
def register_routes():
    return [(r"^/-/review$", review_page), (r"^/-/review/verdict$", review_verdict)]


@hookimpl
def menu_links(datasette, actor):
    return [{"href": datasette.urls.path("/-/review"), "label": "Review facts"}]
