"""The one signal every view listens to: the library changed, and this is what changed.

Whatever changed the library — an edit, its undo or redo, an import, a restore, a
re-parse — the window emits `changed(Change)` once afterwards. The article list, the
reading pane and the sidebar each look at the part they show (`Change.article_ids`,
`highlight_ids`, `tag_names`, `article_list_changed`) and refresh only that, so no view
has to know who made the change or reach into another view.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader.store.change import Change
from reader.store.library import Library
from reader.store.records import HighlightRecord


class LibraryEvents(QObject):
    """`changed(Change)`: emitted after every change to the library, never for an empty one.

    While it is being emitted, `highlights_for(article_id)` reads an article's highlights
    once for every view that shows them (the pane and the sidebar show the same ones)."""

    changed = Signal(object)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._read: dict[int, list[HighlightRecord]] | None = None

    def emit_change(self, change: Change) -> None:
        if change.is_empty:
            return
        self._read = {}
        try:
            self.changed.emit(change)
        finally:
            self._read = None

    def highlights_for(self, article_id: int) -> list[HighlightRecord]:
        """The article's highlights now (read once per change)."""
        if self._read is None:
            return self._library.highlights_for_article(article_id)
        if article_id not in self._read:
            self._read[article_id] = self._library.highlights_for_article(article_id)
        return self._read[article_id]
