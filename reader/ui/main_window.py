"""The main window: article list | reading pane | tagging sidebar, menus and toolbar.

The window wires the parts together and owns the QUndoStack (through `UndoableWrites`),
the `LibraryEvents` hub whose `changed(Change)` each part follows, and the `JobRunner`
for work off the GUI thread. It asks the parts for things by intent (`select_first`,
`highlights`, `tag_filter`) and never reaches into their models or views; it never
touches the database except through Library methods and core operations. Window state
lives in the QSettings passed in, so tests can give each window an isolated settings file.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSignalBlocker, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.errors import ReaderError
from reader.store import operations  # each domain's operations load on first use
from reader.store.change import Change
from reader.store.library import Library
from reader.store.records import ArticleRecord, HighlightRecord, ImportSummary
from reader.ui.action_names import set_stable_name, stable_name
from reader.ui.actions import Actions, create_actions
from reader.ui.article_list import ArticleList
from reader.ui.first_paint import FirstPaint
from reader.ui.i18n import tr
from reader.ui.import_worker import ImportController
from reader.ui.jobs import JobHandle, JobRunner
from reader.ui.left_panel import LeftPanel
from reader.ui.library_events import LibraryEvents
from reader.ui.orphan_repair import install_orphan_repair
from reader.ui.panel_layout import SidePanels
from reader.ui.pending_bar import PendingWritesBar
from reader.ui.reading_pane import DEFAULT_SIZE, ReadingPane
from reader.ui.search_box import SearchBox
from reader.ui.source_import import clipboard_contents, kind_name, url_dialog
from reader.ui.tag_sidebar import TagSidebar
from reader.ui.theme import apply_theme
from reader.ui.theme_menu import ThemeMenu
from reader.ui.writes import UndoableWrites

if TYPE_CHECKING:
    from reader.store.operations.highlights import AddHighlight
    from reader.ui.search_panel import SearchController

#: What an import or a re-parse may have changed: articles came, went or were rewritten.
PAGES_CHANGED = Change(article_list_changed=True, tags_list_changed=True)


class MainWindow(QMainWindow):
    def __init__(
        self,
        library: Library,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(tr("Reader — %s") % library.path.stem)
        self.setAcceptDrops(True)
        self.first_paint = FirstPaint(self)
        self.library = library
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self.events = LibraryEvents(library, self)
        self.writes = UndoableWrites(library, self.undo_stack, self.events, self)
        self.jobs = JobRunner(library, self)
        self.actions = create_actions(self)
        self._search: SearchController | None = None  # built on first use (`search`)
        self.find_bar = None

        self.article_list = ArticleList(library, self)
        self.reading_pane = ReadingPane(self)
        self.reading_pane.follow(library, self.events)
        self.sidebar = TagSidebar(library, self.writes, self.events, self)
        self.importer = ImportController(self.jobs, self)

        reading = QWidget(self)
        self._reading_layout = QVBoxLayout(reading)
        self._reading_layout.setContentsMargins(0, 0, 0, 0)
        self._reading_layout.setSpacing(0)
        self.pending_bar = PendingWritesBar(self.writes, reading)
        self._reading_layout.addWidget(self.pending_bar)
        self._reading_layout.addWidget(self.reading_pane, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.left_panel = LeftPanel(self.article_list, self)
        self.splitter.addWidget(self.left_panel)
        self.splitter.addWidget(reading)
        self.splitter.addWidget(self.sidebar)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 720, 350])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        # Explicit, so the window may be narrower than all three panes' minimums: the
        # side panels collapse then (`SidePanels`), the reading column keeps its width.
        self.setMinimumSize(360, 280)

        self.status_counts = QLabel(self)
        self.status_counts.setContentsMargins(0, 0, 12, 0)
        self.statusBar().addPermanentWidget(self.status_counts)
        self.statusBar().setSizeGripEnabled(False)

        self._build_menus_and_toolbar()
        self.panels = SidePanels(
            self.splitter,
            reading,
            self.reading_pane,
            {
                "sidebar": (self.sidebar, self.actions.toggle_sidebar),
                "articleList": (self.left_panel, self.actions.toggle_article_list),
            },
            settings,
            self,
        )
        self._connect()
        # Every tag's counts go over all tagged highlights: the tag lists are filled once
        # the window is drawn, so start-up does not grow with the library.
        self.first_paint.painted.connect(self.article_list.refresh_tags)
        self.first_paint.painted.connect(self.sidebar.refresh_tags)
        self.connect_helpers()
        self._install_article_corrections()
        install_orphan_repair(self)
        self._restore_settings()
        self._update_status()
        self._update_enabled()

    # --- construction ------------------------------------------------------------------
    def _build_menus_and_toolbar(self) -> None:
        a: Actions = self.actions
        a.undo.triggered.connect(self.writes.undo)
        a.redo.triggered.connect(self.writes.redo)
        self.undo_stack.canUndoChanged.connect(a.undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(a.redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda t: a.undo.setText(tr("&Undo %s") % t if t else tr("&Undo"))
        )
        self.undo_stack.redoTextChanged.connect(
            lambda t: a.redo.setText(tr("&Redo %s") % t if t else tr("&Redo"))
        )
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        set_stable_name(a.undo, tr("Undo"))
        set_stable_name(a.redo, tr("Redo"))
        a.toggle_theme.setCheckable(True)

        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        file_menu.addActions([a.import_files, a.import_folder, a.open_url])
        file_menu.addSeparator()
        file_menu.addActions([a.export, a.backup])
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        edit = bar.addMenu(tr("&Edit"))
        edit.addActions([a.undo, a.redo])
        edit.addSeparator()
        edit.addAction(a.paste_article)
        edit.addSeparator()
        edit.addAction(a.highlight)
        colors = edit.addMenu(tr("Highlight &Colour"))
        colors.addActions(list(a.colors.values()))
        edit.addActions([a.edit_note, a.add_tag, a.delete_highlight])
        edit.addSeparator()
        edit.addActions([a.find, a.focus_search])
        edit.addSeparator()
        edit.addAction(a.preferences)
        view = bar.addMenu(tr("&View"))
        view.addActions([a.zoom_in, a.zoom_out, a.zoom_reset])
        view.addSeparator()
        self.theme_menu = ThemeMenu(self.set_theme, self)
        view.addMenu(self.theme_menu)
        view.addActions([a.toggle_theme, a.toggle_article_list, a.toggle_sidebar])
        tools = bar.addMenu(tr("&Tools"))
        tools.addAction(a.reparse)
        go = bar.addMenu(tr("&Go"))
        go.addActions([a.next_article, a.previous_article])
        go.addSeparator()
        go.addActions([a.next_highlight, a.previous_highlight])
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addActions([a.shortcuts, a.about])

        toolbar = QToolBar(tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        toolbar.addActions([a.import_files, a.export])
        toolbar.addSeparator()
        toolbar.addActions([a.undo, a.redo])
        toolbar.addSeparator()
        toolbar.addActions([a.highlight, *a.colors.values()])
        toolbar.addSeparator()
        toolbar.addActions([a.previous_article, a.next_article])
        toolbar.addActions([a.previous_highlight, a.next_highlight])
        toolbar.addSeparator()
        toolbar.addActions([a.zoom_out, a.zoom_in, a.toggle_theme])
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.toolbar = toolbar
        self.addToolBar(toolbar)

        self.reading_pane.context_actions = [
            a.highlight,
            *a.colors.values(),
            None,
            a.edit_note,
            a.add_tag,
            a.delete_highlight,
        ]
        for action in a.all():
            if action is not a.close_search:  # Esc only where the results are read
                self.addAction(action)

    def _connect(self) -> None:
        a = self.actions
        a.import_files.triggered.connect(self.ask_import_files)
        a.import_folder.triggered.connect(self.ask_import_folder)
        a.open_url.triggered.connect(self.ask_open_url)
        a.paste_article.triggered.connect(self.paste_as_article)
        a.quit.triggered.connect(self.close)
        a.highlight.triggered.connect(lambda: self.apply_highlight("yellow"))
        for color, action in a.colors.items():
            action.triggered.connect(lambda _=False, c=color: self.apply_highlight(c))
        a.delete_highlight.triggered.connect(self.delete_current_highlight)
        a.edit_note.triggered.connect(self.sidebar.edit_note)
        a.add_tag.triggered.connect(self.sidebar.add_tag)
        a.next_article.triggered.connect(lambda: self.article_list.select_offset(1))
        a.previous_article.triggered.connect(lambda: self.article_list.select_offset(-1))
        a.next_highlight.triggered.connect(lambda: self.step_highlight(1))
        a.previous_highlight.triggered.connect(lambda: self.step_highlight(-1))
        a.zoom_in.triggered.connect(lambda: self._zoom(1))
        a.zoom_out.triggered.connect(lambda: self._zoom(-1))
        a.zoom_reset.triggered.connect(lambda: self._zoom(0))
        a.toggle_theme.toggled.connect(
            lambda dark: self.set_theme("dark" if dark else self.theme_menu.light_choice)
        )
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)

        self.article_list.articleSelected.connect(self.open_article)
        self.reading_pane.highlightClicked.connect(self.sidebar.select_highlight)
        self.reading_pane.selectionChanged.connect(self._update_enabled)
        self.sidebar.highlightActivated.connect(self.reveal_highlight)
        self.sidebar.deleteRequested.connect(self.delete_highlight)
        self.sidebar.currentHighlightChanged.connect(self._update_enabled)
        self.sidebar.tagsRefreshed.connect(self._update_status)  # "N tags" after the first fill
        self.events.changed.connect(self.article_list.library_changed)
        self.events.changed.connect(self._library_changed)
        self.importer.finished.connect(self._import_finished)
        self.writes.failed.connect(self._write_failed)
        self.writes.saved.connect(self._write_saved)

    def connect_helpers(self) -> None:
        """Wire the search panel, find bar, export dialog and backup (issues 4 and 5)."""
        a = self.actions
        self.search_box = SearchBox()
        self.toolbar.addWidget(self.search_box)
        self.search_dock = self.left_panel.results_page  # shown in place of the article list
        a.focus_search.triggered.connect(self._focus_search)
        self.search_box.textChanged.connect(self._search_text_changed)
        # Esc closes the results from the list of results and from the passage it opened.
        a.close_search.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        a.close_search.setEnabled(False)
        a.close_search.triggered.connect(lambda: self.search.close())
        self.left_panel.closeRequested.connect(lambda: self.search.close())
        self.reading_pane.addAction(a.close_search)
        self.left_panel.addAction(a.close_search)
        # The find bar, export dialog and backup load on first use: start-up stays fast.
        a.find.triggered.connect(self.show_find_bar)
        a.export.triggered.connect(self.show_export)
        a.backup.triggered.connect(self.back_up)
        a.reparse.triggered.connect(self.reparse_all)
        a.preferences.triggered.connect(self.show_preferences)

    @property
    def search(self) -> SearchController:
        """The search panel, built on first use (typing in the box, Ctrl+K): its results
        view and the search core are not needed to show the window."""
        if self._search is None:
            from reader.ui.search_panel import SearchController

            search = SearchController(
                self.library, self, self.settings, self.jobs, search_box=self.search_box
            )
            self._search = search
            self.left_panel.set_results_widget(search.results_panel)
            search.passageRequested.connect(self.open_passage)
            search.closed.connect(lambda: self.show_search_results(False))
            search.closed.connect(self.reading_pane.setFocus)
            search.highlightRequested.connect(self._select_found_highlight)
        return self._search

    def _search_text_changed(self, text: str) -> None:
        if self._search is None:
            _ = self.search  # built now, it searches for the text typed so far
        self.show_search_results(bool(text.strip()))

    def _install_article_corrections(self) -> None:
        """The Article menu (issue 10): split, merge and relabel articles, edit title
        and authors, show the page; in the menu bar before Help, the reading pane's
        context menu and the shortcuts dialog."""
        from reader.ui.article_corrections import ArticleCorrections

        self.corrections = ArticleCorrections(self)
        bar = self.menuBar()
        bar.insertMenu(bar.actions()[-1], self.corrections.menu(bar))
        self.reading_pane.context_actions += self.corrections.context_items()
        self.addActions(self.corrections.actions.all())
        self.reading_pane.documentReplaced.connect(self.corrections.update_enabled)
        self.corrections.update_enabled()

    def show_find_bar(self) -> None:
        if self.find_bar is None:
            from reader.ui.find_bar import FindBar

            self.find_bar = FindBar(self.reading_pane, self)
            self.reading_pane.documentReplaced.connect(self.find_bar.document_replaced)
            self.reading_pane.loadingFinished.connect(self.find_bar.document_changed)
            self._reading_layout.addWidget(self.find_bar)
        self.find_bar.show_and_focus()

    def show_export(self) -> None:
        """Export, offering the current article, the list's tag and, when a search is
        showing, its highlights as scopes."""
        from reader.ui.export_dialog import ExportDialog

        dialog = ExportDialog(
            self.library,
            article_id=self._record.id if self._record else None,
            tag=self.article_list.tag_filter(),
            highlight_ids=(self._search.highlight_ids() if self._search else ()) or None,
            parent=self,
            jobs=self.jobs,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # each opening builds anew
        dialog.open()

    def show_preferences(self) -> QDialog:
        from reader.export.backup import default_backup_dir, rolling_usage
        from reader.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(
            self.settings,
            str(default_backup_dir(self.library.path)),
            parent=self,
            backups_size=rolling_usage(self.library.path),
        )
        dialog.open()
        return dialog

    def back_up(self) -> JobHandle | None:
        from reader.ui.dialogs import backup_library

        return backup_library(self.library, self, self.jobs)

    def reparse_all(self) -> JobHandle:
        """Tools → Re-parse all pages…; the views follow when it is done."""
        from reader.ui.dialogs import reparse_library

        job = reparse_library(self, self.jobs)
        job.finished.connect(self._pages_reparsed)
        return job

    def reparse_outdated(self, after: threading.Thread | None = None) -> JobHandle | None:
        """After an upgrade whose parser cuts pages differently: parse again the pages
        an older parser cut (once `after`, the start-up backup, is done) and say what
        changed. None when every page is current."""
        if self.library.count_outdated_pages() == 0:
            return None
        from reader.ui.dialogs import reparse_library

        job = reparse_library(self, self.jobs, outdated_only=True, after=after)
        job.finished.connect(self._pages_reparsed)
        return job

    def _pages_reparsed(self) -> None:
        """Articles may have been rewritten and highlights moved: refresh every view;
        undo steps made before could name highlights or spans that changed, so the
        history starts again."""
        self.writes.clear_history()
        self.events.emit_change(PAGES_CHANGED)

    def _focus_search(self) -> None:
        if self.search_box.text().strip():
            self.show_search_results(True)
        self.search.focus_search()

    def show_search_results(self, show: bool) -> None:
        """Search results take the article list's place (held open even when the user
        hid the list), and give it back when the search closes."""
        if show:
            self.left_panel.show_results()
        else:
            self.left_panel.show_articles()
        self.panels.hold("articleList", show)
        self.actions.close_search.setEnabled(show)

    def _select_found_highlight(self, highlight_id: int) -> None:
        """A picked note or highlight result is also the sidebar's current highlight."""
        self.sidebar.select_highlight(highlight_id)

    # --- settings ----------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        splitter = s.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        sidebar_split = s.value("window/sidebarSplitter")
        if isinstance(sidebar_split, QByteArray):
            self.sidebar.restore_layout(sidebar_split)
        size = float(s.value("reading/fontSize", DEFAULT_SIZE))
        theme = str(s.value("reading/theme", "light"))
        # Laid out once: the last (or first) article, else the hint to pick one.
        self.reading_pane.set_appearance(size, apply_theme(theme).name, lay_out=False)
        self._show_theme(self.reading_pane.theme)
        self._open_last_article(s.value("reading/lastArticle"))
        if self._record is None:
            self.reading_pane.show_article(None)
        self.panels.fit()  # for the text size read above

    def _open_last_article(self, last: object) -> None:
        try:
            article_id = int(last) if last is not None else None
        except (TypeError, ValueError):
            article_id = None
        if article_id is not None:
            # open first; select it in the list only when that row is already loaded
            self.open_article(article_id)
            self.article_list.select_article(article_id, emit=False, max_fetches=0)
        if self._record is None:
            self.article_list.select_first()

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/sidebarSplitter", self.sidebar.save_layout())
        s.setValue("reading/fontSize", self.reading_pane.font_size)
        s.setValue("reading/theme", self.reading_pane.theme)
        if self._record is not None:
            s.setValue("reading/lastArticle", self._record.id)
        s.sync()

    def set_theme(self, theme: str) -> None:
        self.reading_pane.set_theme(apply_theme(theme).name)
        self._show_theme(self.reading_pane.theme)

    def _show_theme(self, theme: str) -> None:
        """Check the theme in force in the View menu and on the toolbar's toggle."""
        self.theme_menu.show_theme(theme)
        with QSignalBlocker(self.actions.toggle_theme):  # applied already, once
            self.actions.toggle_theme.setChecked(theme == "dark")

    def _zoom(self, steps: int) -> None:
        if steps:
            self.reading_pane.zoom(steps)
        else:
            self.reading_pane.reset_zoom()
        self.panels.fit()  # the text column's minimum width changed with the size
        self.statusBar().showMessage(
            tr("Text size %s pt") % f"{self.reading_pane.font_size:g}", 1500
        )

    # --- articles ---------------------------------------------------------------------
    @property
    def current_article(self) -> ArticleRecord | None:
        return self.reading_pane.article

    @property
    def _record(self) -> ArticleRecord | None:
        return self.reading_pane.article

    def open_article(self, article_id: int) -> None:
        self.sidebar.flush()
        try:
            record = self.library.get_article(article_id)
        except ReaderError as error:
            self.statusBar().showMessage(str(error), 4000)
            return
        self.reading_pane.show_article(record)
        self.sidebar.set_article(record.id, record.highlights, record.tags)
        if not record.is_read:
            self._mark_read(record.id)
        self.settings.setValue("reading/lastArticle", record.id)
        self._update_status()
        self._update_enabled()

    def _mark_read(self, article_id: int) -> None:
        """Reading an article marks it read; when the library is busy it stays unread
        (and is marked the next time it is opened), which the status bar says."""
        try:
            result = self.library.apply(operations.SetRead(article_id))
        except ReaderError as error:
            self.statusBar().showMessage(tr("Not marked as read: %s") % error, 6000)
            return
        self.events.emit_change(result.change)

    def open_passage(self, article_id: int, start: int, end: int) -> None:
        """Open an article scrolled to a span (code points), selected and flashing."""
        current = self._record.id if self._record is not None else None
        if current != article_id and not self.article_list.select_article(article_id):
            self.open_article(article_id)
        if self._record is None or self._record.id != article_id or start < 0:
            return  # a hit without a span (e.g. in a headline) opens the article at the top
        end = min(end, len(self._record.text))
        covering = self.reading_pane.highlight_at(start)
        if covering is not None and covering.end >= end:  # the passage lies in a highlight
            self.sidebar.select_highlight(covering.id)
        self.reading_pane.select_span(start, end)
        self.reading_pane.scroll_to_span(start, end)
        self.reading_pane.flash_span(start, end)
        self.reading_pane.setFocus()

    # --- highlights ---------------------------------------------------------------------
    def apply_highlight(self, color: str) -> HighlightRecord | None:
        span = self.reading_pane.selected_span()
        if self._record is None or span is None:
            self.statusBar().showMessage(
                tr(
                    "Nothing is selected: select a passage of the article (drag with the mouse "
                    "or use Shift+arrow keys), then press H or Ctrl+1…6 to highlight it."
                ),
                6000,
            )
            return None
        operation = operations.AddHighlight(self._record.id, span[0], span[1], color)
        key = ("highlight", self._record.id, span[0], span[1])
        result = self.writes.run(operation, key)
        if result is None:
            return None  # the selection stays, so the user sees what is kept for retry
        cursor = self.reading_pane.textCursor()
        cursor.clearSelection()
        self.reading_pane.setTextCursor(cursor)
        self._select_new_highlight(operation, result.value)
        return next((h for h in self.sidebar.highlights() if h.id == result.value), None)

    def _select_new_highlight(self, operation: AddHighlight, highlight_id: int) -> None:
        current = self._record
        if current is not None and operation.article_id == current.id:
            self.sidebar.select_highlight(highlight_id)

    def delete_current_highlight(self) -> None:
        current = self.sidebar.current_highlight()
        if current is not None:
            self.delete_highlight(current.id)

    def delete_highlight(self, highlight_id: int) -> None:
        self.sidebar.flush()
        self.writes.run(operations.DeleteHighlight(highlight_id))

    def _write_failed(self, message: str) -> None:
        self.statusBar().showMessage(tr("Not saved: %s") % message, 8000)

    def _write_saved(self, _key: object, operation: object, result: object) -> None:
        self.statusBar().showMessage(tr("Saved."), 3000)
        if isinstance(operation, operations.AddHighlight):
            self._select_new_highlight(operation, result.value)

    def reveal_highlight(self, highlight_id: int) -> None:
        record = next((h for h in self.sidebar.highlights() if h.id == highlight_id), None)
        if record is None or record.orphaned:
            return
        self.reading_pane.scroll_to_span(record.start, record.end)
        # a frame only: a fill would read as one more highlight colour on a highlight
        self.reading_pane.flash_span(record.start, record.end, fill=False)

    def step_highlight(self, step: int) -> None:
        records = [h for h in self.sidebar.highlights() if not h.orphaned]
        if not records:
            return
        current = self.sidebar.current_highlight()
        ids = [h.id for h in records]
        if current is not None and current.id in ids:
            index = (ids.index(current.id) + step) % len(ids)
        else:
            index = 0 if step > 0 else len(ids) - 1
        self.sidebar.select_highlight(ids[index])
        self.reveal_highlight(ids[index])

    def _library_changed(self, change: Change) -> None:
        if change.article_list_changed and self._record is None:
            self.sidebar.set_article(None)
        self._update_status()

    def _update_enabled(self) -> None:
        # enabled with an article open, so H without a selection says what to do
        self.actions.highlight.setEnabled(self._record is not None)
        has_current = self.sidebar.current_highlight() is not None
        for action in (self.actions.delete_highlight, self.actions.edit_note, self.actions.add_tag):
            action.setEnabled(has_current)

    def _update_status(self) -> None:
        parts = [tr("%n article(s)", None, self.article_list.total())]
        if self._record is not None:
            parts.append(
                tr("%n highlight(s) in this article", None, self.sidebar.highlight_count())
            )
        parts.append(tr("%n tag(s)", None, len(self.sidebar.tag_names())))
        self.status_counts.setText("   ·   ".join(parts))

    # --- importing ------------------------------------------------------------------------
    def ask_import_files(self) -> None:
        self._ask_import(folder=False)

    def ask_import_folder(self) -> None:
        self._ask_import(folder=True)

    def _ask_import(self, *, folder: bool) -> None:
        from reader.ui.library_files import ImportDialog

        dialog = ImportDialog(self, self.library.path, folder=folder)
        if dialog.exec():
            self.import_paths([Path(f) for f in dialog.selectedFiles()])
        dialog.deleteLater()

    def import_paths(self, paths: list[Path]) -> bool:
        """Import pages, refusing the library's own files before anything opens them
        (reading them would drop SQLite's locks in this process)."""
        from reader.ui.library_files import split_library_files

        paths, refused = split_library_files(paths, self.library.path)
        if refused:
            message = tr("%s is this library's own database file; it cannot be imported.") % (
                ", ".join(p.name for p in refused)
            )
            self.statusBar().showMessage(message, 8000)
            box = QMessageBox(QMessageBox.Icon.Warning, tr("Import"), message, parent=self)
            box.setObjectName("refusedImportMessage")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        return self.importer.start(paths)

    def ask_open_url(self) -> None:
        dialog = url_dialog(self)
        if dialog.exec():
            self.open_url(dialog.textValue())
        dialog.deleteLater()

    def open_url(self, url: str) -> bool:
        """Fetch and import a web page as a job (the window stays responsive while the
        site answers); its article opens when it is in, a failure is shown with why."""
        address = url.strip()
        if not address:
            return False
        if "://" not in address:
            address = "https://" + address  # what a browser's address bar assumes
        return self.importer.start([], [address])

    def paste_as_article(self) -> bool:
        """The clipboard's HTML (else its text) as a new article, dated today."""
        text, html = clipboard_contents()
        return self.importer.start_paste(text, html)

    def _import_finished(self, summary: ImportSummary) -> None:
        self.events.emit_change(PAGES_CHANGED)
        landed = [r for r in summary.results if r.article_ids and r.status != "failed"]
        if len(summary.results) == 1 and landed:  # one source: open what it gave
            self.article_list.select_article(landed[0].article_ids[0])
            if landed[0].kind in ("url", "paste"):
                self.statusBar().showMessage(tr("Imported as %s") % kind_name(landed[0].kind), 4000)
        elif self._record is None:
            self.article_list.select_first()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(
            u.isLocalFile() or u.scheme() in ("http", "https") for u in event.mimeData().urls()
        ):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Files and folders are imported; links dragged from a browser are fetched."""
        urls = event.mimeData().urls()
        paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        addresses = [u.toString() for u in urls if u.scheme() in ("http", "https")]
        if not (paths or addresses):
            return
        event.acceptProposedAction()
        if paths:  # a drop of files (browsers drag links alone)
            self.import_paths(paths)
        else:
            self.importer.start([], addresses)

    # --- dialogs --------------------------------------------------------------------------
    def show_shortcuts(self) -> QDialog:
        dialog = QDialog(self)
        dialog.setObjectName("shortcutsDialog")
        dialog.setWindowTitle(tr("Keyboard shortcuts"))
        actions = self.actions.all() + self.corrections.actions.all()
        rows = [(stable_name(a), a.shortcuts()) for a in actions]
        rows = [(text, keys) for text, keys in rows if keys]
        table = QTableWidget(len(rows), 2, dialog)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels([tr("Action"), tr("Shortcut")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        for row, (text, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(text))
            table.setItem(
                row,
                1,
                QTableWidgetItem(
                    ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
                ),
            )
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(460, 560)
        dialog.open()
        return dialog

    def show_about(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("aboutDialog")
        box.setWindowTitle(tr("About Reader"))
        box.setIconPixmap(self.actions.highlight.icon().pixmap(48, 48))
        box.setText(f"<b>Reader {__version__}</b>")
        box.setInformativeText(
            tr("A reader and annotator for Chinese newspaper pages.\n\nLibrary: %s")
            % self.library.path
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        return box

    # --- closing --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.sidebar.flush()
        if not self._settle_unsaved_writes():
            event.ignore()
            return
        self.stop_jobs()
        self.save_settings()
        super().closeEvent(event)

    def stop_jobs(self) -> None:
        """Cancel every background job (an import stops between pages, keeping those it
        imported) and wait until each has stopped and closed its connection."""
        self.importer.stop()
        self.article_list.queries.shutdown()
        if self._search is not None:
            self._search.shutdown()
        self.jobs.shutdown()

    def _settle_unsaved_writes(self) -> bool:
        """Before closing: save what is still kept for retry (trying once more), and
        when it still fails let the user retry, discard it knowingly, or stay."""
        while self.writes.has_pending() and not self.writes.retry_now():
            answer = self.ask_about_unsaved_writes(self.writes.pending_count())
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            if answer == QMessageBox.StandardButton.Discard:
                self.writes.discard_pending()
        return True

    def ask_about_unsaved_writes(self, count: int) -> QMessageBox.StandardButton:
        box = QMessageBox(self)
        box.setObjectName("unsavedWritesDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Unsaved changes"))
        box.setText(tr("%n change(s) could not be saved yet.", None, count))
        box.setInformativeText(
            tr("Retry to save them now, discard them, or cancel to keep the window open.")
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Retry
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Retry)
        return QMessageBox.StandardButton(box.exec())
