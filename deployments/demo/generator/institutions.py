"""Universities, institutes and support organisations among the members.

The four faculties of the University of Novi Sad are real institutions at their real
addresses; everything else about them here (identifiers, sizes, contacts, membership) is
invented for the demo, as are the other organisations of this list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Institution:
    key: str
    legal_name: str  # Serbian Latin; Cyrillic is derived
    legal_name_en: str
    name: str
    name_en: str
    types: tuple[str, ...]
    nace: tuple[str, ...]
    town: str
    street: str
    latitude: float
    longitude: float
    founded: str
    employees: str
    technology: tuple[str, ...]
    sectors: tuple[str, ...]
    role: str
    since: str
    description_en: str
    description_sr: str
    contact: str  # the functional unit members write to
    mailbox: str
    domain: str


UNS = "Univerzitet u Novom Sadu"

INSTITUTIONS: tuple[Institution, ...] = (
    Institution(
        "ftn-uns", f"{UNS}, Fakultet tehničkih nauka",
        "University of Novi Sad, Faculty of Technical Sciences",
        "Fakultet tehničkih nauka", "Faculty of Technical Sciences",
        ("university",), ("85.40", "72.10"), "Novi Sad", "Trg Dositeja Obradovića 6",
        45.2461, 19.8517, "1960", "1000-1499",
        ("software-engineering", "artificial-intelligence", "embedded-systems", "robotics",
         "cybersecurity"),
        ("education-and-knowledge-creation",), "founding-member", "2009-11-24",
        "The largest technical faculty in the region: computing, electrical engineering,"
        " mechatronics and more than 40 study programmes.",
        "Najveći tehnički fakultet u regionu: računarstvo, elektrotehnika, mehatronika i više"
        " od 40 studijskih programa.",
        "Centar za saradnju sa privredom", "saradnja", "ftn-uns.example",
    ),
    Institution(
        "pmf-uns", f"{UNS}, Prirodno-matematički fakultet",
        "University of Novi Sad, Faculty of Sciences",
        "Prirodno-matematički fakultet", "Faculty of Sciences",
        ("university",), ("85.40", "72.10"), "Novi Sad", "Trg Dositeja Obradovića 3",
        45.2452, 19.8527, "1969", "500-999",
        ("artificial-intelligence", "big-data-and-analytics", "high-performance-computing"),
        ("education-and-knowledge-creation",), "founding-member", "2009-11-24",
        "Mathematics, computer science and the natural sciences; its Department of Mathematics"
        " and Informatics trains many of the region's software engineers.",
        "Matematika, informatika i prirodne nauke; Departman za matematiku i informatiku"
        " školuje mnoge softverske inženjere regiona.",
        "Departman za matematiku i informatiku", "dmi", "pmf-uns.example",
    ),
    Institution(
        "tfzr-uns", f"{UNS}, Tehnički fakultet „Mihajlo Pupin” Zrenjanin",
        "University of Novi Sad, Technical Faculty Mihajlo Pupin, Zrenjanin",
        "Tehnički fakultet „Mihajlo Pupin”", "Technical Faculty Mihajlo Pupin",
        ("university",), ("85.40",), "Zrenjanin", "Đure Đakovića bb",
        45.3837, 20.3966, "1974", "100-249",
        ("software-engineering", "edtech", "internet-of-things"),
        ("education-and-knowledge-creation",), "associate-member", "2014-03-12",
        "Information technology, engineering management and teaching of informatics in"
        " central Banat.",
        "Informacione tehnologije, inženjerski menadžment i nastava informatike u srednjem"
        " Banatu.",
        "Kabinet za saradnju", "saradnja", "tfzr-uns.example",
    ),
    Institution(
        "ef-uns", f"{UNS}, Ekonomski fakultet u Subotici",
        "University of Novi Sad, Faculty of Economics in Subotica",
        "Ekonomski fakultet u Subotici", "Faculty of Economics in Subotica",
        ("university",), ("85.40",), "Subotica", "Segedinski put 9-11",
        46.0958, 19.6719, "1960", "100-249",
        ("big-data-and-analytics", "e-commerce", "fintech"),
        ("education-and-knowledge-creation",), "associate-member", "2016-10-05",
        "Business informatics, e-business and economics; runs a start-up course with the"
        " cluster each spring.",
        "Poslovna informatika, elektronsko poslovanje i ekonomija; svakog proleća sa klasterom"
        " vodi kurs o startapima.",
        "Centar za karijerni razvoj", "karijera", "ef-uns.example",
    ),
    Institution(
        "iit-novi-sad", "Institut za informacione tehnologije Novi Sad",
        "Institute for Information Technologies Novi Sad",
        "Institut za informacione tehnologije", "Institute for Information Technologies",
        ("research-organisation",), ("72.10",), "Novi Sad", "Fruškogorska 11",
        45.2459, 19.8441, "2012-06-01", "50-249",
        ("artificial-intelligence", "big-data-and-analytics", "quantum-technologies"),
        ("education-and-knowledge-creation", "information-technology-and-analytical-instruments"),
        "full-member", "2013-02-20",
        "Applied research in machine learning, data systems and quantum software, in contract"
        " projects with member companies.",
        "Primenjena istraživanja mašinskog učenja, sistema podataka i kvantnog softvera, kroz"
        " ugovorne projekte sa članicama.",
        "Kancelarija za projekte", "projekti", "iit-ns.example",
    ),
    Institution(
        "agrodigital-institut", "Institut za digitalnu poljoprivredu Vojvodine",
        "Vojvodina Institute for Digital Agriculture",
        "Institut za digitalnu poljoprivredu", "Institute for Digital Agriculture",
        ("research-organisation",), ("72.10",), "Novi Sad", "Dr Zorana Đinđića 12",
        45.2455, 19.8533, "2015-04-14", "50-249",
        ("agritech", "geographic-information-systems", "internet-of-things"),
        ("agricultural-inputs-and-services", "education-and-knowledge-creation"),
        "full-member", "2016-01-18",
        "Sensors, remote sensing and decision support for the farms of Vojvodina.",
        "Senzori, daljinska detekcija i podrška odlučivanju za poljoprivredu Vojvodine.",
        "Kancelarija za transfer tehnologija", "transfer", "agrodigital.example",
    ),
    Institution(
        "centar-robotike", "Centar za robotiku i automatizaciju Vojvodine",
        "Vojvodina Centre for Robotics and Automation",
        "Centar za robotiku i automatizaciju", "Centre for Robotics and Automation",
        ("technology-centre",), ("72.10", "71.20"), "Novi Sad", "Bulevar cara Lazara 7",
        45.2466, 19.8503, "2018-09-03", "10-49",
        ("robotics", "advanced-manufacturing-technologies", "embedded-systems"),
        ("heavy-machinery-and-manufacturing-technology",
         "information-technology-and-analytical-instruments"),
        "full-member", "2019-02-11",
        "Testing and demonstration lab for industrial robots, vision systems and digital twins.",
        "Laboratorija za testiranje i demonstraciju industrijskih robota, sistema mašinske vizije"
        " i digitalnih blizanaca.",
        "Laboratorija", "lab", "robotika-vojvodina.example",
    ),
    Institution(
        "ntp-novi-sad", "Naučno-tehnološki park Novi Sad d.o.o.",
        "Science and Technology Park Novi Sad",
        "Naučno-tehnološki park Novi Sad", "Science and Technology Park Novi Sad",
        ("incubator-accelerator", "technology-centre"), ("68.20", "70.20"), "Novi Sad",
        "Fruškogorska 1", 45.2449, 19.8437, "2015-11-23", "10-49",
        ("software-engineering",), ("business-services",),
        "board-member", "2016-04-07",
        "Offices, labs and an acceleration programme for technology start-ups.",
        "Kancelarije, laboratorije i program ubrzanja razvoja za tehnološke startape.",
        "Program za startape", "startapi", "ntpns.example",
    ),
    Institution(
        "startap-inkubator-subotica", "Startap inkubator Subotica",
        "Subotica Start-up Incubator", "Startap inkubator Subotica", "Subotica Start-up Incubator",
        ("incubator-accelerator",), ("70.20",), "Subotica", "Korzo 15",
        46.1003, 19.6658, "2017", "1-9",
        ("software-engineering",), ("business-services",), "associate-member", "2018-05-22",
        "Mentoring and shared offices for young IT companies in northern Bačka.",
        "Mentorstvo i zajednički prostor za mlade IT kompanije severne Bačke.",
        "Kancelarija", "kontakt", "inkubator-su.example",
    ),
    Institution(
        "rra-dunav-tisa", "Regionalna razvojna agencija Dunav-Tisa d.o.o.",
        "Danube-Tisza Regional Development Agency",
        "RRA Dunav-Tisa", "Danube-Tisza Regional Development Agency",
        ("public-body",), ("84.13",), "Novi Sad", "Bulevar Mihajla Pupina 16",
        45.2540, 19.8455, "2008", "10-49",
        ("e-government",), ("business-services",), "honorary-member", "2010-06-15",
        "Regional development agency of the municipalities of southern Bačka and Srem.",
        "Regionalna razvojna agencija opština južne Bačke i Srema.",
        "Sektor za razvoj MSP", "msp", "rra-dunav-tisa.example",
    ),
    Institution(
        "it-poslodavci-vojvodine", "Udruženje IT poslodavaca Vojvodine",
        "Association of IT Employers of Vojvodina",
        "IT poslodavci Vojvodine", "IT Employers of Vojvodina",
        ("business-association",), ("94.11",), "Novi Sad", "Jevrejska 21",
        45.2530, 19.8410, "2016-02-02", "1-9",
        ("software-engineering",), ("business-services",), "associate-member", "2017-01-30",
        "Employers' association for IT salaries, skills and labour law.",
        "Udruženje poslodavaca za pitanja zarada, veština i radnog prava u IT sektoru.",
        "Sekretarijat", "sekretarijat", "itposlodavci.example",
    ),
    Institution(
        "zene-u-tehnologiji", "Udruženje Žene u tehnologiji Novi Sad",
        "Women in Technology Novi Sad", "Žene u tehnologiji", "Women in Technology",
        ("civil-society-organisation",), ("94.99",), "Novi Sad", "Zmaj Jovina 8",
        45.2558, 19.8440, "2019", "1-9",
        ("software-engineering", "edtech"), ("education-and-knowledge-creation",),
        "observer", "2021-03-08",
        "Meet-ups, mentoring and coding courses that bring more women into IT.",
        "Susreti, mentorstvo i kursevi programiranja koji dovode više žena u IT.",
        "Tim za programe", "programi", "zene-u-tehnologiji.example",
    ),
)
