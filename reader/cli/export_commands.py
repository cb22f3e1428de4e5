"""`reader export | backup | import-archive`: getting notes out, and back in.

Argument parsing and printing only; the work is done by `reader.export`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli import EXIT_OK, opened_library, reanchored_summary
from reader.errors import ReaderError
from reader.export.backup import backup_database
from reader.export.formats import FORMATS, export_to_file, render
from reader.export.output_path import OutputExistsError
from reader.export.scope import ExportScope


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the export commands to the `reader` parser."""
    export = subparsers.add_parser(
        "export",
        help="export highlights and notes (Markdown, W3C JSON archive, CSV)",
        description="Export everything, one article or one tag. The JSON archive holds "
        "the articles too and can be brought into another library with import-archive.",
    )
    export.add_argument("--format", choices=FORMATS, default="markdown")
    which = export.add_mutually_exclusive_group()
    which.add_argument("--tag", metavar="T", help="only passages with this tag")
    which.add_argument("--article", type=int, metavar="ID", help="only this article")
    export.add_argument("-o", "--output", metavar="PATH", help="write here (default: stdout)")
    export.add_argument(
        "--force", action="store_true", help="replace PATH if it exists (never the library)"
    )
    export.set_defaults(run=run_export)

    backup = subparsers.add_parser(
        "backup",
        help="copy the library to PATH, safely while the app runs",
        description="The copy is a normal library: use it with `reader --db PATH …`.",
    )
    backup.add_argument("path", metavar="PATH")
    backup.add_argument(
        "--force", action="store_true", help="replace PATH if it exists (never the library)"
    )
    backup.set_defaults(run=run_backup)

    restore = subparsers.add_parser(
        "import-archive",
        help="bring a JSON archive (from `export --format json`) into the library",
        description="Adds the archive's articles, highlights, notes, tags and colours; "
        "what the library has already is not duplicated.",
    )
    restore.add_argument("path", metavar="PATH")
    restore.set_defaults(run=run_import_archive)


def _scope(args: argparse.Namespace) -> ExportScope:
    if args.tag is not None:
        return ExportScope.for_tag(args.tag)
    if args.article is not None:
        return ExportScope.article(args.article)
    return ExportScope.everything()


def _needs_force(error: OutputExistsError) -> ReaderError:
    return ReaderError(f"{error}: add --force to replace it")


def run_export(args: argparse.Namespace) -> int:
    with opened_library(args) as library:
        if args.output:
            try:
                path = export_to_file(
                    library, _scope(args), args.format, args.output, overwrite=args.force
                )
            except OutputExistsError as error:
                raise _needs_force(error) from error
            print(f"exported to {path}", file=sys.stderr)
        else:
            text = render(library, _scope(args), args.format)
            # Bytes, so the page's Chinese survives a terminal or pipe in any locale.
            sys.stdout.flush()
            sys.stdout.buffer.write(text.encode("utf-8"))
            sys.stdout.buffer.flush()
    return EXIT_OK


def run_backup(args: argparse.Namespace) -> int:
    with opened_library(args) as library:  # also migrates, so the copy has today's schema
        try:
            path = backup_database(library, args.path, overwrite=args.force)
        except OutputExistsError as error:
            raise _needs_force(error) from error
    print(f"backed up {library.path} to {path}")
    return EXIT_OK


def run_import_archive(args: argparse.Namespace) -> int:
    # Loaded here: the archive's validation models cost other commands' start-up time.
    from reader.export.restore import restore_archive
    from reader.store.importer import LibraryFiles

    with opened_library(args) as library:
        if LibraryFiles(library.path).owns(Path(args.path).expanduser()):
            # Checked by name and inode before anything reads it: reading the library's own
            # file outside SQLite would drop this process's SQLite locks.
            raise ReaderError(
                f"{args.path} is one of this library's own files (the database, its journal "
                "or a backup), not an archive; nothing was read"
            )
        result = restore_archive(library, args.path)
    print(
        f"{result.articles_created} article(s) added, {result.articles_matched} already "
        f"present; {result.highlights_created} highlight(s) added, "
        f"{result.highlights_present} already present"
    )
    if result.reanchored:
        print(reanchored_summary(result.reanchored))
    return EXIT_OK
