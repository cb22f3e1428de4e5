"""Another program on the same library, in its own process: it takes SQLite's write
lock when told, and holds it until told to let go (or for a given time), so tests can
put the library under the locks a user's second program would hold.

Commands on stdin, one a line; each is answered on stdout once done:
  lock            BEGIN IMMEDIATE (and hold it)              -> "locked"
  hold SECONDS    BEGIN IMMEDIATE, hold, then COMMIT itself  -> "locked", later "released"
  wipe            BEGIN IMMEDIATE, delete every source (so no article is listed), not committed
                  (a writer in the middle of big changes)    -> "locked"
  create SECONDS  create schema v1 in a new file in one write transaction, hold it,
                  then COMMIT (another program making the library) -> "locked", "released"
  exclusive       an exclusive lock that keeps even readers out (a program that opened
                  the file in exclusive locking mode)        -> "locked"
  release         ROLLBACK what it holds                     -> "released"
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=60)
for line in sys.stdin:
    command, *rest = line.split()
    if command in ("lock", "hold", "wipe", "create"):
        if command == "create":
            connection.execute("PRAGMA journal_mode = wal")
        connection.execute("BEGIN IMMEDIATE")
        if command == "create":
            from reader.store.migrations import V1_SCHEMA
            for statement in V1_SCHEMA:
                connection.execute(statement)
            connection.execute("PRAGMA user_version = 1")
        if command == "wipe":
            connection.execute("PRAGMA foreign_keys = OFF")
            connection.execute("DELETE FROM source")  # the list joins articles to these
        print("locked", flush=True)
        if command in ("hold", "create"):
            time.sleep(float(rest[0]))  # the other program's own pace, not the test's
            connection.execute("COMMIT")
            print("released", flush=True)
    elif command == "exclusive":
        connection.execute("PRAGMA locking_mode = EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        print("locked", flush=True)
    elif command == "release":
        connection.execute("ROLLBACK")
        print("released", flush=True)
"""


class OtherProcess:
    """A second process holding locks on `db_path` on request (see the module doc)."""

    def __init__(self, db_path: Path) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-c", SCRIPT, str(db_path)],
            cwd=REPO_ROOT,  # `create` imports the schema from reader
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def send(self, command: str, expect: str = "locked") -> float:
        """Send `command`, wait for its answer; returns when it came (monotonic)."""
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(command + "\n")
        self._process.stdin.flush()
        answer = self._process.stdout.readline().strip()
        assert answer == expect, f"the other process said {answer!r}"
        return time.monotonic()

    def wait_for(self, expect: str) -> float:
        assert self._process.stdout is not None
        answer = self._process.stdout.readline().strip()
        assert answer == expect, f"the other process said {answer!r}"
        return time.monotonic()

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        self._process.wait(timeout=30)
        if self._process.stdout is not None:
            self._process.stdout.close()
