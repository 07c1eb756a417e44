"""The Jinja2 template, stylesheet and script of report.html (kept in Python so that the
package needs no data files). Every value from a page is autoescaped by Jinja; the script never
writes page data as HTML (it only reorders, hides and shows elements the template rendered)."""

CSS = r"""
:root{--bg:#f6f7f9;--card:#fff;--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--accent:#1d4ed8;
--err:#dc2626;--warn:#d97706;--info:#2563eb;--ok:#16a34a;--mark-err:#fee2e2;--mark-warn:#fef3c7;
--mark-info:#dbeafe;--mark-sup:#dcfce7}
@media (prefers-color-scheme:dark){:root{--bg:#0b1120;--card:#111827;--ink:#e5e7eb;--muted:#94a3b8;
--line:#1f2937;--accent:#60a5fa;--mark-err:#4c1d1d;--mark-warn:#4a3410;--mark-info:#172554;
--mark-sup:#14361f}}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--ink)}
a{color:var(--accent)}
header.top{background:var(--card);border-bottom:1px solid var(--line);padding:18px 28px}
header.top h1{margin:0 0 4px;font-size:22px}
.stamp{color:var(--muted);font-size:13px}
.stamp code{font-size:12px}
main{max-width:1280px;margin:0 auto;padding:20px 28px 60px}
h2{font-size:17px;margin:28px 0 12px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(118px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.card .n{font-size:26px;font-weight:650;font-variant-numeric:tabular-nums}
.card .l{color:var(--muted);font-size:13px}
.card.err .n{color:var(--err)}.card.warn .n{color:var(--warn)}.card.info .n{color:var(--info)}
.card.ok .n{color:var(--ok)}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(290px,1fr));gap:12px}
.chart{margin:0;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.chart h3{margin:0 0 8px;font-size:14px}
.chart svg{width:100%;height:auto;display:block}
.chart text{font-size:13px;fill:var(--ink)}
.chart .zero text.v{fill:var(--muted)}
.empty{color:var(--muted);font-size:13px}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin-bottom:10px}
.filters input[type=search],.filters select{font:inherit;padding:6px 9px;border:1px solid var(--line);
border-radius:7px;background:var(--card);color:var(--ink)}
.filters input[type=search]{min-width:260px}
.filters label{font-size:14px;color:var(--muted)}
#shown{margin-left:auto;color:var(--muted);font-size:13px}
.tablewrap{overflow-x:auto;background:var(--card);border:1px solid var(--line);border-radius:10px}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{padding:8px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{position:sticky;top:0;background:var(--card);font-weight:600;white-space:nowrap}
th[data-sort]{cursor:pointer;user-select:none}
th[data-sort]:hover{color:var(--accent)}
th[aria-sort=ascending]::after{content:" ▲";font-size:10px}
th[aria-sort=descending]::after{content:" ▼";font-size:10px}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.page{max-width:520px}
td.d{white-space:nowrap;font-variant-numeric:tabular-nums}
td.page .path{color:var(--muted);font-size:12px;word-break:break-all}
td .e{color:var(--err);font-weight:600}td .w{color:var(--warn);font-weight:600}td .i{color:var(--info)}
td .z{color:var(--muted)}
.badge{display:inline-block;border-radius:999px;padding:1px 8px;font-size:12px;font-weight:600;
border:1px solid currentColor;white-space:nowrap}
.badge.fetched{color:var(--ok)}.badge.failed{color:var(--err)}.badge.skipped{color:var(--muted)}
.badge.error{color:var(--err)}.badge.warning{color:var(--warn)}.badge.info{color:var(--info)}
.badge.new{color:var(--err)}.badge.open{color:var(--warn)}.badge.fixed{color:var(--ok)}
.badge.v{color:var(--muted)}
.prio{display:inline-flex;align-items:center;gap:6px}
.prio svg{width:60px;height:8px}
tr.hide{display:none}
.reason{color:var(--muted);font-size:12px}
.pageview{display:none}
body.viewing #overview{display:none}
body.viewing .pageview.active{display:block}
.back{display:inline-block;margin:6px 0 10px}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;font-size:13px;
background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 14px}
.meta dt{color:var(--muted)}.meta dd{margin:0;word-break:break-all}
.split{display:grid;grid-template-columns:minmax(0,3fr) minmax(300px,2fr);gap:16px;margin-top:14px}
@media (max-width:900px){.split{grid-template-columns:1fr}}
.article{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:6px 20px;
font:16px/1.65 Georgia,"Times New Roman",serif;max-height:80vh;overflow:auto}
.article p{white-space:pre-wrap;margin:12px 0}
.article p.h{font:600 19px/1.35 system-ui,sans-serif;margin-top:20px}
mark{border-radius:3px;padding:0 1px;color:inherit;cursor:pointer;border-bottom:2px solid}
mark.error{background:var(--mark-err);border-color:var(--err)}
mark.warning{background:var(--mark-warn);border-color:var(--warn)}
mark.info{background:var(--mark-info);border-color:var(--info)}
mark.supported{background:var(--mark-sup);border-color:var(--ok)}
mark.flash,.finding.flash{outline:3px solid var(--accent)}
sup.fn{font:600 11px system-ui,sans-serif;color:var(--muted);margin-left:1px}
.findings{display:flex;flex-direction:column;gap:10px;max-height:80vh;overflow:auto}
.finding{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--muted);
border-radius:8px;padding:10px 12px;font-size:14px}
.finding.error{border-left-color:var(--err)}.finding.warning{border-left-color:var(--warn)}
.finding.info{border-left-color:var(--info)}
.finding .hd{display:flex;gap:6px;flex-wrap:wrap;align-items:center;margin-bottom:4px}
.finding .num{font-weight:700}
.finding .quote{font-style:italic;color:var(--muted)}
.finding .fact{margin:6px 0 0}
.finding .lbl{font-weight:600}
.finding ul{margin:4px 0 0;padding-left:18px}
.finding button{font:inherit;font-size:12px;background:none;border:0;color:var(--accent);
cursor:pointer;padding:0}
.fixedlist li{color:var(--muted)}
.fixedlist s{color:var(--ink)}
footer{color:var(--muted);font-size:12px;margin-top:40px}
@media print{.filters,.back{display:none}.pageview{display:block!important}
body.viewing #overview{display:block}.article,.findings{max-height:none}}
"""

JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("audit-data").textContent);
  var byId = {};
  data.pages.forEach(function (p) { byId[p.id] = p; });
  var tbody = document.querySelector("#pages tbody");
  var rows = Array.prototype.slice.call(tbody.rows);
  var sortKey = "rank", sortDir = 1;
  var textKeys = {path: 1, label: 1, status: 1, published: 1, updated: 1, since: 1};

  function cmp(a, b) {
    var x = byId[a.dataset.id][sortKey], y = byId[b.dataset.id][sortKey];
    if (textKeys[sortKey]) {
      x = String(x || "").toLowerCase(); y = String(y || "").toLowerCase();
      // Empty values (no date) sort last in both directions.
      if (!x !== !y) return x ? -1 : 1;
      return x < y ? -sortDir : x > y ? sortDir : byId[a.dataset.id].rank - byId[b.dataset.id].rank;
    }
    return (x - y) * sortDir || byId[a.dataset.id].rank - byId[b.dataset.id].rank;
  }
  function sortBy(key, dir) {
    sortKey = key; sortDir = dir;
    rows.sort(cmp).forEach(function (r) { tbody.appendChild(r); });
    document.querySelectorAll("#pages th[data-sort]").forEach(function (th) {
      th.setAttribute("aria-sort", th.dataset.sort === key ? (dir > 0 ? "ascending" : "descending") : "none");
    });
  }
  document.querySelectorAll("#pages th[data-sort]").forEach(function (th) {
    th.addEventListener("click", function () {
      var key = th.dataset.sort;
      // Numbers start high-to-low (most to fix first), text A-Z; a second click reverses.
      var first = textKeys[key] || key === "rank" ? 1 : -1;
      sortBy(key, key === sortKey ? -sortDir : first);
    });
  });

  var q = document.getElementById("q"), fStatus = document.getElementById("f-status"),
      fSev = document.getElementById("f-severity"), fVerdict = document.getElementById("f-verdict"),
      fOnly = document.getElementById("f-only"), shown = document.getElementById("shown");
  function applyFilters() {
    var needle = q.value.trim().toLowerCase(), n = 0;
    rows.forEach(function (r) {
      var p = byId[r.dataset.id];
      var ok = (!needle || (p.path + " " + p.title + " " + p.reason).toLowerCase().indexOf(needle) >= 0)
        && (!fStatus.value || p.status === fStatus.value)
        && (!fSev.value || p.severities.indexOf(fSev.value) >= 0)
        && (!fVerdict.value || p.verdicts.indexOf(fVerdict.value) >= 0)
        && (!fOnly.checked || p.priority > 0);
      r.classList.toggle("hide", !ok);
      if (ok) n++;
    });
    shown.textContent = "Showing " + n + " of " + rows.length + " pages";
  }
  [q, fStatus, fSev, fVerdict, fOnly].forEach(function (el) {
    el.addEventListener("input", applyFilters);
    el.addEventListener("change", applyFilters);
  });
  applyFilters();

  function route() {
    var id = decodeURIComponent(location.hash.slice(1));
    var view = id && document.getElementById("view-" + id);
    document.querySelectorAll(".pageview.active").forEach(function (v) { v.classList.remove("active"); });
    document.body.classList.toggle("viewing", !!view);
    if (view) { view.classList.add("active"); window.scrollTo(0, 0); }
  }
  window.addEventListener("hashchange", route);
  route();

  function flash(el) {
    // A finding's anchor is an empty span just before its first highlighted piece.
    while (el && el.tagName === "SPAN" && !el.textContent) el = el.nextElementSibling;
    if (!el) return;
    el.scrollIntoView({block: "center", behavior: "smooth"});
    el.classList.add("flash");
    setTimeout(function () { el.classList.remove("flash"); }, 1200);
  }
  document.addEventListener("click", function (ev) {
    var t = ev.target.closest("[data-goto]");
    if (!t) return;
    ev.preventDefault();
    flash(document.getElementById(t.getAttribute("data-goto")));
  });
})();
"""

TEMPLATE = r"""<!DOCTYPE html>
{% macro bars(chart, key) %}
{% set items = chart["items"] %}
{% if not items %}<p class="empty">No findings.</p>{% else %}
{% set rowh = 24 %}
<svg viewBox="0 0 320 {{ items|length * rowh + 4 }}" role="img" aria-label="{{ key }} chart">
{% for it in items %}
  <g transform="translate(0 {{ loop.index0 * rowh }})" class="{{ 'zero' if not it.value else '' }}" data-label="{{ it.label }}" data-value="{{ it.value }}">
    <title>{{ it.label }}: {{ it.value }}</title>
    <text x="0" y="16">{{ it.label|truncate(22, True, '…') }}</text>
    <rect x="130" y="4" width="{{ '%.1f'|format(it.frac * 150) }}" height="16" rx="3" fill="{{ it.color }}"></rect>
    <text class="v" x="{{ '%.1f'|format(136 + it.frac * 150) }}" y="16">{{ it.value }}</text>
  </g>
{% endfor %}
</svg>
{% endif %}
{% endmacro %}
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="factcheck {{ run.tool_version }}">
<title>factcheck audit · {{ run.as_of.isoformat() }}</title>
<style>{{ css|safe }}</style>
</head>
<body>
<header class="top">
  <h1>Fact-check audit</h1>
  <div class="stamp" data-testid="stamp">
    As of <b data-testid="as-of">{{ run.as_of.isoformat() }}</b>
    · factcheck <span data-testid="version">{{ run.tool_version }}</span>
    · database <code data-testid="db-fingerprint" title="{{ run.database_fingerprint }}">{{ run.database_fingerprint|short }}</code>
    ({{ run.database_claims }} claims, {{ run.database_sources }} sources)
    {% if compare %}· compared with the audit as of {{ compare.previous_as_of or "?" }}{% endif %}
  </div>
</header>
<main>
<section id="overview">
  <h2>Summary</h2>
  <div class="cards">
    <div class="card"><div class="n" data-testid="n-pages">{{ summary.files }}</div><div class="l">pages</div></div>
    <div class="card ok"><div class="n" data-testid="n-fetched">{{ summary.pages.fetched }}</div><div class="l">linted</div></div>
    <div class="card"><div class="n" data-testid="n-with-findings">{{ summary.pages.with_findings }}</div><div class="l">pages to fix</div></div>
    <div class="card"><div class="n" data-testid="n-findings">{{ summary.findings }}</div><div class="l">findings</div></div>
    <div class="card err"><div class="n" data-testid="n-error">{{ summary.by_severity.get("error", 0) }}</div><div class="l">errors</div></div>
    <div class="card warn"><div class="n" data-testid="n-warning">{{ summary.by_severity.get("warning", 0) }}</div><div class="l">warnings</div></div>
    <div class="card info"><div class="n" data-testid="n-info">{{ summary.by_severity.get("info", 0) }}</div><div class="l">info</div></div>
    <div class="card err"><div class="n" data-testid="n-failed">{{ summary.pages.failed }}</div><div class="l">failed to load</div></div>
    <div class="card"><div class="n" data-testid="n-skipped">{{ summary.pages.skipped }}</div><div class="l">skipped</div></div>
  </div>
  {% if compare %}
  <h2>Since the previous audit <span class="stamp">(as of {{ compare.previous_as_of or "?" }})</span></h2>
  <div class="cards">
    <div class="card err"><div class="n" data-testid="n-new">{{ compare.new }}</div><div class="l">new findings</div></div>
    <div class="card ok"><div class="n" data-testid="n-fixed">{{ compare.fixed }}</div><div class="l">fixed</div></div>
    <div class="card warn"><div class="n" data-testid="n-open">{{ compare.open }}</div><div class="l">still open</div></div>
    {% if compare.unverified %}<div class="card"><div class="n" data-testid="n-unverified">{{ compare.unverified }}</div><div class="l">not re-checked (page unreadable)</div></div>{% endif %}
    {% if compare.pages_added %}<div class="card"><div class="n">{{ compare.pages_added|length }}</div><div class="l">pages new to the audit</div></div>{% endif %}
    {% if compare.pages_removed %}<div class="card"><div class="n">{{ compare.pages_removed|length }}</div><div class="l">pages no longer audited</div></div>{% endif %}
  </div>
  {% if compare.database_changed %}<p class="stamp">The claims database changed since the previous audit ({{ compare.previous_database|short }} → {{ run.database_fingerprint|short }}); some new or fixed findings may come from that.</p>{% endif %}
  {% endif %}

  <h2>Charts</h2>
  <div class="charts">
  {% for title, chart, key in charts %}
    <figure class="chart" data-testid="chart-{{ key }}"><h3>{{ title }}</h3>{{ bars(chart, key) }}</figure>
  {% endfor %}
  </div>

  <h2>Pages, ranked by what to fix first</h2>
  <p class="stamp">Priority = 10 × errors + 3 × warnings + 1 × infos, plus one point per full year the oldest outdated or retracted claim on the page has been wrong (at most 5). Click a column to sort.</p>
  <div class="filters">
    <input type="search" id="q" placeholder="Filter by title, path or URL…" aria-label="Filter pages">
    <select id="f-status" aria-label="Status"><option value="">Any status</option>{% for s in ["fetched", "failed", "skipped"] %}<option value="{{ s }}">{{ s }}</option>{% endfor %}</select>
    <select id="f-severity" aria-label="Severity"><option value="">Any severity</option>{% for s in severities %}<option value="{{ s }}">has {{ s }}</option>{% endfor %}</select>
    <select id="f-verdict" aria-label="Verdict"><option value="">Any verdict</option>{% for v in verdicts %}<option value="{{ v }}">{{ v }}</option>{% endfor %}</select>
    <label><input type="checkbox" id="f-only"> only pages to fix</label>
    <span id="shown" data-testid="shown"></span>
  </div>
  <div class="tablewrap">
  <table id="pages">
    <thead><tr>
      <th data-sort="rank" class="num" aria-sort="ascending">#</th>
      <th data-sort="priority" class="num">Priority</th>
      <th data-sort="label">Page</th>
      <th data-sort="status">Status</th>
      <th data-sort="errors" class="num">Errors</th>
      <th data-sort="warnings" class="num">Warnings</th>
      <th data-sort="infos" class="num">Info</th>
      {% if compare %}<th data-sort="new" class="num">New</th><th data-sort="fixed" class="num">Fixed</th>{% endif %}
      <th data-sort="published">Published</th>
      <th data-sort="updated">Updated</th>
      <th data-sort="since">Wrong since</th>
    </tr></thead>
    <tbody>
    {% for r in rows %}
      <tr data-id="{{ r.id }}">
        <td class="num">{{ r.rank }}</td>
        <td class="num"><span class="prio">{{ r.priority|round(1)|string|replace(".0", "") }}</span></td>
        <td class="page">
          {% if r.has_view %}<a href="#{{ r.id }}">{{ r.title or r.path }}</a>{% else %}{{ r.title or r.path }}{% endif %}
          <div class="path">{{ r.path }}</div>
        </td>
        <td><span class="badge {{ r.status }}">{{ r.status }}</span>{% if r.http_status and r.http_status != 200 %} <span class="reason">HTTP {{ r.http_status }}</span>{% endif %}{% if r.reason %}<div class="reason">{{ r.reason }}</div>{% endif %}</td>
        <td class="num"><span class="{{ 'e' if r.errors else 'z' }}">{{ r.errors }}</span></td>
        <td class="num"><span class="{{ 'w' if r.warnings else 'z' }}">{{ r.warnings }}</span></td>
        <td class="num"><span class="{{ 'i' if r.infos else 'z' }}">{{ r.infos }}</span></td>
        {% if compare %}<td class="num">{{ r.new }}</td><td class="num">{{ r.fixed }}</td>{% endif %}
        <td class="d">{{ r.published or "—" }}</td>
        <td class="d">{{ r.updated or "—" }}</td>
        <td class="d">{{ r.since or "—" }}</td>
      </tr>
    {% endfor %}
    </tbody>
  </table>
  </div>
  {% if notes %}<h2>Notes</h2><ul>{% for n in notes %}<li>{{ n }}</li>{% endfor %}</ul>{% endif %}
</section>

{% for v in views %}
{% set r = v.row %}{% set p = v.page %}
<section class="pageview" id="view-{{ r.id }}" data-testid="view-{{ r.id }}">
  <a class="back" href="#">← All pages</a>
  <h2>{{ r.rank }}. {{ r.title or r.path }}</h2>
  <dl class="meta">
    <dt>Page</dt><dd>{% if r.url and (r.url.startswith("https://") or r.url.startswith("http://")) %}<a href="{{ r.url }}" rel="noopener noreferrer" target="_blank">{{ r.path }}</a>{% else %}{{ r.path }}{% endif %}</dd>
    <dt>Status</dt><dd><span class="badge {{ r.status }}">{{ r.status }}</span>{% if p.http_status %} HTTP {{ p.http_status }}{% endif %}{% if p.reason %} · {{ p.reason }}{% endif %}</dd>
    {% if p.final_url and p.final_url != p.path %}<dt>Final URL</dt><dd>{{ p.final_url }}</dd>{% endif %}
    {% if p.redirects %}<dt>Redirects</dt><dd>{{ p.redirects|join(" → ") }} → {{ p.final_url }}</dd>{% endif %}
    <dt>Published</dt><dd>{{ r.published or "unknown" }}{% if r.updated %} · updated {{ r.updated }}{% endif %}</dd>
    <dt>Priority</dt><dd>{{ r.priority|round(1)|string|replace(".0", "") }} ({{ r.errors|plural("error") }}, {{ r.warnings|plural("warning") }}, {{ r.infos }} info)</dd>
  </dl>
  {% if p.findings %}
  <div class="split">
    <article class="article" aria-label="Article text">
    {% if v.view %}
      {% for para in v.view.paragraphs %}
      <p{% if loop.index0 in v.view.headings %} class="h"{% endif %}>{% for piece in para %}{% if piece.marks %}{% for k in piece.starts %}<span id="{{ r.id }}-m{{ k + 1 }}"></span>{% endfor %}<mark class="{{ piece.severity if p.findings[piece.marks[0]].verdict != 'supported' else 'supported' }}" data-goto="{{ r.id }}-f{{ piece.marks[0] + 1 }}" title="{% for k in piece.marks %}{{ k + 1 }}. {{ p.findings[k].message }}{% if not loop.last %} / {% endif %}{% endfor %}">{{ piece.text }}</mark>{% for k in piece.ends %}<sup class="fn">{{ k + 1 }}</sup>{% endfor %}{% else %}{{ piece.text }}{% endif %}{% endfor %}</p>
      {% endfor %}
      {% if v.view.hidden %}<p class="stamp">Findings {% for k in v.view.hidden %}{{ k + 1 }}{% if not loop.last %}, {% endif %}{% endfor %} are in parts of the page not shown here (e.g. navigation or metadata).</p>{% endif %}
    {% else %}<p class="empty">The page text is not available.</p>{% endif %}
    </article>
    <div class="findings">
    {% for f in p.findings %}
      <div class="finding {{ f.severity if f.verdict != 'supported' else 'ok' }}" id="{{ r.id }}-f{{ loop.index }}" data-fingerprint="{{ v.fps[loop.index0] }}">
        <div class="hd">
          <button type="button" class="num" data-goto="{{ r.id }}-m{{ loop.index }}" title="Show in the text">{{ loop.index }}.</button>
          <span class="badge {{ f.severity }}">{{ f.severity }}</span>
          <span class="badge v">{{ f.verdict }}</span>
          {% if p.changes %}<span class="badge {{ p.changes[loop.index0] }}">{{ "still open" if p.changes[loop.index0] == "open" else p.changes[loop.index0] }}</span>{% endif %}
          <code>{{ f.rule }}</code>
          <span class="stamp">line {{ f.line }}</span>
        </div>
        <div>{{ f.message }}</div>
        <div class="quote">“{{ f.text }}”</div>
        <p class="fact"><span class="lbl">Fact:</span> {{ f.fact }}{% if f.since %} <span class="stamp">(since {{ f.since }})</span>{% endif %}</p>
        {% if f.suggestion %}<p class="fact"><span class="lbl">Suggestion:</span> {{ f.suggestion }}</p>{% endif %}
        {% if f.sources %}<div class="fact"><span class="lbl">Sources:</span><ul>
          {% for s in f.sources %}<li>{% if s.url and (s.url.startswith("https://") or s.url.startswith("http://")) %}<a href="{{ s.url }}" rel="noopener noreferrer" target="_blank">{{ s.title }}</a>{% else %}{{ s.title }}{% endif %}{% if s.published %} <span class="stamp">({{ s.published }})</span>{% endif %}</li>{% endfor %}
        </ul></div>{% endif %}
      </div>
    {% endfor %}
    </div>
  </div>
  {% endif %}
  {% if p.fixed %}
  <h2>Fixed since the previous audit</h2>
  <ul class="fixedlist">{% for fx in p.fixed %}<li><s>{{ fx.text }}</s> · {{ fx.message }} <code>{{ fx.rule }}</code></li>{% endfor %}</ul>
  {% endif %}
</section>
{% endfor %}
<footer>Generated by factcheck {{ run.tool_version }} · as of {{ run.as_of.isoformat() }} · database {{ run.database_fingerprint }}. This file works offline; it loads nothing from the network.</footer>
</main>
<script type="application/json" id="audit-data">{{ data_json|safe }}</script>
<script>{{ js|safe }}</script>
</body>
</html>
"""
