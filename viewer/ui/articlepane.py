"""One article in a read-only, word-wrapped pane with its header."""

from __future__ import annotations

import time
from functools import partial
from typing import Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.formats.loaders import COMMON_ENCODINGS
from viewer.core.text.article import Article

from .highlight import Span, char_format, map_colour
from .overview import OverviewMap
from .textpos import PositionMap
from .theme import is_dark

PAINT_BATCH = 400  # at most this many highlights per event-loop turn ...
PAINT_SLICE_S = 0.008  # ... and for no longer than this
PAINT_WINDOW = 10_000  # ... all within this many characters of the first, laid out again once
PAINT_PAUSE_MS = 20  # the turn the last chunk of a long text is laid out in stays apart from painting
LOAD_CHUNK = 12_000  # characters laid out per event-loop turn for long texts
MAP_LAYOUT_LIMIT = 60_000  # longer texts place overview marks by character offset
_PLAIN = QTextCharFormat()  # what a stretch of text goes back to before new highlights
WIDE_HEADER = 360  # pixels of pane width from which the encoding button shows in full


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when it does not fit, or first falls back to shorter
    forms of its text (`set_forms`)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._forms: tuple[str, ...] = ("",)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        self.set_forms(text)

    def set_forms(self, full: str, *shorter: str) -> None:
        """Show `full`, or where it does not fit the first of `shorter` that does (the last one
        elided when none fits)."""
        self._forms = (full, *shorter)
        self._elide()

    def text(self) -> str:  # noqa: D102 - the full text, not the elided one
        return self._forms[0]

    def forms(self) -> tuple[str, ...]:
        """The full text and its shorter forms, as given to `set_forms`."""
        return self._forms

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width, metrics = max(self.width(), 20), self.fontMetrics()
        shown = next((f for f in self._forms if metrics.horizontalAdvance(f) <= width), None)
        if shown is None:
            shown = metrics.elidedText(self._forms[-1], Qt.TextElideMode.ElideRight, width)
        super().setText(shown)


class ArticleText(QTextEdit):
    """The read-only text view of a pane."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setAcceptRichText(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(14)
        self.setAcceptDrops(False)  # drops go to the main window


class ArticlePane(QFrame):
    """An article's header (letter, title, relation to the base) and its text."""

    focused = Signal(str)
    make_base_requested = Signal(str)
    move_requested = Signal(str, int)
    close_requested = Signal(str)
    reopen_requested = Signal(str, str)  # letter, encoding
    offset_clicked = Signal(str, int)  # letter, code-point offset of a plain click

    def __init__(self, letter: str, colour: QColor, parent: QWidget | None = None):
        super().__init__(parent)
        self.letter = letter
        self.article: Article | None = None
        self._posmap = PositionMap("")
        self._spans: list[Span] = []
        self._todo: list[tuple[int, int, str | None]] = []  # (start, end, kind or None: clear)
        self._paint_generation = 0
        self._formats: dict = {}
        self._load_generation = 0
        self.loaded = True
        self.painted = True  # every highlight applied (they go on in batches: `_paint_batch`)
        self._fresh = True
        self.setObjectName("ArticlePane")
        self.setFrameShape(QFrame.Shape.NoFrame)

        self.badge = QLabel(letter)
        self.badge.setObjectName("PaneBadge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setFixedWidth(26)
        self.title = ElidedLabel()
        self.title.setObjectName("PaneTitle")
        self.info = ElidedLabel()
        self.info.setObjectName("PaneInfo")
        self.menu_button = QToolButton()
        self.menu_button.setText("⋯")
        self.menu_button.setToolTip(f"Article {letter}: make base, move, close")
        self.menu_button.setAccessibleName(f"Article {letter} menu")
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setAutoRaise(True)
        self.menu = QMenu(self)
        self.action_make_base = QAction("Make Base", self)
        self.action_move_left = QAction("Move Left", self)
        self.action_move_right = QAction("Move Right", self)
        self.action_close = QAction("Close Article", self)
        self.action_make_base.triggered.connect(lambda: self.make_base_requested.emit(self.letter))
        self.action_move_left.triggered.connect(lambda: self.move_requested.emit(self.letter, -1))
        self.action_move_right.triggered.connect(lambda: self.move_requested.emit(self.letter, 1))
        self.action_close.triggered.connect(lambda: self.close_requested.emit(self.letter))
        for act in (self.action_make_base, self.action_move_left, self.action_move_right):
            self.menu.addAction(act)
        self.encoding_menu = self.menu.addMenu("Reopen with &Encoding")
        for enc in COMMON_ENCODINGS:
            act = self.encoding_menu.addAction(enc)
            act.triggered.connect(partial(self.reopen_requested.emit, letter, enc))
        self.menu.addSeparator()
        self.menu.addAction(self.action_close)
        self.menu_button.setMenu(self.menu)
        # Which encoding a text file was read in; a click offers to reopen it with another.
        self.encoding_button = QToolButton()
        self.encoding_button.setObjectName("PaneEncoding")
        self.encoding_button.setAutoRaise(True)
        self.encoding_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.encoding_button.setMenu(self.encoding_menu)
        self.encoding_button.hide()
        self._encoding_forms: tuple[str, str] | tuple[()] = ()

        head = QWidget()
        head.setObjectName("PaneHeader")
        hl = QHBoxLayout(head)
        hl.setContentsMargins(8, 6, 4, 6)
        hl.setSpacing(8)
        hl.addWidget(self.badge)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        texts.addWidget(self.title)
        texts.addWidget(self.info)
        hl.addLayout(texts, 1)
        hl.addWidget(self.encoding_button, 0, Qt.AlignmentFlag.AlignTop)
        hl.addWidget(self.menu_button, 0, Qt.AlignmentFlag.AlignTop)

        self.text = ArticleText()
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._end_flash)
        self._flash: list = []
        self._matches: list = []
        self._current_match: tuple[int, int] | None = None
        self.text.setAccessibleName(f"Article {letter} text")
        self.text.installEventFilter(self)
        self.text.viewport().installEventFilter(self)
        self.map = OverviewMap()
        self.map.jump_requested.connect(self.scroll_to_fraction)
        self.text.verticalScrollBar().valueChanged.connect(self._update_visible_part)
        self.text.verticalScrollBar().rangeChanged.connect(
            lambda *_: self._update_map() if self.loaded else None)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.text, 1)
        body.addWidget(self.map)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(head)
        lay.addLayout(body, 1)
        self.set_colour(colour)

    # -- content ---------------------------------------------------------
    def set_colour(self, colour: QColor) -> None:
        """Show the article's identity colour on its badge."""
        self.badge.setStyleSheet(f"background:{colour.name()}; color:white; border-radius:3px;"
                                 "font-weight:600; padding:2px 0;")

    def set_article(self, article: Article) -> None:
        """Show an article's text (only re-laid out when the text changed)."""
        if self.article is None or self.article.text != article.text:
            self._load_generation += 1
            self._spans, self._todo = [], []
            self.painted = True
            self._paint_generation += 1
            self._posmap = PositionMap(article.text)
            self._fresh = True  # no formats to clear yet
            if len(article.text) <= LOAD_CHUNK:
                self.text.setPlainText(article.text)
                self.loaded = True
            else:  # a long text goes in piece by piece, so its layout never freezes the window
                self.loaded = False
                self.text.setPlainText(article.text[:LOAD_CHUNK])
                QTimer.singleShot(0, self, lambda g=self._load_generation: self._load_more(g, LOAD_CHUNK))
        self.article = article
        self.title.setText(article.title)
        where = article.path or "pasted text"
        enc = f"\nRead as {article.encoding}" if article.encoding else ""
        self.title.setToolTip(f"{article.title}\n{where}{enc}")
        self.encoding_menu.setEnabled(bool(article.path))
        self._show_encoding(article)
        self.text.setAccessibleDescription(f"Article {self.letter}: {article.title}, "
                                           f"{article.word_count} words")

    def _show_encoding(self, article: Article) -> None:
        """The header's encoding button: a legacy encoding used, and a warning when it was a guess.

        A Unicode file read for certain (UTF-8, UTF-16, ASCII) says so only in the title's tooltip,
        so the header keeps its width for the title; the pane menu still reopens it."""
        unicode = (article.encoding or "").lower().replace("_", "-").startswith(("utf-", "ascii"))
        if not article.encoding or (unicode and not article.encoding_uncertain):
            self._encoding_forms = ()
            self.encoding_button.hide()
            return
        if article.encoding_uncertain:
            self._encoding_forms = (f"\u26a0 {article.encoding}: uncertain encoding", "\u26a0")
            tip = (f"Copydesk guessed that this file is in {article.encoding}, but another "
                   "encoding came close. If the text looks wrong, reopen it with another encoding.")
        else:
            self._encoding_forms = (article.encoding, "")
            tip = f"Read as {article.encoding}. Click to reopen the file with another encoding."
        self.encoding_button.setToolTip(tip)
        self.encoding_button.setAccessibleName(
            f"Article {self.letter} encoding: {article.encoding}"
            + (", uncertain encoding" if article.encoding_uncertain else ""))
        self._fit_encoding()

    def _fit_encoding(self) -> None:
        """The encoding button in full where the pane is wide; where it is narrow, an uncertain
        guess shows as "⚠" alone and a sure one not at all (the title's tooltip and the pane
        menu still say and change it), so the title keeps room to be read."""
        if not self._encoding_forms:
            return
        full, narrow = self._encoding_forms
        text = full if self.width() >= WIDE_HEADER else narrow
        self.encoding_button.setText(text)
        self.encoding_button.setVisible(bool(text))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_encoding()

    def _load_more(self, generation: int, done: int) -> None:
        if generation != self._load_generation or self.article is None:
            return
        text = self.article.text
        cur = QTextCursor(self.text.document())
        cur.movePosition(QTextCursor.MoveOperation.End)
        cur.insertText(text[done:done + LOAD_CHUNK])
        done += LOAD_CHUNK
        if done < len(text):
            QTimer.singleShot(0, self, lambda: self._load_more(generation, done))
            return
        self.loaded = True
        QTimer.singleShot(0, self, self._update_map)  # a turn of its own, after the last chunk's
        if self._todo:  # ... and painting later still
            generation = self._paint_generation
            QTimer.singleShot(PAINT_PAUSE_MS, self, lambda: self._paint_batch(generation, 0))

    def set_info(self, forms: Sequence[str], tooltip: str = "") -> None:
        """The second header line: words, base or relation to the base, in the first of `forms`
        (each shorter than the one before) that fits the pane's width."""
        self.info.set_forms(*forms)
        self.info.setToolTip(tooltip)

    def restyle(self) -> None:
        """Redraw the highlights (after a palette or font change)."""
        self.set_spans(self._spans, again=True)

    def set_spans(self, spans: list[Span], again: bool = False) -> None:
        """Replace the diff highlights with `spans` (`again`: redraw them even when the same)."""
        if spans == self._spans and not again:
            return
        self._paint_generation += 1
        # The text goes back to plain first, a stretch at a time in the same batches as the new
        # highlights (clearing a 100,000-word text at once held the window for 0.2 s).
        length = len(self.article.text) if self.article is not None else 0
        cleared = [] if self._fresh else [(k, min(k + PAINT_WINDOW, length), None)
                                          for k in range(0, length, PAINT_WINDOW)]
        self._fresh = False
        self._spans = list(spans)
        self._todo = cleared + [(s.start, s.end, s.kind) for s in self._spans]
        self._formats = {}
        self.painted = not self._todo
        if self.loaded:  # otherwise painting (and the map) start when the text is all in
            self._paint_batch(self._paint_generation, 0)
            self._update_map()

    def _paint_batch(self, generation: int, first: int) -> None:
        """Apply a batch of highlights; long lists continue on a later event-loop turn, so a
        huge article never freezes the window.

        A batch holds highlights near each other (within PAINT_WINDOW characters of its first)
        in one edit block, so Qt lays the text out again once per batch, not once per highlight:
        each time it also moves every paragraph below the change (about 10 ms near the top of a
        100,000-word text), and one highlight at a time took 96 s to paint such a text.
        """
        if generation != self._paint_generation:
            return  # newer highlights replaced these
        todo = self._todo
        dark = is_dark(self.palette())
        cur = QTextCursor(self.text.document())
        deadline = time.perf_counter() + PAINT_SLICE_S
        k = first
        end = min(len(todo), first + PAINT_BATCH)
        near = todo[first][0] if first < end else 0
        cur.beginEditBlock()
        try:
            while k < end and (k == first or (time.perf_counter() < deadline
                                              and abs(todo[k][0] - near) <= PAINT_WINDOW)):
                start, stop, kind = todo[k]
                cur.setPosition(self._posmap.to_qt(start))
                cur.setPosition(self._posmap.to_qt(stop), QTextCursor.MoveMode.KeepAnchor)
                if kind is None:  # a stretch back to plain text
                    cur.setCharFormat(_PLAIN)
                else:
                    fmt = self._formats.get(kind)
                    if fmt is None:
                        fmt = self._formats[kind] = char_format(kind, dark)
                    cur.mergeCharFormat(fmt)
                k += 1
        finally:
            cur.endEditBlock()
        if k < len(todo):
            # The pane is the timer's context: a closed pane gets no late call. One millisecond,
            # not zero: a zero timer ran two rounds of both panes' batches before the window's
            # other timers and paints got a turn.
            QTimer.singleShot(1, self, lambda: self._paint_batch(generation, k))
        else:
            self.painted = True

    # -- overview map ------------------------------------------------------------
    def _fraction(self, offset: int, total: float) -> float:
        """Where an offset sits in the document, 0..1 (by layout, or by characters when long)."""
        if self._posmap.length > MAP_LAYOUT_LIMIT:
            return offset / max(1, self._posmap.length)
        return self.offset_y(offset) / total

    def _update_map(self) -> None:
        total = self.text.verticalScrollBar().maximum() + self.text.viewport().height()
        if total <= 0 or self.article is None:
            return
        marks = []
        for span in self._spans:
            top = self._fraction(span.start, total)
            bottom = self._fraction(span.end, total)
            marks.append((top, max(bottom, top + 0.004), map_colour(span.kind)))
        self.map.set_marks(marks)
        self._update_visible_part()

    def _update_visible_part(self, *_args) -> None:
        bar = self.text.verticalScrollBar()
        total = bar.maximum() + self.text.viewport().height()
        if total > 0:
            self.map.set_visible_part(bar.value() / total,
                                      (bar.value() + self.text.viewport().height()) / total)

    def scroll_to_fraction(self, fraction: float) -> None:
        """Centre the pane on a point of the document given as a fraction of its height."""
        bar = self.text.verticalScrollBar()
        total = bar.maximum() + self.text.viewport().height()
        bar.setValue(int(fraction * total - self.text.viewport().height() / 2))

    def mark_claim(self, start: int | None, end: int | None = None) -> None:
        """Show the selected claim's place on the overview map (None clears it)."""
        if start is None:
            self.map.set_claim(None)
            return
        total = self.text.verticalScrollBar().maximum() + self.text.viewport().height()
        self.map.set_claim((self._fraction(start, total), self._fraction(end or start, total)))

    @property
    def spans(self) -> list[Span]:
        """The highlights shown now."""
        return list(self._spans)

    # -- positions and scrolling ------------------------------------------
    def middle_offset(self) -> int:
        """Code-point offset of the text at the middle of the viewport."""
        vp = self.text.viewport()
        cur = self.text.cursorForPosition(QPoint(8, vp.height() // 2))
        return self._posmap.from_qt(cur.position())

    def offset_y(self, offset: int) -> int:
        """Document y (pixels) of a code-point offset."""
        cur = QTextCursor(self.text.document())
        cur.setPosition(self._qt(offset))
        return self.text.cursorRect(cur).center().y() + self.text.verticalScrollBar().value()

    def center_on(self, offset: int) -> None:
        """Scroll so that `offset` sits at the middle of the viewport."""
        bar = self.text.verticalScrollBar()
        bar.setValue(self.offset_y(offset) - self.text.viewport().height() // 2)

    def _qt(self, offset: int) -> int:
        """Qt position of a code-point offset, inside what the document holds now."""
        return min(self._posmap.to_qt(offset), self.text.document().characterCount() - 1)

    def select_range(self, start: int, end: int) -> None:
        """Put the cursor on a range (code points) and centre it."""
        cur = QTextCursor(self.text.document())
        cur.setPosition(self._qt(start))
        cur.setPosition(self._qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cur)
        self.center_on(start)

    def cursor_offset(self) -> int:
        """Code-point offset of the text cursor."""
        return self._posmap.from_qt(self.text.textCursor().selectionStart())

    def _selection(self, start16: int, end16: int, colour: str) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        sel.cursor = QTextCursor(self.text.document())
        sel.cursor.setPosition(start16)
        sel.cursor.setPosition(end16, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        fmt.setForeground(QColor("#111111"))
        sel.format = fmt
        return sel

    def _apply_extra(self) -> None:
        sels = [self._selection(s, e, "#fff1a8") for s, e in self._matches]
        if self._current_match is not None:
            sels.append(self._selection(*self._current_match, "#f5b942"))
        self.text.setExtraSelections(sels + self._flash)

    def flash(self, start: int, end: int, ms: int = 900) -> None:
        """Briefly highlight a range (code points), e.g. a change or claim jumped to."""
        self._flash = [self._selection(self._qt(start), self._qt(end), "#ffe38a")]
        self._apply_extra()
        self._flash_timer.start(ms)

    def _end_flash(self) -> None:
        self._flash = []
        self._apply_extra()

    def set_find_matches(self, matches16: list[tuple[int, int]],
                         current16: tuple[int, int] | None = None) -> None:
        """Show find matches (Qt positions); `current16` gets a stronger colour."""
        self._matches = list(matches16)
        self._current_match = current16
        self._apply_extra()

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        """Qt positions of every case-insensitive occurrence of `needle`."""
        out: list[tuple[int, int]] = []
        if not needle:
            return out
        doc = self.text.document()
        cur = doc.find(needle, 0)
        while not cur.isNull():
            out.append((cur.selectionStart(), cur.selectionEnd()))
            cur = doc.find(needle, cur.selectionEnd())
        return out

    def show_qt_range(self, start16: int, end16: int) -> None:
        """Put the cursor on a range given in Qt positions and centre it."""
        self.select_range(self._posmap.from_qt(start16), self._posmap.from_qt(end16))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj is self.text and event.type() == QEvent.Type.FocusIn:
            self.focused.emit(self.letter)
        elif (obj is self.text.viewport() and event.type() == QEvent.Type.MouseButtonRelease
              and event.button() == Qt.MouseButton.LeftButton
              and not self.text.textCursor().hasSelection()):
            pos = self.text.cursorForPosition(event.position().toPoint()).position()
            self.offset_clicked.emit(self.letter, self._posmap.from_qt(pos))
        return super().eventFilter(obj, event)
