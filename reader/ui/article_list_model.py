"""The article list as a lazily fetched Qt model over `Library.articles.page`.

Only the rows scrolled into view are loaded (pages of `PAGE_SIZE`), each page asked
for by the key of the last row loaded (keyset paging), so the thousandth page costs
what the first does. A new filter or sort is answered off the GUI thread
(`reader.ui.article_list_query`) and handed in with `show_answer`; so are further
pages of a filtered list (each reads the filter's matches again): the model asks for
them with `pageWanted` and is handed them with `add_page`. Rows are grouped by page
(source): the first row of a group carries the group's label for the delegate.

Memory stays flat however far the list is scrolled: the model keeps every loaded
row's id (8 bytes each) but the rows themselves only for the `KEPT_PAGES` pages used
last; a page dropped is read again by its ids when it comes back into view, one
lookup by primary key that costs the same in any library and under any filter.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections import OrderedDict
from dataclasses import astuple, fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from reader.errors import ReaderError
from reader.parse.model import PageInfo
from reader.store.domains.articles import ListKey
from reader.store.library import Library
from reader.store.records import ArticleSummary, SourceOrigin
from reader.ui.article_list_query import ListAnswer, ListQuery, PageAnswer, PageQuestion, answer
from reader.ui.i18n import tr
from reader.ui.source_import import kind_name, origin_group

PAGE_SIZE = 200
#: Pages of rows held at once (a screen shows a few dozen rows; the rest are ids).
KEPT_PAGES = 8
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


class _Page:
    """The rows of one page of the list (`PAGE_SIZE` of them, the last may be short)
    and the values of the sources (newspaper pages) they come from."""

    __slots__ = ("rows", "sources")

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.sources: dict[int, SourceValues] = {}

    def add(self, summary: ArticleSummary) -> None:
        self.rows.append(_row_of_summary(summary))
        self._keep_source(summary)

    def put(self, index: int, summary: ArticleSummary) -> None:
        self.rows[index] = _row_of_summary(summary)
        self._keep_source(summary)

    def _keep_source(self, summary: ArticleSummary) -> None:
        if summary.source_id not in self.sources:
            self.sources[summary.source_id] = (
                summary.source_path,
                summary.imported_at,
                *astuple(summary.page),
                *astuple(summary.origin),
            )

    def summary(self, index: int) -> ArticleSummary:
        article_id, source_id, position, title, authors, highlights, is_read = self.rows[index]
        path, imported_at, *page_and_origin = self.sources[source_id]
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


def _gone(article_id: int) -> ArticleSummary:
    """A row whose article was deleted since the list was read (the list is read again
    right after a deletion): blank until then."""
    return ArticleSummary(article_id, 0, "", 0, "", "", 0, True, dt.datetime.min)


def _row_of_summary(summary: ArticleSummary) -> Row:
    return (
        summary.id,
        summary.source_id,
        summary.position,
        summary.title,
        summary.author_names,
        summary.highlight_count,
        summary.is_read,
    )


class ArticleListModel(QAbstractListModel):
    """`pageWanted(PageQuestion)`: a filtered list wants its next page read off the
    GUI thread (hand it in with `add_page`)."""

    pageWanted = Signal(object)

    def __init__(self, library: Library, parent: Any = None) -> None:
        super().__init__(parent)
        self._library = library
        self._ids = array("q")  # every loaded row's article id, in order
        self._pages: OrderedDict[int, _Page] = OrderedDict()  # the kept, last used last
        self._last_key: ListKey | None = None
        self._asked: PageQuestion | None = None  # the further page being read
        self._total = 0
        self.text_filter = ""
        self.tag: str | None = None
        self.sort = "newest"
        self.reload()

    @property
    def query(self) -> ListQuery:
        """The filters and order the rows shown answer."""
        return ListQuery(self.text_filter, self.tag, self.sort)

    def _filtered(self) -> bool:
        return bool(self.text_filter.strip()) or self.tag is not None

    # --- loading -------------------------------------------------------------------
    def reload(self) -> None:
        """Read the first page here and now (at start: no filter, a seek in an index)."""
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
        self._ids = array("q")
        self._pages.clear()
        self._asked = None
        self._append(result.first_page.summaries)
        self._last_key = result.first_page.last_key
        self.endResetModel()

    def _append(self, summaries: tuple[ArticleSummary, ...]) -> None:
        """Add rows at the end, to the last page while it has room (read again first
        if it was dropped), then to new pages."""
        for summary in summaries:
            number, filled = divmod(len(self._ids), PAGE_SIZE)
            page = self._page(number) if filled else self._keep(number, _Page())
            page.add(summary)
            self._ids.append(summary.id)

    def _keep(self, number: int, page: _Page) -> _Page:
        self._pages[number] = page
        self._pages.move_to_end(number)
        while len(self._pages) > KEPT_PAGES:
            self._pages.popitem(last=False)
        return page

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._ids) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """The next page: read here when there is no filter (a seek in an index, a few
        milliseconds at any size), else asked for off the GUI thread (`pageWanted`)."""
        if parent.isValid() or self._last_key is None or not self.canFetchMore():
            return
        question = PageQuestion(self.query, self._last_key, self._total)
        if self._filtered():
            if self._asked != question:
                self._asked = question
                self.pageWanted.emit(question)
            return
        page = self._library.articles.page(
            sort=self.sort, after=self._last_key, limit=PAGE_SIZE, matching=self._total
        )
        self.add_page(PageAnswer(question, page))

    def add_page(self, result: PageAnswer) -> None:
        """Append a further page read for the rows shown (else it is dropped)."""
        question = result.question
        if question.query != self.query or question.after != self._last_key:
            return
        self._asked = None
        more = result.page.summaries
        if not more:
            self._total = len(self._ids)
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._append(more)
        self._last_key = result.page.last_key
        self.endInsertRows()

    def page_failed(self, question: PageQuestion) -> None:
        """A further page could not be read: ask again at the next scroll."""
        if self._asked == question:
            self._asked = None

    @property
    def total(self) -> int:
        return self._total

    @property
    def kept_rows(self) -> int:
        """How many rows the model holds in full (the others as ids only)."""
        return sum(len(page.rows) for page in self._pages.values())

    # --- reading -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def _page(self, number: int) -> _Page:
        """A page of loaded rows, read again by id if it was dropped."""
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        page = _Page()
        ids = self._ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
        found = {s.id: s for s in self._library.articles.summaries_of(ids)}
        for article_id in ids:
            summary = found.get(article_id)
            page.add(summary if summary is not None else _gone(article_id))
        return self._keep(number, page)

    def summary(self, row: int) -> ArticleSummary:
        """The loaded row `row` as the store's record."""
        if not 0 <= row < len(self._ids):
            raise IndexError(row)
        return self._page(row // PAGE_SIZE).summary(row % PAGE_SIZE)

    def row_of(self, article_id: int, max_fetches: int = MAX_SEEK_PAGES) -> int:
        """The row of an article among the loaded rows and up to `max_fetches` more
        pages; -1 when it is further down or filtered out (loading thousands of rows
        just to select one would make the view lay them all out). A filtered list
        reads no more pages for it here (each would scan the filter's matches)."""
        try:
            return self._ids.index(article_id)
        except ValueError:
            pass
        for _ in range(0 if self._filtered() else max_fetches):
            if not self.canFetchMore():
                break
            first = len(self._ids)
            self.fetchMore()
            for row in range(first, len(self._ids)):
                if self._ids[row] == article_id:
                    return row
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role == ArticleIdRole:
            return self._ids[row]
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
        """Re-read one row (highlight count, read state) without resetting the view;
        a row not held now is read fresh when it comes into view."""
        try:
            row = self._ids.index(article_id)
        except ValueError:
            return
        page = self._pages.get(row // PAGE_SIZE)
        if page is None:
            return
        try:
            summary = self._library.article_summary(article_id)
        except ReaderError:
            return  # deleted meanwhile: the next reset drops the row
        page.put(row % PAGE_SIZE, summary)
        index = self.index(row)
        self.dataChanged.emit(index, index)
