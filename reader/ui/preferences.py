"""Edit → Preferences…: the settings a person may want to change without a command line.

Values live in the window's QSettings under the keys the app reads at start-up
(`ui/language`, `backup/keep`, `backup/budgetMB`), so the dialog only edits them; the
language applies the next time the app starts, because Qt cannot retranslate widgets
already built. Beside the backups' space budget the dialog shows what they take now.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
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
BACKUP_BUDGET_KEY = "backup/budgetMB"
#: Compressed copies take about a third of the library: 2 GB keeps five copies of a
#: library of about 2 GB (150,000 articles).
DEFAULT_BACKUP_BUDGET_MB = 2048
MAX_BACKUP_BUDGET_MB = 1_000_000
MB = 1024 * 1024

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


def backup_budget_mb(settings: QSettings) -> int:
    """Megabytes all rolling backups of a library may take together (the newest one is
    kept even when it alone is larger), tolerant of a hand-edited value."""
    try:
        value = int(settings.value(BACKUP_BUDGET_KEY, DEFAULT_BACKUP_BUDGET_MB))
    except (TypeError, ValueError):
        return DEFAULT_BACKUP_BUDGET_MB
    return max(1, min(MAX_BACKUP_BUDGET_MB, value))


def megabytes_text(size: int) -> str:
    """A size in MB as the dialog shows it: one decimal below 10 MB."""
    megabytes = size / MB
    return f"{megabytes:.1f}" if megabytes < 10 else f"{megabytes:,.0f}"


class PreferencesDialog(QDialog):
    def __init__(
        self,
        settings: QSettings,
        backup_folder: str,
        parent: QWidget | None = None,
        *,
        backups_size: int = 0,
    ):
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

        self.budget = QSpinBox(self)
        self.budget.setObjectName("backupBudgetBox")
        self.budget.setRange(1, MAX_BACKUP_BUDGET_MB)
        self.budget.setSingleStep(256)
        self.budget.setGroupSeparatorShown(True)
        self.budget.setSuffix(tr(" MB"))
        self.budget.setValue(backup_budget_mb(settings))
        self.usage = QLabel(tr("%s MB used now") % megabytes_text(backups_size), self)
        self.usage.setObjectName("backupUsage")
        budget_row = QHBoxLayout()
        budget_row.addWidget(self.budget)
        budget_row.addWidget(self.usage, 1)

        form = QFormLayout()
        form.addRow(tr("&Language:"), self.language)
        form.addRow(tr("&Automatic backups to keep:"), self.backups)
        budget_label = QLabel(tr("&Space for automatic backups:"), self)
        budget_label.setBuddy(self.budget)
        form.addRow(budget_label, budget_row)
        hint = QLabel(
            tr(
                "A new language applies the next time Reader starts. A compressed backup "
                "of the library is taken after each start when it changed, into\n%s\n"
                "The oldest backups are removed to stay within the space; the newest "
                "is always kept."
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
        self._settings.setValue(BACKUP_BUDGET_KEY, self.budget.value())
        self._settings.sync()
        super().accept()
