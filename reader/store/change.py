"""What one change to the library touched, so each view refreshes only that.

Every operation (`reader.store.operations`) reports a `Change`, whether it ran first,
as an undo or as a redo; the UI turns it into one `changed(Change)` signal and each view
checks the part it shows (the pane its article id, the sidebar its tag names).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """Ids and names of what an operation changed; empty when it changed nothing.

    - `article_ids`: articles that look different now: read state, their own tags, or
      their highlights (added, removed, recoloured, noted, tagged, a tag renamed).
    - `highlight_ids`: highlights added, removed, or with a new colour, note or tags
      (a renamed, merged or deleted tag changes the tags every carrier shows).
    - `tag_names`: tags created, deleted or renamed (old and new name), or whose links
      (and so their counts) changed.
    - `tags_list_changed`: the set of tag names itself changed (a tag created, deleted
      or renamed), so a list or completer of names must be rebuilt, not just recounted.
    - `article_list_changed`: articles were added or removed (import, restore): the
      article list must be reloaded rather than updated row by row.
    """

    article_ids: frozenset[int] = frozenset()
    highlight_ids: frozenset[int] = frozenset()
    tag_names: frozenset[str] = frozenset()
    tags_list_changed: bool = False
    article_list_changed: bool = False

    @property
    def is_empty(self) -> bool:
        return not (
            self.article_ids
            or self.highlight_ids
            or self.tag_names
            or self.tags_list_changed
            or self.article_list_changed
        )


NO_CHANGE = Change()
