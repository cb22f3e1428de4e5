"""A tiny companion process that keeps the library's SQLite locks while the app runs.

POSIX advisory locks belong to a process, not to a file descriptor: when anything in
the app's process opens and closes the database file or its `-shm` outside SQLite (a
file dialog sniffing file types, a drop of the library's own file), every SQLite lock of
that process is silently gone. The next process that closes the library (`reader list`)
then believes it is the last connection, checkpoints and deletes the `-wal`/`-shm` files
the app is still writing into, and the app's later notes are lost on a crash.

The keeper opens the library through SQLite only and reads once. In WAL mode a
connection holds its SHARED lock on the database file and its lock on the `-shm`
"dead-man switch" until it closes, so while the keeper lives no other process can take
the exclusive lock that deleting the WAL needs. It never opens another file, so nothing
can drop its locks. It waits on its stdin and exits when that pipe closes: when the app
stops it, exits or is killed (the kernel closes the app's end of the pipe).

Run as `python -m reader.store.lock_keeper DB`; it prints one line (`ready` or
`failed: …`) once it holds the locks, so the app knows when it is protected.
"""

from __future__ import annotations

import selectors
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

READY = "ready"
#: How long the app waits for the keeper's first line before going on without it.
START_TIMEOUT_S = 10.0


def hold_locks(db_path: Path) -> sqlite3.Connection:
    """Open the existing library read-write (never creating a file) and run one read,
    which leaves the connection holding its WAL-mode locks until it is closed."""
    uri = db_path.resolve().as_uri() + "?mode=rw"
    connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA busy_timeout = 5000")
    connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return connection


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m reader.store.lock_keeper DB", file=sys.stderr)
        return 2
    # Ctrl+C in the app's terminal reaches the whole process group: the keeper stays
    # until the app has closed its own connections and then closes the pipe.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        connection = hold_locks(Path(args[0]))
    except sqlite3.Error as error:
        print(f"failed: {error}", flush=True)
        return 1
    print(READY, flush=True)
    try:
        while sys.stdin.buffer.read(4096):
            pass  # nothing is ever sent; end of file means the app is gone
    finally:
        connection.close()
    return 0


class LockKeeper:
    """The app's handle on its keeper process; `stop()` (or the app's death) ends it."""

    def __init__(self, process: subprocess.Popen[bytes], db_path: Path) -> None:
        self._process = process
        self._db_path = db_path

    def confirm(self, timeout_s: float) -> None:
        """Wait (at most `timeout_s`) until the keeper says it holds the locks; OSError,
        after stopping it, when it cannot."""
        line = _first_line(self._process, timeout_s)
        if line != READY:
            self.stop()
            raise OSError(
                f"the lock keeper for {self._db_path} did not start: {line or 'no answer'}"
            )

    @property
    def pid(self) -> int:
        return self._process.pid

    def is_running(self) -> bool:
        return self._process.poll() is None

    def stop(self, timeout_s: float = 5.0) -> None:
        """Close the pipe and wait for the keeper to release the library."""
        if self._process.stdin is not None and not self._process.stdin.closed:
            self._process.stdin.close()
        try:
            self._process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()


def start(db_path: Path) -> LockKeeper:
    """Start a keeper for `db_path` and wait until it holds the locks. OSError when it
    cannot start or open the library (the caller goes on unprotected, and says so)."""
    keeper = launch(db_path)
    keeper.confirm(START_TIMEOUT_S)
    return keeper


def launch(db_path: Path) -> LockKeeper:
    """Start a keeper for `db_path` without waiting for it: the app builds and shows
    its window meanwhile and calls `confirm` afterwards. OSError when it cannot start."""
    process = subprocess.Popen(
        [sys.executable, "-m", "reader.store.lock_keeper", str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        close_fds=True,
    )
    return LockKeeper(process, db_path)


def _first_line(process: subprocess.Popen[bytes], timeout_s: float) -> str:
    """The keeper's first line, or "" when it says nothing within `timeout_s`."""
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout_s):
            return ""
    return process.stdout.readline().decode("utf-8", "replace").strip()


if __name__ == "__main__":
    sys.exit(main())
