"""The overview map beside a pane (Meld's chunk map).

A thin strip showing where the changes, reuse runs and the selected claim lie
in the whole article, with the visible part outlined; a click scrolls the
pane there.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

WIDTH = 12


class OverviewMap(QWidget):
    """Marks at fractions (0..1) of the document height; emits `jump_requested(fraction)`."""

    jump_requested = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFixedWidth(WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Overview: where the changes are. Click to go there.")
        self.setAccessibleName("Overview map")
        self.marks: list[tuple[float, float, QColor]] = []
        self.claim: tuple[float, float] | None = None
        self.visible_part: tuple[float, float] = (0.0, 1.0)
        self._cache: QPixmap | None = None  # the marks, drawn once per change or resize

    def set_marks(self, marks: list[tuple[float, float, QColor]]) -> None:
        """Replace the marks: (top, bottom, colour), top/bottom as fractions."""
        self.marks = marks
        self._cache = None
        self.setAccessibleDescription(f"{len(marks)} marked passages")
        self.update()

    def set_claim(self, span: tuple[float, float] | None) -> None:
        """Mark the selected claim's place (or clear it)."""
        self.claim = span
        self.update()

    def set_visible_part(self, top: float, bottom: float) -> None:
        """Outline the part of the article shown in the pane."""
        self.visible_part = (top, bottom)
        self.update()

    def _marks_pixmap(self) -> QPixmap:
        if self._cache is None or self._cache.size() != self.size():
            pix = QPixmap(self.size())
            pix.fill(self.palette().alternateBase().color())
            p = QPainter(pix)
            h, w = max(1, self.height()), self.width()
            for top, bottom, colour in self.marks:
                p.fillRect(QRectF(2, top * h, w - 4, max(2.0, (bottom - top) * h)), colour)
            p.end()
            self._cache = pix
        return self._cache

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._cache = None  # palette changes redraw the marks
        super().changeEvent(event)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        h = max(1, self.height())
        w = self.width()
        p.drawPixmap(0, 0, self._marks_pixmap())
        if self.claim is not None:
            top, bottom = self.claim
            p.fillRect(QRectF(0, top * h, w, max(3.0, (bottom - top) * h)), QColor("#e69f00"))
        top, bottom = self.visible_part
        pen = QPen(self.palette().text().color())
        pen.setWidthF(1.0)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(0.5, top * h, w - 1.0, max(4.0, (bottom - top) * h - 1)))
        p.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.jump_requested.emit(min(1.0, max(0.0, event.position().y() / max(1, self.height()))))
