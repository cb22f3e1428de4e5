"""Issue 12 item 1: the running app keeps its write-ahead log whatever touches the
library's files inside its process.

A real app process (the `reader-app` entry point, offscreen) sniffs the file type of every
file in the library's folder, as a file dialog does; that drops every POSIX lock SQLite
held in that process. Then `reader --db … list` opens and closes the library. Before the
fix that second process believed it was the last connection and deleted the WAL under
the running app: /proc/<app>/fd showed `library.db-wal (deleted)`, and highlights made
afterwards vanished with the app."""

from __future__ import annotations

import os
import select
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from reader.resources import sample_pages
from reader.store.library import Library

DRIVER = Path(__file__).with_name("app_under_sniffing.py")
TIMEOUT_S = 60


def deleted_library_files(pid: int, db: Path) -> list[str]:
    fd_dir = Path(f"/proc/{pid}/fd")
    targets = []
    for fd in fd_dir.iterdir():
        try:
            targets.append(os.readlink(fd))
        except OSError:
            continue
    return [t for t in targets if t.startswith(str(db)) and t.endswith("(deleted)")]


def child_pids(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children]


def wait_for_exit(pid: int) -> None:
    """Block until `pid` has ended (a pidfd turns readable then), at most TIMEOUT_S."""
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        return
    try:
        readable, _, _ = select.select([handle], [], [], TIMEOUT_S)
        assert readable, f"process {pid} outlived the app"
    finally:
        os.close(handle)


def read_line(process: subprocess.Popen) -> str:
    line = process.stdout.readline()
    assert line, f"the app exited: {process.stderr.read() if process.poll() is not None else ''}"
    return line.strip()


@pytest.fixture
def app_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    return env


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux /proc")
def test_app_keeps_its_wal_when_its_folder_is_sniffed_and_the_cli_closes(
    tmp_path: Path, app_env: dict[str, str]
):
    db = tmp_path / "lib" / "library.db"
    library = Library.open(db)
    library.import_paths(sample_pages()[:2])
    library.close()

    app = subprocess.Popen(
        [sys.executable, str(DRIVER), str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=app_env,
    )
    try:
        assert read_line(app).startswith("sniffed ")
        listed = subprocess.run(
            [sys.executable, "-m", "reader", "--db", str(db), "list"],
            capture_output=True,
            text=True,
            env=app_env,
            timeout=TIMEOUT_S,
        )
        assert listed.returncode == 0, listed.stderr

        assert deleted_library_files(app.pid, db) == []
        app.stdin.write("highlight\n")
        app.stdin.flush()
        answer = read_line(app)
        assert answer.startswith("highlight ") and not answer.endswith("failed")
        highlight_id = int(answer.split()[1])

        def highlight_seen() -> bool:
            with closing(sqlite3.connect(db)) as other:
                row = other.execute(
                    "SELECT color FROM highlight WHERE id = ?", (highlight_id,)
                ).fetchone()
            return row == ("blue",)

        assert highlight_seen(), "another process does not see the app's highlight"
        helpers = child_pids(app.pid)
        assert helpers, "the app runs no lock keeper"
        app.send_signal(signal.SIGKILL)
        app.wait(TIMEOUT_S)
        for pid in helpers:  # the keeper goes with the app: nothing is left holding locks
            wait_for_exit(pid)
        assert highlight_seen(), "the highlight was lost with the app"
        with closing(sqlite3.connect(db)) as other:
            assert other.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        if app.poll() is None:
            app.kill()
        app.wait(TIMEOUT_S)
        app.stdout.close()
        app.stderr.close()
        app.stdin.close()
