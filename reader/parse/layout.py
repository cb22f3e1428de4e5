"""Text → lines with a kind: what page extraction left, before any article is built.

Every non-blank line is one unit (a page block is normally one line; a plain article has
one paragraph per line). Classifying a line looks only at the line itself; deciding what
a headline-like line really is needs its neighbours and is done in `articles`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from reader.parse.bylines import BYLINE_LINE, CREDIT, LEAD


class Kind(Enum):
    TEXT = "text"
    LEAD = "lead"  # text opening with `本报讯 (…)` / `新华社…电 (…)`
    BYLINE = "byline"  # `□本报记者 张某 通讯员 李某` on its own line
    SUBHEADING = "subheading"  # `■ 小标题`
    CAPTION = "caption"  # `图为…`
    CREDIT = "credit"  # `徐晶玮 摄`


@dataclass(slots=True)
class Line:
    text: str
    kind: Kind
    #: Short, no sentence inside, not ending mid-clause: could be a headline or a label.
    headline_like: bool = False
    #: For LEAD lines: where the lead (kept as the byline) ends.
    lead_end: int = 0
    #: Indented like a paragraph start (`　　` or two spaces): never a column continuation.
    indented: bool = False


#: A block ends a sentence when its last mark (before closing quotes/brackets) is one of these.
_SENTENCE_END = frozenset("。！？!?…")
_CLOSERS = "”’」』）)】》\"'"
#: A headline never ends like an unfinished clause.
_OPEN_END = frozenset(",;:，；：、—(（“‘《-")
HEADLINE_MAX_CHARS = 40
_INDENTS = ("\u3000", "  ", "\t")
_BYLINE_STARTS = frozenset(("本报", "记者", "通讯", "特约", "实习"))
_CLAUSE_MARK = re.compile(r"[,;，；]")


def ends_sentence(text: str) -> bool:
    """True when a block ends a sentence, so a column break cannot fall after it."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def split_lines(text: str) -> list[Line]:
    """Classify every non-blank line of a page (any line ends; indentation noted, then
    dropped)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            classified = classify(line)
            if raw[0] != line[0] and raw.startswith(_INDENTS):
                classified.indented = True
                classified.headline_like = False  # headlines are never indented
            lines.append(classified)
    return lines


def classify(line: str) -> Line:
    first = line[0]
    if first == "■":
        return Line(line, Kind.SUBHEADING)
    if line.startswith("图为"):
        return Line(line, Kind.CAPTION)
    if line.endswith(("摄", "摄)", "摄）")) and CREDIT.fullmatch(line):
        return Line(line, Kind.CREDIT)
    if (first == "□" or line[:2] in _BYLINE_STARTS) and BYLINE_LINE.fullmatch(line):
        return Line(line, Kind.BYLINE)
    lead = LEAD.match(line)
    if lead is not None:
        return Line(line, Kind.LEAD, lead_end=lead.end())
    return Line(line, Kind.TEXT, headline_like=_headline_like(line))


def _headline_like(line: str) -> bool:
    if len(line) > HEADLINE_MAX_CHARS or "。" in line or line[-1] in _OPEN_END:
        return False
    # A subtitle may carry a clause break (`——总投资38.6亿元, 涵盖…`); a title rarely does.
    return line.startswith("——") or _CLAUSE_MARK.search(line) is None


def join_pieces(left: str, right: str) -> str:
    """Join two pieces of a paragraph cut by a column break: no space between CJK
    characters (or a digit and CJK), one space between Latin words."""
    last, first = left[-1], right[0]
    latin_after = first.isascii() and first.isalnum()
    if latin_after and last.isascii() and (last.isalpha() or last in ",;:?!)"):
        return f"{left} {right}"
    return left + right
