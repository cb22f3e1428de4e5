"""The one-time shrink of a library written before schema 9, with progress.

Opening such a library leaves its shrink pending (`Library.upkeep`): a ten-year library
takes a minute or two, so the app shows how far it is and lets the user stop it; what
is done stays done, and the rest continues at the next start.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from reader.store.library import Library
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
