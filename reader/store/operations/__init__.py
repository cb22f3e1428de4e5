"""Every user-visible change to the library, as an operation with an exact inverse.

`run(db, op)` (or `Library.apply(op)`) applies one in one write transaction and returns
an `OpResult`: the `Change` and the inverse operation; `reader.store.history.History`
keeps them for undo and redo. One module per domain: `highlights`, `articles`, `tags`;
`rows` holds the row-level steps they share. Every operation's transaction opens through
`base.write_transaction`.

Import and re-parse (`library.pages`), archive restore (`library.archive`, rows written
by `reader.store.restore`) are each one write transaction of their own but not yet
operations with an inverse; they and the coming page corrections are meant to become
operations here too (a new module per domain, e.g. `pages.py`), reporting
`Change(article_list_changed=True)` when articles come or go.
"""

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

__all__ = [
    "AddHighlight",
    "DeleteHighlight",
    "DeleteTag",
    "HighlightSnapshot",
    "Label",
    "MergeTags",
    "NoteRow",
    "OpResult",
    "Operation",
    "RenameTag",
    "RestoreHighlight",
    "RestoreNote",
    "RestoreTag",
    "SetColor",
    "SetNote",
    "SetRead",
    "TagArticle",
    "TagHighlight",
    "TagRow",
    "UnmergeTags",
    "UntagArticle",
    "UntagHighlight",
    "normalize_tag",
    "run",
    "unchanged",
    "write_transaction",
]
