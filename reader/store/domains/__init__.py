"""The library's domains, each behind one attribute of the `Library` facade (as Anki's
collection hands out `col.tags` and `col.decks`): `articles`, `highlights`, `tags`,
`pages` (import and re-parse), `search` and `archive` (restore and the archive's reads).

Each domain reads with its own queries and changes data only through operations
(`reader.store.operations`) or, for import and restore, in one write transaction of its
own; its public methods bind the models and turn SQLite's errors into errors by kind
(`base.bound`).
"""
