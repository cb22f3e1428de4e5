"""The right sidebar: the article's highlights with an editor, the article's tags and
every tag in the library.

Edits are core operations run by the window's `UndoableWrites` (undoable, kept and
retried when they fail); the sidebar refreshes from `LibraryEvents.changed`, whoever
made the change. The note editor
saves as you type (debounced) and whenever it loses the highlight: on focus-out, on a
switch to another highlight or article, and when the window closes (`flush`). A note
that cannot be saved (the library busy) stays in the editor marked "not saved" and is
retried until it is, so nothing typed is ever lost.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.errors import NotFoundError, ReaderError
from reader.store import operations  # each domain's operations load on first use
from reader.store.change import Change
from reader.store.library import Library
from reader.store.models import HIGHLIGHT_COLORS
from reader.store.records import HighlightRecord
from reader.ui.actions import color_names, icon, swatch_icon
from reader.ui.highlight_list import HighlightDelegate, HighlightListModel, RecordRole
from reader.ui.i18n import tr
from reader.ui.library_events import LibraryEvents
from reader.ui.orphan_card import OrphanCard, OrphanSummary
from reader.ui.tag_entry import make_tag_entry
from reader.ui.tag_merge_question import merge_question
from reader.ui.writes import UndoableWrites

NOTE_SAVE_DELAY_MS = 400


class TagSidebar(QWidget):
    """`highlightActivated(id)`: the user picked a highlight; the window scrolls to it.
    `deleteRequested(id)`: the user asked to delete a highlight.
    `currentHighlightChanged()`: the highlight the editor shows changed (or none)."""

    highlightActivated = Signal(int)
    deleteRequested = Signal(int)
    currentHighlightChanged = Signal()
    tagsRefreshed = Signal()  # the list of every tag was filled again

    def __init__(
        self,
        library: Library,
        writes: UndoableWrites,
        events: LibraryEvents,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagSidebar")
        self._library, self._writes, self._events = library, writes, events
        self._article_id: int | None = None
        self._current: HighlightRecord | None = None
        self._saved_note = ""
        self._completion = QStringListModel(self)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_highlights_tab(), tr("Highlights"))
        self.tabs.addTab(self._build_tags_tab(), tr("Tags"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 8, 0)
        layout.addWidget(self.tabs)

        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.flush)
        self.note_editor.textChanged.connect(self._note_typed)
        self.note_editor.installEventFilter(self)

        events.changed.connect(self.library_changed)
        writes.pendingChanged.connect(self._update_note_status)
        writes.saved.connect(self._kept_write_saved)
        self._show_editor(None)

    # --- construction --------------------------------------------------------------------
    def _build_highlights_tab(self) -> QWidget:
        page = QWidget(self)
        self.highlight_model = HighlightListModel(self)
        self.highlight_view = QListView(page)
        self.highlight_view.setObjectName("highlightList")
        self.highlight_view.setModel(self.highlight_model)
        self.highlight_view.setItemDelegate(HighlightDelegate(self.highlight_view))
        self.highlight_view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.highlight_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.highlight_view.setSpacing(1)
        self.highlight_view.setFrameShape(QListView.Shape.NoFrame)
        self.highlight_view.selectionModel().currentChanged.connect(self._current_changed)
        self.highlight_view.clicked.connect(
            lambda index: self.highlightActivated.emit(index.data(RecordRole).id)
        )
        hint = tr("No highlights yet.\nSelect a passage and press H or Ctrl+1…6.")
        # a word joiner after the ellipsis: the key range never breaks as "Ctrl+1…" / "6."
        self.empty_label = QLabel(hint.replace("…", "…\u2060"), page)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setObjectName("emptyHint")

        self.orphan_summary = OrphanSummary(page)
        self.orphan_summary.showRequested.connect(self.select_highlight)
        editor = QWidget(page)
        editor.setObjectName("highlightEditor")
        self.orphan_card = OrphanCard(page)
        self.orphan_card.deleteRequested.connect(self.deleteRequested)
        colors = QHBoxLayout()
        colors.setSpacing(4)
        colors.addWidget(QLabel(tr("Colour"), editor))
        self.color_buttons: dict[str, QToolButton] = {}
        names = color_names()
        for color in HIGHLIGHT_COLORS:
            button = QToolButton(editor)
            button.setIcon(swatch_icon(color, 18))
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolTip(names[color])
            button.clicked.connect(lambda _=False, c=color: self.set_color(c))
            colors.addWidget(button)
            self.color_buttons[color] = button
        colors.addStretch(1)
        self.delete_button = QToolButton(editor)
        self.delete_button.setIcon(icon("delete"))
        self.delete_button.setAutoRaise(True)
        self.delete_button.setToolTip(tr("Delete this highlight"))
        self.delete_button.clicked.connect(
            lambda: self._current and self.deleteRequested.emit(self._current.id)
        )
        colors.addWidget(self.delete_button)

        self.note_editor = QPlainTextEdit(editor)
        self.note_editor.setObjectName("noteEditor")
        self.note_editor.setPlaceholderText(tr("Write a note… (saved as you type)"))
        self.note_editor.setTabChangesFocus(True)
        self.note_status = QLabel(tr("Not saved — retrying…"), editor)
        self.note_status.setObjectName("noteUnsaved")
        self.note_status.setToolTip(
            tr(
                "The library is busy or not writable. The note is kept here and saved as soon "
                "as it can be."
            )
        )
        self.note_status.hide()

        self.tag_editor = QLineEdit(editor)
        self.tag_editor.setObjectName("tagEditor")
        self.tag_editor.setPlaceholderText(tr("Add a tag and press Enter"))
        make_tag_entry(self.tag_editor, self._completion, self.tag_highlight, contains=True)
        self.highlight_tags = QListWidget(editor)
        self.highlight_tags.setObjectName("highlightTags")
        self.highlight_tags.setFlow(QListWidget.Flow.LeftToRight)
        self.highlight_tags.setWrapping(True)
        self.highlight_tags.setMaximumHeight(58)
        self.highlight_tags.setToolTip(tr("Double-click or press Delete to remove a tag"))
        self.highlight_tags.itemDoubleClicked.connect(
            lambda item: self.untag_highlight(item.text())
        )
        self.highlight_tags.installEventFilter(self)

        box = QVBoxLayout(editor)
        box.setContentsMargins(6, 6, 6, 6)
        box.setSpacing(6)
        box.addLayout(colors)
        box.addWidget(self.note_editor, 1)
        box.addWidget(self.note_status)
        box.addWidget(self.tag_editor)
        box.addWidget(self.highlight_tags)
        self.editor = editor

        top = QWidget(page)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.orphan_summary)
        top_layout.addWidget(self.highlight_view, 1)
        top_layout.addWidget(self.orphan_card)  # room to explain, next to the editor
        top_layout.addWidget(self.empty_label, 1)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.setObjectName("sidebarSplitter")
        split.addWidget(top)
        split.addWidget(editor)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        split.setSizes([520, 240])
        self.splitter = split
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(split)
        return page

    def _build_tags_tab(self) -> QWidget:
        page = QWidget(self)
        self.article_tag_editor = QLineEdit(page)
        self.article_tag_editor.setObjectName("articleTagEditor")
        self.article_tag_editor.setPlaceholderText(tr("Tag this article…"))
        make_tag_entry(self.article_tag_editor, self._completion, self.tag_article)
        self.article_tags = QListWidget(page)
        self.article_tags.setObjectName("articleTags")
        self.article_tags.setFlow(QListWidget.Flow.LeftToRight)
        self.article_tags.setWrapping(True)
        self.article_tags.setMaximumHeight(70)
        self.article_tags.itemDoubleClicked.connect(lambda i: self.untag_article(i.text()))
        self.all_tags = QListWidget(page)
        self.all_tags.setObjectName("allTags")
        self.all_tags.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.all_tags.customContextMenuRequested.connect(self._tag_menu)
        self.all_tags.setAlternatingRowColors(True)
        hint = QLabel(tr("Right-click a tag to rename, merge or delete it."), page)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 8, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(_heading(tr("This article"), page))
        layout.addWidget(self.article_tag_editor)
        layout.addWidget(self.article_tags)
        layout.addWidget(_heading(tr("All tags"), page))
        layout.addWidget(self.all_tags, 1)
        layout.addWidget(hint)
        return page

    # --- article and highlight --------------------------------------------------------------
    def set_article(
        self,
        article_id: int | None,
        highlights: tuple | list = (),
        tags: tuple[str, ...] | None = None,
    ) -> None:
        """Show an article's highlights and tags (`tags` as the caller read them with
        the article; None: read here)."""
        self.flush()
        changed = article_id != self._article_id
        self._article_id = article_id
        keep = self._current.id if self._current and not changed else None
        self.highlight_model.set_highlights(highlights)
        self.orphan_summary.set_highlights(highlights)
        has = bool(highlights)
        self.highlight_view.setVisible(has)
        self.empty_label.setVisible(not has)
        self._show_article_tags(tags)
        row = self.highlight_model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.select_highlight(self.highlight_model.records()[row].id)
        else:
            self._show_editor(None)

    def current_highlight(self) -> HighlightRecord | None:
        return self._current

    def save_layout(self) -> QByteArray:
        """The list/editor split, for the window's settings."""
        return self.splitter.saveState()

    def restore_layout(self, state: QByteArray) -> None:
        self.splitter.restoreState(state)

    def highlights(self) -> list[HighlightRecord]:
        """The article's highlights in reading order, as the list shows them."""
        return self.highlight_model.records()

    def highlight_count(self) -> int:
        return self.highlight_model.rowCount()

    def library_changed(self, change: Change) -> None:
        """Refresh what `change` touched: the tag lists when tags changed, the
        article's highlights and tags when they did (rows in place when the same
        highlights are still there, so a note being typed is not disturbed)."""
        if change.tag_names or change.tags_list_changed:
            self.refresh_tags()
        article_id = self._article_id
        if article_id is None:
            return
        if not change.article_list_changed:
            if article_id not in change.article_ids:
                return
            if not change.highlight_ids:  # its own tags or read state
                if change.tag_names:
                    self._show_article_tags()
                return
        try:
            highlights = self._events.highlights_for(article_id)
        except NotFoundError:  # merged into another article, or its page re-parsed
            self.set_article(None)
            return
        if [h.id for h in highlights] != [h.id for h in self.highlight_model.records()]:
            self.set_article(article_id, highlights)
            return
        for highlight in highlights:
            if change.article_list_changed or highlight.id in change.highlight_ids:
                self._highlight_edited(highlight)
        self.orphan_summary.set_highlights(highlights)
        if change.tag_names or change.article_list_changed:  # not for a colour or a note
            self._show_article_tags()

    def select_highlight(self, highlight_id: int) -> bool:
        row = self.highlight_model.row_of(highlight_id)
        if row < 0:
            return False
        index = self.highlight_model.index(row)
        self.highlight_view.setCurrentIndex(index)
        self.highlight_view.scrollTo(index)
        self.tabs.setCurrentIndex(0)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.flush()
        self._show_editor(current.data(RecordRole) if current.isValid() else None)

    def _show_editor(self, record: HighlightRecord | None) -> None:
        self._current = record
        self.currentHighlightChanged.emit()
        self.editor.setEnabled(record is not None)
        self.orphan_card.show_for(record)
        unsaved = self._unsaved_note(record.id) if record else None
        self.note_editor.blockSignals(True)
        self.note_editor.setPlainText(
            unsaved if unsaved is not None else (record.note if record else "")
        )
        self.note_editor.blockSignals(False)
        self._saved_note = record.note if record else ""
        self._update_note_status()
        for color, button in self.color_buttons.items():
            button.setChecked(record is not None and record.color == color)
        self.highlight_tags.clear()
        if record is not None:
            self.highlight_tags.addItems(list(record.tags))

    def _highlight_edited(self, record: HighlightRecord) -> None:
        self.highlight_model.replace(record)
        if self._current is not None and self._current.id == record.id:
            pending = self._note_timer.isActive() or self._unsaved_note(record.id) is not None
            self._current = record
            self.orphan_card.show_for(record)
            if not pending and self.note_editor.toPlainText() != record.note:
                self.note_editor.blockSignals(True)
                self.note_editor.setPlainText(record.note)
                self.note_editor.blockSignals(False)
            if not pending:
                self._saved_note = record.note
            self.highlight_tags.clear()
            self.highlight_tags.addItems(list(record.tags))
        self.highlight_view.doItemsLayout()

    # --- notes ------------------------------------------------------------------------------
    def edit_note(self) -> None:
        if self._current is not None:
            self.tabs.setCurrentIndex(0)
            self.note_editor.setFocus()
            self.note_editor.moveCursor(QTextCursor.MoveOperation.End)  # to go on writing

    def _note_typed(self) -> None:
        if self._current is not None:
            self._note_timer.start()

    def flush(self) -> None:
        """Save the note being typed now (called before anything that could lose it)."""
        self._note_timer.stop()
        if self._current is None:
            return
        text = self.note_editor.toPlainText()
        highlight_id = self._current.id
        if text == self._saved_note and self._unsaved_note(highlight_id) is None:
            return
        note = operations.SetNote(highlight_id, text)
        if self._writes.run(note, note_key(highlight_id)) is not None:
            self._saved_note = text
        self._update_note_status()

    def _unsaved_note(self, highlight_id: int) -> str | None:
        """The text of this highlight's note that is kept for retry, if any."""
        operation = self._writes.pending(note_key(highlight_id))
        return operation.body if isinstance(operation, operations.SetNote) else None

    def has_unsaved_note(self) -> bool:
        return self._current is not None and self._unsaved_note(self._current.id) is not None

    def _kept_write_saved(self, key: object, operation: object, _result: object) -> None:
        """A note kept for retry is in the library now: it is the saved text."""
        current = self._current
        if (
            current is not None
            and key == note_key(current.id)
            and isinstance(operation, operations.SetNote)
        ):
            self._saved_note = operation.body

    def _update_note_status(self) -> None:
        self.note_status.setVisible(self.has_unsaved_note())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note_editor and event.type() == QEvent.Type.FocusOut:
            self.flush()
        if (
            watched is self.highlight_tags
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.highlight_tags.currentItem() is not None
        ):
            self.untag_highlight(self.highlight_tags.currentItem().text())
            return True
        return super().eventFilter(watched, event)

    # --- colour and tags on the highlight ----------------------------------------------------
    def set_color(self, color: str) -> None:
        if self._current is None or self._current.color == color:
            self._show_editor(self._current)
            return
        self._writes.run(operations.SetColor(self._current.id, color))

    def add_tag(self) -> None:
        if self._current is not None:
            self.tabs.setCurrentIndex(0)
            self.tag_editor.setFocus()

    def tag_highlight(self, name: str) -> None:
        name = name.strip()
        if self._current is None or not name or name in self._current.tags:
            return
        self._writes.run(operations.TagHighlight(self._current.id, name))

    def untag_highlight(self, name: str) -> None:
        if self._current is not None and name in self._current.tags:
            self._writes.run(operations.UntagHighlight(self._current.id, name))

    # --- the article's tags ---------------------------------------------------------------
    def _show_article_tags(self, names: tuple[str, ...] | None = None) -> None:
        self.article_tags.clear()
        self.article_tag_editor.setEnabled(self._article_id is not None)
        if self._article_id is not None and names is not None:
            self.article_tags.addItems(list(names))
        elif self._article_id is not None:
            try:
                names = self._library.article_tags(self._article_id)
            except ReaderError:  # the article is gone (its page was re-parsed)
                names = ()
            self.article_tags.addItems(list(names))

    def tag_article(self, name: str) -> None:
        name = name.strip()
        if self._article_id is not None and name:
            self._writes.run(operations.TagArticle(self._article_id, name))

    def untag_article(self, name: str) -> None:
        if self._article_id is not None:
            self._writes.run(operations.UntagArticle(self._article_id, name))

    # --- every tag ------------------------------------------------------------------------
    def refresh_tags(self) -> None:
        counts = self._library.tag_counts()
        self._completion.setStringList([t.name for t in counts])
        self.all_tags.clear()
        for tag in counts:
            highlights = tr("%n highlight(s)", None, tag.highlight_count)
            articles = tr("%n article(s)", None, tag.article_count)
            self.all_tags.addItem(f"{tag.name}   ({highlights} · {articles})")
            self.all_tags.item(self.all_tags.count() - 1).setData(
                Qt.ItemDataRole.UserRole, tag.name
            )
        self.tagsRefreshed.emit()

    def tag_names(self) -> list[str]:
        return self._completion.stringList()

    def rename_tag(self, old: str, new: str) -> QMessageBox | None:
        """Rename; when `new` exists already, ask first whether to merge the two (the
        question, opened, is returned; the merge happens when it is accepted)."""
        new = new.strip()
        if not new or new == old:
            return None
        if new not in self.tag_names():
            self._writes.run(operations.RenameTag(old, new))
            return None
        counts = {tag.name: tag for tag in self._library.tag_counts()}
        box = merge_question(self, old, new, counts)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        merge = box.findChild(QPushButton, "mergeButton")
        merge.clicked.connect(lambda: self.merge_tag(old, new))
        box.open()
        return box

    def merge_tag(self, source: str, target: str) -> None:
        self._writes.run(operations.MergeTags(source, target.strip()))

    def delete_tag(self, name: str) -> None:
        self._writes.run(operations.DeleteTag(name))

    def _tag_menu(self, position) -> None:
        item = self.all_tags.itemAt(position)
        if item is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        menu = QMenu(self)
        rename = menu.addAction(tr("Rename…"))
        merge = menu.addAction(tr("Merge into…"))
        menu.addSeparator()
        delete = menu.addAction(icon("delete"), tr("Delete"))
        chosen = menu.exec(self.all_tags.viewport().mapToGlobal(position))
        if chosen is rename:
            new, ok = QInputDialog.getText(self, tr("Rename tag"), tr("New name:"), text=name)
            if ok:
                self.rename_tag(name, new)
        elif chosen is merge:
            others = [n for n in self.tag_names() if n != name]
            target, ok = QInputDialog.getItem(
                self, tr("Merge tag"), tr("Merge %s into:") % name, others, 0, True
            )
            if ok and target:
                self.merge_tag(name, target)
        elif chosen is delete:
            self.delete_tag(name)


def note_key(highlight_id: int) -> tuple[str, int]:
    """A note kept for retry: a newer text of the same note replaces the older."""
    return ("note", highlight_id)


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("sectionHeading")
    return label
