"""Issue 12 item 1, defence in depth: nothing in the window opens the library's own
files. A drop of them is refused (recognised by stat identity, symlinks too) before
anything reads them, and the import dialogs neither list them nor sniff any file's
content to pick an icon."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QListView,
    QMessageBox,
)

from reader.resources import sample_pages
from reader.ui.library_files import ImportDialog, LibrarySafeFileDialog, NameOnlyIconProvider


def drop(window, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def test_dropping_the_librarys_own_files_is_refused_before_they_are_opened(
    qtbot, library, make_window, tmp_path: Path, monkeypatch
):
    window = make_window(library)
    db = library.path
    alias = tmp_path / "alias.txt"
    alias.symlink_to(db)
    page = sample_pages()[0]
    started: list[list[Path]] = []
    monkeypatch.setattr(window.importer, "start", lambda paths: started.append(paths) or True)

    drop(window, [db, Path(f"{db}-wal"), Path(f"{db}-shm"), alias, page])

    assert started == [[page]]
    assert "cannot be imported" in window.statusBar().currentMessage()
    box = window.findChild(QMessageBox, "refusedImportMessage")
    assert box is not None and box.isVisible() and db.name in box.text()
    box.close()


def listed_names(dialog: QFileDialog) -> set[str]:
    view = dialog.findChild(QListView, "listView")
    model, root = view.model(), view.rootIndex()
    return {model.index(row, 0, root).data() for row in range(model.rowCount(root))}


def save_dialog(parent, db_path: Path) -> LibrarySafeFileDialog:
    dialog = LibrarySafeFileDialog(parent, "Export to", db_path)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return dialog


@pytest.mark.parametrize(
    "make_dialog",
    [lambda parent, db: ImportDialog(parent, db, folder=False), save_dialog],
    ids=["import", "export-or-backup"],
)
def test_file_dialogs_hide_the_library_and_never_sniff_file_types(
    qtbot, library, make_window, make_dialog
):
    window = make_window(library)
    folder = library.path.parent
    (folder / "page.txt").write_text("一版\n\n标题\n\n正文。", encoding="utf-8")
    assert {p.name for p in folder.iterdir()} >= {"library.db", "page.txt"}
    dialog = make_dialog(window, library.path)
    qtbot.addWidget(dialog)
    dialog.setNameFilter("*")
    dialog.setDirectory(str(folder))
    dialog.open()
    qtbot.waitUntil(lambda: "page.txt" in listed_names(dialog), timeout=5000)
    names = listed_names(dialog)
    assert not any(name.startswith("library.db") for name in names), names
    model = dialog.findChild(QFileSystemModel)
    assert isinstance(model.iconProvider(), NameOnlyIconProvider)
    assert os.path.exists(library.path)
    dialog.reject()
    QApplication.processEvents()
