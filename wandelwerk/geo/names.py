"""Name folding for place lookup: one spelling for "Görlitz", "Goerlitz" and "GÖRLITZ"."""

from __future__ import annotations

import re
import unicodedata

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold_name(name: str) -> str:
    """Lower-case, umlauts as ae/oe/ue, ß as ss, other accents removed, and every run of
    punctuation or space as one space: "Halle (Saale)" → "halle saale", "Görlitz" → "goerlitz"."""
    text = name.casefold().translate(_UMLAUTS)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text).strip()
