"""The N × N similarity matrix: a heat map of every pair, click a cell to compare it."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDockWidget, QHeaderView, QStyledItemDelegate, QTableView

from viewer.core.comparison import Comparison
from viewer.core.report.htmlreport import HEAT_WHITE_TEXT_ABOVE, heat_rgb
from viewer.core.report.readings import others_note
from viewer.core.reuse.relation import SHORT_LABEL_TEXT
from viewer.core.reuse.siblings import common_source_note
from viewer.core.reuse.spin import SPUN_SCORE

from .theme import is_dark

# A cell's text for a row too short for two lines (a small screen): the similarity and its spin
# mark, or on the diagonal the label alone, instead of an elided first line ("66%…", "others:…").
COMPACT_ROLE = Qt.ItemDataRole.UserRole + 1


def heat(value: float, dark: bool = False) -> QColor:
    """A calm single-hue scale (light to deep blue) for 0..1, as in the report."""
    v = max(0.0, min(1.0, value))
    if dark:
        return QColor.fromRgbF(0.12 + 0.05 * v, 0.16 + 0.2 * v, 0.22 + 0.45 * v)
    return QColor.fromRgbF(*heat_rgb(v))


class SimilarityModel(QAbstractTableModel):
    """Rows and columns are articles; a cell is their similarity and derivation label."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.ids: list[str] = []

    def set_comparison(self, comp: Comparison | None) -> None:
        """Show the pairs of a comparison."""
        self.beginResetModel()
        self.comparison = comp
        self.ids = [a.id for a in comp.articles] if comp else []
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.ids)

    def pair_at(self, index: QModelIndex):
        """(row id, column id) of a cell, or None on the diagonal."""
        if not index.isValid() or index.row() == index.column():
            return None
        return self.ids[index.row()], self.ids[index.column()]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.comparison is None:
            return None
        a, b = self.ids[index.row()], self.ids[index.column()]
        if a == b:
            return self._diagonal(a, role)
        pa = self.comparison.pair(a, b)  # what both directions share: no oriented diff needed
        r = pa.reuse
        label, derived, spin = r.label, r.derived, r.spin.score
        if role in (Qt.ItemDataRole.DisplayRole, COMPACT_ROLE):
            short = SHORT_LABEL_TEXT.get(label, "")
            mark = " ⚠" if spin >= SPUN_SCORE else ""
            if role == COMPACT_ROLE:
                return f"{pa.similarity:.0%}{mark}"
            return f"{pa.similarity:.0%}" + (f"\n{short}" if short else "") + mark
        if role == Qt.ItemDataRole.BackgroundRole:
            return heat(pa.similarity, is_dark())
        if role == Qt.ItemDataRole.ForegroundRole:
            if is_dark():
                return QColor("#f0f0f0")
            return QColor("#ffffff") if pa.similarity > HEAT_WHITE_TEXT_ABOVE else QColor("#1e1e1e")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            shares, apart = r.verbatim, common_source_note(r)
            text = (f"{a} and {b}: similarity {pa.similarity:.0%}; {label or 'no label'}"
                    + (f", {derived} derived" if derived else "")
                    + "".join(f"; {k}: {v:.0%} of its words in verbatim runs"
                              for k, v in sorted(shares.items()))
                    + (f"; spin {spin:.2f}" if spin else "")
                    + (f"; {apart}" if apart else ""))
            return text
        return None

    def _diagonal(self, a: str, role: int):
        """An article's own cell: its label against all the other articles together."""
        comp = self.comparison
        d = comp.derivations.get(a) if len(self.ids) > 2 else None
        if role in (Qt.ItemDataRole.DisplayRole, COMPACT_ROLE):
            if d is None or d.sources is not None and not d.sources:
                return "—"  # fewer than three articles, or not read against any other
            short = SHORT_LABEL_TEXT.get(d.label, "") or "none"  # none of it derived from them
            return short if role == COMPACT_ROLE else f"others:\n{short}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return heat(0.0, is_dark())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            note = others_note(comp, a) if d else ""
            return f"Article {a}: {comp.article(a).title}" + (f"\n{note}" if note else "")
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.ids):
            return self.ids[section]
        if role == Qt.ItemDataRole.ToolTipRole and self.comparison and 0 <= section < len(self.ids):
            return self.comparison.article(self.ids[section]).title
        return None


_CELL_PADDING = 10  # pixels beside a cell's text


class _CellDelegate(QStyledItemDelegate):
    """Draws a cell's two lines where its row and column have room for them, else its
    COMPACT_ROLE text."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt override
        super().initStyleOption(option, index)
        lines = option.text.replace("\u2028", "\n").split("\n")  # Qt shows "\n" as a line separator
        fm = option.fontMetrics
        if len(lines) > 1 and (option.rect.height() < 2 * fm.lineSpacing() + 4 or max(
                fm.horizontalAdvance(line) for line in lines) + _CELL_PADDING > option.rect.width()):
            option.text = index.data(COMPACT_ROLE) or option.text


def min_cell_width(fm) -> int:
    """The narrowest column whose cells still show their one-line text whole ("100% ⚠",
    "partly"): with many articles the matrix scrolls rather than elide "28%" to "2…"."""
    texts = ("100% ⚠", *SHORT_LABEL_TEXT.values(), "none")
    return max(fm.horizontalAdvance(t) for t in texts) + _CELL_PADDING


class MatrixDock(QDockWidget):
    """Dock with the similarity matrix; `pair_chosen(a, b)` when a cell is clicked."""

    pair_chosen = Signal(str, str)

    def __init__(self, parent=None):
        super().__init__("Similarity", parent)
        self.setObjectName("MatrixDock")
        self.model = SimilarityModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Similarity matrix")
        self.view.setWordWrap(True)
        self.view.setItemDelegate(_CellDelegate(self.view))
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        fm = self.view.fontMetrics()
        self.view.horizontalHeader().setMinimumSectionSize(min_cell_width(fm))
        self.view.verticalHeader().setMinimumSectionSize(fm.lineSpacing() + 6)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.clicked.connect(self._on_click)
        self.view.activated.connect(self._on_click)
        self.setWidget(self.view)

    def set_comparison(self, comp) -> None:
        """Show a comparison's pairs."""
        self.model.set_comparison(comp)

    def _on_click(self, index: QModelIndex) -> None:
        pair = self.model.pair_at(index)
        if pair:
            self.pair_chosen.emit(*pair)
