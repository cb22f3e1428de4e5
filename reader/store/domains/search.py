"""Full-text search as a domain of the library (`library.search`): the engine
(`reader.search.engine`) runs the queries; here its failures become errors by kind."""

from __future__ import annotations

import sqlite3

import peewee as pw

from reader.errors import LibraryCorruptError
from reader.search import engine
from reader.search.engine import SearchResults
from reader.store.database import error_by_kind
from reader.store.domains.base import Domain, bound


class Search(Domain):
    @bound
    def find(self, text: str, *, limit: int = 50) -> SearchResults:
        """Notes, highlights and articles matching `text`, at most `limit` of each kind,
        best first. A query FTS5 cannot read is no match; a busy, read-only, damaged or
        unreadable library raises its LibraryError, and so does a damaged search index
        (LibraryCorruptError), so the person sees an error, not "no results"."""
        try:
            return engine.search_database(self._db, text, limit=limit)
        except (pw.OperationalError, sqlite3.OperationalError) as error:
            table = engine.missing_index_table(error)
            if table is None or error_by_kind(error, self._path) is not None:
                raise  # `bound` classifies it, or it is a bug and surfaces as is
            raise LibraryCorruptError(
                f"the search index of the library {self._path} is damaged (its table "
                f"{table} is missing); `reader check` tells more, and `reader recover "
                "--salvage NEW.db` rebuilds a library with its index"
            ) from error
