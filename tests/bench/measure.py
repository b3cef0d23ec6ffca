"""One measurement, run in its own process against one benchmark database (DATABASE_URL is set by
run.py): ``python -m tests.bench.measure TASK '{"json": "options"}'``. Prints one JSON line.

Requests go through django.test.Client, so the times are server time (URL resolving, middleware,
view, queries, serialisation) without a network. Each series has warm-up requests that are not
counted. Nothing here invents a figure: what could not be measured is reported with the reason.
"""

from __future__ import annotations

import csv
import json
import os
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

GERMANY = "5.87,47.27,15.04,55.06"


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def _stats(times: list[float]) -> dict[str, Any]:
    import numpy as np

    ms = np.array(times) * 1000.0
    return {
        "n": len(times),
        "p50_ms": round(float(np.percentile(ms, 50)), 1),
        "p95_ms": round(float(np.percentile(ms, 95)), 1),
        "max_ms": round(float(ms.max()), 1),
    }


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # Linux: KiB


def _get_all(client: Any, urls: list[str], clear_cache: bool) -> tuple[list[float], Counter[int], str]:
    from django.core.cache import cache

    statuses: Counter[int] = Counter()
    times: list[float] = []
    first_error = ""
    for url in urls:
        if clear_cache:
            cache.clear()
        start = time.perf_counter()
        response = client.get(url)
        _ = response.content
        times.append(time.perf_counter() - start)
        statuses[response.status_code] += 1
        if response.status_code != 200 and not first_error:
            first_error = f"{response.status_code} {url}: {response.content[:200]!r}"
    return times, statuses, first_error


def _series(
    client: Any, urls: list[str], warmup: int, *, clear_cache: bool = False, repeat: bool = False
) -> dict[str, Any]:
    """GETs the URLs and reports times and status codes. Warm-up: the first ``warmup`` URLs are not
    counted; with ``repeat`` the whole list is requested twice and the second pass is counted (the
    first pass, reported as ``first_pass``, brings the database pages into memory). With
    ``clear_cache`` the shared cache is emptied before each request (outside the timing)."""
    first: dict[str, Any] = {}
    if repeat:
        times, statuses, error = _get_all(client, urls, clear_cache)
        first = {"first_pass": _stats(times)}
    times, statuses, error = _get_all(client, urls, clear_cache)
    times = times if repeat else times[warmup:]
    result: dict[str, Any] = {"statuses": dict(statuses)}
    if statuses.get(404) == len(urls):
        return result | {"available": False, "reason": "404: endpoint not available"}
    if statuses.get(200, 0) < len(urls):
        return result | {"available": False, "reason": error}
    return result | {"available": True} | _stats(times) | first


def _search_params(count: int, seed: int) -> list[dict[str, str]]:
    """bbox about 40 × 45 km around the 40 largest municipalities, an action field and a word."""
    from wandelwerk.actors.models import Topic, TopicGroup
    from wandelwerk.engines.synth_words import SEARCH_WORDS
    from wandelwerk.geo.models import Area, AreaKind

    cities = list(
        Area.objects.filter(kind=AreaKind.MUNICIPALITY, population__isnull=False)
        .order_by("-population")
        .values_list("lat", "lon")[:40]
    )
    topics = list(Topic.objects.filter(group=TopicGroup.FIELD).order_by("pk").values_list("slug", flat=True))
    rng = random.Random(seed)
    params = []
    for i in range(count):
        lat, lon = cities[i % len(cities)]
        bbox = f"{lon - 0.3:.4f},{lat - 0.2:.4f},{lon + 0.3:.4f},{lat + 0.2:.4f}"
        params.append({"bbox": bbox, "topic": rng.choice(topics), "q": rng.choice(SEARCH_WORDS)})
    return params


def _baseline(params: list[dict[str, str]], warmup: int) -> dict[str, Any]:
    """The same searches as plain ORM: icontains on name/description, topic by join, bbox ranges."""
    from django.db.models import Q

    from wandelwerk.actors.models import Actor

    times = []
    for i, p in enumerate(params):
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in p["bbox"].split(","))
        start = time.perf_counter()
        qs = Actor.objects.filter(
            Q(name__icontains=p["q"]) | Q(description__icontains=p["q"]),
            status="published",
            visibility="public",
            lat__gte=min_lat,
            lat__lte=max_lat,
            lon__gte=min_lon,
            lon__lte=max_lon,
            topics__slug=p["topic"],
        ).order_by("name", "id")
        total = qs.count()
        rows = list(qs.values("id", "name", "slug", "kind", "lat", "lon", "place")[:20])
        elapsed = time.perf_counter() - start
        if i >= warmup:
            times.append(elapsed)
        del total, rows
    return {"available": True} | _stats(times)


def task_search(opts: dict[str, Any]) -> dict[str, Any]:
    from django.test import Client

    warmup, n = opts.get("warmup", 5), opts.get("requests", 60)
    params = _search_params(n, seed=opts.get("seed", 7))
    client = Client()
    urls = [f"/api/v1/actors?{urlencode(p)}" for p in params]
    out: dict[str, Any] = {"api": _series(client, urls, 0, repeat=True)}
    out["rss_after_search_mb"] = _rss_mb()
    if opts.get("clusters"):
        urls = [f"/api/v1/actors/clusters?zoom=6&bbox={GERMANY}"] * (opts.get("cluster_warmup", 3) + n)
        out["clusters"] = _series(client, urls, opts.get("cluster_warmup", 3))
        out["clusters_cold"] = _series(client, urls, opts.get("cluster_warmup", 3), clear_cache=True)
    out["baseline"] = _baseline(params[:warmup] + params, warmup)
    return out


def task_directory(opts: dict[str, Any]) -> dict[str, Any]:
    from django.test import Client

    from wandelwerk.actors.models import Actor

    warmup, n = opts.get("warmup", 5), opts.get("requests", 60)
    client = Client()
    result = _series(client, ["/akteure/"] * (warmup + n), warmup)
    if result.get("available"):
        html = client.get("/akteure/").content.decode()
        names = Actor.objects.filter(status="published", visibility="public").values_list("name", flat=True)
        from django.utils.html import escape

        listed = sum(1 for name in names if escape(name) in html)
        result["actors_listed_on_page"] = listed
        if listed == 0:
            result |= {"available": False, "reason": "page answers but lists no actors (placeholder)"}
    return result | {"actors_in_db": Actor.objects.count()}


def _write_csv(path: Path, rows: int, seed: int) -> None:
    from wandelwerk.core.demo import synth_municipalities, synth_topics
    from wandelwerk.engines.synth import generate

    topics = synth_topics()
    slugs = {t.id: t.slug for t in topics}
    ags = {}
    munis = synth_municipalities()
    for m in munis:
        ags[m.id] = m.ags
    columns = ["name", "kind", "description", "topics", "ags", "lat", "lon", "website", "email", "offers",
               "needs", "visibility", "source_id"]  # fmt: skip
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(columns)
        for a in generate(munis, topics, count=rows, seed=seed):
            offers = "|".join(f"{c}: {t}" for d, c, t, _ in a.resources if d == "offer")
            needs = "|".join(f"{c}: {t}" for d, c, t, _ in a.resources if d == "need")
            topic_slugs = "|".join(slugs[t] for t in a.topic_ids)
            writer.writerow([
                a.name, a.kind, a.description, topic_slugs, ags[a.municipality_id], a.lat, a.lon, a.website,
                a.email, offers, needs, a.visibility, f"bench-{seed}-{a.n}",
            ])  # fmt: skip


def task_import(opts: dict[str, Any]) -> dict[str, Any]:
    from django.core.management import call_command, get_commands
    from django.core.management.base import CommandError

    from wandelwerk.actors.models import Actor

    if "import_actors" not in get_commands():
        return {"available": False, "reason": "manage.py import_actors does not exist yet"}
    path = Path(opts["csv"])
    rows = opts.get("rows", 100_000)
    start = time.perf_counter()
    _write_csv(path, rows, seed=opts.get("seed", 99))
    written = time.perf_counter() - start
    before = Actor.objects.count()
    log = open(os.devnull, "w")  # noqa: SIM115 - closed below
    try:
        start = time.perf_counter()
        call_command("import_actors", str(path), stdout=log, stderr=log)
        first = time.perf_counter() - start
        created = Actor.objects.count() - before
        start = time.perf_counter()
        call_command("import_actors", str(path), stdout=log, stderr=log)
        second = time.perf_counter() - start
    except CommandError as exc:
        return {"available": False, "reason": f"import failed: {exc}"}
    finally:
        log.close()
    return {
        "available": True,
        "rows": rows,
        "csv_mb": round(path.stat().st_size / 1e6, 1),
        "csv_write_s": round(written, 1),
        "import_s": round(first, 1),
        "created": created,
        "reimport_s": round(second, 1),
        "created_on_reimport": Actor.objects.count() - before - created,
    }


def task_engine(opts: dict[str, Any]) -> dict[str, Any]:
    """Pure generation by engines.synth (no database writes) on all municipalities."""
    from wandelwerk.core.demo import synth_municipalities, synth_topics
    from wandelwerk.engines.synth import generate

    munis, topics = synth_municipalities(), synth_topics()
    count = opts.get("count", 1_000_000)
    wall, cpu = time.perf_counter(), time.process_time()
    n = sum(1 for _ in generate(munis, topics, count=count, seed=1))
    return {
        "available": True,
        "records": n,
        "wall_s": round(time.perf_counter() - wall, 1),
        "cpu_s": round(time.process_time() - cpu, 1),
        "rss_mb": _rss_mb(),
    }


TASKS = {"search": task_search, "directory": task_directory, "import": task_import, "engine": task_engine}

if __name__ == "__main__":
    _setup()
    task, options = sys.argv[1], json.loads(sys.argv[2] if len(sys.argv) > 2 else "{}")
    print(json.dumps(TASKS[task](options)))
