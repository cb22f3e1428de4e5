"""What `reader-app` does around the window: rolling backups on start."""

from __future__ import annotations

from reader.export.backup import default_backup_dir, rolling_backups
from reader.resources import sample_pages
from reader.ui.app import start_rolling_backup


def test_start_keeps_a_rolling_backup_of_the_library(library, settings):
    library.import_file(sample_pages()[0])
    worker = start_rolling_backup(library.path, settings)
    assert worker is not None
    worker.join(timeout=30)
    backups = rolling_backups(default_backup_dir(library.path))
    assert len(backups) == 1 and backups[0].stat().st_size > 0


def test_rolling_backup_can_be_turned_off(library, settings):
    settings.setValue("backup/keep", 0)
    assert start_rolling_backup(library.path, settings) is None
    assert not rolling_backups(default_backup_dir(library.path))


def test_the_window_is_shown_before_the_backup_starts(qtbot, library, settings, monkeypatch):
    from reader.export import backup
    from reader.ui.app import show_window
    from reader.ui.main_window import MainWindow

    library.import_file(sample_pages()[0])
    seen = []
    real = backup.rolling_backup

    def recorded(*args, **kwargs):
        seen.append(window.isVisible())
        return real(*args, **kwargs)

    monkeypatch.setattr(backup, "rolling_backup", recorded)
    window = MainWindow(library, settings)
    qtbot.addWidget(window)

    work = show_window(window, None)

    assert window.isVisible() and work.backup is None  # nothing started yet
    assert not rolling_backups(default_backup_dir(library.path))
    qtbot.waitUntil(lambda: work.started)
    work.backup.join(timeout=30)
    assert seen == [True]
    assert len(rolling_backups(default_backup_dir(library.path))) == 1


def test_the_work_after_start_waits_until_the_window_is_drawn(
    qtbot, library, settings, monkeypatch
):
    """Work queued by a 0-ms timer after `show()` ran before the window system's expose
    event, so before anything was on screen (60 ms at 10,000 articles): the tag counts,
    the lock keeper's confirmation and the outdated-pages check wait for the first paint."""
    from PySide6.QtCore import QEvent, QObject

    from reader.ui import app as app_module
    from reader.ui.main_window import MainWindow

    library.import_file(sample_pages()[0])
    painted: list[bool] = []
    drawn_when: dict[str, bool] = {}

    def recording(name, real):
        def call(*args, **kwargs):
            drawn_when.setdefault(name, bool(painted))
            return real(*args, **kwargs)

        return call

    library.tag_counts = recording("tag counts", library.tag_counts)
    library.count_outdated_pages = recording("outdated pages", library.count_outdated_pages)
    monkeypatch.setattr(
        app_module, "confirm_lock_keeper", recording("lock keeper", app_module.confirm_lock_keeper)
    )

    class PaintSpy(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    spy = PaintSpy(window)
    window.installEventFilter(spy)
    work = app_module.show_window(window, None)
    qtbot.waitUntil(lambda: work.started)
    assert drawn_when == {"tag counts": True, "lock keeper": True, "outdated pages": True}


def test_quitting_does_not_wait_for_a_running_backup(library, settings, monkeypatch):
    import threading
    import time

    from reader.export import backup
    from reader.ui.startup_backup import QUIT_WAIT_SECONDS

    library.import_file(sample_pages()[0])
    compressing = threading.Event()

    def endless_compression(copy, dest, state, stop):
        """A library so large that compressing it would take minutes."""
        dest.write_bytes(b"half a copy")
        compressing.set()
        while not stop():
            compressing.wait(0.01)
        raise backup.BackupStopped("stopped")

    monkeypatch.setattr(backup, "compress_copy", endless_compression)
    worker = start_rolling_backup(library.path, settings)
    assert compressing.wait(30)

    began = time.monotonic()
    assert worker.stop()
    assert time.monotonic() - began < QUIT_WAIT_SECONDS
    folder = default_backup_dir(library.path)
    assert list(folder.iterdir()) == []  # no backup, and no half of one


def test_the_tag_lists_are_filled_after_the_window_is_shown(qtbot, library, settings):
    """Counting every tag's highlights grows with the library: not before the first paint."""
    from reader.ui.main_window import MainWindow

    library.import_file(sample_pages()[0])
    article = library.list_articles()[0]
    library.tag_article(article.id, "改革")
    library.tag_article(article.id, "民生")
    calls = []
    real = library.tag_counts

    def counted():
        calls.append(window.isVisible())
        return real()

    library.tag_counts = counted
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    assert calls == []  # built without them

    window.show()
    qtbot.waitUntil(lambda: len(calls) == 2)  # the sidebar's list and the list's filter
    assert all(calls)
    assert set(window.sidebar.tag_names()) == {"民生", "改革"}
    assert window.article_list.tag_combo.count() == 3  # "All tags" and the two
    assert "2 tags" in window.status_counts.text()


def test_a_sampled_check_of_a_large_library_waits_until_the_window_shows(
    qtbot, tmp_path, settings, monkeypatch
):
    """A quick check takes seconds on a large library: the one on a sample of starts runs
    off the GUI thread once the window is shown, and still says when it finds damage."""
    from reader.store import health
    from reader.store.library import Library
    from reader.ui import app as app_module
    from reader.ui.main_window import MainWindow
    from tests.faults.damage import overwrite_page, root_page

    monkeypatch.setattr(health, "ALWAYS_CHECK_BYTES", 0)  # as if it were large
    monkeypatch.setattr(health, "sampled_check_due", lambda: True)  # and this start sampled
    path = tmp_path / "large.db"
    built = Library.open(path)
    built.import_paths(sample_pages())
    built.close()
    overwrite_page(path, root_page(path, "article_fts_data"))  # damage only a check sees
    warnings = []
    monkeypatch.setattr(
        app_module.QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text)
    )
    settings.setValue("backup/keep", 0)

    library = app_module.open_damaged_or_not(path)  # opens: no check before the window
    try:
        window = MainWindow(library, settings)
        qtbot.addWidget(window)
        app_module.show_window(window, None)
        assert warnings == []
        qtbot.waitUntil(lambda: warnings != [], timeout=20_000)
        assert "damaged" in warnings[0] and "reader recover" in warnings[0]
        window.jobs.shutdown()
    finally:
        library.close()


#: Modules a start must not load before the window shows: each is used only when the
#: user asks for what it does (search, export, import, a page view, a dialog), and each
#: costs start-up time (issue 15: start within twice a bare window's).
LOADED_ON_DEMAND = (
    "reader.ui.search_panel",  # built when the search box is first used
    "reader.search.engine",
    "reader.search.query",
    "reader.export",
    "reader.ui.export_dialog",
    "reader.ui.find_bar",
    "reader.ui.page_view",
    "reader.ui.library_files",
    "reader.ui.dialogs",
    "reader.ui.recovery",
    "reader.store.importer",
    "reader.store.domains.pages",
    "reader.store.operations.highlights",  # each domain's operations when first used
    "reader.store.operations.tags",
    "reader.parse.page",
    "reader.sources",
    "platformdirs",
    "rapidfuzz",
    "trafilatura",
    "pypdfium2",
)

START_AND_LIST_MODULES = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
def shown():  # the first idle moment after the window is drawn, as the benchmarks measure
    [window] = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"]
    print(json.dumps({"modules": sorted(sys.modules), "shown": window.isVisible()}))
    app.exit(0)
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, shown)
        return False
first_paint = FirstPaint()
def watch_window():  # the loop's first turn after show(): nothing is drawn yet
    [window] = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    window.installEventFilter(first_paint)
QTimer.singleShot(0, watch_window)
from reader.ui.app import main
main(["--db", sys.argv[1]])
"""


def test_the_window_shows_without_loading_what_only_a_command_needs(tmp_path):
    """A start imports only what showing the window needs: search, export, import and
    the dialogs load when first used (each lazily built part has its own tests)."""
    import json
    import os
    import subprocess
    import sys

    from reader.store.library import Library

    db = tmp_path / "library.db"
    built = Library.open(db)
    built.import_paths(sample_pages())
    built.close()
    config = tmp_path / "config" / "reader"
    config.mkdir(parents=True)
    (config / "Reader.conf").write_text(
        "[app]\nfirstRunDone=true\n[backup]\nkeep=0\n", encoding="utf-8"
    )
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", START_AND_LIST_MODULES, str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    shown = json.loads(out.stdout.strip().splitlines()[-1])
    assert shown["shown"]  # the real window
    loaded = set(shown["modules"])
    assert "reader.ui.main_window" in loaded
    assert [name for name in LOADED_ON_DEMAND if name in loaded] == []
