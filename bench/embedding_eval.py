"""Does a static word-piece embedding (distilled from all-MiniLM-L6-v2) help the claim matcher?

    python tools/distil_embeddings.py WHEEL /tmp/wordpiece_embedding.npz
    python bench/embedding_eval.py [/tmp/wordpiece_embedding.npz] [--dev-data ../shared/dev-data]

Prints, on the MSRP training pairs (read in place): the accuracy of the embedding's cosine alone
(best threshold, in-sample, so optimistic), then the matcher's 10-fold cross-validated accuracy
without and with the cosine as one more feature, plain mean and IDF-weighted mean of the pieces.
A text's vector is the mean of its word pieces' vectors, split as BERT's uncased tokenizer splits.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import unicodedata
from collections import Counter
from functools import lru_cache

import numpy as np
import regex

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import train_matcher as tm  # noqa: E402  (bench/, beside this file)

_MAX_WORD = 100
_SPLIT_RE = regex.compile(r"\p{L}[\p{L}\p{M}]*|\p{N}+|[^\s\p{L}\p{N}]")


class _Table:
    def __init__(self, path: str) -> None:
        data = np.load(path, allow_pickle=False)
        self.vectors = data["vectors"].astype(np.float32)
        self.index = {str(t): k for k, t in enumerate(data["tokens"])}
        self.unknown = self.index.get("[UNK]", 0)


_table: _Table | None = None


def _get() -> _Table:
    assert _table is not None, "load() the table first"
    return _table


def load(path: str) -> None:
    """Load the table tools/distil_embeddings.py wrote."""
    global _table
    _table = _Table(path)


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


@lru_cache(maxsize=65536)
def _pieces(word: str) -> tuple[int, ...]:
    """Word-piece ids of one lower-cased word (greedy longest match, "##" continuations)."""
    table = _get()
    if len(word) > _MAX_WORD:
        return (table.unknown,)
    out, start = [], 0
    while start < len(word):
        end, found = len(word), None
        while start < end:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in table.index:
                found = table.index[piece]
                break
            end -= 1
        if found is None:
            return (table.unknown,)
        out.append(found)
        start = end
    return tuple(out)


def piece_ids(text: str) -> list[int]:
    """The word-piece ids of `text`, as the model's uncased tokenizer gives them."""
    ids: list[int] = []
    for word in _SPLIT_RE.findall(_strip_accents(text.lower())):
        ids.extend(_pieces(word))
    return ids


def text_vector(text: str) -> np.ndarray:
    """Unit-length vector of `text` (zeros for a text without word pieces)."""
    ids = piece_ids(text)
    table = _get()
    if not ids:
        return np.zeros(table.vectors.shape[1], dtype=np.float32)
    v = table.vectors[ids].mean(0)
    n = float(np.linalg.norm(v))
    return v / n if n else v


def idf_vector(text: str, df: Counter, n: int) -> np.ndarray:
    """Unit-length IDF-weighted mean of `text`'s piece vectors (`df`: piece -> texts holding it)."""
    ids = piece_ids(text)
    if not ids:
        return np.zeros(_get().vectors.shape[1], dtype=np.float32)
    w = np.array([math.log(n / (1 + df[i])) for i in ids], dtype=np.float32)
    v = (_get().vectors[ids] * w[:, None]).sum(0)
    norm = float(np.linalg.norm(v))
    return v / norm if norm else v


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("table", nargs="?", default="/tmp/wordpiece_embedding.npz")
    parser.add_argument("--dev-data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared",
                                                           "dev-data"))
    args = parser.parse_args()
    load(args.table)
    pairs = tm.msrp_pairs(args.dev_data)
    ys = [p[0] for p in pairs]
    y = np.array(ys)
    xs, inside = tm.features_of(pairs)
    print(f"MSRP train pairs: {len(pairs)}; lexical matcher, 10-fold CV: model {tm.cross_validate(xs, ys):.1%}, "
          f"same_claim {tm.cross_validate(xs, ys, inside):.1%}")
    df = Counter()
    for _, a, b in pairs:
        df.update(set(piece_ids(a)))
        df.update(set(piece_ids(b)))
    n = 2 * len(pairs)
    for name, vec in (("mean", text_vector), ("IDF-weighted mean", lambda t: idf_vector(t, df, n))):
        cos = np.array([float(vec(a) @ vec(b)) for _, a, b in pairs])
        alone = max(((cos >= t) == y).mean() for t in np.linspace(0.3, 0.99, 140))
        xs2 = [tuple(x) + (c,) for x, c in zip(xs, cos)]
        print(f"  {name}: cosine alone {alone:.1%} (best threshold, in-sample); matcher + cosine, "
              f"10-fold CV: model {tm.cross_validate(xs2, ys):.1%}, same_claim "
              f"{tm.cross_validate(xs2, ys, inside):.1%}")


if __name__ == "__main__":
    main()
