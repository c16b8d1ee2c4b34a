"""Run analysis off the GUI thread, with progress, cancel and staleness.

A job is a plain function `fn(progress, cancelled) -> result` from the core.
`AnalysisRunner.start` runs it in the thread pool and tags it with a
generation number; only the newest generation's result is delivered, so a
stale result is never drawn. Cancelling sets a flag the core checks between
steps (superqt's pattern: a QRunnable plus a QObject holding its signals) and
takes effect in the window at once: the job is dropped there and then, and
left to notice the flag on its own (a long step in C, such as one word diff
of two long unrelated texts, cannot be interrupted); a new job does not wait
for it.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from viewer.core.util.cancel import Cancelled
from viewer.core.util.collector import collector_paused

Job = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _Signals(QObject):
    progressed = Signal(int, int, int)  # generation, done, total
    finished = Signal(int, object)  # generation, result
    failed = Signal(int, str)  # generation, message
    cancelled = Signal(int)


class _Task(QRunnable):
    def __init__(self, generation: int, fn: Job, signals: _Signals, stop: threading.Event):
        super().__init__()
        self.setAutoDelete(True)
        self.generation, self.fn, self.signals, self.stop = generation, fn, signals, stop

    def run(self) -> None:
        gen = self.generation
        try:
            with collector_paused(freeze=True):  # results stay alive: later passes skip them
                result = self.fn(lambda done, total: self.signals.progressed.emit(gen, done, total),
                                 self.stop.is_set)
        except Cancelled:
            self.signals.cancelled.emit(gen)
        except Exception as exc:  # reported to the user, never crashes the app
            logging.getLogger("copydesk").exception("the analysis failed")
            self.signals.failed.emit(gen, f"internal error ({type(exc).__name__}); start "
                                          "Copydesk with --verbose for the details")
        else:
            if self.stop.is_set():
                self.signals.cancelled.emit(gen)
            else:
                self.signals.finished.emit(gen, result)


class AnalysisRunner(QObject):
    """Runs one analysis at a time; newer requests supersede older ones."""

    progressed = Signal(int, int)  # done, total
    result_ready = Signal(object)
    failed = Signal(str)
    stopped = Signal()  # cancelled by the user
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        # a second thread lets a new job start while a dropped one finishes its current step
        self._pool.setMaxThreadCount(2)
        self._signals = _Signals()
        self._signals.progressed.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.cancelled.connect(self._on_cancelled)
        self._generation = 0
        self._stop = threading.Event()
        self._busy = False

    def is_busy(self) -> bool:
        """True while the newest job has not delivered."""
        return self._busy

    def start(self, fn: Job) -> int:
        """Run `fn` in the background, superseding any job still running."""
        self._drop()
        self._pool.start(_Task(self._generation, fn, self._signals, self._stop))
        self._set_busy(True)
        return self._generation

    def cancel(self) -> None:
        """Stop the running job at the user's request: `stopped` is emitted at once,
        and nothing the job delivers later is passed on."""
        if self._busy:
            self.abandon()
            self.stopped.emit()

    def abandon(self) -> None:
        """Drop the running job without a word (the caller shows something else)."""
        self._drop()
        self._set_busy(False)

    def _drop(self) -> None:
        """Flag the current job to stop and move to a new generation."""
        self._stop.set()
        self._stop = threading.Event()
        self._generation += 1

    def wait(self, msecs: int = 5000) -> bool:
        """Cancel and wait for the pool to finish (at shutdown)."""
        self._stop.set()
        return self._pool.waitForDone(msecs)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _on_progress(self, gen: int, done: int, total: int) -> None:
        if gen == self._generation:
            self.progressed.emit(done, total)

    def _on_finished(self, gen: int, result: object) -> None:
        if gen == self._generation:
            self._set_busy(False)
            self.result_ready.emit(result)

    def _on_failed(self, gen: int, message: str) -> None:
        if gen == self._generation:
            self._set_busy(False)
            self.failed.emit(message)

    def _on_cancelled(self, gen: int) -> None:
        if gen == self._generation:
            self._set_busy(False)
            self.stopped.emit()
