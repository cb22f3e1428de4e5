"""Every user-visible change to the library, as an operation with an exact inverse.

`run(db, op)` (or `Library.apply(op)`) applies one in one write transaction and returns
an `OpResult`: the `Change` and the inverse operation; `reader.store.history.History`
keeps them for undo and redo. One module per domain: `highlights`, `articles`, `tags`;
`rows` holds the row-level steps they share. Every operation's transaction opens through
`base.write_transaction`.

Import and re-parse (`library.pages`), archive restore (`library.archive`, rows written
by `reader.store.restore`) are each one write transaction of their own but not yet
operations with an inverse; page corrections (split, merge, a line as title …) are
operations in `corrections`; the others are meant to become operations here too (a new
module per domain, e.g. `pages.py`), reporting `Change(article_list_changed=True)` when
articles come or go.

Page corrections load on first use (they bring the newspaper parser's byline rules):
the app's window shows without them.
"""

from typing import TYPE_CHECKING, Any

from reader.store.operations.articles import SetRead, TagArticle, UntagArticle
from reader.store.operations.base import (
    Label,
    Operation,
    OpResult,
    run,
    unchanged,
    write_transaction,
)
from reader.store.operations.highlights import (
    AddHighlight,
    DeleteHighlight,
    HighlightSnapshot,
    NoteRow,
    RestoreHighlight,
    RestoreNote,
    SetColor,
    SetNote,
    TagHighlight,
    UntagHighlight,
)
from reader.store.operations.rows import TagRow, normalize_tag
from reader.store.operations.tags import (
    DeleteTag,
    MergeTags,
    RenameTag,
    RestoreTag,
    UnmergeTags,
)

if TYPE_CHECKING:
    from reader.store.operations.corrections import (
        MergeArticles,
        PageSnapshot,
        RestorePage,
        SetAuthors,
        SetTitle,
        SplitArticle,
        UseLineAs,
    )

_CORRECTIONS = (
    "MergeArticles",
    "PageSnapshot",
    "RestorePage",
    "SetAuthors",
    "SetTitle",
    "SplitArticle",
    "UseLineAs",
)


def __getattr__(name: str) -> Any:
    if name in _CORRECTIONS:
        from reader.store.operations import corrections

        return getattr(corrections, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AddHighlight",
    "DeleteHighlight",
    "DeleteTag",
    "HighlightSnapshot",
    "Label",
    "MergeArticles",
    "MergeTags",
    "NoteRow",
    "OpResult",
    "Operation",
    "PageSnapshot",
    "RenameTag",
    "RestoreHighlight",
    "RestoreNote",
    "RestorePage",
    "RestoreTag",
    "SetAuthors",
    "SetColor",
    "SetNote",
    "SetRead",
    "SetTitle",
    "SplitArticle",
    "TagArticle",
    "TagHighlight",
    "TagRow",
    "UnmergeTags",
    "UntagArticle",
    "UntagHighlight",
    "UseLineAs",
    "normalize_tag",
    "run",
    "unchanged",
    "write_transaction",
]
