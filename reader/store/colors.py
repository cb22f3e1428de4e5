"""The colours a highlight may have: shared by the store (which checks them), the CLI
(which offers them) and the UI (which maps each to a light and a dark shade), without
any of them importing the ORM."""

from __future__ import annotations

from reader.errors import ReaderError

HIGHLIGHT_COLORS = ("yellow", "green", "blue", "pink", "purple", "orange")


def check_color(color: str) -> None:
    """ReaderError naming the allowed colours for any other value."""
    if color not in HIGHLIGHT_COLORS:
        raise ReaderError(f"unknown colour {color!r}; choose one of {', '.join(HIGHLIGHT_COLORS)}")
