"""How an article's byline and captions read wherever a person reads them: the window,
the Markdown export and `reader show` all print them through here, so they agree.

The stored lines are the page's own (`本报讯(舒泉清 记者 朱梦琪)` with ASCII brackets,
kept for re-anchoring and archives); next to Chinese text they are shown with
full-width punctuation, like the body text the parser already normalised:
`本报讯（舒泉清 记者 朱梦琪）`.
"""

from __future__ import annotations

from reader.parse.punctuation import normalize_punctuation


def shown_byline(byline: str | None) -> str:
    """The byline as printed for a reader ("" when there is none)."""
    return normalize_punctuation(byline or "")


def shown_caption(caption: str) -> str:
    """A caption as printed for a reader."""
    return normalize_punctuation(caption)
