"""What the user reads when something failed: one message per kind of error.

The core raises errors by kind (`reader.errors`); each kind gets a title a person
understands and the core's own message, which says what happened and what to do. A
failure that is not one of ours (a bug) still gets a plain sentence, never a traceback.
"""

from __future__ import annotations

from reader.errors import (
    DiskFullError,
    LibraryCorruptError,
    LibraryIOError,
    LibraryLockedError,
    LibraryReadOnlyError,
    ReaderError,
)
from reader.ui.i18n import tr


def title(error: BaseException) -> str:
    """A short heading for a dialog or a status line about `error`."""
    if isinstance(error, LibraryLockedError):
        return tr("The library is busy")
    if isinstance(error, LibraryReadOnlyError):
        return tr("The library cannot be written")
    if isinstance(error, DiskFullError):
        return tr("The disk is full")
    if isinstance(error, LibraryCorruptError):
        return tr("The library is damaged")
    if isinstance(error, LibraryIOError):
        return tr("The library could not be read or written")
    return tr("Something went wrong")


def advice(error: BaseException) -> str:
    """What the user can do about `error`."""
    if isinstance(error, LibraryLockedError):
        return tr(
            "Another program is using the library. Nothing was lost; the change is kept "
            "and tried again."
        )
    if isinstance(error, LibraryReadOnlyError):
        return tr("Check the permissions of the library's file and folder. Nothing was lost.")
    if isinstance(error, DiskFullError):
        return tr("Free some space on the disk. Nothing was lost.")
    if isinstance(error, LibraryCorruptError):
        return tr(
            "Close the app and run “reader check”, then “reader recover” to restore a backup "
            "or salvage what can be read."
        )
    return ""


def describe(error: BaseException) -> str:
    """One line for a status bar: the library's own message, or the error's words."""
    if isinstance(error, ReaderError):
        return str(error)
    return tr("the library reported an error: %s") % error


def full_message(error: BaseException) -> str:
    """A title, the core's message and advice, for a dialog or a panel."""
    parts = [title(error), describe(error), advice(error)]
    return "\n".join(part for part in parts if part)
