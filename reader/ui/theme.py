"""The window's themes (light, dark, sepia) from one palette each.

Every colour the UI shows comes from a `Theme`: the application palette (Fusion) and
one application-wide stylesheet are both built from it, and the reading pane and the
page view read their paper and tints from the theme in force (`current_theme()`).
Applying the palette and the stylesheet to the application, never to single widgets,
is what keeps a switch complete in any order: a widget with its own palette or sheet
keeps the old theme's colours (the dark strips and light frames issue 13 found).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from reader.resources import ICONS_DIR


@dataclass(frozen=True)
class Theme:
    """The colours of one theme, by what they paint."""

    name: str
    window: str  # panels, toolbar, status bar
    window_text: str
    base: str  # lists, fields, popups
    alternate_base: str  # list section headers
    text: str
    muted: str  # secondary text, hints
    button: str
    border: str  # field frames, separators
    hover: str  # a hovered tool button, splitter handles
    highlight: str  # the selection
    highlighted_text: str
    chip: str  # tag chips
    paper: str  # the reading pane's page
    paper_text: str
    accent: str  # column labels, links, "not saved"
    highlight_alpha: int  # how opaque highlights are drawn over the paper
    marker: str  # the outline around the current highlight: a grey, never a hue
    tints: tuple[str, str]  # the page view's alternating article backgrounds
    outside_tint: str  # the page view's lines outside every article
    notice: str  # warning bars: background
    notice_border: str
    notice_text: str
    success: str
    error: str


THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light",
        window="#f3f2ef",
        window_text="#24262a",
        base="#ffffff",
        alternate_base="#eeede9",
        text="#24262a",
        muted="#6d717a",
        button="#f3f2ef",
        border="#d5d3ce",
        hover="#e6e4df",
        highlight="#2f6fd0",
        highlighted_text="#ffffff",
        chip="#e4ecfa",
        paper="#fbfaf6",
        paper_text="#24262a",
        accent="#b3322b",
        highlight_alpha=120,
        marker="#333333",
        tints=("#fbf3dc", "#e3eef8"),
        outside_tint="#ffffff",
        notice="#fdecc8",
        notice_border="#e0b35a",
        notice_text="#5a3d00",
        success="#2e7d32",
        error="#c62828",
    ),
    "dark": Theme(
        name="dark",
        window="#25272b",
        window_text="#dcd9d2",
        base="#1d1f23",
        alternate_base="#2c2f34",
        text="#dcd9d2",
        muted="#8e929b",
        button="#2c2f34",
        border="#3f434a",
        hover="#34373d",
        highlight="#3d7be0",
        highlighted_text="#ffffff",
        chip="#2d3a52",
        paper="#1b1d21",
        paper_text="#dcd9d2",
        accent="#e0736b",
        highlight_alpha=95,
        marker="#f2f2f2",
        tints=("#33301f", "#1f2b38"),
        outside_tint="#1d1f23",
        notice="#4a3a1a",
        notice_border="#8a6a2a",
        notice_text="#f3d9a0",
        success="#81c784",
        error="#ef9a9a",
    ),
    "sepia": Theme(
        name="sepia",
        window="#ede3cc",
        window_text="#4a3b2a",
        base="#f7efdc",
        alternate_base="#e7dbbf",
        text="#4a3b2a",
        muted="#8a7560",
        button="#e9dec4",
        border="#d3c29d",
        hover="#e0d2b1",
        highlight="#95652c",
        highlighted_text="#fffaf0",
        chip="#e4d3ae",
        paper="#f4ead3",
        paper_text="#4a3b2a",
        accent="#9c3a1f",
        highlight_alpha=115,
        marker="#2b2b2b",
        tints=("#efdcae", "#dfe0c4"),
        outside_tint="#f7efdc",
        notice="#f3d9a4",
        notice_border="#c59a4c",
        notice_text="#5a3d00",
        success="#3f6e2a",
        error="#a8321d",
    ),
}
DEFAULT_THEME = "light"

_current = THEMES[DEFAULT_THEME]


def theme_named(name: str) -> Theme:
    """The theme of that name; the default for a name a settings file made up."""
    return THEMES.get(name, THEMES[DEFAULT_THEME])


def current_theme() -> Theme:
    """The theme last applied to the application (the default before any)."""
    return _current


def build_palette(theme: Theme) -> QPalette:
    """A complete palette: every role set, so nothing is left from the theme before
    (a `QPalette()` starts as a copy of the application's palette)."""
    c = QColor
    brushes = [
        c(theme.window_text),
        c(theme.button),
        c(theme.button).lighter(115),
        c(theme.button).darker(160),
        c(theme.border),
        c(theme.text),
        c(theme.highlighted_text),
        c(theme.base),
        c(theme.window),
    ]
    palette = QPalette(*(QBrush(color) for color in brushes))
    roles = {
        QPalette.ColorRole.AlternateBase: theme.alternate_base,
        QPalette.ColorRole.ButtonText: theme.window_text,
        QPalette.ColorRole.Highlight: theme.highlight,
        QPalette.ColorRole.HighlightedText: theme.highlighted_text,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.ToolTipBase: theme.base,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.Link: theme.accent,
        QPalette.ColorRole.LinkVisited: theme.accent,
        QPalette.ColorRole.Midlight: c(theme.button).lighter(108).name(),
        QPalette.ColorRole.Shadow: c(theme.window).darker(250).name(),
    }
    for role, color in roles.items():
        palette.setColor(role, c(color))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, c(theme.muted))
    palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight, c(theme.highlight))
    return palette


def style_sheet(theme: Theme) -> str:
    """The one stylesheet of the application, in the theme's colours. Item views and
    combo popups name their selection colours: a sheet on a combo box otherwise draws
    its popup's current item as an empty box (issue 13)."""
    t = theme
    arrow = (ICONS_DIR / "next.svg").as_posix()  # a grey chevron that reads on every theme
    return f"""
QToolBar#mainToolBar {{ border: none; border-bottom: 1px solid {t.border}; spacing: 4px;
    padding: 4px 8px; background: {t.window}; }}
QToolBar QToolButton {{ padding: 4px; border-radius: 5px; }}
QToolBar QToolButton:hover {{ background: {t.hover}; }}
QToolBar QToolButton:checked {{ background: {t.hover}; }}
QSplitter::handle {{ background: {t.hover}; }}
QSplitter::handle:horizontal {{ width: 1px; }}
QAbstractItemView {{ background: {t.base}; color: {t.text};
    selection-background-color: {t.highlight}; selection-color: {t.highlighted_text}; }}
QListView#articleList, QTableView#articleList, QListView#highlightList {{ border: none; }}
QLineEdit, QComboBox, QPlainTextEdit {{ border: 1px solid {t.border};
    border-radius: 6px; padding: 4px 6px; background: {t.base}; color: {t.text};
    selection-background-color: {t.highlight}; selection-color: {t.highlighted_text}; }}
QLineEdit:focus, QPlainTextEdit:focus {{ border-color: {t.highlight}; }}
QComboBox::drop-down {{ border: none; width: 20px; }}
QComboBox::down-arrow {{ image: url("{arrow}"); width: 12px; height: 12px; }}
QComboBox QAbstractItemView {{ background: {t.base}; color: {t.text};
    border: 1px solid {t.border}; outline: none;
    selection-background-color: {t.highlight}; selection-color: {t.highlighted_text}; }}
QComboBox QAbstractItemView::item {{ color: {t.text}; background: {t.base};
    padding: 3px 6px; }}
QComboBox QAbstractItemView::item:selected, QComboBox QAbstractItemView::item:hover {{
    background: {t.highlight}; color: {t.highlighted_text}; }}
QLineEdit#searchBox {{ min-width: 240px; border-radius: 13px; padding: 4px 10px; }}
QLabel#sectionHeading {{ font-weight: bold; color: {t.muted}; padding-top: 4px; }}
QLabel#emptyHint, QLabel#hint {{ color: {t.muted}; }}
QLabel#noteUnsaved {{ color: {t.accent}; font-weight: bold; }}
QLabel#exportStatus[state="done"] {{ color: {t.success}; }}
QLabel#exportStatus[state="failed"] {{ color: {t.error}; }}
QWidget#highlightEditor {{ background: {t.window}; border-top: 1px solid {t.border}; }}
QListWidget#highlightTags::item, QListWidget#articleTags::item {{ background: {t.chip};
    color: {t.text}; border-radius: 8px; padding: 2px 8px; margin: 2px; }}
QStatusBar {{ border-top: 1px solid {t.border}; color: {t.muted}; background: {t.window}; }}
QTabWidget::pane {{ border: none; background: {t.window}; }}
QTabWidget::tab-bar {{ left: 0px; }}
QTabBar {{ background: {t.window}; qproperty-drawBase: 0; }}
QTabBar::tab {{ padding: 6px 16px; background: {t.window}; color: {t.muted}; border: none;
    border-bottom: 2px solid transparent; }}
QTabBar::tab:selected {{ color: {t.window_text}; border-bottom: 2px solid {t.highlight}; }}
QTextBrowser#readingPane {{ background: {t.paper}; color: {t.paper_text}; border: none; }}
QTextBrowser#pageText {{ background: {t.outside_tint}; color: {t.text}; }}
QFrame#pendingWritesBar {{ background: {t.notice}; border-bottom: 1px solid {t.notice_border}; }}
QFrame#pendingWritesBar QLabel, QLabel#misfitCorrections {{ color: {t.notice_text}; }}
QLabel#misfitCorrections {{ background: {t.notice}; border: 1px solid {t.notice_border};
    border-radius: 4px; padding: 6px; }}
"""


def set_state(widget: QWidget, state: str) -> None:
    """Set the `state` property the stylesheet colours by (done, failed…) and restyle
    the widget: Qt does not re-read a sheet's property selectors by itself."""
    widget.setProperty("state", state)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def apply_theme(theme_name: str) -> Theme:
    """Theme the whole application: its style, palette and stylesheet (so dialogs,
    popups and docks opened later are themed too). Returns the theme applied."""
    global _current
    theme = theme_named(theme_name)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return theme
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    _current = theme
    app.setPalette(build_palette(theme))
    app.setStyleSheet(style_sheet(theme))
    return theme
