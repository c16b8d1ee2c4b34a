"""The claims sidebar: filter box, sections with counts, claims with presence dots."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QModelIndex, QRect, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.core.review.marks import MARK_LABELS
from viewer.core.review.session import MARKS

from .claimsmodel import (
    UNIQUE,
    ClaimRole,
    ClaimsModel,
    FilterRole,
    KeyRole,
    MarkRole,
    PresenceRole,
    SectionRole,
)
from .highlight import article_colour

UNMARKED = "unmarked"
EXPAND_MAX = 300  # sections longer than this start closed

_DOT = 11
_GAP = 3
_STRIP_SHARE = 0.45  # of a row's width, at most, for the dots; the claim's text keeps the rest
_MORE_WIDTH = 34  # room kept for "+123" after the dots


def presence_layout(presence, width: int) -> tuple[list[tuple[int, bool, int]], int, int]:
    """Where a row's presence dots go: ([(article k, present, x offset)], how many present
    articles are not drawn, where the text starts). One dot per article while they fit in
    _STRIP_SHARE of `width`; with more articles (a folder opened side by side) only the dots of
    the articles present, as many as fit, and a count of the others."""
    step = _DOT + _GAP
    limit = max(4 * step, int(width * _STRIP_SHARE))
    if len(presence) * step <= limit:
        return [(k, bool(p), 2 + k * step) for k, p in enumerate(presence)], 0, len(presence) * step + 6
    present = [k for k, p in enumerate(presence) if p]
    room = max(1, (limit - _MORE_WIDTH) // step)
    shown = present if len(present) * step <= limit else present[:room]
    dots = [(k, True, 2 + n * step) for n, k in enumerate(shown)]
    more = len(present) - len(shown)
    return dots, more, len(shown) * step + (_MORE_WIDTH if more else 0) + 6


class PresenceDelegate(QStyledItemDelegate):
    """Draws a claim row as presence dots (one per article, see `presence_layout`) then its text."""

    def __init__(self, colour_of, parent=None):
        super().__init__(parent)
        self._colour_of = colour_of  # k-th article -> QColor

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        presence = index.data(PresenceRole)
        if presence is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        dots, more, strip = presence_layout(presence, opt.rect.width())
        painter.save()
        style = opt.widget.style() if opt.widget else None
        text = opt.text
        opt.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        y = opt.rect.center().y() - _DOT // 2
        for k, present, x in dots:
            colour = self._colour_of(k)
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(colour if present else QColor(0, 0, 0, 0))
            painter.drawEllipse(QRect(opt.rect.left() + x, y, _DOT, _DOT))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.setPen(opt.palette.highlightedText().color() if selected else opt.palette.text().color())
        if more:
            after = dots[-1][2] + _DOT + _GAP if dots else 2
            painter.drawText(QRect(opt.rect.left() + after, opt.rect.top(), _MORE_WIDTH, opt.rect.height()),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, f"+{more}")
        text_rect = opt.rect.adjusted(strip, 0, 0, 0)
        elided = opt.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), _DOT + 10))


class ClaimsFilter(QSortFilterProxyModel):
    """Keeps claims whose wording matches the filter text (and the chosen review mark)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        # Recursion (a section stays when a claim in it matches) only while filtering:
        # without a filter the proxy then maps claims lazily, which keeps a list of
        # thousands of claims quick to show.
        self.setRecursiveFilteringEnabled(False)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(FilterRole)
        self.mark_filter: str | None = None  # None: all; UNMARKED; or a mark
        self.text_filter = ""

    def set_text_filter(self, text: str) -> None:
        """Show only claims whose wording contains `text`."""
        self.text_filter = text
        self.setRecursiveFilteringEnabled(bool(text) or self.mark_filter is not None)
        self.setFilterFixedString(text)

    def set_mark_filter(self, mark: str | None) -> None:
        """Show only claims with this review mark (None shows all)."""
        self.setRecursiveFilteringEnabled(bool(self.text_filter) or mark is not None)
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9
            self.beginFilterChange()
            self.mark_filter = mark
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.mark_filter = mark
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802 - Qt override
        if not parent.isValid():
            return super().filterAcceptsRow(row, parent)  # sections: kept by recursion
        if self.mark_filter is not None:
            mark = self.sourceModel().index(row, 0, parent).data(MarkRole)
            wanted = mark is None if self.mark_filter == UNMARKED else \
                (mark is not None and mark.mark == self.mark_filter)
            if not wanted:
                return False
        return super().filterAcceptsRow(row, parent)


class ClaimsPanel(QDockWidget):
    """The sidebar dock; emits `claim_activated(claim)` when a claim is chosen."""

    claim_activated = Signal(object)
    mark_requested = Signal(str, object, str)  # key, mark (None clears), note

    def __init__(self, parent=None):
        super().__init__("Claims", parent)
        self.setObjectName("ClaimsDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.model = ClaimsModel(self)
        self.proxy = ClaimsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter claims")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter claims")
        self.filter.textChanged.connect(self._on_filter)
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setMouseTracking(True)
        self.view.setAccessibleName("Claims")
        self.view.setItemDelegate(PresenceDelegate(lambda k: article_colour(self.model.colour_slot(k)), self.view))
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)
        self.view.selectionModel().currentChanged.connect(lambda cur, _prev: self._on_current(cur))
        self.mark_combo = QComboBox()
        self.mark_combo.setAccessibleName("Show claims with review mark")
        self.mark_combo.addItem("All claims", None)
        self.mark_combo.addItem("Not yet reviewed", UNMARKED)
        for mark in MARKS:
            self.mark_combo.addItem(MARK_LABELS[mark].capitalize(), mark)
        self.mark_combo.currentIndexChanged.connect(
            lambda _i: (self.proxy.set_mark_filter(self.mark_combo.currentData()), self._expand()))
        self._build_mark_actions()
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(6)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.mark_combo)
        lay.addLayout(row)
        lay.addWidget(self.view, 1)
        self.setWidget(body)
        self.filter.returnPressed.connect(self.view.setFocus)

    def _build_mark_actions(self) -> None:
        self.mark_actions: dict[str | None, QAction] = {}
        keys = {"verified": "Ctrl+Alt+1", "disputed": "Ctrl+Alt+2", "needs-attribution": "Ctrl+Alt+3",
                None: "Ctrl+Alt+0"}
        for mark in (*MARKS, None):
            label = f"Mark {MARK_LABELS[mark].capitalize()}" if mark else "Clear Mark"
            act = QAction(label, self.view)
            act.setShortcut(QKeySequence(keys[mark]))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(partial(self.mark_current, mark))
            self.view.addAction(act)
            self.mark_actions[mark] = act
        self.note_action = QAction("Edit Note…", self.view)
        self.note_action.setShortcut(QKeySequence("Ctrl+Alt+N"))
        self.note_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.note_action.triggered.connect(self.edit_note)
        self.view.addAction(self.note_action)

    def _context_menu(self, pos) -> None:
        if self.view.indexAt(pos).data(KeyRole) is None:
            return
        menu = QMenu(self)
        for act in self.mark_actions.values():
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.note_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def mark_current(self, mark: str | None, note: str | None = None) -> None:
        """Mark the current claim or conflict (None clears); keeps its note unless given."""
        index = self.view.currentIndex()
        key = index.data(KeyRole)
        if key is None:
            return
        old = index.data(MarkRole)
        if note is None:
            note = old.note if old else ""
        self.mark_requested.emit(key, mark, note)

    def edit_note(self) -> None:
        """Ask for a short note on the current claim's mark."""
        index = self.view.currentIndex()
        if index.data(KeyRole) is None:
            return
        old = index.data(MarkRole)
        note, ok = QInputDialog.getText(self, "Review Note", "Note:", text=old.note if old else "")
        if ok:
            self.mark_current(old.mark if old else "needs-attribution", note.strip())

    def set_comparison(self, comp) -> None:
        """Show the claims of a comparison; sections with claims start expanded."""
        self.model.set_comparison(comp)
        self._expand()

    def _expand(self) -> None:
        """Open the Conflicts and Shared sections (and every section while filtering);
        a section of hundreds of claims stays closed until asked for, so it shows at once."""
        for row in range(self.proxy.rowCount()):
            idx = self.proxy.index(row, 0)
            unique = idx.data(SectionRole) == UNIQUE
            small = self.model.rowCount(self.proxy.mapToSource(idx)) <= EXPAND_MAX
            self.view.setExpanded(idx, small and (not unique or bool(self.filter.text())))

    def _on_filter(self, text: str) -> None:
        self.proxy.set_text_filter(text)
        self._expand()

    def _claim_of(self, proxy_index: QModelIndex):
        return proxy_index.data(ClaimRole) if proxy_index.isValid() else None

    def _on_current(self, index: QModelIndex) -> None:
        claim = self._claim_of(index)
        if claim is not None and self.view.hasFocus():
            self.claim_activated.emit(claim)

    def _on_activated(self, index: QModelIndex) -> None:
        claim = self._claim_of(index)
        if claim is not None:
            self.claim_activated.emit(claim)
