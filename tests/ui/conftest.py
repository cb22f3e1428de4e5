"""Fixtures for GUI tests: an isolated QSettings file, a library of the sample pages and
a factory for main windows registered with qtbot (closed at teardown)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from reader.resources import sample_pages


@pytest.fixture(autouse=True)
def private_default_settings(tmp_path: Path, qapp):
    """Code that uses a default-constructed QSettings (search history, …) writes to a
    throwaway folder: no test reads or changes the user's real settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_path: Path) -> QSettings:
    return QSettings(str(settings_path), QSettings.Format.IniFormat)


@pytest.fixture
def sample_library(library):
    summary = library.import_paths(sample_pages())
    assert not summary.failures
    return library


@pytest.fixture
def make_window(qtbot, settings_path: Path):
    """Build a MainWindow on a library; each call reads the same settings file, like a
    restart of the app would. Writes a test left unsaved are dropped before qtbot closes
    the windows, so closing never stops at the "unsaved changes" question."""
    from reader.ui.main_window import MainWindow

    windows = []

    def make(library):
        window = MainWindow(library, QSettings(str(settings_path), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.writes.discard_pending()
