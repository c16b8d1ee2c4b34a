"""How much of each other the candidate pairs carry, in bulk (numpy, scipy.sparse).

`coverages`: for every candidate pair (`blocking.candidate_pairs`), how much of each side's weight
the other carries, with the matcher's credits (exact key 1.0, synonym 0.9, spelling variant 0.8).
Synonym hits come from sparse products: statement × form incidence times form × word "is a synonym
of" (itself form × WordNet sense times sense × word, so no word's whole synonym set is built), and
"does b carry a synonym of a's word w" is a look-up of the code (b, w) in a set of codes. Up to
`blocking.SMALL_STATEMENTS` statements the products are expanded entry by entry in numpy.

The coverages equal the per-pair Python computations up to float rounding in the order of
summation; callers keep a small margin and let the per-pair model decide at the border, so the
results are those of the per-pair code (a property test checks the coverages on random
statements).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

import numpy as np

from ..text.synonyms import lemma_senses, lemmas, synonym_senses
from ..util.arrays import CodeSet, Vocab, distinct_sorted, expanded, flat, grouped, ragged, run_positions
from ..util.cancel import CancelCheck, check
from . import blocking
from .blocking import distinct_wordings, key_entries
from .matcher import PREFIX_CREDIT, SYNONYM_CREDIT
from .statement import PREFIX_LENGTH, Statement

if TYPE_CHECKING:
    from scipy import sparse

__all__ = ["Credited", "coverages"]

_COVERED_PAIRS = 25_000  # candidate pairs whose coverages are computed at once (`blocking`'s slices)


def _entries(statements: Sequence[Statement]):
    """Per statement, its keys as arrays (`key_entries`) and for each key its surface-word id,
    whether it may match a synonym, its prefix id (-1 when the word is short or the key a
    number or the reporting key) and whether it is a name's."""
    key_ids, weights, indptr, keys = key_entries(statements)
    words, prefixes = Vocab(), Vocab()
    word_ids, eligible, prefix_ids, named = [], [], [], []
    for st in statements:
        names = st.names
        for key, weight in st.keys.items():
            word = st.surface[key]
            named.append(word in names)
            word_ids.append(words.id(word))
            plain = key[0] not in "#@" and weight > 0  # (weightless keys are found by their key alone)
            eligible.append(plain)
            prefix_ids.append(prefixes.id(word[:PREFIX_LENGTH])
                              if plain and len(word) >= PREFIX_LENGTH else -1)
    return (key_ids, weights, np.array(word_ids, dtype=np.int64), np.array(eligible, dtype=bool),
            np.array(prefix_ids, dtype=np.int64), np.array(named, dtype=bool), indptr, keys, words, prefixes)


def _codes(rows: list[list[int]], width: int) -> np.ndarray:
    """Sorted int64 codes row * width + column of a ragged incidence."""
    row, col = ragged(rows)
    return distinct_sorted(row * width + col)


@lru_cache(maxsize=16384)
def _sense_ids(word: str, own: bool) -> np.ndarray:
    """A word's senses as an int32 array: those having it as a lemma (`own`, for a form) or
    its synonym senses (for a word a statement asks about); built once per word."""
    senses = lemma_senses(word) if own else synonym_senses(word)
    ids = np.fromiter(senses, dtype=np.int32, count=len(senses))
    ids.flags.writeable = False  # shared through the cache
    return ids


def _synonym_hits(statements: Sequence[Statement], words: Vocab) -> np.ndarray:
    """Sorted codes b * len(words) + w where English statement b carries a synonym of word w
    (a form of b, a folded word or its lemma, is among `synonyms(w)`: one of w's lemmas, or a
    lemma of one of its `synonym_senses`), through the senses the forms have: expanded in numpy
    up to SMALL_STATEMENTS statements, else from sparse products."""
    forms = Vocab()
    english = [st.language == "en" for st in statements]
    stmt_forms = [[forms.id(f) for f in st.forms] if en else [] for st, en in zip(statements, english)]
    word_list = list(words)
    if not forms or not word_list:
        return np.zeros(0, dtype=np.int64)
    n_words = len(word_list)
    f_of, s_of = flat([_sense_ids(f, True) for f in forms])
    no_senses = np.zeros(0, dtype=np.int32)
    w_of, ws_of = flat([_sense_ids(w, False) if w[:1] != "#" else no_senses for w in word_list])
    n_senses = 1 + max(int(s_of.max(initial=-1)), int(ws_of.max(initial=-1)))
    present = np.zeros(n_senses, dtype=bool)
    present[s_of] = True
    keep = present[ws_of]  # only the senses some form has can make a hit
    w_of, ws_of = w_of[keep], ws_of[keep]
    wl_of, fl_of = ragged([[forms[f] for f in lemmas(w) if f in forms] if w[:1] != "#" else []
                            for w in word_list])
    b_of, bf_of = ragged(stmt_forms)
    if len(statements) <= blocking.SMALL_STATEMENTS:
        # (form, word) synonym pairs, then each statement's forms expanded
        syn = np.union1d(expanded(f_of, s_of, grouped(ws_of, w_of, n_senses), n_words),
                         fl_of * n_words + wl_of)
        return expanded(b_of, bf_of, grouped(syn // n_words, syn % n_words, len(forms)), n_words)
    carried = _coo(b_of, bf_of, (len(statements), len(forms)))
    is_syn = (_coo(f_of, s_of, (len(forms), n_senses)) @ _coo(w_of, ws_of, (n_words, n_senses)).T
              + _coo(fl_of, wl_of, (len(forms), n_words))).tocsr()  # forms × words
    out = []
    for lo in range(0, len(statements), 2000):  # bounded temporary products
        hits = (carried[lo:lo + 2000] @ is_syn).tocsr()
        hits.eliminate_zeros()
        hits.sort_indices()  # rows ascend, columns ascend within a row: codes come out sorted
        rows = np.repeat(np.arange(lo, lo + hits.shape[0], dtype=np.int64), np.diff(hits.indptr))
        out.append(rows * n_words + hits.indices)
    return np.concatenate(out) if out else np.zeros(0, dtype=np.int64)


def _coo(rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> "sparse.csr_matrix":
    """A 0/1 CSR matrix with ones at (rows[k], cols[k]) (repeats summed)."""
    from scipy import sparse

    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)


@dataclass(frozen=True)
class Credited:
    """For each pair of a `coverages` call, the keys of one side that earned a synonym's or
    variant's credit in the other (`matcher.same_claim`'s `partial`)."""

    pairs: np.ndarray  # the pair of each credited key, ascending
    key_ids: np.ndarray  # the key, as an id of `keys`
    keys: tuple  # key id -> key
    size: int  # how many pairs
    # per pair, how many of the side's names the other matches in no way (`matcher._carried`)
    names_missed: np.ndarray | None = None

    def any(self) -> np.ndarray:
        """Whether each pair has a credited key (bool per pair)."""
        out = np.zeros(self.size, dtype=bool)
        out[self.pairs] = True
        return out

    def of(self, indices) -> list[frozenset]:
        """The credited keys of each pair in `indices`."""
        idx = np.asarray(indices, dtype=np.int64)
        starts = np.searchsorted(self.pairs, idx, "left").tolist()
        ends = np.searchsorted(self.pairs, idx, "right").tolist()
        ids = self.key_ids.tolist()
        return [frozenset(self.keys[k] for k in ids[lo:hi]) if hi > lo else frozenset()
                for lo, hi in zip(starts, ends)]


def coverages(statements: Sequence[Statement], pairs,
              cancelled: CancelCheck = None) -> tuple[np.ndarray, np.ndarray, Credited, Credited]:
    """(cov_a, cov_b, part_a, part_b): for each pair (a, b), the share of a's weight that b
    carries and of b's that a carries, with the matcher's credits (exact key 1.0, synonym 0.9,
    spelling variant 0.8; `matcher.coverage`), up to float rounding; and the keys of a (of b)
    that earned a synonym's or variant's credit in the other, and how many of a's (b's) names
    the other matches in no way (`Credited`).
    Raises `Cancelled` between slices when `cancelled()` turns True."""
    if len(pairs) == 0:
        empty = np.zeros(0, dtype=np.int64)
        none = Credited(empty, empty, (), 0, empty)
        return np.zeros(0), np.zeros(0), none, none
    row_of, statements = distinct_wordings(statements)  # (a pair's coverages depend on its words alone)
    (key_ids, weights, word_ids, eligible, prefix_ids, named,
     indptr, keys, words, prefixes) = _entries(statements)
    n = len(statements)
    stmt_keys = CodeSet(distinct_sorted(np.repeat(np.arange(n, dtype=np.int64), np.diff(indptr)) * len(keys)
                                          + key_ids), n * len(keys))
    prefix_rows = [[prefixes[p] for p in st.prefixes if p in prefixes] for st in statements]
    stmt_prefixes = CodeSet(_codes(prefix_rows, len(prefixes)), n * len(prefixes))
    check(cancelled)
    syn_hits = CodeSet(_synonym_hits(statements, words), n * len(words))
    english = np.fromiter((st.language == "en" for st in statements), dtype=bool, count=n)
    total = np.fromiter((st.weight for st in statements), dtype=np.float64, count=n)
    arr = row_of[np.asarray(pairs, dtype=np.int64).reshape(-1, 2)]
    out, parts = [], []
    key_list = tuple(keys)
    for src, dst in ((arr[:, 0], arr[:, 1]), (arr[:, 1], arr[:, 0])):
        got = np.zeros(len(arr))
        missed = np.zeros(len(arr), dtype=np.int64)
        credited_pairs, credited_keys = [], []
        for lo in range(0, len(arr), _COVERED_PAIRS):  # bounded temporary arrays
            check(cancelled)
            s, d = src[lo:lo + _COVERED_PAIRS], dst[lo:lo + _COVERED_PAIRS]
            counts = indptr[s + 1] - indptr[s]
            pair_of = np.repeat(np.arange(len(s), dtype=np.int64), counts)
            entry = run_positions(indptr[s], counts)
            other = d[pair_of]
            exact = stmt_keys.has(other * len(keys) + key_ids[entry])
            both_en = english[s][pair_of] & english[other]
            # Each later test only probes the entries the earlier ones left open.
            syn = syn_hits.has_where(~exact & eligible[entry] & both_en, other * len(words) + word_ids[entry])
            pid = prefix_ids[entry]
            pre = stmt_prefixes.has_where(~exact & ~syn & (pid >= 0), other * len(prefixes) + pid)
            credit = np.where(exact, 1.0, np.where(syn, SYNONYM_CREDIT, np.where(pre, PREFIX_CREDIT, 0.0)))
            got[lo:lo + _COVERED_PAIRS] = np.bincount(pair_of, weights=weights[entry] * credit,
                                                      minlength=len(s))
            missed[lo:lo + _COVERED_PAIRS] = np.bincount(pair_of, weights=named[entry] & (credit == 0),
                                                         minlength=len(s))
            hit = np.flatnonzero(syn | pre)
            credited_pairs.append(lo + pair_of[hit])
            credited_keys.append(key_ids[entry[hit]])
        with np.errstate(divide="ignore", invalid="ignore"):
            out.append(np.where(total[src] > 0, got / np.where(total[src] > 0, total[src], 1.0), 0.0))
        parts.append(Credited(np.concatenate(credited_pairs), np.concatenate(credited_keys), key_list,
                              len(arr), missed))
    return out[0], out[1], parts[0], parts[1]
