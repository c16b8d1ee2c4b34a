"""The review marks of a comparison as an HTML fragment for the report (all text escaped).

The fragment uses the classes styled by `MARKS_CSS`; it reads fine without them (marks are words,
not only colours), so it prints and converts to PDF as is.
"""

from __future__ import annotations

from html import escape
from typing import Iterable

from ..review.marks import MARK_LABELS, marked_targets, marks_by_key
from ..review.session import ReviewMark

__all__ = ["MARKS_CSS", "marks_table_html"]

MARKS_CSS = """
.marks td.mark{white-space:nowrap;font:600 13px system-ui,sans-serif}
.mark-verified{color:#2e6b2b}.mark-disputed{color:#a33}.mark-needs-attribution{color:#8a6a0b}
.marks .what{font:13px system-ui,sans-serif;color:#555}
.marks tr{page-break-inside:avoid;break-inside:avoid}
"""


def _conflict_text(conflict) -> str:
    values = ", ".join(f"{escape(k)} “{escape(v)}”" for k, v in sorted(conflict.values.items()))
    return f"{escape(conflict.kind)} conflict: {values}"


def _row(claim, target, mark: ReviewMark) -> str:
    if target is claim:
        what = f"claim {escape(claim.id)} · {escape(', '.join(claim.articles))}"
        body = escape(claim.text)
    else:
        what = f"in claim {escape(claim.id)}"
        body = _conflict_text(target)
    label = MARK_LABELS.get(mark.mark, mark.mark)
    return (f"<tr><td><span class='what'>{what}</span><br>{body}</td>"
            f"<td class='mark mark-{escape(mark.mark)}'>{escape(label)}</td>"
            f"<td>{escape(mark.note)}</td></tr>")


def marks_table_html(comparison, marks: Iterable[ReviewMark]) -> str:
    """An HTML fragment: every marked claim and conflict (claim order) with its mark and note.

    Marks whose claim is not in this analysis (its wording changed) are counted, not listed.
    """
    index = marks_by_key(marks)
    rows, used = [], 0
    for claim in comparison.claims:
        for target, mark in marked_targets(claim, comparison, index):
            rows.append(_row(claim, target, mark))
            used += 1
    out = ["<h2>Review marks</h2>"]
    if rows:
        out.append("<table class='marks'><tr><th>Claim or conflict</th><th>Mark</th><th>Note</th>"
                   "</tr>" + "".join(rows) + "</table>")
    else:
        out.append("<p class='meta'>No claim or conflict has been marked.</p>")
    orphans = len(index) - used
    if orphans:
        out.append(f"<p class='meta'>{orphans} mark{'s' if orphans != 1 else ''} "
                   f"refer{'s' if orphans == 1 else ''} to claims not found in this analysis "
                   f"(their wording changed).</p>")
    return "".join(out)
