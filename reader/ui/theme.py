"""Light and dark themes for the whole window: a Fusion palette plus a small stylesheet
from resources/styles/. The reading pane keeps its own paper colours (reading_pane.THEMES).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from reader.resources import STYLES_DIR

PALETTES = {
    "light": {
        QPalette.ColorRole.Window: "#f3f2ef",
        QPalette.ColorRole.WindowText: "#24262a",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#eeede9",
        QPalette.ColorRole.Text: "#24262a",
        QPalette.ColorRole.Button: "#f3f2ef",
        QPalette.ColorRole.ButtonText: "#24262a",
        QPalette.ColorRole.Highlight: "#2f6fd0",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#80848c",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: "#24262a",
        QPalette.ColorRole.Mid: "#d5d3ce",
    },
    "dark": {
        QPalette.ColorRole.Window: "#25272b",
        QPalette.ColorRole.WindowText: "#dcd9d2",
        QPalette.ColorRole.Base: "#1d1f23",
        QPalette.ColorRole.AlternateBase: "#2c2f34",
        QPalette.ColorRole.Text: "#dcd9d2",
        QPalette.ColorRole.Button: "#2c2f34",
        QPalette.ColorRole.ButtonText: "#dcd9d2",
        QPalette.ColorRole.Highlight: "#3d7be0",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#8e929b",
        QPalette.ColorRole.ToolTipBase: "#2c2f34",
        QPalette.ColorRole.ToolTipText: "#dcd9d2",
        QPalette.ColorRole.Mid: "#3a3d43",
    },
}


def apply_theme(window: QWidget, theme: str) -> None:
    """Theme the application palette and the window's stylesheet (the palette is set
    application-wide: a widget under a stylesheet does not inherit a parent's palette)."""
    theme = theme if theme in PALETTES else "light"
    app = QApplication.instance()
    if app is not None and app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    palette = QPalette()
    for role, color in PALETTES[theme].items():
        palette.setColor(role, QColor(color))
    if app is not None:
        app.setPalette(palette)
    window.setPalette(palette)
    sheet = STYLES_DIR / f"{theme}.qss"
    window.setStyleSheet(sheet.read_text(encoding="utf-8") if sheet.is_file() else "")
