"""Towns of Vojvodina and Serbia: post code, centre coordinates, NUTS 2024 region, phone area
code, and streets (real street names; the house numbers are invented)."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Town:
    name: str
    locative: str  # "u Novom Sadu": the Serbian descriptions say where a member sits
    post_code: str
    latitude: float
    longitude: float
    nuts: str  # NUTS 2024 level 3 (oblast)
    area_code: str  # telephone, after +381
    weight: int  # how many members, relatively, have their seat here
    streets: tuple[str, ...]
    minority_language: str | None = None  # a working language besides Serbian and English


COMMON_STREETS = (
    "Kralja Petra I", "Svetozara Miletića", "Žarka Zrenjanina", "Njegoševa", "Cara Dušana",
    "Nikole Tesle", "Vojvode Mišića", "Železnička", "Maksima Gorkog", "Jovana Cvijića",
)

TOWNS: tuple[Town, ...] = (
    Town("Novi Sad", "Novom Sadu", "21000", 45.2551, 19.8452, "RS123", "21", 150, (
        "Bulevar oslobođenja", "Bulevar Mihajla Pupina", "Narodnog fronta", "Futoška",
        "Temerinska", "Jevrejska", "Zmaj Jovina", "Dunavska", "Fruškogorska",
        "Bulevar cara Lazara", "Laze Telečkog", "Radnička", "Bulevar Evrope",
        "Bulevar kralja Petra I", "Sentandrejski put", "Kisačka", "Stražilovska",
        "Hajduk Veljkova", "Danila Kiša", "Braće Ribnikar", "Puškinova", "Ilije Ognjanovića",
    )),
    Town("Petrovaradin", "Petrovaradinu", "21131", 45.2466, 19.8797, "RS123", "21", 5,
         ("Preradovićeva", "Beogradska", "Karlovački drum")),
    Town("Sremski Karlovci", "Sremskim Karlovcima", "21205", 45.2028, 19.9339, "RS123", "21", 2,
         ("Patrijarha Rajačića", "Mitropolita Stratimirovića")),
    Town("Subotica", "Subotici", "24000", 46.1000, 19.6650, "RS125", "24", 20,
         ("Korzo", "Matije Korvina", "Segedinski put", "Trg slobode", "Age Mamužića"), "hu"),
    Town("Zrenjanin", "Zrenjaninu", "23000", 45.3806, 20.3906, "RS126", "23", 14,
         ("Kralja Aleksandra I Karađorđevića", "Bulevar Milutina Milankovića", "Đure Đakovića")),
    Town("Sombor", "Somboru", "25000", 45.7742, 19.1122, "RS121", "25", 8,
         ("Venac Radomira Putnika", "Apatinski put", "Kralja Petra I")),
    Town("Pančevo", "Pančevu", "26000", 44.8708, 20.6403, "RS122", "13", 8,
         ("Vojvode Radomira Putnika", "Karađorđeva", "Žarka Zrenjanina")),
    Town("Kikinda", "Kikindi", "23300", 45.8297, 20.4653, "RS124", "230", 5,
         ("Generala Drapšina", "Trg srpskih dobrovoljaca")),
    Town("Vršac", "Vršcu", "26300", 45.1167, 21.3036, "RS122", "13", 5,
         ("Dvorska", "Abraševićeva", "Žarka Zrenjanina"), "ro"),
    Town("Sremska Mitrovica", "Sremskoj Mitrovici", "22000", 44.9764, 19.6122, "RS127", "22", 5,
         ("Svetog Dimitrija", "Kralja Petra I")),
    Town("Inđija", "Inđiji", "22320", 45.0481, 20.0817, "RS127", "22", 4,
         ("Vojvode Stepe", "Novosadska")),
    Town("Ruma", "Rumi", "22400", 45.0081, 19.8222, "RS127", "22", 3, ("Glavna", "Železnička")),
    Town("Stara Pazova", "Staroj Pazovi", "22300", 44.9850, 20.1608, "RS127", "22", 3,
         ("Kralja Petra I",)),
    Town("Bačka Palanka", "Bačkoj Palanci", "21400", 45.2500, 19.3919, "RS123", "21", 3,
         ("Kralja Petra I",)),
    Town("Vrbas", "Vrbasu", "21460", 45.5714, 19.6403, "RS123", "21", 2, ("Maršala Tita",)),
    Town("Bečej", "Bečeju", "21220", 45.6167, 20.0333, "RS123", "21", 3, ("Glavna", "Zelena"),
         "hu"),
    Town("Senta", "Senti", "24400", 45.9275, 20.0772, "RS124", "24", 3,
         ("Glavni trg", "Poštanska"), "hu"),
    Town("Temerin", "Temerinu", "21235", 45.4083, 19.8889, "RS123", "21", 2, ("Novosadska",)),
    Town("Beograd", "Beogradu", "11070", 44.8050, 20.4000, "RS110", "11", 14, (
        "Bulevar Mihajla Pupina", "Omladinskih brigada", "Milutina Milankovića",
        "Bulevar Zorana Đinđića",
    )),
    Town("Niš", "Nišu", "18000", 43.3209, 21.8958, "RS225", "18", 5,
         ("Obrenovićeva", "Bulevar Nemanjića", "Vožda Karađorđa")),
    Town("Kragujevac", "Kragujevcu", "34000", 44.0128, 20.9114, "RS218", "34", 3,
         ("Save Kovačevića", "Kralja Petra I")),
    Town("Čačak", "Čačku", "32000", 43.8914, 20.3497, "RS214", "32", 2, ("Gradsko šetalište",)),
)

BY_NAME = {town.name: town for town in TOWNS}
VOJVODINA_NUTS = {"RS121", "RS122", "RS123", "RS124", "RS125", "RS126", "RS127"}


def position(rng: random.Random, town: Town) -> tuple[float, float]:
    """A point in town: its centre moved by up to about a kilometre and a half."""
    return (
        round(town.latitude + rng.uniform(-0.012, 0.012), 5),
        round(town.longitude + rng.uniform(-0.018, 0.018), 5),
    )


def street_address(rng: random.Random, town: Town) -> str:
    name = rng.choice(town.streets + COMMON_STREETS[:3])
    roll = rng.random()
    if roll < 0.05:
        return f"{name} bb"  # "bez broja": a building without a house number
    suffix = "a" if roll > 0.92 else ""
    return f"{name} {rng.randint(1, 140)}{suffix}"


def phone(rng: random.Random, town: Town) -> str:
    """+381, the area code, and a local number of 6 (three-digit area) or 7 digits."""
    first = rng.randint(200, 699)
    rest = rng.randint(100, 999) if len(town.area_code) == 3 else rng.randint(1000, 9999)
    return f"+381 {town.area_code} {first} {rest}"


def place_columns(town: Town, street: str, point: tuple[float, float]) -> dict[str, str]:
    return {
        "street": street, "post_code": town.post_code, "city": town.name, "country": "SRB",
        "nuts": town.nuts, "latitude": f"{point[0]:.5f}", "longitude": f"{point[1]:.5f}",
    }
