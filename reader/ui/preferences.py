"""Edit → Preferences…: the settings a person may want to change without a command line.

Values live in the window's QSettings under the keys the app reads at start-up
(`ui/language`, `backup/keep`), so the dialog only edits them; the language applies the
next time the app starts, because Qt cannot retranslate widgets already built.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.ui.i18n import tr

LANGUAGE_KEY = "ui/language"
BACKUP_KEEP_KEY = "backup/keep"
DEFAULT_BACKUP_KEEP = 5
MAX_BACKUP_KEEP = 100

# (setting value, name shown). Each language is named in itself, so a person who
# cannot read the current UI language still finds their own.
LANGUAGES = (("", None), ("en", "English"), ("zh_CN", "简体中文"))


def backup_keep(settings: QSettings) -> int:
    """How many rolling backups to keep (0: none), tolerant of a hand-edited value."""
    try:
        value = int(settings.value(BACKUP_KEEP_KEY, DEFAULT_BACKUP_KEEP))
    except (TypeError, ValueError):
        return DEFAULT_BACKUP_KEEP
    return max(0, min(MAX_BACKUP_KEEP, value))


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, backup_folder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # each opening builds anew
        self.setWindowTitle(tr("Preferences"))
        self._settings = settings

        self.language = QComboBox(self)
        self.language.setObjectName("languageBox")
        for value, name in LANGUAGES:
            self.language.addItem(name or tr("System default"), value)
        current = str(settings.value(LANGUAGE_KEY, "") or "")
        self.language.setCurrentIndex(max(0, self.language.findData(current)))

        self.backups = QSpinBox(self)
        self.backups.setObjectName("backupKeepBox")
        self.backups.setRange(0, MAX_BACKUP_KEEP)
        self.backups.setSpecialValueText(tr("None"))
        self.backups.setValue(backup_keep(settings))

        form = QFormLayout()
        form.addRow(tr("&Language:"), self.language)
        form.addRow(tr("&Automatic backups to keep:"), self.backups)
        hint = QLabel(
            tr(
                "A new language applies the next time Reader starts. A backup of the "
                "library is taken at each start, into\n%s"
            )
            % backup_folder,
            self,
        )
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def accept(self) -> None:
        self._settings.setValue(LANGUAGE_KEY, self.language.currentData())
        self._settings.setValue(BACKUP_KEEP_KEY, self.backups.value())
        self._settings.sync()
        super().accept()
