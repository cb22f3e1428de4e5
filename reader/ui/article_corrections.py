"""The Article menu of the window: correcting how the parser cut a page (issue 10).

Split an article at the cursor, merge it with its neighbour on the page, give a line the
role of title, kicker, subtitle, caption or byline, edit its title and authors, and show
the whole page with its articles marked. Each correction is a core operation
(`reader.store.operations.corrections`) run through the window's `UndoableWrites`, so it
is undoable, a failure is shown and kept, and the list, pane and sidebar follow the one
`changed` signal. This module only turns where the user points (the reading pane's
cursor, or a place in the page view) into those operations.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMenu

from reader.errors import ReaderError
from reader.store import operations  # its corrections load on first use
from reader.store.change import Change
from reader.store.records import ArticleRecord, ImportResult
from reader.ui.actions import ArticleActions, create_article_actions
from reader.ui.correction_dialogs import SplitDialog, TitleAuthorsDialog
from reader.ui.i18n import tr

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow
    from reader.ui.page_view import PageView

# QSettings key: whether a split opens the new article (the split dialog's check box).
OPEN_NEW_KEY = "corrections/openNewArticle"
STATUS_MS = 6000


def misfits_text(results: Sequence[ImportResult]) -> str:
    """What an import or re-parse summary says about corrections it could not make
    again (the page text changed where they were made); "" when every one fit."""
    count = sum(len(r.corrections_not_applied) for r in results)
    if not count:
        return ""
    return tr(
        "%n correction(s) could not be applied again: the page changed where they were made "
        "(see Article → Show Page…).",
        None,
        count,
    )


class ArticleCorrections(QObject):
    """Owns the Article menu's actions and runs them for `window`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions: ArticleActions = create_article_actions(window)
        self.page_view: PageView | None = None
        a = self.actions
        a.split_here.triggered.connect(self.split_here)
        a.merge_previous.triggered.connect(lambda: self.merge(with_next=False))
        a.merge_next.triggered.connect(lambda: self.merge(with_next=True))
        for role, action in a.line_roles().items():
            action.triggered.connect(lambda _=False, r=role: self.use_line_as(r))
        a.edit_title_authors.triggered.connect(self.edit_title_and_authors)
        a.show_page.triggered.connect(lambda: self.show_page())
        window.events.changed.connect(self._library_changed)

    # --- menus ---------------------------------------------------------------------------
    def menu(self, parent: QMenu | None = None) -> QMenu:
        """The Article menu (the menu bar's, or a copy for the context menu)."""
        a = self.actions
        menu = QMenu(tr("&Article"), parent or self.window)
        menu.addAction(a.split_here)
        menu.addActions([a.merge_previous, a.merge_next])
        menu.addSeparator()
        menu.addActions(list(a.line_roles().values()))
        menu.addSeparator()
        menu.addAction(a.edit_title_authors)
        menu.addSeparator()
        menu.addAction(a.show_page)
        return menu

    def context_items(self) -> list:
        """What the reading pane's context menu adds: the split where the user clicked,
        the line roles in a submenu, the rest of the Article menu."""
        a = self.actions
        lines = QMenu(tr("Use Line As"), self.window)
        lines.addActions(list(a.line_roles().values()))
        return [
            None,
            a.split_here,
            lines,
            a.merge_previous,
            a.merge_next,
            a.edit_title_authors,
            a.show_page,
        ]

    def update_enabled(self) -> None:
        record = self.window.current_article
        for action in self.actions.all():
            action.setEnabled(record is not None)
        if record is None:
            return
        try:  # merging needs a neighbour on the same page
            ids = self.window.library.articles.ids_on_page(record.source_id)
        except ReaderError:
            return
        index = ids.index(record.id) if record.id in ids else -1
        self.actions.merge_previous.setEnabled(index > 0)
        self.actions.merge_next.setEnabled(0 <= index < len(ids) - 1)

    def _library_changed(self, change: Change) -> None:
        if change.article_list_changed:  # the shown article may have got a neighbour
            self.update_enabled()

    # --- corrections from the reading pane -------------------------------------------------
    def _article(self) -> ArticleRecord | None:
        record = self.window.current_article
        if record is None:
            self._say(tr("Open an article first."))
        return record

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, STATUS_MS)

    def split_here(self) -> SplitDialog | None:
        """Article → Split Article Here: at the cursor in the reading pane."""
        record = self._article()
        if record is None:
            return None
        at = self.window.reading_pane.cursor_text_position()
        if at is None or not 0 < at < len(record.text):
            self._say(tr("Put the cursor in the text where the new article starts."))
            return None
        return self.split(record.id, at, record.text)

    def split(self, article_id: int, at: int, text: str) -> SplitDialog:
        """Ask for the new article's title, then cut article `article_id` at code point
        `at` of its `text`."""
        from reader.store.corrections import suggested_title

        settings = self.window.settings
        open_new = str(settings.value(OPEN_NEW_KEY, "false")).lower() == "true"
        dialog = SplitDialog(suggested_title(text, at), open_new, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            settings.setValue(OPEN_NEW_KEY, dialog.open_new())
            self._split(article_id, at, dialog.title(), dialog.open_new())

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def _split(self, article_id: int, at: int, title: str | None, open_new: bool) -> None:
        self.window.sidebar.flush()
        result = self.window.writes.run(
            operations.SplitArticle(article_id, at, title), ("split", article_id, at)
        )
        if result is None:
            return
        new = self.window.library.article_summary(result.value)
        self._say(tr("“%s” is a new article now.") % new.title)
        if open_new:
            self._open(int(result.value))

    def merge(
        self, *, with_next: bool, article_id: int | None = None, reveal: bool = True
    ) -> int | None:
        """Merge an article (the one shown by default) with the next or previous one on
        its page. With `reveal` the merged article is shown with the joint in view; the
        reading pane shows it anyway when the article it showed was merged away."""
        if article_id is None:
            record = self._article()
            if record is None:
                return None
            article_id = record.id
        shown = self.window.current_article
        self.window.sidebar.flush()
        key = ("merge", article_id, with_next)
        result = self.window.writes.run(operations.MergeArticles(article_id, with_next), key)
        if result is None:
            return None
        merged_id = int(result.value)
        if not reveal and self.window.current_article is not None:
            return merged_id
        self._open(merged_id)
        if shown is not None and shown.id == article_id and reveal:
            merged = self.window.library.get_article(merged_id)
            # the joint: where the second article's text starts now
            joint = len(shown.text) + 1 if with_next else len(merged.text) - len(shown.text)
            joint = max(0, min(joint, len(merged.text)))
            self.window.reading_pane.scroll_to_span(joint, joint)
        return merged_id

    def _open(self, article_id: int) -> None:
        """Show an article, selected in the list when the list holds it."""
        self.window.open_passage(article_id, -1, -1)
        shown = self.window.current_article
        if shown is None or shown.id != article_id:
            self.window.open_article(article_id)

    def use_line_as(self, role: str) -> None:
        """Give the line under the cursor `role` (title, kicker, subtitle, caption,
        byline)."""
        record = self._article()
        if record is None:
            return
        line = self.window.reading_pane.line_at_cursor()
        if line is None:
            self._say(tr("Put the cursor on a line of the article first."))
            return
        self.window.sidebar.flush()
        self.window.writes.run(
            operations.UseLineAs(record.id, line, role), ("line", record.id, line)
        )

    def edit_title_and_authors(self) -> TitleAuthorsDialog | None:
        record = self._article()
        if record is None:
            return None
        dialog = TitleAuthorsDialog(record.title, record.authors, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._retitle(record.id, dialog))
        dialog.open()
        return dialog

    def _retitle(self, article_id: int, dialog: TitleAuthorsDialog) -> None:
        """Two undo steps, one per change: each can be undone on its own."""
        title, authors = dialog.title(), dialog.authors()
        writes = self.window.writes
        if dialog.title_changed():
            if not title:
                self._say(tr("A title cannot be empty."))
                return
            writes.run(operations.SetTitle(article_id, title), ("title", article_id))
        if dialog.authors_changed():
            writes.run(operations.SetAuthors(article_id, authors), ("authors", article_id))

    # --- the page view ---------------------------------------------------------------------
    def show_page(self, article_id: int | None = None) -> PageView | None:
        """Article → Show Page…: the page of `article_id` (the article shown by default)
        with its articles marked, scrolled to that article."""
        from reader.ui.page_view import PageView

        if article_id is None:
            record = self._article()
            if record is None:
                return None
            article_id = record.id
        if self.page_view is None:
            self.page_view = PageView(self.window.library, self, self.window)
            self.window.events.changed.connect(self.page_view.library_changed)
            self.page_view.articleRequested.connect(lambda i: self.window.open_passage(i, -1, -1))
        try:
            self.page_view.show_article_page(article_id)
        except ReaderError as error:
            self._say(str(error))
            return None
        self.page_view.show()
        self.page_view.raise_()
        self.page_view.activateWindow()
        return self.page_view
