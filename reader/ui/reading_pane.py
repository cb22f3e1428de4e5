"""The reading pane: one article set with Chinese typography, its highlights drawn over it.

The document is built with QTextCursor and plain-text inserts only, so markup inside a
page is shown literally, and `loadResource` refuses everything, so nothing is ever
fetched. Body paragraphs are consecutive blocks starting at `_body_start`; one block
separator per paragraph break matches the core's "\\n".join(paragraphs), so a core
position maps to `_body_start + utf16(position)`.

A long article is laid out in steps (issue 12 item 13: a 125,000-paragraph article froze
the window for 36 s): the headline, byline and the first screenful of paragraphs go in
at once, the rest in slices of a few milliseconds from a zero-interval timer, so the
window paints and answers at once. Paragraphs only ever append, so positions already in
the document never move; highlights further on are drawn when their text has arrived,
and jumping to a passage first loads up to it (`ensure_loaded`).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import (
    QEasingCurve,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTimer,
    QUrl,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QStyle, QTextBrowser, QTextEdit, QWidget

from reader.article_lines import shown_byline, shown_caption
from reader.errors import ReaderError
from reader.store.change import Change
from reader.store.library import Library
from reader.store.records import ArticleRecord, HighlightRecord
from reader.ui.actions import COLOR_SWATCHES
from reader.ui.i18n import tr
from reader.ui.library_events import LibraryEvents
from reader.ui.source_import import origin_line
from reader.ui.text_offsets import OffsetMap
from reader.ui.theme import THEMES as ALL_THEMES
from reader.ui.theme import build_palette, theme_named

CJK_FAMILIES = (
    "Noto Serif CJK SC",
    "Noto Sans CJK SC",
    "Source Han Serif SC",
    "Source Han Sans SC",
    "Songti SC",
    "SimSun",
    "Microsoft YaHei",
    "PingFang SC",
)
#: Marks the extra selections the pane owns; any other (the find bar's) are kept.
HIGHLIGHT_MARK = QTextFormat.Property.UserProperty + 0x21
FLASH_MARK = QTextFormat.Property.UserProperty + 0x22
DEFAULT_SIZE = 15.0
MIN_SIZE, MAX_SIZE = 9.0, 36.0
LINE_HEIGHT = 165  # percent
MAX_COLUMN_EM = 38  # readable measure, in characters
#: The narrowest text column, in characters: the side panels give way before it shrinks more.
MIN_COLUMN_EM = 24
#: Space left and right of the text: generous when there is room, less in a narrow pane.
SIDE_PADDING, NARROW_SIDE_PADDING = 36, 12
TOP_PADDING = 36
#: A found passage flashes this long (fading out) so the eye finds it after a jump.
FLASH_MS = 1500
#: Body characters laid out before the pane first shows: more than a tall screen holds.
FIRST_SCREEN_CHARS = 6000
#: Milliseconds of appending per timer slice while the rest of a long article loads.
SLICE_MS = 12

Block = tuple[str, QTextCharFormat, QTextBlockFormat]

#: Faces for captions: a Kai (楷体) face when one is installed, as Chinese papers set
#: them, else a sans face against the serif body. Never a slanted (synthesised) italic.
KAI_FAMILIES = (
    "KaiTi",
    "STKaiti",
    "Kaiti SC",
    "AR PL UKai CN",
    "AR PL KaitiM GB",
    "LXGW WenKai",
    "FZKai-Z03",
)
CAPTION_FALLBACK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC")
#: The reading colours of each theme, from the one palette of the window (theme.py).
THEMES = {
    name: {
        "bg": t.paper,
        "text": t.paper_text,
        "muted": t.muted,
        "accent": t.accent,
        "alpha": t.highlight_alpha,
        "marker": t.marker,
        # a jump's flash fades from the marker's grey: no hue, so never a highlight colour
        "flash": t.marker,
    }
    for name, t in ALL_THEMES.items()
}


def _drawn(record: HighlightRecord) -> tuple:
    """What of a highlight the pane draws: its place, colour and whether it has a note."""
    return (record.start, record.end, record.orphaned, record.color, bool(record.note))


def _printed(record: ArticleRecord) -> tuple:
    """What of an article the pane prints: a re-import changing any of it shows anew."""
    return (
        record.section,
        record.headlines,
        record.title,
        record.byline,
        record.authors,
        record.text,
        record.captions,
        record.origin,
    )


def cjk_family() -> str:
    """The first installed family of the preference list (Qt falls back otherwise)."""
    installed = set(QFontDatabase.families())
    return next((f for f in CJK_FAMILIES if f in installed), QFont().family())


def caption_families() -> list[str]:
    """The caption face: the first installed Kai family, else a sans one."""
    installed = set(QFontDatabase.families())
    kai = [f for f in KAI_FAMILIES if f in installed]
    return [*(kai[:1] or CAPTION_FALLBACK_FAMILIES), *CJK_FAMILIES]


class ReadingPane(QTextBrowser):
    """Emits `documentReplaced` after it lays out a new document (another article, a
    new size or theme): cursors into the old one are dead from then on."""

    highlightClicked = Signal(int)
    documentReplaced = Signal()
    loadingFinished = Signal()  # the whole article is in the document now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.context_actions: list = []
        self._family = cjk_family()
        self._size = DEFAULT_SIZE
        self._theme = "light"
        self._record: ArticleRecord | None = None
        self._library: Library | None = None
        self._events: LibraryEvents | None = None
        self._offsets = OffsetMap("")
        self._body_start = 0
        # What each block before the body prints, as the article stores it (None: the
        # column label, which is no line of the article).
        self._header_lines: list[str | None] = []
        self._highlights: tuple[HighlightRecord, ...] = ()
        self._highlight_selections: list[QTextEdit.ExtraSelection] = []
        self._flash: QTextEdit.ExtraSelection | None = None
        self._flash_fills = True  # False: the flash is the marker's frame alone
        self._document: QTextDocument | None = None  # the one this pane made, if any
        self._flash_fade = QVariantAnimation(self)
        self._flash_fade.setStartValue(1.0)
        self._flash_fade.setEndValue(0.0)
        self._flash_fade.setEasingCurve(QEasingCurve.Type.InQuad)
        self._flash_fade.valueChanged.connect(self._fade_flash)
        self._flash_fade.finished.connect(self._end_flash)
        self._selection_palette: QPalette | None = None  # the selection's colours, mid-flash
        self._side_padding = SIDE_PADDING
        self._setting_margins = False
        self._remaining: Iterator[Block] | None = None  # blocks still to append
        self._cursor: QTextCursor | None = None  # at the end of what is loaded
        self._load_timer = QTimer(self)
        self._load_timer.setInterval(0)
        self._load_timer.timeout.connect(self._load_slice)
        self._slice_chars = FIRST_SCREEN_CHARS
        self._apply_theme()

    # --- settings ----------------------------------------------------------------------
    @property
    def font_size(self) -> float:
        return self._size

    def set_font_size(self, size: float) -> None:
        self._size = max(MIN_SIZE, min(MAX_SIZE, size))
        self._rebuild_keeping_scroll()

    def zoom(self, steps: int) -> None:
        self.set_font_size(self._size + steps)

    def reset_zoom(self) -> None:
        self.set_font_size(DEFAULT_SIZE)

    @property
    def theme(self) -> str:
        return self._theme

    def set_theme(self, theme: str) -> None:
        self.set_appearance(self._size, theme)

    def set_appearance(self, size: float, theme: str, *, lay_out: bool = True) -> None:
        """Text size and theme together: the page is laid out once, not twice; not at
        all with `lay_out=False`, for a window about to show its first document."""
        self._size = max(MIN_SIZE, min(MAX_SIZE, size))
        self._theme = theme if theme in THEMES else "light"
        self._apply_theme()
        if lay_out:
            self._rebuild_keeping_scroll()

    def _apply_theme(self) -> None:
        """The paper of the theme; every other role from the window's palette (a palette
        copied from the widget would keep the last theme's scroll bars)."""
        colors = THEMES[self._theme]
        palette = build_palette(theme_named(self._theme))
        palette.setColor(QPalette.ColorRole.Base, QColor(colors["bg"]))
        palette.setColor(QPalette.ColorRole.Text, QColor(colors["text"]))
        self.setPalette(palette)

    def loadResource(self, _type: int, _name: QUrl) -> object:
        """Never load anything: an imported page must not reach the network or disk."""
        return None

    # --- content -----------------------------------------------------------------------
    @property
    def article(self) -> ArticleRecord | None:
        return self._record

    def show_article(self, record: ArticleRecord | None) -> None:
        self._record = record
        self._offsets = OffsetMap(record.text if record else "")
        # This article's highlights before the build: a short article is drawn whole by
        # it (they were drawn once with the previous article's, then again).
        self._highlights = tuple(record.highlights if record else ())
        self._build()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)
        if self.is_loading:  # those in the slices loaded so far; the rest when it ends
            self.set_highlights(self._highlights)
        self.documentReplaced.emit()

    def _rebuild_keeping_scroll(self) -> None:
        """A new size or theme: lay out again with the same passage at the top."""
        top = self.cursorForPosition(QPoint(0, 0)).position() if self._record else 0
        self._build()
        self.set_highlights(self._highlights)
        if top > 0:
            self.ensure_loaded(top)
            cursor = QTextCursor(self.document())
            cursor.setPosition(min(top, self.document().characterCount() - 1))
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + self.cursorRect(cursor).top())
        self.documentReplaced.emit()

    # --- loading a long article in steps -----------------------------------------------
    @property
    def is_loading(self) -> bool:
        return self._remaining is not None

    def loaded_length(self) -> int:
        """Document positions below this hold their final text."""
        return self.document().characterCount() - 1

    def ensure_loaded(self, document_position: int) -> None:
        """Append at once whatever is missing up to `document_position`."""
        while self._remaining is not None and self.loaded_length() < document_position:
            self._append(max(FIRST_SCREEN_CHARS, document_position - self.loaded_length()))

    def _load_slice(self) -> None:
        """Append one slice, sized from the last one's speed to take about SLICE_MS:
        an edit block per slice makes the layout catch up once per slice (3.5x faster
        overall than block by block), so the slice is bounded by characters, the only
        thing that can be checked before the layout's work at its end."""
        began = time.perf_counter()
        self._append(self._slice_chars)
        elapsed_ms = max(0.1, (time.perf_counter() - began) * 1000)
        scaled = int(self._slice_chars * SLICE_MS / elapsed_ms)
        self._slice_chars = max(1000, min(self._slice_chars * 4, scaled))

    def _append(self, chars: int) -> None:
        """Append blocks until about `chars` characters went in (or the article ends)."""
        assert self._remaining is not None and self._cursor is not None
        cursor, appended = self._cursor, 0
        cursor.beginEditBlock()
        for text, char, fmt in self._remaining:
            cursor.insertBlock(fmt, char)
            cursor.insertText(text, char)
            appended += len(text) + 1
            if appended >= chars:
                break
        else:
            self._remaining = None
        cursor.endEditBlock()
        if self._remaining is None:
            self._load_timer.stop()
            self._cursor = None
            self.set_highlights(self._highlights)  # those beyond the first slices too
            self.loadingFinished.emit()

    def _build(self) -> None:
        self._load_timer.stop()
        self._remaining = self._cursor = None
        colors = THEMES[self._theme]
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)
        base = QFont(self._family)
        base.setPointSizeF(self._size)
        document.setDefaultFont(base)
        self._set_side_padding(document, self._side_padding)
        self.setDocument(document)
        if self._document is not None:
            self._document.deleteLater()  # an article's document dies when the next shows
        self._document = document
        self._update_margins(self.width(), relayout=True)
        record = self._record
        cursor = QTextCursor(document)
        if record is None:
            fmt = self._char(self._size, colors["muted"])
            block = QTextBlockFormat()
            block.setAlignment(Qt.AlignmentFlag.AlignCenter)
            block.setTopMargin(120)
            cursor.setBlockFormat(block)
            cursor.insertText(tr("Select an article on the left to start reading."), fmt)
            self._body_start = 0
            return
        first = True
        self._header_lines = []

        def block(
            text: str, char: QTextCharFormat, fmt: QTextBlockFormat, stored: str | None = None
        ) -> None:
            nonlocal first
            self._header_lines.append(stored)
            if first:
                cursor.setBlockFormat(fmt)
                cursor.setBlockCharFormat(char)
                first = False
            else:
                cursor.insertBlock(fmt, char)
            cursor.insertText(text, char)

        headlines = list(record.headlines)
        if record.title not in headlines:  # a title given by hand leads the printed lines
            headlines.insert(0, record.title)
        title_index = headlines.index(record.title)
        # A photo-news item has only its column label, which then stands as its title.
        if record.section and record.section not in headlines:
            block(
                record.section,
                self._char(self._size * 0.8, colors["accent"], bold=True),
                self._plain_block(bottom=6),
            )
        for i, line in enumerate(headlines):
            if i < title_index:
                block(
                    line,
                    self._char(self._size * 0.95, colors["muted"]),
                    self._plain_block(bottom=4),
                    line,
                )
            elif i == title_index:
                block(
                    line,
                    self._char(self._size * 1.75, colors["text"], bold=True),
                    self._plain_block(bottom=8, line_height=130),
                    line if line in record.headlines else None,
                )
            else:
                block(
                    line,
                    self._char(self._size * 1.05, colors["muted"]),
                    self._plain_block(bottom=4),
                    line,
                )
        # The stored byline is the page's own (ASCII brackets and all); it is shown in
        # full-width form like the body text, `本报讯（舒泉清 记者 朱梦琪）`.
        byline = shown_byline(record.byline) or "  ".join(a.name for a in record.authors)
        origin = origin_line(record.origin)  # a web article's site, date and address
        if byline:
            block(
                byline,
                self._char(self._size * 0.85, colors["muted"]),
                self._plain_block(top=6, bottom=4 if origin else 18),
                record.byline,
            )
        if origin:  # not a printed line of the article: no correction takes it
            block(
                origin,
                self._char(self._size * 0.75, colors["muted"]),
                self._plain_block(top=2 if byline else 6, bottom=18),
            )
        self._body_start = cursor.position() + (0 if first else 1)
        self._remaining = self._body_blocks(record, QFontMetricsF(base).horizontalAdvance("中") * 2)
        self._cursor = cursor  # the headline is always there: paragraphs follow as new blocks
        self._append(FIRST_SCREEN_CHARS)
        if self._remaining is not None:
            self._load_timer.start()

    def _body_blocks(self, record: ArticleRecord, indent: float) -> Iterator[Block]:
        """The paragraphs and captions, each with its formats (made once, not per block)."""
        colors = THEMES[self._theme]
        heading_char = self._char(self._size * 1.05, colors["text"], bold=True)
        heading_fmt = self._plain_block(top=14, bottom=6)
        body_char = self._char(self._size, colors["text"])
        body_fmt = self._plain_block(bottom=6, line_height=LINE_HEIGHT)
        body_fmt.setTextIndent(indent)
        body_fmt.setAlignment(Qt.AlignmentFlag.AlignJustify)
        for paragraph in record.paragraphs:
            if paragraph.startswith("■"):
                yield paragraph, heading_char, heading_fmt
            else:
                yield paragraph, body_char, body_fmt
        caption_char = self._char(self._size * 0.9, colors["muted"])
        caption_char.setFontFamilies(caption_families())
        caption_fmt = self._plain_block(top=14, bottom=4, line_height=140)
        caption_fmt.setLeftMargin(12)
        for caption in record.captions:
            yield shown_caption(caption), caption_char, caption_fmt

    def _char(self, size: float, color: str, *, bold: bool = False) -> QTextCharFormat:
        char = QTextCharFormat()
        char.setFontFamilies([self._family, *CJK_FAMILIES])
        char.setFontPointSize(size)
        char.setForeground(QColor(color))
        if bold:
            char.setFontWeight(QFont.Weight.Bold)
        return char

    @staticmethod
    def _plain_block(
        *, top: float = 0, bottom: float = 0, line_height: int = 120
    ) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return fmt

    # --- the text column ---------------------------------------------------------------
    def char_width(self) -> float:
        """The advance of one CJK character at the current size: the unit of the column."""
        return QFontMetricsF(self.document().defaultFont()).horizontalAdvance("中")

    def text_column_width(self) -> float:
        """How wide the lines of text are now, in pixels."""
        return self.viewport().width() - 2 * self.document().documentMargin()

    def _scroll_bar_extent(self) -> int:
        """The vertical scroll bar's width even while it is hidden or not yet laid out
        (a hidden bar reports a meaningless default width)."""
        return self.style().pixelMetric(
            QStyle.PixelMetric.PM_ScrollBarExtent, None, self.verticalScrollBar()
        )

    def minimum_column_width(self) -> int:
        """The narrowest this pane may be: MIN_COLUMN_EM characters of text, the narrow
        padding and the scroll bar. The window's side panels give way before this."""
        return int(
            MIN_COLUMN_EM * self.char_width()
            + 2 * NARROW_SIDE_PADDING
            + self._scroll_bar_extent()
            + 2 * self.frameWidth()
            + 1
        )

    @staticmethod
    def _set_side_padding(document: QTextDocument, padding: float) -> None:
        """Left and right padding of the text; the top and bottom keep TOP_PADDING."""
        document.setDocumentMargin(padding)
        frame = document.rootFrame().frameFormat()
        frame.setTopMargin(TOP_PADDING)
        frame.setBottomMargin(TOP_PADDING)
        document.rootFrame().setFrameFormat(frame)

    def resizeEvent(self, event) -> None:
        # The margins must be right before QTextEdit lays the text out for the new
        # width: set afterwards, the viewport shrank under text laid out for the old
        # margins, which was cut off at the right edge (with no scroll bar) after a
        # restart with a restored window size, until the next resize.
        # (QAbstractScrollArea sends the viewport's resizes here too: `event` may hold
        # the viewport's size, so the margins follow the pane's own width.)
        self._update_margins(self.width())
        super().resizeEvent(event)  # lays the text out for the viewport's new width

    def _update_margins(self, width: int, *, relayout: bool = False) -> None:
        """Keep a readable column centred in a wide pane, and the padding smaller in a
        narrow one. `relayout` (outside a resize, where QTextEdit would not): lay the
        text out for the new viewport at once when the margins changed."""
        em = self.char_width()
        available = width - self._scroll_bar_extent() - 2 * self.frameWidth()
        padding = max(NARROW_SIDE_PADDING, min(SIDE_PADDING, (available - MIN_COLUMN_EM * em) / 2))
        padding = int(padding)
        if padding != self._side_padding:
            self._side_padding = padding
            self._set_side_padding(self.document(), padding)
        column = em * MAX_COLUMN_EM + 2 * padding
        side = max(0, int((available - column) / 2))
        margins = self.viewportMargins()
        if (margins.left(), margins.right()) != (side, side):
            if self._setting_margins:  # Qt resizes the pane again while margins change
                return
            self._setting_margins = True
            try:
                self.setViewportMargins(side, 0, side, 0)
            finally:
                self._setting_margins = False
        elif not relayout:
            return
        # Not while hidden: the pane is laid out for its real width when shown (at start
        # it is 100 px wide until then, and the article was laid out at that width first).
        if relayout and self.isVisible() and self.viewport().width() > 0:
            self.document().setTextWidth(self.viewport().width())

    # --- positions -----------------------------------------------------------------------
    def to_document(self, position: int) -> int:
        return self._body_start + self._offsets.to_utf16(position)

    def to_text(self, document_position: int) -> int:
        return self._offsets.to_code_point(document_position - self._body_start)

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as code points of the article text, clipped to the body."""
        if self._record is None:
            return None
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        length = len(self._record.text)
        start = max(0, min(length, self.to_text(max(cursor.selectionStart(), self._body_start))))
        end = max(0, min(length, self.to_text(max(cursor.selectionEnd(), self._body_start))))
        return (start, end) if end > start else None

    def cursor_text_position(self) -> int | None:
        """Where the cursor (or the selection's start) is in the article's text, in code
        points; None when it is not in the body (a headline, the byline, a caption)."""
        if self._record is None:
            return None
        position = self.textCursor().selectionStart()
        if position < self._body_start or position > self.to_document(len(self._record.text)):
            return None
        return self.to_text(position)

    def line_at_cursor(self) -> str | None:
        """The printed line under the cursor (or the selection's start) as the article
        stores it — a headline, the byline, a paragraph or a caption: what "Use this line
        as…" gives a role. None outside the article's lines."""
        record = self._record
        if record is None:
            return None
        block = self.document().findBlock(self.textCursor().selectionStart()).blockNumber()
        if block < len(self._header_lines):
            return self._header_lines[block]
        index = block - len(self._header_lines)
        if index < len(record.paragraphs):
            return record.paragraphs[index]
        index -= len(record.paragraphs)
        return record.captions[index] if 0 <= index < len(record.captions) else None

    def select_span(self, start: int, end: int) -> None:
        self.ensure_loaded(self.to_document(end))
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_document(start))
        cursor.setPosition(self.to_document(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def scroll_to_span(self, start: int, end: int) -> None:
        self.ensure_loaded(self.to_document(end))
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_document(start))
        rect: QRect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

    # --- following the library -------------------------------------------------------------
    def follow(self, library: Library, events: LibraryEvents) -> None:
        """Keep the article shown up to date with the library: its highlights when an
        edit touched them, its text when a re-parse or import changed it."""
        self._library, self._events = library, events
        events.changed.connect(self.library_changed)

    def library_changed(self, change: Change) -> None:
        record, library = self._record, self._library
        if record is None or library is None:
            return
        if change.article_list_changed:
            try:
                fresh = library.get_article(record.id)
            except ReaderError:  # the article is gone (its page was re-parsed)
                self.show_article(None)
                return
            if _printed(fresh) != _printed(record):
                self.show_article(fresh)
                return
        elif record.id not in change.article_ids or not change.highlight_ids:
            return  # another article, or only its read state or own tags changed
        highlights = self._events.highlights_for(record.id)
        if [h.id for h in highlights] != [h.id for h in self._highlights]:
            self.set_highlights(highlights)
            return
        for highlight in highlights:
            if highlight.id in change.highlight_ids:
                self.update_highlight(highlight)

    # --- highlights ------------------------------------------------------------------------
    def set_highlights(self, highlights: tuple[HighlightRecord, ...] | list) -> None:
        """Draw each highlight as a translucent layer: overlaps blend their colours.
        Highlights past the text loaded so far are drawn when loading finishes."""
        self._highlights = tuple(highlights)
        alpha = THEMES[self._theme]["alpha"]
        loaded = self.loaded_length()
        selections = []
        for record in self._highlights:
            if record.orphaned or self.to_document(record.end) > loaded:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.to_document(record.start))
            cursor.setPosition(self.to_document(record.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            color = QColor(COLOR_SWATCHES.get(record.color, "#f7d44a"))
            color.setAlpha(alpha)
            selection.format.setBackground(color)
            if record.note:
                selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                selection.format.setUnderlineColor(color.darker(160))
            selection.format.setProperty(HIGHLIGHT_MARK, record.id)
            selections.append(selection)
        self._highlight_selections = selections
        self._update_extra()

    def update_highlight(self, record: HighlightRecord) -> None:
        """One highlight changed: redraw only if its look or place did (a note
        underlines the passage; a re-attached orphan is drawn where it is now)."""
        old = next((h for h in self._highlights if h.id == record.id), None)
        self._highlights = tuple(record if h.id == record.id else h for h in self._highlights)
        if old is None or _drawn(old) != _drawn(record):
            self.set_highlights(self._highlights)

    def highlight_at(self, position: int) -> HighlightRecord | None:
        """The innermost (shortest) highlight covering a code-point position."""
        covering = [h for h in self._highlights if h.start <= position < h.end and not h.orphaned]
        return min(covering, key=lambda h: h.end - h.start, default=None)

    def flash_span(
        self, start: int, end: int, duration_ms: int = FLASH_MS, *, fill: bool = True
    ) -> None:
        """Frame the span and, with `fill`, light it up and fade it out over
        `duration_ms`. A selection over the span would paint over the flash (Qt draws
        the selection last), so while it flashes the selection takes the flash's colour
        and fades with it."""
        self.ensure_loaded(self.to_document(end))
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_document(start))
        cursor.setPosition(self.to_document(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format.setProperty(FLASH_MARK, True)  # drawn as a frame: paintEvent
        self._flash = selection
        self._flash_fills = fill
        self._flash_fade.stop()
        self._flash_fade.setDuration(duration_ms)
        self._fade_flash(1.0)
        self._update_extra()  # the frame, also when nothing is filled
        self._flash_fade.start()

    @property
    def is_flashing(self) -> bool:
        return self._flash is not None

    def flash_strength(self) -> float:
        """How strongly the flash shows now: 1 when it starts, 0 when it is over."""
        return float(self._flash_fade.currentValue()) if self._flash is not None else 0.0

    def _flash_color(self, strength: float) -> QColor:
        """The flash colour blended into the page background by `strength`."""
        flash = QColor(THEMES[self._theme]["flash"])
        page = QColor(THEMES[self._theme]["bg"])
        mix = 0.25 + 0.75 * max(0.0, min(1.0, strength))  # never fainter than a tint

        def blend(a: int, b: int) -> int:
            return round(a * mix + b * (1 - mix))

        return QColor(
            blend(flash.red(), page.red()),
            blend(flash.green(), page.green()),
            blend(flash.blue(), page.blue()),
        )

    def _fade_flash(self, strength: object) -> None:
        if self._flash is None or not self._flash_fills:
            return
        color = self._flash_color(float(strength))
        # dark text on the bright flash in either theme, the theme's own as it fades
        text = QColor(THEMES["light" if color.lightness() > 140 else "dark"]["text"])
        self._flash.format.setBackground(color)
        self._flash.format.setForeground(text)
        palette = self.palette()
        if self._selection_palette is None:
            self._selection_palette = QPalette(palette)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, color)
            palette.setColor(group, QPalette.ColorRole.HighlightedText, text)
        self.setPalette(palette)
        self._update_extra()

    def _end_flash(self) -> None:
        self._flash = None
        if self._selection_palette is not None:  # the selection's own colours come back
            palette = self.palette()
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
                    palette.setColor(group, role, self._selection_palette.color(group, role))
            self.setPalette(palette)
            self._selection_palette = None
        self._update_extra()

    def _update_extra(self) -> None:
        extra = [
            s
            for s in self.extraSelections()
            if s.cursor.document() is self.document()
            and not s.format.hasProperty(HIGHLIGHT_MARK)
            and not s.format.hasProperty(FLASH_MARK)
        ]
        extra += self._highlight_selections
        if self._flash is not None:
            extra.append(self._flash)
        self.setExtraSelections(extra)
        self.viewport().update()  # the marker's frame is drawn over the text

    # --- the marker of the current passage ------------------------------------------------
    def marker_pen(self) -> QPen:
        """The frame around the passage a jump landed on: the theme's grey, never a hue,
        so it cannot be taken for a highlight colour (issue 13: it was orange)."""
        pen = QPen(QColor(THEMES[self._theme]["marker"]))
        pen.setWidthF(2.0)
        return pen

    def marker_rects(self) -> list[QRectF]:
        """The marked passage, one rectangle per line it covers, in viewport pixels."""
        if self._flash is None or self._flash.cursor.document() is not self.document():
            return []  # none, or one in an article shown before
        start, end = self._flash.cursor.selectionStart(), self._flash.cursor.selectionEnd()
        layout = self.document().documentLayout()
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        rects = []
        block = self.document().findBlock(start)
        while block.isValid() and block.position() < end:
            origin = layout.blockBoundingRect(block).topLeft() - offset
            text_layout = block.layout()
            for i in range(text_layout.lineCount()):
                line = text_layout.lineAt(i)
                first = max(start, block.position() + line.textStart())
                last = min(end, block.position() + line.textStart() + line.textLength())
                if first >= last:
                    continue
                left = line.cursorToX(first - block.position())[0]
                right = line.cursorToX(last - block.position())[0]
                rect = QRectF(left, line.y(), right - left, line.height())
                rects.append(rect.translated(origin).adjusted(-2, 0, 2, 0))
            block = block.next()
        return rects

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        rects = self.marker_rects()
        if not rects:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.marker_pen())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in rects:
            painter.drawRoundedRect(rect, 3, 3)
        painter.end()

    # --- mouse and menu -------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        self.click_at(self.cursorForPosition(event.position().toPoint()).position())

    def click_at(self, document_position: int) -> None:
        if self._record is None or document_position < self._body_start:
            return
        hit = self.highlight_at(self.to_text(document_position))
        if hit is not None:
            self.highlightClicked.emit(hit.id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if not self.textCursor().hasSelection():  # "Split article here" means the click
            self.setTextCursor(self.cursorForPosition(event.pos()))
        menu = QMenu(self)
        copy = menu.addAction(tr("Copy"))
        copy.setEnabled(self.textCursor().hasSelection())
        copy.triggered.connect(self.copy)
        menu.addSeparator()
        for action in self.context_actions:
            if action is None:
                menu.addSeparator()
            elif isinstance(action, QMenu):
                menu.addMenu(action)
            else:
                menu.addAction(action)
        menu.exec(event.globalPos())
