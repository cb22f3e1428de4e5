"""Every user action of the main window, created in one place.

Menus, the toolbar, context menus and the shortcuts dialog all reuse these QActions, so a
shortcut or tooltip is defined once and the shortcuts dialog can never drift out of date.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap

from reader.resources import ICONS_DIR
from reader.store.models import HIGHLIGHT_COLORS
from reader.ui.i18n import tr

#: Swatch colours for the highlight colours the core knows (light theme).
COLOR_SWATCHES = {
    "yellow": "#f7d44a",
    "green": "#7fd18b",
    "blue": "#7db7f0",
    "pink": "#f29ac0",
    "purple": "#b89cf0",
    "orange": "#f6a85c",
}


def color_names() -> dict[str, str]:
    return {
        "yellow": tr("Yellow"),
        "green": tr("Green"),
        "blue": tr("Blue"),
        "pink": tr("Pink"),
        "purple": tr("Purple"),
        "orange": tr("Orange"),
    }


def icon(name: str) -> QIcon:
    return QIcon(str(ICONS_DIR / f"{name}.svg"))


def swatch_icon(color: str, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(0, 0, 0, 60))
    painter.setBrush(QColor(COLOR_SWATCHES.get(color, color)))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 4, 4)
    painter.end()
    return QIcon(pixmap)


class _ActionSet:
    """Actions by name, given as keywords (a plain class: a dataclass of this many fields
    costs about a millisecond to define at every start)."""

    def __init__(self, **actions: object) -> None:
        self.__dict__.update(actions)


class Actions(_ActionSet):
    """The window's actions by name; `all()` lists them for the shortcuts dialog."""

    import_files: QAction
    import_folder: QAction
    open_url: QAction
    paste_article: QAction
    export: QAction
    backup: QAction
    reparse: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    highlight: QAction
    delete_highlight: QAction
    edit_note: QAction
    add_tag: QAction
    find: QAction
    preferences: QAction
    focus_search: QAction
    next_article: QAction
    previous_article: QAction
    next_highlight: QAction
    previous_highlight: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    toggle_theme: QAction
    toggle_sidebar: QAction
    toggle_article_list: QAction
    close_search: QAction
    shortcuts: QAction
    about: QAction
    colors: dict[str, QAction]

    def all(self) -> list[QAction]:
        single = [v for k, v in vars(self).items() if k != "colors"]
        return single + list(self.colors.values())


def _action(
    parent: QObject,
    text: str,
    shortcuts: list[str] | None = None,
    tip: str = "",
    icon_name: str | None = None,
) -> QAction:
    action = QAction(text, parent)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setToolTip(tip or text.replace("&", "").rstrip("…"))
    action.setStatusTip(tip)
    if icon_name:
        action.setIcon(icon(icon_name))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    return action


def create_actions(parent: QObject) -> Actions:
    colors = {}
    names = color_names()
    for index, color in enumerate(HIGHLIGHT_COLORS, start=1):
        action = _action(
            parent,
            tr("Highlight %s") % names[color],
            [f"Ctrl+{index}"],
            tr("Highlight the selected passage in %s") % names[color].lower(),
        )
        action.setIcon(swatch_icon(color))
        action.setData(color)
        colors[color] = action
    return Actions(
        import_files=_action(
            parent,
            tr("Import &Files…"),
            ["Ctrl+O"],
            tr("Import pages, web pages, PDF pages and Markdown files"),
            "import",
        ),
        import_folder=_action(
            parent, tr("Import F&older…"), ["Ctrl+Shift+O"], tr("Import every page in a folder")
        ),
        open_url=_action(
            parent,
            tr("Open &URL…"),
            ["Ctrl+L"],
            tr("Import a web article or an e-paper page from its address"),
        ),
        paste_article=_action(
            parent,
            tr("&Paste as New Article"),
            ["Ctrl+Shift+V"],
            tr("Make the text or web page on the clipboard a new article"),
        ),
        export=_action(
            parent, tr("&Export…"), ["Ctrl+E"], tr("Export highlights and notes"), "export"
        ),
        backup=_action(parent, tr("&Back Up Library…"), [], tr("Save a copy of the library")),
        reparse=_action(
            parent,
            tr("&Re-parse All Pages…"),
            [],
            tr("Parse every stored page again and re-anchor the highlights"),
        ),
        quit=_action(parent, tr("&Quit"), ["Ctrl+Q"]),
        undo=_action(parent, tr("&Undo"), ["Ctrl+Z"], icon_name="undo"),
        redo=_action(parent, tr("&Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"], icon_name="redo"),
        highlight=_action(
            parent,
            tr("&Highlight"),
            ["H"],
            tr("Highlight the selected passage in the default colour (H)"),
            "highlight",
        ),
        delete_highlight=_action(
            parent,
            tr("&Delete Highlight"),
            ["Del"],
            tr("Delete the selected highlight"),
            "delete",
        ),
        edit_note=_action(
            parent, tr("Edit &Note"), ["N"], tr("Write a note on the highlight"), "note"
        ),
        add_tag=_action(parent, tr("Add &Tag"), ["T"], tr("Tag the highlight"), "tag"),
        find=_action(parent, tr("&Find in Article…"), ["Ctrl+F"]),
        preferences=_action(parent, tr("&Preferences…"), ["Ctrl+,"]),
        focus_search=_action(
            parent,
            tr("&Search Library"),
            ["Ctrl+K", "Ctrl+Shift+F"],
            tr("Search notes, highlights and articles"),
            "search",
        ),
        next_article=_action(parent, tr("Next Article"), ["Alt+Down", "J"], icon_name="next"),
        previous_article=_action(parent, tr("Previous Article"), ["Alt+Up", "K"], icon_name="prev"),
        next_highlight=_action(
            parent, tr("Next Highlight"), ["Alt+Right", "]"], icon_name="next-highlight"
        ),
        previous_highlight=_action(
            parent, tr("Previous Highlight"), ["Alt+Left", "["], icon_name="prev-highlight"
        ),
        zoom_in=_action(parent, tr("Zoom &In"), ["Ctrl+=", "Ctrl++"], icon_name="zoom-in"),
        zoom_out=_action(parent, tr("Zoom &Out"), ["Ctrl+-"], icon_name="zoom-out"),
        zoom_reset=_action(parent, tr("&Actual Size"), ["Ctrl+0"]),
        toggle_theme=_action(
            parent,
            tr("&Dark Theme"),
            ["Ctrl+Shift+D"],
            tr("Switch between light and dark"),
            "theme",
        ),
        toggle_sidebar=_action(
            parent,
            tr("Show &Sidebar"),
            ["Ctrl+\\"],
            tr("Show or hide the highlights and tags beside the article"),
        ),
        toggle_article_list=_action(
            parent,
            tr("Show Article &List"),
            ["Ctrl+Shift+L"],
            tr("Show or hide the list of articles"),
        ),
        close_search=_action(
            parent,
            tr("Close Search Results"),
            ["Esc"],
            tr("Close the search results and show the article list"),
        ),
        shortcuts=_action(parent, tr("&Keyboard Shortcuts"), ["F1"]),
        about=_action(parent, tr("&About Reader")),
        colors=colors,
    )


# --- correcting how a page was cut (issue 10) ------------------------------------------
class ArticleActions(_ActionSet):
    """The Article menu: correcting how the parser cut a page into articles. Kept apart
    from `Actions` so the shortcuts dialog lists them under their own heading."""

    split_here: QAction
    merge_previous: QAction
    merge_next: QAction
    use_as_title: QAction
    use_as_kicker: QAction
    use_as_subtitle: QAction
    mark_caption: QAction
    mark_byline: QAction
    edit_title_authors: QAction
    show_page: QAction

    def all(self) -> list[QAction]:
        return list(vars(self).values())

    def line_roles(self) -> dict[str, QAction]:
        """The "Use this line as…" actions by the role they give (`corrections.LINE_KINDS`)."""
        return {
            "title": self.use_as_title,
            "kicker": self.use_as_kicker,
            "subtitle": self.use_as_subtitle,
            "caption": self.mark_caption,
            "byline": self.mark_byline,
        }


def create_article_actions(parent: QObject) -> ArticleActions:
    return ArticleActions(
        split_here=_action(
            parent,
            tr("&Split Article Here…"),
            ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"],
            tr("The text from the cursor on becomes a new article"),
        ),
        merge_previous=_action(
            parent,
            tr("Merge with &Previous Article"),
            ["Ctrl+Shift+PgUp"],
            tr("Join this article to the one before it on the page"),
        ),
        merge_next=_action(
            parent,
            tr("Merge with &Next Article"),
            ["Ctrl+Shift+PgDown"],
            tr("Join the article after this one on the page to it"),
        ),
        use_as_title=_action(
            parent,
            tr("Use Line as &Title"),
            ["Ctrl+Shift+T"],
            tr("The line under the cursor becomes the article's title"),
        ),
        use_as_kicker=_action(
            parent,
            tr("Use Line as &Kicker"),
            ["Ctrl+Shift+K"],
            tr("The line under the cursor becomes the line above the title"),
        ),
        use_as_subtitle=_action(
            parent,
            tr("Use Line as S&ubtitle"),
            ["Ctrl+Shift+U"],
            tr("The line under the cursor becomes the line below the title"),
        ),
        mark_caption=_action(
            parent,
            tr("Mark Line as &Caption"),
            ["Ctrl+Shift+C"],
            tr("The line under the cursor is a picture's caption, not body text"),
        ),
        mark_byline=_action(
            parent,
            tr("Mark Line as &Byline"),
            ["Ctrl+Shift+B"],
            tr("The line under the cursor names the authors (they are read from it again)"),
        ),
        edit_title_authors=_action(
            parent,
            tr("&Edit Title and Authors…"),
            ["F2"],
            tr("Give the article another title or other authors"),
        ),
        show_page=_action(
            parent,
            tr("Show &Page…"),
            ["Ctrl+Shift+P"],
            tr("The whole page with the articles it was cut into"),
        ),
    )
