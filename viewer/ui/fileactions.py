"""The window's file actions: open, triage, sessions, reports, paste, drag and drop.

A mixin of `MainWindow`: these methods use its sources, comparison, session and
error bar, and keep the main module about panes and analysis.
"""

from __future__ import annotations

import os
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from viewer.core.formats.loaders import SUPPORTED_SUFFIXES, LoadError, folder_paths
from viewer.core.report.export import export, to_html

from .pdfexport import print_report, write_pdf
from .sessions import SESSION_FILTER
from .settings import recent_files

if TYPE_CHECKING:
    from .triagewindow import TriageWindow

MANY_SIDE_BY_SIDE = 12  # articles; a larger folder is offered to triage instead

OPEN_FILTER = ("Articles (" + " ".join(f"*{x}" for x in SUPPORTED_SUFFIXES) + ");;"
               "Text (*.txt *.text *.md);;Web pages (*.html *.htm);;Documents (*.docx *.odt *.rtf *.pdf);;"
               "Wire XML (*.xml *.nitf);;"
               "All files (*)")


class FileActionsMixin:
    """File menu, drag and drop and clipboard for the main window."""

    def action_open_files(self) -> None:
        """File ▸ Open: choose one or more articles."""
        start = os.path.dirname(recent_files(self.settings)[0]) if recent_files(self.settings) else ""
        paths, _ = QFileDialog.getOpenFileNames(self, "Open Articles", start, OPEN_FILTER)
        if paths:
            self.open_paths(paths, remember=True)

    def action_choose_folder(self) -> None:
        """File ▸ Open Folder: every supported file in a folder."""
        folder = QFileDialog.getExistingDirectory(self, "Open Folder")
        if folder:
            self.open_folder(folder)

    def open_folder(self, folder: str) -> None:
        """Add every supported file of a folder (not its sub-folders). A folder of more than
        MANY_SIDE_BY_SIDE articles is offered to triage instead (every pair side by side is slow
        and too wide to read)."""
        try:
            count = len(folder_paths(folder))
        except LoadError:
            count = 0  # opening it says why it cannot be read
        choice = self.choose_for_big_folder(count) if count > MANY_SIDE_BY_SIDE else "open"
        if choice == "triage":
            self.triage(folder)
        elif choice == "open":
            self.open_paths([folder], remember=True)

    def choose_for_big_folder(self, count: int) -> str | None:
        """Ask what to do with a folder of `count` articles: "triage", "open" (all side by
        side) or None (cancelled)."""
        box = QMessageBox(QMessageBox.Icon.Question, "Open Folder",
                          f"This folder holds {count} articles.", parent=self)
        box.setInformativeText(
            f"Side by side, Copydesk compares every pair ({count * (count - 1) // 2:,} pairs): slow, "
            "and too many panes to read. Triage groups the articles into stories and links each "
            "copy to its sources; open a story from there to compare it side by side.")
        triage = box.addButton("Triage Folder", QMessageBox.ButtonRole.AcceptRole)
        side = box.addButton("Open All Side by Side", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(triage)
        box.exec()
        clicked = box.clickedButton()
        return "triage" if clicked is triage else "open" if clicked is side else None

    def action_triage_folder(self) -> None:
        """File ▸ Triage Folder: group a folder's articles by event."""
        folder = QFileDialog.getExistingDirectory(self, "Triage Folder")
        if folder:
            self.triage(folder)

    def triage(self, folder: str) -> TriageWindow:
        """Open the triage window on a folder."""
        from .triagewindow import TriageWindow  # imported when needed: keeps numpy out of start-up

        win = TriageWindow(self)
        win.open_requested.connect(self.compare_only)
        win.show()
        win.start(folder)
        self._triage_windows = [w for w in getattr(self, "_triage_windows", []) if w.isVisible()]
        self._triage_windows.append(win)
        return win

    def compare_only(self, paths: list[str]) -> None:
        """Replace the open articles with these files."""
        self.runner.abandon()
        self.sources, self.focused = [], None
        self._wanted_order, self._wanted_base = [], None
        self.open_paths(paths, remember=True)
        self.raise_()
        self.activateWindow()

    def action_open_session_file(self) -> None:
        """File ▸ Open Session."""
        path, _ = QFileDialog.getOpenFileName(self, "Open Session", "", SESSION_FILTER)
        if path:
            self.session.open_path(path)

    def report_html(self) -> str | None:
        """The HTML report of the current comparison, with the review marks."""
        if self.comparison is None:
            return None
        return to_html(self.comparison, self.session.marks)

    def action_export_report(self) -> None:
        """File ▸ Export Report: HTML, PDF or JSON by the chosen file's extension."""
        if self.comparison is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, "Export Report", "copydesk-report.html",
            "HTML report (*.html);;PDF report (*.pdf);;JSON analysis (*.json)")
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> bool:
        """Write the report or analysis to `path`; a failure gets a clear message."""
        try:
            if path.lower().endswith(".pdf"):
                write_pdf(self.report_html(), path)
            else:
                export(self.comparison, path, marks=self.session.marks)
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.error_bar.add_messages([f"Could not export to {path}: {reason}."])
            return False
        self.announce(f"Exported to {path}.")
        return True

    def action_print_report(self) -> None:
        """File ▸ Print Report."""
        html = self.report_html()
        if html:
            print_report(html, self)

    def action_paste_article(self) -> None:
        """Add the clipboard's text as a new article."""
        self.add_text_article(QGuiApplication.clipboard().text())

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        items = recent_files(self.settings)
        for path in items:
            act = self.recent_menu.addAction(os.path.basename(path))
            act.setToolTip(path)
            act.triggered.connect(partial(self.open_paths, [path], True))
        self.recent_menu.setEnabled(bool(items))

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        md = event.mimeData()
        if md.hasUrls() or md.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        md = event.mimeData()
        paths = [u.toLocalFile() for u in md.urls() if u.isLocalFile()] if md.hasUrls() else []
        if paths:
            self.open_paths(paths, remember=True)
            event.acceptProposedAction()
        elif md.hasText():
            self.add_text_article(md.text(), None)
            event.acceptProposedAction()
