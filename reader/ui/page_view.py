"""The page view (Article → Show Page…): the whole raw page as it was imported, with the
articles the parser cut it into marked, so a user sees at a glance where it cut wrong.

Each article's stretch of the page gets its own background, alternating between two
tints, under a heading line with its number and title (a link that opens it); lines
that are a headline, the byline or a caption carry a small tag. Corrections that no
longer fit the page (its text changed where they were made) are listed above it. From
here the user can open an article, split one at the cursor and merge one with its
neighbour: the same core operations as the Article menu, through the window's
`ArticleCorrections`.

Where each article starts comes from `PageLayout` (`raw_start`); an article whose first
line is not verbatim in the raw text (the parser normalised its punctuation or took a
byline off it) is looked for by its lines with punctuation folded and spaces ignored.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.errors import ReaderError
from reader.parse.punctuation import fold_punctuation, normalize_punctuation
from reader.store.change import Change
from reader.store.library import Library
from reader.store.page_layout import ArticleSpan, PageLayout
from reader.store.records import CorrectionRecord
from reader.ui.i18n import tr
from reader.ui.reading_pane import cjk_family
from reader.ui.text_offsets import OffsetMap, utf16_length
from reader.ui.theme import current_theme

if TYPE_CHECKING:
    from reader.ui.article_corrections import ArticleCorrections

#: The small tags naming a line's role: white on a strong colour reads in every theme.
TAG_COLORS = {
    "title": "#b3322b",
    "kicker": "#8a5a00",
    "subtitle": "#8a5a00",
    "headline": "#8a5a00",
    "byline": "#2f6f3e",
    "caption": "#5b4b8a",
}
KEY_CHARS = 12  # how much of a line identifies it when looking for an article's start
_SPACE = re.compile(r"\s+")


def tag_names() -> dict[str, str]:
    return {
        "title": tr("title"),
        "kicker": tr("kicker"),
        "subtitle": tr("subtitle"),
        "headline": tr("headline"),
        "byline": tr("byline"),
        "caption": tr("caption"),
    }


def correction_kind_names() -> dict[str, str]:
    """A stored correction's kind as the user made it (the undo labels' words)."""
    return {
        "split": tr("Split article"),
        "merge": tr("Merge articles"),
        "title": tr("Use line as title"),
        "kicker": tr("Use line as kicker"),
        "subtitle": tr("Use line as subtitle"),
        "caption": tr("Mark as caption"),
        "byline": tr("Mark as byline"),
        "set_title": tr("Retitle article"),
        "set_authors": tr("Set authors"),
    }


# --- where the articles are in the raw page (pure) -------------------------------------
def _key(text: str) -> str:
    """A line compared modulo the punctuation the parser normalises and spaces."""
    return _SPACE.sub("", fold_punctuation(text))


def raw_lines(raw: str) -> list[tuple[int, str]]:
    """The raw page's lines with where each starts (line breaks not included)."""
    lines, start = [], 0
    for line in raw.splitlines(keepends=True):
        lines.append((start, line.rstrip("\r\n")))
        start += len(line)
    return lines


def article_starts(layout: PageLayout, lines: list[tuple[int, str]]) -> list[int]:
    """For each article, the index of the raw line it starts on (-1: not found)."""
    starts: list[int] = []
    known = [_line_index(lines, a.raw_start) if a.raw_start >= 0 else -1 for a in layout.articles]
    floor = 0
    for index, span in enumerate(layout.articles):
        start = known[index]
        if start < 0:
            ceiling = next((k for k in known[index + 1 :] if k >= 0), len(lines))
            start = _find_start(span, lines, floor, ceiling)
        starts.append(start)
        if start >= 0:
            floor = start + 1
    return starts


def _line_index(lines: list[tuple[int, str]], position: int) -> int:
    """The line holding raw `position` (lines are in page order)."""
    return max(0, bisect_right([start for start, _line in lines], position) - 1)


def _find_start(span: ArticleSpan, lines: list[tuple[int, str]], floor: int, ceiling: int) -> int:
    firsts = [*span.headlines, span.title, *span.paragraphs[:1], *span.captions[:1]]
    keys = [k[:KEY_CHARS] for k in (_key(f) for f in firsts) if k]
    for number in range(floor, min(ceiling, len(lines))):
        line_key = _key(lines[number][1])
        if line_key and any(line_key.startswith(k) or k.startswith(line_key) for k in keys):
            return number
    return -1


class LineRoles:
    """Tells what a raw line of an article is — one of its headlines, its byline or a
    caption — from keys made once per article (a page view asks for every line)."""

    def __init__(self, span: ArticleSpan) -> None:
        self._exact: dict[str, str] = {}
        for role, lines in (
            ("caption", span.captions),
            ("headline", span.headlines),
            ("subtitle", [span.subtitle] if span.subtitle else []),
            ("kicker", [span.kicker] if span.kicker else []),
            ("title", [span.title]),
        ):  # later roles win: the title over a headline of the same words
            for line in lines:
                if key := _key(line):
                    self._exact[key] = role
        self._byline = _key(span.byline) if span.byline else ""

    def role(self, line: str) -> str | None:
        key = _key(line)
        if not key:
            return None
        if self._exact.get(key) not in (None, "caption"):
            return self._exact[key]
        if self._byline and key.startswith(self._byline):
            return "byline"
        return self._exact.get(key)

    @property
    def caption_keys(self) -> set[str]:
        return {key for key, role in self._exact.items() if role == "caption"}


def text_position(article_text: str, raw_line: str, offset: int) -> int | None:
    """Where code point `offset` of a raw line is in the article's text (which has the
    page's punctuation normalised): the text from there on is looked for, else the
    line's start. None when the line is not in the text (a headline, a caption)."""
    stripped = raw_line.lstrip()
    offset = max(0, offset - (len(raw_line) - len(stripped)))
    tail = normalize_punctuation(stripped[offset:].rstrip()).lstrip()[:16]
    if tail:
        found = article_text.find(tail)
        if found >= 0:
            return found
    whole = normalize_punctuation(stripped.rstrip())[:16]
    found = article_text.find(whole) if whole else -1
    if found < 0:
        return None
    return found + len(normalize_punctuation(stripped[:offset]))


# --- the view ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Block:
    """What one block of the page view's document shows."""

    article_id: int | None  # None: a line of the page outside every article
    line: str = ""  # the raw line (empty for an article's heading)
    tag_length: int = 0  # UTF-16 units of the tag before the line's text
    heading: bool = False


class PageView(QDialog):
    """`articleRequested(id)`: the user asked to read an article (the window opens it)."""

    articleRequested = Signal(int)

    def __init__(
        self, library: Library, corrections: ArticleCorrections, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.setWindowTitle(tr("Page"))
        self.setModal(False)
        self._library = library
        self._corrections = corrections
        self.layout_shown: PageLayout | None = None
        self._blocks: list[_Block] = []
        self._current_article: int | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("pageHeading")
        self.heading.setWordWrap(True)
        self.misfits = QLabel(self)
        self.misfits.setObjectName("misfitCorrections")
        self.misfits.setWordWrap(True)
        self.misfits.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QTextBrowser(self)
        self.text.setObjectName("pageText")
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self._built_theme = current_theme().name  # the page's tints are the theme's
        self.text.anchorClicked.connect(self._anchor_clicked)
        self.text.cursorPositionChanged.connect(self._update_buttons)

        self.open_button = self._button(tr("&Open Article"), "Return", self.open_article_at_cursor)
        self.split_button = self._button(tr("&Split Here…"), "Ctrl+Shift+Return", self.split_here)
        self.merge_previous_button = self._button(
            tr("Merge with &Previous"), "Ctrl+Shift+PgUp", lambda: self.merge(with_next=False)
        )
        self.merge_next_button = self._button(
            tr("Merge with &Next"), "Ctrl+Shift+PgDown", lambda: self.merge(with_next=True)
        )
        buttons = QHBoxLayout()
        for button in (
            self.open_button,
            self.split_button,
            self.merge_previous_button,
            self.merge_next_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.misfits)
        layout.addLayout(buttons)
        layout.addWidget(self.text, 1)
        self.resize(760, 820)

    def _button(self, text: str, shortcut: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.setShortcut(QKeySequence(shortcut))
        keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{text.replace('&', '').rstrip('…')} ({keys})")
        button.clicked.connect(slot)
        return button

    # --- showing a page ---------------------------------------------------------------
    def show_article_page(self, article_id: int) -> None:
        """Show the page `article_id` is on, scrolled to that article."""
        source_id = self._library.pages.of_article(article_id)
        self._current_article = article_id
        self._show(self._library.pages.layout(source_id))
        self.show()
        self.scroll_to_article(article_id)

    def library_changed(self, change: Change) -> None:
        """The page's articles may have been cut anew: draw it again, same place."""
        if change.article_list_changed:
            self._redraw()

    def changeEvent(self, event: QEvent) -> None:
        """A new theme reaches the dialog as a palette change: tint the page anew."""
        super().changeEvent(event)
        built = getattr(self, "_built_theme", None)  # None: still being constructed
        if event.type() == QEvent.Type.PaletteChange and built not in (None, current_theme().name):
            self._redraw()

    def _redraw(self) -> None:
        """Draw the page shown again, at the same place."""
        shown = self.layout_shown
        if shown is None or not self.isVisible():
            return
        bar = self.text.verticalScrollBar()
        top = bar.value()
        try:
            self._show(self._library.pages.layout(shown.source_id))
        except ReaderError:  # the page is gone
            self.close()
            return
        bar.setValue(min(top, bar.maximum()))

    def _show(self, layout: PageLayout) -> None:
        self.layout_shown = layout
        name = layout.path.replace("\\", "/").rsplit("/", 1)[-1]
        self.setWindowTitle(tr("Page — %s") % name)
        self.heading.setText(
            tr(
                "%s: %n article(s). Each article has its own background.",
                None,
                len(layout.articles),
            )
            % name
        )
        self._show_misfits(layout.corrections)
        self._build(layout)
        self._update_buttons()

    def _show_misfits(self, corrections: tuple[CorrectionRecord, ...]) -> None:
        misfits = [c for c in corrections if c.misfit]
        self.misfits.setVisible(bool(misfits))
        if not misfits:
            self.misfits.clear()
            return
        names = correction_kind_names()
        lines = [
            tr(
                "Not applied, the page changed where they were made — %n correction(s):",
                None,
                len(misfits),
            )
        ]
        for c in misfits:
            quote = c.quote if len(c.quote) <= 20 else c.quote[:19] + "…"
            lines.append(f"• {names.get(c.kind, c.kind)} “{quote}” — {c.misfit}")
        self.misfits.setText("\n".join(lines))

    def _build(self, layout: PageLayout) -> None:
        theme = current_theme()
        self._built_theme = theme.name
        document = QTextDocument(self.text)
        document.setUndoRedoEnabled(False)
        document.setDocumentMargin(18)
        font = QFont(cjk_family())
        font.setPointSizeF(12)
        document.setDefaultFont(font)
        cursor = QTextCursor(document)
        lines = raw_lines(layout.raw_text)
        starts = article_starts(layout, lines)
        blocks: list[_Block] = []
        names = tag_names()
        first = True

        def add(text: str, char: QTextCharFormat, fmt: QTextBlockFormat, block: _Block) -> None:
            nonlocal first
            if first:
                cursor.setBlockFormat(fmt)
                first = False
            else:
                cursor.insertBlock(fmt)
            cursor.insertText(text, char)
            blocks.append(block)

        plain = QTextCharFormat()
        found = [s for s in starts if s >= 0]
        page_head_end = found[0] if found else len(lines)
        for number in range(page_head_end):
            line = lines[number][1]
            add(line, plain, self._line_format(theme.outside_tint), _Block(None, line))
        located = sorted((start, index) for index, start in enumerate(starts) if start >= 0)
        ends = {
            index: (located[k + 1][0] if k + 1 < len(located) else len(lines))
            for k, (_start, index) in enumerate(located)
        }
        roles = [LineRoles(span) for span in layout.articles]
        page_captions = set().union(*(r.caption_keys for r in roles))
        for index, span in enumerate(layout.articles):
            tint = theme.tints[index % 2]
            self._add_heading(cursor, first, index, span, starts[index] < 0, tint)
            first = False
            blocks.append(_Block(span.article_id, heading=True))
            if starts[index] < 0:
                continue
            for number in range(starts[index], ends[index]):
                line = lines[number][1]
                role = roles[index].role(line)
                if role is None and _key(line) in page_captions:
                    role = "caption"  # a split leaves the captions with the first half
                cursor.insertBlock(self._line_format(tint))
                tag_length = 0
                if role is not None:
                    tag = f" {names[role]} "
                    cursor.insertText(tag, self._tag_format(role))
                    cursor.insertText(" ", plain)
                    tag_length = utf16_length(tag) + 1
                cursor.insertText(line, plain)
                blocks.append(_Block(span.article_id, line, tag_length))
        self._blocks = blocks
        self.text.setDocument(document)

    def _add_heading(
        self,
        cursor: QTextCursor,
        first: bool,
        index: int,
        span: ArticleSpan,
        not_found: bool,
        tint: str,
    ) -> None:
        shade = QColor(tint)  # the heading line: a shade further from the text colour
        shade = shade.lighter(130) if shade.lightness() < 128 else shade.darker(112)
        fmt = self._line_format(shade.name())
        theme = current_theme()
        fmt.setTopMargin(0 if first else 12)
        if first:
            cursor.setBlockFormat(fmt)
        else:
            cursor.insertBlock(fmt)
        char = QTextCharFormat()
        char.setFontWeight(QFont.Weight.Bold)
        char.setForeground(QColor(theme.muted))
        char.setFontPointSize(10)
        marker = "▶ " if span.article_id == self._current_article else ""
        number = tr("Article %s") % (index + 1)
        cursor.insertText(f"{marker}{number}  ", char)
        link = QTextCharFormat(char)
        link.setAnchor(True)
        link.setAnchorHref(f"article:{span.article_id}")
        link.setForeground(QColor(theme.accent))
        link.setFontUnderline(True)
        cursor.insertText(span.title or tr("(untitled)"), link)
        if not_found:
            cursor.insertText("  " + tr("(its first line is not verbatim in the page text)"), char)

    @staticmethod
    def _line_format(tint: str) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setBackground(QColor(tint))
        fmt.setLeftMargin(6)
        fmt.setRightMargin(6)
        return fmt

    @staticmethod
    def _tag_format(role: str) -> QTextCharFormat:
        char = QTextCharFormat()
        char.setBackground(QColor(TAG_COLORS[role]))
        char.setForeground(QColor(current_theme().highlighted_text))
        char.setFontPointSize(8.5)
        return char

    # --- what the view shows (for the window and tests) ----------------------------------
    def marked_articles(self) -> list[tuple[int, str, int]]:
        """(article id, background, number of page lines) per marked block, in order."""
        marked: list[tuple[int, str, int]] = []
        document = self.text.document()
        for number, block in enumerate(self._blocks):
            if block.article_id is None:
                continue
            tint = document.findBlockByNumber(number).blockFormat().background().color()
            if block.heading:
                marked.append((block.article_id, "", 0))
            else:
                article_id, _tint, count = marked[-1]
                marked[-1] = (article_id, tint.name(), count + 1)
        return marked

    def tagged_lines(self) -> list[tuple[int, str]]:
        """(article id, the tagged block's text) for every line that carries a tag."""
        document = self.text.document()
        return [
            (block.article_id or 0, document.findBlockByNumber(number).text())
            for number, block in enumerate(self._blocks)
            if block.tag_length
        ]

    def article_at_top(self) -> int | None:
        """The article whose block is at the top of the view."""
        position = self.text.cursorForPosition(QPoint(4, 4)).position()
        number = self.text.document().findBlock(position).blockNumber()
        return self._blocks[number].article_id if 0 <= number < len(self._blocks) else None

    def scroll_to_article(self, article_id: int) -> None:
        number = next(
            (n for n, b in enumerate(self._blocks) if b.heading and b.article_id == article_id),
            None,
        )
        if number is None:
            return
        document = self.text.document()
        # lay the document out to its end first, so the scroll range is its full height
        document.documentLayout().blockBoundingRect(document.lastBlock())
        block = document.findBlockByNumber(number)
        cursor = QTextCursor(block)
        self.text.setTextCursor(cursor)
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + self.text.cursorRect(cursor).top() - 2)

    def place_cursor(self, article_id: int, line_text: str, offset: int = 0) -> bool:
        """Put the cursor at code point `offset` of the first page line of the article
        that starts with `line_text` (what a click there does)."""
        for number, block in enumerate(self._blocks):
            if block.article_id == article_id and block.line.lstrip().startswith(line_text):
                start = self.text.document().findBlockByNumber(number).position()
                lead = len(block.line) - len(block.line.lstrip())
                utf16 = OffsetMap(block.line).to_utf16(lead + offset)
                cursor = QTextCursor(self.text.document())
                cursor.setPosition(start + block.tag_length + utf16)
                self.text.setTextCursor(cursor)
                return True
        return False

    # --- acting where the cursor is ------------------------------------------------------
    def _at_cursor(self) -> tuple[_Block, int] | None:
        """The block under the cursor and the cursor's code point in its raw line."""
        cursor = self.text.textCursor()
        block = cursor.block()
        number = block.blockNumber()
        if not 0 <= number < len(self._blocks):
            return None
        shown = self._blocks[number]
        utf16 = max(0, cursor.position() - block.position() - shown.tag_length)
        return shown, OffsetMap(shown.line).to_code_point(utf16)

    def article_at_cursor(self) -> int | None:
        found = self._at_cursor()
        return found[0].article_id if found else None

    def _update_buttons(self) -> None:
        article_id = self.article_at_cursor()
        spans = self.layout_shown.articles if self.layout_shown else ()
        ids = [s.article_id for s in spans]
        index = ids.index(article_id) if article_id in ids else -1
        self.open_button.setEnabled(index >= 0)
        self.split_button.setEnabled(index >= 0)
        self.merge_previous_button.setEnabled(index > 0)
        self.merge_next_button.setEnabled(0 <= index < len(ids) - 1)

    def _anchor_clicked(self, url: QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "article" and value.isdigit():
            self.articleRequested.emit(int(value))

    def open_article_at_cursor(self) -> None:
        article_id = self.article_at_cursor()
        if article_id is not None:
            self.articleRequested.emit(article_id)

    def split_here(self) -> QDialog | None:
        """Split the article under the cursor where the cursor is (in its text)."""
        found = self._at_cursor()
        if found is None or found[0].article_id is None:
            return None
        block, offset = found
        record = self._library.get_article(block.article_id)
        at = None if block.heading else text_position(record.text, block.line, offset)
        if at is None or not 0 < at < len(record.text):
            self._corrections.window.statusBar().showMessage(
                tr("Put the cursor in the text where the new article starts."), 6000
            )
            return None
        return self._corrections.split(record.id, at, record.text)

    def merge(self, *, with_next: bool) -> int | None:
        """Merge the article under the cursor with its next or previous one."""
        article_id = self.article_at_cursor()
        if article_id is None:
            return None
        return self._corrections.merge(with_next=with_next, article_id=article_id, reveal=False)
