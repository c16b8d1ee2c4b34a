"""Appearance: follow the system's light/dark scheme, or force one.

Forcing sets an explicit palette (and tells Qt ≥ 6.8 the colour scheme), so
it works on every platform, including ones without a platform theme.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

SYSTEM, LIGHT, DARK = "system", "light", "dark"
MODES = (SYSTEM, LIGHT, DARK)

_system_palette: QPalette | None = None

_DARK_ROLES = {
    QPalette.ColorRole.Window: "#2b2b2e", QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1f1f22", QPalette.ColorRole.AlternateBase: "#2f2f33",
    QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#333337",
    QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.ToolTipBase: "#333337",
    QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3d6fa8",
    QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Mid: "#4a4a4f",
    QPalette.ColorRole.PlaceholderText: "#9a9aa0", QPalette.ColorRole.Link: "#8ab4f8",
}
_LIGHT_ROLES = {
    QPalette.ColorRole.Window: "#f3f3f1", QPalette.ColorRole.WindowText: "#1e1e1e",
    QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#f1f0ec",
    QPalette.ColorRole.Text: "#1e1e1e", QPalette.ColorRole.Button: "#ecebe8",
    QPalette.ColorRole.ButtonText: "#1e1e1e", QPalette.ColorRole.ToolTipBase: "#ffffe8",
    QPalette.ColorRole.ToolTipText: "#1e1e1e", QPalette.ColorRole.Highlight: "#3b6ea8",
    QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Mid: "#c8c8c4",
    QPalette.ColorRole.PlaceholderText: "#707070", QPalette.ColorRole.Link: "#2a5db0",
}


def _palette(roles: dict) -> QPalette:
    pal = QPalette()
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    return pal


def apply_appearance(mode: str) -> None:
    """Use the system colour scheme, or force light or dark."""
    global _system_palette
    app = QGuiApplication.instance()
    if app is None:
        return
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme({LIGHT: Qt.ColorScheme.Light, DARK: Qt.ColorScheme.Dark}
                             .get(mode, Qt.ColorScheme.Unknown))
    if mode == DARK:
        app.setPalette(_palette(_DARK_ROLES))
    elif mode == LIGHT:
        app.setPalette(_palette(_LIGHT_ROLES))
    else:
        app.setPalette(_system_palette)
    sheet = app.styleSheet() if hasattr(app, "styleSheet") else ""
    if sheet:
        # Widgets already polished under a style sheet keep the palette they were polished
        # with (the menu bar and tool bar stayed light in dark mode): set the sheet again.
        app.setStyleSheet(sheet)


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the palette's base colour is dark."""
    pal = palette or QGuiApplication.palette()
    return pal.color(QPalette.ColorRole.Base).lightness() < 128
