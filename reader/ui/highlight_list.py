"""The sidebar's list of the current article's highlights: a model and its delegate.

Each row shows a colour bar, the quote (up to three lines), the note and the tags; rows
are painted, not built from widgets, so an article with hundreds of highlights is cheap.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.store.records import HighlightRecord
from reader.ui.actions import COLOR_SWATCHES
from reader.ui.orphan_card import orphan_explanation, orphan_label
from reader.ui.theme import current_theme

RecordRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
PADDING = 10
QUOTE_LINES = 3
WRAP_FLAGS = int(Qt.TextFlag.TextWrapAnywhere | Qt.AlignmentFlag.AlignLeft)


class HighlightListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HighlightRecord] = []

    def set_highlights(self, highlights: list[HighlightRecord] | tuple) -> None:
        self.beginResetModel()
        self._rows = [h for h in highlights]
        self.endResetModel()

    def replace(self, record: HighlightRecord) -> None:
        for row, old in enumerate(self._rows):
            if old.id == record.id:
                self._rows[row] = record
                index = self.index(row)
                self.dataChanged.emit(index, index)
                return

    def records(self) -> list[HighlightRecord]:
        return list(self._rows)

    def row_of(self, highlight_id: int) -> int:
        return next((r for r, h in enumerate(self._rows) if h.id == highlight_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return record.exact
        if role == Qt.ItemDataRole.ToolTipRole:
            if record.orphaned:
                return f"{orphan_explanation()}\n\n{record.exact}"
            return record.note or record.exact
        if role == RecordRole:
            return record
        return None


_LINE_SPACING: dict[str, int] = {}  # QFont.key() -> height of one line of CJK text


def _wrapped_height(text: str, font: QFont, width: int, max_lines: int) -> tuple[int, int]:
    """Lines (at most `max_lines`) and pixel height of `text` wrapped to `width`."""
    metrics = QFontMetrics(font)
    bounds = metrics.boundingRect(QRect(0, 0, width, 1 << 20), WRAP_FLAGS, text)
    # one line of CJK text, with its fallback font, is the unit (not the Latin font's)
    spacing = _LINE_SPACING.get(font.key())
    if spacing is None:
        spacing = max(1, metrics.boundingRect(QRect(0, 0, 100, 1 << 20), WRAP_FLAGS, "中").height())
        _LINE_SPACING[font.key()] = spacing
    lines = max(1, min(max_lines, -(-bounds.height() // spacing)))
    return lines, lines * spacing


class HighlightDelegate(QStyledItemDelegate):
    """Row heights are cached per record version and width: measuring wrapped CJK
    text is the costly part of laying out hundreds of highlights."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._heights: dict[tuple, int] = {}

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        quote = QFont(option.font)
        note = QFont(option.font)
        note.setPointSizeF(option.font.pointSizeF() * 0.92)
        tags = QFont(option.font)
        tags.setPointSizeF(option.font.pointSizeF() * 0.85)
        return quote, note, tags

    def _width(self, option: QStyleOptionViewItem) -> int:
        return max(80, self._row_width(option) - 2 * PADDING - 10)

    @staticmethod
    def _row_width(option: QStyleOptionViewItem) -> int:
        """The width a row has in the list: the view's, less its spacing. QListView asks
        for size hints with rects of several widths (empty, or narrower than the row);
        measured at those, a card was laid out shorter than it painted, and the next
        card covered its last lines."""
        view = option.widget
        if isinstance(view, QListView) and view.viewport().width() > 0:
            return view.viewport().width() - 2 * view.spacing()
        return option.rect.width()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        record: HighlightRecord = index.data(RecordRole)
        quote, note, tags = self._fonts(option)
        width = self._width(option) if self._row_width(option) > 0 else 260
        key = (record, width, option.font.key())
        cached = self._heights.get(key)
        if cached is not None:
            return QSize(width, cached)
        height = PADDING * 2 + _wrapped_height(record.exact, quote, width, QUOTE_LINES)[1]
        if record.orphaned:
            height += _wrapped_height(orphan_label(), tags, width, 1)[1] + 4
        if record.note:
            height += 6 + _wrapped_height(record.note, note, width, 4)[1]
        if record.tags:
            height += 6 + QFontMetrics(tags).height() + 4
        if len(self._heights) > 5000:
            self._heights.clear()
        self._heights[key] = height
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        record: HighlightRecord = index.data(RecordRole)
        quote_font, note_font, tag_font = self._fonts(option)
        palette = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        background = QColor(palette.color(QPalette.ColorRole.Base))
        if selected:
            background = QColor(palette.color(QPalette.ColorRole.Highlight))
            background.setAlpha(45)
        painter.setPen(QColor(128, 128, 128, 60))
        painter.setBrush(background)
        painter.drawRoundedRect(rect, 6, 6)
        swatch = QColor(COLOR_SWATCHES.get(record.color, "#f7d44a"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(swatch)
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 5, rect.height()), 2, 2)
        x = rect.left() + PADDING + 2
        width = rect.width() - PADDING * 2 - 2
        y = rect.top() + PADDING - 3
        text_color = palette.color(QPalette.ColorRole.Text)
        if record.orphaned:  # say it in words, not in red alone
            painter.setPen(QColor(current_theme().accent))
            painter.setFont(tag_font)
            line = _wrapped_height(orphan_label(), tag_font, width, 1)[1]
            painter.drawText(
                QRect(x, y, width, line),
                int(Qt.AlignmentFlag.AlignLeft),
                QFontMetrics(tag_font).elidedText(
                    orphan_label(), Qt.TextElideMode.ElideRight, width
                ),
            )
            y += line + 4
        painter.setPen(text_color)
        painter.setFont(quote_font)
        lines, height = _wrapped_height(record.exact, quote_font, width, QUOTE_LINES)
        flags = WRAP_FLAGS
        quote = (
            record.exact
            if lines < QUOTE_LINES
            else _elide_lines(record.exact, quote_font, width, QUOTE_LINES)
        )
        if record.orphaned:
            painter.setPen(QColor(current_theme().accent))
        painter.drawText(QRect(x, y, width, height), int(flags), quote)
        y += height
        if record.note:
            y += 6
            muted = QColor(text_color)
            muted.setAlpha(190)
            painter.setPen(muted)
            painter.setFont(note_font)
            _, note_height = _wrapped_height(record.note, note_font, width, 4)
            painter.drawText(
                QRect(x, y, width, note_height),
                int(flags),
                _elide_lines(record.note, note_font, width, 4),
            )
            y += note_height
        if record.tags:
            y += 6
            painter.setFont(tag_font)
            metrics = QFontMetrics(tag_font)
            tx = x
            for tag in record.tags:
                chip = metrics.horizontalAdvance(tag) + 14
                if tx + chip > x + width:
                    break
                chip_rect = QRect(tx, y, chip, metrics.height() + 4)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(current_theme().chip))
                painter.drawRoundedRect(chip_rect, 8, 8)
                painter.setPen(palette.color(QPalette.ColorRole.Text))
                painter.drawText(chip_rect, Qt.AlignmentFlag.AlignCenter, tag)
                tx += chip + 5
        painter.restore()


def _elide_lines(text: str, font: QFont, width: int, max_lines: int) -> str:
    """`text` cut to `max_lines` wrapped lines, the last ending in an ellipsis."""
    metrics = QFontMetrics(font)
    lines, _ = _wrapped_height(text, font, width, max_lines + 1)
    if lines <= max_lines:
        return text
    budget = width * max_lines - metrics.horizontalAdvance("…") * 2
    return metrics.elidedText(text.replace("\n", " "), Qt.TextElideMode.ElideRight, budget)
