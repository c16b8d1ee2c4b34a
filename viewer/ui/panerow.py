"""The row of article panes: a splitter of ArticlePanes in a sideways scroll area.

Owns the panes (one per article letter), their left-to-right order, the
splitter widths saved with the window, the synchronized scrolling of the panes
and the sideways scrolling that keeps each pane readable when many articles
share a small window. The main window says which articles to show and wires
each new pane to its own actions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QWidget

from viewer.core.text.article import Article, letter_index

from .articlepane import ArticlePane
from .highlight import article_colour
from .scrollsync import Mapper, ScrollSync

PANE_MIN_WIDTH = 180  # px: below this a pane breaks words mid-line; the row scrolls instead


class PaneRow(QScrollArea):
    """The panes side by side in a splitter; the row scrolls sideways rather than squeezing them."""

    def __init__(self, wire: Callable[[ArticlePane], None], mapper: Mapper,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._wire = wire  # sets up each new pane for the window (font, signals)
        self._mapper = mapper  # (src, dst, offset) -> offset, for the synchronized scrolling
        self.sync = ScrollSync(self)
        self.panes: dict[str, ArticlePane] = {}
        self.order: list[str] = []  # visual order of the panes
        self._saved_state: QByteArray | None = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(6)
        self.setWidget(self.splitter)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _new_pane(self, letter: str) -> ArticlePane:
        pane = ArticlePane(letter, article_colour(letter_index(letter)))
        self._wire(pane)
        pane.move_requested.connect(self.move)
        return pane

    def show_articles(self, articles: Sequence[Article], wanted: list[str]) -> None:
        """One pane per article, in the `wanted` order (new letters at the end); others go away."""
        self.sync.set_panes([], None)  # no syncing while panes come and go
        live = [a.id for a in articles]
        for letter in [x for x in self.panes if x not in live]:
            pane = self.panes.pop(letter)
            pane.hide()
            pane.setParent(None)
            pane.deleteLater()
        self.order = [x for x in wanted if x in live] + [x for x in live if x not in wanted]
        for art in articles:
            if art.id not in self.panes:
                self.panes[art.id] = self._new_pane(art.id)
            self.panes[art.id].set_article(art)
        first_layout = self.splitter.count() == 0 and bool(live)
        self.place()
        restored = (first_layout and isinstance(self._saved_state, QByteArray)
                    and self.splitter.restoreState(self._saved_state))
        sizes = self.splitter.sizes()
        if sizes and not restored and (first_layout or min(sizes) < 80):
            self.splitter.setSizes([1000] * len(sizes))  # equal widths

    def panes_in_order(self) -> list[ArticlePane]:
        """The panes, left to right."""
        return [self.panes[x] for x in self.order]

    def place(self) -> None:
        """Put the panes in the splitter in `order` and keep their scrolling in step."""
        for k, letter in enumerate(self.order):
            self.splitter.insertWidget(k, self.panes[letter])
        n = len(self.order)
        self.splitter.setMinimumWidth(n * PANE_MIN_WIDTH + max(0, n - 1) * self.splitter.handleWidth())
        self.sync.set_panes(self.panes_in_order(), self._mapper)

    def move(self, letter: str, step: int) -> None:
        """Move a pane left (-1) or right (+1), keeping the widths where they are."""
        if letter not in self.order:
            return
        k = self.order.index(letter)
        j = max(0, min(len(self.order) - 1, k + step))
        if j == k:
            return
        sizes = self.splitter.sizes()
        self.order.insert(j, self.order.pop(k))
        self.place()
        self.splitter.setSizes(sizes)

    def place_after(self, letter: str, anchor: str) -> None:
        """Move the pane of `letter` to just right of the pane of `anchor`."""
        self.order.remove(letter)
        self.order.insert(self.order.index(anchor) + 1, letter)
        self.place()

    def mark_base(self, base: str | None) -> None:
        """Give the base pane its own header look (the stylesheet's `isBase`), the others the plain one."""
        for letter, pane in self.panes.items():
            pane.setProperty("isBase", letter == base)
            pane.style().unpolish(pane)
            pane.style().polish(pane)

    def bring_into_view(self, letter: str) -> None:
        """Scroll the row sideways so this pane is on screen."""
        self.ensureWidgetVisible(self.panes[letter], 0, 0)

    def set_tab_order(self, then: list[QWidget]) -> None:
        """Tab goes through the panes left to right, then through `then`."""
        chain = [p.text for p in self.panes_in_order()] + then
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def restore_state(self, state) -> None:
        """Splitter widths (from the settings) to use whenever panes first appear in an empty row."""
        self._saved_state = state if isinstance(state, QByteArray) else None

    def save_state(self) -> QByteArray:
        """The splitter widths, for the settings."""
        return self.splitter.saveState()
