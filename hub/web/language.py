"""The language of a page: `?lang=`, else `Accept-Language` (RFC 9110 §12.5.4), else English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from starlette.requests import Request

from hub.web.negotiation import ranked

UI_LANGUAGES: Final = ("en", "sr-Latn", "sr-Cyrl")
DEFAULT_LANGUAGE: Final = "en"
# Languages a reader of Serbian Latin script reads without effort.
_LATIN_NEIGHBOURS: Final = ("sh", "hr", "bs", "cnr")


@dataclass(frozen=True, slots=True)
class PageLanguage:
    """The chosen language, and whether the reader chose it with `?lang=` (links keep it)."""

    tag: str
    explicit: bool = False


def _ui_language(tag: str) -> str | None:
    tag = tag.strip().lower()
    if tag in ("*", "en") or tag.startswith("en-"):
        return "en"
    primary = tag.split("-")[0]
    if primary == "sr":
        # Serbian without a script subtag means Cyrillic, the official script.
        return "sr-Latn" if "latn" in tag.split("-") else "sr-Cyrl"
    if primary in _LATIN_NEIGHBOURS:
        return "sr-Latn"
    return None


def _from_header(header: str) -> str | None:
    for quality, tag in ranked(header):
        chosen = _ui_language(tag) if quality > 0 else None
        if chosen is not None:
            return chosen
    return None


def page_language(request: Request) -> PageLanguage:
    """`?lang=en|sr-Latn|sr-Cyrl` (case-insensitive), else the best `Accept-Language` match."""
    requested = request.query_params.get("lang", "")
    for tag in UI_LANGUAGES:
        if requested.lower() == tag.lower():
            return PageLanguage(tag, explicit=True)
    chosen = _from_header(request.headers.get("accept-language", ""))
    return PageLanguage(chosen or DEFAULT_LANGUAGE)
