"""A small process pool for CPU-heavy batches, with an in-process fallback.

Two 'spawn' workers (no fork of a process that may hold Qt threads); results come
back in submission order so output never depends on timing; if processes cannot
start or the pool breaks, the remaining work runs in-process. Callers that start
it from a script need the usual `if __name__ == "__main__":` guard.
"""

from __future__ import annotations

import os

from ..util.cancel import CancelCheck, check


class _NoPool:
    """The in-process stand-in for a pool."""

    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def process_pool(items: int, min_items: int):
    """A context giving a two-process pool for `items` work items, or None (in-process)
    when there are fewer than `min_items` of them, one core, or processes cannot start."""
    workers = min(2, os.cpu_count() or 1)
    if items < min_items or workers < 2:
        return _NoPool()
    try:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        return ProcessPool(ProcessPoolExecutor(max_workers=workers, initializer=_worker_start,
                                               mp_context=multiprocessing.get_context("spawn")))
    except (OSError, ImportError, ValueError, RuntimeError, NotImplementedError):
        return _NoPool()


def _worker_start() -> None:
    """A worker lives for one batch of analyses: the cyclic garbage collector stays paused in it
    (`util.collector`: its passes only slow the analyses down)."""
    import gc

    gc.disable()


class ProcessPool:
    """A ProcessPoolExecutor that is always shut down on leaving (pending work cancelled)."""

    def __init__(self, executor):
        self.executor = executor
        self.broken = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.executor.shutdown(wait=True, cancel_futures=True)
        return False


def in_chunks(pool: "ProcessPool | None", work, chunks: list, cancelled: CancelCheck):
    """`work(chunk)` for each of `chunks`, in order.

    Runs in `pool` when given and working, else in-process; if the pool cannot
    start processes or breaks, the chunks not yet done are redone in-process.
    An error raised by `work` itself is raised here as it would be in-process.
    """
    from concurrent.futures.process import BrokenProcessPool
    futures = None
    if pool is not None and not pool.broken and len(chunks) > 1:
        try:
            futures = [pool.executor.submit(work, chunk) for chunk in chunks]
        except (OSError, RuntimeError, BrokenProcessPool):  # cannot start: work in-process
            pool.broken = True
    for n, chunk in enumerate(chunks):
        check(cancelled)
        if futures is not None and not pool.broken:
            try:
                yield futures[n].result()
                continue
            except (BrokenProcessPool, OSError, EOFError):
                pool.broken = True
                for f in futures:
                    f.cancel()
        yield work(chunk)
