"""Small dialogs: the keyboard shortcuts sheet and About."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QMessageBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from viewer import __version__

EXTRA_KEYS = (
    ("Focus article 1…9", "Ctrl+1 … Ctrl+9"),
    ("Next / previous claim in the sidebar", "Down / Up"),
    ("Jump to the selected claim", "Enter"),
    ("Next / previous find match", "F3 / Shift+F3 (Enter / Shift+Enter in the find field)"),
)


def action_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action that has a shortcut, in menu order."""
    rows = []
    for act in actions:
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in act.shortcuts())
        if keys:
            rows.append((act.text().replace("&", "").rstrip("…").strip(), keys))
    return rows


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard Shortcuts: every action and its keys."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        rows = action_rows(actions) + list(EXTRA_KEYS)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(["Action", "Keys"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName("Keyboard shortcuts")
        for r, (what, keys) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(what))
            self.table.setItem(r, 1, QTableWidgetItem(keys))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addWidget(buttons)
        self.resize(560, 520)


ABOUT_TEXT = f"""<h3>Copydesk {__version__}</h3>
<p>Compare articles side by side: word-level differences, the claims they share and the claims
unique to each, reuse and spin.</p>
<p><b>Bundled data and libraries</b></p>
<ul>
<li>WordNet 3.0 synonym table © 2006 Princeton University (WordNet licence: free to use, copy,
modify and distribute with this notice).</li>
<li>diff-match-patch © Google (Apache 2.0); Qt / PySide6 (LGPL v3); pysbd (MIT);
snowballstemmer (BSD); regex (Apache 2.0).</li>
</ul>"""


def show_about(parent: QWidget) -> None:
    """Help ▸ About Copydesk."""
    box = QMessageBox(parent)
    box.setWindowTitle("About Copydesk")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(ABOUT_TEXT)
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.exec()
