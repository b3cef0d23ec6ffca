"""Database upkeep after bulk writes."""

from __future__ import annotations

from django.db import connection


def database_analyze() -> None:
    """Refreshes the query planner's statistics. After a bulk load the planner otherwise keeps
    guessing (SQLite has no statistics at all until ANALYZE), e.g. scanning an index over all
    published actors instead of starting from the few full-text matches."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
