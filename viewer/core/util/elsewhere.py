"""One call run in a second process while the caller goes on, so long work uses both cores.

`Elsewhere(fn, *args)` starts `fn(*args)` in a 'spawn' process (never a fork of a process that
may hold Qt threads); `result(cancelled)` waits for its value, checking `cancelled()` every
few hundredths of a second. A cancel ends the process at once. Whatever goes wrong elsewhere
(no process can start, it dies, `fn` raises, its value cannot travel back) is not reported:
`result` returns None and the caller does the work itself, so the answer never depends on
where it was computed. `fn` must be a module-level function and its arguments and value
picklable, and its value never None. Scripts that start one need the usual
`if __name__ == "__main__":` guard.
"""

from __future__ import annotations

from .cancel import CancelCheck, check

_POLL = 0.03  # seconds between checks of `cancelled` while waiting


def _run(send, fn, args) -> None:
    try:
        value = fn(*args)
    except BaseException:  # noqa: BLE001 - the caller redoes the work in its own process
        send.send((False, None))
        return
    try:
        send.send((True, value))
    except Exception:  # noqa: BLE001 - a value that cannot be pickled: the caller redoes it
        send.send((False, None))


class Elsewhere:
    """`fn(*args)` running in a second process (see the module docstring)."""

    def __init__(self, fn, *args) -> None:
        self._proc = self._recv = None
        try:
            import multiprocessing
            context = multiprocessing.get_context("spawn")
            self._recv, send = context.Pipe(duplex=False)
            self._proc = context.Process(target=_run, args=(send, fn, args), daemon=True,
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
            while not self._recv.poll(_POLL):
                check(cancelled)
                if not self._proc.is_alive() and not self._recv.poll(0):
                    return None
            ok, value = self._recv.recv()
            return value if ok else None
        except (EOFError, OSError):
            return None
        finally:
            self.stop()

    def stop(self) -> None:
        """End the process (if still running) and free its pipe."""
        proc, self._proc = self._proc, None
        if proc is not None and proc.pid is not None:  # started
            if proc.is_alive():
                proc.terminate()
            proc.join(1.0)
        if self._recv is not None:
            self._recv.close()
            self._recv = None
