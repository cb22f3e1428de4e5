"""The names core operations give themselves (`reader.store.operations`' `Label`
templates), listed here so `pyside6-lupdate` files them for translation: the core has no
Qt, and the Undo/Redo menus show them through `reader.ui.i18n.label_text`.

`tests/ui/test_translations.py` checks that every operation's template is listed.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

OPERATION_LABELS = (
    QT_TRANSLATE_NOOP("", "Add highlight"),
    QT_TRANSLATE_NOOP("", "Delete highlight"),
    QT_TRANSLATE_NOOP("", "Restore highlight"),
    QT_TRANSLATE_NOOP("", "Re-attach highlight"),
    QT_TRANSLATE_NOOP("", "Change colour"),
    QT_TRANSLATE_NOOP("", "Edit note"),
    QT_TRANSLATE_NOOP("", "Add tag %s"),
    QT_TRANSLATE_NOOP("", "Remove tag %s"),
    QT_TRANSLATE_NOOP("", "Rename tag %s → %s"),
    QT_TRANSLATE_NOOP("", "Merge tag %s into %s"),
    QT_TRANSLATE_NOOP("", "Unmerge tag %s from %s"),
    QT_TRANSLATE_NOOP("", "Delete tag %s"),
    QT_TRANSLATE_NOOP("", "Restore tag %s"),
    QT_TRANSLATE_NOOP("", "Tag article %s"),
    QT_TRANSLATE_NOOP("", "Untag article %s"),
    QT_TRANSLATE_NOOP("", "Mark as read"),
    QT_TRANSLATE_NOOP("", "Mark as unread"),
    # Page corrections (reader.store.operations.corrections)
    QT_TRANSLATE_NOOP("", "Correct page"),
    QT_TRANSLATE_NOOP("", "Split article"),
    QT_TRANSLATE_NOOP("", "Merge articles"),
    QT_TRANSLATE_NOOP("", "Use line as title"),
    QT_TRANSLATE_NOOP("", "Use line as kicker"),
    QT_TRANSLATE_NOOP("", "Use line as subtitle"),
    QT_TRANSLATE_NOOP("", "Mark as caption"),
    QT_TRANSLATE_NOOP("", "Mark as byline"),
    QT_TRANSLATE_NOOP("", "Retitle article"),
    QT_TRANSLATE_NOOP("", "Set authors"),
)
