"""Find across all panes (Ctrl+F): every match highlighted, next/previous."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton


class FindBar(QFrame):
    """A slim bar under the toolbar; the window supplies the panes to search."""

    def __init__(self, panes_in_order, on_match, parent=None):
        super().__init__(parent)
        self.setObjectName("FindBar")
        self._panes_in_order = panes_in_order  # () -> list[ArticlePane]
        self._on_match = on_match  # (pane) -> None, to sync the other panes
        self.matches: list[tuple[object, tuple[int, int]]] = []
        self.current = -1
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Find in all articles")
        self.edit.setAccessibleName("Find in all articles")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.search)
        self.edit.returnPressed.connect(self.next_match)
        QShortcut(QKeySequence("Shift+Return"), self.edit, self.previous_match)
        self.count = QLabel()
        self.count.setMinimumWidth(90)
        prev_b, next_b, close_b = QToolButton(), QToolButton(), QToolButton()
        prev_b.setText("▲")
        prev_b.setToolTip("Previous match (Shift+F3)")
        prev_b.setAccessibleName("Previous match")
        next_b.setText("▼")
        next_b.setToolTip("Next match (F3)")
        next_b.setAccessibleName("Next match")
        close_b.setText("✕")
        close_b.setToolTip("Close (Esc)")
        close_b.setAccessibleName("Close find bar")
        for b in (prev_b, next_b, close_b):
            b.setAutoRaise(True)
        prev_b.clicked.connect(self.previous_match)
        next_b.clicked.connect(self.next_match)
        close_b.clicked.connect(self.close_bar)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.addWidget(QLabel("Find:"))
        lay.addWidget(self.edit, 1)
        lay.addWidget(prev_b)
        lay.addWidget(next_b)
        lay.addWidget(self.count)
        lay.addWidget(close_b)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar and focus the search field."""
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        self.search(self.edit.text())

    def close_bar(self) -> None:
        """Hide the bar and clear the highlights."""
        self.hide()
        for pane in self._panes_in_order():
            pane.set_find_matches([])

    def refresh(self) -> None:
        """The panes changed: search them again (or forget the old matches)."""
        if self.isVisible():
            self.search()
        else:
            self.matches, self.current = [], -1

    def search(self, needle: str | None = None) -> None:
        """Find every match in every pane, in pane order."""
        needle = self.edit.text() if needle is None else needle
        self.matches = []
        for pane in self._panes_in_order():
            found = pane.find_all(needle)
            self.matches.extend((pane, m) for m in found)
            pane.set_find_matches(found)
        self.current = -1
        self._show_count()

    def _show_count(self) -> None:
        if not self.edit.text():
            self.count.setText("")
        elif not self.matches:
            self.count.setText("no matches")
        elif self.current < 0:
            self.count.setText(f"{len(self.matches)} matches")
        else:
            self.count.setText(f"{self.current + 1} of {len(self.matches)}")
        self.count.setAccessibleDescription(self.count.text())

    def _go(self, step: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + step) % len(self.matches) if self.current >= 0 else \
            (0 if step > 0 else len(self.matches) - 1)
        pane, (s, e) = self.matches[self.current]
        for p in self._panes_in_order():
            found = [m for q, m in self.matches if q is p]
            p.set_find_matches(found, (s, e) if p is pane else None)
        pane.show_qt_range(s, e)
        self._on_match(pane)
        self._show_count()

    def next_match(self) -> None:
        """Go to the next match (wraps around)."""
        self._go(1)

    def previous_match(self) -> None:
        """Go to the previous match (wraps around)."""
        self._go(-1)
