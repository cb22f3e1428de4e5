"""One entry point for every export, used alike by `reader export` and the app's
File → Export… dialog: pick a scope and a format, get text or a file."""

from __future__ import annotations

import os
from pathlib import Path

from reader.errors import ReaderError
from reader.store.library import Library

from . import csv_export, markdown, web_annotation
from .scope import TAG, ExportScope, collect

FORMATS = ("markdown", "json", "csv")
#: The file suffix a dialog proposes for each format.
SUFFIXES = {"markdown": ".md", "json": ".json", "csv": ".csv"}


def render(library: Library, scope: ExportScope, fmt: str) -> str:
    """The export as text. Markdown for a tag scope is laid out per tag (passages
    grouped by article), otherwise per article. Raises ReaderError for an unknown
    format, NotFoundError for an unknown article or tag."""
    if fmt not in FORMATS:
        raise ReaderError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "json":
        # One read transaction around both steps: notes and pages match the highlights.
        with library.database.atomic():
            archive = web_annotation.build_archive(library, collect(library, scope))
        return web_annotation.dumps(archive)
    articles = collect(library, scope)
    if fmt == "csv":
        return csv_export.highlights_csv(articles)
    if scope.kind == TAG and scope.tag is not None:
        return markdown.tag_markdown(scope.tag, articles)
    return markdown.articles_markdown(articles)


def export_to_file(library: Library, scope: ExportScope, fmt: str, path: Path | str) -> Path:
    """Write the export to `path` (UTF-8) through a temporary file, so an existing file
    is replaced only by a complete export."""
    text = render(library, scope, fmt)
    dest = Path(path).expanduser()
    partial = dest.with_name(dest.name + ".partial")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        # newline="": the CSV text already ends its rows in CRLF.
        partial.write_text(text, encoding="utf-8", newline="")
        os.replace(partial, dest)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ReaderError(f"cannot write {dest}: {error.strerror or error}") from error
    return dest
