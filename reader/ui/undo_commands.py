"""Undoable annotation edits: every change to highlights, notes and tags is a command.

Commands call the Library (never SQL) and then tell the `AnnotationEvents` hub what
changed, so the reading pane, the sidebar and the article list refresh whichever way the
change happened: first time, undo or redo.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from reader.store.library import Library
from reader.store.records import HighlightRecord, MergeResult, TagSnapshot
from reader.ui.i18n import tr

NOTE_COMMAND_ID = 1001


class AnnotationEvents(QObject):
    """Emitted after a command changed the library."""

    highlightsChanged = Signal(int)  # article id: highlights added, removed or recoloured
    highlightEdited = Signal(object)  # the HighlightRecord whose note or tags changed
    articleTagsChanged = Signal(int)  # article id
    tagsChanged = Signal()  # the set of tags or their counts changed


class AddHighlightCommand(QUndoCommand):
    def __init__(
        self,
        library: Library,
        events: AnnotationEvents,
        article_id: int,
        start: int,
        end: int,
        color: str,
    ) -> None:
        super().__init__(tr("Add highlight"))
        self._library, self._events = library, events
        self._args = (article_id, start, end, color)
        self.record: HighlightRecord | None = None

    def redo(self) -> None:
        article_id, start, end, color = self._args
        if self.record is None:
            self.record = self._library.add_highlight(article_id, start, end, color=color)
        else:
            self.record = self._library.restore_highlight(self.record)
        self._events.highlightsChanged.emit(article_id)

    def undo(self) -> None:
        assert self.record is not None
        self.record = self._library.delete_highlight(self.record.id)
        self._events.highlightsChanged.emit(self.record.article_id)
        self._events.tagsChanged.emit()


class DeleteHighlightCommand(QUndoCommand):
    def __init__(self, library: Library, events: AnnotationEvents, highlight_id: int) -> None:
        super().__init__(tr("Delete highlight"))
        self._library, self._events = library, events
        self._id = highlight_id
        self._record: HighlightRecord | None = None

    def redo(self) -> None:
        self._record = self._library.delete_highlight(self._id)
        self._events.highlightsChanged.emit(self._record.article_id)
        self._events.tagsChanged.emit()

    def undo(self) -> None:
        assert self._record is not None
        self._library.restore_highlight(self._record)
        self._events.highlightsChanged.emit(self._record.article_id)
        self._events.tagsChanged.emit()


class SetColorCommand(QUndoCommand):
    def __init__(
        self, library: Library, events: AnnotationEvents, highlight_id: int, color: str
    ) -> None:
        super().__init__(tr("Change colour"))
        self._library, self._events = library, events
        self._id, self._new = highlight_id, color
        self._old = library.get_highlight(highlight_id).color

    def _apply(self, color: str) -> None:
        record = self._library.set_color(self._id, color)
        self._events.highlightsChanged.emit(record.article_id)

    def redo(self) -> None:
        self._apply(self._new)

    def undo(self) -> None:
        self._apply(self._old)


class SetNoteCommand(QUndoCommand):
    """Consecutive saves of the same note merge into one undo step."""

    def __init__(
        self, library: Library, events: AnnotationEvents, highlight_id: int, old: str, new: str
    ) -> None:
        super().__init__(tr("Edit note"))
        self._library, self._events = library, events
        self.highlight_id, self._old, self._new = highlight_id, old, new

    def id(self) -> int:
        return NOTE_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetNoteCommand) or other.highlight_id != self.highlight_id:
            return False
        self._new = other._new
        return True

    def _apply(self, body: str) -> None:
        self._events.highlightEdited.emit(self._library.set_note(self.highlight_id, body))

    def redo(self) -> None:
        self._apply(self._new)

    def undo(self) -> None:
        self._apply(self._old)


class TagHighlightCommand(QUndoCommand):
    def __init__(
        self,
        library: Library,
        events: AnnotationEvents,
        highlight_id: int,
        tag: str,
        add: bool = True,
    ) -> None:
        super().__init__((tr("Add tag %s") if add else tr("Remove tag %s")) % tag)
        self._library, self._events = library, events
        self._id, self._tag, self._add = highlight_id, tag, add

    def _apply(self, add: bool) -> None:
        if add:
            record = self._library.tag_highlight(self._id, self._tag)
        else:
            record = self._library.untag_highlight(self._id, self._tag)
        self._events.highlightEdited.emit(record)
        self._events.tagsChanged.emit()

    def redo(self) -> None:
        self._apply(self._add)

    def undo(self) -> None:
        self._apply(not self._add)


class TagArticleCommand(QUndoCommand):
    def __init__(
        self,
        library: Library,
        events: AnnotationEvents,
        article_id: int,
        tag: str,
        add: bool = True,
    ) -> None:
        super().__init__((tr("Tag article %s") if add else tr("Untag article %s")) % tag)
        self._library, self._events = library, events
        self._id, self._tag, self._add = article_id, tag, add

    def _apply(self, add: bool) -> None:
        if add:
            self._library.tag_article(self._id, self._tag)
        else:
            self._library.untag_article(self._id, self._tag)
        self._events.articleTagsChanged.emit(self._id)
        self._events.tagsChanged.emit()

    def redo(self) -> None:
        self._apply(self._add)

    def undo(self) -> None:
        self._apply(not self._add)


class _TagWideCommand(QUndoCommand):
    """A change to a tag everywhere: any visible highlight may show it."""

    def __init__(self, text: str, library: Library, events: AnnotationEvents) -> None:
        super().__init__(text)
        self._library, self._events = library, events

    def _changed(self) -> None:
        self._events.tagsChanged.emit()
        self._events.highlightsChanged.emit(-1)
        self._events.articleTagsChanged.emit(-1)


class RenameTagCommand(_TagWideCommand):
    def __init__(self, library: Library, events: AnnotationEvents, old: str, new: str) -> None:
        super().__init__(tr("Rename tag %s → %s") % (old, new), library, events)
        self._old, self._new = old, new

    def redo(self) -> None:
        self._library.rename_tag(self._old, self._new)
        self._changed()

    def undo(self) -> None:
        self._library.rename_tag(self._new, self._old)
        self._changed()


class MergeTagsCommand(_TagWideCommand):
    def __init__(
        self, library: Library, events: AnnotationEvents, source: str, target: str
    ) -> None:
        super().__init__(tr("Merge tag %s into %s") % (source, target), library, events)
        self._source, self._target = source, target
        self._result: MergeResult | None = None

    def redo(self) -> None:
        self._result = self._library.merge_tags(self._source, self._target)
        self._changed()

    def undo(self) -> None:
        assert self._result is not None
        self._library.unmerge_tags(self._result)
        self._changed()


class DeleteTagCommand(_TagWideCommand):
    def __init__(self, library: Library, events: AnnotationEvents, name: str) -> None:
        super().__init__(tr("Delete tag %s") % name, library, events)
        self._name = name
        self._snapshot: TagSnapshot | None = None

    def redo(self) -> None:
        self._snapshot = self._library.delete_tag(self._name)
        self._changed()

    def undo(self) -> None:
        assert self._snapshot is not None
        self._library.restore_tag(self._snapshot)
        self._changed()
