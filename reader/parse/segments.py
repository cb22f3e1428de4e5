"""Where articles begin: the layout evidence a whole page gives, and the page cut by it.

Exports mark article boundaries in different ways, and each page is consistent with
itself, so the evidence is read from the page as a whole before any line is judged:
- **indented paragraphs** (`　　` or two spaces before most body lines): then an unindented
  line is a headline (or page furniture), and an unindented line after a finished indented
  paragraph starts a new article;
- **blank lines**: when most lines follow each other directly, a blank line separates
  articles; when a blank line follows every block, a longer run of blank lines does;
- **page furniture** (`第13版(社会)`, `专栏:`) and separator lines (`------`) between
  articles.
A page with none of these (one blank line between every block, nothing indented) gives no
boundaries here; `articles` then finds articles from the lines' content alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.parse.furniture import is_rule
from reader.parse.layout import Kind, Line, could_be_headline, ends_sentence

#: Share of body lines that must be indented for indentation to mark paragraphs.
_INDENTED_SHARE = 0.3
#: At most this share of line gaps may be article boundaries (else blanks mean nothing).
_BOUNDARY_SHARE = 0.4
#: A headline block has at most this many lines (a column label and three headlines).
MAX_BLOCK_LINES = 4


@dataclass(frozen=True)
class Evidence:
    """What marks paragraphs and articles on this page."""

    #: Body paragraphs are indented, so unindented lines are headlines or furniture.
    indented_paragraphs: bool = False
    #: A gap of at least this many blank lines separates articles (None: no such gap).
    boundary_blanks: int | None = None
    #: Separator lines (`------`) stand between articles.
    rules: bool = False

    @property
    def any(self) -> bool:
        return self.indented_paragraphs or self.boundary_blanks is not None or self.rules


def page_evidence(lines: list[Line]) -> Evidence:
    """Read the page's layout conventions from all its lines (one pass)."""
    content = [line for line in lines if line.kind is not Kind.FURNITURE]
    if len(content) < 2:
        return Evidence()
    indented = sum(line.indented for line in content)
    unindented = len(content) - indented
    indented_paragraphs = indented >= _INDENTED_SHARE * len(content) and unindented >= 1
    gaps = [line.blank_before for line in content[1:]]
    boundary = _boundary_blanks(gaps)
    if boundary is not None:
        runs = sum(gap >= boundary for gap in gaps)
        if _article_starts_between(lines, boundary) > runs:
            # More articles visibly start elsewhere than at the long blank runs: these
            # runs are not where this page's articles begin (a run of briefs inside one
            # item starts a few, fewer than the runs around the items).
            boundary = None
    rules = any(line.kind is Kind.FURNITURE and is_rule(line.text) for line in lines)
    return Evidence(indented_paragraphs, boundary, rules)


def _article_starts_between(lines: list[Line], boundary: int) -> int:
    """How many articles visibly start away from the long blank runs: a finished
    paragraph, then short headline lines, then a dateline or byline, with no long run
    before the headlines."""
    starts = 0
    for index in range(2, len(lines)):
        if lines[index].kind not in (Kind.LEAD, Kind.BYLINE):
            continue
        start = index
        while start > 0 and index - start < 3 and lines[start - 1].headline_like:
            start -= 1
        if start == index or start == 0:
            continue
        if any(lines[i].blank_before >= boundary for i in range(start, index + 1)):
            continue
        before = lines[start - 1]
        if before.kind is not Kind.TEXT or ends_sentence(before.text):
            starts += 1
    return starts


def _boundary_blanks(gaps: list[int]) -> int | None:
    """The smallest blank run that separates articles: the runs longer than the usual
    gap between blocks, when they are rare enough to be boundaries."""
    if not gaps:
        return None
    counts: dict[int, int] = {}
    for gap in gaps:
        counts[gap] = counts.get(gap, 0) + 1
    usual = max(counts, key=lambda gap: (counts[gap], -gap))
    longer = sum(count for gap, count in counts.items() if gap > usual)
    if longer == 0 or longer > _BOUNDARY_SHARE * len(gaps):
        return None
    return usual + 1


def split_segments(lines: list[Line], evidence: Evidence) -> list[list[Line]]:
    """Cut the page where the evidence says an article (or furniture) begins. Furniture
    lines come out as segments of their own."""
    segments: list[list[Line]] = []
    current: list[Line] = []
    previous: Line | None = None
    for index, line in enumerate(lines):
        if line.kind is Kind.FURNITURE:
            if current:
                segments.append(current)
            segments.append([line])
            current = []
            previous = None
            continue
        if current and _starts_article(lines, index, previous, evidence):
            segments.append(current)
            current = []
        current.append(line)
        previous = line
    if current:
        segments.append(current)
    return segments


def _starts_article(
    lines: list[Line], index: int, previous: Line | None, evidence: Evidence
) -> bool:
    line = lines[index]
    if evidence.boundary_blanks is not None and line.blank_before >= evidence.boundary_blanks:
        return True
    if not evidence.indented_paragraphs or previous is None or line.indented:
        return False
    if not previous.indented or line.kind is not Kind.TEXT:
        return False
    # A headline block: short unindented lines, then an indented paragraph. (Even after
    # an unfinished paragraph: where paragraphs are indented, a column break rarely
    # leaves an unindented stub that looks like a headline over an indented paragraph.)
    end = index
    while end < len(lines) and not lines[end].indented and end - index <= MAX_BLOCK_LINES:
        text = lines[end].text
        if lines[end].kind is Kind.FURNITURE or not could_be_headline(text, indented_page=True):
            return False
        end += 1
    return end < len(lines) and lines[end].indented and end - index <= MAX_BLOCK_LINES
