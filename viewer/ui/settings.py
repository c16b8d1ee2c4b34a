"""Persistent settings (QSettings): geometry, splitter, recent files, options.

Tests point QSettings at a temporary INI file before the window exists, so
they never touch the user's real settings.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

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
