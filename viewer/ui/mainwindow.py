"""The main window: toolbar, the row of article panes, sidebar docks, status bar.

It keeps the list of open sources, asks the worker for a comparison whenever
that list changes, and draws the newest result. All analysis comes from
`viewer.core`; this module only wires and draws.
"""

from __future__ import annotations

import os
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from viewer.core.comparison import Comparison, OrientedPair
from viewer.core.diff.align import map_offset
from viewer.core.formats.loaders import article_from_text, expand_folders, seed_paths
from viewer.core.report.claimviews import conflict_spans
from viewer.core.report.readings import others_note
from viewer.core.review.workspace import Source, WorkspaceResult, load_and_compare
from viewer.core.text.article import letter_for

from .actions import CommandsMixin, build_actions, build_menus, build_toolbar
from .articlepane import ArticlePane
from .banners import EmptyState, ErrorBar, FirstRunHint
from .claimspanel import ClaimsPanel
from .fileactions import FileActionsMixin
from .findbar import FindBar
from .highlight import RUN, conflict_marks, legend_css, pane_spans
from .matrixdock import MatrixDock
from .navigation import ChangeNavigator
from .panerow import PANE_MIN_WIDTH, PaneRow  # noqa: F401 - PANE_MIN_WIDTH kept importable here
from .presenter import base_info, pair_info, pair_tooltip, prepare_for_display
from .progressarea import ProgressArea
from .sessions import SUFFIX, SessionController
from .settings import add_recent_files, app_settings, restore_window_state, save_window_state
from .spinpanel import SpinPanel
from .theme import apply_appearance, is_dark
from .viewoptions import ViewOptions
from .workers import AnalysisRunner

DIFF, REUSE = "diff", "reuse"


class MainWindow(FileActionsMixin, CommandsMixin, QMainWindow):
    """Copydesk's window over a set of articles."""

    def __init__(self, files: list[str] | None = None, parent: QWidget | None = None,
                 data_dir=None):
        super().__init__(parent)
        self.settings = app_settings()
        self.sources: list[Source] = []
        self.base: str | None = None
        self.comparison: Comparison | None = None
        self.focused: str | None = None
        self._pair_cache: dict = {}
        self._pasted = 0
        self._reopen_backup: dict = {}  # letter -> article kept while reopening with an encoding
        # What the next result should show; `order` and `base` always describe what is shown.
        self._wanted_order: list[str] | None = None
        self._wanted_base: str | None = None

        self.setWindowTitle("Copydesk")
        self.setAcceptDrops(True)
        self.runner = AnalysisRunner(self)
        self.runner.result_ready.connect(self._on_result)
        self.runner.failed.connect(self._on_failed)
        self.runner.stopped.connect(lambda: self.empty.show_opening(0))
        self.pane_row = PaneRow(self._wire_pane, self.map_offset)

        self.view_mode = DIFF
        self.claims_panel = ClaimsPanel(self)
        self.claims_panel.claim_activated.connect(self.jump_to_claim)
        self.matrix_dock = MatrixDock(self)
        self.matrix_dock.pair_chosen.connect(self.show_pair)
        self.spin_panel = SpinPanel(self)
        self.spin_panel.swap_chosen.connect(self.jump_to_swap)
        self.session = SessionController(self, data_dir)
        self.claims_panel.mark_requested.connect(self.session.set_mark)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.claims_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.matrix_dock)
        self.tabifyDockWidget(self.matrix_dock, self.spin_panel)
        self.matrix_dock.raise_()
        self.view_options = ViewOptions(self.settings, self)
        self.view_options.changed.connect(self._apply_view_options)
        self.navigator = ChangeNavigator(self)
        build_actions(self)
        self._build_central()
        build_menus(self)
        build_toolbar(self)
        self._refresh_recent_menu()
        self._build_status()
        self._restore_settings()
        self.open_paths([str(p) for p in (files if files else seed_paths())])

    # -- construction ----------------------------------------------------------
    def _build_central(self) -> None:
        self.error_bar = ErrorBar()
        # Shown over the sample articles at the first start and in the empty state, until dismissed.
        self.first_run_hint = FirstRunHint(self.settings)
        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.pane_row)
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.find_bar = FindBar(self.pane_row.panes_in_order, self.sync.sync_from)
        lay.addWidget(self.find_bar)
        lay.addWidget(self.error_bar)
        lay.addWidget(self.first_run_hint)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_status(self) -> None:
        self.progress_area = ProgressArea(self.statusBar(), self.runner, self)
        self.status = self.progress_area.status

    # -- settings ----------------------------------------------------------------
    def _restore_settings(self) -> None:
        self.pane_row.restore_state(restore_window_state(self))
        self.sync.enabled = self.action_sync.isChecked()
        self.appearance_actions[self.view_options.appearance].setChecked(True)
        apply_appearance(self.view_options.appearance)
        self._style_legend()

    def save_settings(self) -> None:
        """Write geometry, splitter sizes, docks and options to the settings store."""
        save_window_state(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.session.confirm_close():
            event.ignore()
            return
        self.save_settings()
        self.runner.wait(3000)
        self.session.shutdown()
        super().closeEvent(event)

    # -- sources and analysis ------------------------------------------------------
    def _next_letter(self) -> str:
        used = {s.letter for s in self.sources}
        k = 0
        while letter_for(k) in used:
            k += 1
        return letter_for(k)

    def open_paths(self, paths: list[str], remember: bool = False) -> None:
        """Add files (or every article in a folder) as new articles, each once.

        A `.copydesk` session file replaces the comparison with the saved one.
        """
        sessions = [p for p in paths if p.lower().endswith(SUFFIX)]
        if sessions:
            self.session.open_path(sessions[-1])
            paths = [p for p in paths if p not in sessions]
        paths, folder_errors = expand_folders(paths)
        self.error_bar.add_messages([f"Could not open {e.path}: {e.reason}." for e in folder_errors])
        open_paths = {os.path.abspath(s.path) for s in self.sources if s.path}
        added = []
        for p in paths:
            if os.path.abspath(p) in open_paths:
                continue
            open_paths.add(os.path.abspath(p))
            self.sources.append(Source(self._next_letter(), p))
            added.append(p)
        if remember and added:
            add_recent_files(self.settings, [os.path.abspath(p) for p in added])
            self._refresh_recent_menu()
        if added:
            self.request_analysis()

    def add_text_article(self, text: str, title: str | None = None) -> None:
        """Add text that did not come from a file (pasted or dropped)."""
        art = article_from_text(text, self._next_letter(), title)
        if not art.text.strip():
            self.error_bar.add_messages(["Nothing to paste: the clipboard holds no text."])
            return
        self._pasted += 1
        if title is None:
            art = replace(art, title=f"Pasted text {self._pasted}: {art.title}")
        self.sources.append(Source(art.id, None, art))
        self.request_analysis()

    def replace_articles(self, articles, order: list[str], base: str | None) -> None:
        """Show exactly these articles (e.g. from a session), in this pane order."""
        self.sources = [Source(a.id, a.path, a) for a in articles]
        self._wanted_order = list(order)
        self._wanted_base = base
        self.focused = None
        self.request_analysis()

    def request_analysis(self) -> None:
        """Start (or restart) the background comparison of the current sources."""
        sources = tuple(self.sources)
        base = self._wanted_base or self.base
        cache = self._pair_cache
        self.runner.start(lambda progress, cancelled: prepare_for_display(load_and_compare(
            sources, base, progress=progress, cancelled=cancelled, cache=cache)))
        self.empty.show_opening(len(sources))  # seen only while no article is shown yet
        self.session.changed()

    def _on_result(self, result: WorkspaceResult) -> None:
        if result.errors:
            failed = {e.path for e in result.errors}
            self.error_bar.add_messages([f"Could not open {e.path}: {e.reason}." for e in result.errors])
            kept = {s.letter: self._reopen_backup[s.letter] for s in self.sources
                    if s.path in failed and s.letter in self._reopen_backup}
            if kept:  # a failed reopen keeps the article as it was
                self.sources = [Source(s.letter, s.path, kept[s.letter]) if s.letter in kept else s
                                for s in self.sources]
                self._reopen_backup.clear()
                self.request_analysis()
                return
            gone = {s.letter for s in self.sources if s.path in failed and s.article is None}
            self.sources = [s for s in self.sources if s.letter not in gone]
        self._reopen_backup.clear()
        loaded = {a.id: a for a in result.articles}
        self.sources = [Source(s.letter, s.path, loaded.get(s.letter, s.article), s.encoding)
                        for s in self.sources]
        self.comparison = result.comparison
        self.base = result.comparison.base if result.comparison else None
        if len(self._pair_cache) > 400:
            self._pair_cache.clear()
        self._rebuild_panes()
        self.claims_panel.set_comparison(self.comparison)
        self.matrix_dock.set_comparison(self.comparison)
        self.session.show_marks()
        self.refresh()

    def _on_failed(self, message: str) -> None:
        self.error_bar.add_messages([f"The analysis failed: {message}"])
        self.empty.show_opening(0)

    # -- panes (the row owns them; these names stay for the other modules and tests) ---
    panes = property(lambda self: self.pane_row.panes, doc="The article panes by letter.")
    order = property(lambda self: self.pane_row.order, doc="The pane letters, left to right.")
    splitter = property(lambda self: self.pane_row.splitter, doc="The splitter holding the panes.")
    pane_area = property(lambda self: self.pane_row, doc="The sideways-scrolling row of panes.")
    sync = property(lambda self: self.pane_row.sync, doc="The panes' synchronized scrolling.")

    def _wire_pane(self, pane: ArticlePane) -> None:
        pane.text.setFont(self.view_options.pane_font())
        pane.focused.connect(self._on_pane_focused)
        pane.make_base_requested.connect(self.set_base)
        pane.close_requested.connect(self.close_article)
        pane.reopen_requested.connect(self.reopen_with_encoding)
        pane.offset_clicked.connect(self.jump_to_twin)

    def _rebuild_panes(self) -> None:
        articles = self.comparison.articles if self.comparison else ()
        wanted = self._wanted_order if self._wanted_order is not None else self.order
        self._wanted_order = self._wanted_base = None
        self.pane_row.show_articles(articles, wanted)
        self.stack.setCurrentWidget(self.pane_row if articles else self.empty)
        self.empty.show_opening(0)
        if self.focused not in self.panes:
            self.focused = None
        # Tab goes through the panes left to right, then the claims filter and list.
        self.pane_row.set_tab_order([self.claims_panel.filter, self.claims_panel.mark_combo,
                                     self.claims_panel.view, self.matrix_dock.view])
        self._refresh_base_combo()
        self.find_bar.refresh()

    def _apply_view_options(self) -> None:
        font = self.view_options.apply_to(self.panes.values())
        self.statusBar().showMessage(f"Text size {font.pointSize()} pt", 1500)
        self._style_legend()

    def _style_legend(self) -> None:
        """The toolbar's legend and the first-run hint in the colours the panes use in this appearance."""
        dark = is_dark()
        for kind, label in self.legend_labels.items():
            label.setStyleSheet(legend_css(kind, dark))
        self.first_run_hint.set_dark(dark)

    def _refresh_base_combo(self) -> None:
        self.base_combo.clear()
        if not self.comparison:
            return
        for art in self.comparison.articles:
            self.base_combo.addItem(f"{art.id}  {art.title}", art.id)
        self.base_combo.setCurrentIndex(self.base_combo.findData(self.base))

    def oriented(self, ref: str, other: str) -> OrientedPair:
        """The diff of `ref` → `other` for the current comparison (cached)."""
        return self.comparison.oriented(ref, other)

    def map_offset(self, src: str, dst: str, offset: int) -> int:
        """Map a text offset of article `src` to the matching one of `dst`."""
        if self.comparison is None or src == dst:
            return offset
        return map_offset(self.oriented(src, dst).alignment, offset)

    def partner(self) -> str | None:
        """The non-base article the base pane shows its drops against."""
        if self.focused != self.base and self._shown(self.focused):
            return self.focused
        return next((x for x in self.order if x != self.base and self._shown(x)), None)

    def refresh(self) -> None:
        """Redraw highlights, headers, title and status from the comparison."""
        comp = self.comparison
        self.refresh_title()
        if not comp:
            self.status.setText("")
            return
        partner = self.partner()
        conflicts = conflict_spans(comp)
        reuse = self.view_mode == REUSE
        for letter, pane in self.panes.items():
            art = comp.article(letter)
            marks = conflict_marks(conflicts.get(letter, []))
            if letter == self.base:
                pane.set_info(base_info(art.word_count, partner, reuse), "\n".join(filter(None, (
                    "The reference article the others are compared against", others_note(comp, letter)))))
            else:
                op = self.oriented(self.base, letter)
                pane.set_info(pair_info(art.word_count, op, self.base), "\n".join(filter(None, (
                    pair_tooltip(op, self.base), others_note(comp, letter)))))
            pane.set_spans(pane_spans(comp, letter, self.base, partner, reuse) + marks)
        self.pane_row.mark_base(self.base)
        self.spin_panel.show_pair(self.oriented(self.base, partner) if partner else None)
        for kind, label in self.legend_labels.items():
            label.setVisible((kind == RUN) == reuse)
        self._update_status()

    def refresh_title(self) -> None:
        """Window title: session name, article count, base, unsaved marker."""
        comp = self.comparison
        n = len(comp.articles) if comp else 0
        name = os.path.basename(self.session.path) + " — " if self.session.path else ""
        unsaved = " •" if self.session.dirty and self.session.marks else ""
        self.setWindowTitle(f"{name}Copydesk — {n} article{'s' if n != 1 else ''}"
                            + (f" · base: {self.base}" if comp else "") + unsaved)

    def _update_status(self) -> None:
        partner = self.partner()
        if not self.comparison or not partner:
            self.status.setText("Open another article to compare." if self.comparison else "")
            return
        op = self.oriented(self.base, partner)
        s = op.stats
        self.status.setText(f"{partner} vs {self.base}: {s.changes} changes · +{s.words_added} / "
                            f"−{s.words_dropped} words · similarity {op.similarity:.0%}")

    def _shown(self, letter: str | None) -> bool:
        """True when `letter` is an article of the comparison on screen."""
        return bool(letter) and self.comparison is not None and letter in self.panes and any(
            a.id == letter for a in self.comparison.articles)

    def _on_pane_focused(self, letter: str) -> None:
        if letter == self.focused or not self._shown(letter):
            return  # also: focus passing through a pane that is being closed
        self.focused = letter
        self.pane_row.bring_into_view(letter)
        if self.comparison and letter != self.base:
            self.refresh()
        else:
            self._update_status()

    # -- user actions ----------------------------------------------------------------
    def set_base(self, letter: str) -> None:
        """Compare every other article against `letter`."""
        if not self.comparison or letter == self.base or letter not in self.panes:
            return
        self.base = letter
        self.comparison = replace(self.comparison, base=letter)
        self._refresh_base_combo()
        self.refresh()

    def on_base_combo(self, index: int) -> None:
        """The toolbar's base combo was used."""
        letter = self.base_combo.itemData(index)
        if letter:
            self.set_base(letter)

    def move_pane(self, letter: str, step: int) -> None:
        """Move a pane left (-1) or right (+1) in the splitter."""
        self.pane_row.move(letter, step)

    def close_article(self, letter: str) -> None:
        """Close one article at once; the others' claims are then found again without it."""
        self.sources = [s for s in self.sources if s.letter != letter]
        if self.focused == letter:
            self.focused = None
        if self._wanted_order is not None:
            self._wanted_order = [x for x in self._wanted_order if x != letter]
        if self._wanted_base == letter:
            self._wanted_base = None
        if self.comparison is not None and letter in self.panes:
            rest = self.comparison.without(letter)
            self.runner.abandon()
            self._on_result(WorkspaceResult(rest.articles if rest else (), (), rest))
        if any(s.article is None for s in self.sources) or (self.sources and self.comparison):
            self.request_analysis()

    def reopen_with_encoding(self, letter: str, encoding: str) -> None:
        """Read an article's file again with a chosen text encoding."""
        for s in self.sources:
            if s.letter == letter and s.path and s.article is not None:
                self._reopen_backup[letter] = s.article
        self.sources = [Source(s.letter, s.path, None, encoding) if s.letter == letter and s.path
                        else s for s in self.sources]
        self.request_analysis()

    def announce(self, text: str, ms: int = 4000) -> None:
        """Say something in the status bar, where screen readers can read it."""
        self.statusBar().showMessage(text, ms)
        self.statusBar().setAccessibleDescription(text)

    def set_view_mode(self, mode: str) -> None:
        """Diff view (word changes) or Reuse view (verbatim runs)."""
        self.view_mode = mode if mode in (DIFF, REUSE) else DIFF
        self.view_actions[self.view_mode].setChecked(True)
        self.refresh()
        self.session.changed()

    def show_pair(self, a: str, b: str) -> None:
        """Compare two articles side by side: `a` becomes the base, `b` sits next to it."""
        self.navigator.show_pair(a, b)

    def jump_to_twin(self, letter: str, offset: int) -> None:
        """A click on a verbatim run or moved passage shows its twin in the other pane."""
        self.navigator.jump_to_twin(letter, offset, self.view_mode == REUSE)

    def jump_to_swap(self, swap) -> None:
        """Show one synonym swap in the base pane and the focused article."""
        self.navigator.jump_to_swap(swap)

    def action_next_change(self) -> None:
        """Go to the next change of the focused pane (Alt+Down)."""
        self.navigator.go(True)

    def action_previous_change(self) -> None:
        """Go to the previous change of the focused pane (Alt+Up)."""
        self.navigator.go(False)

    def jump_to_claim(self, claim) -> None:
        """Scroll every pane that carries a claim to its wording and flash it."""
        self.navigator.jump_to_claim(claim)

    # -- drag and drop -------------------------------------------------------------------
    def letters_in_order(self) -> list[str]:
        """The pane letters, left to right."""
        return list(self.order)

