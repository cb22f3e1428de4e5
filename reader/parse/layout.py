"""Text → lines with a kind: what page extraction left, before any article is built.

Every non-blank line is one unit (a page block is normally one line; a plain article has
one paragraph per line). Each line keeps the layout evidence around it — how many blank
lines came before it and whether it was indented — because exports differ in what marks
a new article (a blank line, two blank lines, an unindented line after indented ones).
Classifying a line looks only at the line itself; deciding what a headline-like line
really is needs its neighbours and is done in `segments` and `articles`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from enum import Enum

from reader.parse.bylines import LEAD, closing_byline, is_byline_line, is_credit, is_lead
from reader.parse.furniture import is_furniture


class Kind(Enum):
    TEXT = "text"
    LEAD = "lead"  # text opening with a dateline: `本报讯 (…)` / `新华社…电 (…)`
    BYLINE = "byline"  # `□本报记者 张某 通讯员 李某` on its own line
    CLOSING = "closing"  # `（本报北京10月14日电）`, `（杜海涛）` closing an article
    SUBHEADING = "subheading"  # `■ 小标题`
    CAPTION = "caption"  # `图为…`
    CREDIT = "credit"  # `徐晶玮 摄`
    FURNITURE = "furniture"  # `第5版（评论）`, `2019年10月15日 星期二`, `责任编辑：…`


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
    #: Blank lines between this line and the previous non-blank one (0 at the page top).
    blank_before: int = 0


#: A block ends a sentence when its last mark (before closing quotes/brackets) is one of these.
_SENTENCE_END = frozenset("。！？!?…")
_CLOSERS = "”’」』）)】》\"'"
#: A headline never ends like an unfinished clause.
_OPEN_END = frozenset(",;:，；：、—(（“‘《-")
HEADLINE_MAX_CHARS = 40
#: A subtitle (`——习近平总书记在…重要讲话在…引起热烈反响`) may run longer than a title.
_SUBTITLE_MAX_CHARS = 100
_INDENTS = ("\u3000", "  ", "\t")
_CLAUSE_MARK = re.compile(r"[,;，；]")
_ANY_CLAUSE_MARK = re.compile(r"[,;，；、]")
#: A headline and its first paragraph printed on one line, apart by a run of spaces.
_HEADLINE_RUN = re.compile(r"[ \t\u00a0]{3,}|\u3000{2,}|[ \t\u00a0\u3000]{4,}")
#: The text after such a run must be a real paragraph, not a second headline or a name.
_RUN_BODY_MIN_CHARS = 30
#: How far into a line a dateline's `电`/`讯` can be (agency, a long list of places, date).
_DATELINE_REACH = 120


def ends_sentence(text: str) -> bool:
    """True when a block ends a sentence, so a column break cannot fall after it."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def split_lines(text: str) -> list[Line]:
    """Classify every non-blank line of a page (any line ends; indentation and the blank
    lines before it noted, then dropped). Linear in the length of the text."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[Line] = []
    blanks = 0
    content_seen = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            blanks += 1
            continue
        indented = raw[0] != line[0] and raw.startswith(_INDENTS)
        for classified in _classify_with_run(line, indented, at_top=not content_seen):
            classified.blank_before = blanks
            blanks = 0
            content_seen = content_seen or classified.kind is not Kind.FURNITURE
            lines.append(classified)
    return lines


def _classify_with_run(line: str, indented: bool, at_top: bool) -> list[Line]:
    """One line, or two when a headline and its first paragraph share the line."""
    head = line[: HEADLINE_MAX_CHARS + 4]
    if not indented and len(line) > _RUN_BODY_MIN_CHARS and ("  " in head or "\u3000" in head):
        run = _HEADLINE_RUN.search(line, 0, HEADLINE_MAX_CHARS + 4)
        if run is not None:
            head, body = line[: run.start()], line[run.end() :]
            first = classify(head)
            if first.headline_like and len(body) >= _RUN_BODY_MIN_CHARS and ends_sentence(body):
                second = classify(body)
                second.indented = True
                second.headline_like = False
                return [first, second]
    classified = classify(line, at_top=at_top)
    if indented:
        classified.indented = True
        classified.headline_like = False  # headlines are never indented
    return [classified]


def classify(line: str, *, at_top: bool = False) -> Line:
    """What one line is on its own (`at_top`: no article text above it yet)."""
    first = line[0]
    if first == "■":
        return Line(line, Kind.SUBHEADING)
    if line.startswith("图为"):
        return Line(line, Kind.CAPTION)
    if is_furniture(line, at_top=at_top):
        return Line(line, Kind.FURNITURE)
    if is_credit(line):
        return Line(line, Kind.CREDIT)
    if _may_be_byline(line) and is_byline_line(line):
        return Line(line, Kind.BYLINE)
    if first in "(（" and closing_byline(line) is not None:
        return Line(line, Kind.CLOSING)
    lead = LEAD.match(line) if _may_hold_dateline(line) else None
    if lead is not None and is_lead(lead):
        return Line(line, Kind.LEAD, lead_end=lead.end())
    return Line(line, Kind.TEXT, headline_like=_headline_like(line))


def ends_block(text: str) -> bool:
    """True when a block is complete: it ends a sentence, introduces what follows (`：`),
    or is wholly in brackets (`（作者为…）`). A column break never falls right there."""
    stripped = text.rstrip()
    if ends_sentence(stripped) or stripped.endswith(("：", ":")):
        return True
    return _bracketed(stripped)


def _bracketed(text: str) -> bool:
    """`（作者为…）`, `（上）`: a note wholly in brackets, never a headline."""
    return text[:1] in "(（" and text[-1:] in ")）"


def _may_be_byline(line: str) -> bool:
    """A cheap test before the byline parser: `□…`, `文/…`, a role word near the start."""
    head = line[:16]
    return line[0] == "□" or line[1:2] in "/／" or "记者" in head or "通讯员" in head


def _may_hold_dateline(line: str) -> bool:
    """A cheap test before the dateline pattern: a dateline ends in `电` or `讯` near the
    start of its line."""
    return line.find("电", 0, _DATELINE_REACH) >= 0 or line.find("讯", 0, _DATELINE_REACH) >= 0


def could_be_headline(text: str, *, indented_page: bool = False) -> bool:
    """The loose test for a line where an article is known to start: short, no sentence
    inside, not cut mid-clause (a kicker may end in `——` or `：`, a title in `！` or `？`
    when it has no clause break)."""
    # Where paragraphs are indented, being unindented already marks a headline, so a
    # long one (a column name in brackets, a summary subtitle) is believed.
    long_allowed = indented_page or text.startswith("——")
    longest = _SUBTITLE_MAX_CHARS if long_allowed else HEADLINE_MAX_CHARS + 10
    if len(text) > longest or "。" in text:
        return False
    last = text.rstrip(_CLOSERS)[-1:]
    if last in ("…", "") or (last in "！？!?" and _ANY_CLAUSE_MARK.search(text)):
        return False
    return text.endswith(("——", "：", ":")) or text[-1] not in _OPEN_END


def _headline_like(line: str) -> bool:
    if len(line) > HEADLINE_MAX_CHARS or "。" in line or _bracketed(line):
        return False
    if line[-1] in _OPEN_END and not line.endswith("——"):
        return False
    # A subtitle may carry a clause break (`——总投资38.6亿元, 涵盖…`); a title rarely does.
    return line.startswith("——") or _CLAUSE_MARK.search(line) is None


def join_pieces(pieces: list[str]) -> str:
    """Join the pieces of a paragraph cut by column breaks: no space between CJK
    characters (or a digit and CJK), one space between Latin words. Linear in the total
    length, however many pieces."""
    if len(pieces) == 1:
        return pieces[0]
    out = [pieces[0]]
    for left, right in itertools.pairwise(pieces):
        last, first = left[-1], right[0]
        latin_after = first.isascii() and first.isalnum()
        if latin_after and last.isascii() and (last.isalpha() or last in ",;:?!)"):
            out.append(" ")
        out.append(right)
    return "".join(out)
