"""The toolbar's search box, apart from the search panel it drives.

The box is on screen from the first paint; the results panel and the search core
(`reader.ui.search_panel`, `reader.search`) are built when the box is first used, so a
start does not pay for them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from reader.ui.i18n import tr


class SearchBox(QLineEdit):
    """The toolbar line edit: Down hands focus to the results, Enter picks the first
    result, Esc closes the search."""

    downPressed = Signal()
    enterPressed = Signal()
    escapePressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setPlaceholderText(tr("Search notes, highlights, articles (Ctrl+K)"))
        self.setClearButtonEnabled(True)
        self.setToolTip(
            tr(
                'Words must all match; "a phrase", -exclude, tag:, color:, in:notes, '
                "author:, before:/after: dates"
            )
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer().popup() if self.completer() else None
        if popup is not None and popup.isVisible():
            super().keyPressEvent(event)
            return
        key = event.key()
        if key == Qt.Key.Key_Down:
            self.downPressed.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enterPressed.emit()
        elif key == Qt.Key.Key_Escape:
            self.escapePressed.emit()
        else:
            super().keyPressEvent(event)
