"""One entry point for every export, used alike by `reader export` and the app's
File → Export… dialog: pick a scope and a format, get text or a file."""

from __future__ import annotations

from pathlib import Path

from reader.errors import ReaderError
from reader.store.library import Library

from . import csv_export, markdown, web_annotation
from .backup import rolling_backups_of
from .output_path import checked_output, write_text_atomically
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
        with library.snapshot():
            archive = web_annotation.build_archive(library, collect(library, scope))
        return web_annotation.dumps(archive)
    articles = collect(library, scope)
    if fmt == "csv":
        return csv_export.highlights_csv(articles)
    if scope.kind == TAG and scope.tag is not None:
        return markdown.tag_markdown(scope.tag, articles)
    return markdown.articles_markdown(articles)


def export_to_file(
    library: Library, scope: ExportScope, fmt: str, path: Path | str, *, overwrite: bool = True
) -> Path:
    """Write the export to `path` (UTF-8); returns the file written (a symlink's target).

    The path is checked before anything is rendered or opened (`output_path`): never the
    library or its files, a database in use, a folder or a device; an existing file only
    with `overwrite` (a save dialog has asked; the command line needs `--force`). The file
    is replaced only by a complete, synced export."""
    target = checked_output(
        path, library.path, overwrite=overwrite, protected=rolling_backups_of(library.path)
    )
    text = render(library, scope, fmt)
    try:
        # The CSV text already ends its rows in CRLF: written as is.
        return write_text_atomically(target, text)
    except OSError as error:
        raise ReaderError(f"cannot write {path}: {error.strerror or error}") from error
