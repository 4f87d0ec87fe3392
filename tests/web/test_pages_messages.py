"""The UI message catalogue: three languages for every string, the same placeholders."""

from __future__ import annotations

import re
import string

import pytest

from hub.web.messages import LANGUAGE_NAMES, MESSAGES, MONTHS, message

# Names and formats stay in Latin letters in Cyrillic text.
_LATIN_ALLOWED = re.compile(
    r"clusterhub|WGS|LEI|NACE|DCAT-AP|JSON-LD|Turtle|N-Triples|Accept|SHACL|API|jsonld|ttl|nt\b"
)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_three_languages_with_the_same_placeholders(key: str) -> None:
    english, latin, cyrillic = MESSAGES[key]
    assert english and latin and cyrillic
    assert placeholders(english) == placeholders(latin) == placeholders(cyrillic)
    without_names = _LATIN_ALLOWED.sub("", re.sub(r"\{\w+\}", "", cyrillic))
    assert not re.search(r"[A-Za-z]", without_names), f"Latin letters in the Cyrillic text of {key}"
    assert not re.search(r"[\u0400-\u04FF]", latin), f"Cyrillic letters in the Latin text of {key}"


def test_messages_fill_placeholders_and_fall_back_to_english() -> None:
    assert message("page_of", "sr-Cyrl", page=2, pages=5) == "Страна 2 од 5"
    assert message("members", "de") == "Members"
    assert set(LANGUAGE_NAMES) == set(MONTHS) == {"en", "sr-Latn", "sr-Cyrl"}
    assert all(len(names) == 12 for names in MONTHS.values())
