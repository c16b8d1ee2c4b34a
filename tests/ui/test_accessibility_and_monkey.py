"""Accessible names everywhere a screen reader lands, and a bounded random-action run."""

import random

from PySide6.QtCore import Qt


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


def _settle(win, qtbot):
    qtbot.waitUntil(lambda: not win.runner.is_busy(), timeout=15000)


def test_monkey_random_actions_keep_a_consistent_state(make_window, seed_files, qtbot):
    rng = random.Random(20261123)
    win = make_window(seed_files[:3])

    def open_one():
        win.open_paths([rng.choice(seed_files)])

    def close_one():
        if len(win.order) > 1:
            win.close_article(rng.choice(win.order))

    def rebase():
        if win.order:
            win.set_base(rng.choice(win.order))

    def focus():
        if win.order:
            win.focus_pane(rng.randrange(len(win.order)))

    def filter_claims():
        win.claims_panel.filter.setText(rng.choice(["", "Korea", "war", "zz", "Zelenskyy"]))

    def matrix_click():
        m = win.matrix_dock.model
        if m.rowCount() > 1:
            win.matrix_dock.view.clicked.emit(m.index(rng.randrange(m.rowCount()),
                                                      rng.randrange(m.columnCount())))

    def move():
        if win.order:
            win.move_pane(rng.choice(win.order), rng.choice([-1, 1]))

    def scroll():
        if win.order:
            bar = win.panes[rng.choice(win.order)].text.verticalScrollBar()
            bar.setValue(rng.randrange(bar.maximum() + 1))

    actions = [open_one, close_one, rebase, focus, filter_claims, matrix_click, move, scroll,
               win.action_next.trigger, win.action_prev.trigger, win.action_zoom_in.trigger,
               win.action_zoom_out.trigger, win.action_sync.trigger,
               win.view_actions["reuse"].trigger, win.view_actions["diff"].trigger,
               lambda: win.find_bar.edit.setText(rng.choice(["Russia", "the", ""])),
               win.action_find_next.trigger]
    for step in range(300):
        rng.choice(actions)()
        if step % 25 == 0:
            _settle(win, qtbot)
        qtbot.wait(0)
    _settle(win, qtbot)
    qtbot.wait(20)
    letters = {s.letter for s in win.sources}
    assert set(win.panes) == set(win.order) == letters
    assert win.splitter.count() == len(win.panes)
    assert [win.splitter.widget(k) for k in range(win.splitter.count())] == [win.panes[x] for x in win.order]
    assert win.base in win.panes
    assert {a.id for a in win.comparison.articles} == letters
    for letter, pane in win.panes.items():
        assert pane.text.toPlainText() == win.comparison.article(letter).text
