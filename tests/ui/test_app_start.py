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
