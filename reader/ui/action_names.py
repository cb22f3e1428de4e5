"""An action's stable name, for lists of actions (the shortcuts dialog): Undo and Redo
rename themselves after the step they would take ("Undo Add highlight"), which is right
in a menu but not as the name of what a key does."""

from __future__ import annotations

from PySide6.QtGui import QAction

STABLE_NAME = "stableName"


def set_stable_name(action: QAction, name: str) -> None:
    action.setProperty(STABLE_NAME, name)


def stable_name(action: QAction) -> str:
    """The name set with `set_stable_name`, else the action's text without its `&`."""
    name = action.property(STABLE_NAME)
    return str(name) if name else action.text().replace("&", "")
