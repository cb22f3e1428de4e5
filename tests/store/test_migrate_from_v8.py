"""A library written by the schema-8 code (the release before the ten-year archive
work) opens with today's code: every article, highlight, note and tag is as the user
left it, checked one by one, search finds them, and each text is stored once.

`fixtures/library-v8.db` and `library-v8.json` (what that code showed of every row)
were made by the code of commit 9718db8 from the shipped sample pages: 36 highlights
in six colours on 12 articles, 18 notes (some with markup), tags on highlights and on
articles.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from reader.store.library import Library
from reader.store.migrations import LATEST_VERSION
from tests.store.test_shrink import stored_forms

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def migrated(tmp_path: Path) -> tuple[Library, dict, int]:
    path = tmp_path / "library.db"
    shutil.copyfile(FIXTURES / "library-v8.db", path)
    size_before = path.stat().st_size
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 8
    library = Library.open(path)
    yield library, json.loads((FIXTURES / "library-v8.json").read_text("utf-8")), size_before
    library.close()


def test_every_article_highlight_note_and_tag_is_kept(migrated) -> None:
    library, expected, _ = migrated
    with closing(sqlite3.connect(library.path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert len(library.list_articles()) == len(expected["articles"])
    for seen in expected["articles"]:
        article = library.get_article(seen["id"])
        assert article.title == seen["title"]
        assert hashlib.sha256(article.text.encode()).hexdigest() == seen["text_sha"]
        assert list(article.paragraphs) == seen["paragraphs"]
        assert sorted(library.article_tags(seen["id"])) == seen["tags"]
    highlights = {
        h.id: h for a in expected["articles"] for h in library.highlights_for_article(a["id"])
    }
    assert len(highlights) == len(expected["highlights"])
    for seen in expected["highlights"]:
        now = highlights[seen["id"]]
        assert (now.article_id, now.start, now.end) == (
            seen["article_id"],
            seen["start"],
            seen["end"],
        )
        assert (now.exact, now.color, now.note) == (seen["exact"], seen["color"], seen["note"])
        assert sorted(now.tags) == seen["tags"]
        assert not now.orphaned


def test_search_finds_the_migrated_notes_highlights_and_tags(migrated) -> None:
    library, expected, _ = migrated
    notes = [h for h in expected["highlights"] if h["note"]]
    found = library.search.find("会议", limit=100)
    assert {hit.highlight_id for hit in found.notes} == {h["id"] for h in notes}
    for seen in expected["highlights"]:
        hits = library.search.find(f'"{seen["exact"]}"', limit=200)
        assert seen["id"] in {hit.highlight_id for hit in hits.highlights}, seen["exact"]
    tagged = [h["id"] for h in expected["highlights"] if "政策" in h["tags"]]
    hits = library.search.find("tag:政策", limit=100)
    assert {hit.highlight_id for hit in hits.highlights} >= set(tagged)


def test_the_migrated_library_stores_each_text_once(migrated) -> None:
    library, _, _ = migrated
    library.close()
    assert stored_forms(library.path) == (0, 0)  # no page kept plain, no paragraphs twice
