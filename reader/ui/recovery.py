"""Issue 12 item 10 in the app: the library is damaged when the app starts.

Instead of an error and an exit, the user reads what happened and chooses: put the
newest healthy rolling backup in its place (the damaged file is kept, renamed, never
written), copy every row that can still be read into a new library and open that, or
quit. Both ways go through `reader.store.health`, which reads the damaged file only
through a read-only SQLite connection.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from reader.errors import LibraryCorruptError, ReaderError
from reader.store import health
from reader.ui.i18n import tr


class DamagedLibraryDialog(QMessageBox):
    """Explains the damage and offers the ways out; `restore_button`, `salvage_button`
    and `quit_button` are the choices."""

    def __init__(
        self, db_path: Path, error: LibraryCorruptError, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("damagedLibraryDialog")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(tr("The library is damaged"))
        self.setText(tr("The library at %s is damaged and cannot be used as it is.") % db_path)
        self.setInformativeText(
            tr(
                "Reader will not write into the damaged file. You can put the newest "
                "automatic backup in its place (the damaged file is kept beside it), or copy "
                "everything that can still be read into a new library."
            )
        )
        self.setDetailedText(str(error))
        self.restore_button = self.addButton(
            tr("Restore the newest backup"), QMessageBox.ButtonRole.AcceptRole
        )
        self.salvage_button = self.addButton(
            tr("Salvage into a new library"), QMessageBox.ButtonRole.ActionRole
        )
        self.quit_button = self.addButton(tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button)


def salvage_path(db_path: Path, now: dt.datetime | None = None) -> Path:
    """Where a salvage goes: beside the library, named after it and the time."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return db_path.with_name(f"{db_path.stem}-salvaged-{stamp}{db_path.suffix or '.db'}")


def offer_recovery(
    db_path: Path, error: LibraryCorruptError, parent: QWidget | None = None
) -> Path | None:
    """Ask what to do with the damaged library at `db_path`; the path of the library
    to open then (the restored one, or the salvaged copy), or None to quit. A way out
    that fails is said, and the question asked again."""
    while True:
        dialog = DamagedLibraryDialog(db_path, error, parent)
        dialog.exec()
        chosen = dialog.clickedButton()
        try:
            if chosen is dialog.restore_button:
                recovery = health.recover_from_backup(db_path)
                _tell(parent, restored_text(recovery))
                return db_path
            if chosen is dialog.salvage_button:
                result = health.salvage(db_path, salvage_path(db_path))
                _tell(parent, salvaged_text(result))
                return result.new_path
        except (ReaderError, OSError) as failure:
            _tell(parent, tr("That did not work: %s") % failure, QMessageBox.Icon.Warning)
            continue
        return None


def restored_text(recovery: health.Recovery) -> str:
    text = tr("The library was restored from the backup %s.") % recovery.restored_from.name
    if recovery.damaged_kept_as is not None:
        text += "\n" + tr("The damaged file is kept as %s.") % recovery.damaged_kept_as.name
    return text


def salvaged_text(result: health.Salvage) -> str:
    copied = sum(result.copied.values())
    lost = sum(result.unreadable.values()) + sum(result.dropped.values())
    lines = [
        tr("Reader copied what could be read into a new library:\n%s") % result.new_path,
        tr("%n row(s) copied", None, copied) + ", " + tr("%n could not be read", None, lost) + ".",
        tr(
            "The damaged file was not changed. Start Reader with --db and this path to keep "
            "using the new library."
        ),
    ]
    return "\n".join(lines)


def _tell(
    parent: QWidget | None, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information
) -> None:
    box = QMessageBox(icon, tr("Reader"), text, parent=parent)
    box.setObjectName("recoveryResult")
    box.exec()
