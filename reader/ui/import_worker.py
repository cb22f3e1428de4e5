"""Imports run as a job (`reader.ui.jobs`) with a cancellable progress dialog and a summary.

The job calls `Library.import_paths` with a progress callback; returning False from the
callback cancels between files, and every file already imported stays, each in its own
transaction. The summary says what was imported, what failed and why, and — when a full
disk, a read-only or a damaged library stopped the import — why it stopped and how many
files were not tried.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from reader.store.records import ImportProgress, ImportResult, ImportSummary
from reader.ui.error_text import full_message
from reader.ui.i18n import tr
from reader.ui.jobs import JobContext, JobHandle, JobRunner
from reader.ui.source_import import kind_name

IMPORT_LANE = "import"


def _import(paths: list[Path | str], urls: list[str]):
    """Files and folders, then web addresses (each fetched once, then stored in its own
    transaction like a file)."""

    def work(context: JobContext) -> ImportSummary:
        def progress(step: ImportProgress) -> bool:
            return context.progress(step.done, step.total + len(urls), step.current_path)

        summary = context.library.import_paths(paths, progress) if paths else ImportSummary()
        done = len(summary.results)
        for url in urls:
            if summary.cancelled or summary.stopped:
                break
            if not context.progress(done, done + len(urls), url):
                summary.cancelled = True
                break
            summary.results.append(context.library.pages.import_url(url))
            done += 1
        return summary

    return work


def _paste(text: str, html: str):
    def work(context: JobContext) -> ImportSummary:
        return ImportSummary(results=[context.library.pages.import_pasted(text, html)])

    return work


class ImportController(QObject):
    """Runs one import at a time for a window; `finished(summary)` when done (an empty
    summary when the import itself failed, which was shown)."""

    finished = Signal(object)

    def __init__(self, jobs: JobRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._window = parent
        self.job: JobHandle | None = None
        self.dialog: QProgressDialog | None = None
        self.show_summary = True
        self._quiet = False  # the running job's summary is shown only when it failed

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self, paths: Sequence[Path | str], urls: Sequence[str] = ()) -> bool:
        """Import files and folders, and web addresses (fetched off the GUI thread)."""
        if self.job is not None or not (paths or urls):
            return False
        label = tr("Preparing import…") if paths else tr("Fetching %s…") % urls[0]
        # Web addresses alone open their article: a summary box only when one failed.
        return self._start(_import(list(paths), list(urls)), label, quiet=not paths)

    def start_paste(self, text: str, html: str) -> bool:
        """The clipboard's text or HTML as a new article."""
        if self.job is not None:
            return False
        return self._start(_paste(text, html), tr("Reading the clipboard…"), quiet=True)

    def _start(
        self, work: Callable[[JobContext], ImportSummary], label: str, *, quiet: bool
    ) -> bool:
        self._quiet = quiet
        job = self._jobs.start(IMPORT_LANE, work)
        dialog = progress_dialog(label, tr("Importing"), self._window)
        dialog.canceled.connect(job.cancel)
        job.progress.connect(self._progress)
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)
        job.finished.connect(self._close)
        self.job, self.dialog = job, dialog
        return True

    def stop(self) -> None:
        """The window is closing: cancel a running import and show no summary (the
        pages imported so far stay)."""
        self.show_summary = False
        if self.job is not None:
            self.job.cancel()

    def _progress(self, done: int, total: int, path: str) -> None:
        dialog = self.dialog
        if dialog is not None:
            dialog.setMaximum(total)
            dialog.setValue(done)  # a modal dialog's setValue runs events: the job may end
            if self.dialog is not dialog:
                return
            dialog.setLabelText(
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

    def _failed(self, error: BaseException) -> None:
        self._close()
        box = QMessageBox(
            QMessageBox.Icon.Critical, tr("Import failed"), full_message(error), parent=self._window
        )
        box.setObjectName("importFailed")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.finished.emit(ImportSummary())

    def _succeeded(self, summary: ImportSummary) -> None:
        self._close()
        if self.show_summary and not (self._quiet and summary.ok):
            summary_box(summary, self._window).open()
        self.finished.emit(summary)


def progress_dialog(label: str, window_title: str, parent: QWidget) -> QProgressDialog:
    """The window-modal, cancellable progress dialog every long job shows."""
    dialog = QProgressDialog(label, tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(window_title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setMinimumWidth(420)
    return dialog


def summary_text(summary: ImportSummary) -> str:
    counts: dict[str, int] = {}
    for result in summary.results:
        counts[result.status] = counts.get(result.status, 0) + 1
    parts = [
        tr("%n page(s) imported", None, counts.get("imported", 0)),
        tr("%n updated", None, counts.get("reparsed", 0)),
        tr("%n unchanged", None, counts.get("unchanged", 0)),
        tr("%n failed", None, counts.get("failed", 0)),
    ]
    if counts.get("skipped"):
        parts.append(tr("%n skipped", None, counts["skipped"]))
    text = ", ".join(parts) + "."
    if summary.stopped:
        text += " " + tr("The import stopped: %s.") % summary.stopped.rstrip(".")
        text += " " + tr("%n file(s) were not imported.", None, summary.not_attempted)
    if summary.cancelled:
        text += " " + tr("The import was cancelled; pages already imported were kept.")
    from reader.ui.article_corrections import misfits_text

    misfits = misfits_text(summary.results)
    if misfits:
        text += " " + misfits
    return text


def summary_box(summary: ImportSummary, parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("importSummary")
    box.setWindowTitle(tr("Import finished") if not summary.stopped else tr("Import stopped"))
    problem = bool(summary.failures or summary.stopped)
    box.setIcon(QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information)
    box.setText(summary_text(summary))
    if len(summary.results) == 1 and summary.failures:
        box.setInformativeText(
            f"{shown_name(summary.results[0].path)}: {summary.failures[0].reason}"
        )
    elif summary.failures:
        box.setInformativeText(tr("Some files could not be imported; see the details."))
    details = [read_as_line(result) for result in summary.results]
    if len(summary.results) > 1 or summary.skipped:
        box.setDetailedText("\n".join(line for line in details if line))
    return box


def shown_name(path: str) -> str:
    """A file by its name, a web address whole."""
    return path if "://" in path else Path(path).name


def read_as_line(result: ImportResult) -> str:
    """One line of the summary's details: what a file was read as, or why not."""
    name = shown_name(result.path)
    if result.status in ("failed", "skipped"):
        return f"{name}: {result.reason}"
    if result.kind is None:
        return ""
    count = tr("%n article(s)", None, len(result.article_ids))
    return f"{name}: {kind_name(result.kind)}, {count}"
