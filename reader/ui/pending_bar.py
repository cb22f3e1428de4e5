"""The bar above the article that says changes are kept unsaved and being retried.

It shows only while `UndoableWrites` holds writes that failed (the library busy, the disk
full); its Retry button tries them at once instead of waiting for the next round.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from reader.ui.i18n import tr
from reader.ui.writes import UndoableWrites


class PendingWritesBar(QFrame):
    def __init__(self, writes: UndoableWrites, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pendingWritesBar")
        self._writes = writes
        self.label = QLabel(self)
        self.label.setObjectName("pendingWritesText")
        self.label.setWordWrap(True)
        self.retry_button = QPushButton(tr("Retry now"), self)
        self.retry_button.setObjectName("pendingWritesRetry")
        self.retry_button.clicked.connect(writes.retry_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button)
        writes.pendingChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        count = self._writes.pending_count()
        self.label.setText(
            tr(
                "%n change(s) not saved yet — the library is busy or not writable. Retrying…",
                None,
                count,
            )
        )
        self.setVisible(count > 0)
