"""What the sidebar says about an orphaned highlight: a highlight whose passage changed
when its page was imported again keeps its note, tags and old quote but has no place in
the text. Colouring it red alone left the user guessing; the card says why, shows the old
text, and offers the two ways out: re-attach it to a passage the user selects, or delete
it (both undoable). The summary line above the list counts the article's orphans and
steps through them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reader.store.records import HighlightRecord
from reader.ui.i18n import tr

ORPHAN_RED = "#b3322b"


def orphan_explanation() -> str:
    """Why a highlight is an orphan, in one sentence (the card and the row's tooltip)."""
    return tr(
        "This passage changed when the page was imported again, so the highlight lost its place."
    )


def orphan_label() -> str:
    """The line over an orphan's row in the list."""
    return tr("Lost its place: the passage changed")


class OrphanCard(QFrame):
    """Shown for the selected highlight when it is an orphan, hidden otherwise.
    `reattachRequested(id)`: attach it to the passage selected in the article.
    `deleteRequested(id)`: delete it."""

    reattachRequested = Signal(int)
    deleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orphanCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#orphanCard {{ border: 1px solid {ORPHAN_RED}; border-radius: 6px; }}"
        )
        self._highlight_id: int | None = None
        self.explanation = QLabel(self)
        self.explanation.setObjectName("orphanExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel(
            tr(
                "Select the passage it belongs to in the article and press Re-attach, or "
                "delete the highlight."
            ),
            self,
        )
        self.hint.setObjectName("orphanHint")
        self.hint.setWordWrap(True)
        self.reattach_button = QPushButton(tr("Re-attach to selection"), self)
        self.reattach_button.setObjectName("reattachButton")
        self.reattach_button.setToolTip(
            tr("Place this highlight on the passage selected in the article")
        )
        self.reattach_button.clicked.connect(self._reattach)
        self.delete_button = QPushButton(tr("Delete highlight"), self)
        self.delete_button.setObjectName("deleteOrphanButton")
        self.delete_button.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reattach_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.explanation)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.hide()

    def show_for(self, record: HighlightRecord | None) -> None:
        """Explain `record` if it is an orphan; hide otherwise."""
        if record is None or not record.orphaned:
            self._highlight_id = None
            self.hide()
            return
        self._highlight_id = record.id
        self.explanation.setText(
            tr("{why} Its old text was: “{quote}”").format(
                why=orphan_explanation(), quote=record.exact
            )
        )
        self.show()

    def _reattach(self) -> None:
        if self._highlight_id is not None:
            self.reattachRequested.emit(self._highlight_id)

    def _delete(self) -> None:
        if self._highlight_id is not None:
            self.deleteRequested.emit(self._highlight_id)


class OrphanSummary(QLabel):
    """ "2 highlights lost their place … Show": the article's orphans, counted; the link
    selects the next one (`showRequested(id)`). Hidden when there are none."""

    showRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orphanSummary")
        self.setWordWrap(True)
        self.setStyleSheet(f"QLabel#orphanSummary {{ color: {ORPHAN_RED}; padding: 4px 6px; }}")
        self.linkActivated.connect(lambda _link: self._show_next())
        self._orphans: list[int] = []
        self._next = 0
        self.hide()

    def set_highlights(self, highlights: list[HighlightRecord] | tuple) -> None:
        self._orphans = [h.id for h in highlights if h.orphaned]
        self._next = 0
        self.setVisible(bool(self._orphans))
        if self._orphans:
            count = tr(
                "%n highlight(s) no longer found after the page was imported again.",
                None,
                len(self._orphans),
            )
            show = tr("Show")
            self.setText(f'{count} <a href="#orphan">{show}</a>')

    def orphan_ids(self) -> list[int]:
        return list(self._orphans)

    def _show_next(self) -> None:
        if self._orphans:
            self.showRequested.emit(self._orphans[self._next % len(self._orphans)])
            self._next += 1
