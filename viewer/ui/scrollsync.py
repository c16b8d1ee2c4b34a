"""Synchronized scrolling aligned by content (Meld's chunk interpolation).

When one pane scrolls, the offset at the middle of its viewport is mapped
through the sentence alignment to every other pane, which is scrolled so the
matching passage sits level with it. A re-entrancy lock keeps panes from
bouncing each other.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject

from .articlepane import ArticlePane

Mapper = Callable[[str, str, int], int]


class ScrollSync(QObject):
    """Keeps a set of panes scrolled to matching content."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.enabled = True
        self._panes: list[ArticlePane] = []
        self._mapper: Mapper | None = None
        self._busy = False

    def set_panes(self, panes: list[ArticlePane], mapper: Mapper | None) -> None:
        """Follow these panes; `mapper(src, dst, offset)` maps offsets between them."""
        for pane in self._panes:
            try:
                pane.text.verticalScrollBar().valueChanged.disconnect(self._on_scroll)
            except (RuntimeError, TypeError):
                pass
        self._panes = list(panes)
        self._mapper = mapper
        for pane in self._panes:
            pane.text.verticalScrollBar().valueChanged.connect(self._on_scroll)

    def _on_scroll(self, _value: int) -> None:
        if self._busy or not self.enabled or self._mapper is None:
            return
        bar = self.sender()
        src = next((p for p in self._panes if p.text.verticalScrollBar() is bar), None)
        if src is not None:
            self.sync_from(src)

    def sync_from(self, src: ArticlePane) -> None:
        """Scroll every other pane level with `src`."""
        if self._mapper is None or src.article is None:
            return
        self._busy = True
        try:
            offset = src.middle_offset()
            for pane in self._panes:
                if pane is not src and pane.article is not None:
                    pane.center_on(self._mapper(src.letter, pane.letter, offset))
        finally:
            self._busy = False
