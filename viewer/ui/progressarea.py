"""The status bar's parts: the counts of the focused pair, and progress with Cancel.

Progress shows only for work that lasts longer than half a second, so quick
analyses never flash a bar.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

PROGRESS_DELAY_MS = 500


class ProgressArea(QObject):
    """Counts label plus "Analysing… [bar] [Cancel]" tied to an AnalysisRunner."""

    def __init__(self, bar: QStatusBar, runner, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.status = QLabel()
        self.status.setObjectName("StatusCounts")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Analysis progress")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the analysis (Esc)")
        self.cancel_button.clicked.connect(runner.cancel)
        self.busy_label = QLabel("Analysing…")
        bar.addWidget(self.status, 1)
        for w in self._busy_widgets():
            bar.addPermanentWidget(w)
            w.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show)
        runner.busy_changed.connect(self._on_busy)
        runner.progressed.connect(self._on_progress)
        runner.stopped.connect(lambda: self.status.setText("Analysis cancelled."))

    def _busy_widgets(self):
        return (self.busy_label, self.progress, self.cancel_button)

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self._timer.start(PROGRESS_DELAY_MS)
        else:
            self._timer.stop()
            for w in self._busy_widgets():
                w.hide()

    def _show(self) -> None:
        if self.runner.is_busy():
            self.progress.setRange(0, 0)
            for w in self._busy_widgets():
                w.show()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
