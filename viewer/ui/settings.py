"""Persistent settings (QSettings): geometry, splitter, recent files, options.

Tests point QSettings at a temporary INI file before the window exists, so
they never touch the user's real settings.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QGuiApplication

MAX_RECENT = 10


def app_settings() -> QSettings:
    """The application's settings store (organisation/app names set in app.py)."""
    return QSettings()


def read_bool(settings: QSettings, key: str, default: bool) -> bool:
    """A boolean setting; INI files store them as strings."""
    value = settings.value(key, default)
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes", "on")
    return bool(value)


def recent_files(settings: QSettings) -> list[str]:
    """Most recently opened files, newest first."""
    value = settings.value("recent_files", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v]


def add_recent_files(settings: QSettings, paths: list[str]) -> list[str]:
    """Put `paths` at the front of the recent list; return the new list."""
    items = list(paths) + [p for p in recent_files(settings) if p not in paths]
    items = items[:MAX_RECENT]
    settings.setValue("recent_files", items)
    return items


def read_int(settings: QSettings, key: str, default: int) -> int:
    """An integer setting; falls back to `default` when missing or malformed."""
    try:
        return int(settings.value(key, default))
    except (TypeError, ValueError):
        return default


def restore_window_state(win):
    """Geometry, docks and options of the main window; returns the saved splitter state."""
    s = win.settings
    geo = s.value("window/geometry")
    if isinstance(geo, QByteArray) and not geo.isEmpty():
        win.restoreGeometry(geo)
    else:  # first run: most of the screen, centred
        screen = QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen else None
        if area is not None and area.width() > 800:
            win.resize(int(area.width() * 0.92), int(area.height() * 0.9))
            win.move(area.center() - win.rect().center())
        else:
            win.resize(1400, 860)
    state = s.value("window/state")
    if isinstance(state, QByteArray) and not state.isEmpty():
        win.restoreState(state)
    else:
        win.resizeDocks([win.claims_panel], [340], Qt.Orientation.Horizontal)
        win.resizeDocks([win.claims_panel, win.matrix_dock], [600, 260], Qt.Orientation.Vertical)
    win.action_sync.setChecked(read_bool(s, "options/sync_scroll", True))
    return s.value("window/splitter")


def save_window_state(win) -> None:
    """Write the main window's geometry, splitter sizes, docks and options."""
    s = win.settings
    s.setValue("window/geometry", win.saveGeometry())
    s.setValue("window/splitter", win.pane_row.save_state())
    s.setValue("window/state", win.saveState())
    s.setValue("options/sync_scroll", win.action_sync.isChecked())
    s.sync()
