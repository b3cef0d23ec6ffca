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

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_stemmer = snowballstemmer.stemmer("german")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Stem of one lower-case word, with remaining diacritics removed (é → e)."""
    stemmed: str = _stemmer.stemWord(word)
    decomposed = unicodedata.normalize("NFKD", stemmed)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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
