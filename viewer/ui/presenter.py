"""What the window shows about a comparison, computed apart from the widgets.

`prepare_for_display` runs in the worker thread, so the GUI thread only draws;
`pair_info` / `pair_tooltip` word a pane header.
"""

from __future__ import annotations

from viewer.core.comparison import OrientedPair
from viewer.core.report.claimviews import conflict_spans
from viewer.core.reuse.direction import basis_note
from viewer.core.reuse.relation import LABEL_TEXT, SHORT_LABEL_TEXT
from viewer.core.reuse.siblings import common_source_note
from viewer.core.reuse.spin import SPUN_SCORE
from viewer.core.review.marks import claim_keys
from viewer.core.review.workspace import WorkspaceResult

from .highlight import pane_spans


def prepare_for_display(result: WorkspaceResult) -> WorkspaceResult:
    """In the worker: compute what drawing the result needs (oriented pairs against the
    base, claim keys, conflict places), so the GUI thread only draws."""
    comp = result.comparison
    if comp is not None:
        others = [a.id for a in comp.articles if a.id != comp.base]
        for other in others:
            comp.oriented(comp.base, other)
            comp.oriented(other, comp.base)
            pane_spans(comp, other, comp.base, others[0], False)
        pane_spans(comp, comp.base, comp.base, others[0] if others else None, False)
        claim_keys(comp)
        conflict_spans(comp)
    return result


def pair_info(words: int, op: OrientedPair, base: str) -> tuple[str, str, str]:
    """A pane header's second line: words, similarity, derivation, spin; then two shorter forms
    for narrow panes (similarity, derivation in a word, spin mark; then similarity alone)."""
    info = f"{words} words · {op.similarity:.0%} similar to {base}"
    label = op.label if op.label and op.label != "independent" else None
    if label:
        # Say which way: "wholly derived" alone reads as this article's label even when
        # the base is the one derived from it.
        if op.derived == op.other:
            info += f" · {LABEL_TEXT[label]} from {base}"
        elif op.derived == base:
            info += f" · {base} {LABEL_TEXT[label]} from this"
        else:
            info += f" · {LABEL_TEXT[label]}"
    spun = op.spin_score >= SPUN_SCORE
    if spun:
        info += " · ⚠ spun"
    short = f"{op.similarity:.0%} · {SHORT_LABEL_TEXT[label]}" if label else f"{op.similarity:.0%}"
    return info, short + (" ⚠" if spun else ""), f"{op.similarity:.0%}"


def base_info(words: int, partner: str | None, reuse: bool) -> tuple[str, str, str]:
    """The base pane's second line, then shorter forms for narrow panes."""
    info = f"{words} words · base"
    return (info + (f" ({'runs' if reuse else 'drops'} vs {partner})" if partner else ""),
            info, "base")


def pair_tooltip(op: OrientedPair, base: str) -> str:
    """The header's tooltip: the numbers behind the second line."""
    text = (f"{op.stats.changes} changes against {base}; +{op.stats.words_added} / "
            f"−{op.stats.words_dropped} words")
    if op.label:
        text += f"\nDerivation: {LABEL_TEXT[op.label]}"
        why = basis_note(op.derived, op.basis) if op.derived else common_source_note(op.analysis.reuse)
        if why:
            text += f" ({why})"
    text += f"\nSpin score {op.spin_score:.2f}; {len(op.swaps)} synonym swaps; {len(op.moves)} moved"
    return text
