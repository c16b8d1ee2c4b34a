"""Small numpy helpers the bulk steps share."""

from __future__ import annotations

import numpy as np


def run_positions(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The positions starts[k], starts[k] + 1, ..., starts[k] + counts[k] - 1 for every k, one run
    after the other (int64): how the bulk steps expand each item into the entries it owns."""
    counts = np.asarray(counts, dtype=np.int64)
    before = np.cumsum(counts) - counts  # where each run begins in the output
    return np.repeat(np.asarray(starts, dtype=np.int64) - before, counts) + np.arange(int(counts.sum()))
