"""The app shrinks a library from before schema 9 at start with a progress dialog the
user can stop; the rest is done at a later start and nothing is lost either way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from reader.store import shrink
from reader.store.library import Library
from reader.ui import upkeep_progress
from reader.ui.upkeep_progress import run_pending_upkeep
from tests.store.test_shrink import build_old_library, stored_forms, visible_state


def test_the_shrink_shows_progress_and_finishes(qtbot, tmp_path: Path) -> None:
    path, seen = build_old_library(tmp_path)
    library = Library.open(path, upkeep=False)
    shown: list[int] = []

    def watch() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QProgressDialog):
            shown.append(dialog.value())

    timer = QTimer()
    timer.timeout.connect(watch)
    timer.start(0)
    assert run_pending_upkeep(library) == ""
    timer.stop()
    assert shown, "no progress dialog was shown"
    assert not library.upkeep_pending()
    assert visible_state(library) == seen
    library.close()
    assert stored_forms(path) == (0, 0)


def test_stopping_the_shrink_keeps_everything_and_finishes_later(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(shrink, "BATCH_PAGES", 2)
    path, seen = build_old_library(tmp_path)
    library = Library.open(path, upkeep=False)

    def press_later() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QProgressDialog):
            dialog.cancel()

    timer = QTimer()
    timer.timeout.connect(press_later)
    timer.start(0)
    note = run_pending_upkeep(library)
    timer.stop()
    assert "in part" in note
    assert library.upkeep_pending()
    assert visible_state(library) == seen
    assert run_pending_upkeep(library) == ""
    assert visible_state(library) == seen
    library.close()


def test_a_large_library_from_an_older_version_says_it_is_being_updated(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    path, seen = build_old_library(tmp_path)
    monkeypatch.setattr(upkeep_progress, "NOTICE_BYTES", 0)  # the test library is small
    notices: list[str] = []
    with upkeep_progress.migration_notice(path):
        dialog = QApplication.activeModalWidget() or next(
            w for w in QApplication.topLevelWidgets() if w.objectName() == "migrationNotice"
        )
        notices.append(dialog.labelText())
        library = Library.open(path, upkeep=False)
    assert notices and "Updating the library" in notices[0]
    assert visible_state(library) == seen
    library.close()
    with upkeep_progress.migration_notice(path):  # up to date now: nothing to say
        assert not [
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "migrationNotice" and w.isVisible()
        ]
