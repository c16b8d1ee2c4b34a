"""The first-run hint (dismissed for good) and Help ▸ About (version, licences, where files live)."""

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog

from viewer import __version__
from viewer.core.util.licences import COMPONENTS
from viewer.ui.banners import FIRST_RUN_KEY
from viewer.ui.dialogs import AboutDialog


def test_first_run_hint_shows_until_dismissed_for_good(make_window, seed_files, qtbot):
    win = make_window(seed_files[:2])
    hint = win.first_run_hint
    assert hint.isVisible()
    text = hint.label.text()
    for what in ("Ctrl+O", "Ctrl+Shift+V", "drop", "added", "dropped", "changed", "swap", "moved",
                 "verbatim run", "conflict"):
        assert what in text
    qtbot.mouseClick(hint.button, Qt.MouseButton.LeftButton)
    assert not hint.isVisible()
    assert QSettings().value(FIRST_RUN_KEY) in (True, "true")
    again = make_window(seed_files[:2])  # a later start
    assert not again.first_run_hint.isVisible()


def test_first_run_hint_is_part_of_the_empty_state(make_window, seed_files, qtbot):
    win = make_window(seed_files[:1])
    win.close_article("A")
    qtbot.waitUntil(lambda: not win.panes, timeout=10000)
    assert win.stack.currentWidget() is win.empty
    assert win.empty.isVisible() and win.first_run_hint.isVisible()
    win.first_run_hint.dismiss()
    assert win.empty.isVisible() and not win.first_run_hint.isVisible()


def test_about_names_version_licences_and_where_files_live(make_window, seed_files, temp_settings, qtbot,
                                                           monkeypatch):
    win = make_window(seed_files[:2])
    shown = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self.text.toPlainText()) or 0)
    win.action_about.trigger()
    assert len(shown) == 1
    text = shown[0]
    assert f"Copydesk {__version__}" in text
    assert str(temp_settings) in text  # the INI file the tests point QSettings at
    assert str(win.session.dir) in text and "recovery.copydesk" in text
    for c in COMPONENTS:
        assert c.name in text and c.licence in text
    assert "LGPL-3.0" in text and "Apache-2.0" in text and "WordNet" in text


def test_about_dialog_opens_and_closes(qtbot, temp_settings):
    dlg = AboutDialog("/x/settings.ini", "/y/recovery.copydesk")
    qtbot.addWidget(dlg)
    dlg.show()
    assert "/x/settings.ini" in dlg.text.toPlainText()
    dlg.reject()
    assert dlg.result() == QDialog.DialogCode.Rejected


def test_the_empty_window_says_how_many_articles_are_on_their_way(make_window, seed_files, qtbot):
    win = make_window(seed_files[:1])
    win.close_article("A")
    qtbot.waitUntil(lambda: not win.panes and not win.runner.is_busy(), timeout=10000)
    assert win.empty.text().startswith("No articles open.")
    win.open_paths(seed_files[:3])
    assert win.stack.currentWidget() is win.empty and win.empty.text().startswith("Opening 3 articles…")
    qtbot.waitUntil(lambda: len(win.panes) == 3, timeout=15000)
    assert win.stack.currentWidget() is win.pane_row and win.empty.text().startswith("No articles open.")
    win.open_paths([seed_files[3]])  # more articles while some are shown: the panes stay
    assert win.stack.currentWidget() is win.pane_row
    qtbot.waitUntil(lambda: len(win.panes) == 4, timeout=15000)
