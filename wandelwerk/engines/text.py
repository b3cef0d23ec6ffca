"""German search normalisation: the same tokens for the index and for queries.

Words are lower-cased, split on anything that is not a letter or digit and reduced to their
Snowball (German) stem. The stemmer folds umlauts and their ae/oe/ue spellings and ß/ss, so
"Gemeinschaftsgärten", "Gemeinschaftsgaerten" and "Gemeinschaftsgarten" share one token.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

# Bump when what goes into Actor.search_text changes; stored indexes are then rebuilt
# (`manage.py reindex_actors`; the benchmark harness checks it).
SEARCH_TEXT_VERSION = 2

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_stemmer = snowballstemmer.stemmer("german")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Stem of one lower-case word, with remaining diacritics removed (é → e). Numbers stay as they are."""
    if word.isdigit():
        return word
    stemmed: str = _stemmer.stemWord(word)
    decomposed = unicodedata.normalize("NFKD", stemmed)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def substring_stem(word: str) -> str:
    """The Snowball stem of a lower-case word without the accent folding of ``stem``, for substring
    search over raw text ("solaranlagen" → "solaranlag", which also finds "Solaranlage"). Snowball
    itself folds umlauts ("bürger" → "burg"), so callers also search the word as typed."""
    if word.isdigit():
        return word
    stemmed: str = _stemmer.stemWord(word)
    return stemmed


def tokens(text: str) -> list[str]:
    """Stemmed tokens of a text, in order, duplicates kept."""
    return [stem(word) for word in _WORD.findall(text.casefold())]


def index_text(parts: Iterable[str]) -> str:
    """Space-separated distinct tokens of all parts: what the full-text index stores."""
    seen: dict[str, None] = {}
    for part in parts:
        for token in tokens(part):
            seen.setdefault(token, None)
    return " ".join(seen)


def query_tokens(query: str, *, max_tokens: int = 8) -> list[str]:
    """Distinct tokens of a user query (at most ``max_tokens``), for an AND prefix search."""
    seen: dict[str, None] = {}
    for token in tokens(query):
        if token:
            seen.setdefault(token, None)
        if len(seen) >= max_tokens:
            break
    return list(seen)


# --- filter tokens -----------------------------------------------------------------------------
# Filters are indexed as extra tokens beside the words, so one full-text lookup intersects text,
# topics, kind, sector and map cells inside the index (FTS5 / GIN) instead of probing rows.
# They start with "zz" and contain only letters and digits, so every tokenizer keeps them whole.

CELL_SIZES = (1.0, 0.25, 0.0625)  # degrees; coarse to fine
MAX_CELLS = 24


def topic_token(topic_id: int) -> str:
    return f"zzt{topic_id}"


def kind_token(kind: str) -> str:
    return "zzk" + "".join(ch for ch in kind if ch.isalnum())


def sector_token(sector: str) -> str:
    return "zzs" + "".join(ch for ch in sector if ch.isalnum())


def _cell(level: int, lon: float, lat: float) -> str:
    size = CELL_SIZES[level]
    return f"zzc{level}x{int((lon + 180.0) // size)}y{int((lat + 90.0) // size)}"


def cell_tokens(lon: float, lat: float) -> list[str]:
    """The map cells (one per level) containing the point."""
    return [_cell(level, lon, lat) for level in range(len(CELL_SIZES))]


def bbox_cell_tokens(min_lon: float, min_lat: float, max_lon: float, max_lat: float) -> list[str] | None:
    """Cells covering the box at the finest level that needs at most MAX_CELLS of them; None when
    even the coarsest level needs more (a box that large is no useful index filter)."""
    for level in reversed(range(len(CELL_SIZES))):
        size = CELL_SIZES[level]
        x0, x1 = int((min_lon + 180.0) // size), int((max_lon + 180.0) // size)
        y0, y1 = int((min_lat + 90.0) // size), int((max_lat + 90.0) // size)
        if (x1 - x0 + 1) * (y1 - y0 + 1) <= MAX_CELLS:
            return [f"zzc{level}x{x}y{y}" for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
    return None


def filter_tokens(*, topic_ids: Iterable[int], kind: str, sector: str, lon: float, lat: float) -> list[str]:
    return [
        *sorted({topic_token(t) for t in topic_ids}),
        kind_token(kind),
        sector_token(sector),
        *cell_tokens(lon, lat),
    ]
