"""Synthetic actors on real geography, for demo data and benchmarks. No Django.

Deterministic: record ``n`` depends only on the seed, ``n`` and the inputs (municipalities in the
given order, topics, mix), never on ``count``, so a larger run extends a smaller one and natural keys
``demo:<seed>:<n>`` are stable across reruns. Records are drawn in blocks of ``BLOCK`` with NumPy
(one generator per block, seeded with ``(seed, block)``); names, sentences and offers are assembled
in Python from the word material below. Names are distinct within a run (compared as slugs), so two
records never compete for one slug.

Where an actor sits: a municipality drawn with weight ``population × RURAL_DAMPING[regiostar7]``,
then a point scattered around the municipality's point and kept inside its bounding box (persons sit
exactly on the municipality's point). The factors are explained in docs/decisions/0004-synthetic-data.md.
Names are invented from generic parts plus the real place name; all records are flagged demo.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from wandelwerk.engines.synth_words import (
    ARCHETYPES,
    CLOSERS,
    FIRST_NAMES,
    LANDSCAPES,
    LAST_NAMES,
    QUARTER_HEADS,
    QUARTER_PREFIXES,
    QUARTER_TAILS,
    STREET_TAILS,
    STREETS,
    TOPIC_SENTENCES,
)

BLOCK = 4096

# Actors per inhabitant relative to a metropolis (RegioStaR 7). Modelling assumption, see the decision doc.
RURAL_DAMPING: dict[int, float] = {71: 1.0, 72: 0.95, 73: 0.8, 74: 0.55, 75: 0.85, 76: 0.65, 77: 0.45}
DEFAULT_DAMPING = 0.65  # municipality without a RegioStaR type

CITY, TOWN, RURAL = 0, 1, 2
_CLASS = {71: CITY, 72: CITY, 73: TOWN, 75: TOWN, 76: TOWN, 74: RURAL, 77: RURAL}


# --- inputs and output ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Municipality:
    id: int
    county_id: int
    state_id: int
    ags: str
    name: str
    lat: float
    lon: float
    bbox: tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat
    population: int
    regiostar7: int | None = None


@dataclass(frozen=True, slots=True)
class SynthTopic:
    id: int
    slug: str


@dataclass(frozen=True, slots=True)
class Mix:
    """Shares of non-public records. Persons without consent are never public (members or private)."""

    pending: float = 0.02
    members: float = 0.04
    private: float = 0.01
    person_consent: float = 0.6

    def __post_init__(self) -> None:
        for name in ("pending", "members", "private", "person_consent"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must lie between 0 and 1")
        if self.members + self.private > 1.0:
            raise ValueError("members + private must not exceed 1")


@dataclass(slots=True)
class SynthActor:
    n: int
    natural_key: str
    name: str
    kind: str
    sector: str
    municipality_id: int
    county_id: int
    state_id: int
    lat: float
    lon: float
    precision: str
    description: str
    street: str
    place: str
    website: str
    email: str
    visibility: str
    status: str
    topic_ids: tuple[int, ...]
    resources: tuple[tuple[str, str, str, str], ...]  # direction, category, title, description
    person_consent: bool
    last_confirmed: dt.date | None
    is_demo: bool = True
    source: str = "demo"


# --- helpers ------------------------------------------------------------------------------------------------
_NOT_SLUG = re.compile(r"[^\w\s-]")
_DASHES = re.compile(r"[-\s]+")
# fast path for the letters our names use: the same result as the NFKD route below
_FOLD = str.maketrans(
    {"ä": "a", "ö": "o", "ü": "u", "é": "e", "ß": None}
    | {c: None for c in "!\"#$%&'()*+,./:;<=>?@[\\]^`{|}~–’"}
)


def slug_key(text: str) -> str:
    """The slug Django's ``slugify`` makes of ``text`` (ASCII-folded, lower case, dashes)."""
    folded = text.lower().translate(_FOLD)
    if not folded.isascii():
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
        folded = _NOT_SLUG.sub("", ascii_text.lower())
    return _DASHES.sub("-", folded).strip("-_")


def short_place(name: str) -> str:
    """ "Hoyerswerda / Wojerecy, Stadt" → "Hoyerswerda"; "Halle (Saale), Stadt" → "Halle (Saale)"."""
    return name.split(",")[0].split(" / ")[0].strip() or name


def place_adjective(place: str) -> str | None:
    """ "Freiberg" → "Freiberger", "Dresden" → "Dresdner"; None where no simple form exists."""
    if not place.isalpha() or len(place) < 3:
        return None
    if place.endswith("en"):
        return place[:-2] + "ner" if place[-3] == "d" else None
    if place.endswith(("e", "i", "o", "u", "y")):
        return None
    return place + "er"


def area_class(regiostar7: int | None) -> int:
    return _CLASS.get(regiostar7 or 0, TOWN)


def municipality_weights(municipalities: Sequence[Municipality]) -> npt.NDArray[np.float64]:
    """Relative chance of each municipality: population × rural damping (uniform if all are zero)."""
    weights = np.array(
        [
            max(m.population, 0) * RURAL_DAMPING.get(m.regiostar7 or 0, DEFAULT_DAMPING)
            for m in municipalities
        ],
        dtype=np.float64,
    )
    if weights.sum() <= 0:
        weights = np.ones(len(municipalities), dtype=np.float64)
    return weights


# --- generation ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Kind:
    """An archetype unpacked for the hot loop."""

    kind: str
    sector: str
    person: bool
    min_population: int
    names: tuple[str, ...]
    quarter_names: tuple[str, ...]
    sentences: tuple[str, ...]
    offers: tuple[tuple[str, str, str, str], ...]
    needs: tuple[tuple[str, str, str, str], ...]
    topics: tuple[int, ...]


def _resources(direction: str, spec: str) -> tuple[tuple[str, str, str, str], ...]:
    items = (item.partition(":") for item in spec.split(";") if item)
    return tuple((direction, category, title, "") for category, _, title in items)


class _Generator:
    def __init__(
        self,
        municipalities: Sequence[Municipality],
        topics: Sequence[SynthTopic],
        *,
        seed: int,
        mix: Mix,
        reference_date: dt.date,
    ) -> None:
        if not municipalities:
            raise ValueError("no municipalities to place actors in")
        self.munis = list(municipalities)
        self.seed, self.mix, self.reference_date = seed, mix, reference_date
        self.cum_weights = np.cumsum(municipality_weights(self.munis))
        self.classes = np.array([area_class(m.regiostar7) for m in self.munis], dtype=np.int64)
        self.places = [short_place(m.name) for m in self.munis]
        self.lands = [
            (*LANDSCAPES.get(m.ags[:5], ()), f"{adj} Land" if (adj := place_adjective(p)) else f"Region {p}")
            for m, p in zip(self.munis, self.places, strict=True)
        ]
        self.munis_word = [
            "Stadt"
            if "Stadt" in m.name or area_class(m.regiostar7) == CITY or m.population >= 10_000
            else "Gemeinde"
            for m in self.munis
        ]
        box = np.array([m.bbox for m in self.munis], dtype=np.float64).reshape(len(self.munis), 4)
        self.box = box
        self.lat0 = np.array([m.lat for m in self.munis], dtype=np.float64)
        self.lon0 = np.array([m.lon for m in self.munis], dtype=np.float64)
        # scatter: a sixth of the box size (at least a few hundred metres), clipped to the box
        self.sig_lon = np.maximum((box[:, 2] - box[:, 0]) / 6.0, 0.004)
        self.sig_lat = np.maximum((box[:, 3] - box[:, 1]) / 6.0, 0.003)
        # big cities: most names carry a quarter ("Repair-Café Leipzig-Lindenau"), as there are many actors
        self.quarter_share = np.array(
            [0.9 if m.population >= 500_000 else 0.6 if m.population >= 100_000 else 0.35 for m in self.munis]
        ) * (self.classes == CITY)
        self.arch_cum = np.cumsum(np.array([a.weights for a in ARCHETYPES], dtype=np.float64).T, axis=1)
        by_slug = {t.slug: t.id for t in topics}
        self.topic_slug = {t.id: t.slug for t in topics}
        self.all_topics = tuple(t.id for t in topics)
        self.kinds = [
            _Kind(
                a.kind,
                a.sector,
                a.kind == "person",
                a.min_population,
                tuple(a.names.split(";")),
                tuple((a.quarter_names or a.names).split(";")),
                tuple(a.sentences.split("|")),
                _resources("offer", a.offers),
                _resources("need", a.needs),
                tuple(by_slug[s] for s in a.topics if s in by_slug) or self.all_topics,
            )
            for a in ARCHETYPES
        ]
        self.fallback = [i for i, a in enumerate(ARCHETYPES) if a.min_population == 0 and a.kind != "person"]
        self.used: set[str] = set()

    def _quarter(self, r: int) -> str:
        prefix = QUARTER_PREFIXES[r % len(QUARTER_PREFIXES)]
        r //= len(QUARTER_PREFIXES)
        head = QUARTER_HEADS[r % len(QUARTER_HEADS)]
        tail = QUARTER_TAILS[(r // len(QUARTER_HEADS)) % len(QUARTER_TAILS)]
        return f"{prefix}{head.lower()}{tail}" if prefix else f"{head}{tail}"

    def _person(self, r: int, attempt: int) -> str:
        r += attempt * 104_729
        i = r % len(FIRST_NAMES)
        first, last = FIRST_NAMES[i], LAST_NAMES[(r >> 6) % len(LAST_NAMES)]
        if (r >> 13) % 10 == 0 or attempt > 2:  # a double first name of the same half (female/male)
            half = len(FIRST_NAMES) // 2
            j = (i // half) * half + (i + 1 + (r >> 17) % (half - 1)) % half
            first = f"{first}-{FIRST_NAMES[j]}"
        if (r >> 13) % 12 == 1 or attempt > 5:
            last = f"{last}-{LAST_NAMES[(r >> 21) % len(LAST_NAMES)]}"
        return f"{first} {last}"

    def _name(self, k: _Kind, mi: int, r0: int, r1: int, in_quarter: bool) -> tuple[str, str]:
        """A name not used before in this run (compared as slug), and its slug."""
        place = self.places[mi]
        for attempt in range(60):
            if k.person:
                name = self._person(r1, attempt)
            elif attempt == 0 and not in_quarter:
                lands = self.lands[mi]
                template = k.names[r0 % len(k.names)]
                name = template.format(loc=place, land=lands[r1 % len(lands)], muni=self.munis_word[mi])
            else:
                loc = f"{place}-{self._quarter(r1 + attempt * 7919)}"
                template = k.quarter_names[(r0 + attempt) % len(k.quarter_names)]
                name = template.format(loc=loc, land=loc, muni=self.munis_word[mi])
            key = slug_key(name)
            if key not in self.used:
                self.used.add(key)
                return name, key
        raise RuntimeError("no distinct name found")  # pragma: no cover - the quarter space is large

    def _topics(self, k: _Kind, r: int) -> tuple[int, ...]:
        everything, preferred = self.all_topics, k.topics
        if not everything:
            return ()
        size = r % 100
        wanted = min(1 if size < 50 else 2 if size < 85 else 3, len(everything))
        chosen = [preferred[(r // 100) % len(preferred)]]
        step = r // 10_000
        while len(chosen) < wanted:
            pool = preferred if step % 10 < 7 and len(preferred) > len(chosen) else everything
            candidate = pool[(step // 10) % len(pool)]
            if candidate not in chosen:
                chosen.append(candidate)
            step = step * 31 + 7
        return tuple(chosen)

    def block(self, b: int, size: int) -> list[SynthActor]:
        # always draw a full block, so that record n does not depend on where the run ends
        rng = np.random.default_rng(np.random.SeedSequence([self.seed, b]))
        u_muni, u_arch = rng.random(BLOCK)[:size], rng.random(BLOCK)[:size]
        jitter = rng.standard_normal((BLOCK, 2))[:size]
        ints = rng.integers(0, 1 << 30, size=(BLOCK, 8))[:size]
        floats = rng.random((BLOCK, 6))[:size]

        last = len(self.munis) - 1
        midx = np.minimum(
            np.searchsorted(self.cum_weights, u_muni * self.cum_weights[-1], side="right"), last
        )
        classes = self.classes[midx]
        arch = np.zeros(size, dtype=np.int64)
        for c in (CITY, TOWN, RURAL):
            mask = classes == c
            cum = self.arch_cum[c]
            arch[mask] = np.minimum(np.searchsorted(cum, u_arch[mask] * cum[-1], side="right"), len(cum) - 1)
        box = self.box[midx]
        lats = np.clip((self.lat0[midx] + jitter[:, 0] * self.sig_lat[midx]).round(6), box[:, 1], box[:, 3])
        lons = np.clip((self.lon0[midx] + jitter[:, 1] * self.sig_lon[midx]).round(6), box[:, 0], box[:, 2])
        in_quarter = floats[:, 5] < self.quarter_share[midx]

        mix, munis, kinds, places, out = self.mix, self.munis, self.kinds, self.places, []
        public_cut, members_cut = mix.private, mix.private + mix.members
        rows = zip(
            midx.tolist(), arch.tolist(), lats.tolist(), lons.tolist(), ints.tolist(), floats.tolist(),
            in_quarter.tolist(), strict=True,
        )  # fmt: skip
        for i, (mi, ai, lat, lon, r, f, quarter) in enumerate(rows):
            n = b * BLOCK + i
            m, k = munis[mi], kinds[ai]
            if k.min_population > m.population:
                k = kinds[self.fallback[r[7] % len(self.fallback)]]
            name, key = self._name(k, mi, r[0], r[1], quarter)
            topic_ids = self._topics(k, r[2])
            place = places[mi]
            text = [k.sentences[r[3] % len(k.sentences)]]
            if len(topic_ids) > 1 and (extra := TOPIC_SENTENCES.get(self.topic_slug[topic_ids[-1]])):
                text.append(extra)
            if not k.person:
                text.append(f"Aktiv in {place} und Umgebung. {CLOSERS[(r[3] >> 4) % len(CLOSERS)]}")
            n_offers, n_needs, start = (0, 1, 1, 2)[r[4] & 3], (0, 1, 1, 2)[(r[4] >> 2) & 3], r[4] >> 4
            resources = tuple(
                k.offers[(start + j) % len(k.offers)] for j in range(min(n_offers, len(k.offers)))
            )
            resources += tuple(k.needs[(start + j) % len(k.needs)] for j in range(min(n_needs, len(k.needs))))
            consent = k.person and f[2] < mix.person_consent
            if k.person and not consent:
                visibility = "members" if f[1] < 0.5 else "private"
            else:
                visibility = "private" if f[1] < public_cut else "members" if f[1] < members_cut else "public"
            street = ""
            if not k.person:
                house = 1 + (r[5] >> 8) % 97
                street = (
                    f"{STREETS[r[5] % len(STREETS)]}{STREET_TAILS[(r[5] >> 5) % len(STREET_TAILS)]} {house}"
                )
            out.append(
                SynthActor(
                    n=n,
                    natural_key=f"demo:{self.seed}:{n}",
                    name=name,
                    kind=k.kind,
                    sector=k.sector,
                    municipality_id=m.id,
                    county_id=m.county_id,
                    state_id=m.state_id,
                    lat=m.lat if k.person else lat,
                    lon=m.lon if k.person else lon,
                    precision="municipality" if k.person else "address",
                    description=" ".join(text).strip(),
                    street=street,
                    place=place,
                    website="" if k.person or f[3] >= 0.7 else f"https://example.org/{key}",
                    email="" if k.person or f[4] >= 0.5 else f"info@{key[:50].strip('-')}.example.org",
                    visibility=visibility,
                    status="pending" if f[0] < mix.pending else "published",
                    topic_ids=topic_ids,
                    resources=resources,
                    person_consent=consent,
                    last_confirmed=(
                        self.reference_date - dt.timedelta(days=r[6] % 730) if r[6] % 10 < 7 else None
                    ),
                )
            )
        return out


def generate(
    municipalities: Sequence[Municipality],
    topics: Sequence[SynthTopic],
    *,
    count: int,
    seed: int,
    mix: Mix | None = None,
    reference_date: dt.date = dt.date(2026, 1, 1),
) -> Iterator[SynthActor]:
    """Yields ``count`` synthetic actors numbered 0 … count-1, block by block (memory stays bounded)."""
    if count < 0:
        raise ValueError("count must not be negative")
    generator = _Generator(municipalities, topics, seed=seed, mix=mix or Mix(), reference_date=reference_date)
    for b in range((count + BLOCK - 1) // BLOCK):
        yield from generator.block(b, min(BLOCK, count - b * BLOCK))
