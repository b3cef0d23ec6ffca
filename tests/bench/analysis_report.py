"""The "Analysis" part of ``make bench``: runs tests.bench.analysis tasks in fresh processes and writes
the second table of docs/benchmarks.md (targets from issue 6). Used by tests.bench.run."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from tests.bench.build import GEO, ROOT, env_for

NETWORK = {"actors": 100_000, "ties": 1_000_000, "k": 100, "seed": 1}
NETWORK_SMALL = {"actors": 25_000, "ties": 250_000, "k": 100, "seed": 1}  # if networkx cannot finish
NX_TIMEOUT_S = 15 * 60
CIRCULAR_SPREAD = {"flows": 100_000, "state": "", "max_km": 50.0, "seed": 1}
CIRCULAR_DENSE = {"flows": 100_000, "state": "14", "max_km": 50.0, "seed": 1}  # Saxony
RSS_LIMIT_MB = 4096


def run_task(task: str, options: dict[str, Any], timeout: float = 3600) -> dict[str, Any]:
    """``python -m tests.bench.analysis TASK OPTIONS`` in a fresh process; its last line is JSON."""
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "tests.bench.analysis", task, json.dumps(options)],
            cwd=ROOT,
            env=env_for(GEO.path),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return {
            "available": False,
            "reason": f"did not finish within {timeout / 60:.0f} min",
            "timeout": True,
        }
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        return {"available": False, "reason": f"measurement crashed: {proc.stderr.strip()[-300:]}"}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def measure_analysis(only: set[str], say: Callable[[str], None]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if only & {"network", "gaps"}:
        size = f"{NETWORK['actors']:,} actors / {NETWORK['ties']:,} ties"
        say(f"measuring: network + gap analysis, engine, {size} …")
        out["network"] = run_task("network", NETWORK)
        say(f"measuring: the same with plain networkx, {size} (minutes) …")
        out["network_nx"] = run_task("network_nx", NETWORK, timeout=NX_TIMEOUT_S)
        if out["network_nx"].get("timeout"):
            small = f"{NETWORK_SMALL['actors']:,} actors / {NETWORK_SMALL['ties']:,} ties"
            say(f"networkx did not finish at full size; measuring both at {small} …")
            out["network_small"] = run_task("network", NETWORK_SMALL)
            out["network_nx_small"] = run_task("network_nx", NETWORK_SMALL, timeout=NX_TIMEOUT_S)
    if "circular" in only:
        say("measuring: circular matching, 100k flows spread over Germany …")
        out["circular"] = run_task("circular", CIRCULAR_SPREAD)
        say("measuring: circular matching, 100k flows in one state …")
        out["circular_dense"] = run_task("circular", CIRCULAR_DENSE)
    if "recommend" in only:
        say("measuring: partner recommendations …")
        out["recommend"] = run_task("recommend", {})
    return out


def _ok(r: dict[str, Any] | None) -> bool:
    return bool(r and r.get("available"))


def _why(r: dict[str, Any] | None) -> str:
    return "not available: " + ((r or {}).get("reason") or "not measured")[:160]


def _verdict(r: dict[str, Any] | None, value: float | None, limit: float, smaller: bool = True) -> str:
    if not _ok(r) or value is None:
        return _why(r)
    good = value <= limit if smaller else value >= limit
    rss = r.get("peak_rss_mb") if r else None
    if rss is not None and rss >= RSS_LIMIT_MB:
        good = False
    return "meets target" if good else "**misses target**"


def _rss(r: dict[str, Any] | None) -> str:
    return f"{r['peak_rss_mb']:,.0f} MB" if _ok(r) and r and "peak_rss_mb" in r else "–"


def _speedup(engine: dict[str, Any] | None, nx: dict[str, Any] | None, key: str) -> float | None:
    if not (_ok(engine) and _ok(nx)) or not engine or not nx or engine[key] <= 0:
        return None
    return float(nx[key]) / float(engine[key])


def _network_rows(res: dict[str, Any]) -> list[tuple[str, ...]]:
    eng, nx = res.get("network"), res.get("network_nx")
    small = "network_nx_small" in res
    if small:
        eng_s, nx_s = res.get("network_small"), res.get("network_nx_small")
        speed_label = (
            f"Speed-up over plain networkx — **measured at {NETWORK_SMALL['actors']:,} actors / "
            f"{NETWORK_SMALL['ties']:,} ties**, because networkx did not finish the full size within "
            f"{NX_TIMEOUT_S // 60} min"
        )
    else:
        eng_s, nx_s = eng, nx
        speed_label = "Speed-up over plain networkx, same metrics, same inputs, same run"
    factor = _speedup(eng_s, nx_s, "total_s")
    size = f"{NETWORK['actors'] // 1000}k actors / {NETWORK['ties'] // 1_000_000}M ties"

    def base(r: dict[str, Any] | None, key: str) -> str:
        return f"{r[key]:,} s (RSS {r['peak_rss_mb']:,.0f} MB)" if _ok(r) and r else _why(r)[:60]

    def step(r: dict[str, Any] | None, name: str) -> str:
        return f"{r['steps_s'][name]} s" if _ok(r) and r else "–"

    rows = [
        (f"Full network + gap analysis, {size} (k = {NETWORK['k']} betweenness samples)", "≤ 10 s",
         f"{eng['total_s']} s" if _ok(eng) and eng else "–", base(nx, "total_s"),
         _verdict(eng, eng.get("total_s") if eng else None, 10), _rss(eng)),
        (speed_label, "≥ 20×", f"{factor:.0f}×" if factor else "–",
         base(nx_s, "total_s") if small else "(row above)",
         _verdict(nx_s, factor, 20, smaller=False) if factor else _why(nx_s), _rss(nx_s)),
        ("… of which network metrics (graph, components, degrees, betweenness, Louvain, brokers, "
         "cross-group shares, isolated per group)", "(part)",
         f"{eng['network_s']} s" if _ok(eng) and eng else "–",
         base(nx, "network_s"), "measured", "–"),
        ("… of which gap analysis (all municipalities + counties + states × 30 topics)", "(part)",
         step(eng, "gaps"), step(nx, "gaps"), "measured", "–"),
    ]  # fmt: skip
    return rows


def analysis_table(res: dict[str, Any]) -> str:
    spread, dense, rec = res.get("circular"), res.get("circular_dense"), res.get("recommend")
    rows = _network_rows(res)
    rows += [
        ("Circular matching, 100k flows spread over Germany (radius 50 km)", "≤ 5 s",
         f"{spread['match_s']} s" if _ok(spread) and spread else "–", "–",
         _verdict(spread, spread.get("match_s") if spread else None, 5), _rss(spread)),
        ("Circular matching, 100k flows all in one state (Saxony, radius 50 km; dense case)", "≤ 5 s",
         f"{dense['match_s']} s" if _ok(dense) and dense else "–", "–",
         _verdict(dense, dense.get("match_s") if dense else None, 5), _rss(dense)),
        ("Top-10 partner recommendations for one actor among "
         f"{rec.get('actors', 1_000_000) if rec else 1_000_000:,} actors (prebuilt index), p50 / p95",
         "≤ 50 ms", f"{rec['p50_ms']} / {rec['p95_ms']} ms" if _ok(rec) and rec else "–", "–",
         _verdict(rec, rec.get("p95_ms") if rec else None, 50), _rss(rec)),
    ]  # fmt: skip
    lines = [
        "",
        "## Analysis",
        "",
        "Engines on synthetic data (`tests/bench/analysis.py`, one fresh process per measurement, no",
        "database; actors scattered over the real municipalities of `var/bench/geo.sqlite3`, ties from",
        "`engines.synth_ties`, flows from `engines.synth_flows`, seed 1). Times are wall time of the",
        "measured calls (input generation excluded); peak RSS is `ru_maxrss` of the whole process",
        "(generation included).",
        "Targets from issue 6; memory must stay under 4 GB everywhere.",
        "",
        "| what | target | measured | baseline (networkx) | result | peak RSS |",
        "|---|---|---|---|---|---|",
        *(f"| {' | '.join(row)} |" for row in rows),
        "",
    ]
    lines += _notes(res)
    return "\n".join(lines) + "\n"


def _notes(res: dict[str, Any]) -> list[str]:
    notes = []
    eng, nx = res.get("network"), res.get("network_nx")
    if _ok(eng) and eng:
        notes.append(f"- network, engine steps (s): {_steps(eng)}")
    if _ok(nx) and nx:
        notes.append(f"- network, networkx steps (s): {_steps(nx)}")
    if _ok(eng) and _ok(nx) and eng and nx:
        same = [k for k in eng["check"] if eng["check"][k] == nx["check"][k]]
        differ = [f"{k} {eng['check'][k]} vs {nx['check'][k]}" for k in eng["check"] if k not in same]
        notes.append(f"- engine and networkx agree on: {', '.join(same)}")
        notes.append(
            "- they differ (expected: different Louvain implementations and different random betweenness"
            f" sources): {'; '.join(differ) or 'nothing'}"
        )
    for key in ("circular", "circular_dense"):
        r = res.get(key)
        if _ok(r) and r:
            notes.append(
                f"- {key.replace('_', ' ')}: {r['outputs']:,} outputs, {r['inputs']:,} inputs of"
                f" {r['actors']:,} actors in {r['state']}; {r['matches']:,} matches, {r['skipped']} skipped"
            )
    rec = res.get("recommend")
    if _ok(rec) and rec:
        notes.append(
            f"- recommendations: index built in {rec.get('build_s')} s; {rec.get('queries')} queries"
        )
    return notes


def _steps(r: dict[str, Any]) -> str:
    return ", ".join(f"{k} {v}" for k, v in r["steps_s"].items())
