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

Each domain's operations load on first use (`__getattr__`): the app's window shows
without them.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from reader.store.operations.base import (
    Label,
    Operation,
    OpResult,
    run,
    unchanged,
    write_transaction,
)
from reader.store.operations.rows import TagRow, normalize_tag

if TYPE_CHECKING:
    from reader.store.operations.articles import SetRead, TagArticle, UntagArticle
    from reader.store.operations.corrections import (
        MergeArticles,
        PageSnapshot,
        RestorePage,
        SetAuthors,
        SetTitle,
        SplitArticle,
        UseLineAs,
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
    from reader.store.operations.tags import (
        DeleteTag,
        MergeTags,
        RenameTag,
        RestoreTag,
        UnmergeTags,
    )

#: The operations each domain's module defines, loaded when first named: the window
#: shows before it needs any of them (page corrections also bring the newspaper
#: parser's byline rules).
_MODULES = {
    "articles": ("SetRead", "TagArticle", "UntagArticle"),
    "corrections": (
        "MergeArticles",
        "PageSnapshot",
        "RestorePage",
        "SetAuthors",
        "SetTitle",
        "SplitArticle",
        "UseLineAs",
    ),
    "highlights": (
        "AddHighlight",
        "DeleteHighlight",
        "HighlightSnapshot",
        "NoteRow",
        "RestoreHighlight",
        "RestoreNote",
        "SetColor",
        "SetNote",
        "TagHighlight",
        "UntagHighlight",
    ),
    "tags": ("DeleteTag", "MergeTags", "RenameTag", "RestoreTag", "UnmergeTags"),
}
_MODULE_OF = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = globals()[name] = getattr(import_module(f"{__name__}.{module}"), name)
    return value


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
