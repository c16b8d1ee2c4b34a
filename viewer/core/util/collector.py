"""Python's cyclic garbage collector paused while an analysis runs.

An analysis allocates hundreds of thousands of small containers (statements and their key dicts,
frozensets, tuples, runs) that live until it ends; the collector's generational passes keep
traversing them without finding garbage: about 1 s of the 9 s that two 100,000-word texts take
(`bench/scale_bench.py`), and in the window a full collection held the GIL (and froze the GUI)
for seconds. Reference counting frees everything as usual while the collector is paused;
reference cycles made meanwhile wait for its next pass once the last paused analysis has ended.
Analyses may overlap (threads, a dropped one finishing beside a new one): the collector runs
again when the last one ends, and only if it was running when the first one began.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from functools import wraps
from typing import Callable, Iterator, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_depth = 0  # paused analyses running
_resume = False  # the collector ran when the first of them began
_freeze = False  # one of them asked for what is alive at the end to be frozen


@contextmanager
def collector_paused(freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector inside the `with` block (see the module docstring).

    `freeze`: when the last paused analysis ends, move every object then alive out of later
    collections (`gc.freeze`): the window keeps an analysis' results for long, and later passes
    need not scan them again."""
    global _depth, _resume, _freeze
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
            _freeze = _freeze or freeze
            if _depth == 0:
                if _freeze:
                    gc.freeze()
                    _freeze = False
                if _resume:
                    gc.enable()


def paused(fn: Callable[P, R]) -> Callable[P, R]:
    """`fn` run inside `collector_paused()`."""
    @wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with collector_paused():
            return fn(*args, **kwargs)
    return run
