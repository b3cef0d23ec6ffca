"""Triggers that keep actors_publiccount equal to the published public actors per municipality,
for every write path (services, bulk import, admin, raw SQL). Backfills existing rows."""

from django.db import migrations

PUBLIC = "{row}.status = 'published' AND {row}.visibility = 'public'"

SQLITE_UP = [
    f"""CREATE TRIGGER actors_publiccount_ai AFTER INSERT ON actors_actor
    WHEN {PUBLIC.format(row='new')} BEGIN
      INSERT INTO actors_publiccount (municipality_id, county_id, n) VALUES (new.municipality_id, new.county_id, 1)
      ON CONFLICT (municipality_id) DO UPDATE SET n = n + 1;
    END""",
    f"""CREATE TRIGGER actors_publiccount_ad AFTER DELETE ON actors_actor
    WHEN {PUBLIC.format(row='old')} BEGIN
      UPDATE actors_publiccount SET n = n - 1 WHERE municipality_id = old.municipality_id;
    END""",
    f"""CREATE TRIGGER actors_publiccount_au AFTER UPDATE OF status, visibility, municipality_id ON actors_actor
    BEGIN
      UPDATE actors_publiccount SET n = n - 1
        WHERE municipality_id = old.municipality_id AND {PUBLIC.format(row='old')};
      INSERT INTO actors_publiccount (municipality_id, county_id, n)
        SELECT new.municipality_id, new.county_id, 1 WHERE {PUBLIC.format(row='new')}
      ON CONFLICT (municipality_id) DO UPDATE SET n = n + 1;
    END""",
]
SQLITE_DOWN = [f"DROP TRIGGER IF EXISTS actors_publiccount_{s}" for s in ("ai", "ad", "au")]

PG_UP = [
    f"""CREATE FUNCTION actors_publiccount_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') AND {PUBLIC.format(row='OLD')} THEN
        UPDATE actors_publiccount SET n = n - 1 WHERE municipality_id = OLD.municipality_id;
      END IF;
      IF TG_OP IN ('UPDATE', 'INSERT') AND {PUBLIC.format(row='NEW')} THEN
        INSERT INTO actors_publiccount (municipality_id, county_id, n) VALUES (NEW.municipality_id, NEW.county_id, 1)
        ON CONFLICT (municipality_id) DO UPDATE SET n = actors_publiccount.n + 1;
      END IF;
      RETURN NULL;
    END $$""",
    """CREATE TRIGGER actors_publiccount_trg AFTER INSERT OR DELETE OR UPDATE OF status, visibility, municipality_id
    ON actors_actor FOR EACH ROW EXECUTE FUNCTION actors_publiccount_sync()""",
]
PG_DOWN = [
    "DROP TRIGGER IF EXISTS actors_publiccount_trg ON actors_actor",
    "DROP FUNCTION IF EXISTS actors_publiccount_sync()",
]
BACKFILL = f"""INSERT INTO actors_publiccount (municipality_id, county_id, n)
SELECT municipality_id, MIN(county_id), COUNT(*) FROM actors_actor a WHERE {PUBLIC.format(row='a')}
GROUP BY municipality_id"""


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("actors", "0004_public_count")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": [*SQLITE_UP, BACKFILL], "postgresql": [*PG_UP, BACKFILL]}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": PG_DOWN}),
        )
    ]
