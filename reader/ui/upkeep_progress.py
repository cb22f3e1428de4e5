"""Work on a library from an older version, shown while it runs: the migration at
open (a notice) and the one-time shrink of a library written before schema 9 (progress).

Opening such a library leaves its shrink pending (`Library.upkeep`): a ten-year library
takes a minute or two, so the app shows how far it is and lets the user stop it; what
is done stays done, and the rest continues at the next start.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from reader.store.library import Library
from reader.store.migrations import LATEST_VERSION
from reader.ui.i18n import tr


def run_pending_upkeep(library: Library) -> str:
    """Shrink the library now when a migration left that to do, showing progress;
    returns why it is not all done ("" when it is or there was nothing to do)."""
    if not library.upkeep_pending():
        return ""
    dialog = QProgressDialog(
        tr("Making the library smaller (once, after an update)…"), tr("Later"), 0, 0
    )
    dialog.setObjectName("upkeepProgress")
    dialog.setWindowTitle(tr("Reader"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    QApplication.processEvents()

    def progress(done: int, total: int) -> bool:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        QApplication.processEvents()
        return not dialog.wasCanceled()

    try:
        return library.upkeep(progress)
    finally:
        dialog.close()
        dialog.deleteLater()


#: Below this size a migration takes a moment and needs no notice.
NOTICE_BYTES = 64 * 1024 * 1024


def schema_version(path: Path) -> int | None:
    """The library's schema version, read through SQLite without changing anything;
    None for a new or unreadable file (opening it reports what is wrong)."""
    if not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error:
        return None


@contextmanager
def migration_notice(path: Path) -> Iterator[None]:
    """Say that the library is being brought up to this version while it is: on a
    large library a migration (e.g. rebuilding the search index) takes minutes, and
    a start with no window at all would look like a hang."""
    version = schema_version(path)
    if version is None or version >= LATEST_VERSION or path.stat().st_size < NOTICE_BYTES:
        yield
        return
    dialog = QProgressDialog(
        tr(
            "Updating the library for this version of Reader (once). "
            "A large library takes a few minutes…"
        ),
        "",
        0,
        0,
    )
    dialog.setObjectName("migrationNotice")
    dialog.setWindowTitle(tr("Reader"))
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.show()
    for _ in range(3):  # painted before the work blocks the event loop
        QApplication.processEvents()
    try:
        yield
    finally:
        dialog.close()
        dialog.deleteLater()
