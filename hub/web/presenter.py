"""What templates call to show data: texts in the page language first, concept labels with
links to their scheme, own IRIs as local links, dates, amounts and coordinates.

Every method that returns markup escapes what it is given; templates never mark data safe.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup, escape
from starlette.requests import Request

from hub.services.concepts import shipped_concepts
from hub.services.vocabulary import concept_location
from hub.web.language import UI_LANGUAGES, PageLanguage
from hub.web.messages import LANGUAGE_NAMES, MONTHS, message

_SEPARATORS = {"en": (",", "."), "sr-Latn": (".", ","), "sr-Cyrl": (".", ",")}
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@dataclass(frozen=True, slots=True)
class Text:
    """A text and the language it is written in."""

    text: str
    lang: str


@dataclass(frozen=True, slots=True)
class ConceptLink:
    """A concept's label in the page language and the link to it in its scheme."""

    label: Markup
    href: str | None
    iri: str


class Presenter:
    """The `ui` object of every template."""

    def __init__(
        self, request: Request, base_url: str, language: PageLanguage, page_size: int = 50
    ) -> None:
        self.request = request
        self.lang = language.tag
        self.explicit = language.explicit
        self.page_size = page_size
        self._own = base_url + "/id/"

    # -- UI text and links ---------------------------------------------------------------

    def t(self, key: str, **values: object) -> str:
        """The UI text `key` in the page language."""
        return message(key, self.lang, **values)

    def href(self, path: str, fragment: str = "", **params: object) -> str:
        """`path` with `params` (None values dropped) and, when the reader chose a
        language with `?lang=`, that language, so that it follows them from page to page."""
        query = {name: value for name, value in params.items() if value is not None}
        if self.explicit and "lang" not in query:
            query["lang"] = self.lang
        text = f"{path}?{urlencode(query)}" if query else path
        return f"{text}#{fragment}" if fragment else text

    def page_link(self, path: str, page: int, per_page: int) -> str:
        """A page of a paged list; the page size only when it is not the default."""
        size = per_page if per_page != self.page_size else None
        return self.href(path, page=page if page > 1 else None, per_page=size)

    def languages(self) -> list[tuple[str, str, str]]:
        """(tag, name in itself, link to this page in that language) for the switcher."""
        params = dict(self.request.query_params)
        path = self.request.url.path
        return [
            (tag, LANGUAGE_NAMES[tag], f"{path}?{urlencode({**params, 'lang': tag})}")
            for tag in UI_LANGUAGES
        ]

    def local(self, iri: str) -> str | None:
        """The local link of an entity of this node, None for anything else."""
        if iri.startswith(self._own) and "#" not in iri:
            return self.href("/id/" + iri[len(self._own) :])
        return None

    @staticmethod
    def iri_text(iri: str) -> str:
        """A short text for a foreign IRI: host and last segment when it is long."""
        bare = iri.split("://", 1)[-1].rstrip("/")
        if len(bare) <= 40:
            return bare
        host, _, rest = bare.partition("/")
        return f"{host}/…/{rest.rsplit('/', 1)[-1]}"

    # -- language maps ---------------------------------------------------------------------

    def texts(self, value: Mapping[str, Any] | None) -> list[Text]:
        """Every language of a language map, the page language first, then English."""
        if not value:
            return []
        order = {self.lang: 0, self.lang.split("-")[0]: 1, "en": 2}
        tags = sorted(value, key=lambda tag: (order.get(tag, 3), tag))
        texts = []
        for tag in tags:
            item = value[tag]
            for text in item if isinstance(item, list) else [item]:
                texts.append(Text(str(text), tag))
        return texts

    def best(self, value: Mapping[str, Any] | None) -> Text | None:
        """The text of a language map to show: the page language, else English, else any."""
        texts = self.texts(value)
        return texts[0] if texts else None

    def show(self, value: Text | Mapping[str, Any] | None) -> Markup:
        """A text in the page language if there is one, marked with its `lang` if not."""
        text = value if isinstance(value, Text) or value is None else self.best(value)
        if text is None:
            return Markup("")
        if text.lang == self.lang:
            return escape(text.text)
        return Markup('<span lang="{}">{}</span>').format(text.lang, text.text)

    def name_text(self, doc: Mapping[str, Any] | None, fallback: str = "") -> Text:
        """The entity's name: a display name, legal name or name in the page language if it
        has one in any of them, else in English, else the first there is."""
        names = [doc.get(term) or {} for term in ("prefLabel", "legalName", "name")] if doc else []
        for tag in (self.lang, self.lang.split("-")[0], "en"):
            for value in names:
                if tag in value:
                    return Text(str(value[tag]), tag)
        for value in names:
            found = self.best(value)
            if found is not None:
                return found
        return Text(fallback or str((doc or {}).get("id", "")), "en")

    def name(self, doc: Mapping[str, Any] | None, fallback: str = "") -> Markup:
        """The entity's name as markup (with `lang` when not in the page language)."""
        return self.show(self.name_text(doc, fallback))

    def plain_name(self, doc: Mapping[str, Any] | None) -> str:
        """The entity's name as plain text (for `<title>`)."""
        return self.name_text(doc).text

    # -- concepts ----------------------------------------------------------------------------

    def concept(self, compact: str) -> ConceptLink:
        """`sector:automotive` -> its label and `/vocab/schemes/sectoral-industry#automotive`."""
        labels = shipped_concepts().labels.get(compact) or {}
        text = next(
            (
                Text(labels[tag], tag)
                for tag in (self.lang, self.lang.split("-")[0], "en")
                if tag in labels
            ),
            None,
        )
        if text is None:
            text = Text(next(iter(labels.values()), compact.partition(":")[2] or compact), "en")
        location = concept_location(compact)
        href = self.href(f"/vocab/schemes/{location[0]}", location[1]) if location else None
        return ConceptLink(self.show(text), href, compact)

    def concepts(self, values: Iterable[str] | None) -> list[ConceptLink]:
        """`concept()` of each value."""
        return [self.concept(value) for value in values or ()]

    def type_labels(self, types: Iterable[str] | str | None) -> list[str]:
        """UI names of an entity's classes, the most specific ones: `schema:` twins of `org:`
        classes, and classes that a more specific one implies, are left out."""
        names = {types} if isinstance(types, str) else set(types or ())
        implied = {"schema:Organization"}
        if names & {"FormalOrganization", "LegalEntity", "ClusterOrganisation"}:
            implied.add("Organization")
        if "ClusterOrganisation" in names or "LegalEntity" in names:
            implied.add("FormalOrganization")
        order = ("ClusterOrganisation", "LegalEntity", "FormalOrganization", "Organization")
        return [self.t("type_" + name) for name in order if name in names - implied]

    # -- numbers, dates, places -----------------------------------------------------------------

    def number(self, value: float, decimals: int = 0) -> str:
        """1234.5 -> "1,234.5" in English, "1.234,5" in Serbian."""
        thousands, point = _SEPARATORS.get(self.lang, (",", "."))
        text = f"{value:,.{decimals}f}"
        return text.translate({ord(","): thousands, ord("."): point})

    def money(self, amount: Mapping[str, Any] | None) -> str:
        """A `MonetaryAmount` as "EUR 499,875.50" or "499.875,50 EUR"."""
        if not amount:
            return ""
        value = float(amount["value"])
        figure = self.number(value, 0 if value.is_integer() else 2)
        currency = amount.get("currency", "EUR")
        return f"{currency} {figure}" if self.lang == "en" else f"{figure} {currency}"

    def date(self, iso: str | None) -> str:
        """`2021-03-12` as "12 March 2021" or "12. mart 2021."; a bare year as it is."""
        if not iso or len(iso) != 10:
            return iso or ""
        year, month, day = iso.split("-")
        month_name = MONTHS[self.lang][int(month) - 1]
        if self.lang == "en":
            return f"{int(day)} {month_name} {year}"
        return f"{int(day)}. {month_name} {year}."

    def coordinates(self, geo: Mapping[str, Any]) -> str:
        """`GeoCoordinates` as text: no map tiles are fetched from anywhere."""
        lat, lon = float(geo["latitude"]), float(geo["longitude"])
        north_south = self.t("north") if lat >= 0 else self.t("south")
        east_west = self.t("east") if lon >= 0 else self.t("west")
        return f"{self.number(abs(lat), 4)}° {north_south}, {self.number(abs(lon), 4)}° {east_west}"

    def employees(self, value: Mapping[str, Any] | None) -> str:
        """A `QuantitativeValue`: a count, or a range like "6–10"."""
        if not value:
            return ""
        if "value" in value:
            return self.number(value["value"])
        low, high = value.get("minValue"), value.get("maxValue")
        if low is not None and high is not None:
            return f"{self.number(low)}–{self.number(high)}"
        return f"≥ {self.number(low)}" if low is not None else f"≤ {self.number(high or 0)}"

    # -- embedding -------------------------------------------------------------------------

    @staticmethod
    def script_json(body: bytes) -> Markup:
        """JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` escaped as
        JSON unicode escapes, so no text in the data can end the script element."""
        return Markup(body.decode().translate(_SCRIPT_SAFE))  # noqa: S704


__all__ = ["ConceptLink", "Presenter", "Text"]
