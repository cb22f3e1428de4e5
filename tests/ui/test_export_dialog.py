"""File → Export… and File → Back up…: each format written to a chosen path, every
scope, and a clear message instead of a traceback when the file cannot be written."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from reader.ui import dialogs
from reader.ui.export_dialog import ExportDialog
from reader.ui.jobs import JobRunner

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples"
QUOTE = "合成生物"
OTHER_QUOTE = "秋收进度过半"


@pytest.fixture
def annotated(library):
    """A sample page with two highlights in two articles, one tagged."""
    result = library.import_file(SAMPLE / "2024-10-24-wujin-daily-p1.txt")
    placed = []
    for quote, tags in ((QUOTE, ("生物 产业",)), (OTHER_QUOTE, ())):
        article_id = next(i for i in result.article_ids if quote in library.get_article(i).text)
        start, end = library.find_quote(article_id, quote)
        placed.append(
            library.add_highlight(article_id, start, end, note=f"note on {quote} 🌾", tags=tags)
        )
    return library, placed


def run_export(qtbot, dialog, path: Path) -> str:
    dialog.path_edit.setText(str(path))
    with qtbot.waitSignal(dialog.exportFinished, timeout=10000) as finished:
        dialog.export_button.click()
    return finished.args[0]


@pytest.mark.parametrize(
    ("label", "suffix"), [("markdown", ".md"), ("json", ".json"), ("csv", ".csv")]
)
def test_each_format_is_written_to_the_chosen_file(qtbot, tmp_path, annotated, label, suffix):
    library, placed = annotated
    dialog = ExportDialog(library)
    qtbot.addWidget(dialog)
    assert dialog.everything_radio.isChecked()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(label))
    assert dialog.path_edit.text().endswith(suffix)

    written = Path(run_export(qtbot, dialog, tmp_path / f"out{suffix}"))
    assert written == tmp_path / f"out{suffix}"
    assert str(written) in dialog.status_label.text()
    text = written.read_text(encoding="utf-8-sig")
    assert QUOTE in text and OTHER_QUOTE in text
    if label == "json":
        assert json.loads(text)
    if label == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) == 1 + len(placed)


def test_this_article_scope_exports_only_that_article(qtbot, tmp_path, annotated):
    library, placed = annotated
    dialog = ExportDialog(library, article_id=placed[0].article_id)
    qtbot.addWidget(dialog)
    assert dialog.article_radio.isChecked()
    text = Path(run_export(qtbot, dialog, tmp_path / "a.md")).read_text(encoding="utf-8")
    assert QUOTE in text and OTHER_QUOTE not in text


def test_tag_scope_uses_the_chosen_tag(qtbot, tmp_path, annotated):
    library, _placed = annotated
    dialog = ExportDialog(library, tag="生物 产业")
    qtbot.addWidget(dialog)
    assert dialog.tag_radio.isChecked()
    assert dialog.tag_combo.currentData() == "生物 产业"
    text = Path(run_export(qtbot, dialog, tmp_path / "t.md")).read_text(encoding="utf-8")
    assert QUOTE in text and OTHER_QUOTE not in text


def test_search_result_scope_exports_those_highlights(qtbot, tmp_path, annotated):
    library, placed = annotated
    dialog = ExportDialog(library, highlight_ids=[placed[1].id])
    qtbot.addWidget(dialog)
    assert dialog.result_radio.isChecked()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    text = Path(run_export(qtbot, dialog, tmp_path / "r.csv")).read_text(encoding="utf-8-sig")
    assert OTHER_QUOTE in text and QUOTE not in text


def test_scopes_without_a_subject_are_disabled(qtbot, library):
    dialog = ExportDialog(library)
    qtbot.addWidget(dialog)
    assert not dialog.article_radio.isEnabled()
    assert not dialog.tag_radio.isEnabled()
    assert not dialog.result_radio.isEnabled()


def test_an_unwritable_destination_gives_a_message(qtbot, tmp_path, annotated):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    dialog = ExportDialog(annotated[0])
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(blocker / "out.md"))
    with qtbot.waitSignal(dialog.exportFailed, timeout=10000):
        dialog.export_button.click()
    assert "failed" in dialog.status_label.text().lower()
    assert dialog.export_button.isEnabled()


def test_back_up_copies_the_library(qtbot, tmp_path, annotated, monkeypatch):
    library, placed = annotated
    dest = tmp_path / "copies" / dialogs.default_backup_name()
    proposed = []

    def choose(parent, caption, db_path, proposed_path, filters):
        assert db_path == library.path  # the dialog knows which files to keep away from
        proposed.append(Path(proposed_path).name)
        return str(dest)

    monkeypatch.setattr(dialogs, "save_file_name", choose)
    runner = JobRunner(library)
    job = dialogs.backup_library(library, None, runner)
    with qtbot.waitSignal(job.succeeded, timeout=10_000) as done:
        pass
    assert done.args[0] == dest
    runner.shutdown()
    assert proposed[0].startswith("reader-backup-") and proposed[0].endswith(".db")
    with sqlite3.connect(dest) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT count(*) FROM highlight").fetchone()[0] == len(placed)


def test_cancelled_back_up_does_nothing(qapp, monkeypatch, library):
    monkeypatch.setattr(dialogs, "save_file_name", lambda *a: "")
    assert dialogs.backup_library(library, None, JobRunner(library)) is None


def test_file_export_opens_the_dialog_for_this_article(qtbot, sample_library, make_window):
    from PySide6.QtWidgets import QDialogButtonBox

    from reader.ui.export_dialog import ExportDialog

    window = make_window(sample_library)
    window.actions.export.trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.selected_scope().article_id == window.current_article.id
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: window.findChild(ExportDialog) is None)  # closed and gone


def test_the_next_export_is_offered_in_the_last_exports_folder(qtbot, tmp_path, annotated):
    library, _placed = annotated
    folder = tmp_path / "vault" / "reader"
    folder.mkdir(parents=True)
    first = ExportDialog(library)
    qtbot.addWidget(first)
    assert Path(first.path_edit.text()).parent != folder
    run_export(qtbot, first, folder / "notes.md")

    again = ExportDialog(library)  # a new dialog (settings live in QSettings: next session too)
    qtbot.addWidget(again)
    assert Path(again.path_edit.text()).parent == folder
    again.format_combo.setCurrentIndex(again.format_combo.findData("csv"))
    assert Path(again.path_edit.text()) == folder / "reader-export.csv"
