"""The left pane: filter box, tag filter, sort choice and the article list view.

The view is a one-column table (`ArticleListView`) with a delegate (no widget per
row); each row shows the
title (bold while unread), authors and the highlight count, and the first row of each
page draws a rule above itself and the page's name beside the authors. Every row has
the same height, so loading more rows never lays out the rows already loaded:
scrolling 300,000 articles costs the same at every step.

Typing in the filter is debounced (`FILTER_DELAY_MS`), and every filter, tag and sort
change, every reload after articles came or went, and a filtered list's further
pages are answered off the GUI thread (`reader.ui.article_list_query`).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.store.change import Change
from reader.store.library import Library
from reader.ui.article_list_model import (
    MAX_SEEK_PAGES,
    PAGE_SIZE,
    ArticleIdRole,
    ArticleListModel,
    GroupLabelRole,
    SummaryRole,
)
from reader.ui.article_list_query import ListAnswer, ListQuery, ListQueryRunner
from reader.ui.article_list_view import ArticleListView
from reader.ui.error_text import full_message
from reader.ui.i18n import tr

PADDING = 8
#: How long typing in the filter pauses before the list is asked again: keys that
#: come together (a paste, an input method's word, a held key) make one query. Short,
#: to leave most of the 100 ms in which the list should answer to the query itself
#: (30–50 ms at 300,000 articles): a query a newer keystroke overtakes is interrupted
#: in its worker, so asking early costs the window nothing.
FILTER_DELAY_MS = 20


class ArticleDelegate(QStyledItemDelegate):
    @staticmethod
    def row_height(font: QFont) -> int:
        """Every row's height: two lines of `font` and padding."""
        return PADDING * 2 + QFontMetrics(font).height() * 2 + 4

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        """The same for every row (the view lays out none of them one by one)."""
        return QSize(200, self.row_height(option.font))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        summary = index.data(SummaryRole)
        group = index.data(GroupLabelRole)
        palette = option.palette
        rect = QRect(option.rect)
        painter.save()
        if group:  # a new page begins: a rule above, its name beside the authors
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.drawLine(rect.left(), rect.top(), rect.right(), rect.top())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            hover = QColor(palette.color(QPalette.ColorRole.Highlight))
            hover.setAlpha(28)
            painter.fillRect(rect, hover)
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        inner = rect.adjusted(PADDING + 6, PADDING, -PADDING, -PADDING)
        if not summary.is_read:
            dot = palette.color(QPalette.ColorRole.Highlight) if not selected else text_color
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(dot)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(rect.left() + 5, inner.top() + 7, 6, 6)
        title_font = QFont(option.font)
        title_font.setBold(not summary.is_read)
        metrics = QFontMetrics(title_font)
        count_text = str(summary.highlight_count) if summary.highlight_count else ""
        count_width = metrics.horizontalAdvance(count_text) + 14 if count_text else 0
        painter.setFont(title_font)
        painter.setPen(text_color)
        title_rect = QRect(inner.left(), inner.top(), inner.width() - count_width, metrics.height())
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(summary.title, Qt.TextElideMode.ElideRight, title_rect.width()),
        )
        if count_text:
            badge = QRect(
                inner.right() - count_width + 4,
                inner.top() + 1,
                count_width - 4,
                metrics.height() - 2,
            )
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(247, 212, 74, 200))
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
            painter.setPen(QColor("#3a3000"))
            small = QFont(option.font)
            small.setPointSizeF(small.pointSizeF() * 0.85)
            painter.setFont(small)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, count_text)
        secondary = QFont(option.font)
        secondary.setPointSizeF(secondary.pointSizeF() * 0.9)
        painter.setFont(secondary)
        muted = QColor(text_color)
        muted.setAlpha(150)
        painter.setPen(muted)
        line2 = QRect(inner.left(), title_rect.bottom() + 4, inner.width(), metrics.height())
        secondary_metrics = QFontMetrics(secondary)
        if group:
            group_width = min(secondary_metrics.horizontalAdvance(group) + 8, line2.width() // 2)
            painter.drawText(
                line2,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                secondary_metrics.elidedText(group, Qt.TextElideMode.ElideMiddle, group_width),
            )
            line2.setWidth(line2.width() - group_width)
        authors = summary.author_names or tr("No byline")
        painter.drawText(
            line2,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            secondary_metrics.elidedText(authors, Qt.TextElideMode.ElideRight, line2.width()),
        )
        painter.restore()


class ArticleList(QWidget):
    """Emits `articleSelected(id)` when the current row changes."""

    articleSelected = Signal(int)

    SORTS = ("newest", "oldest", "title", "highlights", "source")

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self.model = ArticleListModel(library, self)
        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("articleFilter")
        self.filter_box.setPlaceholderText(tr("Filter by title or author"))
        self.filter_box.setClearButtonEnabled(True)
        self.tag_combo = QComboBox(self)
        self.tag_combo.setObjectName("tagFilter")
        self.tag_combo.setToolTip(tr("Show only articles with this tag"))
        self.sort_combo = QComboBox(self)
        self.sort_combo.setObjectName("sortCombo")
        for key, label in zip(
            self.SORTS,
            (
                tr("Newest first"),
                tr("Oldest first"),
                tr("By title"),
                tr("Most highlighted"),
                tr("By source"),
            ),
            strict=True,
        ):
            self.sort_combo.addItem(label, key)
        self.view = ArticleListView(self)
        self.view.setObjectName("articleList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ArticleDelegate(self.view))
        self.view.fontChanged()

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("articleListEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        self.queries = ListQueryRunner(library, PAGE_SIZE, self)
        self.queries.answered.connect(self._show_answer)
        self.queries.failed.connect(self._query_failed)
        self.queries.paged.connect(self.model.add_page)
        self.queries.page_failed.connect(self.model.page_failed)
        self.model.pageWanted.connect(self.queries.ask_page)
        self._wanted_article: tuple[int, bool] | None = None  # to select once answered
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._filter_changed)

        combos = QHBoxLayout()
        combos.setSpacing(6)
        combos.addWidget(self.tag_combo, 1)
        combos.addWidget(self.sort_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.filter_box)
        layout.addLayout(combos)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)

        self.filter_box.textChanged.connect(self._filter_timer.start)
        self.tag_combo.currentIndexChanged.connect(self._filter_changed)
        self.sort_combo.currentIndexChanged.connect(self._filter_changed)
        self.view.selectionModel().currentChanged.connect(self._current_changed)

    def refresh_tags(self) -> None:
        current = self.tag_combo.currentData()
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem(tr("All tags"), None)
        for tag in self._library.tag_counts():
            if tag.article_count or tag.highlight_count:
                self.tag_combo.addItem(
                    tag_label(tag.name, tag.article_count, tag.highlight_count), tag.name
                )
        found = self.tag_combo.findData(current)
        self.tag_combo.setCurrentIndex(max(found, 0))
        self.tag_combo.blockSignals(False)

    def wanted_query(self) -> ListQuery:
        """What the filter box and the combos ask for now."""
        return ListQuery(
            self.filter_box.text(),
            self.tag_combo.currentData(),
            self.sort_combo.currentData() or "newest",
        )

    def is_settled(self) -> bool:
        """Whether the list shows what the filters ask for (no query typed or running)."""
        return (
            not self._filter_timer.isActive()
            and not self.queries.busy()
            and self.model.query == self.wanted_query()
        )

    @Slot()
    def _filter_changed(self) -> None:
        self._filter_timer.stop()
        self.queries.ask(self.wanted_query())

    @Slot(object)
    def _show_answer(self, result: ListAnswer) -> None:
        if result.query != self.wanted_query():
            return  # typed on meanwhile: the newer question is on its way
        current = self.current_article_id()
        self.view.selectionModel().blockSignals(True)
        self.model.show_answer(result)
        self.view.selectionModel().blockSignals(False)
        # An article asked for while the list was read (e.g. what an import brought),
        # else the one current before, among the rows the answer brought.
        wanted, self._wanted_article = self._wanted_article, None
        selected = wanted is not None and self.select_article(wanted[0], emit=wanted[1])
        if not selected and current is not None:
            self.select_article(current, emit=False, max_fetches=0)
        self._show_empty_message()

    @Slot(object)
    def _query_failed(self, error: Exception) -> None:
        self.empty_label.setText(full_message(error))
        self.view.hide()
        self.empty_label.show()

    def _show_empty_message(self) -> None:
        """Say why the list is empty when its filters left nothing."""
        query = self.model.query
        text = query.text_filter.strip()
        if self.model.total or not (text or query.tag):
            self.empty_label.hide()
            self.view.show()
            return
        if text and query.tag:
            message = (
                tr("No article with the tag “%1” matches “%2”.")
                .replace("%1", query.tag)
                .replace("%2", text)
            )
        elif query.tag:
            message = tr("No article or highlight carries the tag “%1”.").replace("%1", query.tag)
        else:
            message = tr("No article’s title or author matches “%1”.").replace("%1", text)
        self.empty_label.setText(message)
        self.view.hide()
        self.empty_label.show()

    # --- what the window asks for ------------------------------------------------------------
    def library_changed(self, change: Change) -> None:
        """Refresh what `change` touched: the whole list when articles came or went,
        else only the rows whose articles changed; the tag filter when tags did."""
        if change.tag_names or change.tags_list_changed:
            self.refresh_tags()
        if change.article_list_changed:
            self.reload_keeping_selection()
            return
        for article_id in change.article_ids:
            self.model.refresh_article(article_id)

    def reload_keeping_selection(self) -> None:
        """Read the list again (articles came or went) off the GUI thread, the same
        article still current once it is answered."""
        self._filter_timer.stop()
        self.queries.ask(self.wanted_query())

    def select_first(self) -> bool:
        """Make the first article current (and open it); False when the list is empty."""
        if not self.model.rowCount():
            return False
        self.view.setCurrentIndex(self.model.index(0))
        return True

    def total(self) -> int:
        """How many articles the list holds with its filters (all of them when none)."""
        return self.model.total

    def tag_filter(self) -> str | None:
        """The tag the list is filtered by, if any."""
        return self.model.tag

    def current_article_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ArticleIdRole) if index.isValid() else None

    def select_article(
        self, article_id: int, *, emit: bool = True, max_fetches: int = MAX_SEEK_PAGES
    ) -> bool:
        """Make an article current (`emit`: and open it); False when its row is not
        loaded. While the list is being read again, it is selected once answered."""
        row = self.model.row_of(article_id, max_fetches)
        if row < 0:
            if self.queries.answering():
                self._wanted_article = (article_id, emit)
            return False
        index = self.model.index(row)
        if not emit:
            self.view.selectionModel().blockSignals(True)
        self.view.setCurrentIndex(index)
        self.view.selectionModel().blockSignals(False)
        self.view.scrollTo(index)
        return True

    def select_offset(self, step: int) -> None:
        """Move to the next (+1) or previous (-1) article."""
        row = self.view.currentIndex().row() + step if self.view.currentIndex().isValid() else 0
        if row >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.articleSelected.emit(current.data(ArticleIdRole))


def tag_label(name: str, articles: int, highlights: int) -> str:
    """A tag in the filter combo with both its counts: `政策 (1 article, 2 highlights)`."""
    counts = ", ".join(
        (tr("%n article(s)", None, articles), tr("%n highlight(s)", None, highlights))
    )
    return f"{name} ({counts})"
