"""Errors a person can act on. Their message is shown as is (CLI stderr, a dialog), so
it says what went wrong and what to do, never a traceback."""


class ReaderError(Exception):
    """Base of every error caused by input or user action rather than by a bug."""


class InputFileError(ReaderError):
    """A file cannot be imported: binary, empty, undecodable, too large, unreadable."""


class NotFoundError(ReaderError):
    """An article, highlight or tag asked for does not exist."""


class QuoteNotFoundError(ReaderError):
    """`highlight --quote` text does not occur (that often) in the article."""


class LibraryLockedError(ReaderError):
    """The database is busy or locked by another program for longer than we wait."""
