"""Issue 12 item 10 in the app: a library found damaged when the app starts is explained,
and the user restores the newest backup, salvages into a new library or quits — the
damaged file is never written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.export.backup import default_backup_dir, rolling_backup
from reader.resources import sample_pages
from reader.store.library import Library
from reader.ui import app as app_module
from reader.ui.recovery import DamagedLibraryDialog
from tests.faults.damage import digest, overwrite_page, root_page


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A library of the sample pages with a rolling backup, then a tag added after the
    backup, then one page of the article index overwritten like a failing disk would."""
    path = tmp_path / "library.db"
    library = Library.open(path)
    library.import_paths(sample_pages())
    library.close()
    rolling_backup(path, default_backup_dir(path))
    library = Library.open(path)
    library.tag_article(library.list_articles()[0].id, "备份之后")
    library.close()
    overwrite_page(path, root_page(path, "article_fts_data"))
    return path


def answer_with(choice: str) -> list[str]:
    """Click `choice` ("restore", "salvage", "quit") in the damaged-library dialog and OK
    in the message that follows; returns the texts the user was shown."""
    shown: list[str] = []

    def click() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, DamagedLibraryDialog):
            shown.append(modal.text())
            getattr(modal, f"{choice}_button").click()
        elif isinstance(modal, QMessageBox):
            shown.append(modal.text())
            modal.accept()
        else:
            return
        if choice == "quit" or len(shown) >= 2:
            timer.stop()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(click)
    timer.start()
    answer_with.timer = timer  # kept alive while the dialogs run
    return shown


def open_app(damaged: Path, settings):
    settings.setValue("app/firstRunDone", True)
    return app_module.open_window(app_module.parse_args(["--db", str(damaged)]), settings)


def test_restoring_the_newest_backup_opens_it_and_keeps_the_damaged_file(qtbot, damaged, settings):
    before = digest(damaged)
    shown = answer_with("restore")
    window, lock = open_app(damaged, settings)
    qtbot.addWidget(window)
    assert "damaged" in shown[0] and "restored from the backup" in shown[1]
    assert window.library.count_articles() > 0
    kept = next(damaged.parent.glob("library.db.damaged-*"))
    assert digest(kept) == before  # the damaged file itself was never written
    window.close()
    window.library.close()
    lock.unlock()


def test_salvaging_opens_a_new_library_and_leaves_the_damaged_file_alone(qtbot, damaged, settings):
    before = digest(damaged)
    shown = answer_with("salvage")
    window, lock = open_app(damaged, settings)
    qtbot.addWidget(window)
    assert "copied what could be read" in shown[1]
    assert window.library.path != damaged.resolve() and "salvaged" in window.library.path.name
    assert window.library.count_articles() > 0
    assert digest(damaged) == before
    window.close()
    window.library.close()
    lock.unlock()


def test_quitting_leaves_the_damaged_library_as_it_was(qapp, damaged, settings):
    before = digest(damaged)
    answer_with("quit")
    with pytest.raises(app_module.Quit):
        open_app(damaged, settings)
    assert digest(damaged) == before
    assert app_module.instance_lock.acquire(damaged.resolve()).unlock() is None  # released
