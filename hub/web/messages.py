"""The UI message catalogue: every string a page shows, in English, Serbian Latin and Cyrillic.

Concept labels come from the SKOS schemes; these are the words around them. `{name}` marks
a value filled in with `str.format`.
"""

from __future__ import annotations

from typing import Final

from hub.web.language import UI_LANGUAGES

MESSAGES: Final[dict[str, tuple[str, str, str]]] = {
    "skip": ("Skip to content", "Preskoči na sadržaj", "Прескочи на садржај"),
    "home": ("Home", "Početna", "Почетна"),
    "organisations": ("Organisations", "Organizacije", "Организације"),
    "clusters": ("Clusters", "Klasteri", "Кластери"),
    "events": ("Events", "Događaji", "Догађаји"),
    "projects": ("Projects", "Projekti", "Пројекти"),
    "vocabulary": ("Vocabulary", "Rečnik", "Речник"),
    "api": ("API description", "Opis API-ja", "Опис API-ја"),
    "main_nav": ("Main navigation", "Glavna navigacija", "Главна навигација"),
    "language": ("Language", "Jezik", "Језик"),
    "breadcrumb": ("You are here", "Nalazite se ovde", "Налазите се овде"),
    "as_data": ("This page as data", "Ova stranica kao podaci", "Ова страница као подаци"),
    "footer": (
        "Published with clusterhub, open-source software for business-cluster networks.",
        "Objavljeno pomoću softvera clusterhub, otvorenog koda za mreže poslovnih klastera.",
        "Објављено помоћу софтвера clusterhub, отвореног кода за мреже пословних кластера.",
    ),
    "footer_data": (
        "All data on this node is open linked data in the clusterhub vocabulary.",
        "Svi podaci na ovom čvoru su otvoreni povezani podaci u rečniku clusterhub.",
        "Сви подаци на овом чвору су отворени повезани подаци у речнику clusterhub.",
    ),
    "type_Organization": ("Organisation", "Organizacija", "Организација"),
    "type_FormalOrganization": (
        "Formal organisation",
        "Formalna organizacija",
        "Формална организација",
    ),
    "type_ClusterOrganisation": (
        "Cluster organisation",
        "Klasterska organizacija",
        "Кластерска организација",
    ),
    "type_LegalEntity": ("Legal entity", "Pravno lice", "Правно лице"),
    "kind_membership": ("Membership", "Članstvo", "Чланство"),
    "kind_event": ("Event", "Događaj", "Догађај"),
    "kind_project": ("Project", "Projekat", "Пројекат"),
    "names": ("Names", "Nazivi", "Називи"),
    "legal_name": ("Legal name", "Pravni naziv", "Правни назив"),
    "display_name": ("Name", "Naziv", "Назив"),
    "other_names": ("Also known as", "Poznato i kao", "Познато и као"),
    "about": ("About", "O organizaciji", "О организацији"),
    "description": ("Description", "Opis", "Опис"),
    "mission": ("Mission", "Misija", "Мисија"),
    "facts": ("Key facts", "Osnovni podaci", "Основни подаци"),
    "founded": ("Founded", "Osnovano", "Основано"),
    "website": ("Website", "Veb-sajt", "Веб-сајт"),
    "same_as": ("Also described at", "Opisano i na", "Описано и на"),
    "employees": ("Employees", "Zaposleni", "Запослени"),
    "vat": ("VAT number", "PIB", "ПИБ"),
    "lei": ("LEI", "LEI", "LEI"),
    "identifiers": ("Registry identifiers", "Matični brojevi", "Матични бројеви"),
    "issued_by": ("Issued by", "Izdaje", "Издаје"),
    "address": ("Address", "Adresa", "Адреса"),
    "coordinates": ("Coordinates (WGS 84)", "Koordinate (WGS 84)", "Координате (WGS 84)"),
    "country": ("Country", "Država", "Држава"),
    "region": ("Region", "Region", "Регион"),
    "place": ("Place", "Mesto", "Место"),
    "profile": ("Profile", "Profil", "Профил"),
    "org_types": ("Organisation type", "Vrsta organizacije", "Врста организације"),
    "sectors": ("Sectoral industries", "Sektorske industrije", "Секторске индустрије"),
    "emerging": ("Emerging industries", "Industrije u nastajanju", "Индустрије у настајању"),
    "ecosystems": ("Industrial ecosystems", "Industrijski ekosistemi", "Индустријски екосистеми"),
    "technology": ("Technology fields", "Tehnološke oblasti", "Технолошке области"),
    "nace": (
        "Economic activities (NACE)",
        "Privredne delatnosti (NACE)",
        "Привредне делатности (NACE)",
    ),
    "languages": ("Languages", "Jezici", "Језици"),
    "area_served": ("Export markets", "Izvozna tržišta", "Извозна тржишта"),
    "cooperation": (
        "Cooperation target countries",
        "Ciljne zemlje saradnje",
        "Циљне земље сарадње",
    ),
    "purpose": ("Objectives", "Ciljevi", "Циљеви"),
    "contact": ("Contact", "Kontakt", "Контакт"),
    "email": ("E-mail", "Imejl", "Имејл"),
    "telephone": ("Telephone", "Telefon", "Телефон"),
    "contact_type": ("Contact for", "Kontakt za", "Контакт за"),
    "certifications": ("Certifications and labels", "Sertifikati i oznake", "Сертификати и ознаке"),
    "certificate": ("Certificate", "Sertifikat", "Сертификат"),
    "level": ("Level", "Nivo", "Ниво"),
    "valid": ("Valid", "Važi", "Важи"),
    "services": ("Services offered", "Usluge", "Услуге"),
    "service": ("Service", "Usluga", "Услуга"),
    "categories": ("Categories", "Kategorije", "Категорије"),
    "composition": ("Cluster composition", "Sastav klastera", "Састав кластера"),
    "count": ("Number", "Broj", "Број"),
    "management": ("Management team", "Upravljački tim", "Управљачки тим"),
    "person": ("Person", "Osoba", "Особа"),
    "role": ("Role", "Uloga", "Улога"),
    "since": ("Since", "Od", "Од"),
    "until": ("Until", "Do", "До"),
    "period": ("Period", "Period", "Период"),
    "members": ("Members", "Članovi", "Чланови"),
    "member": ("Member", "Član", "Члан"),
    "memberships": ("Memberships", "Članstva", "Чланства"),
    "networks": ("Networks and associations", "Mreže i udruženja", "Мреже и удружења"),
    "organisation": ("Organisation", "Organizacija", "Организација"),
    "project_participation": ("Projects", "Projekti", "Пројекти"),
    "no_members": (
        "No members are published yet.",
        "Još nema objavljenih članova.",
        "Још нема објављених чланова.",
    ),
    "no_items": (
        "Nothing is published here yet.",
        "Ovde još ništa nije objavljeno.",
        "Овде још ништа није објављено.",
    ),
    "not_here": (
        "not published on this node",
        "nije objavljeno na ovom čvoru",
        "није објављено на овом чвору",
    ),
    "member_count": ("{count} members", "Broj članova: {count}", "Број чланова: {count}"),
    "membership_title": (
        "{member} in {organisation}",
        "{member} u organizaciji {organisation}",
        "{member} у организацији {organisation}",
    ),
    "event_type": ("Type of event", "Vrsta događaja", "Врста догађаја"),
    "date": ("Date", "Datum", "Датум"),
    "when": ("When", "Kada", "Када"),
    "location": ("Location", "Mesto održavanja", "Место одржавања"),
    "organizers": ("Organised by", "Organizator", "Организатор"),
    "web_page": ("Web page", "Veb-stranica", "Веб-страница"),
    "funding": ("Funding", "Finansiranje", "Финансирање"),
    "funder": ("Funder", "Finansijer", "Финансијер"),
    "programme": ("Programme", "Program", "Програм"),
    "amount": ("Amount", "Iznos", "Износ"),
    "grant_no": ("Grant number", "Broj ugovora", "Број уговора"),
    "budget": ("Total budget", "Ukupni budžet", "Укупни буџет"),
    "partners": ("Partners", "Partneri", "Партнери"),
    "partner": ("Partner", "Partner", "Партнер"),
    "name": ("Name", "Naziv", "Назив"),
    "type": ("Type", "Vrsta", "Врста"),
    "pagination": ("Pages", "Stranice", "Странице"),
    "previous": ("Previous", "Prethodna", "Претходна"),
    "next": ("Next", "Sledeća", "Следећа"),
    "first": ("First", "Prva", "Прва"),
    "last": ("Last", "Poslednja", "Последња"),
    "page_of": ("Page {page} of {pages}", "Strana {page} od {pages}", "Страна {page} од {pages}"),
    "showing": ("{start}–{end} of {total}", "{start}–{end} od {total}", "{start}–{end} од {total}"),
    "welcome": (
        "Open data of the cluster and its members",
        "Otvoreni podaci klastera i njegovih članova",
        "Отворени подаци кластера и његових чланова",
    ),
    "home_intro": (
        (
            "This node publishes a business cluster's profile, its members and memberships, "
            "events and projects as open linked data: readable here, and machine-readable in the "
            "same place."
        ),
        (
            "Ovaj čvor objavljuje profil poslovnog klastera, njegove članove i članstva, događaje"
            " i projekte kao otvorene povezane podatke: čitljive ovde, a mašinski čitljive na "
            "istom mestu."
        ),
        (
            "Овај чвор објављује профил пословног кластера, његове чланове и чланства, догађаје и"
            " пројекте као отворене повезане податке: читљиве овде, а машински читљиве на истом "
            "месту."
        ),
    ),
    "cluster_profile": ("Cluster profile", "Profil klastera", "Профил кластера"),
    "full_profile": ("View the full profile", "Pogledajte ceo profil", "Погледајте цео профил"),
    "browse": ("Browse", "Pregledajte", "Прегледајте"),
    "n_organisations": ("organisations", "organizacija", "организација"),
    "n_clusters": ("cluster organisations", "klasterskih organizacija", "кластерских организација"),
    "n_events": ("events", "događaja", "догађаја"),
    "n_projects": ("projects", "projekata", "пројеката"),
    "n_memberships": ("memberships", "članstava", "чланстава"),
    "open_data": ("Open data", "Otvoreni podaci", "Отворени подаци"),
    "catalogue": (
        "Data catalogue (DCAT-AP 3)",
        "Katalog podataka (DCAT-AP 3)",
        "Каталог података (DCAT-AP 3)",
    ),
    "formats_intro": (
        (
            "Every page is also served as JSON-LD, Turtle and N-Triples: ask with the Accept "
            "header, or add .jsonld, .ttl or .nt to an entity address."
        ),
        (
            "Svaka stranica se služi i kao JSON-LD, Turtle i N-Triples: zatražite zaglavljem "
            "Accept ili dodajte .jsonld, .ttl ili .nt na adresu entiteta."
        ),
        (
            "Свака страница се служи и као JSON-LD, Turtle и N-Triples: затражите заглављем "
            "Accept или додајте .jsonld, .ttl или .nt на адресу ентитета."
        ),
    ),
    "vocab_intro": (
        (
            "The shared vocabulary of clusterhub nodes and hubs: the JSON-LD context, the "
            "ontology of coined terms, the SHACL shapes and the concept schemes whose labels "
            "these pages show."
        ),
        (
            "Zajednički rečnik čvorova i habova clusterhub: JSON-LD kontekst, ontologija uvedenih"
            " termina, SHACL oblici i šeme pojmova čije oznake prikazuju ove stranice."
        ),
        (
            "Заједнички речник чворова и хабова clusterhub: JSON-LD контекст, онтологија уведених"
            " термина, SHACL облици и шеме појмова чије ознаке приказују ове странице."
        ),
    ),
    "files": ("Files", "Datoteke", "Датотеке"),
    "context": ("JSON-LD context", "JSON-LD kontekst", "JSON-LD контекст"),
    "ontology": (
        "Ontology (coined terms)",
        "Ontologija (uvedeni termini)",
        "Онтологија (уведени термини)",
    ),
    "shapes": ("SHACL shapes", "SHACL oblici", "SHACL облици"),
    "profile_file": ("Application profile", "Aplikacioni profil", "Апликациони профил"),
    "own_schemes": (
        "clusterhub concept schemes",
        "Šeme pojmova clusterhub",
        "Шеме појмова clusterhub",
    ),
    "eu_tables": ("EU code lists (snapshots)", "Šifarnici EU (snimci)", "Шифарници ЕУ (снимци)"),
    "scheme": ("Concept scheme", "Šema pojmova", "Шема појмова"),
    "concepts": ("Concepts", "Pojmovi", "Појмови"),
    "concept_count": ("{count} concepts", "Broj pojmova: {count}", "Број појмова: {count}"),
    "notation": ("Code", "Šifra", "Шифра"),
    "label": ("Label", "Oznaka", "Ознака"),
    "broader": ("Broader", "Šire", "Шире"),
    "definition": ("Definition", "Definicija", "Дефиниција"),
    "label_en": ("English", "engleski", "енглески"),
    "label_sr-Latn": ("Serbian (Latin)", "srpski (latinica)", "српски (латиница)"),
    "label_sr-Cyrl": ("Serbian (Cyrillic)", "srpski (ćirilica)", "српски (ћирилица)"),
    "north": ("N", "S", "С"),
    "south": ("S", "J", "Ј"),
    "east": ("E", "I", "И"),
    "west": ("W", "Z", "З"),
}

MONTHS: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "sr-Latn": (
        "januar", "februar", "mart", "april", "maj", "jun",
        "jul", "avgust", "septembar", "oktobar", "novembar", "decembar",
    ),
    "sr-Cyrl": (
        "јануар", "фебруар", "март", "април", "мај", "јун",
        "јул", "август", "септембар", "октобар", "новембар", "децембар",
    ),
}  # fmt: skip

# Each language named in itself, for the language switcher.
LANGUAGE_NAMES: Final[dict[str, str]] = {
    "en": "English",
    "sr-Latn": "Srpski (latinica)",
    "sr-Cyrl": "Српски (ћирилица)",
}

_INDEX: Final = {tag: position for position, tag in enumerate(UI_LANGUAGES)}


def message(key: str, language: str, **values: object) -> str:
    """The text of `key` in `language` (English when the language is not a UI language)."""
    text = MESSAGES[key][_INDEX.get(language, 0)]
    return text.format(**values) if values else text
