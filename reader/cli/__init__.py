"""`reader [--db PATH] COMMAND`: argument parsing only; the work happens in the core.

Each command group lives in its own module exposing `register(subparsers)`, which adds
its sub-commands with `set_defaults(run=callable)`. A callable takes the parsed
arguments and returns an exit code. User mistakes raise `ReaderError` and are printed
as one line on stderr with exit code 2; nothing prints a traceback for them, nor for
SQLite's errors (a locked, read-only, full or damaged library).

A `--db` path that does not exist yet becomes a new, empty library, and the command
says so on stderr (so a mistyped path does not go unnoticed).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

import peewee as pw

from reader import __version__
from reader.errors import ReaderError

EXIT_OK = 0
EXIT_FAILURES = 1  # the command ran, but some input failed (e.g. a bad file in a folder)
EXIT_USAGE = 2  # a user mistake: unknown article, bad argument, unreadable file

if TYPE_CHECKING:
    from reader.store.library import Library
    from reader.store.records import ReanchorOutcome


# --- helpers the command modules share ----------------------------------------------
@contextmanager
def opened_library(args: argparse.Namespace) -> Iterator[Library]:
    """The library named by --db (or the default), closed when the command is done."""
    from reader.store.paths import library_path, open_library

    target = library_path(args.db)
    existed = target.exists()
    library = open_library(target)
    if not existed:
        # A mistyped --db would otherwise leave an empty library behind unnoticed.
        print(f"reader: created a new, empty library at {library.path}", file=sys.stderr)
    try:
        yield library
    finally:
        library.close()


def positive_int(value: str) -> int:
    """An argparse type: a whole number, 1 or more."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def reanchored_summary(outcomes: Sequence[ReanchorOutcome]) -> str:
    """One line on highlights carried to changed text: how many moved, how many could
    not be placed (kept as orphans with their quote)."""
    orphans = sum(o.method == "orphaned" for o in outcomes)
    moved = sum(o.method not in ("position", "orphaned") for o in outcomes)
    return f"{len(outcomes)} highlight(s) re-anchored, {moved} moved, {orphans} orphaned"


def build_parser() -> argparse.ArgumentParser:
    from reader.cli import export_commands, library_commands, page_commands, search_command

    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read, annotate and search Chinese newspaper pages.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,  # None: $READER_DB, else the user data directory (store.paths)
        help="library database (default: $READER_DB, else the user data directory)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    # page_commands after library_commands: it adds --page to `reader show`.
    for module in (library_commands, page_commands, search_command, export_commands):
        module.register(subparsers)
    return parser


def command_index(argv: list[str]) -> int | None:
    """Where the command is in `argv` (after the global options), if anywhere."""
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--db":
            index += 2
        elif arg.startswith("-"):
            index += 1
        else:
            return index
    return None


def main(argv: Sequence[str] | None = None) -> int:
    from reader.cli.search_command import query_terms_last

    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    command = command_index(arguments)
    if command is not None and arguments[command] == "search":
        # `reader search -会议`: a query may start with "-" (exclude a word)
        arguments[command + 1 :] = query_terms_last(arguments[command + 1 :])
    args = parser.parse_args(arguments)
    try:
        return int(args.run(args))
    except ReaderError as error:
        print(f"reader: {error}", file=sys.stderr)
        return EXIT_USAGE
    except (sqlite3.Error, pw.DatabaseError) as error:
        # Errors by kind are raised by the store; this catches what slipped past it
        # (a search on a damaged index), so the user reads a sentence, not a traceback.
        from reader.store.database import error_by_kind
        from reader.store.paths import library_path

        path = library_path(args.db)
        kind = error_by_kind(error, path)
        message = (
            kind or f"the library {path} could not be used ({error}); `reader check` examines it"
        )
        print(f"reader: {message}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
