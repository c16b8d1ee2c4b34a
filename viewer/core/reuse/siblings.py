"""Two stories written from the same wire copy are not copies of each other.

Papers that each rewrote the same wire story share its sentences, so read alone their pair
looks derived ("partially derived: B from F"), though neither saw the other. When the
comparison holds that wire copy, `explained_by_common_source` reads such a pair again on what
it shares beyond the wire: both articles come after sources the texts themselves name (filing
times, dates or wire form: `direction`; derived from them by the pair's own reading or not),
each article's words that are in verbatim runs with its own such sources are left out, and the
pair's derivation model (`relation.relation`, the same fitted model and runs) reads the two
articles' own words that are left. When these share fewer than MIN_OWN_WORDS words in verbatim
runs, or that reading is independent, so is the pair, on the basis COMMON_SOURCE, and
`common_sources` names the wire copy. A pair that shares more than the wire gave (a passage
only the two of them have) keeps its label, as does any pair whose direction the texts state
and any spun pair. Each article's reading against all the others (`others.derive_from_others`)
leaves such a story out, as it leaves out stories written from wire copy; triage links a story
beside the wire only when `derived_beyond` says so (`triage.sources`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..diff.sequences import covered_length
from ..text.article import Article
from .direction import REUSE
from .pairs import PairReuse
from .relation import INDEPENDENT, LABEL_RUN_OPTIONS, relation
from .spin import SPUN_SCORE
from .verbatim import WordKeys, article_keys, run_word_spans

__all__ = ["COMMON_SOURCE", "MIN_OWN_WORDS", "common_source_note", "derived_beyond",
           "explained_by_common_source", "stated_sources"]

COMMON_SOURCE = "common source"
# Fewer words than this in verbatim runs of the two articles' own words (a phrase or two, which
# reports of one event share by chance) read independent without the model, which was fitted on
# whole articles and misreads a few own words (a story that is all wire copy but a sentence):
# as many words as triage asks of a source before it adds it to those kept
# (`triage.sources.choose_sources`' min_new_words).
MIN_OWN_WORDS = 8


def _words_of(reuse: PairReuse, article: str) -> set[int]:
    """The word indices of `article` inside the pair's label runs."""
    first = reuse.a == article
    out: set[int] = set()
    for run in reuse.label_runs:
        start, end = (run[0], run[1]) if first else (run[2], run[3])
        out.update(range(start, end))
    return out


def stated_sources(pairs: dict[tuple[str, str], PairReuse]) -> dict[str, set[str]]:
    """For each article, the others its text and theirs state came first (filing times, dates,
    wire form), whether or not it is derived from them."""
    found: dict[str, set[str]] = {}
    for (a, b), r in pairs.items():
        if r.source is not None:
            found.setdefault(b if r.source == a else a, set()).add(r.source)
    return found


def _without(keys: WordKeys, words) -> WordKeys:
    """`keys` with the words at `words` left out (each kept word keeps its place in the text)."""
    kept = [i for i in range(len(keys.keys)) if i not in words]
    return WordKeys(tuple(keys.keys[i] for i in kept), tuple(keys.starts[i] for i in kept),
                    tuple(keys.ends[i] for i in kept))


def derived_beyond(a: Article, b: Article, a_words, b_words, source: str | None = None) -> bool:
    """Whether `a` and `b` read derived on their own words: their label keys without the words
    at `a_words` and `b_words` (what each has from a common source), by the pair's derivation
    model (`source`: the id the texts state came first, as for `relation.relation`). Fewer than
    MIN_OWN_WORDS shared words read independent without the model."""
    ka = _without(article_keys(a, LABEL_RUN_OPTIONS), a_words)
    kb = _without(article_keys(b, LABEL_RUN_OPTIONS), b_words)
    runs = run_word_spans(ka, kb, LABEL_RUN_OPTIONS)
    shared = max(covered_length([(x[0], x[1]) for x in runs]), covered_length([(x[2], x[3]) for x in runs]))
    if shared < MIN_OWN_WORDS:
        return False
    return relation(a, b, runs, a_keys=ka, b_keys=kb, source=source).label != INDEPENDENT


def explained_by_common_source(pairs: dict[tuple[str, str], PairReuse],
                               articles: Sequence[Article]) -> dict[tuple[str, str], PairReuse]:
    """`pairs` (keyed (a id, b id)) of `articles`, with each pair of articles that come after
    stated sources and share nothing derived beyond them read as independent (module
    docstring). Pairs not changed are the same objects."""
    sources = stated_sources(pairs)
    by_id = {a.id: a for a in articles}
    wire_words: dict[str, set[int]] = {}
    out = dict(pairs)
    for key, r in pairs.items():
        if (r.label == INDEPENDENT or r.basis != REUSE or r.spin.score >= SPUN_SCORE
                or not (sources.get(r.a) and sources.get(r.b))):
            continue
        for side in (r.a, r.b):
            if side not in wire_words:
                wire_words[side] = set().union(*(_words_of(pairs.get((s, side)) or pairs[(side, s)], side)
                                                 for s in sources[side]))
        if not derived_beyond(by_id[r.a], by_id[r.b], wire_words[r.a], wire_words[r.b]):
            out[key] = replace(r, label=INDEPENDENT, derived=None, basis=COMMON_SOURCE,
                               common_sources=tuple(sorted(sources[r.a] | sources[r.b])))
    return out


def common_source_note(reuse: PairReuse) -> str:
    """Why a pair read apart by `explained_by_common_source` is independent, for a tooltip
    ("" for any other pair)."""
    if reuse.basis != COMMON_SOURCE:
        return ""
    return f"all they share, each has from the wire copy it derives from ({', '.join(reuse.common_sources)})"
