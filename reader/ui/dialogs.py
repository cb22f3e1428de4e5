"""Small one-shot dialogs the File menu runs: backing up the library."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader.errors import ReaderError
from reader.export.backup import backup_database
from reader.ui.i18n import tr
from reader.ui.library_files import save_file_name


def default_backup_name(now: dt.datetime | None = None) -> str:
    """`reader-backup-YYYYmmdd-HHMM.db`, local time, so backups sort by date."""
    return f"reader-backup-{(now or dt.datetime.now()):%Y%m%d-%H%M}.db"


def backup_library(library, parent: QWidget | None) -> Path | None:
    """File → Back up…: ask where, copy the live database with SQLite's online backup
    (safe while the app keeps writing) and say how it went. Returns the backup's path,
    or None when the user cancelled or the copy failed (the error was shown)."""
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or str(Path.home())
    chosen = save_file_name(
        parent,
        tr("Back up the library"),
        library.path,
        str(Path(folder) / default_backup_name()),
        tr("SQLite database (*.db);;All files (*)"),
    )
    if not chosen:
        return None
    # One step of SQLite's backup API: a short, blocking copy; a wait cursor says so.
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        written = backup_database(library, Path(chosen))
    except ReaderError as error:
        QMessageBox.critical(parent, tr("Backup failed"), str(error))
        return None
    finally:
        QApplication.restoreOverrideCursor()
    QMessageBox.information(
        parent, tr("Backup complete"), tr("The library was backed up to\n{0}").format(written)
    )
    return written
