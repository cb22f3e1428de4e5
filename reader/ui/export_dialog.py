"""File → Export…: pick what to export (this article, a tag, a search result, everything),
a format and a file, then write it through reader.export off the GUI thread.

The destination is a plain line edit beside a Browse… button, so a path can be typed
(or set by a test) without a native file dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.export.formats import SUFFIXES, export_to_file
from reader.export.scope import ExportScope
from reader.ui.error_text import describe
from reader.ui.i18n import tr
from reader.ui.jobs import JobContext, JobHandle, JobRunner
from reader.ui.library_files import save_file_name
from reader.ui.theme import set_state

SCOPE_ARTICLE, SCOPE_TAG, SCOPE_RESULT, SCOPE_EVERYTHING = range(4)


EXPORT_LANE = "export"


# The folder of the last export, where the next one is offered.
LAST_FOLDER_KEY = "export/lastFolder"


def _export(scope: ExportScope, fmt: str, path: Path):
    def work(context: JobContext) -> str:
        return str(export_to_file(context.library, scope, fmt, path))

    return work


class ExportDialog(QDialog):
    """Emits `exportFinished(path)` after a file is written, `exportFailed(message)`
    when it could not be; the dialog stays open to show either."""

    exportFinished = Signal(str)
    exportFailed = Signal(str)

    def __init__(
        self,
        library,
        *,
        article_id: int | None = None,
        tag: str | None = None,
        highlight_ids=None,
        parent: QWidget | None = None,
        jobs: JobRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(tr("Export highlights and notes"))
        self._library = library
        self._article_id = article_id
        self._highlight_ids = tuple(highlight_ids or ())
        # The window's job runner (its close waits for the export); a private one when
        # the dialog is used on its own.
        self._jobs = jobs if jobs is not None else JobRunner(library, self)
        self._job: JobHandle | None = None

        self.scope_group = QButtonGroup(self)
        self.article_radio = self._radio(tr("This article"), "scopeArticle", SCOPE_ARTICLE)
        self.tag_radio = self._radio(tr("A tag:"), "scopeTag", SCOPE_TAG)
        self.result_radio = self._radio(self._result_label(), "scopeResult", SCOPE_RESULT)
        self.everything_radio = self._radio(
            tr("Everything in the library"), "scopeEverything", SCOPE_EVERYTHING
        )
        self.tag_combo = QComboBox()
        self.tag_combo.setObjectName("tagCombo")
        for count in library.tag_counts():
            passages = tr("%n passage(s)", None, count.highlight_count)
            label = f"{count.name} ({passages})"
            self.tag_combo.addItem(label, count.name)
        if tag is not None:
            self.tag_combo.setCurrentIndex(max(self.tag_combo.findData(tag), 0))

        self.article_radio.setEnabled(article_id is not None)
        self.tag_radio.setEnabled(self.tag_combo.count() > 0)
        self.result_radio.setEnabled(bool(self._highlight_ids))
        self.tag_combo.setEnabled(False)
        self.tag_radio.toggled.connect(self.tag_combo.setEnabled)
        self.tag_combo.activated.connect(self._tag_chosen)

        if article_id is not None:
            self.article_radio.setChecked(True)
        elif self._highlight_ids:
            self.result_radio.setChecked(True)
        elif tag is not None and self.tag_radio.isEnabled():
            self.tag_radio.setChecked(True)
        else:
            self.everything_radio.setChecked(True)

        self.format_combo = QComboBox()
        self.format_combo.setObjectName("formatCombo")
        self.format_combo.addItem(tr("Markdown (Obsidian, Logseq)"), "markdown")
        self.format_combo.addItem(tr("JSON Web Annotation archive"), "json")
        self.format_combo.addItem(tr("CSV for spreadsheets"), "csv")

        self.path_edit = QLineEdit(str(self._default_path("markdown")))
        self.path_edit.setObjectName("exportPath")
        self.browse_button = QPushButton(tr("Browse…"))
        self.browse_button.setObjectName("browseButton")
        self.browse_button.clicked.connect(self._browse)
        destination = QHBoxLayout()
        destination.addWidget(self.path_edit, 1)
        destination.addWidget(self.browse_button)

        self.format_combo.currentIndexChanged.connect(self._format_changed)

        self.status_label = QLabel()
        self.status_label.setObjectName("exportStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        scope_box = QVBoxLayout()
        scope_box.setSpacing(4)
        scope_box.addWidget(self.article_radio)
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.tag_radio)
        tag_row.addWidget(self.tag_combo, 1)
        scope_box.addLayout(tag_row)
        scope_box.addWidget(self.result_radio)
        scope_box.addWidget(self.everything_radio)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addRow(tr("Export:"), scope_box)
        form.addRow(tr("Format:"), self.format_combo)
        form.addRow(tr("Save to:"), destination)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _radio(self, text: str, name: str, scope_id: int) -> QRadioButton:
        radio = QRadioButton(text)
        radio.setObjectName(name)
        self.scope_group.addButton(radio, scope_id)
        return radio

    def _tag_chosen(self, _index: int) -> None:
        self.tag_radio.setChecked(True)

    def _result_label(self) -> str:
        count = len(self._highlight_ids)
        if count == 0:
            return tr("The search result")
        return tr("The search result (%n highlight(s))", None, count)

    # --- choices --------------------------------------------------------------------
    def selected_format(self) -> str:
        return self.format_combo.currentData()

    def selected_scope(self) -> ExportScope:
        chosen = self.scope_group.checkedId()
        if chosen == SCOPE_ARTICLE and self._article_id is not None:
            return ExportScope.article(self._article_id)
        if chosen == SCOPE_TAG and self.tag_combo.currentData() is not None:
            return ExportScope.for_tag(self.tag_combo.currentData())
        if chosen == SCOPE_RESULT:
            return ExportScope.highlights(self._highlight_ids)
        return ExportScope.everything()

    def _default_path(self, fmt: str) -> Path:
        """In the folder of the last export (remembered across sessions) while it
        exists, else in Documents."""
        folder = str(QSettings().value(LAST_FOLDER_KEY, "") or "")
        if not folder or not Path(folder).is_dir():
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            ) or str(Path.home())
        return Path(folder) / f"reader-export{SUFFIXES[fmt]}"

    def _format_changed(self) -> None:
        """Keep the file name's suffix in step with the format."""
        current = Path(self.path_edit.text().strip() or self._default_path(self.selected_format()))
        if current.suffix.lower() in SUFFIXES.values() or not current.suffix:
            current = current.with_suffix(SUFFIXES[self.selected_format()])
        self.path_edit.setText(str(current))

    def _browse(self) -> None:
        filters = {
            "markdown": tr("Markdown (*.md)"),
            "json": tr("JSON (*.json)"),
            "csv": tr("CSV (*.csv)"),
        }
        chosen = save_file_name(
            self,
            tr("Export to"),
            self._library.path,
            self.path_edit.text(),
            filters[self.selected_format()],
        )
        if chosen:
            self.path_edit.setText(chosen)

    # --- running --------------------------------------------------------------------
    def start_export(self) -> None:
        """Start writing the export; the result arrives as exportFinished/exportFailed."""
        text = self.path_edit.text().strip()
        if not text:
            self._failed(tr("Choose a file to export to."))
            return
        path = Path(text).expanduser()
        if path.is_dir():
            self._failed(tr("%s is a folder: choose a file name.") % path)
            return
        self.export_button.setEnabled(False)
        set_state(self.status_label, "busy")
        self.status_label.setText(tr("Exporting…"))
        job = self._jobs.start(
            EXPORT_LANE, _export(self.selected_scope(), self.selected_format(), path)
        )
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._job_failed)
        self._job = job

    def _succeeded(self, path: str) -> None:
        QSettings().setValue(LAST_FOLDER_KEY, str(Path(path).parent))
        self.export_button.setEnabled(True)
        set_state(self.status_label, "done")
        self.status_label.setText(tr("Exported to %s") % path)
        self.exportFinished.emit(path)

    def _job_failed(self, error: BaseException) -> None:
        self._failed(describe(error))

    def _failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        set_state(self.status_label, "failed")
        self.status_label.setText(tr("Export failed: %s") % message)
        self.exportFailed.emit(message)

    def done(self, result: int) -> None:
        """Closing waits for a running export so the file is never left half written."""
        if self._job is not None and not self._job.is_done():
            self._jobs.wait_for(self._job)
        super().done(result)
