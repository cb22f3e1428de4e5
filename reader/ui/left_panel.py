"""The window's left panel: the article list, or in its place the library search results.

Search results used to open as a fourth column that squeezed the reading pane to about
340 px. Shown here instead, they take the article list's place while a search is open
and give it back when the search closes (Esc, the close button, an empty search box), so
the reading column keeps its width.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui.i18n import tr


class LeftPanel(QStackedWidget):
    """`closeRequested()`: the user closed the results with the panel's close button."""

    closeRequested = Signal()

    def __init__(self, article_list: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leftPanel")
        self.article_list = article_list
        self.addWidget(article_list)
        self.results_page = QWidget(self)
        self.results_page.setObjectName("searchDock")  # the name the results had as a dock
        # paints its own background from the palette: no other theme's colour shows through
        self.results_page.setAutoFillBackground(True)
        title = QLabel(tr("Search results"), self.results_page)
        title.setObjectName("searchResultsTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        close = QToolButton(self.results_page)
        close.setObjectName("searchResultsClose")
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(tr("Close the search results and show the article list (Esc)"))
        close.clicked.connect(self.closeRequested)
        header = QHBoxLayout()
        header.setContentsMargins(8, 6, 4, 0)
        header.addWidget(title, 1)
        header.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self._results_layout = QVBoxLayout(self.results_page)
        self._results_layout.setContentsMargins(0, 0, 0, 0)
        self._results_layout.setSpacing(0)
        self._results_layout.addLayout(header)
        self.addWidget(self.results_page)

    def set_results_widget(self, widget: QWidget) -> None:
        """Put the search controller's results panel on the results page."""
        self._results_layout.addWidget(widget, 1)

    @property
    def showing_results(self) -> bool:
        return self.currentWidget() is self.results_page

    def show_results(self) -> None:
        self.setCurrentWidget(self.results_page)

    def show_articles(self) -> None:
        self.setCurrentWidget(self.article_list)
