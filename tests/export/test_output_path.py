"""`output_path.checked_output`, the one check every export and backup (and the app's save
dialogs) ask before writing a file the user named."""

from __future__ import annotations

import os

import pytest

from reader.export.backup import backup_database
from reader.export.formats import export_to_file
from reader.export.output_path import OutputExistsError, UnsafeOutputError, checked_output
from reader.export.scope import ExportScope


def test_a_dialog_learns_which_file_will_be_written_and_why_not(library, tmp_path) -> None:
    target = tmp_path / "real.md"
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert checked_output(link, library.path, overwrite=False) == target.resolve()
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(OutputExistsError, match="already exists"):
        checked_output(link, library.path, overwrite=False)
    assert checked_output(link, library.path, overwrite=True) == target.resolve()
    with pytest.raises(UnsafeOutputError, match="open library"):
        checked_output(library.path, library.path, overwrite=True)
    with pytest.raises(UnsafeOutputError, match="a file SQLite keeps beside the open library"):
        checked_output(f"{library.path}-wal", library.path, overwrite=True)
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(UnsafeOutputError, match="not a folder"):
        checked_output(tmp_path / "file" / "out.md", library.path, overwrite=True)


def test_the_api_replaces_an_existing_file_a_save_dialog_has_asked_about(
    annotated, tmp_path
) -> None:
    """The dialogs' QFileDialog asks before it returns an existing name; the API's
    default (overwrite) keeps them working, the command line passes --force."""
    chosen = tmp_path / "chosen.md"
    chosen.write_text("old", encoding="utf-8")
    export_to_file(annotated, ExportScope.everything(), "markdown", chosen)
    assert "深化常深合作" in chosen.read_text(encoding="utf-8")
    with pytest.raises(OutputExistsError):
        export_to_file(annotated, ExportScope.everything(), "csv", chosen, overwrite=False)
    copy = backup_database(annotated, tmp_path / "copy.db")
    assert backup_database(annotated, copy) == copy
    with pytest.raises(OutputExistsError):
        backup_database(annotated, copy, overwrite=False)
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".partial")]
