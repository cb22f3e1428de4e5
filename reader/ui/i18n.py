"""One translation helper for the whole UI.

`pyside6-lupdate` files a module-level `tr("…")` call under the empty context, so the
lookup uses the empty context too; the .ts/.qm files then translate every module.
Regenerate with:
    .venv/bin/pyside6-lupdate reader/ui/*.py -ts resources/translations/reader_zh_CN.ts
    .venv/bin/pyside6-lrelease resources/translations/reader_zh_CN.ts
"""

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)
