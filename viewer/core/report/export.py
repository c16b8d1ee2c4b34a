"""JSON analysis (schema copydesk.analysis/1) and HTML report from a Comparison.

Both are deterministic: same input and options give byte-identical output
(no timestamps; keys sorted where order is free); files are written atomically.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..comparison import Comparison
from ..util.atomic import write_atomic
from .htmlreport import render_html

SCHEMA = "copydesk.analysis/1"


def _pair_json(comp: Comparison, key: tuple[str, str]) -> dict:
    pa = comp.pairs[key]
    r = pa.reuse
    return {
        "a": pa.a, "b": pa.b, "similarity": pa.similarity,
        "verbatim": {k: round(v, 4) for k, v in sorted(r.verbatim.items())},
        "spin": {"score": round(r.spin.score, 4),
                 "substitutions": [[s.a_text, s.b_text] for s in r.spin.substitutions]},
        "relation": {"label": r.label, "derived": r.derived,
                     "basis": r.basis if r.derived or r.common_sources else None,
                     **({"common_sources": list(r.common_sources)} if r.common_sources else {})},
        # Extensions (not in the base contract): where the runs and moves are.
        "runs": [[v.a_start, v.a_end, v.b_start, v.b_end] for v in r.runs],
        "moves": [[m.a_start, m.a_end, m.b_start, m.b_end] for m in r.moves],
        "diff": [[op, text] for op, text in pa.ops],
    }


def _derivation_json(comp: Comparison, article_id: str) -> dict | None:
    """The article's label against the other articles together, and the ids it was read against
    (None alone)."""
    d = comp.derivations.get(article_id)
    if d is None:
        return None
    found = {"label": d.label, "score": d.score}
    if d.sources is not None:
        found["against"] = [a.id for a in comp.articles if a.id in d.sources]
    return found


def _claim_json(claim) -> dict:
    return {
        "id": claim.id,
        "text": claim.text,
        "articles": list(claim.articles),
        "members": [{"article": m.article, "start": m.start, "end": m.end} for m in claim.members],
        "conflicts": [{"kind": c.kind, "values": dict(sorted(c.values.items()))}
                      for c in claim.conflicts],
    }


def analysis_dict(comp: Comparison, options: dict | None = None) -> dict:
    """The JSON analysis as a plain dict, in the contract's shape."""
    options = dict(options or {"min_phrase": 6})
    order = {a.id: k for k, a in enumerate(comp.articles)}
    keys = sorted(comp.pairs, key=lambda k: (order[k[0]], order[k[1]]))
    return {
        "schema": SCHEMA,
        "options": options,
        "base": comp.base,
        "articles": [{"id": a.id, "path": a.path, "title": a.title, "words": a.word_count,
                      "encoding": a.encoding, "derivation": _derivation_json(comp, a.id),
                      "text": a.text} for a in comp.articles],
        "pairs": [_pair_json(comp, k) for k in keys],
        "claims": [_claim_json(c) for c in comp.claims],
    }


def to_json(comp: Comparison, options: dict | None = None) -> str:
    """The JSON analysis as text (UTF-8, stable key order, trailing newline)."""
    return json.dumps(analysis_dict(comp, options), ensure_ascii=False, indent=1,
                      sort_keys=False) + "\n"


def to_html(comp: Comparison, marks=()) -> str:
    """The self-contained HTML report (with review marks when given)."""
    return render_html(comp, marks)


EXPORT_FORMATS = (".json", ".html", ".htm")


def write_json_or_html(out: str | os.PathLike, json_text, html_text) -> None:
    """Write `json_text()` or `html_text()` to `out` as its extension says, atomically;
    ValueError for any other extension."""
    suffix = Path(out).suffix.lower()
    if suffix == ".json":
        data = json_text()
    elif suffix in (".html", ".htm"):
        data = html_text()
    else:
        raise ValueError(f"unsupported export format {suffix or '(none)'!r}; "
                         f"use one of {', '.join(EXPORT_FORMATS)}")
    write_atomic(out, data.encode("utf-8"))


def export(comp: Comparison, out: str | os.PathLike, options: dict | None = None,
           marks=()) -> None:
    """Write the analysis to `out` (.json or .html), the format following its extension."""
    write_json_or_html(out, lambda: to_json(comp, options), lambda: to_html(comp, marks))
