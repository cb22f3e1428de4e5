"""Text PDFs of newspaper pages → articles, through the newspaper page parser.

A printed page is columns of text under headlines that may span several columns. The
PDF holds only characters at positions, in whatever order the typesetter wrote them,
so reading order is rebuilt from geometry:
1. characters on one baseline with no column gutter between them form a line;
2. the page is cut recursively (XY-cut): first at vertical gutters that run the whole
   height of a region (columns, read left to right), else at horizontal gaps wider than
   ordinary line spacing (bands, read top to bottom: a full-width headline comes
   before the columns below it);
3. type size is the headline evidence: lines set clearly larger than the body text are
   headlines, smaller ones captions; lines of a paragraph are joined, an indented line
   starts a paragraph;
4. headline runs start article groups, each parsed by `reader.parse.page.parse_text`.
pypdfium2 (PDFium; Apache-2.0/BSD-3) reads the characters. A PDF of scanned pictures has
no characters: it is refused with a message, there is no OCR.
"""

from __future__ import annotations

import dataclasses
import itertools
import statistics
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from reader.errors import InputFileError
from reader.parse.decode import check_size
from reader.parse.layout import join_pieces
from reader.sources.blocks import Block, Role, parse_groups, split_at_headline_runs
from reader.sources.document import SourceDocument, SourceKind, source_info

#: A line at least this much larger than the body type is a headline; at most this much
#: of it, a caption (newspapers set captions a size or two below the body).
HEADLINE_SIZE_RATIO = 1.25
CAPTION_SIZE_RATIO = 0.9
#: Font weight from which a line counts as bold (CSS scale: 400 regular, 700 bold).
_BOLD_WEIGHT = 600
#: A gap between characters of a line wider than this (in ems) is a column gutter.
_GUTTER_EMS = 0.9
#: A gap across a region wider than this many times its line spacing, and than this many
#: body ems, separates bands (a headline from its columns, an article from the next).
_BAND_GAP_RATIO = 1.6
_BAND_GAP_EMS = 0.4
#: A line starting this far right of its column's left edge (in ems) is indented.
_INDENT_EMS = 0.9
#: A line ending this far left of its column's right edge (in ems) ends its paragraph.
_SHORT_LINE_EMS = 1.5
#: Pages beyond this are not a newspaper page or article: refuse rather than hang.
MAX_PDF_PAGES = 500


@dataclass(slots=True)
class _Line:
    text: str
    left: float
    right: float
    baseline: float
    size: float
    bold: bool

    @property
    def top(self) -> float:
        return self.baseline + self.size * 0.88

    @property
    def bottom(self) -> float:
        return self.baseline - self.size * 0.12


def read_pdf(data: bytes, path: str = "") -> SourceDocument:
    """Read a text PDF (InputFileError: damaged, encrypted, no text layer, too large)."""
    check_size(len(data))
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise InputFileError(f"not a readable PDF ({error}); is it damaged or encrypted?") from None
    try:
        if len(document) > MAX_PDF_PAGES:
            raise InputFileError(f"too many pages: {len(document)} (at most {MAX_PDF_PAGES})")
        pages = [page_lines(document[index]) for index in range(len(document))]
        page_count = len(document)
    finally:
        document.close()
    if not any(pages):
        raise InputFileError(
            "no text in this PDF: its pages are pictures (a scan); reader cannot read "
            "text from pictures (no OCR) — use a PDF with a text layer"
        )
    body_size = _body_size([line for leaves in pages for leaf in leaves for line in leaf])
    blocks = _join_column_breaks(
        [block for leaves in pages for leaf in leaves for block in leaf_blocks(leaf, body_size)]
    )
    groups = split_at_headline_runs(blocks, lambda run: True)
    page = parse_groups(groups, source_info(data, path, "pdf"))
    return SourceDocument(SourceKind.PDF, data, {"pages": str(page_count)}, page)


# --- characters → lines ----------------------------------------------------------------
def page_lines(page: pdfium.PdfPage) -> list[list[_Line]]:
    """The page's text lines in reading order, as the column pieces (XY-cut leaves) they
    were found in (see the module docstring)."""
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage)
    finally:
        textpage.close()
        page.close()
    lines = _lines(chars)
    return _xy_order(_span_headlines(lines, _body_size(lines)))


def _chars(textpage: pdfium.PdfTextPage) -> list[tuple[str, float, float, float, float, int]]:
    """(char, left, right, baseline, size, weight) of every character the PDF holds;
    the line breaks and spaces PDFium makes up between them are left out."""
    raw = textpage.raw
    left, right, bottom, top = (pdfium_c.c_double() for _ in range(4))
    x, y = pdfium_c.c_double(), pdfium_c.c_double()
    refs = (pdfium_c.byref(v) for v in (left, right, bottom, top))
    box_refs = tuple(refs)
    chars = []
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        if pdfium_c.FPDFText_IsGenerated(raw, index) == 1:
            continue
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if code in (0, 0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF or chr(code) in "\r\n":
            continue
        pdfium_c.FPDFText_GetCharBox(raw, index, *box_refs)
        pdfium_c.FPDFText_GetCharOrigin(raw, index, pdfium_c.byref(x), pdfium_c.byref(y))
        size = pdfium_c.FPDFText_GetFontSize(raw, index)
        weight = pdfium_c.FPDFText_GetFontWeight(raw, index)
        chars.append((chr(code), left.value, right.value, y.value, size, weight))
    return chars


def _lines(chars: list[tuple[str, float, float, float, float, int]]) -> list[_Line]:
    """Characters sharing a baseline (within a fifth of their size), split at gutters."""
    ordered = sorted(chars, key=lambda c: (-round(c[3], 1), c[1]))
    rows: list[list[tuple[str, float, float, float, float, int]]] = []
    for char in ordered:
        if rows and abs(rows[-1][0][3] - char[3]) <= 0.2 * max(char[4], 1.0):
            rows[-1].append(char)
        else:
            rows.append([char])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c[1])
        piece = [row[0]]
        for char in row[1:]:
            previous = piece[-1]
            if char[1] - previous[2] > _GUTTER_EMS * max(previous[4], char[4], 1.0):
                lines.append(_make_line(piece))
                piece = []
            piece.append(char)
        lines.append(_make_line(piece))
    return [line for line in lines if line.text.strip()]


def _make_line(chars: list[tuple[str, float, float, float, float, int]]) -> _Line:
    sizes = Counter(round(c[4], 1) for c in chars if not c[0].isspace())
    size = sizes.most_common(1)[0][0] if sizes else chars[0][4]
    bold = sum(c[5] >= _BOLD_WEIGHT for c in chars) * 2 > len(chars)
    return _Line(
        text="".join(c[0] for c in chars).strip(),
        left=min(c[1] for c in chars),
        right=max(c[2] for c in chars),
        baseline=statistics.fmean(c[3] for c in chars),
        size=size,
        bold=bold,
    )


def _span_headlines(lines: list[_Line], em: float) -> list[_Line]:
    """Headlines widened over the columns they stand on. A headline is set across its
    article's columns but its text may end over the first one; without this, the gutter
    beside its end would cut the article in two. A column under another headline (the
    next article, beside this one) stops the widening."""
    headlines = [line for line in lines if _is_headline_size(line, em)]
    if not headlines:
        return lines
    body = sorted(
        (line for line in lines if not _is_headline_size(line, em)), key=lambda line: line.left
    )
    widened = {}
    for headline in headlines:
        under = [
            line
            for line in body
            if headline.bottom - 3 * em <= line.top <= headline.bottom + 0.2 * em
            and line.right > headline.left
        ]
        reach = headline.right
        gutter = max(4 * em, 1.5 * headline.size)  # gutters scale with the page, not the type
        for line in under:
            if line.left > reach + gutter:
                break
            if line.left > headline.right and any(
                other is not headline
                and other.left < line.right
                and other.right > line.left
                and 0 <= other.bottom - line.top <= 3 * em
                for other in headlines
            ):
                break  # that column has its own headline
            reach = max(reach, line.right)
        if reach > headline.right:
            widened[id(headline)] = dataclasses.replace(headline, right=reach)
    return [widened.get(id(line), line) for line in lines]


def _body_size(lines: list[_Line]) -> float:
    """The type size most characters are set in: the body text's."""
    weights: Counter[float] = Counter()
    for line in lines:
        weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


# --- reading order ---------------------------------------------------------------------
def _xy_order(lines: list[_Line]) -> list[list[_Line]]:
    """Leaves of a recursive XY-cut in reading order, each one column piece with its
    lines top to bottom. A work list instead of recursion: no depth limit."""
    if not lines:
        return []
    em = _body_size(lines)
    wide_gap = max(_line_spacing(lines) * _BAND_GAP_RATIO, _BAND_GAP_EMS * em)
    ordered: list[list[_Line]] = []
    pending: list[list[_Line]] = [lines]
    while pending:
        region = pending.pop()
        parts = _vertical_cut(region, em) or _horizontal_cut(region, em, wide_gap)
        if parts is None:
            ordered.append(sorted(region, key=lambda line: (-line.baseline, line.left)))
        else:
            pending.extend(reversed(parts))
    return ordered


def _vertical_cut(region: list[_Line], em: float) -> list[list[_Line]] | None:
    """Columns: the region split at every gutter free of text over its whole height."""
    if len(region) < 2:
        return None
    by_left = sorted(region, key=lambda line: line.left)
    parts: list[list[_Line]] = [[by_left[0]]]
    reach = by_left[0].right
    for line in by_left[1:]:
        if line.left - reach >= _GUTTER_EMS * em * 0.5:
            parts.append([])
        parts[-1].append(line)
        reach = max(reach, line.right)
    return parts if len(parts) > 1 else None


def _line_spacing(lines: list[_Line]) -> float:
    """The usual gap between a line and the next one in its column (lines that start at
    the same left edge): the page's leading, below which no gap separates anything."""
    by_left: dict[int, list[_Line]] = {}
    for line in lines:
        by_left.setdefault(round(line.left), []).append(line)
    gaps: list[float] = []
    for column in by_left.values():
        column.sort(key=lambda line: -line.baseline)
        gaps.extend(
            upper.bottom - lower.top
            for upper, lower in itertools.pairwise(column)
            if upper.bottom > lower.top
        )
    return statistics.median(gaps) if gaps else 0.0


def _horizontal_cut(region: list[_Line], em: float, wide: float) -> list[list[_Line]] | None:
    """Bands: the region split at gaps across its whole width that are clearly wider
    than the page's line spacing (`wide`: between one article and the next), else at the
    gap under a headline. Plain line spacing is no cut: lines of side-by-side columns
    share their gaps, and cutting there would read the page row by row."""
    if len(region) < 2:
        return None
    by_top = sorted(region, key=lambda line: -line.top)
    gaps: list[tuple[int, float, bool]] = []  # (index of the line below, gap, under a headline)
    floor = by_top[0].bottom
    for index, line in enumerate(by_top[1:], start=1):
        gap = floor - line.top
        if gap > 0:
            above = by_top[index - 1]
            under_headline = _is_headline_size(above, em) and not _is_headline_size(line, em)
            gaps.append((index, gap, under_headline))
        floor = min(floor, line.bottom)
    # Gaps under a headline only once no wide gap is left: two articles side by side
    # share the gap under their headlines, and the columns must be split first.
    cuts = [index for index, gap, _ in gaps if gap >= wide]
    cuts = cuts or [index for index, _, under_headline in gaps if under_headline]
    if not cuts:
        return None
    bounds = [0, *cuts, len(by_top)]
    return [by_top[start:end] for start, end in itertools.pairwise(bounds)]


def _is_headline_size(line: _Line, body_size: float) -> bool:
    return line.size >= HEADLINE_SIZE_RATIO * body_size


# --- lines → blocks --------------------------------------------------------------------
def leaf_blocks(leaf: list[_Line], body_size: float) -> list[Block]:
    """Headline, paragraph and caption blocks of one column piece: the lines of one
    headline (same size, close together) or of one paragraph (the next line not
    indented, this one running to the column's edge) joined."""
    roles = [_role(line, body_size) for line in leaf]
    body = [line for line, role in zip(leaf, roles, strict=True) if role is Role.PARAGRAPH]
    column_left = min(line.left for line in body or leaf)
    column_right = max(line.right for line in body or leaf)
    blocks: list[Block] = []
    previous: _Line | None = None
    for line, role in zip(leaf, roles, strict=True):
        if (
            previous is not None
            and blocks[-1].role is role
            and _same_block(previous, line, role, column_left, column_right)
        ):
            last = blocks[-1]
            text = join_pieces([last.text, line.text])
            blocks[-1] = dataclasses.replace(last, text=text)
        else:
            indented = line.left - column_left >= _INDENT_EMS * line.size
            continued = not blocks and role is Role.PARAGRAPH and not indented
            prominence = line.size if role is Role.HEADING else 0.0
            blocks.append(Block(role, line.text, continued=continued, prominence=prominence))
        previous = line
    return blocks


def _join_column_breaks(blocks: list[Block]) -> list[Block]:
    """A column (or page) that starts with an unindented paragraph line carries on the
    paragraph the previous column ended with, even when that column ended on a full
    stop: in a PDF the indent is seen, so the text parser's guess is not needed."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if block.continued and previous is not None and previous.role is Role.PARAGRAPH:
            joined[-1] = dataclasses.replace(
                previous, text=join_pieces([previous.text, block.text])
            )
        else:
            joined.append(block)
    return joined


def _same_block(
    previous: _Line, line: _Line, role: Role, column_left: float, column_right: float
) -> bool:
    if previous.bottom - line.top > 0.8 * line.size:
        return False  # a gap wider than line spacing
    if role is Role.HEADING:
        return abs(previous.size - line.size) < 0.05 * line.size
    indented = line.left - column_left >= _INDENT_EMS * line.size
    short = column_right - previous.right >= _SHORT_LINE_EMS * previous.size
    return not indented and not short


def _role(line: _Line, body_size: float) -> Role:
    if _is_headline_size(line, body_size) or (line.bold and line.size >= 1.1 * body_size):
        return Role.HEADING
    if line.size <= CAPTION_SIZE_RATIO * body_size:
        return Role.CAPTION
    return Role.PARAGRAPH
