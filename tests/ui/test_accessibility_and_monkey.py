"""Accessible names everywhere a screen reader lands, and a bounded random-action run."""

import os
import random

from monkey import Monkey, claim_rows
from PySide6.QtCore import Qt

from viewer.ui.claimsmodel import KeyRole, MarkRole


def test_accessible_names_and_descriptions(make_window, seed_files):
    win = make_window(seed_files[:3])
    for letter, pane in win.panes.items():
        assert pane.text.accessibleName() == f"Article {letter} text"
        assert pane.article.title in pane.text.accessibleDescription()
        assert pane.menu_button.accessibleName()
        assert pane.map.accessibleName() == "Overview map"
    for widget in (win.base_combo, win.claims_panel.view, win.claims_panel.filter,
                   win.claims_panel.mark_combo, win.matrix_dock.view, win.find_bar.edit,
                   win.spin_panel.list, win.legend):
        assert widget.accessibleName(), widget
    proxy = win.claims_panel.proxy
    sec = proxy.index(1, 0)
    row = proxy.index(0, 0, sec)
    assert "In articles" in row.data(Qt.ItemDataRole.AccessibleTextRole)
    cell = win.matrix_dock.model.index(0, 1)
    assert "similarity" in cell.data(Qt.ItemDataRole.AccessibleTextRole)
    # The current change is announced in text a screen reader can read.
    win.focus_pane(1)
    win.action_next.trigger()
    assert "Change 1 of" in win.statusBar().accessibleDescription()


def _next_tab_stop(widget):
    w = widget.nextInFocusChain()
    while w is not widget and not (w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible()
                                   and w.isEnabled()):
        w = w.nextInFocusChain()
    return w


def test_tab_goes_through_the_panes_then_the_sidebar(make_window, seed_files):
    win = make_window(seed_files[:3])
    order = [win.panes[x].text for x in win.order]
    for first, second in zip(order, order[1:]):
        assert _next_tab_stop(first) is second
    assert _next_tab_stop(order[-1]) is win.claims_panel.filter


MONKEY_STEPS = int(os.environ.get("COPYDESK_MONKEY_STEPS", "1000"))


def check_consistent(win) -> None:
    """Panes, splitter, sources, comparison and sidebar marks agree with each other."""
    letters = {s.letter for s in win.sources}
    assert set(win.panes) == set(win.order) == letters
    assert win.splitter.count() == len(win.panes)
    assert [win.splitter.widget(k) for k in range(win.splitter.count())] == [win.panes[x] for x in win.order]
    assert win.base in win.panes
    assert {a.id for a in win.comparison.articles} == letters
    for letter, pane in win.panes.items():
        assert pane.text.toPlainText() == win.comparison.article(letter).text
    shown = {i.data(KeyRole): i.data(MarkRole).mark for i in claim_rows(win)
             if i.data(MarkRole) is not None}
    saved = {m.target: m.mark for m in win.session.marks}
    assert shown.items() <= saved.items()


def test_monkey_random_actions_keep_a_consistent_state(make_window, seed_files, qtbot, tmp_path):
    """1,000 random actions (COPYDESK_MONKEY_STEPS changes the count) and no exception
    (pytest-qt fails the test on any exception raised in a Qt callback)."""
    win = make_window(seed_files[:3])
    monkey = Monkey(win, random.Random(20261123), seed_files, tmp_path)
    for step in range(MONKEY_STEPS):
        monkey.step()
        if step % 25 == 0:
            qtbot.waitUntil(lambda: not win.runner.is_busy(), timeout=20000)
        qtbot.wait(0)
    monkey.finish()
    qtbot.waitUntil(lambda: not win.runner.is_busy(), timeout=20000)
    qtbot.wait(20)
    assert set(monkey.counts) == set(monkey.actions)  # every kind of action ran
    check_consistent(win)
    assert not [m for m in win.error_bar.messages if "failed" in m]
    assert monkey.exports and all(p.stat().st_size > 0 for p in set(monkey.exports))
