"""The File and Tools menus' long jobs: backing up and re-parsing the library.

Both run as jobs (`reader.ui.jobs`): the window stays responsive, closing it waits for
them, and an error is shown by kind. The functions return the job's handle (or None when
the user cancelled before anything started) so the window and tests can follow it.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from reader.export.backup import backup_database
from reader.store.anchoring import ORPHANED, POSITION
from reader.store.records import ImportProgress, ImportResult
from reader.ui.error_text import full_message
from reader.ui.i18n import tr
from reader.ui.import_worker import progress_dialog
from reader.ui.jobs import JobContext, JobHandle, JobRunner
from reader.ui.library_files import save_file_name

BACKUP_LANE = "backup"
REPARSE_LANE = "reparse"


def default_backup_name(now: dt.datetime | None = None) -> str:
    """`reader-backup-YYYYmmdd-HHMM.db`, local time, so backups sort by date."""
    return f"reader-backup-{(now or dt.datetime.now()):%Y%m%d-%H%M}.db"


class _JobOutcome(QObject):
    """Shows how a job ended, in a message box over the window (and its progress in a
    progress dialog when given one); deletes itself afterwards."""

    def __init__(
        self,
        job: JobHandle,
        parent: QWidget | None,
        titles: tuple[str, str],
        success_text: Callable[[Any, JobHandle], str],
        progress: QProgressDialog | None = None,
    ) -> None:
        super().__init__(parent)
        self._job, self._window, self._titles = job, parent, titles
        self._success_text, self._progress = success_text, progress
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)
        job.finished.connect(self._finished)
        if progress is not None:
            progress.canceled.connect(job.cancel)
            job.progress.connect(self._progressed)

    def _progressed(self, done: int, total: int, path: str) -> None:
        if self._progress is not None:
            self._progress.setMaximum(total)
            self._progress.setValue(done)
            self._progress.setLabelText(f"{done + 1}/{total}\n{Path(path).name}")

    def _succeeded(self, value: Any) -> None:
        text = self._success_text(value, self._job)
        self._show(QMessageBox.Icon.Information, self._titles[0], text)

    def _failed(self, error: BaseException) -> None:
        self._show(QMessageBox.Icon.Critical, self._titles[1], full_message(error))

    def _show(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, parent=self._window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("jobResult")
        box.open()

    def _finished(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
        self.deleteLater()


# --- backup ---------------------------------------------------------------------------
def backup_library(library, parent: QWidget | None, jobs: JobRunner) -> JobHandle | None:
    """File → Back up…: ask where, then copy the live database with SQLite's online
    backup (safe while the app keeps writing) as a job, and say how it went. The job's
    value is the backup's path; None when the user cancelled."""
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
    target = Path(chosen)
    job = jobs.start(BACKUP_LANE, lambda context: backup_database(context.library, target))
    _JobOutcome(
        job,
        parent,
        (tr("Backup complete"), tr("Backup failed")),
        lambda written, _job: tr("The library was backed up to\n%s") % written,
    )
    return job


# --- re-parse -------------------------------------------------------------------------
def _reparse(
    context: JobContext, *, outdated_only: bool = False, after: threading.Thread | None = None
) -> list[ImportResult]:
    def progress(step: ImportProgress) -> bool:
        return context.progress(step.done, step.total, step.current_path)

    if after is not None:
        after.join()  # the start-up backup keeps the pages as they were cut before
    return context.library.reparse_all(progress=progress, outdated_only=outdated_only)


def reparse_summary(results: Sequence[ImportResult], *, cancelled: bool = False) -> str:
    """How many pages and articles a re-parse changed, how many highlights it moved
    and how many it could not find again (orphans, which keep their quote)."""
    changed = [r for r in results if r.status == "reparsed"]
    outcomes = [o for r in changed for o in r.reanchored]
    moved = sum(1 for o in outcomes if o.method not in (POSITION, ORPHANED))
    orphaned = sum(1 for o in outcomes if o.method == ORPHANED)
    lines = [
        tr("%n page(s) re-parsed", None, len(results))
        + ", "
        + tr("%n changed", None, len(changed)),
        tr("%n article(s) on the changed pages", None, sum(len(r.article_ids) for r in changed)),
        tr("%n highlight(s) moved to follow their text", None, moved),
        tr(
            "%n highlight(s) could not be found again (kept as orphans with their quote)",
            None,
            orphaned,
        ),
    ]
    from reader.ui.article_corrections import misfits_text

    misfits = misfits_text(results)
    if misfits:
        lines.append(misfits)
    if cancelled:
        lines.append(tr("The re-parse was cancelled; pages already re-parsed were kept."))
    return "\n".join(lines)


def reparse_library(
    parent: QWidget,
    jobs: JobRunner,
    *,
    outdated_only: bool = False,
    after: threading.Thread | None = None,
) -> JobHandle:
    """Tools → Re-parse all pages…: parse every stored page again (after a parser
    improvement) with progress and Cancel, then say what changed. `outdated_only`:
    just the pages an older parser cut, as the app does by itself after an upgrade
    (once `after`, the start-up backup, is done)."""
    job = jobs.start(
        REPARSE_LANE, functools.partial(_reparse, outdated_only=outdated_only, after=after)
    )
    label = (
        tr("Updating pages to this version's parser…")
        if outdated_only
        else tr("Re-parsing every page…")
    )
    _JobOutcome(
        job,
        parent,
        (tr("Re-parse finished"), tr("Re-parse failed")),
        lambda results, handle: reparse_summary(results, cancelled=handle.is_cancelled()),
        progress_dialog(label, tr("Re-parsing"), parent),
    )
    return job
