"""``python -m tests.bench.run [--only search,clusters,…,network,gaps,recommend,circular]`` (``make bench``).

Builds (or reuses) the SQLite benchmark databases under var/bench/, measures each figure in a fresh
process, writes docs/benchmarks.md and prints it. Targets are those of DESIGN.md ("Performance
targets"); every number in the report was measured in this run. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.bench.analysis_report import analysis_table, measure_analysis
from tests.bench.build import BENCH_DIR, GEO, ROOT, copy_db, ensure, ensure_geo, env_for

REPORT = ROOT / "docs" / "benchmarks.md"
LOG = BENCH_DIR / "build.log"
REQUESTS = 60  # measured requests per series (after warm-up)
ALL: tuple[str, ...] = ("search", "clusters", "directory", "import", "memory", "engine")
ALL += ("network", "gaps", "recommend", "circular")  # analysis (issue 6): tests/bench/analysis_report.py


def say(text: str) -> None:
    print(text, flush=True)


def measure(db: Path, task: str, **options: Any) -> dict[str, Any]:
    """Runs tests.bench.measure in a fresh process against ``db``; its last output line is JSON."""
    proc = subprocess.run(
        [sys.executable, "-m", "tests.bench.measure", task, json.dumps(options)],
        cwd=ROOT,
        env=env_for(db),
        capture_output=True,
        text=True,
        timeout=3600,
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        return {"available": False, "reason": f"measurement crashed: {proc.stderr.strip()[-300:]}"}
    return json.loads(lines[-1])


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if "MemTotal" in line
        )
        memory = f"{mem_kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration):
        memory = "RAM unknown"
    import django

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {
        "machine": f"{cpu}, {os.cpu_count()} cores, {memory}",
        "software": f"Python {platform.python_version()}, Django {django.get_version()}, "
        f"SQLite {sqlite3.sqlite_version}",
        "commit": commit.stdout.strip() or "unknown",
    }


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def _cell(result: dict[str, Any] | None, key: str, unit: str = " ms") -> str:
    if not result or not result.get("available"):
        return "–"
    return f"{result[key]}{unit}"


def _meets(result: dict[str, Any] | None, key: str, limit: float) -> str:
    if not result or not result.get("available"):
        return "not available: " + ((result or {}).get("reason") or "not measured")[:160]
    return "meets target" if result[key] <= limit else "**misses target**"


def report(results: dict[str, Any], info: dict[str, str], started: str, loads: tuple[str, str]) -> str:
    s100, s1m = results.get("search_100k"), results.get("search_1m")
    api100, api1m = (s100 or {}).get("api"), (s1m or {}).get("api")
    base100, base1m = (s100 or {}).get("baseline"), (s1m or {}).get("baseline")
    clusters = (s1m or {}).get("clusters") if "clusters" in results.get("_ran", ()) else None
    cold = (s1m or {}).get("clusters_cold") if "clusters" in results.get("_ran", ()) else None
    directory, imp, engine = results.get("directory"), results.get("import"), results.get("engine")
    rss = (s1m or {}).get("rss_after_search_mb") if "memory" in results.get("_ran", ()) else None

    def base(b: dict[str, Any] | None) -> str:
        return f"{b['p50_ms']} / {b['p95_ms']} ms" if b and b.get("available") else "–"

    rows = [
        ("Actor search API (bbox + topic + text), 100k actors", "p95 ≤ 30 ms",
         _cell(api100, "p50_ms"), _cell(api100, "p95_ms"), base(base100), _meets(api100, "p95_ms", 30)),
        ("Actor search API (bbox + topic + text), 1M actors", "p95 ≤ 80 ms",
         _cell(api1m, "p50_ms"), _cell(api1m, "p95_ms"), base(base1m), _meets(api1m, "p95_ms", 80)),
        ("Map overview `/api/v1/actors/clusters?zoom=6`, all Germany, 1M actors (cache cleared before"
         " each request)", "≤ 100 ms", _cell(cold, "p50_ms"), _cell(cold, "p95_ms"), "–",
         _meets(cold, "p95_ms", 100)),
        ("Same map overview, repeated (shared cache warm)", "≤ 100 ms",
         _cell(clusters, "p50_ms"), _cell(clusters, "p95_ms"), "–", _meets(clusters, "p95_ms", 100)),
        ("Directory page `/akteure/`, 1,000 actors", "(none in DESIGN.md)",
         _cell(directory, "p50_ms"), _cell(directory, "p95_ms"), "–",
         "measured" if directory and directory.get("available") else _meets(directory, "p95_ms", 0)),
        ("CSV import of 100k actors (`import_actors`), all-or-nothing", "≤ 30 s",
         _cell(imp, "import_s", " s"), "", "–", _meets(imp, "import_s", 30)),
        ("Same CSV imported again (nothing new)", "(none)", _cell(imp, "reimport_s", " s"), "", "–",
         f"created {imp['created_on_reimport']}" if imp and imp.get("available") else "–"),
        ("Peak RSS of the process after the 1M searches", "≤ 300 MB",
         f"{rss} MB" if rss is not None else "–", "", "–",
         ("meets target" if rss <= 300 else "**misses target**") if rss is not None else "not measured"),
        ("Synth engine: 1M records, pure generation (CPU time)", "well under a minute (brief)",
         _cell(engine, "cpu_s", " s"), "", "–", _cell(engine, "wall_s", " s wall")),
    ]  # fmt: skip
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m tests.bench.run`); every figure below was measured in that run.",
        "Requests go through `django.test.Client` (server time: routing, middleware, view, queries,",
        f"serialisation; no network), {REQUESTS} measured requests per series after warm-up. Searches: 60",
        "different requests (bbox of about 40 × 45 km around one of the 40 largest municipalities, one",
        "action field, one word from the generator's vocabulary); warm-up is one unmeasured pass over the",
        "same 60 requests, so the database pages are in memory (search has no result cache); the first",
        "pass is listed below. The baseline is the same search as a plain ORM query (`name__icontains` /",
        "`description__icontains`, topic by join, bbox ranges, count + first 20 rows) on the same",
        "database, without HTTP and serialisation, after 5 warm-up queries.",
        "",
        "| what | target | p50 | p95 | baseline p50 / p95 | result |",
        "|---|---|---|---|---|---|",
        *(f"| {' | '.join(row)} |" for row in rows),
        "",
        f"- date: {started} (UTC)",
        f"- machine: {info['machine']}; {info['software']}; commit {info['commit']}",
        f"- load average (1/5/15 min) at start / end: {loads[0]} / {loads[1]} — the machine is shared;"
        " a high load inflates the figures",
        "- databases: SQLite (WAL) under `var/bench/`, synthetic actors on all of Germany (`manage.py synth`,"
        " seed 42; the 100k actors are the first 100k of the 1M)",
    ]
    for key, label in (("search_100k", "100k"), ("search_1m", "1M")):
        api = (results.get(key) or {}).get("api")
        if api and not api.get("available"):
            lines.append(f"- search {label}: not available — {api.get('reason', '')[:200]}")
        elif api and "first_pass" in api:
            first = api["first_pass"]
            lines.append(
                f"- search {label}, first (unwarmed) pass: p50 {first['p50_ms']} ms, p95 {first['p95_ms']} ms"
            )
    if directory and directory.get("available"):
        lines.append(
            f"- directory page: {directory.get('actors_listed_on_page')} actor names found in the HTML"
        )
    if imp and imp.get("available"):
        lines.append(
            f"- import: {imp['rows']:,} rows, {imp['csv_mb']} MB CSV (`;`, UTF-8), {imp['created']:,} "
            "created; into a fresh copy of the geography database"
        )
    for name in ("actors-100k", "actors-1m"):
        meta_path = BENCH_DIR / f"{name}.json"
        if meta_path.exists():
            meta = json.loads(meta_path.read_text())
            if "synth_seconds_last_run" in meta:
                lines.append(f"- {name}: last `synth` run took {meta['synth_seconds_last_run']} s")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default=",".join(ALL), help=f"comma-separated subset of {','.join(ALL)}")
    only = {part.strip() for part in parser.parse_args().only.split(",") if part.strip()}
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M")
    load_start = _load()
    info = machine()
    results: dict[str, Any] = {"_ran": sorted(only)}
    t0 = time.perf_counter()

    say("Benchmark databases (built once, reused while the actor count is right):")
    ensure_geo(LOG)
    if only & {"search", "clusters", "memory"}:
        db100 = ensure("100k", log=LOG, say=say)
        db1m = ensure("1m", log=LOG, say=say)
        if "search" in only:
            say("measuring: actor search, 100k …")
            results["search_100k"] = measure(db100.path, "search", requests=REQUESTS)
        say("measuring: actor search, map overview and memory, 1M …")
        results["search_1m"] = measure(db1m.path, "search", requests=REQUESTS, clusters="clusters" in only)
    if "directory" in only:
        db1k = ensure("1k", log=LOG, say=say)
        say("measuring: directory page, 1k …")
        results["directory"] = measure(db1k.path, "directory", requests=REQUESTS)
    if "import" in only:
        target = BENCH_DIR / "import.sqlite3"
        copy_db(GEO.path, target)
        say("measuring: CSV import of 100k rows …")
        results["import"] = measure(target, "import", csv=str(BENCH_DIR / "import-100k.csv"), rows=100_000)
    if "engine" in only:
        say("measuring: synth engine, 1M records …")
        results["engine"] = measure(GEO.path, "engine", count=1_000_000)

    results |= measure_analysis(only, say)

    (BENCH_DIR / "results.json").write_text(json.dumps(results, indent=2))
    text = report(results, info, started, (load_start, _load()))
    text += analysis_table(results)
    REPORT.write_text(text)
    say("")
    say(text)
    say(f"(total {time.perf_counter() - t0:.0f} s; raw results in {BENCH_DIR / 'results.json'})")


if __name__ == "__main__":
    main()
