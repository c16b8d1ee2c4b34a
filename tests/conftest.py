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
    from viewer.core.loaders import seed_paths
    paths = seed_paths()
    assert len(paths) >= 2
    return [str(p) for p in paths]
