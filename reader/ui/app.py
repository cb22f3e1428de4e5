"""`reader-app`: start the desktop app.

`--db PATH` opens that library; `--sample-library` opens (creating on first run) a
library of the project's sample pages in the user data directory; without flags the
default library opens, and on its first run, when it is empty, the samples are offered.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QLockFile,
    QObject,
    QSettings,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from reader import __version__
from reader.errors import LibraryCorruptError, ReaderError
from reader.resources import TRANSLATIONS_DIR, sample_pages
from reader.store import lock_keeper
from reader.store.library import Library
from reader.ui import instance_lock
from reader.ui.i18n import tr
from reader.ui.jobs import JobHandle
from reader.ui.main_window import MainWindow
from reader.ui.preferences import LANGUAGE_KEY, MB, backup_budget_mb, backup_keep
from reader.ui.startup_backup import RollingBackupThread
from reader.ui.upkeep_progress import migration_notice, run_pending_upkeep

ORGANIZATION = "reader"
APPLICATION = "Reader"
SAMPLE_DB_NAME = "sample-library.db"
HEALTH_LANE = "health"


def sample_library_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("reader")) / SAMPLE_DB_NAME


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="reader-app", description="Reader desktop app")
    parser.add_argument("--db", type=Path, help="library database to open")
    parser.add_argument(
        "--sample-library", action="store_true", help="open a library of the sample pages"
    )
    parser.add_argument("--lang", help="UI language, e.g. zh_CN or en (default: system)")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser.parse_args(argv)


def install_translations(app: QApplication, language: str | None) -> list[QTranslator]:
    """Load reader_<locale>.qm (and Qt's own strings) for the chosen or system locale."""
    locale = QLocale(language) if language else QLocale.system()
    loaded = []
    for name, directory in (
        ("reader", str(TRANSLATIONS_DIR)),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", directory):
            app.installTranslator(translator)
            loaded.append(translator)
    return loaded


def fill_with_samples_if_empty(library: Library) -> bool:
    """Import the shipped sample pages into an empty library; True when it did."""
    if library.count_articles() > 0:
        return False
    library.import_paths(sample_pages())
    return True


def open_window(args: argparse.Namespace, settings: QSettings) -> tuple[MainWindow, QLockFile]:
    """Lock and open the chosen library (filling the sample library on its first run)
    and build its window. LibraryLockedError when another window holds the library."""
    if args.sample_library:
        db_path = sample_library_path()
    elif args.db:
        db_path = Path(args.db).expanduser()
    else:
        from reader.store.paths import default_db_path

        db_path = default_db_path()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = instance_lock.acquire(db_path.resolve())
    try:
        library = open_damaged_or_not(db_path)
    except ReaderError:
        lock.unlock()
        raise
    upkeep_note = run_pending_upkeep(library)
    if upkeep_note:
        print(f"reader: {upkeep_note}", file=sys.stderr)
    first_run = not settings.value("app/firstRunDone", False, type=bool)
    if args.sample_library:
        fill_with_samples_if_empty(library)
    elif first_run and library.count_articles() == 0:
        answer = QMessageBox.question(
            None,
            APPLICATION,
            tr("Your library is empty. Import the sample newspaper pages to try Reader?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            fill_with_samples_if_empty(library)
    settings.setValue("app/firstRunDone", True)
    return MainWindow(library, settings), lock


class Quit(ReaderError):
    """The user chose to quit (e.g. rather than recover a damaged library)."""


def open_damaged_or_not(db_path: Path) -> Library:
    """Open the library; when it is damaged, offer a restore from the newest backup or
    a salvage into a new library (and open that), or quitting (`Quit`)."""
    try:
        # The check on a sample of opens waits until the window shows (`check_sample`).
        with migration_notice(db_path):
            return Library.open(db_path, check="unsampled", upkeep=False)
    except LibraryCorruptError as error:
        from reader.store.paths import open_library
        from reader.ui.recovery import offer_recovery

        chosen = offer_recovery(db_path, error)
        if chosen is None:
            raise Quit(tr("The damaged library was left as it is.")) from error
        return open_library(chosen)


def keep_library_locks(db_path: Path) -> lock_keeper.LockKeeper | None:
    """Start the companion process that holds the library's SQLite locks for as long as
    the app runs (see `reader.store.lock_keeper`); without it the app still works, but a
    stray read of the library's files could let another program delete its WAL. It
    starts while the window is built; `confirm_lock_keeper` checks it once shown."""
    try:
        return lock_keeper.launch(db_path)
    except OSError as error:
        _unguarded(error)
        return None


def confirm_lock_keeper(keeper: lock_keeper.LockKeeper | None) -> None:
    """Wait until the keeper holds the locks; say on stderr when it could not (it has
    stopped then, and stopping it again at the end is harmless)."""
    if keeper is None:
        return
    try:
        keeper.confirm(lock_keeper.START_TIMEOUT_S)
    except OSError as error:
        _unguarded(error)


def _unguarded(error: OSError) -> None:
    print(f"reader: {error}; the library is not guarded against other programs", file=sys.stderr)


def start_rolling_backup(db_path: Path, settings: QSettings) -> RollingBackupThread | None:
    """Keep the last few copies of the library within their space (Preferences; 0
    copies turns it off), taken on a thread of its own so nothing waits for the copy."""
    keep = backup_keep(settings)
    if keep <= 0:
        return None
    worker = RollingBackupThread(db_path, keep, backup_budget_mb(settings) * MB)
    worker.start()
    return worker


class StartupWork:
    """What the app starts once its window has been painted: checking the lock keeper,
    the rolling backup, and re-parsing pages an older parser cut (after the backup)."""

    def __init__(self, keeper: lock_keeper.LockKeeper | None) -> None:
        self.keeper = keeper
        self.backup: RollingBackupThread | None = None
        self.started = False

    def stop(self) -> None:
        """At quit: a running backup is asked to stop, and waited for only a moment."""
        if self.backup is not None:
            self.backup.stop()


def check_sample(window: MainWindow) -> JobHandle | None:
    """On a sample of starts, check the library for damage (SQLite's quick check) off
    the GUI thread, as opening it did before the window showed, and say what to do when
    it is damaged. A check takes seconds on a large library; after an unclean shutdown
    the library is always checked before it is used."""
    from reader.store import health

    if not health.sampled_check_due():
        return None
    job = window.jobs.start(HEALTH_LANE, lambda _: health.quick_check_problem(window.library.path))

    job.succeeded.connect(DamageWarning(window).report)
    return job


class DamageWarning(QObject):
    """Says over the window what the sampled check found: a QObject's bound method, as a
    job handle's receivers must be (see `JobHandle`)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def report(self, damage: object) -> None:
        if isinstance(damage, LibraryCorruptError):
            from reader.ui.error_text import full_message

            QMessageBox.warning(self._window, APPLICATION, full_message(damage))


def show_window(window: MainWindow, keeper: lock_keeper.LockKeeper | None) -> StartupWork:
    """Show the window, and start everything that is not needed to show it (or that
    depends on the library's size) once it has been painted (`FirstPaint`: work queued
    by a 0-ms timer would run before the window is drawn)."""
    work = StartupWork(keeper)
    window.show()

    def after_first_paint() -> None:
        confirm_lock_keeper(keeper)
        check_sample(window)
        work.backup = start_rolling_backup(window.library.path, window.settings)
        window.reparse_outdated(after=work.backup)
        work.started = True

    window.first_paint.painted.connect(after_first_paint)
    return work


def close_on_termination(app: QApplication) -> QTimer:
    """SIGTERM (log-out, shutdown, `kill`) and Ctrl+C close the windows the normal way,
    so a note still being typed is saved and the window's state kept. Python handles a
    signal only when it next runs, so a timer lets it run a few times a second."""
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: app.closeAllWindows())
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(250)
    return wake


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    settings = QSettings()
    install_translations(app, args.lang or settings.value(LANGUAGE_KEY) or None)
    try:
        window, lock = open_window(args, settings)
    except Quit:
        return 2
    except ReaderError as error:
        QMessageBox.critical(None, APPLICATION, str(error))
        return 2
    keeper = keep_library_locks(window.library.path)
    work = show_window(window, keeper)
    close_on_termination(app)
    code = app.exec()
    work.stop()
    window.library.close()
    if keeper is not None:
        keeper.stop()  # after the app's own connection: the keeper is the last to close
    lock.unlock()
    return code


if __name__ == "__main__":
    sys.exit(main())
