"""The names of the tables search reads and writes, in one place.

Search runs its own SQL (FTS5 ranking has no peewee form) but does not import the ORM
(`reader.store.models`): the library's table names are written here once, and a test
(`tests/search/test_schema.py`) checks them against the models, so a renamed table fails
there rather than as a broken search.
"""

from __future__ import annotations

# The library's tables (peewee's names for the models in reader.store.models).
SOURCE = "source"
ARTICLE = "article"
HIGHLIGHT = "highlight"
NOTE = "note"
TAG = "tag"
HIGHLIGHT_TAG = "highlight_tag"
ARTICLE_TAG = "article_tag"
CORRECTION = "correction"  # page corrections (reader.store.corrections)

#: When an article appeared, for `after:`/`before:`: the date its page printed (as the
#: start of that day), else the date its source says (a web page's metadata, the day of
#: a paste), else when it was imported. Written for the alias `a` of ARTICLE.
ARTICLE_DATE = (
    "coalesce((SELECT coalesce(s.page_date, s.published) || ' 00:00:00' "
    f"FROM {SOURCE} s WHERE s.id = a.source_id), a.created_at)"
)

# The full-text index (`reader.search.index`): rowid = the indexed row's id.
ARTICLE_FTS = "article_fts"
HIGHLIGHT_FTS = "highlight_fts"
NOTE_FTS = "note_fts"

#: The index tables: one missing means the library's search index is damaged.
INDEX_TABLES = frozenset({ARTICLE_FTS, HIGHLIGHT_FTS, NOTE_FTS})
