"""Plain-spoken window states: the dismissible error bar and the empty view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class ErrorBar(QFrame):
    """A non-modal bar listing files that could not be opened, and why."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ErrorBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        close.setAccessibleName("Dismiss message")
        close.clicked.connect(self.dismiss)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 6, 6)
        lay.addWidget(self.label, 1)
        lay.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._messages: list[str] = []
        self.hide()

    @property
    def messages(self) -> list[str]:
        """The messages shown now."""
        return list(self._messages)

    def add_messages(self, messages: list[str]) -> None:
        """Show more messages (duplicates are shown once)."""
        for m in messages:
            if m not in self._messages:
                self._messages.append(m)
        if self._messages:
            self.label.setText("\n".join(self._messages))
            self.show()

    def dismiss(self) -> None:
        """Hide the bar and forget its messages."""
        self._messages = []
        self.hide()


class EmptyState(QLabel):
    """What the window shows with no articles: a drop target saying what to do."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("EmptyState")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setText("No articles open.\n\nDrop text files here, use File ▸ Open (Ctrl+O),\n"
                     "or paste text as a new article (Ctrl+Shift+V).")
