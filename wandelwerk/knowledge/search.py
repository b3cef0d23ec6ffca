"""German search over practices and methods.

Why not the actors' full-text index (FTS5 / GIN)? The action pool and the toolbox hold hundreds of
entries, not a million: a stored column of stemmed words (``search_text``) searched with one
``LIKE '%token%'`` per query word (AND) costs a few milliseconds, works identically on SQLite and
PostgreSQL, needs no triggers, and — because it matches inside words — finds compounds by their
parts: "Solar" finds "Bürgersolaranlage", "Reparatur" finds "Reparaturcafé".

What goes into the column (``wandelwerk.engines.text`` does the stemming, so "Lastenräder" and
"Lastenrad", "Mitfahrbänke" and "Mitfahrbank" share one stem):

* each word's stem;
* neighbouring stems joined (with the synonyms of the first), so "Reparatur-Café" and "Repair Café"
  are also stored as "reparaturcafe" and a search for "Reparaturcafés" finds both;
* a few domain synonyms ("Repair" ↔ "Reparatur", "Solawi" ↔ "solidarische Landwirtschaft"), so the
  English loan words used by initiatives and their German names find each other.

A query stem ending in "s" that the stemmer kept (foreign words: "Cafés") also matches without it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from wandelwerk.engines.text import query_tokens, tokens

# stem → further stems stored beside it (applied to the index and to the query)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "repair": ("reparatur",),
    "repari": ("reparatur",),
    "reparatur": ("repair",),
    "solawi": ("solidar", "landwirtschaft"),
    "foodsharing": ("lebensmittelrett",),
    "lebensmittelrett": ("foodsharing",),
    "carsharing": ("autoteil",),
    "bikesharing": ("radverleih",),
    "cargobik": ("lastenrad",),
    "pv": ("photovoltaik",),
    "photovoltaik": ("pv", "solar"),
}
MIN_TOKEN = 2


def index_text(parts: Iterable[str]) -> str:
    """The stored search column: stems, joined neighbours and synonyms, each once."""
    seen: dict[str, None] = {}
    for part in parts:
        stems = tokens(part or "")
        for i, token in enumerate(stems):
            seen.setdefault(token, None)
            for extra in SYNONYMS.get(token, ()):
                seen.setdefault(extra, None)
            if i + 1 < len(stems) and not token.isdigit() and not stems[i + 1].isdigit():
                for first in (token, *SYNONYMS.get(token, ())):
                    seen.setdefault(first + stems[i + 1], None)
    return " ".join(seen)


def query_condition(query: str, *, field: str = "search_text") -> Q | None:
    """AND over the query's words, each matched inside the stored stems; None if nothing searchable."""
    condition: Q | None = None
    for token in query_tokens(query):
        if len(token) < MIN_TOKEN:
            continue
        variants = {token, *SYNONYMS.get(token, ())}
        if token.endswith("s") and len(token) > 4:
            variants.add(token[:-1])
        any_of = Q()
        for variant in sorted(variants):
            any_of |= Q(**{f"{field}__contains": variant})
        condition = any_of if condition is None else condition & any_of
    return condition
