"""Times as the library stores them: naive UTC. Kept apart from the ORM so the query
language and the UI can read and write times without importing `reader.store.models`."""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def parse_time(value: str | None) -> dt.datetime | None:
    """An ISO 8601 time as stored times are: naive UTC (`Z` and offsets converted; a
    time without a zone is taken as UTC). ValueError for text that is not a time."""
    if value is None:
        return None
    parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed
