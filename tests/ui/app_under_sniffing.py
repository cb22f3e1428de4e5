"""Runs the real `reader-app` entry point (offscreen) and, once its window shows, does
what a file dialog does to every file of the library's folder: a content sniff with
QMimeDatabase, which opens and closes each file with ordinary file I/O.

Then it takes commands on stdin, one a line: `highlight` adds a highlight through the
window (the user's path) and prints its id. Used by test_wal_guard.py."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QMimeDatabase, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

from reader.ui import app as app_module
from reader.ui.main_window import MainWindow


def sniff_folder(folder: Path) -> list[str]:
    database = QMimeDatabase()
    return [
        database.mimeTypeForFile(str(path), QMimeDatabase.MatchMode.MatchContent).name()
        for path in sorted(folder.iterdir())
        if path.is_file()
    ]


def window() -> MainWindow:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))


def answer(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def run(db: Path) -> int:
    app = QApplication(sys.argv[:1])

    def started() -> None:
        sniffed = sniff_folder(db.parent)
        answer(f"sniffed {len(sniffed)}")

    def command() -> None:
        line = sys.stdin.readline().strip()
        if line == "highlight":
            main = window()
            main.reading_pane.select_span(0, 4)
            record = main.apply_highlight("blue")
            answer(f"highlight {record.id if record else 'failed'}")

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, app)
    notifier.activated.connect(command)
    QTimer.singleShot(0, started)
    return app_module.main(["--db", str(db)])


if __name__ == "__main__":
    sys.exit(run(Path(sys.argv[1])))
