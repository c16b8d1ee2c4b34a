"""The self-contained HTML report: inline CSS, no scripts, no external files.

Every piece of article text is HTML-escaped: article text is never markup.
"""

from __future__ import annotations

from html import escape

from ..comparison import Comparison
from ..diff.worddiff import DELETE, EQUAL, INSERT
from ..reuse.direction import basis_note
from ..reuse.relation import LABEL_TEXT
from ..reuse.siblings import common_source_note
from ..reuse.spin import SOME_SPIN_SCORE, SPUN_SCORE
from ..text.article import letter_index
from .claimviews import conflict_summary
from .readings import others_note

# One colour per article identity, shared with the GUI's palette.
# Okabe–Ito, a palette that stays distinct for colour-blind readers (deepened
# where white letters must stay readable on it).
ARTICLE_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#B07800", "#3A8FC2",
                   "#555555", "#8C7A00", "#7B3F9E", "#00695C")

_CSS = """
body{font:15px/1.55 Georgia,'Noto Serif',serif;color:#222;margin:2em auto;max-width:1200px;padding:0 1em}
h1{font:600 22px system-ui,sans-serif}h2{font:600 17px system-ui,sans-serif;margin-top:2em}
.meta{font:13px system-ui,sans-serif;color:#555}
table{border-collapse:collapse;width:100%}td,th{vertical-align:top;padding:.5em .7em;border:1px solid #ddd}
th{font:600 13px system-ui,sans-serif;text-align:left;background:#f6f6f4}
.side td{width:50%;white-space:pre-wrap}
.ins{background:#dcefd6;text-decoration:underline;text-decoration-color:#4d8a4a}
.del{background:#f6dada;text-decoration:line-through;text-decoration-color:#a33}
.chg-a{background:#f7ead0}.chg-b{background:#f7ead0;text-decoration:underline dotted}
.badge{display:inline-block;min-width:1.4em;text-align:center;border-radius:3px;color:#fff;
 font:600 12px system-ui,sans-serif;padding:1px 4px}
.legend span{margin-right:1.2em}
.dot{font-size:18px;line-height:1}
.matrix td.cell{text-align:center;min-width:5em}
"""


def colour_slot(comp: Comparison, article_id: str) -> int:
    """The article's place in ARTICLE_COLOURS: from its identity letter, so an article
    keeps its colour when others close (its position for ids that are not letters)."""
    k = letter_index(article_id)
    return k if k is not None else [a.id for a in comp.articles].index(article_id)


def _colour(comp: Comparison, article_id: str) -> str:
    return ARTICLE_COLOURS[colour_slot(comp, article_id) % len(ARTICLE_COLOURS)]


def _badge(comp: Comparison, article_id: str) -> str:
    return f'<span class="badge" style="background:{_colour(comp, article_id)}">{escape(article_id)}</span>'


def _side_by_side(comp: Comparison, other: str) -> str:
    op = comp.oriented(comp.base, other)
    left, right = [], []
    ops = op.ops
    for k, (kind, text) in enumerate(ops):
        t = escape(text)
        replaced = (kind == DELETE and k + 1 < len(ops) and ops[k + 1][0] == INSERT) or \
                   (kind == INSERT and k > 0 and ops[k - 1][0] == DELETE)
        if kind == EQUAL:
            left.append(t)
            right.append(t)
        elif kind == DELETE:
            left.append(f'<span class="{"chg-a" if replaced else "del"}">{t}</span>')
        else:
            right.append(f'<span class="{"chg-b" if replaced else "ins"}">{t}</span>')
    s = op.stats
    base, oth = comp.article(comp.base), comp.article(other)
    return (f'<h2>{_badge(comp, other)} {escape(oth.title)} against {_badge(comp, comp.base)} '
            f'{escape(base.title)}</h2>'
            f'<p class="meta">similarity {op.similarity:.0%} · {s.changes} changes · '
            f'+{s.words_added} / −{s.words_dropped} words</p>'
            f'<table class="side"><tr><th>{_badge(comp, comp.base)} base</th>'
            f'<th>{_badge(comp, other)}</th></tr>'
            f'<tr><td>{"".join(left)}</td><td>{"".join(right)}</td></tr></table>')


def _claims_table(comp: Comparison) -> str:
    if not comp.claims:
        return "<h2>Claims</h2><p class='meta'>No claims were found.</p>"
    head = "".join(f"<th width='18'>{_badge(comp, a.id)}</th>" for a in comp.articles)
    rows = []
    for claim in comp.claims:
        cells = "".join(f"<td class='dot' width='18' style='color:{_colour(comp, a.id)}'>"
                        f"{'●' if a.id in claim.articles else '○'}</td>" for a in comp.articles)
        conflicts = "<br>".join(escape(conflict_summary(c)) for c in claim.conflicts)
        rows.append(f"<tr>{cells}<td width='60%'>{escape(claim.text)}</td>"
                    f"<td class='meta'>{conflicts}</td></tr>")
    shared = sum(1 for c in comp.claims if len(c.articles) > 1)
    return (f"<h2>Claims</h2><p class='meta'>{len(comp.claims)} claims, {shared} shared by two "
            f"or more articles. ● carries the claim, ○ does not.</p>"
            f"<table><tr>{head}<th width='60%'>Claim</th><th>Conflicts</th></tr>"
            + "".join(rows) + "</table>")


HEAT_WHITE_TEXT_ABOVE = 0.55  # from this share up the heat colour is deep enough for white text


def heat_rgb(value: float) -> tuple[float, float, float]:
    """The (light theme) heat colour of a 0..1 share as 0..1 channels: white to deep blue."""
    v = max(0.0, min(1.0, value))
    return 1 - 0.75 * v, 1 - 0.55 * v, 1 - 0.25 * v


def _heat_css(value: float) -> str:
    r, g, b = (round(255 * c) for c in heat_rgb(value))
    fg = "#fff" if value > HEAT_WHITE_TEXT_ABOVE else "#1e1e1e"
    return f"background:rgb({r},{g},{b});color:{fg}"




def _matrix_table(comp: Comparison) -> str:
    """The N × N similarity matrix with derivation labels."""
    if len(comp.articles) < 2:
        return ""
    ids = [a.id for a in comp.articles]
    head = "".join(f"<th>{_badge(comp, i)}</th>" for i in ids)
    rows = []
    for a in ids:
        cells = []
        for b in ids:
            if a == b:
                d = comp.derivations.get(a) if len(ids) > 2 else None
                note = f" title='{escape(others_note(comp, a))}'" if d else ""
                said = f"<br><small>from the others: {LABEL_TEXT[d.label]}</small>" if d else ""
                cells.append(f"<td class='cell'{note}>—{said}</td>")
                continue
            pa = comp.pair(a, b)  # the cell reads only what both directions share
            r = pa.reuse
            label, why = LABEL_TEXT.get(r.label, ""), ""
            if r.derived:
                label += f": {r.derived} from {b if r.derived == a else a}"
                why = f" title='{escape(basis_note(r.derived, r.basis))}'"
            elif r.common_sources:
                label += f" (both from {', '.join(r.common_sources)})"
                why = f" title='{escape(common_source_note(r))}'"
            spin = " ⚠ spun" if r.spin.score >= SPUN_SCORE else ""
            cells.append(f"<td class='cell' style='{_heat_css(pa.similarity)}'{why}>{pa.similarity:.0%}"
                         f"<br><small>{escape(label)}{spin}</small></td>")
        rows.append(f"<tr><th>{_badge(comp, a)}</th>{''.join(cells)}</tr>")
    return ("<h2>Similarity</h2><p class='meta'>Share of both articles' words in verbatim runs of six "
            "or more words; the label is the METER derivation level of the pair (on the diagonal: of "
            "the article against all the others together).</p>"
            f"<table class='matrix'><tr><th></th>{head}</tr>{''.join(rows)}</table>")


def _spin_summary(comp: Comparison) -> str:
    """Pairs that look like one text run through a synonym substituter."""
    rows = []
    for (a, b), pa in sorted(comp.pairs.items()):
        r = pa.reuse
        if r.spin.score < SOME_SPIN_SCORE:
            continue
        swaps = {}
        for w in r.spin.substitutions:
            key = (w.a_text.lower(), w.b_text.lower())
            swaps[key] = swaps.get(key, 0) + 1
        top = ", ".join(f"{escape(x)} → {escape(y)}" + (f" ×{n}" if n > 1 else "")
                        for (x, y), n in sorted(swaps.items(), key=lambda kv: -kv[1])[:12])
        rows.append(f"<tr><td>{_badge(comp, a)} / {_badge(comp, b)}</td><td>{r.spin.score:.2f}</td>"
                    f"<td>{len(r.spin.substitutions)}</td><td>{top}</td></tr>")
    if not rows:
        return "<h2>Spin</h2><p class='meta'>No pair looks like a synonym-substituted copy.</p>"
    return ("<h2>Spin</h2><table><tr><th>Pair</th><th>Score</th><th>Swaps</th><th>Most frequent</th>"
            "</tr>" + "".join(rows) + "</table>")


def render_html(comp: Comparison, marks=()) -> str:
    """The whole report as one HTML document (review marks included when given)."""
    from .markstable import MARKS_CSS, marks_table_html
    arts = "".join(
        f"<tr><td>{_badge(comp, a.id)}</td><td>{escape(a.title)}</td>"
        f"<td>{escape(a.path or '(pasted)')}</td><td>{a.word_count}</td></tr>"
        for a in comp.articles)
    sides = "".join(_side_by_side(comp, a.id) for a in comp.articles if a.id != comp.base)
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width'>"
        f"<title>Copydesk report — {len(comp.articles)} articles</title>"
        f"<style>{_CSS}{MARKS_CSS}</style></head><body>"
        f"<h1>Copydesk report: {len(comp.articles)} articles, base {_badge(comp, comp.base)}</h1>"
        "<table><tr><th></th><th>Title</th><th>Source</th><th>Words</th></tr>" + arts + "</table>"
        "<p class='legend meta'><span class='ins'>added</span> &nbsp; <span class='del'>dropped</span>"
        " &nbsp; <span class='chg-b'>changed</span></p>"
        + _matrix_table(comp) + _spin_summary(comp)
        + _claims_table(comp) + marks_table_html(comp, marks) + sides + "</body></html>\n")
