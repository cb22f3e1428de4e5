"""The rolling backup the app takes of its library at each start, on a thread of its own.

It starts once the window has been painted, so start-up never waits for it, and it
stops within a moment when the app quits: the copy and its compression ask between
steps whether to go on, and whatever was half-made is removed (or, if the process ends
first, left as a `.partial` that the next start removes). The core of it is
`reader.export.backup.rolling_backup`; this module only runs it.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from reader.errors import ReaderError

#: How long quitting waits for a running backup to stop before the app exits anyway.
QUIT_WAIT_SECONDS = 0.5


class RollingBackupThread(threading.Thread):
    """One rolling backup of the library at `db_path`, keeping at most `keep` copies
    within `budget` bytes. `join()` waits for it (the start-up re-parse does, so the
    backup holds the pages as they were cut before); `stop()` asks it to give up."""

    def __init__(self, db_path: Path, keep: int, budget: int | None) -> None:
        super().__init__(name="rolling-backup", daemon=True)
        self.db_path = db_path
        self.keep = keep
        self.budget = budget
        self.made: Path | None = None
        self._stopping = threading.Event()

    def run(self) -> None:
        from reader.export.backup import BackupStopped, default_backup_dir, rolling_backup

        try:
            self.made = rolling_backup(
                self.db_path,
                default_backup_dir(self.db_path),
                keep=self.keep,
                budget=self.budget,
                stop=self._stopping.is_set,
            )
        except BackupStopped:
            pass
        except (OSError, ReaderError) as error:
            print(f"reader: rolling backup skipped: {error}", file=sys.stderr)

    def stop(self, wait: float = QUIT_WAIT_SECONDS) -> bool:
        """Ask the backup to stop and wait at most `wait` seconds; True when it ended."""
        self._stopping.set()
        if self.is_alive():
            self.join(wait)
        return not self.is_alive()
