"""View options shared by all panes: zoom, article font, appearance. Persisted."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFontDialog

from .settings import read_int
from .theme import MODES, SYSTEM, apply_appearance

DEFAULT_POINT_SIZE = 11
MIN_POINT_SIZE, MAX_POINT_SIZE = 6, 40


class ViewOptions(QObject):
    """Zoom and font for every pane together; the light/dark override."""

    changed = Signal()

    def __init__(self, settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        family = settings.value("view/font_family", "")
        self.font = QFont(family) if family else QFont("Georgia")
        if not family:
            self.font.setFamilies(["Georgia", "Noto Serif", "DejaVu Serif", "serif"])
        self.base_size = read_int(settings, "view/font_size", DEFAULT_POINT_SIZE)
        self.step = read_int(settings, "view/zoom", 0)
        mode = str(settings.value("view/appearance", SYSTEM))
        self.appearance = mode if mode in MODES else SYSTEM

    def point_size(self) -> int:
        """The point size panes use now (base size plus zoom steps)."""
        return max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, self.base_size + self.step))

    def pane_font(self) -> QFont:
        """The font every pane uses."""
        f = QFont(self.font)
        f.setPointSize(self.point_size())
        return f

    def apply_to(self, panes) -> QFont:
        """Give every pane the current font (and redraw its highlights); returns the font."""
        font = self.pane_font()
        for pane in panes:
            pane.text.setFont(font)
            pane.restyle()
        return font

    def zoom(self, direction: int) -> None:
        """+1 bigger, -1 smaller, 0 back to the chosen size."""
        self.step = 0 if direction == 0 else self.step + direction
        self.step = self.point_size() - self.base_size
        self.settings.setValue("view/zoom", self.step)
        self.changed.emit()

    def choose_font(self) -> None:
        """Let the user pick the article font (View ▸ Article Font…)."""
        ok, font = QFontDialog.getFont(self.pane_font(), None, "Article Font")
        if ok:
            self.set_font(font)

    def set_font(self, font: QFont) -> None:
        """Use `font` (its size becomes the unzoomed size)."""
        self.font = QFont(font)
        self.base_size = font.pointSize() if font.pointSize() > 0 else DEFAULT_POINT_SIZE
        self.step = 0
        self.settings.setValue("view/font_family", font.family())
        self.settings.setValue("view/font_size", self.base_size)
        self.settings.setValue("view/zoom", 0)
        self.changed.emit()

    def set_appearance(self, mode: str) -> None:
        """Follow the system, or force light or dark."""
        self.appearance = mode if mode in MODES else SYSTEM
        self.settings.setValue("view/appearance", self.appearance)
        apply_appearance(self.appearance)
        self.changed.emit()
