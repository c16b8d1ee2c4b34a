"""The triage window: a folder of wire copy and stories grouped by event, with who copied whom.

Stories are rows (title, size, earliest file, derived copies), expandable to
their articles and source links. The run happens in a worker with progress
and Cancel; two or more selected articles open in the comparison view.
"""

from __future__ import annotations

import os
import re
import time

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.core.report.triagereport import verbatim_words
from viewer.core.reuse.relation import LABEL_TEXT, PARTIALLY, WHOLLY
from viewer.core.reuse.spin import SPUN_SCORE
from viewer.core.triage.folder import TriageResult, triage_folder

from .workers import AnalysisRunner

PathRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2  # "story" or "article"
LabelsRole = Qt.ItemDataRole.UserRole + 3  # labels and spin flags below a story, for filtering
SortRole = Qt.ItemDataRole.UserRole + 4

FILTERS = (("All stories", None), ("With wholly derived copies", WHOLLY),
           ("With partially derived copies", PARTIALLY), ("With spun copies", "spun"))
COLUMNS = ("Story / article", "Articles", "Earliest file", "Derived copies", "Source")


def _when(ts: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts)) if ts else "—"


def _natural(ident: str) -> str:
    """A sort key that puts "S2" before "S10" (numbers zero-padded)."""
    return re.sub(r"\d+", lambda m: m.group().zfill(9), ident)


def _item(text: str, sort=None) -> QStandardItem:
    it = QStandardItem(text)
    it.setEditable(False)
    it.setData(sort if sort is not None else text, SortRole)
    return it


def build_model(result: TriageResult) -> QStandardItemModel:
    """Stories as rows with their articles (and each article's source links) as children."""
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(list(COLUMNS))
    for story in result.stories:
        arts = [result.article(a) for a in story.articles]
        sources: dict[str, list] = {}
        for link in story.links:
            sources.setdefault(link.derived, []).append(link)
        flags = {link.label for link in story.links}
        if any((link.spin or 0) >= SPUN_SCORE for link in story.links):
            flags.add("spun")
        earliest = min((a.modified for a in arts if a.modified), default=None)
        title = arts[0].title if arts else story.id
        # The story is named after its original: the first article with no source of its own.
        for a in arts:
            if a.id not in sources:
                title = a.title
                break
        row = [_item(f"{story.id}  {title}", _natural(story.id)), _item(str(len(arts)), len(arts)),
               _item(_when(earliest), earliest or 0), _item(str(story.derived_count), story.derived_count),
               _item("")]
        row[0].setData("story", KindRole)
        row[0].setData(" ".join(sorted(flags)), LabelsRole)
        row[0].setToolTip(f"{len(arts)} articles about one event; {story.derived_count} derived copies")
        for a in arts:
            links = sources.get(a.id, [])
            src = "; ".join(f"{ln.source} ({LABEL_TEXT.get(ln.label, ln.label)}, "
                            f"{verbatim_words(ln.verbatim)}"
                            + (", spun" if (ln.spin or 0) >= SPUN_SCORE else "") + ")" for ln in links)
            child = [_item(f"{a.id}  {a.title}", _natural(a.id)), _item(f"{a.words} words", a.words),
                     _item(_when(a.modified), a.modified or 0), _item(""), _item(src or "original")]
            child[0].setData("article", KindRole)
            child[0].setData(a.path, PathRole)
            child[0].setToolTip(a.path or a.title)
            row[0].appendRow(child)
        model.appendRow(row)
    return model


class TriageFilter(QSortFilterProxyModel):
    """Keeps stories with a chosen kind of copy and matching text; sorts by real values."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setRecursiveFilteringEnabled(False)
        self.flag: str | None = None

    def set_flag(self, flag: str | None) -> None:
        """Only stories carrying this label (or "spun"); None shows all."""
        self.flag = flag
        self.invalidate()

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802 - Qt override
        if parent.isValid():
            return True  # articles follow their story
        idx = self.sourceModel().index(row, 0, parent)
        if self.flag and self.flag not in (idx.data(LabelsRole) or "").split():
            return False
        needle = self.filterRegularExpression().pattern()
        if not needle:
            return True
        texts = [idx.data() or ""] + [self.sourceModel().index(k, 0, idx).data() or ""
                                      for k in range(self.sourceModel().rowCount(idx))]
        return any(needle.lower() in t.lower() for t in texts)


class TriageWindow(QDialog):
    """Group a folder by event and open chosen articles for comparison."""

    open_requested = Signal(list)  # paths

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Triage — Copydesk")
        self.setModal(False)
        self.resize(1000, 640)
        self.result: TriageResult | None = None
        self.runner = AnalysisRunner(self)
        self.runner.result_ready.connect(self._on_result)
        self.runner.failed.connect(lambda msg: self.status.setText(f"Triage failed: {msg}"))
        self.runner.stopped.connect(lambda: self._done("Triage cancelled."))
        self.runner.progressed.connect(self._on_progress)
        self.filter_box = QComboBox()
        for label, flag in FILTERS:
            self.filter_box.addItem(label, flag)
        self.filter_box.setAccessibleName("Show stories")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by title")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Filter stories by title")
        self.proxy = TriageFilter(self)
        self.proxy.setSourceModel(QStandardItemModel())
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # S1 (the largest story) first
        self.view.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setAccessibleName("Stories")
        # A story's articles show their word counts under its article count: fit them when shown.
        self.view.expanded.connect(self._fit_columns)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        self.filter_box.currentIndexChanged.connect(
            lambda _i: self.proxy.set_flag(self.filter_box.currentData()))
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.status = QLabel("Choose a folder to triage.")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.cancel_button.hide()
        self.open_button = QPushButton("Compare Selected")
        self.open_button.setToolTip("Open the selected articles (or a story's articles) side by side")
        self.open_button.clicked.connect(self.open_selected)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.open_selected)
        top = QHBoxLayout()
        top.addWidget(QLabel("Show:"))
        top.addWidget(self.filter_box)
        top.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.open_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        lay.addLayout(bottom)

    def start(self, folder: str) -> None:
        """Triage a folder in the background."""
        self.folder = folder
        self.status.setText(f"Reading and grouping {folder}…")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.runner.start(lambda progress, cancelled: triage_folder(
            folder, progress=progress, cancelled=cancelled))

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _done(self, text: str) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.status.setText(text)

    def _on_result(self, result: TriageResult) -> None:
        self.result = result
        self.proxy.setSourceModel(build_model(result))
        self._fit_columns()
        stories = sum(1 for s in result.stories if len(s.articles) > 1)
        derived = sum(s.derived_count for s in result.stories)
        text = (f"{len(result.articles)} articles in {len(result.stories)} stories "
                f"({stories} with more than one article); {derived} derived copies.")
        if result.errors:
            text += f" {len(result.errors)} files could not be read: " + "; ".join(
                f"{os.path.basename(e.path)} ({e.reason})" for e in result.errors[:5])
        self._done(text)

    def _fit_columns(self, *_expanded) -> None:
        """Columns as wide as the rows shown need (the titles' column a fixed width)."""
        for col in range(1, len(COLUMNS)):
            self.view.resizeColumnToContents(col)
        self.view.setColumnWidth(0, 420)

    def selected_paths(self) -> list[str]:
        """Paths of the selected articles; a selected story stands for all its articles."""
        paths: list[str] = []
        for index in self.view.selectionModel().selectedRows(0):
            src = self.proxy.mapToSource(index)
            if src.data(KindRole) == "story":
                model = src.model()
                paths.extend(model.index(k, 0, src).data(PathRole) for k in range(model.rowCount(src)))
            else:
                paths.append(src.data(PathRole))
        seen: list[str] = []
        for p in paths:
            if p and p not in seen:
                seen.append(p)
        return seen

    def open_selected(self) -> None:
        """Open the selection in the comparison view (two or more articles)."""
        paths = self.selected_paths()
        if len(paths) < 2:
            self.status.setText("Select two or more articles, or a story, to compare.")
            return
        self.open_requested.emit(paths)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.runner.wait(3000)
        super().closeEvent(event)
