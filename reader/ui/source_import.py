"""Sources that are not files: a web address (File → Open URL…) and the clipboard
(Edit → Paste as New Article). Both run through the window's import job, like files, so a
slow site never freezes the window, and both end in the same import summary.

Labels for what a source was read as live here too: the article list and the reading
pane name a web article by its site and date, not by the file name of a download.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from reader.store.records import SourceOrigin
from reader.ui.i18n import tr


def clipboard_contents() -> tuple[str, str]:
    """(plain text, HTML) that the clipboard offers now; either may be empty."""
    data = QGuiApplication.clipboard().mimeData()
    if data is None:
        return "", ""
    return (data.text() if data.hasText() else ""), (data.html() if data.hasHtml() else "")


def url_dialog(parent: QWidget) -> QInputDialog:
    """Ask for a web address; a clipboard holding one fills it in."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("openUrlDialog")
    dialog.setWindowTitle(tr("Open URL"))
    dialog.setLabelText(tr("Web address of an article or an e-paper page (http:// or https://):"))
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.resize(560, dialog.sizeHint().height())
    text, _html = clipboard_contents()
    if text.strip().lower().startswith(("http://", "https://")) and "\n" not in text.strip():
        dialog.setTextValue(text.strip())
    return dialog


def kind_name(kind: str) -> str:
    """What a source was read as, in words."""
    names = {
        "text": tr("text page"),
        "html": tr("web page"),
        "mhtml": tr("saved web page"),
        "pdf": tr("PDF page"),
        "markdown": tr("Markdown"),
        "url": tr("web address"),
        "paste": tr("pasted"),
    }
    return names.get(kind, kind)


def origin_line(origin: SourceOrigin) -> str:
    """What a source says about itself, for the reading pane: `新华网 · 2019-10-15 ·
    https://…`; "" for a text page, which says it with its page line."""
    if origin.kind == "text":
        return ""
    parts = [origin.site, origin.published, origin.url]
    said = [part for part in parts if part]
    if origin.kind in ("paste", "pdf", "markdown") or not said:
        said.insert(0, kind_name(origin.kind))
    return " · ".join(said)


def origin_group(origin: SourceOrigin) -> str:
    """The article list's group when it is sorted by source: what the sources were read
    as, and their site (`web page · 新华网`)."""
    return " · ".join(part for part in (kind_name(origin.kind), origin.site) if part)
