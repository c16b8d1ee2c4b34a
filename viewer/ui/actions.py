"""The main window's actions, menus and toolbar, in one place.

Every action is a QAction added to the window (so its shortcut works from
any focused widget) and appears in a menu; standard keys come from
QKeySequence.StandardKey where Qt has one.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from .dialogs import ShortcutsDialog, show_about
from .highlight import LEGEND, legend_css
from .theme import DARK, LIGHT, SYSTEM

SK = QKeySequence.StandardKey
LEGEND_TIPS = {"added": "Words the article adds to the base",
               "dropped": "Words of the base the article drops (shown in the base pane)",
               "changed": "Words the article words differently",
               "swap": "A synonym swap, as a spinning tool makes it (said → mentioned)",
               "moved": "A passage the other article has in another place (click to see it)",
               "verbatim run": "Six or more words found word for word in the other article "
                               "(click to see its twin)"}


# Where a platform defines no key for a standard action, these are used.
_FALLBACK = {SK.Quit: "Ctrl+Q", SK.Close: "Ctrl+W", SK.Save: "Ctrl+S", SK.SaveAs: "Ctrl+Shift+S",
             SK.Print: "Ctrl+P", SK.Find: "Ctrl+F", SK.FindNext: "F3",
             SK.FindPrevious: "Shift+F3", SK.Open: "Ctrl+O", SK.ZoomIn: "Ctrl++",
             SK.ZoomOut: "Ctrl+-", SK.HelpContents: "F1"}


def _make(win, text: str, slot, keys=None, tip: str = "", checkable: bool = False) -> QAction:
    act = QAction(text, win)
    if isinstance(keys, SK) and not QKeySequence.keyBindings(keys):
        keys = _FALLBACK.get(keys)
    if keys is not None:
        if isinstance(keys, (list, tuple)):
            seqs = []
            for k in keys:
                seqs.extend(QKeySequence.keyBindings(k) or [QKeySequence(_FALLBACK.get(k, ""))]
                            if isinstance(k, SK) else [QKeySequence(k)])
            act.setShortcuts([q for q in seqs if not q.isEmpty()])
        else:
            act.setShortcut(QKeySequence(keys))
    if tip:
        act.setToolTip(tip)
        act.setStatusTip(tip)
    act.setCheckable(checkable)
    act.triggered.connect(slot)
    win.addAction(act)
    return act


def build_actions(win) -> None:
    """Create the window's actions as `win.action_*` attributes."""
    a = partial(_make, win)
    win.action_open = a("&Open…", win.action_open_files, SK.Open, "Open one or more articles")
    win.action_open_folder = a("Open &Folder…", win.action_choose_folder, "Ctrl+Shift+O",
                               "Open every article in a folder")
    win.action_triage = a("&Triage Folder…", win.action_triage_folder, "Ctrl+Shift+T",
                          "Group a folder of articles by event and find who copied whom")
    win.action_paste = a("&Paste as New Article", win.action_paste_article, "Ctrl+Shift+V",
                         "Add the clipboard text as an article")
    win.action_close_article = a("&Close Article", win.action_close_focused, SK.Close,
                                 "Close the focused article")
    win.action_open_session = a("Open &Session…", lambda: win.action_open_session_file(),
                                "Ctrl+Alt+O", "Open a saved comparison (.copydesk)")
    win.action_save = a("&Save Session", lambda: win.session.save(), SK.Save,
                        "Save the comparison and review marks")
    win.action_save_as = a("Save Session &As…", lambda: win.session.save_as(), SK.SaveAs)
    win.action_export = a("&Export Report…", win.action_export_report, "Ctrl+E",
                          "Save the report as HTML or PDF, or the analysis as JSON")
    win.action_print = a("&Print Report…", win.action_print_report, SK.Print)
    win.action_quit = a("&Quit", win.close, SK.Quit)
    win.action_find = a("&Find…", win.find_bar_open, SK.Find, "Find in all articles")
    win.action_find_next = a("Find &Next", lambda: win.find_bar.next_match(), SK.FindNext)
    win.action_find_prev = a("Find Pre&vious", lambda: win.find_bar.previous_match(), SK.FindPrevious)
    win.action_next = a("Next ▶", win.action_next_change, "Alt+Down",
                        "Go to the next change of the focused article (Alt+Down)")
    win.action_prev = a("◀ Previous", win.action_previous_change, "Alt+Up",
                        "Go to the previous change of the focused article (Alt+Up)")
    win.action_make_base = a("Make Focused Article &Base", win.action_base_focused, "Ctrl+B",
                             "Compare the other articles against this one")
    win.action_sync = a("&Synchronize Scrolling", win.action_toggle_sync, "Ctrl+L",
                        "Scroll all panes to matching content", checkable=True)
    win.action_cancel = a("Cancel Analysis", win.runner.cancel, "Esc")
    win.action_zoom_in = a("Zoom &In", lambda: win.view_options.zoom(1), [SK.ZoomIn, "Ctrl+="])
    win.action_zoom_out = a("Zoom &Out", lambda: win.view_options.zoom(-1), SK.ZoomOut)
    win.action_zoom_reset = a("&Reset Zoom", lambda: win.view_options.zoom(0), "Ctrl+0")
    win.action_font = a("Article &Font…", win.view_options.choose_font)
    win.action_focus_claims = a("Focus &Claims", win.focus_claims, "Ctrl+Shift+L",
                                "Move the keyboard focus to the claims list")
    win.action_shortcuts = a("&Keyboard Shortcuts", win.action_show_shortcuts, SK.HelpContents)
    win.action_about = a("&About Copydesk", win.action_show_about)
    win.focus_actions = [a(f"Focus Article {k}", partial(win.focus_pane, k - 1), f"Ctrl+{k}")
                         for k in range(1, 10)]
    modes = QActionGroup(win)
    win.view_actions = {}
    for mode, label, keys in (("diff", "&Diff View", "Ctrl+Shift+D"), ("reuse", "&Reuse View", "Ctrl+Shift+R")):
        act = a(label, partial(win.set_view_mode, mode), keys, checkable=True)
        modes.addAction(act)
        win.view_actions[mode] = act
    win.view_actions["diff"].setChecked(True)
    win.view_actions["diff"].setToolTip("Word changes against the base (Ctrl+Shift+D)")
    win.view_actions["reuse"].setToolTip("Verbatim runs shared with the base (Ctrl+Shift+R)")
    group = QActionGroup(win)
    win.appearance_actions = {}
    for mode, label in ((SYSTEM, "Follow &System"), (LIGHT, "&Light"), (DARK, "&Dark")):
        act = a(label, partial(win.view_options.set_appearance, mode), checkable=True)
        group.addAction(act)
        win.appearance_actions[mode] = act


def build_menus(win) -> None:
    """Fill the menu bar."""
    bar = win.menuBar()
    m = bar.addMenu("&File")
    m.addAction(win.action_open)
    m.addAction(win.action_open_folder)
    m.addAction(win.action_triage)
    win.recent_menu = m.addMenu("Open &Recent")
    m.addAction(win.action_paste)
    m.addSeparator()
    m.addAction(win.action_open_session)
    m.addAction(win.action_save)
    m.addAction(win.action_save_as)
    m.addSeparator()
    m.addAction(win.action_export)
    m.addAction(win.action_print)
    m.addSeparator()
    m.addAction(win.action_close_article)
    m.addSeparator()
    m.addAction(win.action_quit)
    m = bar.addMenu("&Edit")
    for act in (win.action_find, win.action_find_next, win.action_find_prev):
        m.addAction(act)
    m = bar.addMenu("&View")
    for act in win.view_actions.values():
        m.addAction(act)
    m.addSeparator()
    m.addAction(win.action_sync)
    show_claims = win.claims_panel.toggleViewAction()
    show_claims.setText("Claims &Sidebar")
    show_claims.setShortcut(QKeySequence("Ctrl+Shift+C"))
    m.addAction(show_claims)
    m.addAction(win.action_focus_claims)
    for dock, label in ((win.matrix_dock, "Similarity &Matrix"), (win.spin_panel, "S&pin Swaps")):
        act = dock.toggleViewAction()
        act.setText(label)
        m.addAction(act)
    m.addSeparator()
    for act in (win.action_zoom_in, win.action_zoom_out, win.action_zoom_reset, win.action_font):
        m.addAction(act)
    look = m.addMenu("&Appearance")
    for act in win.appearance_actions.values():
        look.addAction(act)
    panes = m.addMenu("Focus &Article")
    for act in win.focus_actions:
        panes.addAction(act)
    m = bar.addMenu("&Compare")
    for act in (win.action_next, win.action_prev):
        m.addAction(act)
    m.addSeparator()
    m.addAction(win.action_make_base)
    m.addAction(win.action_cancel)
    m = bar.addMenu("&Help")
    m.addAction(win.action_shortcuts)
    m.addAction(win.action_about)


def build_toolbar(win) -> None:
    """The toolbar: what am I comparing, against what, and how to move."""
    tb = win.addToolBar("Main")
    tb.setObjectName("MainToolBar")
    tb.setMovable(False)
    # Short words on the buttons (the menus keep the full names), so the toolbar and its legend fit
    # a laptop's screen.
    for act, short in ((win.action_open, "Open"), (win.action_paste, "Paste"), (win.action_find, "Find"),
                       (win.action_prev, "◀ Prev"), (win.action_sync, "Sync Scroll"),
                       (win.view_actions["diff"], "Diff"), (win.view_actions["reuse"], "Reuse")):
        act.setIconText(short)
    tb.addAction(win.action_open)
    tb.addAction(win.action_paste)
    tb.addSeparator()
    base_label = QLabel(" Base: ")
    tb.addWidget(base_label)
    win.base_combo = QComboBox()
    win.base_combo.setMinimumContentsLength(16)
    win.base_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    win.base_combo.setToolTip("The reference article the others are compared against")
    win.base_combo.setAccessibleName("Base article")
    base_label.setBuddy(win.base_combo)
    win.base_combo.activated.connect(win.on_base_combo)
    tb.addWidget(win.base_combo)
    tb.addSeparator()
    tb.addWidget(QLabel(" View: "))
    for act in win.view_actions.values():
        tb.addAction(act)
    tb.addSeparator()
    tb.addAction(win.action_prev)
    tb.addAction(win.action_next)
    tb.addSeparator()
    tb.addAction(win.action_sync)
    tb.addAction(win.action_find)
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    tb.addWidget(spacer)
    win.legend = QWidget()
    win.legend.setAccessibleName("Legend")
    row = QHBoxLayout(win.legend)
    row.setContentsMargins(0, 0, 8, 0)
    win.legend_labels = {}
    for kind, label in LEGEND:
        lab = QLabel(label)
        lab.setStyleSheet(legend_css(kind))
        lab.setToolTip(LEGEND_TIPS[label])
        lab.setAccessibleName(f"Legend: {label}")
        row.addWidget(lab)
        win.legend_labels[kind] = lab
    tb.addWidget(win.legend)


class CommandsMixin:
    """The main window's small commands that act on its focus, panes and dialogs."""

    def action_close_focused(self) -> None:
        """Close the focused article (File ▸ Close Article)."""
        letter = self.focused or (self.order[-1] if self.order else None)
        if letter:
            self.close_article(letter)

    def action_base_focused(self) -> None:
        """Make the focused article the base."""
        if self.focused:
            self.set_base(self.focused)

    def action_toggle_sync(self, checked: bool) -> None:
        """Switch synchronized scrolling on or off."""
        self.sync.enabled = checked
        if checked and self.focused in self.panes:
            self.sync.sync_from(self.panes[self.focused])

    def find_bar_open(self) -> None:
        """Edit ▸ Find: search all panes."""
        self.find_bar.open_bar()

    def focus_pane(self, k: int) -> None:
        """Move the keyboard focus to the k-th pane from the left (Ctrl+1…9)."""
        if 0 <= k < len(self.order):
            self.panes[self.order[k]].text.setFocus()
            self._on_pane_focused(self.order[k])

    def focus_claims(self) -> None:
        """Move the keyboard focus to the claims list."""
        self.claims_panel.show()
        self.claims_panel.view.setFocus()

    def action_show_shortcuts(self) -> None:
        """Help ▸ Keyboard Shortcuts."""
        ShortcutsDialog(self.actions(), self).exec()

    def action_show_about(self) -> None:
        """Help ▸ About."""
        show_about(self)
