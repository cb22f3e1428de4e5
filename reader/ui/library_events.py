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


class LibraryEvents(QObject):
    """`changed(Change)`: emitted after every change to the library, never for an empty one."""

    changed = Signal(object)

    def emit_change(self, change: Change) -> None:
        if not change.is_empty:
            self.changed.emit(change)
