"""A search snippet cut into the few lines a result row has room for, the match in view.

The results used to draw a snippet as rich text clipped to the row, so the second line
was cut through the middle of its characters, and a match late in the snippet could fall
outside the row. Here the lines are made to fit: they break between characters (never
inside a surrogate pair or before a combining mark), the text starts shortly before the
first match when the match would not fit otherwise, and a cut end shows "…".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtGui import QFontMetricsF

ELLIPSIS = "…"
#: Characters of context kept before the first match when the snippet has to start later.
LEAD_CHARS = 6


@dataclass(frozen=True)
class SnippetLine:
    """One line to draw: its text and the spans (code points, within `text`) to mark."""

    text: str
    marks: tuple[tuple[int, int], ...]


def _boundaries(text: str) -> list[int]:
    """Positions where a line may break: between characters, not before a combining
    mark (Python strings index code points, so surrogate pairs never split)."""
    return [i for i in range(1, len(text) + 1) if i == len(text) or not _joins(text[i])]


def _joins(char: str) -> bool:
    return unicodedata.combining(char) != 0 or unicodedata.category(char) in ("Mn", "Me")


def _word_break(text: str, start: int, end: int) -> int:
    """Move a break that falls inside a Latin word back to the space before the word,
    if the line has one (CJK text breaks between any two characters)."""
    if end >= len(text) or not (_latin(text[end - 1]) and _latin(text[end])):
        return end
    space = text.rfind(" ", start + 1, end)
    return space + 1 if space > start else end


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _fit(text: str, start: int, metrics: QFontMetricsF, width: float, stops: list[int]) -> int:
    """The furthest break position after `start` whose text fits in `width` (at least
    one character, so a line always advances)."""
    best = next((b for b in stops if b > start), len(text))
    low, high = 0, len(stops) - 1
    while low <= high:
        middle = (low + high) // 2
        stop = stops[middle]
        if stop <= start:
            low = middle + 1
        elif metrics.horizontalAdvance(text[start:stop]) <= width:
            best = max(best, stop)
            low = middle + 1
        else:
            high = middle - 1
    return best


def snippet_lines(
    snippet: str,
    spans: tuple[tuple[int, int], ...] | list[tuple[int, int]],
    metrics: QFontMetricsF,
    width: float,
    max_lines: int = 2,
) -> list[SnippetLine]:
    """`snippet` (newlines read as spaces) broken into at most `max_lines` lines no
    wider than `width`, keeping the first matched span in view; marks are the matched
    spans clipped to each line."""
    text = snippet.replace("\n", " ")
    matches = sorted((max(0, s), min(len(text), e)) for s, e in spans if e > s)
    width = max(width, metrics.horizontalAdvance("中" + ELLIPSIS))
    begin = 0
    if matches:
        first_start, first_end = matches[0]
        # what the lines hold at least: less the ellipses and a character lost at a break
        room = width * max_lines - metrics.horizontalAdvance(ELLIPSIS + ELLIPSIS + "中")
        if metrics.horizontalAdvance(text[:first_end]) > room:
            begin = max(0, first_start - LEAD_CHARS)
            while begin > 0 and _joins(text[begin]):
                begin -= 1
            # less context before a long match, so that all of it shows
            while begin < first_start and (
                _joins(text[begin]) or metrics.horizontalAdvance(text[begin:first_end]) > room
            ):
                begin += 1
    prefix = ELLIPSIS if begin > 0 and not text[begin:].startswith(ELLIPSIS) else ""
    shown = prefix + text[begin:]
    offset = len(prefix) - begin  # snippet position + offset = position in `shown`
    stops = _boundaries(shown)
    lines: list[SnippetLine] = []
    position = 0
    for number in range(max_lines):
        if position >= len(shown):
            break
        last = number == max_lines - 1
        end = _fit(shown, position, metrics, width, stops)
        if last and end < len(shown):  # more follows: end this line with an ellipsis
            room = width - metrics.horizontalAdvance(ELLIPSIS)
            end = _fit(shown, position, metrics, room, stops)
            line = shown[position:end] + ELLIPSIS
        else:
            end = _word_break(shown, position, end)
            line = shown[position:end]
        marks = tuple(
            (max(s + offset, position) - position, min(e + offset, end) - position)
            for s, e in matches
            if s + offset < end and e + offset > position
        )
        lines.append(SnippetLine(line, marks))
        position = end
    return lines
