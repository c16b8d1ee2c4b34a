"""Triage export: JSON (schema copydesk.triage/1) and a self-contained HTML table.

Both are deterministic (same result → byte-identical output; no timestamps)
and written atomically with `export.write_atomic`. All text in the HTML is
escaped; it has inline CSS only, no scripts and no external files.
"""

from __future__ import annotations

import json
import os
from html import escape

from ..triage.folder import Story, TriageResult
from .export import EXPORT_FORMATS, write_json_or_html

SCHEMA = "copydesk.triage/1"
TRIAGE_FORMATS = EXPORT_FORMATS


def triage_dict(result: TriageResult) -> dict:
    """The triage as a plain dict in the copydesk.triage/1 shape."""
    return {
        "schema": SCHEMA,
        "articles": [{"id": a.id, "path": a.path, "title": a.title, "words": a.words}
                     for a in result.articles],
        "stories": [{"id": s.id, "articles": list(s.articles),
                     "links": [{"source": lk.source, "derived": lk.derived, "label": lk.label,
                                "verbatim": lk.verbatim, "basis": lk.basis}
                               for lk in s.links]}
                    for s in result.stories],
        "errors": [{"path": e.path, "reason": e.reason} for e in result.errors],
    }


def verbatim_words(share: float) -> str:
    """A link's verbatim share as people read it: "35% verbatim", or, for an article that reads
    derived without sharing a run of six words with its source (a brief that keeps the wire's
    words a few at a time), "no long verbatim run" rather than a bare "0% verbatim"."""
    return f"{share:.0%} verbatim" if share >= 0.005 else "no long verbatim run"


def triage_json(result: TriageResult) -> str:
    """The JSON triage as text (UTF-8, fixed key order, trailing newline)."""
    return json.dumps(triage_dict(result), ensure_ascii=False, indent=1) + "\n"


_CSS = """
body{font:14px/1.5 system-ui,sans-serif;color:#222;margin:2em auto;max-width:1200px;padding:0 1em}
h1{font-size:22px}h2{font-size:17px;margin-top:2em}.meta{color:#555}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}
td,th{vertical-align:top;padding:.35em .6em;border:1px solid #ddd;text-align:left}
th{background:#f6f6f4;font-weight:600}td.num{text-align:right;white-space:nowrap}
.wholly-derived{color:#a33;font-weight:600}.partially-derived{color:#a8702b}.independent{color:#4d8a4a}
"""


def _story_html(result: TriageResult, story: Story) -> str:
    rows = []
    for aid in story.articles:
        a = result.article(aid)
        links = [lk for lk in story.links if lk.derived == aid]
        src = "<br>".join(
            f'{escape(lk.source)} <span class="{escape(lk.label)}">{escape(lk.label)}</span> '
            f"{verbatim_words(lk.verbatim)} ({escape(lk.basis)})" for lk in links) or "—"
        rows.append(f"<tr><td>{escape(a.id)}</td><td>{escape(a.title)}</td>"
                    f"<td>{escape(a.path or '')}</td><td class=num>{a.words:,}</td><td>{src}</td></tr>")
    first = escape(result.article(story.articles[0]).title)
    return (f"<h2>{escape(story.id)}: {first}</h2>"
            f"<p class=meta>{len(story.articles)} articles, {story.derived_count} linked to a source</p>"
            "<table><tr><th>id</th><th>title</th><th>file</th><th>words</th>"
            "<th>sources (wire copy first, then the strongest)</th></tr>" + "".join(rows) + "</table>")


def triage_html(result: TriageResult) -> str:
    """The self-contained HTML report: one table per story, then lone articles and errors."""
    groups = [s for s in result.stories if len(s.articles) > 1]
    alone = [s for s in result.stories if len(s.articles) == 1]
    parts = ["<!DOCTYPE html><html lang=en><head><meta charset=utf-8>",
             "<title>Copydesk triage</title>", f"<style>{_CSS}</style></head><body>",
             "<h1>Copydesk triage</h1>",
             f"<p class=meta>{len(result.articles):,} articles, {len(groups):,} stories of two or "
             f"more, {len(alone):,} articles on their own, {len(result.errors):,} unreadable files."
             "</p>"]
    parts += [_story_html(result, s) for s in groups]
    if alone:
        parts.append("<h2>Articles with no related article</h2><table><tr><th>id</th>"
                     "<th>title</th><th>file</th><th>words</th></tr>")
        for s in alone:
            a = result.article(s.articles[0])
            parts.append(f"<tr><td>{escape(a.id)}</td><td>{escape(a.title)}</td>"
                         f"<td>{escape(a.path or '')}</td><td class=num>{a.words:,}</td></tr>")
        parts.append("</table>")
    if result.errors:
        parts.append("<h2>Unreadable files</h2><table><tr><th>file</th><th>reason</th></tr>")
        parts += [f"<tr><td>{escape(e.path)}</td><td>{escape(e.reason)}</td></tr>"
                  for e in result.errors]
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def export_triage(result: TriageResult, out: str | os.PathLike) -> None:
    """Write the triage to `out` (.json or .html), atomically."""
    write_json_or_html(out, lambda: triage_json(result), lambda: triage_html(result))
