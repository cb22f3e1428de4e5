"""Imports run on a worker thread with a cancellable progress dialog and a summary.

The worker calls `Library.import_paths` with a progress callback (peewee gives the
thread its own connection); returning False from the callback cancels between files,
and every file already imported stays, each in its own transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from reader.store.library import Library
from reader.store.records import ImportProgress, ImportSummary
from reader.ui.i18n import tr


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # ImportSummary
    failed = Signal(str)


class ImportJob(QRunnable):
    def __init__(self, library: Library, paths: Sequence[Path | str]) -> None:
        super().__init__()
        self.signals = _Signals()
        self._library = library
        self._paths = list(paths)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, progress: ImportProgress) -> bool:
        self.signals.progress.emit(progress.done, progress.total, progress.current_path)
        return not self._cancel.is_set()

    def run(self) -> None:
        try:
            summary = self._library.import_paths(self._paths, self._progress)
        except Exception as error:  # reported to the user, never lost in the thread
            self.signals.failed.emit(str(error))
            return
        finally:
            self._library.close()  # this thread's connection only
        self.signals.finished.emit(summary)


class ImportController(QObject):
    """Runs one import at a time for a window; `finished(summary)` when done."""

    finished = Signal(object)

    def __init__(self, library: Library, parent: QWidget) -> None:
        super().__init__(parent)
        self._library = library
        self._window = parent
        self.job: ImportJob | None = None
        self.dialog: QProgressDialog | None = None
        self.show_summary = True

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self, paths: Sequence[Path | str]) -> bool:
        if self.job is not None or not paths:
            return False
        job = ImportJob(self._library, paths)
        dialog = QProgressDialog(tr("Preparing import…"), tr("Cancel"), 0, 0, self._window)
        dialog.setWindowTitle(tr("Importing"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setMinimumWidth(420)
        dialog.canceled.connect(job.cancel)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        self.job, self.dialog = job, dialog
        QThreadPool.globalInstance().start(job)
        return True

    def _progress(self, done: int, total: int, path: str) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            self.dialog.setLabelText(
                tr("Importing %1 of %2\n%3")
                .replace("%1", str(done + 1))
                .replace("%2", str(total))
                .replace("%3", Path(path).name)
            )

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
        self.job, self.dialog = None, None

    def _failed(self, message: str) -> None:
        self._close()
        QMessageBox.critical(self._window, tr("Import failed"), message)
        self.finished.emit(ImportSummary())

    def _finished(self, summary: ImportSummary) -> None:
        self._close()
        if self.show_summary:
            summary_box(summary, self._window).open()
        self.finished.emit(summary)


def summary_text(summary: ImportSummary) -> str:
    counts: dict[str, int] = {}
    for result in summary.results:
        counts[result.status] = counts.get(result.status, 0) + 1
    parts = [
        tr("%d imported") % counts.get("imported", 0),
        tr("%d updated") % counts.get("reparsed", 0),
        tr("%d unchanged") % counts.get("unchanged", 0),
        tr("%d failed") % counts.get("failed", 0),
    ]
    text = ", ".join(parts) + "."
    if summary.cancelled:
        text += " " + tr("The import was cancelled; pages already imported were kept.")
    return text


def summary_box(summary: ImportSummary, parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("importSummary")
    box.setWindowTitle(tr("Import finished"))
    box.setIcon(QMessageBox.Icon.Warning if summary.failures else QMessageBox.Icon.Information)
    box.setText(summary_text(summary))
    if summary.failures:
        box.setInformativeText(tr("Some files could not be imported; see the details."))
        box.setDetailedText("\n".join(f"{Path(r.path).name}: {r.reason}" for r in summary.failures))
    return box
