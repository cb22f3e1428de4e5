"""A library with a little of everything in it, and its content in a form two equal
libraries share: what the operation and history tests compare."""

from __future__ import annotations

from pathlib import Path

#: What "the same content" means for `library_content`, and what is left out:
#: - FTS5 keeps its index in shadow tables (`*_data`, `*_idx`, `*_docsize`, ...) whose
#:   bytes record the history of writes (segments, delete markers, merges), so a row
#:   deleted and inserted again leaves different bytes for the same index. The index is
#:   compared through its virtual tables instead, by rowid (`highlight_fts`, `note_fts`
#:   keep their text; the contentless `article_fts` shows its rowids).
#: - The link tables (`highlight_tag`, `article_tag`) have a composite primary key, so
#:   SQLite gives their rows a hidden rowid that nothing reads and VACUUM may renumber;
#:   their rows are compared as a set of (highlight or article, tag) pairs.
#: - `library_change` holds a random token that every write replaces (it tells the
#:   rolling backup that something changed); it is bookkeeping, not content.
BOOKKEEPING_TABLES = ("library_change",)


def library_content(library) -> dict[str, list[tuple]]:
    """Every row of every table, in a form two equal libraries share."""
    db = library.database
    tables = db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in tables if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    content = {}
    for name, _sql in tables:
        if any(name.startswith(f"{v}_") for v in virtual) or name.startswith("sqlite_"):
            continue
        if name in BOOKKEEPING_TABLES:
            continue
        if name in virtual:
            query = f'SELECT rowid, * FROM "{name}" ORDER BY rowid'
        else:
            query = f'SELECT * FROM "{name}"'
        content[name] = sorted(db.execute_sql(query).fetchall(), key=repr)
    return content


def fill_annotated(library, folder: Path) -> dict[str, int]:
    """Two articles with highlights, a note, tags on both, one article read, one tag
    nobody carries; every stored time set in 2020, so a time written now shows."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = {
        "a": ("常深合作交流会举行", "合作共赢是主题。各方表示将继续合作。"),
        "b": ("人物专访", "记者采访了一位老工匠，他说手艺要传下去。"),
    }
    ids = {}
    for key, (title, body) in pages.items():
        path = folder / f"{key}.txt"
        path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")  # one plain article
        ids[key] = library.import_file(path).article_ids[0]
    ids["h1"] = library.add_highlight(ids["a"], 0, 4, note="旧注", tags=["经济", "深圳"]).id
    ids["h2"] = library.add_highlight(ids["a"], 8, 12, color="green", tags=["经济"]).id
    ids["h3"] = library.add_highlight(ids["b"], 0, 2, tags=["人物"]).id
    library.tag_article(ids["a"], "深圳")
    library.tag_article(ids["b"], "空")
    library.untag_article(ids["b"], "空")
    library.set_read(ids["a"])
    db = library.database
    for table, columns in {
        "article": ("created_at", "read_at"),
        "highlight": ("created_at", "updated_at"),
        "note": ("created_at", "updated_at"),
        "tag": ("created_at",),
        "source": ("imported_at",),
    }.items():
        for column in columns:
            db.execute_sql(
                f'UPDATE "{table}" SET "{column}" = \'2020-05-04 03:02:01.123456\' '
                f'WHERE "{column}" IS NOT NULL'
            )
    return ids
