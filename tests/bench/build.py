"""Benchmark databases under var/bench/: SQLite files built with the project's own commands.

geo.sqlite3 holds the migrated schema and all of Germany (``load_geography``); every other database
starts as a copy of it. actors-1m is grown from a copy of actors-100k with the same seed (the synth
engine's record n does not depend on the count), so the 100k rows are the first 100k of the 1M.
A database is reused when its actor count is right; an interrupted build is continued (synth skips
the keys that exist).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = ROOT / "var" / "bench"
SEED = 42


@dataclass(frozen=True, slots=True)
class BenchDb:
    name: str
    actors: int
    grow_from: str = ""

    @property
    def path(self) -> Path:
        return BENCH_DIR / f"{self.name}.sqlite3"


GEO = BenchDb("geo", 0)
DATABASES = {
    "1k": BenchDb("actors-1k", 1_000),
    "100k": BenchDb("actors-100k", 100_000),
    "1m": BenchDb("actors-1m", 1_000_000, grow_from="actors-100k"),
}


def env_for(path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["DATABASE_URL"] = f"sqlite:///{path}"
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    env.pop("DJANGO_DEBUG", None)
    return env


def manage(path: Path, *args: str, log: Path | None = None) -> float:
    """Runs ``manage.py <args>`` against the database at ``path``; returns the wall time."""
    start = time.perf_counter()
    out = open(log, "a") if log else None  # noqa: SIM115 - closed below
    try:
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args],
            cwd=ROOT,
            env=env_for(path),
            check=True,
            stdout=out or subprocess.DEVNULL,
            stderr=subprocess.STDOUT if out else None,
        )
    finally:
        if out:
            out.close()
    return time.perf_counter() - start


def count(path: Path, sql: str) -> int:
    if not path.exists():
        return -1
    con = sqlite3.connect(path)
    try:
        return int(con.execute(sql).fetchone()[0])
    except sqlite3.DatabaseError:
        return -1
    finally:
        con.close()


def actor_count(path: Path) -> int:
    return count(path, "SELECT count(*) FROM actors_actor")


def municipality_count(path: Path) -> int:
    return count(path, "SELECT count(*) FROM geo_area WHERE kind = 'municipality'")


def copy_db(src: Path, dst: Path) -> None:
    """Copies a closed SQLite database (its WAL folded in first)."""
    con = sqlite3.connect(src)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(src, dst)


def _meta(db: BenchDb) -> dict[str, object]:
    meta_path = db.path.with_suffix(".json")
    return json.loads(meta_path.read_text()) if meta_path.exists() else {}


def _write_meta(db: BenchDb, **values: object) -> None:
    meta = _meta(db) | values
    db.path.with_suffix(".json").write_text(json.dumps(meta, indent=2))


def ensure_geo(log: Path) -> Path:
    if municipality_count(GEO.path) > 10_000:
        return GEO.path
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    seconds = manage(GEO.path, "migrate", "--noinput", log=log)
    seconds += manage(GEO.path, "load_geography", log=log)
    _write_meta(GEO, geography_seconds=round(seconds, 1))
    return GEO.path


def _ensure_search_text(db: BenchDb, *, log: Path, say: Callable[[str], None]) -> None:
    """A database built by older code carries an older search text: reindex it, or the measured
    searches would run against an index that no longer matches the query code."""
    from wandelwerk.engines.text import SEARCH_TEXT_VERSION

    if _meta(db).get("search_text_version") == SEARCH_TEXT_VERSION:
        return
    say(f"  reindexing {db.name} (search text version {SEARCH_TEXT_VERSION}) …")
    seconds = manage(db.path, "reindex_actors", log=log)
    _write_meta(db, search_text_version=SEARCH_TEXT_VERSION, reindex_seconds=round(seconds, 1))


def ensure(key: str, *, log: Path, say: Callable[[str], None] = print) -> BenchDb:
    """The database ``key`` with its full actor count, built or continued as needed."""
    db = DATABASES[key]
    have = actor_count(db.path)
    if have == db.actors:
        manage(db.path, "migrate", "--noinput", log=log)  # the schema may have moved on since the build
        _ensure_search_text(db, log=log, say=say)
        return db
    geo = ensure_geo(log)
    if have < 0:
        source = DATABASES_BY_NAME.get(db.grow_from)
        if source is not None and actor_count(source.path) == source.actors:
            copy_db(source.path, db.path)
        else:
            copy_db(geo, db.path)
    manage(db.path, "migrate", "--noinput", log=log)  # the schema may have moved on since the copy
    say(f"  building {db.name}: {max(actor_count(db.path), 0):,} → {db.actors:,} actors (log: {log})")
    seconds = manage(db.path, "synth", "--actors", str(db.actors), "--seed", str(SEED), log=log)
    _write_meta(db, actors=db.actors, seed=SEED, synth_seconds_last_run=round(seconds, 1))
    _ensure_search_text(db, log=log, say=say)
    got = actor_count(db.path)
    if got != db.actors:
        raise RuntimeError(f"{db.name}: expected {db.actors} actors, found {got}")
    return db


DATABASES_BY_NAME = {db.name: db for db in DATABASES.values()}


if __name__ == "__main__":  # python -m tests.bench.build 100k 1m
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    for key in sys.argv[1:] or list(DATABASES):
        ensure(key, log=BENCH_DIR / "build.log")
        print(f"{key}: ready")
