"""The claims sidebar: filter box, sections with counts, claims with presence dots."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (QDockWidget, QLineEdit, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QTreeView, QVBoxLayout, QWidget)

from .claimsmodel import ClaimRole, ClaimsModel, FilterRole, PresenceRole
from .highlight import article_colour

_DOT = 11
_GAP = 3


class PresenceDelegate(QStyledItemDelegate):
    """Draws a claim row as presence dots (one per article) then its text."""

    def __init__(self, colour_of, parent=None):
        super().__init__(parent)
        self._colour_of = colour_of  # article index -> QColor

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        presence = index.data(PresenceRole)
        if presence is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        strip = len(presence) * (_DOT + _GAP) + 6
        painter.save()
        style = opt.widget.style() if opt.widget else None
        text = opt.text
        opt.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        y = opt.rect.center().y() - _DOT // 2
        for k, present in enumerate(presence):
            colour = self._colour_of(k)
            rect = QRect(opt.rect.left() + 2 + k * (_DOT + _GAP), y, _DOT, _DOT)
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(colour if present else QColor(0, 0, 0, 0))
            painter.drawEllipse(rect)
        text_rect = opt.rect.adjusted(strip, 0, 0, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.setPen(opt.palette.highlightedText().color() if selected else opt.palette.text().color())
        elided = opt.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), _DOT + 10))


class ClaimsFilter(QSortFilterProxyModel):
    """Keeps claims whose wording matches the filter text; sections stay with their matches."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(FilterRole)


class ClaimsPanel(QDockWidget):
    """The sidebar dock; emits `claim_activated(claim)` when a claim is chosen."""

    claim_activated = Signal(object)

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
        self.view.setItemDelegate(PresenceDelegate(article_colour, self.view))
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)
        self.view.selectionModel().currentChanged.connect(lambda cur, _prev: self._on_current(cur))
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(6)
        lay.addWidget(self.filter)
        lay.addWidget(self.view, 1)
        self.setWidget(body)
        self.filter.returnPressed.connect(self.view.setFocus)

    def set_comparison(self, comp) -> None:
        """Show the claims of a comparison; sections with claims start expanded."""
        self.model.set_comparison(comp)
        self._expand()

    def _expand(self) -> None:
        for row in range(self.proxy.rowCount()):
            idx = self.proxy.index(row, 0)
            unique = str(idx.data()).startswith("Unique")
            self.view.setExpanded(idx, not unique or bool(self.filter.text()))

    def _on_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
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
