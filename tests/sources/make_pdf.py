"""PDFs the tests write themselves: newspaper pages in columns, one-column articles, and
a scan (a picture, no text). reportlab with the Adobe CID font STSong-Light, which PDF
readers know without an embedded font file, so no font needs to be installed."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from tests.sources.texts import made_up_paragraph

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


@dataclass
class Story:
    """One article as the test puts it on the page."""

    headlines: list[tuple[str, float]]  # (text, type size), top to bottom
    paragraphs: list[str]
    caption: str = ""
    body_size: float = 10.0


@dataclass
class Frame:
    """Where a story goes: its headlines across `width`, its body in `columns`."""

    left: float
    top: float
    width: float
    columns: int
    bottom: float
    gutter: float = 12.0
    story: Story = field(default_factory=lambda: Story([], []))


def _wrap(text: str, width: float, size: float, first_indent: float) -> list[str]:
    lines, line, available = [], "", width - first_indent
    for char in text:
        if pdfmetrics.stringWidth(line + char, FONT, size) > available:
            lines.append(line)
            line, available = "", width
        line += char
    lines.append(line)
    return lines


def draw_frame(pdf: canvas.Canvas, frame: Frame) -> None:
    """Headlines across the frame, then the body flowing down column after column with a
    2-em first-line indent, then the caption in small type under the last column."""
    story = frame.story
    y = frame.top
    for text, size in story.headlines:
        y -= size * 1.3
        pdf.setFont(FONT, size)
        pdf.drawString(frame.left, y, text)
    y -= story.body_size * 2.0  # newspapers leave about a line's space under a headline
    column_width = (frame.width - frame.gutter * (frame.columns - 1)) / frame.columns
    leading = story.body_size * 1.5
    lines: list[tuple[str, float]] = []
    for paragraph in story.paragraphs:
        indent = story.body_size * 2
        for index, text in enumerate(_wrap(paragraph, column_width, story.body_size, indent)):
            lines.append((text, indent if index == 0 else 0.0))
    per_column = max(1, -(-len(lines) // frame.columns))
    pdf.setFont(FONT, story.body_size)
    column_top = y
    for number, (text, indent) in enumerate(lines):
        column, row = divmod(number, per_column)
        x = frame.left + column * (column_width + frame.gutter) + indent
        pdf.drawString(x, column_top - row * leading, text)
    if story.caption:
        pdf.setFont(FONT, story.body_size * 0.8)
        pdf.drawString(frame.left, column_top - per_column * leading - 4, story.caption)


def newspaper_pdf(frames: list[Frame], size: tuple[float, float] = (600, 800)) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=size)
    for frame in frames:
        draw_frame(pdf, frame)
    pdf.save()
    return out.getvalue()


def pages_pdf(pages: list[list[Frame]], size: tuple[float, float] = (600, 800)) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=size)
    for frames in pages:
        for frame in frames:
            draw_frame(pdf, frame)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def stacked_pages_pdf(stories: list[Story], columns: int = 3) -> bytes:
    """Stories one under another, each across the page in `columns` columns, a new page
    when the next one does not fit (so any amount of text can be laid out)."""
    width, height, margin = 600.0, 800.0, 40.0
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(width, height))
    top = height - margin
    column_width = (width - 2 * margin - 12.0 * (columns - 1)) / columns
    for story in stories:
        lines = sum(
            len(_wrap(p, column_width, story.body_size, story.body_size * 2))
            for p in story.paragraphs
        )
        needed = (
            sum(size * 1.3 for _, size in story.headlines)
            + story.body_size * 2.0
            + -(-lines // columns) * story.body_size * 1.5
            + story.body_size * 2.5
        )
        if top - needed < margin and top < height - margin:
            pdf.showPage()
            top = height - margin
        draw_frame(pdf, Frame(margin, top, width - 2 * margin, columns, margin, story=story))
        top -= needed + 18.0  # the space between one story and the next
    pdf.save()
    return out.getvalue()


def dense_front_page(number: int) -> tuple[bytes, list[Story]]:
    """A three-column page in 7-point body type (about 4 000 characters): a lead story
    under a kicker and a spanning headline, two stories side by side below it."""
    seed = number * 40

    def story(headlines: list[tuple[str, float]], first: int, count: int, caption: str = ""):
        paragraphs = [made_up_paragraph(seed + first + i, 5) for i in range(count)]
        return Story(headlines, paragraphs, caption=caption, body_size=7.0)

    stories = [
        story([("本报要闻", 12), (f"头条新闻之{number}", 22)], 0, 11, "图为会场一角。"),
        story([("第二条新闻的标题", 16)], 11, 11),
        story([("短讯", 14)], 22, 5),
    ]
    frames = [
        Frame(40, 780, 520, 3, 450, story=stories[0]),
        Frame(40, 440, 340, 2, 40, story=stories[1]),
        Frame(400, 440, 160, 1, 40, story=stories[2]),
    ]
    return newspaper_pdf(frames), stories


def scanned_pdf() -> bytes:
    """A page that is only a picture (grey rectangles where text would be), as a scanner
    makes them: no characters at all."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(600, 800))
    pdf.setFillGray(0.3)
    for row in range(30):
        pdf.rect(40, 760 - row * 20, 520, 8, stroke=0, fill=1)
    pdf.save()
    return out.getvalue()
