"""Highlights as CSV for spreadsheets: one row per highlight.

UTF-8 with a byte-order mark, because Excel reads a CSV without one in the system's
legacy code page and shows Chinese as mojibake. Rows end in CRLF (the csv module's
default, what Excel writes itself). Times are UTC as `YYYY-MM-DD HH:MM:SS`, which Excel
reads as a date; start/end are code points.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from reader.store.records import ArticleRecord

HEADER = ("article", "source", "quote", "note", "tags", "colour", "created (UTC)", "start", "end")
#: Tags are joined with this: a tag may contain spaces but never a semicolon-space pair
#: in practice, and spreadsheets split on it easily.
TAG_SEPARATOR = "; "


def highlights_csv(articles: Iterable[ArticleRecord]) -> str:
    """The CSV text, BOM first (write it with encoding="utf-8", newline="")."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for article in articles:
        for h in article.highlights:
            writer.writerow(
                (
                    article.title,
                    article.source_path,
                    h.exact,
                    h.note,
                    TAG_SEPARATOR.join(h.tags),
                    h.color,
                    h.created_at.strftime("%Y-%m-%d %H:%M:%S"),
                    h.start,
                    h.end,
                )
            )
    return out.getvalue()
