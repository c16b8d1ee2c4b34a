"""pytest-qt fixtures: an isolated settings store and a main window."""

import pytest


@pytest.fixture(autouse=True)
def temp_settings(tmp_path, qapp, monkeypatch):
    """Point QSettings at a temporary INI file (and autosave at a temp folder) for every UI test."""
    monkeypatch.setenv("COPYDESK_DATA_DIR", str(tmp_path / "data"))
    from PySide6.QtCore import QSettings
    qapp.setOrganizationName("CopydeskTests")
    qapp.setApplicationName("Copydesk")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    yield tmp_path / "settings"


@pytest.fixture
def make_window(qtbot):
    """Build a MainWindow on some files and wait until its analysis is drawn."""
    from PySide6.QtWidgets import QMessageBox

    from viewer.ui.mainwindow import MainWindow
    windows = []

    def make(files=None, wait=True):
        win = MainWindow(files)
        # Never block on a question when pytest-qt closes the window; tests that
        # check the questions replace this.
        win.session.ask = lambda *a: QMessageBox.StandardButton.Discard
        qtbot.addWidget(win)
        win.resize(1400, 900)
        win.show()
        if wait:
            qtbot.waitUntil(lambda: not win.runner.is_busy() and win.comparison is not None, timeout=15000)
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.runner.wait(5000)
