"""One translation style for the whole UI.

Every UI string goes through `tr("…")` from this module (never `self.tr`, which files
strings under per-class contexts): `pyside6-lupdate` files a module-level `tr("…")` call
under the empty context, and the lookup uses the empty context too, so one .ts/.qm file
translates every module. Counts use Qt's plural forms: `tr("%n highlight(s)", None, n)`
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


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the user's language; with a count `n`, `%n` replaced by it in the
    plural form the language needs (lupdate marks such a call as a plural entry)."""
    translated = QCoreApplication.translate("", text, disambiguation, n)
    if n >= 0:  # no translation (English): resolve the source's "(s)"
        translated = translated.replace("(s)", "" if n == 1 else "s")
    return translated


def label_text(label: Label) -> str:
    """An operation's name (for Undo/Redo menus) in the user's language."""
    template = tr(label.template)
    return template % label.args if label.args else template
