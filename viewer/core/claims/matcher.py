"""Pairwise matching of statements: do two sentences (or clauses) say the same thing?

Each is first reduced to weighted keys (`statement.make_statement`). Two statements are compared in both
directions: the share of one's weight that the other carries, where a key counts fully when the other
has the same key, and partly when the other has a synonym (WordNet, English only) or a spelling
variant (long common prefix: "Russia"/"Russian", "Zelensky"/"Zelenskyy").

`same_claim` combines a handful of lexical features (coverage both ways, unmatched weight, numbers,
names, negation, length, and word trigrams, character trigrams and word-sequence similarity taken
after synonyms are mapped onto each other) in a logistic regression whose weights are data:
`data/matcher.json`, written by bench/train_matcher.py (fitted on the MSRP training pairs, with
their 10-fold cross-validated accuracy) and read once at import. A short statement almost wholly
carried by a longer one (a condensed sentence) is also the same claim.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from itertools import chain
from operator import mul
from typing import Iterator, Sequence

from ..text.spelling import match_form, name_form
from ..text.synonyms import lemmas, synonyms
from ..text.tokens import fold
from ..text.tokens import word_texts as _word_texts
from ..util.bundled import core_data_path
from ..util.sequence_matcher import SequenceMatcher
from .statement import LIGHT_WEIGHT, PREFIX_LENGTH, WORD_WEIGHT, Statement, char_trigrams, vector_norm
from .wording import matching_words

# Partial credit for keys not shared exactly (calibrated on MSRP).
SYNONYM_CREDIT = 0.9
PREFIX_CREDIT = 0.8

# Logistic model over `pair_features` (fitted by bench/train_matcher.py on the MSRP training pairs).
FEATURES = ("similarity", "min_coverage", "max_coverage", "unmatched_small", "unmatched_large",
            "number_mismatch", "name_mismatch", "length_ratio", "negation_mismatch",
            "trigrams", "characters", "word_sequence", "coverage_x_length")
MODEL_FILE = "matcher.json"  # in viewer/core/claims/data/


def load_model() -> tuple[tuple[float, ...], float]:
    """(weights in the order of FEATURES, bias) of the fitted model shipped in MODEL_FILE."""
    model = json.loads(core_data_path("claims", MODEL_FILE).read_text(encoding="utf-8"))
    if tuple(model["features"]) != FEATURES:
        raise RuntimeError(f"{MODEL_FILE} was fitted on other features; run bench/train_matcher.py --write")
    return tuple(float(w) for w in model["weights"]), float(model["bias"])


WEIGHTS, BIAS = load_model()
_SEQUENCE_WEIGHT = WEIGHTS[FEATURES.index("word_sequence")]
# A pair is the same claim when the model's probability reaches SAME_CLAIM (0.55 rather than 0.5:
# articles hold far fewer matching pairs than MSRP's 67 %; checked on ECB+ sibling events).
SAME_CLAIM = 0.55
GATE = 0.5   # max_coverage below this: not the same claim, the model is not consulted
# Or when the shorter statement is contained in the longer one (a condensed sentence): CONTAINED
# of its weight carried, or COPIED_CONTAINED when it was cut from a longer one, as papers cut wire
# copy: the longer weighs CUT_FROM times as much and COPIED_RUNS of the shorter's word trigrams are
# the longer's too (bench/claims_eval.py).
CONTAINED = 0.75
COPIED_CONTAINED = 0.6
COPIED_RUNS = 0.35
CUT_FROM = 1.5
MIN_CONTAINED_KEYS = 4


def _cosine(x: dict[str, int], nx: float, y: dict[str, int], ny: float) -> float:
    # Integer counts: the dot product is exact whatever the order, so only shared keys are visited.
    dot = sum([x[k] * y[k] for k in x.keys() & y.keys()])
    return dot / (nx * ny) if dot else 0.0


def synonym_partners(word: str, b: Statement) -> Iterator[str]:
    """The keys of `b` (with weight) whose words are synonyms of `word` (English), in `b`'s order."""
    near = synonyms(word)
    return iter(()) if b.forms.isdisjoint(near) else _keys_among(near, b)


def _keys_among(near: frozenset, b: Statement) -> Iterator[str]:
    return (k for k, w in b.surface.items() if b.keys[k] and (w in near or lemmas(w) & near))


def _partial(word: str, key: str, b: Statement, english: bool) -> tuple[float, str | None]:
    """(credit, the key of `b` it matched or None) for a key that `b` lacks: a synonym of its
    word (English), else a spelling variant (a long common prefix), else (0.0, None)."""
    if key[0] in "#@":
        return 0.0, None
    if english:
        near = synonyms(word)
        if not b.forms.isdisjoint(near):
            return SYNONYM_CREDIT, next(_keys_among(near, b), None)
    prefix = word[:PREFIX_LENGTH]
    if len(word) >= PREFIX_LENGTH and prefix in b.prefixes:
        return PREFIX_CREDIT, next((k for k, w in b.surface.items()
                                    if b.keys[k] and w[:PREFIX_LENGTH] == prefix), None)
    return 0.0, None


def _matches(a: Statement, b: Statement) -> dict[str, tuple[float, str | None]]:
    """For each key of `a`: (credit 0..1, the key of `b` it matched or None)."""
    bkeys = b.keys
    english = a.language == "en" and b.language == "en"
    return {key: (1.0, key) if key in bkeys else _partial(a.surface[key], key, b, english) if weight
            else (0.0, None) for key, weight in a.keys.items()}


def _carried(a: Statement, b: Statement, partial: bool | frozenset = True
             ) -> tuple[float, int, list[tuple[str, str]]]:
    """What `_features` needs of `_matches(a, b)`, in one pass over `a`'s keys: the weight of `a`
    that `b` carries (the products of `_matches`' credits, summed exactly rounded by `math.fsum`,
    so a pair at a threshold reads the same on every Python: `sum` of floats is compensated from
    3.12 on, naive before), how many of `a`'s names `b` does not match at all, and the (key,
    partner) pairs matched other than exactly, in key order. `partial` False: the caller knows
    that no key of `a` matches a synonym or variant in `b`, so none is looked up; a set of keys:
    the caller knows that only these do (`coverages.coverages`), so only they are looked up."""
    bkeys = b.keys
    surface, names = a.surface, a.names
    if not partial:  # the same sum without its zero terms (they change no exact sum)
        return (math.fsum([w for key, w in a.keys.items() if key in bkeys]),
                len([1 for key in a.keys if key not in bkeys and surface[key] in names]), [])
    english = a.language == "en" and b.language == "en"
    credits: list[float] = []
    links: list[tuple[str, str]] = []
    missed = 0
    look_up = partial if isinstance(partial, frozenset) else None
    for key, weight in a.keys.items():
        if key in bkeys:
            credits.append(1.0)
            continue
        if not weight or (look_up is not None and key not in look_up):  # (weightless keys, initials
            # and other spellings of names, are found by their key alone)
            credits.append(0.0)
            missed += surface[key] in names
            continue
        credit, partner = _partial(surface[key], key, b, english)
        credits.append(credit)
        if not credit:
            missed += surface[key] in names
        elif partner:
            links.append((key, partner))
    return math.fsum(map(mul, a.keys.values(), credits)), missed, links


def coverage(a: Statement, b: Statement) -> float:
    """Share of `a`'s weight that `b` carries (exact keys fully, synonyms and variants partly)."""
    if a.weight <= 0:
        return 0.0
    found = _matches(a, b)
    return math.fsum(w * found[k][0] for k, w in a.keys.items()) / a.weight


def _replaced_tokens(b: Statement, links_a: list, links_b: list) -> list[str] | None:
    """`b`'s tokens with every key matched to a key of `a` (synonym, variant) replaced by that key,
    from the two directions' links (`_carried`), or None when no token of `b` changes."""
    if not (links_a or links_b):
        return None
    canon: dict[str, str] = {}
    for key, partner in links_a:
        canon[partner] = key
    for key, partner in links_b:
        canon.setdefault(key, partner)
    tb = [canon.get(t, t) for t in b.tokens]
    return None if tb == list(b.tokens) else tb


def pair_features(a: Statement, b: Statement) -> tuple[float, ...]:
    """The matcher's features of a pair, in the order of `FEATURES` (symmetric in `a` and `b`).

    Surface features (word trigrams, character trigrams, word sequence) compare `a` with `b`
    after `b`'s synonyms and variants of `a`'s words are replaced by them, so a spun copy keeps
    its surface similarity.
    """
    return _features(a, b, 0.0)[0]


def _features(a: Statement, b: Statement, gate: float, sequence_bound: bool = False,
              partial: tuple[bool | frozenset, bool | frozenset] = (True, True)
              ) -> tuple[tuple[float, ...] | None, float, float, tuple]:
    """(features or None when neither coverage reaches `gate`, coverage of a by b, of b by a,
    the two token sequences compared by word_sequence).

    With `sequence_bound`, word_sequence is only bounded (`_shared_ratio`, an upper bound of
    difflib's ratio, when its weight is positive; 0.0 otherwise), so the probability is an upper
    bound of the true one; `_sequence` of the token sequences gives the true value. `partial`:
    as for `same_claim`.
    """
    got_a, missed_a, links_a = _carried(a, b, partial[0])
    got_b, missed_b, links_b = _carried(b, a, partial[1])
    ca = got_a / a.weight if a.weight > 0 else 0.0
    cb = got_b / b.weight if b.weight > 0 else 0.0
    if max(ca, cb) < gate:
        return None, ca, cb, ((), ())
    total = a.weight + b.weight
    sim = (got_a + got_b) / total if total > 0 else 0.0
    small, large = sorted((max(0.0, a.weight - got_a), max(0.0, b.weight - got_b)))
    numbers = 1.0 if a.numbers != b.numbers else 0.0
    name_miss = missed_a + missed_b
    ta, replaced = a.tokens, _replaced_tokens(b, links_a, links_b)
    tb = b.tokens if replaced is None else replaced
    length = min(len(ta), len(tb)) / max(1, len(ta), len(tb))
    negation = 1.0 if a.negated != b.negated else 0.0
    # Each statement's own trigrams and counts are computed once; only replaced tokens need new ones.
    tri_a = a.token_trigrams
    tri_b = b.token_trigrams if replaced is None else set(zip(tb, tb[1:], tb[2:]))
    union = len(tri_a) + len(tri_b)
    trigrams = 2 * len(tri_a & tri_b) / union if union else 0.0
    if ta and tb:
        if replaced is None:
            chars_b, norm_b = b.chars, b.chars_norm
        else:   # adjust b's counts for the replaced tokens only
            chars_b = dict(b.chars)
            for old, new in zip(b.tokens, tb):
                if old != new:
                    for g in char_trigrams(old):
                        chars_b[g] -= 1
                    for g in char_trigrams(new):
                        chars_b[g] = chars_b.get(g, 0) + 1
            norm_b = vector_norm(chars_b)
        characters = _cosine(a.chars, a.chars_norm, chars_b, norm_b)
    else:
        characters = 0.0
    if not sequence_bound:
        sequence = _sequence(ta, tb)
    elif not (ta and tb):
        sequence = 0.0
    elif _SEQUENCE_WEIGHT >= 0:
        counts_b = b.token_counts if replaced is None else Counter(tb)
        sequence = _shared_ratio_of_counts(a.token_counts, counts_b, len(ta) + len(tb))
    else:
        sequence = 0.0
    return (sim, min(ca, cb), max(ca, cb), math.log1p(small), math.log1p(large), numbers,
            math.log1p(name_miss), length, negation, trigrams, characters, sequence,
            max(ca, cb) * length), ca, cb, (ta, tb)


def _shared_ratio(ta, tb) -> float:
    """2 × (tokens shared, with multiplicity) / (both lengths): an upper bound of `_sequence`
    (difflib's quick_ratio, without building a SequenceMatcher)."""
    left = Counter(ta)
    shared = 0
    for t in tb:
        n = left.get(t, 0)
        if n:
            left[t] = n - 1
            shared += 1
    return 2.0 * shared / (len(ta) + len(tb))


def _shared_ratio_of_counts(counts_a: dict, counts_b: dict, both: int) -> float:
    """`_shared_ratio` from the two token counts (tokens shared with multiplicity: the same integer)."""
    shared = sum([min(counts_a[t], counts_b[t]) for t in counts_a.keys() & counts_b.keys()])
    return 2.0 * shared / both


def _sequence(ta, tb) -> float:
    """The word_sequence feature: difflib's similarity ratio of two token sequences."""
    return SequenceMatcher(None, ta, tb, autojunk=False).ratio() if ta and tb else 0.0


def _probability(features: Sequence[float]) -> float:
    z = math.fsum(chain((BIAS,), map(mul, WEIGHTS, features)))  # exactly rounded (see _carried)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def match_probability(a: Statement, b: Statement) -> float:
    """Probability (0..1, logistic model) that `a` and `b` state the same claim.

    Pairs where neither statement carries GATE of the other's weight are 0.0 without the model
    (they are almost never paraphrases, and this keeps the matcher fast).
    """
    features = _features(a, b, GATE)[0]
    return 0.0 if features is None else _probability(features)


def content_keys(st: Statement) -> int:
    """How many of a statement's keys weigh more than a light word's (its content words)."""
    return sum(1 for w in st.keys.values() if w > LIGHT_WEIGHT)


def same_claim(a: Statement, b: Statement, threshold: float = SAME_CLAIM,
               min_contained_keys: int = MIN_CONTAINED_KEYS,
               partial: tuple[bool | frozenset, bool | frozenset] = (True, True),
               exact_contained: float = 0.0) -> float:
    """Strength (0..1) with which `a` and `b` state the same claim; 0.0 when they do not.

    The same claim when the logistic model says so (probability at least `threshold`), or when
    the shorter statement (at least `min_contained_keys` content words) is almost wholly carried by
    the longer one: a condensed sentence that states several sentences' claims (MSRP calls many
    such pairs non-paraphrases; for claims they share the shorter one's statement). Contained pairs
    the model puts below SAME_CLAIM weigh SAME_CLAIM. A caller that knows more about the two
    articles (they report one event, or they do not) moves the two thresholds, and may ask that
    `exact_contained` of the shorter one's weight be carried by the very same words, not by
    synonyms or variants, before it counts as contained. `partial`: whether
    any key of `a` (of `b`) may match a synonym or variant in the other; a caller that knows none
    does says False, one that knows which do (`coverages.coverages`) gives those keys, and the
    other look-ups are skipped (the same result).
    """
    features, ca, cb, (ta, tb) = _features(a, b, GATE, sequence_bound=True, partial=partial)
    if features is None:
        return 0.0
    # The bound on word_sequence makes this probability an upper bound (sums and the logistic
    # are monotonic in floating point too): below the threshold, the exact ratio cannot lift it.
    p = 0.0
    if _probability(features) >= min(threshold, SAME_CLAIM):
        k = FEATURES.index("word_sequence")
        p = _probability(features[:k] + (_sequence(ta, tb),) + features[k + 1:])
        if p >= SAME_CLAIM:
            return p
    if _contained(a, b, ca, cb, min_contained_keys, exact_contained):
        return SAME_CLAIM
    return p if p >= threshold else 0.0


def _contained(a: Statement, b: Statement, ca: float, cb: float,
               min_keys: int = MIN_CONTAINED_KEYS, exact: float = 0.0) -> bool:
    small, c_small, large = (a, ca, b) if a.weight <= b.weight else (b, cb, a)
    if c_small < COPIED_CONTAINED or content_keys(small) < min_keys:
        return False
    if exact > 0 and math.fsum([w for k, w in small.keys.items() if k in large.keys]) < exact * small.weight:
        return False  # carried mostly by synonyms and variants: "Guys hung in there" / "man-coverage"
    if c_small >= CONTAINED:
        return True
    if large.weight < CUT_FROM * small.weight:
        return False
    runs = small.token_trigrams
    return bool(runs) and len(runs & large.token_trigrams) >= COPIED_RUNS * len(runs)


def contained(a: Statement, b: Statement) -> bool:
    """True when the shorter of `a` and `b` is almost wholly carried by the longer one."""
    return _contained(a, b, coverage(a, b), coverage(b, a))


@dataclass(frozen=True)
class LinkReasons:
    """Why two statements read as one claim, in words an editor can check."""

    names: tuple[str, ...]              # names both carry (matching forms)
    numbers: tuple[str, ...]            # numbers both carry
    synonyms: tuple[tuple[str, str], ...]  # (a's word, b's word) matched as synonyms
    words: tuple[str, ...]              # other content words both carry
    coverage: float                     # the smaller share of either's weight the other carries


def explain_link(a: Statement, b: Statement) -> LinkReasons:
    """The evidence the matcher sees for `a` and `b` being one claim (see `same_claim`)."""
    found = _matches(a, b)
    exact = [k for k, (credit, partner) in found.items() if credit == 1.0]
    shown = {}  # matching form of a name -> the word as `a` writes it
    for w in matching_words(_word_texts(a.text)):
        if w[:1].isupper():
            shown.setdefault(name_form(match_form(fold(w))), w)
    names = tuple(sorted(shown.get(a.surface[k], a.surface[k]) for k in exact
                         if k[0] != "#" and a.surface[k] in a.names))
    numbers = tuple(sorted(k[1:] for k in a.numbers & b.numbers))
    synonyms = tuple(sorted({(a.surface[k], b.surface[p]) for k, (credit, p) in found.items()
                             if credit == SYNONYM_CREDIT and p}))
    words = tuple(sorted(a.surface[k] for k in exact
                         if k[0] != "#" and a.surface[k] not in a.names and a.keys[k] >= WORD_WEIGHT))
    return LinkReasons(names, numbers, synonyms, words, round(min(coverage(a, b), coverage(b, a)), 3))
