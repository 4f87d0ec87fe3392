"""Text folding for matching and sorting: case, diacritics and Cyrillic (national rules).

"Ниш" -> "nis", "Čačak" -> "cacak", "Ђорђе" -> "djordje". SQLite's FTS5 does not fold đ,
so we fold ourselves (LIBRARIES.md).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import cyrtranslit

_SPECIAL = str.maketrans({"đ": "dj", "Đ": "Dj", "ß": "ss", "æ": "ae", "ø": "o", "ł": "l", "ı": "i"})
_SPACES = re.compile(r"[\W_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces."""
    if _CYRILLIC.search(text):
        text = cyrtranslit.to_latin(text, "sr")
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text.lower()).strip()
