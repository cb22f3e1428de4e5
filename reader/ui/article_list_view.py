"""The article list's view: a one-column table whose rows all have one fixed height.

A QListView asks the model for its row count twice per row each time it lays out its
rows, which it does whenever rows are fetched: with a Python model, scrolling to row
100,000 cost 0.4 s per step and grew with every step. A table with fixed-height rows
keeps its layout in its header (sizes of equal sections), so a step costs the same
at row 300,000 as at row 200. It looks and behaves like the list it replaces: no
headers, no grid, one row selected at a time.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class ArticleListView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setFrameShape(QTableView.Shape.NoFrame)

    def set_row_height(self, height: int) -> None:
        """The one height of every row (the delegate's, from the font)."""
        self.verticalHeader().setMinimumSectionSize(1)
        self.verticalHeader().setDefaultSectionSize(height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fontChanged()

    def fontChanged(self) -> None:
        """Rows follow the font (the delegate measures two lines of it)."""
        delegate = self.itemDelegate()
        if hasattr(delegate, "row_height"):
            self.set_row_height(delegate.row_height(self.font()))
