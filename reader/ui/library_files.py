"""Keeping the app's own hands off the library's files.

SQLite's locks belong to the process: one ordinary open() and close() of `library.db` or
its `-shm` anywhere in the app (a file dialog reading each file's first bytes to choose
an icon, a drop of the library onto its own window) silently drops them, and another
program may then delete the write-ahead log the app still writes into. The lock keeper
(`reader.store.lock_keeper`) makes that harmless; this module makes sure it does not
happen in the first place:

- files are recognised by `os.stat` identity (device and inode), which never opens them,
  so a symlink or another spelling of the path is caught too;
- the import dialogs are Qt's own (not the platform's) with an icon provider that
  decides from the file name only and a filter that does not list the library's files.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import (
    QFileInfo,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QStyle,
    QWidget,
)

from reader.store.importer import SOURCE_SUFFIXES
from reader.ui.i18n import tr

#: The files SQLite keeps beside a database.
COMPANION_SUFFIXES = ("", "-wal", "-shm", "-journal")


def library_files(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.name + suffix) for suffix in COMPANION_SUFFIXES]


def file_identities(paths: Iterable[Path]) -> set[tuple[int, int]]:
    """(device, inode) of each path that exists; `os.stat` does not open the file."""
    identities = set()
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            continue
        identities.add((info.st_dev, info.st_ino))
    return identities


def split_library_files(paths: Iterable[Path], db_path: Path) -> tuple[list[Path], list[Path]]:
    """(paths to import, paths refused because they are the library's own files)."""
    own = file_identities(library_files(db_path))
    kept, refused = [], []
    for path in paths:
        (refused if file_identities([path]) & own else kept).append(path)
    return kept, refused


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from the name alone. Qt's default provider asks
    QMimeDatabase, which opens each file to read its first bytes."""

    def icon(self, what: object) -> QIcon:  # type: ignore[override]
        style = QApplication.style()
        if isinstance(what, QFileInfo):
            pixmap = (
                QStyle.StandardPixmap.SP_DirIcon
                if what.isDir()
                else QStyle.StandardPixmap.SP_FileIcon
            )
            return style.standardIcon(pixmap)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return tr("Folder")
        suffix = info.suffix()
        return tr("%s file") % suffix.upper() if suffix else tr("File")


class HideLibraryFiles(QSortFilterProxyModel):
    """Leaves the library's database and its companions out of a file dialog's list."""

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hidden = {os.path.realpath(p) for p in library_files(db_path)}

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if isinstance(model, QFileSystemModel):
            path = model.filePath(model.index(row, 0, parent))
            return os.path.realpath(path) not in self._hidden
        return True


class LibrarySafeFileDialog(QFileDialog):
    """Qt's own file dialog (a platform dialog cannot be told how to pick icons) that
    never reads or lists the library's own files."""

    def __init__(self, parent: QWidget | None, caption: str, db_path: Path) -> None:
        super().__init__(parent, caption)
        self.setOption(QFileDialog.Option.DontUseNativeDialog)
        self.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons)
        self.icon_provider = NameOnlyIconProvider()  # the dialog does not own it
        self.setIconProvider(self.icon_provider)
        self.setProxyModel(HideLibraryFiles(db_path, self))


#: What the import dialog offers first: every suffix a folder import takes.
IMPORTABLE_PATTERNS = tuple(f"*{suffix}" for suffix in SOURCE_SUFFIXES if suffix)


class ImportDialog(LibrarySafeFileDialog):
    """Choose pages, or a folder of them, to import."""

    def __init__(self, parent: QWidget | None, db_path: Path, *, folder: bool) -> None:
        caption = tr("Import a folder of pages") if folder else tr("Import pages")
        super().__init__(parent, caption, db_path)
        self.setObjectName("importDialog")
        if folder:
            self.setFileMode(QFileDialog.FileMode.Directory)
            self.setOption(QFileDialog.Option.ShowDirsOnly)
        else:
            self.setFileMode(QFileDialog.FileMode.ExistingFiles)
            self.setNameFilters(
                [
                    tr("Pages and articles (%s)") % " ".join(IMPORTABLE_PATTERNS),
                    tr("Newspaper pages (*.txt)"),
                    tr("Web pages (*.html *.htm *.xhtml *.mhtml *.mht)"),
                    tr("PDF pages (*.pdf)"),
                    tr("Markdown (*.md *.markdown)"),
                    tr("All files (*)"),
                ]
            )


def save_file_name(
    parent: QWidget | None, caption: str, db_path: Path, proposed: str, name_filters: str
) -> str:
    """Ask where to save (an export, a backup); "" when the user cancelled. Filters are
    separated by ";;" as in QFileDialog.getSaveFileName."""
    dialog = LibrarySafeFileDialog(parent, caption, db_path)
    dialog.setObjectName("saveDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilters(name_filters.split(";;"))
    if proposed:
        dialog.setDirectory(str(Path(proposed).parent))
        dialog.selectFile(proposed)
    chosen = dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""
    dialog.deleteLater()
    return chosen
