"""Where the library lives by default, and how it is overridden."""

from __future__ import annotations

from pathlib import Path

from reader.store import paths


def test_default_is_library_db_in_the_user_data_dir(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("READER_DB", raising=False)
    monkeypatch.setattr(paths, "user_data_dir", lambda app: str(tmp_path / "data" / app))
    assert paths.default_db_path() == tmp_path / "data" / "reader" / "library.db"


def test_reader_db_overrides_the_default(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("READER_DB", str(tmp_path / "elsewhere.db"))
    assert paths.default_db_path() == tmp_path / "elsewhere.db"


def test_open_library_creates_missing_folders(monkeypatch, tmp_path) -> None:
    target = tmp_path / "deep" / "er" / "lib.db"
    library = paths.open_library(str(target))
    try:
        assert library.path == target.resolve()
        assert Path(library.path).exists()
        assert library.count_articles() == 0
    finally:
        library.close()
