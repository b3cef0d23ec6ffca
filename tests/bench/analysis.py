"""Analysis benchmarks (issue 6), one measurement per process.

``python -m tests.bench.analysis TASK '{json options}'``

Prints one JSON line. No Django and no actor database: the inputs are synthetic arrays from
``engines.synth_ties`` / ``engines.synth_flows`` placed on the real municipalities, which are read
with plain sqlite3 from the geography bench database (var/bench/geo.sqlite3).

Tasks
-----
network     the full set of network metrics the network page computes (graph, components, degrees,
            sampled betweenness, Louvain, brokers, cross-group shares, isolated per group, summary)
            plus the gap analysis (engines.gaps) on all municipalities with synthetic counts.
network_nx  the same metrics with plain networkx and the same gap method in plain Python, on the same
            (regenerated, seeded) inputs; ``check`` holds figures to compare with the engine's.
circular    engines.circular.match on synthetic flows, spread over Germany or dense in one state.
recommend   tests/bench/recommend.py ``run()`` (written by the recommendations helper), if present.

Wall times are time.perf_counter around the measured calls only (input generation is reported apart);
peak RSS is resource.getrusage(RUSAGE_SELF).ru_maxrss of the whole process, generation included.
"""

from __future__ import annotations

import importlib
import json
import math
import resource
import sqlite3
import sys
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
GEO_DB = ROOT / "var" / "bench" / "geo.sqlite3"
KEYS = tuple(f"topic-{i:02d}" for i in range(30))
SECTORS = ("civil_society", "municipality", "business", "science", "education", "person")
BROKERS = 10


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # Linux: KiB


@contextmanager
def _timed(times: dict[str, float], name: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    times[name] = round(time.perf_counter() - start, 3)


# --- inputs ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Geo:
    """Municipalities (ordered by AGS) with their county and state, plus county/state populations."""

    ags: list[str]
    county: list[str]
    state: list[str]
    lat: np.ndarray
    lon: np.ndarray
    population: np.ndarray
    regiostar7: np.ndarray  # 0 = unknown
    upper_population: dict[str, int]  # county and state AGS -> population


def load_geo(path: Path = GEO_DB, state: str = "") -> Geo:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT m.ags, c.ags, s.ags, m.lat, m.lon, coalesce(m.population, 0), coalesce(m.regiostar7, 0)"
            " FROM geo_area m JOIN geo_area c ON m.parent_id = c.id JOIN geo_area s ON c.parent_id = s.id"
            " WHERE m.kind = 'municipality' AND m.lat IS NOT NULL AND s.ags LIKE ? ORDER BY m.ags",
            (f"{state}%",),
        ).fetchall()
        upper = con.execute(
            "SELECT ags, population FROM geo_area WHERE kind IN ('county', 'state')"
        ).fetchall()
    finally:
        con.close()
    if len(rows) < 100:
        raise RuntimeError(
            f"{path} holds {len(rows)} municipalities; run `python -m tests.bench.build` first"
        )
    cols = list(zip(*rows, strict=True))
    return Geo(
        list(cols[0]),
        list(cols[1]),
        list(cols[2]),
        np.array(cols[3], dtype=np.float64),
        np.array(cols[4], dtype=np.float64),
        np.array(cols[5], dtype=np.int64),
        np.array(cols[6], dtype=np.int64),
        {ags: pop for ags, pop in upper if pop is not None},
    )


@dataclass(frozen=True, slots=True)
class NetworkInputs:
    ids: np.ndarray
    src: np.ndarray  # actor ids
    dst: np.ndarray
    weight: np.ndarray
    sector_of: dict[int, str]
    region_type_of: dict[int, str]  # "urban" (RegioStaR 71-74) / "rural" (75-77)
    areas: list[Any]  # gaps.Area
    counts: dict[tuple[str, str], int]


def network_inputs(actors: int, ties: int, seed: int) -> NetworkInputs:
    from wandelwerk.engines.gaps import Area
    from wandelwerk.engines.synth_ties import generate_ties, scatter_actors

    geo = load_geo()
    muni, lat, lon = scatter_actors(geo.lat, geo.lon, geo.population, geo.regiostar7, count=actors, seed=seed)
    t = generate_ties(lat, lon, count=ties, seed=seed)
    ids = np.arange(1, actors + 1, dtype=np.int64)
    rng = np.random.default_rng([seed, 6])
    sector = rng.integers(0, len(SECTORS), size=actors)
    rs7 = geo.regiostar7[muni]
    sector_of = dict(zip(ids.tolist(), (SECTORS[s] for s in sector.tolist()), strict=True))
    region_type_of = {
        i: ("rural" if r >= 75 else "urban") for i, r in zip(ids.tolist(), rs7.tolist(), strict=True) if r
    }
    # gap counts: every actor works on one topic, 40 % on a second one
    first = rng.integers(0, len(KEYS), size=actors)
    second = rng.integers(0, len(KEYS), size=actors)
    has_second = (rng.random(actors) < 0.4) & (second != first)
    where = np.r_[muni, muni[has_second]].tolist()
    what = np.r_[first, second[has_second]].tolist()
    counts = Counter((geo.ags[m], KEYS[k]) for m, k in zip(where, what, strict=True))
    areas = [
        Area(a, "municipality", int(p), int(r) or None, (c,), float(la), float(lo))
        for a, c, p, r, la, lo in zip(
            geo.ags,
            geo.county,
            geo.population.tolist(),
            geo.regiostar7.tolist(),
            geo.lat,
            geo.lon,
            strict=True,
        )
    ]
    counties = dict(zip(geo.county, geo.state, strict=True))
    areas += [Area(c, "county", geo.upper_population.get(c), None, (s,)) for c, s in sorted(counties.items())]
    areas += [Area(s, "state", geo.upper_population.get(s)) for s in sorted(set(geo.state))]
    return NetworkInputs(
        ids, ids[t.src], ids[t.dst], t.weight, sector_of, region_type_of, areas, dict(counts)
    )


# --- network: engine ------------------------------------------------------------------------------
def task_network(opts: dict[str, Any]) -> dict[str, Any]:
    from wandelwerk.engines import network as net
    from wandelwerk.engines.gaps import analyse, top_white_spots

    actors, ties, k, seed = opts["actors"], opts["ties"], opts["k"], opts.get("seed", 1)
    start = time.perf_counter()
    inp = network_inputs(actors, ties, seed)
    generation = time.perf_counter() - start
    t: dict[str, float] = {}
    start = time.perf_counter()
    with _timed(t, "build_graph"):
        g = net.build_graph(inp.ids, net.EdgeArrays(inp.src, inp.dst, inp.weight))
    with _timed(t, "components"):
        parts = net.components(g)
        summary = net.summarize(g, parts)
    with _timed(t, "degrees"):
        deg = net.degrees(g)
    with _timed(t, "betweenness"):
        scores = net.betweenness(g, samples=k, seed=seed)
    with _timed(t, "louvain"):
        comm = net.communities(g, seed=seed)
    with _timed(t, "brokers"):
        top = net.brokers(g, limit=BROKERS, scores=scores, partition=comm)
    with _timed(t, "cross_share_isolated"):
        sector_share = net.cross_share(g, inp.sector_of)
        urban_rural_share = net.cross_share(g, inp.region_type_of)
        lonely = net.isolated_in_group(g, inp.region_type_of, "rural")
    network_s = time.perf_counter() - start
    with _timed(t, "gaps"):
        table = analyse(inp.areas, inp.counts, keys=KEYS)
        top_white_spots(table, "14", kinds={"municipality"})
    total = time.perf_counter() - start
    return {
        "available": True,
        "actors": actors,
        "ties": int(g.edge_count),
        "k": k,
        "generation_s": round(generation, 2),
        "steps_s": t,
        "network_s": round(network_s, 2),
        "total_s": round(total, 2),
        "peak_rss_mb": _rss_mb(),
        "check": {
            "components": summary.components,
            "largest_component": summary.largest_component,
            "isolated": summary.isolated,
            "degree_sum": int(deg.count.sum()),
            "communities": comm.count,
            "modularity": round(comm.modularity, 4),
            "brokers": [b.node_id for b in top],
            "sector_cross_share": round(sector_share.share or 0.0, 6),
            "urban_rural_cross_share": round(urban_rural_share.share or 0.0, 6),
            "isolated_rural": len(lonely),
            "white_spots": int(table.white_spot.sum()),
        },
    }


# --- network: plain networkx / Python baseline ----------------------------------------------------
def _pieces_without(adj: Any, node: int) -> tuple[int, int]:
    """Plain BFS: into how many pieces the node's partners fall without it, and actors cut off."""
    seen = {node}
    sizes = []
    for start in adj[node]:
        if start in seen:
            continue
        seen.add(start)
        queue, size = deque([start]), 0
        while queue:
            current = queue.popleft()
            size += 1
            for nbr in adj[current]:
                if nbr not in seen:
                    seen.add(nbr)
                    queue.append(nbr)
        sizes.append(size)
    return (len(sizes), sum(sizes) - max(sizes)) if sizes else (0, 0)


def _cross_share_plain(edges: Any, group_of: dict[int, str]) -> float | None:
    counted = cross = 0
    for u, v in edges:
        gu, gv = group_of.get(u), group_of.get(v)
        if gu is None or gv is None:
            continue
        counted += 1
        cross += gu != gv
    return cross / counted if counted else None


def _poisson_lower(count: int, lam: float) -> float:
    if lam <= 0:
        return 1.0
    log_lam = math.log(lam)
    logs = [k * log_lam - lam - math.lgamma(k + 1) for k in range(count + 1)]
    top = max(logs)
    return min(1.0, math.exp(top) * sum(math.exp(x - top) for x in logs))


def gaps_plain(areas: list[Any], counts: dict[tuple[str, str], int], keys: tuple[str, ...]) -> int:
    """The gap method of engines.gaps in plain Python (dicts and loops); returns the white-spot count."""
    by_id = {a.id: a for a in areas}
    total: dict[str, Counter[str]] = defaultdict(Counter)
    for (area_id, key), n in counts.items():
        seen, todo = set(), [area_id]
        while todo:  # the area and every distinct area above it
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            total[current][key] += n
            todo.extend(by_id[current].parent_ids)
    peers: dict[tuple[str, int], list[Any]] = defaultdict(list)
    for a in areas:
        if a.regiostar7 and a.population:
            peers[(a.kind, a.regiostar7)].append(a)
    white = 0
    for members in peers.values():
        class_pop = sum(a.population for a in members)
        class_count = {k: sum(total[a.id][k] for a in members) for k in keys}
        for a in members:
            rest_pop = class_pop - a.population
            if rest_pop <= 0:
                continue
            for k in keys:
                n = total[a.id][k]
                expected = (class_count[k] - n) / rest_pop * a.population
                if expected < 1.0:
                    continue
                if n == 0 or (n / expected <= 0.5 and _poisson_lower(n, expected) <= 0.05):
                    white += 1
    return white


def task_network_nx(opts: dict[str, Any]) -> dict[str, Any]:
    import networkx as nx

    actors, ties, k, seed = opts["actors"], opts["ties"], opts["k"], opts.get("seed", 1)
    start = time.perf_counter()
    inp = network_inputs(actors, ties, seed)
    generation = time.perf_counter() - start
    t: dict[str, float] = {}
    start = time.perf_counter()
    with _timed(t, "build_graph"):
        g = nx.Graph()
        g.add_nodes_from(inp.ids.tolist())
        g.add_weighted_edges_from(zip(inp.src.tolist(), inp.dst.tolist(), inp.weight.tolist(), strict=True))
    with _timed(t, "components"):
        parts = sorted((len(c) for c in nx.connected_components(g)), reverse=True)
        isolated = sorted(nx.isolates(g))
        density = nx.density(g)
    with _timed(t, "degrees"):
        degree = dict(g.degree())
        strength = dict(g.degree(weight="weight"))
    with _timed(t, "betweenness"):
        scores = nx.betweenness_centrality(g, k=min(k, g.number_of_nodes()), seed=seed)
    with _timed(t, "louvain"):
        comms = nx.community.louvain_communities(g, weight="weight", seed=seed)
        q = nx.community.modularity(g, comms, weight="weight")
    with _timed(t, "brokers"):
        label = {node: i for i, members in enumerate(comms) for node in members}
        ranked = sorted((node for node, s in scores.items() if s > 0), key=lambda n: (-scores[n], n))
        top = []
        for node in ranked[:BROKERS]:
            linked = len({label[node], *(label[m] for m in g.adj[node])})
            top.append((node, scores[node], degree[node], linked, *_pieces_without(g.adj, node)))
    with _timed(t, "cross_share_isolated"):
        sector_share = _cross_share_plain(g.edges(), inp.sector_of)
        urban_rural_share = _cross_share_plain(g.edges(), inp.region_type_of)
        lonely = [n for n in isolated if inp.region_type_of.get(n) == "rural"]
    network_s = time.perf_counter() - start
    with _timed(t, "gaps"):
        white = gaps_plain(inp.areas, inp.counts, KEYS)
    total = time.perf_counter() - start
    del density, strength
    return {
        "available": True,
        "actors": actors,
        "ties": g.number_of_edges(),
        "k": k,
        "generation_s": round(generation, 2),
        "steps_s": t,
        "network_s": round(network_s, 2),
        "total_s": round(total, 2),
        "peak_rss_mb": _rss_mb(),
        "check": {
            "components": len(parts),
            "largest_component": parts[0] if parts else 0,
            "isolated": len(isolated),
            "degree_sum": sum(degree.values()),
            "communities": len(comms),
            "modularity": round(q, 4),
            "brokers": [b[0] for b in top],
            "sector_cross_share": round(sector_share or 0.0, 6),
            "urban_rural_cross_share": round(urban_rural_share or 0.0, 6),
            "isolated_rural": len(lonely),
            "white_spots": white,
        },
    }


# --- circular matching ----------------------------------------------------------------------------
def task_circular(opts: dict[str, Any]) -> dict[str, Any]:
    from wandelwerk.engines.circular import Params, match
    from wandelwerk.engines.synth_flows import generate_flows
    from wandelwerk.engines.synth_ties import scatter_actors

    count, state, seed = opts.get("flows", 100_000), opts.get("state", ""), opts.get("seed", 1)
    actors = opts.get("actors", count // 2)
    start = time.perf_counter()
    geo = load_geo(state=state)
    muni, lat, lon = scatter_actors(geo.lat, geo.lon, geo.population, geo.regiostar7, count=actors, seed=seed)
    regions = [geo.county[m] for m in muni.tolist()]
    flows = generate_flows(np.arange(1, actors + 1), lat, lon, count=count, seed=seed, regions=regions)
    generation = time.perf_counter() - start
    params = Params(max_km=opts.get("max_km", 50.0))
    start = time.perf_counter()
    result = match(flows, params)
    elapsed = time.perf_counter() - start
    outputs = sum(1 for f in flows if f.direction == "output")
    return {
        "available": True,
        "flows": count,
        "outputs": outputs,
        "inputs": count - outputs,
        "actors": actors,
        "state": state or "all",
        "max_km": params.max_km,
        "generation_s": round(generation, 2),
        "match_s": round(elapsed, 2),
        "matches": len(result.matches),
        "skipped": len(result.skipped),
        "peak_rss_mb": _rss_mb(),
    }


# --- partner recommendations (another helper's module) --------------------------------------------
def task_recommend(opts: dict[str, Any]) -> dict[str, Any]:
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()  # run() may read the database (run.py points DATABASE_URL at the geography bench db)
    try:
        module = importlib.import_module("tests.bench.recommend")
    except ModuleNotFoundError as exc:
        if exc.name not in ("tests.bench.recommend",):
            raise
        return {"available": False, "reason": "tests/bench/recommend.py does not exist yet"}
    run: Callable[..., dict[str, Any]] | None = getattr(module, "run", None)
    if run is None:
        return {"available": False, "reason": "tests/bench/recommend.py has no run()"}
    result = dict(run(**opts))
    result.setdefault("peak_rss_mb", _rss_mb())
    return result


TASKS = {
    "network": task_network,
    "network_nx": task_network_nx,
    "circular": task_circular,
    "recommend": task_recommend,
}

if __name__ == "__main__":
    task, options = sys.argv[1], json.loads(sys.argv[2] if len(sys.argv) > 2 else "{}")
    print(json.dumps(TASKS[task](options)))
