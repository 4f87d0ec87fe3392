"""Invented but well-formed identifiers: Serbian PIB (VAT) and matični broj, and LEIs.

Each is drawn at random, given its check digit(s) by the official algorithm, and never
handed out twice.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

from stdnum.iso7064 import mod_11_10, mod_97_10


class Identifiers:
    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._issued: set[str] = set()

    def _unique(self, make: Callable[[], str]) -> str:
        while True:
            value = make()
            if value not in self._issued:
                self._issued.add(value)
                return value

    def pib(self) -> str:
        """A PIB (Poreski identifikacioni broj): 8 digits, then the ISO 7064 MOD 11,10 check
        digit, as `stdnum.rs.pib` verifies it. Legal entities' PIBs start with 1."""

        def make() -> str:
            body = "1" + "".join(self._rng.choice(string.digits) for _ in range(7))
            return body + mod_11_10.calc_check_digit(body)

        return self._unique(make)

    def vat(self) -> str:
        return "RS" + self.pib()

    def registry_number(self, *, entrepreneur: bool = False, founded: int = 2010) -> str:
        """A matični broj of the Serbian Business Registers Agency: 7 digits and a MOD 11
        check digit (weights 8..2). Entrepreneurs' numbers start with 6; companies registered
        since 2005 with 2, older ones with 0."""

        def make() -> str:
            first = "6" if entrepreneur else ("2" if founded >= 2005 else "0")
            body = first + "".join(self._rng.choice(string.digits) for _ in range(6))
            remainder = sum(int(d) * w for d, w in zip(body, range(8, 1, -1), strict=True)) % 11
            check = 11 - remainder
            return body + ("0" if check > 9 else str(check))

        return self._unique(make)

    def lei(self) -> str:
        """An ISO 17442 LEI: a 4-character issuer prefix, 14 characters, and two ISO 7064
        MOD 97-10 check digits (as `stdnum.lei` verifies them)."""

        def make() -> str:
            alphabet = string.digits + string.ascii_uppercase
            body = "5299" + "00" + "".join(self._rng.choice(alphabet) for _ in range(12))
            return body + mod_97_10.calc_check_digits(body)

        return self._unique(make)
