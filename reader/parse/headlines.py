"""A headline block's lines → 引题 (kicker), 主题 (title), 副题 (subtitle).

Conventions of Chinese papers: the title is the line the block is about; a kicker above
it sets the scene (`陈希在青海调研时强调`, often ending in `——` or `：`); a subtitle below
it adds detail (often starting with `——`). A column name in brackets (`（人民时评）`) is
printed after the title. Two lines with none of these marks are most often kicker + title
(two to one in People's Daily 2019), unless the second line reads like a subtitle: much
longer than the first and with a clause break.
"""

from __future__ import annotations

import re

#: A column name in brackets closing a headline: `…（人民时评）`, `…(改革落实在基层)`.
_COLUMN_NAME = re.compile(r"[(（][^()（）]{2,12}[)）]$")
_CLAUSE = re.compile(r"[，,、；;]")
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


def _second_is_subtitle(first: str, second: str) -> bool:
    if second.startswith("——"):
        return True
    if first.endswith(_KICKER_END) or first.startswith("——"):
        return False
    first_column = _COLUMN_NAME.search(first) is not None
    second_column = _COLUMN_NAME.search(second) is not None
    if first_column != second_column:
        return first_column
    return len(second) > len(first) + 8 and _CLAUSE.search(second) is not None
