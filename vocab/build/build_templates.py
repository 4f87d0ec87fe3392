"""Build the member-list templates in vocab/templates/: blank and filled-in, CSV and XLSX.

Usage (from the repository root):

    .venv/bin/python vocab/build/build_templates.py           # write the four files
    .venv/bin/python vocab/build/build_templates.py --check   # fail if one is out of date

The columns are the importer's own (`hub.services.imports.columns`), documented in
`vocab/templates/COLUMNS.md`, whose table also fills the XLSX "Columns" sheet. The example
holds ten fictitious Serbian ICT companies with valid PIB (VAT) check digits. The XLSX
example stores cells as a spreadsheet user would type them: numbers and dates as numbers and
dates, registry numbers as text (their leading zeros matter). openpyxl is a dev dependency.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from python_calamine import CalamineWorkbook
from stdnum.iso7064 import mod_11_10, mod_97_10

from hub.services.imports.columns import template_columns

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
BUILT = datetime(2026, 11, 24)  # fixed, so that a rebuild changes nothing


def pib(body: str) -> str:
    """`RS` + a Serbian PIB: eight digits and their ISO 7064 MOD 11,10 check digit."""
    return "RS" + body + mod_11_10.calc_check_digit(body)


def lei(body: str) -> str:
    return body + mod_97_10.calc_check_digits(body)


_COMMON = {
    "country": "RS",
    "sectors": "information-technology-and-analytical-instruments",
    "emerging_industries": "digital-industries",
    "ecosystems": "digital",
}

# Ten fictitious members of a Vojvodina ICT cluster (names, numbers and addresses invented).
EXAMPLES: list[dict[str, object]] = [
    {
        "key": "bitlab",
        "legal_name@sr-Latn": "BitLab d.o.o. Novi Sad",
        "legal_name@sr-Cyrl": "БитЛаб д.о.о. Нови Сад",
        "legal_name@en": "BitLab LLC Novi Sad",
        "name@sr-Latn": "BitLab",
        "name@sr-Cyrl": "БитЛаб",
        "name@en": "BitLab",
        "description@sr-Latn": "Razvoj softvera po meri za industriju i finansije.",
        "description@en": "Custom software for manufacturing and finance.",
        "organisation_type": "sme",
        "founding_date": 2011,
        "website": "https://www.bitlab.example.rs",
        "street": "Bulevar oslobođenja 30",
        "post_code": "21000",
        "city": "Novi Sad",
        "nuts": "RS12",
        "latitude": 45.2551,
        "longitude": 19.8452,
        "vat": pib("10593820"),
        "registry_number": "08752401",
        "employees": "50-249",
        "nace": "62.01; 62.02",
        "technology_fields": "software-engineering; cloud-computing",
        "languages": "sr; en; de",
        "export_markets": "DEU; AUT; CHE",
        "offers@sr-Latn": "Razvoj softvera po meri; IT konsalting",
        "offers@en": "Custom software development; IT consulting",
        "certifications": "ISO 9001; ISO/IEC 27001",
        "contact_name": "Prodaja",
        "contact_email": "info@bitlab.example.rs",
        "contact_phone": "+381 21 555 0101",
        "membership_role": "founding-member",
        "member_since": date(2012, 3, 1),
    },
    {
        "key": "dunav-soft",
        "legal_name@sr-Latn": "Dunav Soft d.o.o.",
        "legal_name@sr-Cyrl": "Дунав Софт д.о.о.",
        "name@sr-Latn": "Dunav Soft",
        "name@en": "Danube Soft",
        "organisation_type": "sme",
        "founding_date": date(2004, 6, 15),
        "website": "https://dunavsoft.example.rs",
        "street": "Narodnog fronta 12",
        "post_code": "21000",
        "city": "Novi Sad",
        "nuts": "RS12",
        "latitude": 45.2441,
        "longitude": 19.8412,
        "vat": pib("10467311"),
        "lei": lei("549300DUNAVSOFT001"),
        "registry_number": "20112233",
        "employees": 320,
        "nace": "62.01",
        "technology_fields": "embedded-systems; internet-of-things",
        "languages": "sr; en",
        "export_markets": "USA; GBR",
        "offers@sr-Latn": "Ugrađeni sistemi",
        "offers@en": "Embedded systems",
        "contact_email": "office@dunavsoft.example.rs",
        "membership_role": "founding-member",
        "member_since": date(2012, 3, 1),
    },
    {
        "key": "frushka-labs",
        "legal_name@sr-Latn": "Fruška Labs d.o.o.",
        "legal_name@sr-Cyrl": "Фрушка Лабс д.о.о.",
        "name@sr-Latn": "Fruška Labs",
        "organisation_type": "Startap",
        "founding_date": 2021,
        "website": "https://fruskalabs.example.rs",
        "street": "Futoška 1a",
        "post_code": "21000",
        "city": "Novi Sad",
        "nuts": "RS12",
        "vat": pib("11322459"),
        "employees": "1-9",
        "nace": "62.10",
        "technology_fields": "artificial-intelligence",
        "languages": "sr; en",
        "offers@sr-Latn": "Mašinsko učenje",
        "offers@en": "Machine learning",
        "contact_email": "hello@fruskalabs.example.rs",
        "member_since": date(2022, 1, 15),
    },
    {
        "key": "petrovaradin-systems",
        "legal_name@sr-Latn": "Petrovaradin Sistemi d.o.o.",
        "legal_name@sr-Cyrl": "Петроварадин Системи д.о.о.",
        "name@sr-Latn": "Petrovaradin Sistemi",
        "organisation_type": "sme",
        "founding_date": 1998,
        "website": "https://petrovaradin.example.rs",
        "street": "Preradovićeva 8",
        "post_code": "21131",
        "city": "Petrovaradin",
        "nuts": "RS12",
        "latitude": 45.2467,
        "longitude": 19.8799,
        "vat": pib("10034752"),
        "registry_number": "08011923",
        "employees": 85,
        "nace": "62.02; 63.11",
        "technology_fields": "big-data-and-analytics",
        "languages": "sr; en; hu",
        "export_markets": "HUN",
        "offers@sr-Latn": "Analitika podataka",
        "offers@en": "Data analytics",
        "certifications": "ISO 9001",
        "contact_phone": "+381 21 555 0144",
        "membership_role": "full-member",
        "member_since": date(2013, 9, 1),
    },
    {
        "key": "sirmium-code",
        "legal_name@sr-Latn": "Sirmium Kod d.o.o.",
        "legal_name@sr-Cyrl": "Сирмијум Код д.о.о.",
        "name@sr-Latn": "Sirmium Kod",
        "organisation_type": "micro-enterprise",
        "founding_date": 2016,
        "website": "https://sirmium.example.rs",
        "street": "Trg Svetog Stefana 2",
        "post_code": "22000",
        "city": "Sremska Mitrovica",
        "nuts": "RS12",
        "country": "Srbija",
        "vat": pib("10944521"),
        "employees": 7,
        "nace": "6201",
        "technology_fields": "gaming",
        "languages": "sr",
        "offers@sr-Latn": "Razvoj igara",
        "offers@en": "Game development",
        "member_since": date(2017, 5, 10),
    },
    {
        "key": "tisa-data",
        "legal_name@sr-Latn": "Tisa Data d.o.o.",
        "legal_name@sr-Cyrl": "Тиса Дата д.о.о.",
        "name@sr-Latn": "Tisa Data",
        "organisation_type": "sme",
        "founding_date": 2009,
        "website": "https://tisadata.example.rs",
        "street": "Korzo 5",
        "post_code": "24000",
        "city": "Subotica",
        "nuts": "RS12",
        "latitude": 46.1003,
        "longitude": 19.6658,
        "vat": pib("10627883"),
        "employees": "10-49",
        "nace": "63.11",
        "technology_fields": "cloud-computing; cybersecurity",
        "languages": "sr; hu; en",
        "export_markets": "HUN; AUT",
        "offers@sr-Latn": "Hosting; Bezbednosni auditi",
        "offers@en": "Hosting; Security audits",
        "certifications": "ISO/IEC 27001",
        "contact_email": "info@tisadata.example.rs",
        "membership_role": "full-member",
        "member_since": date(2014, 2, 1),
    },
    {
        "key": "begej-tech",
        "legal_name@sr-Latn": "Begej Tek d.o.o.",
        "legal_name@sr-Cyrl": "Бегеј Тек д.о.о.",
        "name@sr-Latn": "Begej Tek",
        "organisation_type": "sme",
        "founding_date": 2013,
        "website": "https://begej.example.rs",
        "street": "Kralja Aleksandra I Karađorđevića 3",
        "post_code": "23000",
        "city": "Zrenjanin",
        "nuts": "RS12",
        "country": "SRB",
        "vat": pib("10801376"),
        "employees": 40,
        "nace": "62.01",
        "technology_fields": "agritech; internet-of-things",
        "languages": "sr; en",
        "offers@sr-Latn": "Pametna poljoprivreda",
        "offers@en": "Smart farming",
        "membership_role": "associate-member",
        "member_since": date(2019, 10, 1),
    },
    {
        "key": "avala-digital",
        "legal_name@sr-Latn": "Avala Digital d.o.o. Beograd",
        "legal_name@sr-Cyrl": "Авала Диџитал д.о.о. Београд",
        "name@sr-Latn": "Avala Digital",
        "organisation_type": "large-company",
        "founding_date": 2002,
        "website": "https://avala.example.rs",
        "street": "Bulevar Mihajla Pupina 10",
        "post_code": "11070",
        "city": "Beograd",
        "nuts": "RS11",
        "latitude": 44.8176,
        "longitude": 20.4569,
        "vat": pib("10178544"),
        "lei": lei("549300AVALADIGIT02"),
        "registry_number": "17455102",
        "employees": "250+",
        "nace": "62.01; 62.09",
        "technology_fields": "fintech; cloud-computing",
        "languages": "sr; en; de",
        "export_markets": "DEU; NLD; USA",
        "offers@sr-Latn": "Bankarski softver; Cloud migracije",
        "offers@en": "Banking software; Cloud migration",
        "certifications": "ISO 9001; ISO/IEC 27001",
        "contact_name": "Poslovni razvoj",
        "contact_email": "bd@avala.example.rs",
        "membership_role": "full-member",
        "member_since": date(2018, 4, 1),
    },
    {
        "key": "morava-kod",
        "legal_name@sr-Latn": "Morava Kod d.o.o.",
        "legal_name@sr-Cyrl": "Морава Код д.о.о.",
        "name@sr-Latn": "Morava Kod",
        "organisation_type": "sme",
        "founding_date": 2015,
        "website": "https://moravakod.example.rs",
        "street": "Obrenovićeva 20",
        "post_code": "18000",
        "city": "Niš",
        "nuts": "RS22",
        "latitude": 43.3209,
        "longitude": 21.8958,
        "vat": pib("10962245"),
        "employees": 22,
        "nace": "62.02",
        "technology_fields": "e-health",
        "languages": "sr; en",
        "offers@sr-Latn": "Zdravstveni informacioni sistemi",
        "offers@en": "Health information systems",
        "membership_role": "full-member",
        "member_since": date(2020, 6, 1),
    },
    {
        "key": "kragujevac-robotics",
        "legal_name@sr-Latn": "Šumadija Robotika d.o.o.",
        "legal_name@sr-Cyrl": "Шумадија Роботика д.о.о.",
        "name@sr-Latn": "Šumadija Robotika",
        "organisation_type": "Startap",
        "founding_date": 2022,
        "website": "https://robotika.example.rs",
        "street": "Kralja Petra I 15",
        "post_code": "34000",
        "city": "Kragujevac",
        "nuts": "RS21",
        "vat": pib("11409876"),
        "employees": "1-9",
        "nace": "28.99; 62.10",
        "technology_fields": "robotics",
        "languages": "sr; en; it",
        "export_markets": "ITA",
        "offers@sr-Latn": "Industrijska automatizacija",
        "offers@en": "Industrial automation",
        "member_since": date(2023, 3, 1),
        "member_until": date(2026, 2, 28),
    },
]


def example_rows() -> list[dict[str, object]]:
    return [{**_COMMON, **row} for row in EXAMPLES]


def column_docs(columns_md: str) -> list[tuple[str, str, str]]:
    """(column, meaning, example) from the table of COLUMNS.md."""
    docs = []
    for line in columns_md.splitlines():
        if not line.startswith("| `"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        names, meaning, example = cells[0], cells[1], cells[2] if len(cells) > 2 else ""
        docs.append((names.replace("`", ""), meaning.replace("`", ""), example.replace("`", "")))
    return docs


def _csv(rows: list[dict[str, object]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=template_columns(), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: _text(value) for name, value in row.items()})
    return out.getvalue().encode()


def _text(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _xlsx(rows: list[dict[str, object]], path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Members"
    header = template_columns()
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.get(name) for name in header])
    sheet.freeze_panes = "B2"
    docs = workbook.create_sheet("Columns")
    docs.append(["column", "meaning", "example"])
    for cell in docs[1]:
        cell.font = Font(bold=True)
    for line in column_docs((TEMPLATES / "COLUMNS.md").read_text(encoding="utf-8")):
        docs.append(list(line))
    workbook.properties.created = workbook.properties.modified = BUILT
    workbook.save(path)


def _cells(path: Path) -> list[list[list[object]]]:
    """The cells of every sheet, to compare workbooks (their zip bytes carry timestamps)."""
    workbook = CalamineWorkbook.from_path(str(path))
    return [
        [list(row) for row in workbook.get_sheet_by_name(name).to_python()]
        for name in workbook.sheet_names
    ]


def build(directory: Path) -> None:
    (directory / "members-template.csv").write_bytes(_csv([]))
    (directory / "members-example.csv").write_bytes(_csv(example_rows()))
    _xlsx([], directory / "members-template.xlsx")
    _xlsx(example_rows(), directory / "members-example.xlsx")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a file is out of date")
    args = parser.parse_args(argv)
    if not args.check:
        build(TEMPLATES)
        return 0
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        build(Path(scratch))
        stale = []
        for name in ("members-template.csv", "members-example.csv"):
            if (Path(scratch) / name).read_bytes() != (TEMPLATES / name).read_bytes():
                stale.append(name)
        for name in ("members-template.xlsx", "members-example.xlsx"):
            if _cells(Path(scratch) / name) != _cells(TEMPLATES / name):
                stale.append(name)
    if stale:
        print(
            f"out of date: {', '.join(stale)} (run vocab/build/build_templates.py)", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
