"""Find in the open article (Ctrl+F): every match marked, the current one selected,
"3 of 12" counting, next/previous with Enter/Shift+Enter and F3/Shift+F3.

The reading pane draws its own extra selections (highlights, a flash); the bar marks its
matches with a private format property so it can replace only its own selections and
leave everyone else's in place, and take its own away again when it closes. Text is
compared folded the way search folds it (`reader.search.folding`, pure text functions);
the matches are turned into Qt's UTF-16 positions at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from reader.search.folding import fold
from reader.ui.i18n import tr
from reader.ui.text_offsets import OffsetMap

#: Marks an ExtraSelection as the find bar's own.
FIND_MARK = QTextFormat.Property.UserProperty + 0x46
MAX_MATCHES = 5000
ALL_MATCHES_COLOR = "#fff1a8"
CURRENT_MATCH_COLOR = "#ff9f43"


class _FindLineEdit(QLineEdit):
    nextRequested = Signal()
    previousRequested = Signal()
    escapePressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previousRequested.emit()
            else:
                self.nextRequested.emit()
        elif key == Qt.Key.Key_Escape:
            self.escapePressed.emit()
        else:
            super().keyPressEvent(event)


class FindBar(QWidget):
    """A find bar for one QTextEdit/QTextBrowser; hidden until `show_and_focus()`."""

    closed = Signal()

    def __init__(self, text_edit: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._edit = text_edit
        self._matches: list[QTextCursor] = []
        self._current = -1

        self.line_edit = _FindLineEdit()
        self.line_edit.setObjectName("findText")
        self.line_edit.setPlaceholderText(tr("Find in article"))
        self.line_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("findCount")
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 of 0000"))
        self.previous_button = self._button("findPrevious", "▲", tr("Previous match (Shift+F3)"))
        self.next_button = self._button("findNext", "▼", tr("Next match (F3)"))
        self.close_button = self._button("findClose", "✕", tr("Close (Esc)"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)

        self.line_edit.textChanged.connect(self._refresh)
        self.line_edit.nextRequested.connect(self.find_next)
        self.line_edit.previousRequested.connect(self.find_previous)
        self.line_edit.escapePressed.connect(self.close_bar)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.close_bar)
        self._edit.document().contentsChanged.connect(self.document_changed)
        for owner in (self, self._edit):
            self._shortcut(owner, QKeySequence(Qt.Key.Key_F3), self._shortcut_next)
            self._shortcut(owner, QKeySequence("Shift+F3"), self._shortcut_previous)
        self.hide()

    def _button(self, name: str, glyph: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(glyph)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def _shortcut(self, owner: QWidget, sequence: QKeySequence, slot) -> None:
        shortcut = QShortcut(sequence, owner)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    def _shortcut_next(self) -> None:
        """F3 from the text: only while the bar is open (Ctrl+F opens it)."""
        if self.isVisible():
            self.find_next()

    def _shortcut_previous(self) -> None:
        if self.isVisible():
            self.find_previous()

    # --- public ---------------------------------------------------------------------
    def show_and_focus(self) -> None:
        """Show the bar, seeded with the pane's selection when there is one."""
        selected = self._edit.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.line_edit.setText(selected)
        self.show()
        self.line_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.line_edit.selectAll()
        self._refresh()

    def close_bar(self) -> None:
        """Hide, take the marks away and give focus back to the text."""
        self._matches, self._current = [], -1
        self._apply_marks()
        self.hide()
        self._edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def match_count(self) -> int:
        return len(self._matches)

    def current_match(self) -> int:
        """0-based index of the selected match, -1 when there is none."""
        return self._current

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    # --- matching -------------------------------------------------------------------
    def document_changed(self) -> None:
        # A long article arriving in slices changes the document many times a second;
        # the reading pane says when it is complete (`loadingFinished`), find then.
        if self.isVisible() and not getattr(self._edit, "is_loading", False):
            self._refresh()

    def document_replaced(self) -> None:
        """The text edit shows a new document: follow its changes, and find again in
        it (the old matches pointed into the old one)."""
        self._edit.document().contentsChanged.connect(self.document_changed)
        if self.isVisible():
            self._refresh()
        else:
            self._matches, self._current = [], -1

    def _refresh(self) -> None:
        needle = self.line_edit.text()
        self._matches = self._find_all(needle) if needle else []
        anchor = self._edit.textCursor().selectionStart()
        self._current = next(
            (i for i, match in enumerate(self._matches) if match.selectionStart() >= anchor),
            0 if self._matches else -1,
        )
        self._show_current()

    def _find_all(self, needle: str) -> list[QTextCursor]:
        """Non-overlapping matches, compared folded as search folds them: case, and
        full- against half-width (`ＡＩ` finds `AI`, `,` finds `，`)."""
        wanted = fold(needle).text
        if not wanted:
            return []
        document = self._edit.document()
        text = document.toPlainText()  # its UTF-16 units are the document positions
        folded = fold(text)
        offsets = OffsetMap(text)
        matches: list[QTextCursor] = []
        found = folded.text.find(wanted)
        while found >= 0 and len(matches) < MAX_MATCHES:
            start, end = folded.original_span(found, found + len(wanted))
            cursor = QTextCursor(document)
            cursor.setPosition(offsets.to_utf16(start))
            cursor.setPosition(offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            matches.append(cursor)
            found = folded.text.find(wanted, found + len(wanted))
        return matches

    def _step(self, delta: int) -> None:
        if not self.isVisible():
            self.show_and_focus()
        if not self._matches:
            return
        self._current = (self._current + delta) % len(self._matches)
        self._show_current()

    def _show_current(self) -> None:
        if self._current >= 0:
            self._edit.setTextCursor(self._matches[self._current])
            self._edit.ensureCursorVisible()
            self.count_label.setText(tr("%s of %s") % (self._current + 1, len(self._matches)))
        elif self.line_edit.text():
            self.count_label.setText(tr("No matches"))
        else:
            self.count_label.clear()
        self.line_edit.setProperty("noMatch", bool(self.line_edit.text()) and not self._matches)
        self._apply_marks()

    def _apply_marks(self) -> None:
        others = [s for s in self._edit.extraSelections() if not s.format.hasProperty(FIND_MARK)]
        ours = []
        for i, match in enumerate(self._matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = match
            color = CURRENT_MATCH_COLOR if i == self._current else ALL_MATCHES_COLOR
            selection.format.setBackground(QColor(color))
            selection.format.setForeground(QColor("#000000"))
            selection.format.setProperty(FIND_MARK, True)
            ours.append(selection)
        self._edit.setExtraSelections(others + ours)
