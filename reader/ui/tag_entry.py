"""A line edit where a person types tags: Enter adds the names typed (comma-separated,
either comma) and empties the field, also when Enter accepted a completion.

Why a module of its own: when Enter picks an entry of the completer's popup, the line
edit first emits `returnPressed` (the tag is added and the field cleared) and the
completer then writes the completion back into the field (`QLineEdit` follows its
`activated` signal), so the next keystroke appended to a tag already added.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtWidgets import QCompleter, QLineEdit


def tag_names_typed(text: str) -> list[str]:
    """The names in what was typed: split at ASCII or full-width commas, trimmed."""
    return [name.strip() for name in text.replace("，", ",").split(",") if name.strip()]


def make_tag_entry(
    editor: QLineEdit,
    completions: QStringListModel,
    add: Callable[[str], None],
    *,
    contains: bool = False,
) -> QCompleter:
    """Give `editor` a completer over `completions`; Enter calls `add(name)` for each
    name typed and leaves the field empty."""
    completer = QCompleter(completions, editor)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    if contains:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
    editor.setCompleter(completer)
    submitted: list[str] = []

    def submit() -> None:
        submitted[:] = [editor.text()]
        for name in tag_names_typed(editor.text()):
            add(name)
        editor.clear()

    def completion_written_back(text: str) -> None:
        # QLineEdit writes the completion back after this signal: empty it afterwards
        if submitted and text == submitted[0]:
            QTimer.singleShot(0, lambda: editor.text() == text and editor.clear())
        submitted.clear()

    editor.returnPressed.connect(submit)
    editor.textEdited.connect(lambda _text: submitted.clear())
    completer.activated[str].connect(completion_written_back)
    return completer
