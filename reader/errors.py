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


class LibraryError(ReaderError):
    """The library file or its disk refused an operation: the environment's fault, not
    the input's. Nothing was changed by the operation that failed (its transaction was
    rolled back), so it can be tried again once the cause is gone."""


class LibraryLockedError(LibraryError):
    """The database is busy or locked by another program for longer than we wait."""


class LibraryReadOnlyError(LibraryError):
    """The library file, its folder or its disk cannot be written."""


class DiskFullError(LibraryError):
    """The disk (or the library's size limit) is full."""


class LibraryCorruptError(LibraryError):
    """The library file is damaged or is not a database; `reader check` and
    `reader recover` say and do more."""


class LibraryIOError(LibraryError):
    """The operating system could not read or write the library file."""


class NotALibraryError(ReaderError):
    """The file given as the library is another program's database (or no database):
    it is left untouched."""
