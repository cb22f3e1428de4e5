"""Re-attaching an orphaned highlight from the window: the sidebar's card asks, the
passage selected in the reading pane is where it goes, and the change is one undoable
operation (`ReattachHighlight`) run like every other edit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.i18n import tr

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def install_orphan_repair(window: MainWindow) -> None:
    """Connect the sidebar's orphan card to the window's reading pane and writes."""
    window.sidebar.orphan_card.reattachRequested.connect(
        lambda highlight_id: reattach_to_selection(window, highlight_id)
    )


def reattach_to_selection(window: MainWindow, highlight_id: int) -> bool:
    """Place the orphan on the passage selected in the article; without a selection,
    say what to do. True when it was re-attached."""
    from reader.store.operations.anchors import ReattachHighlight

    span = window.reading_pane.selected_span()
    if span is None:
        window.statusBar().showMessage(
            tr(
                "Select the passage this highlight belongs to in the article first, then "
                "press Re-attach."
            ),
            6000,
        )
        return False
    if window.writes.run(ReattachHighlight(highlight_id, *span)) is None:
        return False
    cursor = window.reading_pane.textCursor()
    cursor.clearSelection()
    window.reading_pane.setTextCursor(cursor)
    window.sidebar.select_highlight(highlight_id)
    window.reveal_highlight(highlight_id)
    return True
