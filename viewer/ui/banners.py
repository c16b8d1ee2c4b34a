"""Plain-spoken window states: the dismissible error bar, the empty view and the first-run hint."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from .highlight import ADDED, CHANGED_NEW, CONFLICT_COLOUR, DROPPED, MOVED, RUN, SWAP, legend_css
from .settings import read_bool


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
    """What the window shows with no articles: a drop target saying what to do, or, while the
    first articles are read and compared, how many are on their way."""

    IDLE = ("No articles open.\n\nDrop text files here, use File ▸ Open (Ctrl+O),\n"
            "or paste text as a new article (Ctrl+Shift+V).")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("EmptyState")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.show_opening(0)

    def show_opening(self, count: int) -> None:
        """Say that `count` articles are being opened (the status bar shows the progress);
        with 0, the drop target again."""
        self.setText(self.IDLE if count <= 0 else
                     f"Opening {count} article{'s' if count != 1 else ''}…\n\n"
                     "They appear when they have been read and compared (Esc cancels).")


FIRST_RUN_KEY = "hints/first_run_dismissed"


def _swatch(kind: str, label: str, dark: bool) -> str:
    """One highlight kind as the toolbar's legend shows it, in rich text."""
    return f'<span style="{legend_css(kind, dark)}">&nbsp;{label}&nbsp;</span>'


def first_run_html(dark: bool = False) -> str:
    """The first-run hint: how to bring articles in, and what the marks and colours mean
    (the marks in the colours of the light or dark appearance)."""
    marks = " · ".join(f"{_swatch(kind, label, dark)} {what}" for kind, label, what in (
        (ADDED, "added", "words the article adds"),
        (DROPPED, "dropped", "words it drops (shown in the base pane)"),
        (CHANGED_NEW, "changed", "worded differently"),
        (SWAP, "swap", "a synonym swap of a spun copy"),
        (MOVED, "moved", "a passage found elsewhere (click it)"),
        (RUN, "verbatim run", "copied word for word (Reuse view)")))
    return (
        "<b>Welcome to Copydesk.</b> Bring articles in with <b>File ▸ Open</b> (Ctrl+O) or a whole "
        "folder (Ctrl+Shift+O), <b>paste</b> text as a new article (Ctrl+Shift+V), or <b>drop</b> "
        "files or text on the window. Started without files, Copydesk shows its sample articles."
        "<br>One article is the <b>base</b> (the Base box, or Ctrl+B); every other one is marked "
        f"against it: {marks} · <span style=\"color:{CONFLICT_COLOUR}; text-decoration: underline;\">"
        "conflict</span> a value that disagrees (wavy underline). Each article keeps its letter and "
        "colour in the headers, the claims sidebar and the similarity matrix.")


class FirstRunHint(QFrame):
    """A hint for a new user, shown until they dismiss it for good (stored in the settings)."""

    dismissed = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("FirstRunHint")
        self.settings = settings
        self.label = QLabel(first_run_html())
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAccessibleName("First-run hint")
        self.button = QPushButton("Got it, don't show again")
        self.button.setAccessibleName("Dismiss the first-run hint for good")
        self.button.clicked.connect(self.dismiss)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 8, 8, 8)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.setVisible(not read_bool(settings, FIRST_RUN_KEY, False))

    def set_dark(self, dark: bool) -> None:
        """Show the marks in the colours of the dark (or light) appearance."""
        self.label.setText(first_run_html(dark))

    def dismiss(self) -> None:
        """Hide the hint and remember not to show it again."""
        self.settings.setValue(FIRST_RUN_KEY, True)
        self.settings.sync()
        self.hide()
        self.dismissed.emit()
