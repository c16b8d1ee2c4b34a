"""Python's cyclic garbage collector paused while an analysis runs.

An analysis allocates hundreds of thousands of small containers (statements and their key dicts,
frozensets, tuples, runs) that live until it ends; the collector's generational passes keep
traversing them without finding garbage: about 1 s of the 9 s that two 100,000-word texts take
(`bench/scale_bench.py`). Reference counting frees everything as usual while the collector is
paused; reference cycles made meanwhile wait for its next pass once the last paused analysis has
ended. Analyses may overlap (threads): the collector runs again when the last one ends, and only
if it was running when the first one began.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_depth = 0
_resume = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector inside the `with` block (see the module docstring)."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()
