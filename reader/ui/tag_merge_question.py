"""The question asked before renaming a tag onto a name another tag has: that rename
merges the two (every highlight and article of both carry the one name afterwards), which
a person typing a new name may not have meant. The question names both tags and what
carries each, so the answer is an informed one; the merge stays undoable."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from reader.store.records import TagCount
from reader.ui.i18n import tr


def uses_text(count: TagCount | None) -> str:
    """What carries a tag, e.g. "2 highlights · 1 article"."""
    highlights = count.highlight_count if count else 0
    articles = count.article_count if count else 0
    return f"{tr('%n highlight(s)', None, highlights)} · {tr('%n article(s)', None, articles)}"


def merge_question(parent: QWidget, old: str, new: str, counts: dict[str, TagCount]) -> QMessageBox:
    """A (not yet shown) box asking whether renaming `old` to `new` may merge them;
    its Merge button accepts, Cancel rejects."""
    box = QMessageBox(parent)
    box.setObjectName("mergeTagsQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Merge tags?"))
    box.setText(
        tr("A tag named “{new}” exists already. Merge “{old}” into it?").format(old=old, new=new)
    )
    box.setInformativeText(
        tr(
            "“{old}” is on {old_uses}; “{new}” is on {new_uses}. After the merge they all "
            "carry “{new}” and “{old}” is gone. You can undo this."
        ).format(
            old=old,
            new=new,
            old_uses=uses_text(counts.get(old)),
            new_uses=uses_text(counts.get(new)),
        )
    )
    merge = box.addButton(tr("Merge"), QMessageBox.ButtonRole.AcceptRole)
    merge.setObjectName("mergeButton")
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box
