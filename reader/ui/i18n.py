"""One translation style for the whole UI.

Every UI string goes through `tr("…")` from this module (never `self.tr`, which files
strings under per-class contexts): `pyside6-lupdate` files a module-level `tr("…")` call
under the empty context, and the lookup uses the empty context too, so one .ts/.qm file
translates every module. Counts use Qt's plural forms: `trn("%n highlight(s)", n)`
gives "2 个标注" through the Chinese plural entry, and in English (no translation
loaded) "1 highlight" / "2 highlights": the source text's "(s)" is resolved for English
so no English .qm file is needed. Core operations name themselves with a `Label` (an English
template and its values); `label_text` translates the template before filling it (the
templates are listed for lupdate in `reader.ui.labels`).

Regenerate with:
    .venv/bin/pyside6-lupdate reader/ui/*.py -ts resources/translations/reader_zh_CN.ts
    .venv/bin/pyside6-lrelease resources/translations/reader_zh_CN.ts
"""

from PySide6.QtCore import QCoreApplication

from reader.store.operations.base import Label


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def trn(text: str, count: int) -> str:
    """`text` with `%n` replaced by `count`, in the plural form the language needs."""
    translated = QCoreApplication.translate("", text, None, count)
    return translated.replace("(s)", "" if count == 1 else "s")


def label_text(label: Label) -> str:
    """An operation's name (for Undo/Redo menus) in the user's language."""
    template = tr(label.template)
    return template % label.args if label.args else template
