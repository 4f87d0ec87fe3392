"""Fictional company names made of Serbian word parts, and Serbian given and family names.

Names are written in Serbian Latin script; `cyrillic()` gives the Cyrillic form by the
national rules (cyrtranslit). The parts avoid q, w, x, y and digraph look-alikes, so that the
transliteration is exact.
"""

from __future__ import annotations

import random
import unicodedata

import cyrtranslit

BRAND_HEADS = (
    "Info", "Data", "Kod", "Soft", "Tehno", "Digi", "Net", "Bit", "Mikro", "Logi", "Vega",
    "Orbit", "Sigma", "Omega", "Delta", "Kvant", "Pulsar", "Nova", "Alfa", "Elektro", "Sinergi",
    "Kibernet", "Matri", "Vektor", "Modul", "Spektar", "Astra", "Atlas", "Arhi", "Fokus",
    "Impuls", "Meridijan", "Ideja", "Saga", "Zenit", "Kosmo", "Ritam", "Kristal", "Magnet",
    "Tera", "Giga", "Neo", "Eko", "Agro", "Geo", "Bio", "Medi", "Fin", "Edu", "Robo", "Auto",
    "Servo", "Termo", "Foto", "Video", "Hidro", "Aero", "Navi", "Sinhro", "Kripto", "Metro",
)
BRAND_TAILS = (
    "lab", "sfera", "tim", "vizija", "kod", "soft", "net", "sistemi", "logika", "tronik",
    "matika", "link", "grad", "most", "teka", "polis", "forma", "medija", "pro", "centar",
    "mreža", "nauka", "studio", "plan", "servis",
)
REGIONAL_WORDS = (
    ("Panonski", "Panonija"), ("Dunavski", "Dunav"), ("Fruškogorski", "Fruška"),
    ("Bački", "Bačka"), ("Banatski", "Banat"), ("Sremski", "Srem"), ("Tiski", "Tisa"),
    ("Begejski", "Begej"), ("Palićki", "Palić"), ("Vojvođanski", "Vojvodina"),
)
# Words that make a name on their own or with a suffix: "Iskra", "Javor Lab", "Talas IT".
WORDS = (
    "Iskra", "Talas", "Javor", "Hrast", "Lipa", "Sova", "Zora", "Munja", "Vidik", "Kocka",
    "Piksel", "Bajt", "Pčela", "Jelen", "Sunce", "Luka", "Orbita", "Kvadrat", "Lanac", "Most",
    "Kompas", "Svitac", "Mozaik", "Prizma", "Sidro", "Jedro", "Vetrenjača", "Salaš", "Ravnica",
    "Vrelo", "Izvor", "Kamen", "Breza", "Jasen", "Topola", "Vrba", "Kruna", "Plamen", "Klas",
    "Suncokret", "Kanal", "Splav", "Skela", "Kej", "Bedem", "Dukat", "Vihor", "Grom", "Zvezda",
    "Kometa", "Oblak", "Duga", "Sokol", "Orao", "Labud", "Roda", "Čaplja", "Ris", "Zlatna grana",
)
WORD_SUFFIXES = ("", "", " Soft", " IT", " Lab", " Digital", " Sistemi", " Studio", " Kod")
# Nouns the adjectives above go with: "Panonski softver", "Bački sistemi".
REGIONAL_NOUNS = ("softver", "kod", "inženjering", "razvoj", "sistemi")
DESCRIPTIVE = (
    ("Softverska", "rešenja"), ("Digitalni", "sistemi"), ("Pametna", "rešenja"),
    ("Napredne", "tehnologije"), ("Informacioni", "servisi"), ("Računarski", "inženjering"),
    ("Mrežni", "sistemi"), ("Elektronski", "sklopovi"), ("Poslovna", "informatika"),
    ("Primenjena", "matematika"), ("Industrijska", "automatika"), ("Kreativni", "studio"),
)

GIVEN_NAMES = (
    "Marko", "Nikola", "Stefan", "Milan", "Nemanja", "Aleksandar", "Dušan", "Vladimir",
    "Jovan", "Miloš", "Đorđe", "Lazar", "Ivan", "Petar", "Zoran", "Dragan", "Branislav",
    "Ana", "Jelena", "Milica", "Marija", "Ivana", "Tamara", "Jovana", "Dragana", "Snežana",
    "Tijana", "Katarina", "Maja", "Sanja", "Vesna", "Gordana", "Ljiljana", "Nataša", "Bojana",
    "Atila", "Zoltan", "Erika", "Jan", "Ondrej",
)
FAMILY_NAMES = (
    "Petrović", "Jovanović", "Nikolić", "Marković", "Đorđević", "Stojanović", "Ilić",
    "Stanković", "Pavlović", "Milošević", "Popović", "Živković", "Kovačević", "Todorović",
    "Savić", "Radovanović", "Lukić", "Vuković", "Obradović", "Mitrović", "Tomić", "Kostić",
    "Babić", "Mladenović", "Ristić", "Vasić", "Đukić", "Bošković", "Lazić", "Grujić",
    "Nađ", "Sabo", "Kiš", "Horvat", "Tot", "Čizmar", "Petrovački",
)


def cyrillic(latin: str) -> str:
    """Serbian Latin -> Serbian Cyrillic (Vuk's alphabet: lj, nj, dž are one letter each)."""
    return str(cyrtranslit.to_cyrillic(latin, "sr"))


def slug(text: str) -> str:
    """`Softverska rešenja` -> `softverska-resenja` (đ -> dj, as Serbian ASCII writing does)."""
    text = text.replace("Đ", "Dj").replace("đ", "dj")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = "".join(ch if ch.isalnum() else " " for ch in ascii_text.lower()).split()
    return "-".join(words)


def person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES)


def brand(rng: random.Random) -> tuple[str, str]:
    """A company's trading name (`Iskra Lab`, `Kodlab`, `Panonski softver`, `Softverska
    rešenja`...) and the word it is built on, so that callers can keep names varied."""
    roll = rng.random()
    if roll < 0.3:
        word = rng.choice(WORDS)
        return word + rng.choice(WORD_SUFFIXES), word
    if roll < 0.75:
        head, tail = rng.choice(BRAND_HEADS), rng.choice(BRAND_TAILS)
        while tail.startswith(head.lower()[:3]) or head.lower().startswith(tail[:3]):
            tail = rng.choice(BRAND_TAILS)
        if head.lower().endswith(tail[0]):
            tail = tail[1:]
        return head + tail, head
    if roll < 0.92:
        adjective, noun = rng.choice(REGIONAL_WORDS)
        if rng.random() < 0.5:
            return f"{adjective} {rng.choice(REGIONAL_NOUNS)}", noun
        return f"{noun} {rng.choice(('IT', 'Digital', 'Soft', 'Kod', 'Sistemi'))}", noun
    adjective, noun = rng.choice(DESCRIPTIVE)
    return f"{adjective} {noun}", adjective
