"""Member companies: drawn one by one from a profile (profiles.py), a town and a size."""

from __future__ import annotations

import random
from datetime import date, timedelta

from generator.identifiers import Identifiers
from generator.names import brand, cyrillic, person, slug
from generator.places import TOWNS, Town, phone, place_columns, position, street_address
from generator.profiles import CERTIFICATES, EXPORT_MARKETS, PROFILES, Profile
from generator.rows import CLUSTER_KEY, Member, category, empty_row, joined

Market = tuple[str, int, str, str]
# (size class, weight, employee range, organisation type)
SIZES = (
    ("micro", 34, (1, 9), "micro-enterprise"),
    ("small", 38, (10, 49), "sme"),
    ("medium", 21, (50, 249), "sme"),
    ("large", 3, (250, 999), "large-company"),
)
CONTACTS = (
    ("Prodaja", "prodaja"), ("Poslovni razvoj", "biz"), ("Kancelarija", "office"),
    ("Služba za korisnike", "podrska"),
)
MARKETS_BY_SIZE = {"micro": (0, 2), "small": (1, 3), "medium": (2, 4), "large": (3, 6)}
CERTIFIED_SHARE = {"micro": 0.04, "small": 0.2, "medium": 0.55, "large": 0.85}
LEI_SHARE = {"large": 0.7, "medium": 0.1}
MAX_NAMES_PER_STEM = 3  # "Bitlab", "Bitmost", "Bitplan"; not a page of "Bit..." names


def _english_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _serbian_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " i " + names[-1]


class CompanyFactory:
    def __init__(self, rng: random.Random, ids: Identifiers, taken: set[str]) -> None:
        self.rng = rng
        self.ids = ids
        self.keys = set(taken)
        self.stems: dict[str, int] = {}

    def unique_brand(self) -> tuple[str, str]:
        """A name no member has, built on a word that few other names share."""
        while True:
            name, stem = brand(self.rng)
            key = slug(name)
            if key not in self.keys and self.stems.get(stem, 0) < MAX_NAMES_PER_STEM:
                self.keys.add(key)
                self.stems[stem] = self.stems.get(stem, 0) + 1
                return name, key

    def founding_year(self) -> int:
        years = list(range(1990, 2026))
        weights = [1 if y < 2000 else 3 if y < 2008 else 6 if y < 2021 else 3 for y in years]
        return self.rng.choices(years, weights)[0]

    def founding_date(self, year: int) -> str:
        if self.rng.random() < 0.5:
            return str(year)
        return (date(year, 1, 1) + timedelta(days=self.rng.randrange(365))).isoformat()

    def size(self, profile: Profile, year: int) -> str:
        size = self.rng.choices(SIZES, [s[1] for s in SIZES])[0][0]
        if size == "large" and profile.name in ("games", "agency", "training", "agritech"):
            size = "medium"
        if year >= 2021 and size in ("medium", "large"):
            size = "small"
        return size

    def legal_name(self, name: str, town: Town, size: str, profile: Profile) -> tuple[str, bool]:
        """The registered name, and whether the member is an entrepreneur (preduzetnik)."""
        roll = self.rng.random()
        if size == "micro" and roll < 0.3:
            given, family = person(self.rng)
            return f"{given} {family} PR Računarsko programiranje {name} {town.name}", True
        if size == "large" and roll < 0.35:
            return f"{name} a.d. {town.name}", False
        if profile.nace[0] == "62.10" and roll > 0.75:
            return f"Društvo za računarsko programiranje {name} d.o.o. {town.name}", False
        return f"{name} d.o.o. {town.name}", False

    def employees(self, size: str) -> str:
        low, high = next(s[2] for s in SIZES if s[0] == size)
        if size == "large" and self.rng.random() < 0.25:
            return "1000+"
        if self.rng.random() < 0.3:
            return str(self.rng.randint(low, high))
        return f"{low}-{high}"

    def markets(self, profile: Profile, size: str) -> list[Market]:
        if not profile.exports:
            return []
        wanted = self.rng.randint(*MARKETS_BY_SIZE[size])
        pool = list(EXPORT_MARKETS)
        chosen: list[Market] = []
        while len(chosen) < wanted:
            pick = self.rng.choices(pool, [m[1] for m in pool])[0]
            pool.remove(pick)
            chosen.append(pick)
        return chosen

    def certificates(self, size: str) -> list[str]:
        if self.rng.random() >= CERTIFIED_SHARE[size]:
            return []
        first = self.rng.choices(CERTIFICATES, (5, 4, 1, 1, 1))[0]
        if self.rng.random() < 0.35:
            return sorted([first, self.rng.choice([c for c in CERTIFICATES if c != first])])
        return [first]

    def languages(self, town: Town, size: str) -> list[str]:
        spoken = ["sr"] if size == "micro" and self.rng.random() < 0.1 else ["sr", "en"]
        if town.minority_language and self.rng.random() < 0.7:
            spoken.append(town.minority_language)
        if self.rng.random() < 0.15:
            spoken.append("de")
        return spoken

    def subjects(self, profile: Profile, size: str) -> dict[str, str]:
        """NACE codes, sectors, industries and technology fields."""
        rng = self.rng
        extra_nace = rng.sample(profile.extra_nace, rng.randint(0, min(2, len(profile.extra_nace))))
        most = min(len(profile.extra_technology), 3 if size == "large" else 2)
        extra_tech = rng.sample(profile.extra_technology, rng.randint(0, most))
        emerging = [profile.emerging[0], *(e for e in profile.emerging[1:] if rng.random() < 0.5)]
        return {
            "nace": joined(profile.nace + tuple(extra_nace)),
            "sectors": joined(profile.sectors),
            "emerging_industries": joined(emerging),
            "ecosystems": joined(profile.ecosystems),
            "technology_fields": joined(profile.technology + tuple(extra_tech)),
        }

    def offers(self, profile: Profile) -> dict[str, str]:
        count = self.rng.randint(2, min(3, len(profile.offers)))
        picked = sorted(self.rng.sample(range(len(profile.offers)), count))
        chosen = [profile.offers[i] for i in picked]
        return {"offers@en": joined([o[0] for o in chosen]),
                "offers@sr-Latn": joined([o[1] for o in chosen])}

    @staticmethod
    def descriptions(name: str, profile: Profile, markets: list[Market], town: Town,
                     year: int) -> dict[str, str]:
        english = f"{name} {profile.does_en}."
        serbian = f"Kompanija {name} {profile.does_sr}."
        if markets:
            english += f" Clients in {_english_list([m[2] for m in markets[:3]])}."
            serbian += f" Klijenti iz {_serbian_list([m[3] for m in markets[:3]])}."
        english += f" Based in {town.name} since {year}."
        serbian += f" Sedište u {town.locative}, osnovana {year}. godine."
        return {"description@en": english, "description@sr-Latn": serbian,
                "description@sr-Cyrl": cyrillic(serbian)}

    def contact(self, town: Town, domain: str, size: str) -> dict[str, str]:
        if size == "micro" and self.rng.random() < 0.15:
            return {}  # some one-person firms list no contact
        name, mailbox = self.rng.choice(CONTACTS)
        return {"contact_name": name, "contact_email": f"{mailbox}@{domain}",
                "contact_phone": phone(self.rng, town)}

    def company(self) -> Member:
        rng = self.rng
        profile = rng.choices(PROFILES, [p.weight for p in PROFILES])[0]
        town = rng.choices(TOWNS, [t.weight for t in TOWNS])[0]
        year = self.founding_year()
        size = self.size(profile, year)
        types = ["start-up"] if year >= 2021 else [next(s[3] for s in SIZES if s[0] == size)]
        if types == ["start-up"] and size == "micro":
            types.append("micro-enterprise")
        name, key = self.unique_brand()
        legal, entrepreneur = self.legal_name(name, town, size, profile)
        domain = f"{key}.example"
        markets = self.markets(profile, size)
        row = empty_row()
        row.update({
            "key": key,
            "legal_name@sr-Latn": legal,
            "legal_name@sr-Cyrl": cyrillic(legal),
            "name@sr-Latn": name,
            "name@sr-Cyrl": cyrillic(name),
            # A brand is written in Latin letters in English text too.
            "name@en": name,
            "organisation_type": joined(types),
            "founding_date": self.founding_date(year),
            "website": f"https://{'www.' if rng.random() < 0.7 else ''}{domain}",
            "vat": self.ids.vat(),
            "lei": self.ids.lei() if rng.random() < LEI_SHARE.get(size, 0.0) else "",
            "registry_number": self.ids.registry_number(entrepreneur=entrepreneur, founded=year),
            "employees": self.employees(size),
            "languages": joined(self.languages(town, size)),
            "export_markets": joined([m[0] for m in markets]),
            "certifications": joined(self.certificates(size)),
            "cluster": CLUSTER_KEY,
        })
        row.update(self.subjects(profile, size))
        row.update(self.offers(profile))
        row.update(self.descriptions(name, profile, markets, town, year))
        row.update(place_columns(town, street_address(rng, town), position(rng, town)))
        row.update(self.contact(town, domain, size))
        return Member(row, category(types), size)
