"""Small dialogs: the keyboard shortcuts sheet and About."""

from __future__ import annotations

import platform
from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from viewer import __version__
from viewer.core.review.recovery import recovery_path
from viewer.core.util.bundled import is_frozen
from viewer.core.util.licences import COMPONENTS

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
        _lay_out_with_close(self, self.table, 560, 520)


def _lay_out_with_close(dialog: QDialog, content: QWidget, width: int, height: int) -> None:
    """`content` above a Close button that rejects `dialog`, at a starting size."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    lay = QVBoxLayout(dialog)
    lay.addWidget(content)
    lay.addWidget(buttons)
    dialog.resize(width, height)


def about_html(settings_file: str, autosave_file: str) -> str:
    """The About text: version, what runs it, bundled components and their licences, and where
    settings and the autosave live."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    how = "standalone bundle" if is_frozen() else f"Python {platform.python_version()}"
    rows = "".join(f"<tr><td>{escape(c.name)}</td><td>{escape(c.licence)}</td>"
                   f"<td>{escape(c.role)}</td></tr>" for c in COMPONENTS)
    return f"""<h3>Copydesk {__version__}</h3>
<p>Compare articles side by side: word-level differences, the claims they share and the claims
unique to each, reuse and spin. Copydesk is MIT-licensed; it works offline and never alters the
files it opens.</p>
<p>Running as: {how} · Qt {qVersion()} · PySide6 {pyside_version}</p>
<p><b>Settings</b>: {escape(settings_file)}<br>
<b>Autosave</b> (offered back after a crash): {escape(autosave_file)}</p>
<p><b>Bundled components and their licences</b> (the licence texts are in each component's
<i>.dist-info</i> folder, in the standalone bundle under <i>_internal</i>; the WordNet licence
heads the synonym table):</p>
<table cellspacing="0" cellpadding="2"><tr><th align="left">Component</th>
<th align="left">Licence</th><th align="left">Used for</th></tr>{rows}</table>"""


class AboutDialog(QDialog):
    """Help ▸ About Copydesk: version, licences of the bundled components, where files live."""

    def __init__(self, settings_file: str, autosave_file: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("About Copydesk")
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(about_html(settings_file, autosave_file))
        self.text.setAccessibleName("About Copydesk")
        _lay_out_with_close(self, self.text, 680, 600)


def show_about(parent) -> None:
    """Help ▸ About Copydesk, for the main window `parent`."""
    AboutDialog(parent.settings.fileName(), str(recovery_path(parent.session.dir)), parent).exec()
