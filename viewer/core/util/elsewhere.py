"""One call run in a second process while the caller goes on, so long work uses both cores.

`Elsewhere(fn, *args)` starts `fn(*args)` in a fresh 'spawn' process (never a fork of a process
that may hold Qt threads); `result(cancelled)` waits for its value, checking `cancelled()` every
few hundredths of a second. A cancel ends the process at once. Whatever goes wrong elsewhere
(no process can start, it dies, `fn` raises, its value cannot travel back) is not reported:
`result` returns None and the caller does the work itself, so the answer never depends on
where it was computed. `fn` must be a module-level function and its arguments and value
picklable, and its value never None. Scripts that start one need the usual
`if __name__ == "__main__":` guard.

A fresh process costs about a second before it can work (a new interpreter, the analysis
imported, the data files loaded), which only long texts cover. A `Standby` is one such process
started ahead of time (`start`; the analysis keeps one, `comparison.STANDBY`, that the app
starts once its window is up) and kept waiting: `submit(fn, *args)` hands it a call when it is
ready and idle and returns a job with the same `result` and `stop` as `Elsewhere`, or None (not
started, still loading, busy). A cancel, a job given up before its value came, or a failure
ends that process; the next `submit` starts a new one (unless one died before it was ready:
then none is started again).
"""

from __future__ import annotations

import threading

from .cancel import CancelCheck, Cancelled, check

_POLL = 0.03  # seconds between checks of `cancelled` while waiting
_READY = "ready"


def _call(send, fn, args) -> None:
    """Send (True, fn(*args)), or (False, None) when it raises or its value cannot be sent."""
    try:
        value = fn(*args)
    except BaseException:  # noqa: BLE001 - the caller redoes the work in its own process
        send.send((False, None))
        return
    try:
        send.send((True, value))
    except Exception:  # noqa: BLE001 - a value that cannot be pickled: the caller redoes it
        send.send((False, None))


def _wait(recv, proc, cancelled: CancelCheck):
    """(ok, value) from `recv` once it comes; None when `proc` died first or the pipe broke.
    Raises `Cancelled` when `cancelled()` turns True while waiting."""
    try:
        while not recv.poll(_POLL):
            check(cancelled)
            if not proc.is_alive() and not recv.poll(0):
                return None
        return recv.recv()
    except (EOFError, OSError):
        return None


def _end(proc, conn) -> None:
    """End `proc` (if started and still running) and close `conn`."""
    if proc is not None and proc.pid is not None:
        if proc.is_alive():
            proc.terminate()
        proc.join(1.0)
    if conn is not None:
        conn.close()


class Elsewhere:
    """`fn(*args)` running in a fresh second process (see the module docstring)."""

    def __init__(self, fn, *args) -> None:
        self._proc = self._recv = None
        try:
            import multiprocessing
            context = multiprocessing.get_context("spawn")
            self._recv, send = context.Pipe(duplex=False)
            self._proc = context.Process(target=_call, args=(send, fn, args), daemon=True,
                                         name="copydesk-elsewhere")
            self._proc.start()
            send.close()
        except Exception:  # noqa: BLE001 - no process (or `fn` cannot be sent): the caller works alone
            self.stop()

    def result(self, cancelled: CancelCheck = None):
        """`fn(*args)`'s value, or None when it could not be had elsewhere. Raises `Cancelled`
        (ending the process) when `cancelled()` turns True while waiting."""
        if self._proc is None:
            return None
        try:
            got = _wait(self._recv, self._proc, cancelled)
            return got[1] if got is not None and got[0] else None
        finally:
            self.stop()

    def stop(self) -> None:
        """End the process (if still running) and free its pipe."""
        proc, self._proc = self._proc, None
        recv, self._recv = self._recv, None
        _end(proc, recv)


def _serve(conn, warm) -> None:
    """The standby process: run `warm`, say ready, then answer one call at a time until told
    to stop."""
    try:
        if warm is not None:
            warm()
    except Exception:  # noqa: BLE001 - a colder process still gives the same answers
        pass
    try:
        conn.send(_READY)
        while (message := conn.recv()) is not None:
            _call(conn, *message)
    except (EOFError, OSError):  # the app is gone
        pass


class Standby:
    """A second process started ahead of time and kept for calls (see the module docstring)."""

    def __init__(self, warm=None) -> None:
        self._warm = warm  # a module-level function the process runs before it is ready
        self._lock = threading.Lock()
        self._proc = self._conn = None
        self._ready = self._busy = self._wanted = False

    def start(self) -> None:
        """Start the process now (it loads in the background); nothing if it is running."""
        with self._lock:
            self._wanted = True
            if self._proc is None:
                self._spawn()

    def stop(self) -> None:
        """End the process; `submit` no longer starts one until `start` is called again."""
        with self._lock:
            self._wanted = False
            self._end()

    def ready(self) -> bool:
        """True when the process has loaded and is idle."""
        with self._lock:
            return self._idle()

    def submit(self, fn, *args) -> _StandbyJob | None:
        """A job running `fn(*args)` in the process, or None when it is not ready and idle (a
        process that ended is started again, for the next call, when `start` was called)."""
        with self._lock:
            if self._proc is None and self._wanted:
                self._spawn()
            if not self._idle():
                return None
            try:
                self._conn.send((fn, args))  # pickled before anything is written
            except Exception:  # noqa: BLE001 - cannot be sent (a dead process: the next `_idle` ends it)
                return None
            self._busy = True
            return _StandbyJob(self, self._proc, self._conn)

    def _idle(self) -> bool:
        if self._proc is None or self._busy:
            return False
        try:
            if not self._ready and self._conn.poll(0):
                self._ready = self._conn.recv() == _READY
        except (EOFError, OSError):
            self._ready = False
        if not self._proc.is_alive():
            if not self._ready:  # died loading (e.g. a script without the __main__ guard):
                self._wanted = False  # a new one would too
            self._end()
            return False
        return self._ready

    def _spawn(self) -> None:
        try:
            import multiprocessing
            context = multiprocessing.get_context("spawn")
            self._conn, child = context.Pipe(duplex=True)
            self._proc = context.Process(target=_serve, args=(child, self._warm), daemon=True,
                                         name="copydesk-standby")
            self._proc.start()
            child.close()
        except Exception:  # noqa: BLE001 - no process: every call stays in the caller's process
            self._end()

    def _end(self) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        self._ready = self._busy = False
        _end(proc, conn)

    def _finished(self, proc, ok: bool) -> None:
        """The job on `proc` is over: idle again when it ended well, else the process ends."""
        with self._lock:
            if proc is not self._proc:
                return
            if ok:
                self._busy = False
            else:
                self._end()


class _StandbyJob:
    """One call running in the standby process."""

    def __init__(self, owner: Standby, proc, conn) -> None:
        self._owner, self._proc, self._conn = owner, proc, conn
        self._over = False

    def result(self, cancelled: CancelCheck = None):
        """The call's value, or None when it could not be had there. Raises `Cancelled` (ending
        the process) when `cancelled()` turns True while waiting."""
        if self._over:
            return None
        try:
            got = _wait(self._conn, self._proc, cancelled)
        except Cancelled:
            self._close(False)
            raise
        self._close(got is not None)
        return got[1] if got is not None and got[0] else None

    def stop(self) -> None:
        """Give the job up: a call still running ends with its process."""
        self._close(False)

    def _close(self, ok: bool) -> None:
        if not self._over:
            self._over = True
            self._owner._finished(self._proc, ok)
