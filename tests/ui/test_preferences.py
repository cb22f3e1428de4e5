"""Edit → Preferences…: language and automatic backups, kept in the app's settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QSpinBox

from reader.export.backup import default_backup_dir, rolling_backups
from reader.ui.app import install_translations, start_rolling_backup
from reader.ui.i18n import tr
from reader.ui.preferences import LANGUAGE_KEY, PreferencesDialog


def press(qtbot, dialog, button) -> None:
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(button), Qt.MouseButton.LeftButton)


def test_preferences_are_saved_and_shown_again(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    window.actions.preferences.trigger()
    dialog = window.findChild(PreferencesDialog, "preferencesDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.language.currentText() == "System default"
    assert str(default_backup_dir(sample_library.path)) in dialog.findChild(object, "hint").text()

    dialog.language.setCurrentIndex(dialog.language.findText("简体中文"))
    dialog.backups.setValue(0)
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: window.findChild(PreferencesDialog) is None)  # closed and gone
    assert window.settings.value(LANGUAGE_KEY) == "zh_CN"
    assert start_rolling_backup(sample_library.path, window.settings) is None  # 0: none
    assert not rolling_backups(default_backup_dir(sample_library.path))

    again = window.show_preferences()
    assert again.language.currentText() == "简体中文"
    assert again.backups.text() == "None"
    again.backups.setValue(3)
    press(qtbot, again, QDialogButtonBox.StandardButton.Cancel)
    assert int(window.settings.value("backup/keep")) == 0  # cancel changes nothing


def test_the_chosen_language_is_the_one_the_app_starts_in(qapp, settings):
    settings.setValue(LANGUAGE_KEY, "zh_CN")
    translators = install_translations(qapp, settings.value(LANGUAGE_KEY))
    try:
        assert tr("&File") == "文件(&F)"
        assert tr("Backup complete") == "备份完成"  # the backup dialogs speak Chinese too
        assert PreferencesDialog(settings, "/tmp").windowTitle() == "首选项"
    finally:
        for translator in translators:
            QApplication.removeTranslator(translator)
    assert tr("&File") == "&File"


def test_the_backups_space_is_shown_with_what_they_use_and_can_be_changed(
    qtbot, sample_library, make_window
):
    from reader.export.backup import rolling_backup, rolling_usage

    made = rolling_backup(sample_library.path, default_backup_dir(sample_library.path))
    used = rolling_usage(sample_library.path)
    assert used == made.stat().st_size > 0
    window = make_window(sample_library)

    dialog = window.show_preferences()
    budget = dialog.findChild(QSpinBox, "backupBudgetBox")
    usage = dialog.findChild(QLabel, "backupUsage")
    assert budget.value() == 2048 and budget.suffix() == " MB"
    assert usage.text() == f"{used / 2**20:.1f} MB used now"
    budget.setFocus()
    budget.selectAll()
    qtbot.keyClicks(budget, "300")
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: window.findChild(PreferencesDialog) is None)

    assert int(window.settings.value("backup/budgetMB")) == 300
    worker = start_rolling_backup(sample_library.path, window.settings)
    worker.join(timeout=30)
    assert worker.budget == 300 * 2**20
    assert window.show_preferences().budget.value() == 300
