"""Search and export read the library only through its facade and one schema module:
no module of theirs imports the ORM, and the table names search writes SQL on are the
models' own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from reader.search import schema
from reader.store import models

READER = Path(__file__).resolve().parents[2] / "reader"


def test_the_schema_module_names_the_models_tables() -> None:
    assert {
        schema.SOURCE: models.Source,
        schema.ARTICLE: models.Article,
        schema.HIGHLIGHT: models.Highlight,
        schema.NOTE: models.Note,
        schema.TAG: models.Tag,
        schema.HIGHLIGHT_TAG: models.HighlightTag,
        schema.ARTICLE_TAG: models.ArticleTag,
        schema.CORRECTION: models.Correction,
    } == {model._meta.table_name: model for model in models.ALL_MODELS}


def test_the_index_tables_exist_in_a_new_library(library) -> None:
    tables = {name for (name,) in library.database.execute_sql("SELECT name FROM sqlite_master")}
    assert tables >= schema.INDEX_TABLES


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize(
    "path", sorted((READER / "search").glob("*.py")) + sorted((READER / "export").glob("*.py"))
)
def test_search_and_export_never_touch_the_orm(path: Path) -> None:
    forbidden = {"reader.store.models", "peewee", "reader.store.database"}
    if path.name in {"engine.py", "index.py", "ranking.py"}:
        forbidden -= {"peewee", "reader.store.database"}  # they run the index's own SQL
    assert not imported_modules(path) & forbidden
