"""Shared fixtures. Qt runs offscreen; settings go to a temporary INI file."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402


@pytest.fixture
def seed_files():
    """Paths of the bundled sample articles."""
    from viewer.core.formats.loaders import seed_paths
    paths = seed_paths()
    assert len(paths) >= 2
    return [str(p) for p in paths]


@pytest.fixture
def prose():
    """prose(seed, words): made-up sentences over a 5,000-word vocabulary, so two
    texts share phrases only where one was copied from the other."""
    import random

    def make(seed: int, n_words: int) -> str:
        rng = random.Random(seed)
        vocab = [f"w{k}" for k in range(5000)]
        out, count = [], 0
        while count < n_words:
            length = rng.randint(8, 20)
            out.append(" ".join(rng.choice(vocab) for _ in range(length)).capitalize() + ".")
            count += length
        return " ".join(out)
    return make
