"""Undoable annotation edits: every change to highlights, notes and tags is a command.

A command makes its change in `apply()` *before* it goes on the QUndoStack
(`reader.ui.writes.UndoableWrites` pushes it only after that succeeded), so the stack
never holds a change that did not happen and its first `redo()` is a no-op. Undo and
redo catch every failure inside the command: an exception must never cross
QUndoStack.push or a Python override of QUndoCommand (PySide aborts or prints
"Error calling Python override…"), and a failed step leaves the command in the state it
was, for the stack to be put back.

Commands call the Library (never SQL) and then tell the `AnnotationEvents` hub what
changed, so the reading pane, the sidebar and the article list refresh whichever way the
change happened: first time, undo or redo.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from reader.store.library import Library
from reader.store.records import HighlightRecord, MergeResult, TagSnapshot
from reader.ui.i18n import tr

NOTE_COMMAND_ID = 1001


class AnnotationEvents(QObject):
    """Emitted after a command changed the library (or failed to)."""

    highlightsChanged = Signal(int)  # article id: highlights added, removed or recoloured
    highlightEdited = Signal(object)  # the HighlightRecord whose note or tags changed
    articleTagsChanged = Signal(int)  # article id
    tagsChanged = Signal()  # the set of tags or their counts changed
    stepFailed = Signal(object, object)  # (command, exception): an undo or redo failed


class LibraryCommand(QUndoCommand):
    """Base of every command: `apply()` makes the change (raising on failure); `redo()`
    and `undo()` replay it from the stack and never raise.

    `applied` says whether the library holds the change now; a step that fails leaves it
    as it was, so replaying the stack back to where it stood is a no-op."""

    def __init__(self, text: str, library: Library, events: AnnotationEvents) -> None:
        super().__init__(text)
        self._library, self._events = library, events
        self.applied = False

    def apply(self) -> None:
        """Make the change now; raises what the library raised (nothing is changed then)."""
        self._forward()
        self.applied = True

    def redo(self) -> None:
        if not self.applied:
            self._step(self._forward, applied_after=True)

    def undo(self) -> None:
        if self.applied:
            self._step(self._backward, applied_after=False)

    def _step(self, step: Callable[[], None], *, applied_after: bool) -> None:
        try:
            step()
        except Exception as error:  # nothing may cross into Qt's C++ here
            self._events.stepFailed.emit(self, error)
            return
        self.applied = applied_after

    def _forward(self) -> None:
        raise NotImplementedError

    def _backward(self) -> None:
        raise NotImplementedError


class AddHighlightCommand(LibraryCommand):
    def __init__(
        self,
        library: Library,
        events: AnnotationEvents,
        article_id: int,
        start: int,
        end: int,
        color: str,
    ) -> None:
        super().__init__(tr("Add highlight"), library, events)
        self.article_id, self.start, self.end, self.color = article_id, start, end, color
        self.record: HighlightRecord | None = None

    def _forward(self) -> None:
        if self.record is None:
            self.record = self._library.add_highlight(
                self.article_id, self.start, self.end, color=self.color
            )
        else:
            self.record = self._library.restore_highlight(self.record)
        self._events.highlightsChanged.emit(self.article_id)

    def _backward(self) -> None:
        assert self.record is not None
        self.record = self._library.delete_highlight(self.record.id)
        self._events.highlightsChanged.emit(self.article_id)
        self._events.tagsChanged.emit()


class DeleteHighlightCommand(LibraryCommand):
    def __init__(self, library: Library, events: AnnotationEvents, highlight_id: int) -> None:
        super().__init__(tr("Delete highlight"), library, events)
        self._id = highlight_id
        self._record: HighlightRecord | None = None

    def _forward(self) -> None:
        self._record = self._library.delete_highlight(self._id)
        self._events.highlightsChanged.emit(self._record.article_id)
        self._events.tagsChanged.emit()

    def _backward(self) -> None:
        assert self._record is not None
        self._library.restore_highlight(self._record)
        self._events.highlightsChanged.emit(self._record.article_id)
        self._events.tagsChanged.emit()


class SetColorCommand(LibraryCommand):
    def __init__(
        self, library: Library, events: AnnotationEvents, highlight_id: int, color: str
    ) -> None:
        super().__init__(tr("Change colour"), library, events)
        self._id, self._new = highlight_id, color
        self._old: str | None = None  # read when the change is first made

    def _set(self, color: str) -> None:
        record = self._library.set_color(self._id, color)
        self._events.highlightsChanged.emit(record.article_id)

    def _forward(self) -> None:
        if self._old is None:
            self._old = self._library.get_highlight(self._id).color
        self._set(self._new)

    def _backward(self) -> None:
        assert self._old is not None
        self._set(self._old)


class SetNoteCommand(LibraryCommand):
    """Consecutive saves of the same note merge into one undo step."""

    def __init__(
        self, library: Library, events: AnnotationEvents, highlight_id: int, old: str, new: str
    ) -> None:
        super().__init__(tr("Edit note"), library, events)
        self.highlight_id, self._old, self.new = highlight_id, old, new

    def id(self) -> int:
        return NOTE_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetNoteCommand) or other.highlight_id != self.highlight_id:
            return False
        self.new = other.new
        return True

    def _set(self, body: str) -> None:
        self._events.highlightEdited.emit(self._library.set_note(self.highlight_id, body))

    def _forward(self) -> None:
        self._set(self.new)

    def _backward(self) -> None:
        self._set(self._old)


class TagHighlightCommand(LibraryCommand):
    def __init__(
        self,
        library: Library,
        events: AnnotationEvents,
        highlight_id: int,
        tag: str,
        add: bool = True,
    ) -> None:
        text = (tr("Add tag %s") if add else tr("Remove tag %s")) % tag
        super().__init__(text, library, events)
        self._id, self._tag, self._add = highlight_id, tag, add

    def _set(self, add: bool) -> None:
        if add:
            record = self._library.tag_highlight(self._id, self._tag)
        else:
            record = self._library.untag_highlight(self._id, self._tag)
        self._events.highlightEdited.emit(record)
        self._events.tagsChanged.emit()

    def _forward(self) -> None:
        self._set(self._add)

    def _backward(self) -> None:
        self._set(not self._add)


class TagArticleCommand(LibraryCommand):
    def __init__(
        self,
        library: Library,
        events: AnnotationEvents,
        article_id: int,
        tag: str,
        add: bool = True,
    ) -> None:
        text = (tr("Tag article %s") if add else tr("Untag article %s")) % tag
        super().__init__(text, library, events)
        self._id, self._tag, self._add = article_id, tag, add

    def _set(self, add: bool) -> None:
        if add:
            self._library.tag_article(self._id, self._tag)
        else:
            self._library.untag_article(self._id, self._tag)
        self._events.articleTagsChanged.emit(self._id)
        self._events.tagsChanged.emit()

    def _forward(self) -> None:
        self._set(self._add)

    def _backward(self) -> None:
        self._set(not self._add)


class _TagWideCommand(LibraryCommand):
    """A change to a tag everywhere: any visible highlight may show it."""

    def _changed(self) -> None:
        self._events.tagsChanged.emit()
        self._events.highlightsChanged.emit(-1)
        self._events.articleTagsChanged.emit(-1)


class RenameTagCommand(_TagWideCommand):
    def __init__(self, library: Library, events: AnnotationEvents, old: str, new: str) -> None:
        super().__init__(tr("Rename tag %s → %s") % (old, new), library, events)
        self._old, self._new = old, new

    def _forward(self) -> None:
        self._library.rename_tag(self._old, self._new)
        self._changed()

    def _backward(self) -> None:
        self._library.rename_tag(self._new, self._old)
        self._changed()


class MergeTagsCommand(_TagWideCommand):
    def __init__(
        self, library: Library, events: AnnotationEvents, source: str, target: str
    ) -> None:
        super().__init__(tr("Merge tag %s into %s") % (source, target), library, events)
        self._source, self._target = source, target
        self._result: MergeResult | None = None

    def _forward(self) -> None:
        self._result = self._library.merge_tags(self._source, self._target)
        self._changed()

    def _backward(self) -> None:
        assert self._result is not None
        self._library.unmerge_tags(self._result)
        self._changed()


class DeleteTagCommand(_TagWideCommand):
    def __init__(self, library: Library, events: AnnotationEvents, name: str) -> None:
        super().__init__(tr("Delete tag %s") % name, library, events)
        self._name = name
        self._snapshot: TagSnapshot | None = None

    def _forward(self) -> None:
        self._snapshot = self._library.delete_tag(self._name)
        self._changed()

    def _backward(self) -> None:
        assert self._snapshot is not None
        self._library.restore_tag(self._snapshot)
        self._changed()
