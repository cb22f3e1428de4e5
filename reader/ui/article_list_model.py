"""The article list as a lazily fetched Qt model over `Library.articles.page`.

Only the rows scrolled into view are loaded (pages of `PAGE_SIZE`), each page asked
for by the key of the last row loaded (keyset paging), so the thousandth page costs
what the first does. A new filter or sort is answered off the GUI thread
(`reader.ui.article_list_query`) and handed in with `show_answer`. Rows are grouped by
page (source): the first row of a group carries the group's label for the delegate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import astuple, fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from reader.errors import ReaderError
from reader.parse.model import PageInfo
from reader.store.domains.articles import ListKey
from reader.store.library import Library
from reader.store.records import ArticleSummary, SourceOrigin
from reader.ui.article_list_query import ListAnswer, ListQuery, answer
from reader.ui.i18n import tr
from reader.ui.source_import import kind_name, origin_group

PAGE_SIZE = 200
MAX_SEEK_PAGES = 3
PAGE_FIELDS = len(fields(PageInfo))

SummaryRole = Qt.ItemDataRole.UserRole + 1
GroupLabelRole = Qt.ItemDataRole.UserRole + 2  # str on a group's first row, else None
ArticleIdRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


def source_label(summary: ArticleSummary) -> str:
    """A page's name as people say it: what its furniture printed (paper, date, page
    number and name: `人民日报 · 2019-10-15 · 第5版 评论`), else the file name without
    its suffix."""
    page = summary.page
    origin = summary.origin
    if not (page.date or page.number or page.name):
        if origin.site:  # a web page: its site and date say more than a download's name
            return " · ".join(part for part in (origin.site, origin.published) if part)
        if origin.kind in ("url", "paste"):
            return " · ".join(p for p in (kind_name(origin.kind), origin.published) if p)
        return Path(summary.source_path).stem
    number = tr("page %s") % page.number if page.number else None
    parts = [page.paper, page.date, " ".join(p for p in (number, page.name) if p)]
    return " · ".join(p for p in parts if p)


#: A loaded row as the model keeps it: id, source id, position, title, author names,
#: highlight count, read. Plain values only: Python's garbage collector stops tracking
#: such tuples, so 300,000 loaded rows add nothing to its full collections (with row
#: objects, each one walked them all and froze the window for up to 150 ms).
Row = tuple[int, int, int, str, str, int, bool]
#: What the rows of one page (source) share: path, import time, then the values of
#: its `PageInfo` and `SourceOrigin` (plain values too, for the same reason).
SourceValues = tuple[Any, ...]


class ArticleListModel(QAbstractListModel):
    def __init__(self, library: Library, parent: Any = None) -> None:
        super().__init__(parent)
        self._library = library
        self._rows: list[Row] = []
        self._sources: dict[int, SourceValues] = {}
        self._last_key: ListKey | None = None
        self._total = 0
        self.text_filter = ""
        self.tag: str | None = None
        self.sort = "newest"
        self.reload()

    @property
    def query(self) -> ListQuery:
        """The filters and order the rows shown answer."""
        return ListQuery(self.text_filter, self.tag, self.sort)

    # --- loading -------------------------------------------------------------------
    def reload(self) -> None:
        """Read the first page again here and now (at start, after an import)."""
        self.show_answer(answer(self._library, self.query, PAGE_SIZE))

    def show_answer(self, result: ListAnswer) -> None:
        """Show a query's answer (computed in a worker) from its first page."""
        self.beginResetModel()
        self.text_filter, self.tag, self.sort = (
            result.query.text_filter,
            result.query.tag,
            result.query.sort,
        )
        self._total = result.total
        self._rows = []
        self._sources = {}
        self._keep(result.first_page.summaries)
        self._last_key = result.first_page.last_key
        self.endResetModel()

    def _keep(self, summaries: Iterable[ArticleSummary]) -> None:
        for summary in summaries:
            self._rows.append(self._row_of_summary(summary))

    def _row_of_summary(self, summary: ArticleSummary) -> Row:
        if summary.source_id not in self._sources:
            self._sources[summary.source_id] = (
                summary.source_path,
                summary.imported_at,
                *astuple(summary.page),
                *astuple(summary.origin),
            )
        return (
            summary.id,
            summary.source_id,
            summary.position,
            summary.title,
            summary.author_names,
            summary.highlight_count,
            summary.is_read,
        )

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._last_key is None:
            return
        more = self._library.articles.page(
            text_filter=self.text_filter,
            tag=self.tag,
            sort=self.sort,
            after=self._last_key,
            limit=PAGE_SIZE,
            matching=self._total,
        )
        if not more.summaries:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more.summaries) - 1)
        self._keep(more.summaries)
        self._last_key = more.last_key
        self.endInsertRows()

    @property
    def total(self) -> int:
        return self._total

    # --- reading -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def summary(self, row: int) -> ArticleSummary:
        """The loaded row `row` as the store's record."""
        article_id, source_id, position, title, authors, highlights, is_read = self._rows[row]
        path, imported_at, *page_and_origin = self._sources[source_id]
        return ArticleSummary(
            id=article_id,
            source_id=source_id,
            source_path=path,
            position=position,
            title=title,
            author_names=authors,
            highlight_count=highlights,
            is_read=is_read,
            imported_at=imported_at,
            page=PageInfo(*page_and_origin[:PAGE_FIELDS]),
            origin=SourceOrigin(*page_and_origin[PAGE_FIELDS:]),
        )

    def row_of(self, article_id: int, max_fetches: int = MAX_SEEK_PAGES) -> int:
        """The row of an article among the loaded rows and up to `max_fetches` more
        pages; -1 when it is further down or filtered out (loading thousands of rows
        just to select one would make the view lay them all out)."""
        for row, values in enumerate(self._rows):
            if values[0] == article_id:
                return row
        for _ in range(max_fetches):
            if not self.canFetchMore():
                break
            first = len(self._rows)
            self.fetchMore()
            for row in range(first, len(self._rows)):
                if self._rows[row][0] == article_id:
                    return row
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role == ArticleIdRole:
            return self._rows[row][0]
        summary = self.summary(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{summary.title}\n{summary.author_names}".strip()
        if role == Qt.ItemDataRole.FontRole and not summary.is_read:
            font = QFont()
            font.setBold(True)
            return font
        if role == SummaryRole:
            return summary
        if role == GroupLabelRole:
            previous = self.summary(row - 1) if row else None
            if self.sort == "source":  # grouped by what each source was read as, and site
                key = (summary.origin.kind, summary.origin.site)
                if previous is None or (previous.origin.kind, previous.origin.site) != key:
                    return origin_group(summary.origin)
                return None
            if previous is None or previous.source_id != summary.source_id:
                return source_label(summary)
            return None
        return None

    # --- updating one row in place -----------------------------------------------------
    def refresh_article(self, article_id: int) -> None:
        """Re-read one row (highlight count, read state) without resetting the view."""
        for row, values in enumerate(self._rows):
            if values[0] == article_id:
                try:
                    self._rows[row] = self._row_of_summary(
                        self._library.article_summary(article_id)
                    )
                except ReaderError:
                    return  # deleted meanwhile: the next reset drops the row
                index = self.index(row)
                self.dataChanged.emit(index, index)
                return
