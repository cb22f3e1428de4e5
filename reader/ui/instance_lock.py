"""One window per library: a QLockFile beside the database.

A second Reader on the same library could interleave undo histories and confuse a
person, so it refuses with a clear message instead (the database itself stays safe
either way: SQLite serialises writers). A lock left by a crashed process is stale and
taken over.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from reader.errors import LibraryLockedError
from reader.ui.i18n import tr


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def acquire(db_path: Path) -> QLockFile:
    """Hold the library's lock (keep the object alive), or LibraryLockedError."""
    lock = QLockFile(str(lock_path(db_path)))
    lock.setStaleLockTime(0)  # only a dead owner makes it stale
    if lock.tryLock(100):
        return lock
    info = lock.getLockInfo()  # PySide6: (pid, hostname, appname)
    pid = info[0] if isinstance(info, tuple) and info and isinstance(info[0], int) else 0
    message = tr("This library is already open in another Reader window (pid %1).").replace(
        "%1", str(pid) if pid > 0 else "?"
    )
    raise LibraryLockedError(message)
