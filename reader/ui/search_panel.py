"""The search box and its results panel: search as you type, off the GUI thread, and
jump to the passage a result names.

The main window owns the layout; this module hands it two widgets (`search_box` for the
toolbar, `results_panel` for a dock or splitter) and one controller that ties them to the
search core. Every search runs as a job in the "search" lane of the window's job runner
(`reader.ui.jobs`), so queries never overlap on the database; a generation counter drops
results that arrive after a newer query. A search that fails (a damaged index, a busy
library) is shown as an error by kind, never as "No results".
"""

from __future__ import annotations

import html
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPointF,
    QRect,
    QRectF,
    QSettings,
    QSize,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCompleter,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.search.engine import SearchHit, SearchResults, search
from reader.ui.actions import COLOR_SWATCHES
from reader.ui.error_text import full_message
from reader.ui.i18n import tr
from reader.ui.jobs import JobContext, JobRunner
from reader.ui.search_box import SearchBox
from reader.ui.snippet_lines import SnippetLine, snippet_lines

DEBOUNCE_MS = 170
RESULT_LIMIT = 50
HISTORY_KEY = "search/history"
HISTORY_SIZE = 20

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
MARK_COLOR = "#ffe58f"
MARK_STYLE = f"background-color:{MARK_COLOR};color:#000;font-weight:600"
#: Lines of snippet under a result's title.
SNIPPET_LINES = 2


def snippet_html(snippet: str, spans: tuple[tuple[int, int], ...]) -> str:
    """`snippet` as HTML with each matched span (code points) marked; everything the
    user or the page wrote is escaped, so markup in a note shows literally."""
    parts: list[str] = []
    cursor = 0
    for start, end in sorted(spans):
        start, end = max(start, cursor), min(end, len(snippet))
        if start >= end:
            continue
        parts.append(html.escape(snippet[cursor:start]))
        parts.append(f'<span style="{MARK_STYLE}">{html.escape(snippet[start:end])}</span>')
        cursor = end
    parts.append(html.escape(snippet[cursor:]))
    return "".join(parts).replace("\n", " ")


class ResultsView(QTreeView):
    """Results tree: Enter activates, Esc closes, Up on the first row returns to the box."""

    activatedByKey = Signal(QModelIndex)
    escapePressed = Signal()
    upFromTop = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activatedByKey.emit(self.currentIndex())
        elif key == Qt.Key.Key_Escape:
            self.escapePressed.emit()
        elif key == Qt.Key.Key_Up and not self._hit_above(self.currentIndex()):
            self.upFromTop.emit()
        else:
            super().keyPressEvent(event)

    def _hit_above(self, index: QModelIndex) -> bool:
        above = self.indexAbove(index)
        while above.isValid():
            if above.data(HIT_ROLE) is not None:
                return True
            above = self.indexAbove(above)
        return False


class HitDelegate(QStyledItemDelegate):
    """Paints a hit as its article title over a two-line snippet with the match marked,
    with a colour swatch for highlights. Group rows are painted as plain bold text."""

    SWATCH_WIDTH = 6

    def _lines(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.lineSpacing()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        if index.data(HIT_ROLE) is None:
            return QSize(base.width(), base.height() + 8)
        return QSize(base.width(), self._lines(option) * (1 + SNIPPET_LINES) + 14)

    def _paint_group(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex
    ) -> None:
        """Group rows are disabled (arrow keys skip them) but must not look greyed out."""
        painter.save()
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        color = option.palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        painter.setPen(color)
        rect = option.rect.adjusted(4, 0, -4, 0)
        painter.drawText(
            rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, index.data()
        )
        line = QColor(color)
        line.setAlphaF(0.15)
        painter.setPen(line)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        hit: SearchHit | None = index.data(HIT_ROLE)
        if hit is None:
            self._paint_group(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        rect = option.rect.adjusted(4, 5, -4, -5)
        painter.save()
        if hit.color:
            painter.fillRect(
                QRect(rect.left(), rect.top(), self.SWATCH_WIDTH, rect.height()),
                QColor(COLOR_SWATCHES.get(hit.color, hit.color)),
            )
            rect.setLeft(rect.left() + self.SWATCH_WIDTH + 6)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = option.palette.color(role)
        muted = QColor(text_color)
        muted.setAlphaF(0.65)

        title_font = QApplication.font(opt.widget) if opt.widget else option.font
        title_font.setBold(True)
        title_font.setPointSizeF(max(title_font.pointSizeF() * 0.9, 6.0))
        painter.setFont(title_font)
        painter.setPen(muted)
        line = self._lines(option)
        title_rect = QRect(rect.left(), rect.top(), rect.width(), line)
        elided = painter.fontMetrics().elidedText(
            hit.title, Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(
            title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
        )

        painter.setFont(option.font)
        metrics = QFontMetricsF(option.font)
        y = rect.top() + line + 2
        for snippet_line in snippet_lines(
            hit.snippet, hit.snippet_spans, metrics, rect.width(), SNIPPET_LINES
        ):
            self._paint_line(painter, snippet_line, metrics, rect.left(), y, text_color)
            y += line
        painter.restore()

    @staticmethod
    def _paint_line(
        painter: QPainter,
        line: SnippetLine,
        metrics: QFontMetricsF,
        x: float,
        top: float,
        text_color: QColor,
    ) -> None:
        """One snippet line, its matches on a marker-yellow ground."""
        baseline = top + metrics.ascent()
        cursor = 0
        pieces = []
        for start, end in line.marks:
            pieces.append((line.text[cursor:start], False))
            pieces.append((line.text[start:end], True))
            cursor = end
        pieces.append((line.text[cursor:], False))
        for piece, marked in pieces:
            if not piece:
                continue
            advance = metrics.horizontalAdvance(piece)
            if marked:
                painter.fillRect(QRectF(x, top, advance, metrics.height()), QColor(MARK_COLOR))
                painter.setPen(QColor("#000"))
            else:
                painter.setPen(text_color)
            painter.drawText(QPointF(x, baseline), piece)
            x += advance


SEARCH_LANE = "search"


def _run_search(text: str) -> Callable[[JobContext], SearchResults | None]:
    def work(context: JobContext) -> SearchResults | None:
        if context.cancelled:  # a newer query came while this one waited
            return None
        return search(context.library, text, limit=RESULT_LIMIT)

    return work


class SearchController(QObject):
    """Ties `search_box` and `results_panel` to the search core.

    Emits `passageRequested(article_id, start, end)` with code-point offsets (-1, -1 for
    a hit without a span) when the user picks a result, and `closed()` on Esc.
    """

    passageRequested = Signal(int, int, int)
    highlightRequested = Signal(int)  # after passageRequested, for a note or highlight hit
    closed = Signal()
    resultsShown = Signal(int)  # number of hits on screen after each finished search
    searchFailed = Signal(object)  # the error, when the search could not run

    def __init__(
        self,
        library,
        parent: QObject | None = None,
        settings: QSettings | None = None,
        jobs: JobRunner | None = None,
        search_box: SearchBox | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._settings = settings if settings is not None else QSettings()  # the history
        self._generation = 0
        self._return_focus: QWidget | None = None
        self._results: SearchResults | None = None
        # Searches run in their own lane of the window's job runner, one at a time.
        self._jobs = jobs if jobs is not None else JobRunner(library, self)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start_search)

        # A window hands in the box it showed before the first search (`search_box`).
        self.search_box = search_box if search_box is not None else SearchBox()
        self._history = QStringListModel(self._load_history(), self)
        completer = QCompleter(self._history, self.search_box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.search_box.setCompleter(completer)
        self.search_box.textChanged.connect(self._text_changed)
        self.search_box.downPressed.connect(self._enter_results)
        self.search_box.enterPressed.connect(self._activate_first)
        self.search_box.escapePressed.connect(self._close)

        self.results_panel = QWidget()
        self.results_panel.setObjectName("searchResults")
        self.status_label = QLabel()
        self.status_label.setObjectName("searchStatus")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.model = QStandardItemModel(self)
        self.results_view = ResultsView()
        self.results_view.setObjectName("searchResultsView")
        self.results_view.setModel(self.model)
        self.results_view.setHeaderHidden(True)
        self.results_view.setRootIsDecorated(False)
        self.results_view.setItemsExpandable(False)
        self.results_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_view.setItemDelegate(HitDelegate(self.results_view))
        self.results_view.setUniformRowHeights(False)
        self.results_view.setIndentation(10)
        self.results_view.clicked.connect(self._activate)
        self.results_view.activatedByKey.connect(self._activate)
        self.results_view.escapePressed.connect(self._close)
        self.results_view.upFromTop.connect(self.search_box.setFocus)
        layout = QVBoxLayout(self.results_panel)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.status_label)
        layout.addWidget(self.results_view, 1)
        if self.search_box.text().strip():  # typed before the panel was built
            self._text_changed(self.search_box.text())

    # --- public ---------------------------------------------------------------------
    def focus_search(self) -> None:
        """Focus the box with its text selected, remembering where focus came from so
        Esc can return it there."""
        current = QApplication.focusWidget()
        if current not in (self.search_box, self.results_view):
            self._return_focus = current
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def highlight_ids(self) -> tuple[int, ...]:
        """The highlights the shown results name (notes and highlights), in result
        order: the "search result" scope of File → Export…."""
        return (
            tuple(
                dict.fromkeys(
                    hit.highlight_id
                    for hit in self._results.notes + self._results.highlights
                    if hit.highlight_id is not None
                )
            )
            if self._results is not None
            else ()
        )

    def shutdown(self) -> None:
        """Stop searching; the window's job runner waits for a running search."""
        self._generation += 1
        self._debounce.stop()
        self._jobs.cancel_lane(SEARCH_LANE)
        if self._jobs.parent() is self:
            self._jobs.shutdown()

    # --- searching ------------------------------------------------------------------
    def _text_changed(self, text: str) -> None:
        self._generation += 1
        if not text.strip():
            self._debounce.stop()
            self.model.clear()
            self._results = None
            self.status_label.clear()
            self.resultsShown.emit(0)
            return
        self._debounce.start()

    def _start_search(self) -> None:
        text = self.search_box.text()
        if not text.strip():
            return
        self.status_label.setText(tr("Searching…"))
        self._jobs.cancel_lane(SEARCH_LANE)  # a waiting older query is stale already
        job = self._jobs.start(SEARCH_LANE, _run_search(text))
        job.tag = self._generation
        job.succeeded.connect(self._search_succeeded)
        job.failed.connect(self._search_failed)

    def _search_succeeded(self, results: SearchResults | None) -> None:
        self._show_results(self.sender().tag, results)

    def _search_failed(self, error: BaseException) -> None:
        """The search could not run (a damaged index, a busy or unreadable library):
        say so, never "No results", which would claim nothing matches."""
        if self.sender().tag != self._generation:
            return
        self._results = None
        self.model.clear()
        self.status_label.setText(tr("Search failed: %s") % full_message(error))
        self.status_label.setProperty("error", True)
        self.searchFailed.emit(error)
        self.resultsShown.emit(0)

    def _show_results(self, generation: int, results: SearchResults | None) -> None:
        if generation != self._generation or results is None:
            return
        self.status_label.setProperty("error", False)
        self._results = results
        self.model.clear()
        groups = (
            (tr("Notes"), results.notes),
            (tr("Highlights"), results.highlights),
            (tr("Articles"), results.articles),
        )
        for label, hits in groups:
            if not hits:
                continue
            header = QStandardItem(f"{label} ({len(hits)})")
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            for hit in hits:
                row = QStandardItem(hit.snippet)
                row.setData(hit, HIT_ROLE)
                row.setData(snippet_html(hit.snippet, hit.snippet_spans), HTML_ROLE)
                row.setToolTip(f"{hit.title}\n{hit.text[:300]}")
                header.appendRow(row)
            self.model.appendRow(header)
        self.results_view.expandAll()
        total = results.total
        if total:
            self.status_label.setText(tr("%n result(s)", None, total))
        else:
            self.status_label.setText(tr("No results for “%s”") % results.query)
        self.resultsShown.emit(total)

    # --- keyboard and activation ------------------------------------------------------
    def _first_hit(self) -> QModelIndex:
        for row in range(self.model.rowCount()):
            group = self.model.index(row, 0)
            if self.model.rowCount(group):
                return self.model.index(0, 0, group)
        return QModelIndex()

    def _enter_results(self) -> None:
        first = self._first_hit()
        if first.isValid():
            self.results_view.setFocus(Qt.FocusReason.OtherFocusReason)
            self.results_view.setCurrentIndex(first)

    def _activate_first(self) -> None:
        self._activate(self._first_hit())

    def _activate(self, index: QModelIndex) -> None:
        hit: SearchHit | None = index.data(HIT_ROLE) if index.isValid() else None
        if hit is None:
            return
        self._remember(self.search_box.text())
        has_span = hit.start is not None and hit.end is not None
        start, end = (hit.start, hit.end) if has_span else (-1, -1)
        self.passageRequested.emit(hit.article_id, start, end)
        if hit.highlight_id is not None:
            self.highlightRequested.emit(hit.highlight_id)

    def close(self) -> None:
        """Close the results (Esc, the panel's close button); focus goes back to where
        it was before the search."""
        self._close()

    def _close(self) -> None:
        self.closed.emit()
        target = self._return_focus
        if target is not None and shiboken6.isValid(target):
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- history --------------------------------------------------------------------
    def _load_history(self) -> list[str]:
        stored = self._settings.value(HISTORY_KEY, [])
        if isinstance(stored, str):
            stored = [stored]
        return [str(item) for item in stored or []][:HISTORY_SIZE]

    def _remember(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        history = [text] + [item for item in self._history.stringList() if item != text]
        history = history[:HISTORY_SIZE]
        self._history.setStringList(history)
        self._settings.setValue(HISTORY_KEY, history)
