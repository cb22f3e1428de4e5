"""A headline block's lines → 引题 (kicker), 主题 (title), 副题 (subtitle).

Conventions of Chinese papers: the title is the line the block is about; a kicker above
it sets the scene (`陈希在青海调研时强调`, often ending in `——` or `：`); a subtitle below
it adds detail (often starting with `——`). A column name in brackets (`（人民时评）`) is
printed after the title. Two lines with none of these marks are most often kicker + title
(two to one in People's Daily 2019); a small trained model (`headline_model`) reads the
words of the blocks that the marks leave open.
"""

from __future__ import annotations

import re

from reader.parse.headline_model import second_is_subtitle

#: A column name in brackets closing a headline: `…（人民时评）`, `…(改革落实在基层)`.
_COLUMN_NAME = re.compile(r"[(（][^()（）]{2,12}[)）]$")
_KICKER_END = ("——", "：", ":")

Roles = tuple[str | None, str, str | None]


def headline_roles(lines: list[str]) -> Roles:
    """(kicker, title, subtitle) of a block of 0-3 headline lines; "" title when empty."""
    if not lines:
        return None, "", None
    if len(lines) == 1:
        return None, lines[0], None
    if len(lines) >= 3:
        return lines[0], lines[1], lines[2]
    first, second = lines
    if _second_is_subtitle(first, second):
        return None, first, second
    return first, second, None


def decided_by_marks(first: str, second: str) -> bool | None:
    """Whether the second of two headline lines is a subtitle, when the marks say so:
    `——` before a subtitle, `——` or `：` after a kicker, a column name after the title.
    None when the marks leave it open."""
    if second.startswith("——"):
        return True
    if first.endswith(_KICKER_END) or first.startswith("——"):
        return False
    first_column = _COLUMN_NAME.search(first) is not None
    second_column = _COLUMN_NAME.search(second) is not None
    if first_column != second_column:
        return first_column
    return None


def _second_is_subtitle(first: str, second: str) -> bool:
    decided = decided_by_marks(first, second)
    return second_is_subtitle(first, second) if decided is None else decided
