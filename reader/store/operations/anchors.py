"""Re-attaching an orphaned highlight: a highlight whose passage changed when its page
was imported again keeps its old quote and is marked orphaned; the user selects the
passage it belongs to now and re-attaches it there (note, colour and tags stay).

The inverse puts the old anchor back exactly (quote, context, span, orphaned flag and
edit time), so an undone re-attach leaves the highlight the orphan it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reader.errors import ReaderError
from reader.store import anchoring
from reader.store.change import Change
from reader.store.models import Highlight
from reader.store.operations.base import Label, Operation, OpResult, unchanged
from reader.store.operations.rows import get_article, get_highlight
from reader.times import utcnow


@dataclass(frozen=True)
class AnchorRow:
    """Where a highlight is anchored, as stored."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    orphaned: bool
    updated_at: dt.datetime

    @classmethod
    def of(cls, highlight: Highlight) -> AnchorRow:
        return cls(
            highlight.start,
            highlight.end,
            highlight.exact,
            highlight.prefix,
            highlight.suffix,
            bool(highlight.orphaned),
            highlight.updated_at,
        )

    def columns(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "orphaned": self.orphaned,
            "updated_at": self.updated_at,
        }


def _anchor_change(highlight: Highlight) -> Change:
    return Change(
        article_ids=frozenset({highlight.article_id}), highlight_ids=frozenset({highlight.id})
    )


@dataclass(frozen=True)
class ReattachHighlight(Operation[None]):
    """Anchor a highlight on code points [start, end) of its article's text now: its
    quote becomes that passage and it is no longer an orphan. ReaderError for an empty
    or out-of-range span."""

    highlight_id: int
    start: int
    end: int

    @property
    def label(self) -> Label:
        return Label("Re-attach highlight")

    def apply(self) -> OpResult[None]:
        highlight = get_highlight(self.highlight_id)
        text = get_article(highlight.article_id).text
        if not 0 <= self.start < self.end <= len(text):
            raise ReaderError(
                f"cannot re-attach to [{self.start}, {self.end}): the article has "
                f"{len(text)} characters and a highlight needs at least one"
            )
        old = AnchorRow.of(highlight)
        selector = anchoring.make_selector(text, self.start, self.end)
        new = AnchorRow(
            selector.start,
            selector.end,
            selector.exact,
            selector.prefix,
            selector.suffix,
            orphaned=False,
            updated_at=utcnow(),
        )
        if (old.start, old.end, old.exact, old.orphaned) == (
            new.start,
            new.end,
            new.exact,
            False,
        ):
            return unchanged(None)
        Highlight.update(**new.columns()).where(Highlight.id == highlight.id).execute()
        return OpResult(_anchor_change(highlight), RestoreAnchor(highlight.id, old), None)


@dataclass(frozen=True)
class RestoreAnchor(Operation[None]):
    """Put a highlight's anchor back as it was (the inverse of a re-attach, and of
    itself)."""

    highlight_id: int
    anchor: AnchorRow

    @property
    def label(self) -> Label:
        return Label("Re-attach highlight")

    def apply(self) -> OpResult[None]:
        highlight = get_highlight(self.highlight_id)
        current = AnchorRow.of(highlight)
        if current == self.anchor:
            return unchanged(None)
        Highlight.update(**self.anchor.columns()).where(Highlight.id == highlight.id).execute()
        return OpResult(_anchor_change(highlight), RestoreAnchor(highlight.id, current), None)
