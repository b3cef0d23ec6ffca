"""Full-text index over Actor.search_text (stemmed tokens computed in Python, see engines/text.py).

SQLite: an external-content FTS5 table kept in step by triggers (also for bulk inserts).
PostgreSQL: a GIN expression index over to_tsvector('simple', search_text).
"""

from django.db import migrations

SQLITE_UP = [
    "CREATE VIRTUAL TABLE actors_actor_fts USING fts5(search_text, content='actors_actor', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER actors_actor_fts_ai AFTER INSERT ON actors_actor BEGIN "
    "INSERT INTO actors_actor_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER actors_actor_fts_ad AFTER DELETE ON actors_actor BEGIN "
    "INSERT INTO actors_actor_fts(actors_actor_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER actors_actor_fts_au AFTER UPDATE OF search_text ON actors_actor BEGIN "
    "INSERT INTO actors_actor_fts(actors_actor_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO actors_actor_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO actors_actor_fts(actors_actor_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS actors_actor_fts_ai",
    "DROP TRIGGER IF EXISTS actors_actor_fts_ad",
    "DROP TRIGGER IF EXISTS actors_actor_fts_au",
    "DROP TABLE IF EXISTS actors_actor_fts",
]
PG_UP = ["CREATE INDEX actors_actor_search_gin ON actors_actor USING gin (to_tsvector('simple', search_text))"]
PG_DOWN = ["DROP INDEX IF EXISTS actors_actor_search_gin"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("actors", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": PG_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": PG_DOWN}),
        )
    ]
