"""Partner recommendations at scale: ``python -m tests.bench.recommend [actors] [seed]`` prints JSON.

Builds synthetic actor arrays directly (no database): a German vocabulary of base nouns and their
compounds (so compound matching is exercised), Zipf-distributed offer and need words (2 of each on
average), 1–3 of 13 topics, locations across Germany (2 % unknown), 40 % rural, ~1 tie per actor
with grid-based communities. Then times the index build and 100 top-10 queries for random actors.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from typing import Any

import numpy as np

from wandelwerk.engines.recommend import recommend
from wandelwerk.engines.recommend_index import ActorArrays, build_index
from wandelwerk.engines.recommend_terms import build_vocabulary, words

BASE = [
    "Raum",
    "Werkstatt",
    "Holz",
    "Garten",
    "Lastenrad",
    "Rad",
    "Werkzeug",
    "Saatgut",
    "Kompost",
    "Solar",
    "Energie",
    "Wärme",
    "Strom",
    "Wasser",
    "Küche",
    "Kühlschrank",
    "Fahrzeug",
    "Bus",
    "Schule",
    "Kinder",
    "Jugend",
    "Senioren",
    "Beratung",
    "Förderung",
    "Geld",
    "Spende",
    "Helfer",
    "Ehrenamt",
    "Kurs",
    "Seminar",
    "Vortrag",
    "Wissen",
    "Reparatur",
    "Elektro",
    "Fahrrad",
    "Textil",
    "Kleidung",
    "Nähen",
    "Möbel",
    "Bau",
    "Lehm",
    "Stroh",
    "Dach",
    "Fläche",
    "Acker",
    "Wiese",
    "Obst",
    "Gemüse",
    "Honig",
    "Imker",
    "Baum",
    "Wald",
    "Feld",
    "Hof",
    "Markt",
    "Laden",
    "Café",
    "Treff",
    "Bühne",
    "Musik",
    "Kunst",
    "Theater",
    "Film",
    "Foto",
    "Medien",
    "Internet",
    "Daten",
    "Karte",
    "Plan",
    "Konzept",
    "Studie",
    "Netzwerk",
    "Verein",
    "Gruppe",
    "Gemeinde",
    "Dorf",
    "Stadt",
    "Region",
    "Landkreis",
    "Mobilität",
    "Auto",
    "Bahn",
    "Wanderweg",
    "Radweg",
    "Brunnen",
    "Teich",
    "Hecke",
    "Blume",
]


def _vocabulary(rng: np.random.Generator, compounds: int = 1500) -> tuple[list[str], Any]:
    written = list(BASE)
    seen = set(written)
    while len(written) < len(BASE) + compounds:
        a, b = rng.choice(len(BASE), size=2, replace=False)
        word = BASE[int(a)] + BASE[int(b)].lower()
        if word not in seen:
            seen.add(word)
            written.append(word)
    pairs = [pair for w in written for pair in words(w)][: len(written)]
    return written, build_vocabulary(pairs)


def _csr(rng: np.random.Generator, n: int, mean: float, choices: int, p: Any, cap: int) -> tuple[Any, Any]:
    counts = np.minimum(rng.poisson(mean, n), cap).astype(np.int64)
    indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    values = rng.choice(choices, size=int(indptr[-1]), p=p).astype(np.int64)
    return indptr, values


def synthetic_arrays(actors: int, seed: int) -> ActorArrays:
    rng = np.random.default_rng(seed)
    _, vocab = _vocabulary(rng)
    v = len(vocab)
    zipf = 1.0 / (np.arange(v) + 10.0)
    zipf = zipf[rng.permutation(v)]
    zipf /= zipf.sum()
    o_ptr, o_terms = _csr(rng, actors, 2.0, v, zipf, 6)
    n_ptr, n_terms = _csr(rng, actors, 2.0, v, zipf, 6)
    t_ptr, t_ids = _csr(rng, actors, 1.8, 13, None, 3)
    lat = rng.uniform(47.3, 55.0, actors)
    lon = rng.uniform(5.9, 15.0, actors)
    unknown = rng.random(actors) < 0.02
    lat[unknown], lon[unknown] = np.nan, np.nan
    src = rng.integers(0, actors, actors)
    dst = np.clip(src + rng.integers(-500, 500, actors), 0, actors - 1)
    community = (np.nan_to_num(lat, nan=47.0) * 2).astype(np.int64) * 100 + (
        np.nan_to_num(lon, nan=5.0) * 2
    ).astype(np.int64)
    return ActorArrays(
        actor_ids=np.arange(1, actors + 1, dtype=np.int64),
        vocabulary=vocab,
        offer_indptr=o_ptr,
        offer_terms=o_terms,
        need_indptr=n_ptr,
        need_terms=n_terms,
        topic_indptr=t_ptr,
        topic_ids=t_ids,
        lat=lat,
        lon=lon,
        rural=rng.random(actors) < 0.4,
        community=community,
        component=np.zeros(actors, dtype=np.int64),
        tie_src=src + 1,
        tie_dst=dst + 1,
    )


def run(actors: int = 1_000_000, seed: int = 42) -> dict[str, Any]:
    """Build the index over ``actors`` synthetic actors and time 100 top-10 queries."""
    arrays = synthetic_arrays(actors, seed)
    start = time.perf_counter()
    index = build_index(arrays)
    build_s = time.perf_counter() - start
    del arrays
    rng = np.random.default_rng(seed + 1)
    for actor_id in rng.integers(1, actors + 1, 5).tolist():  # warm-up, not counted
        recommend(index, for_actor=int(actor_id))
    times, found = [], []
    for actor_id in rng.integers(1, actors + 1, 100).tolist():
        t0 = time.perf_counter()
        result = recommend(index, for_actor=int(actor_id), limit=10)
        times.append(time.perf_counter() - t0)
        found.append(len(result))
    ms = np.array(times) * 1000.0
    return {
        "available": True,
        "actors": actors,
        "vocabulary": len(index.vocabulary),
        "build_s": round(build_s, 2),
        "index_mb": round(index.nbytes() / 2**20, 1),
        "queries": len(times),
        "p50_ms": round(float(np.percentile(ms, 50)), 1),
        "p95_ms": round(float(np.percentile(ms, 95)), 1),
        "max_ms": round(float(ms.max()), 1),
        "mean_results": round(float(np.mean(found)), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1),
    }


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    print(json.dumps(run(*args)))
