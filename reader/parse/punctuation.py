"""ASCII punctuation typed into Chinese text becomes full-width; Latin text keeps its own.

Page extraction leaves `昨天, 2024常州` and `瑞声(中国)投资`: ASCII marks followed by a
space. In CJK context they become `，；：？！（）` and the spaces around them go (full-width
marks carry their own spacing). Inside Latin text and numbers they stay: `Shenzhen, China`,
`10:30`, `1,000`.
"""

from __future__ import annotations

import re

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_FOLD = str.maketrans(FULL_WIDTH)

#: Characters that make a neighbouring ASCII mark "Chinese": ideographs (BMP and the
#: supplementary planes), CJK punctuation, full-width forms, curly quotes, dashes, ellipsis.
_CJK = re.compile(
    "[\u2014\u2018\u2019\u201c\u201d\u2026\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)
_MARK = re.compile(r"[ \t]*([,;:?!()])[ \t]*")
_QUICK = re.compile(r"[,;:?!()]")


def _is_cjk(char: str) -> bool:
    if "\u4e00" <= char <= "\u9fff":  # the common case, without a regex call
        return True
    return bool(char) and _CJK.match(char) is not None


def _replace(match: re.Match[str]) -> str:
    text = match.string
    start, end = match.span()
    before = text[start - 1] if start else ""
    mark = match.group(1)
    if _is_cjk(before):
        return FULL_WIDTH[mark]
    after = text[end] if end < len(text) else ""
    if _is_cjk(after):
        return FULL_WIDTH[mark]
    spaced = end > match.end(1)
    if (
        mark in ",;"
        and spaced
        and not (before.isascii() and before.isalpha() and after.isascii() and after.isalpha())
        and (before or after)
    ):
        # `7:30, 2024武进`: a clause break between numbers in Chinese prose.
        return FULL_WIDTH[mark]
    return match.group(0)


def normalize_punctuation(text: str) -> str:
    """Map ASCII `, ; : ? ! ( )` next to CJK text to full-width, dropping the spaces the
    page put around them; ASCII inside Latin words and numbers is kept as is."""
    if _QUICK.search(text) is None:
        return text
    return _MARK.sub(_replace, text)


def fold_punctuation(text: str) -> str:
    """Map every ASCII mark the normaliser may convert to its full-width form, so texts
    can be compared "modulo the punctuation mapping" (used by the nothing-lost tests)."""
    return text.translate(_FOLD)
