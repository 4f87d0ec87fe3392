"""Kinds of member companies: what they do, in the codes of the shipped vocabularies.

Every slug here must exist in `vocab/schemes/` (or the NACE Rev. 2.1 snapshot); the test
`tests/deployments/test_demo_data.py` checks the generated files against the schemes.
"""

from __future__ import annotations

from dataclasses import dataclass

Offer = tuple[str, str]  # (English, Serbian Latin)
IT = "information-technology-and-analytical-instruments"
COMMUNICATIONS = "communication-equipment-and-services"


@dataclass(frozen=True)
class Profile:
    name: str
    weight: int
    nace: tuple[str, ...]  # the first is the main activity
    extra_nace: tuple[str, ...]
    sectors: tuple[str, ...]
    emerging: tuple[str, ...]
    ecosystems: tuple[str, ...]
    technology: tuple[str, ...]  # always
    extra_technology: tuple[str, ...]  # some of these
    offers: tuple[Offer, ...]
    does_en: str  # "{name} ..." completes "We ..." style sentences, see members.py
    does_sr: str
    exports: bool = True


PROFILES: tuple[Profile, ...] = (
    Profile(
        "outsourcing", 34, ("62.10",), ("62.20", "62.90"),
        (IT,), ("digital-industries",),
        ("digital",), ("software-engineering",),
        ("cloud-computing", "artificial-intelligence", "big-data-and-analytics", "e-commerce",
         "fintech", "cybersecurity", "augmented-and-virtual-reality"),
        (("Custom software development", "Razvoj softvera po meri"),
         ("Dedicated development teams", "Posvećeni razvojni timovi"),
         ("Web and mobile applications", "Veb i mobilne aplikacije"),
         ("Quality assurance and test automation",
          "Kontrola kvaliteta i automatizacija testiranja"),
         ("Cloud migration", "Migracija u oblak")),
        "develops web, mobile and cloud software to order",
        "razvija veb i mobilne aplikacije i softver u oblaku po narudžbini",
    ),
    Profile(
        "product", 12, ("58.29",), ("62.10", "63.10"),
        (IT,), ("digital-industries",),
        ("digital",), ("software-engineering", "cloud-computing"),
        ("e-commerce", "fintech", "big-data-and-analytics", "e-health", "edtech"),
        (("Software as a service (SaaS)", "Softver kao usluga (SaaS)"),
         ("ERP and CRM software", "ERP i CRM softver"),
         ("Software licensing and support", "Licenciranje i podrška za softver"),
         ("Integration with e-invoicing (SEF)", "Integracija sa sistemom e-faktura (SEF)")),
        "builds and sells its own software products to companies",
        "razvija i prodaje sopstvene softverske proizvode kompanijama",
    ),
    Profile(
        "embedded", 8, ("26.12",), ("62.10", "26.30", "71.12"),
        (IT, COMMUNICATIONS),
        ("digital-industries", "mobility-technologies"), ("digital", "electronics"),
        ("embedded-systems", "internet-of-things"),
        ("micro-and-nanoelectronics", "robotics", "smart-mobility", "connectivity-and-5g"),
        (("Embedded software", "Embedded softver"),
         ("PCB design and prototyping", "Projektovanje i izrada prototipova štampanih ploča"),
         ("IoT devices and gateways", "IoT uređaji i mrežni prolazi"),
         ("Automotive software", "Softver za automobilsku industriju")),
        "designs electronics and embedded software for industrial and automotive customers",
        "projektuje elektroniku i ugrađeni softver za industrijske i automobilske kupce",
    ),
    Profile(
        "games", 5, ("58.21",), ("62.10", "59.11"),
        ("video-production-and-distribution", IT),
        ("creative-industries", "experience-industries"),
        ("cultural-and-creative-industries", "digital"), ("gaming",),
        ("augmented-and-virtual-reality", "software-engineering"),
        (("Mobile and PC games", "Igre za mobilne uređaje i računare"),
         ("Game art and animation", "Grafika i animacija za igre"),
         ("Co-development for publishers", "Zajednički razvoj za izdavače")),
        "makes mobile and PC games and 3D art for international publishers",
        "pravi igre za mobilne uređaje i računare i 3D grafiku za međunarodne izdavače",
    ),
    Profile(
        "agency", 6, ("73.11",), ("62.10", "74.12"),
        ("marketing-design-and-publishing",), ("creative-industries", "digital-industries"),
        ("cultural-and-creative-industries", "digital"), ("e-commerce",),
        ("software-engineering", "augmented-and-virtual-reality"),
        (("Web design", "Veb dizajn"),
         ("Digital marketing", "Digitalni marketing"),
         ("Online shops", "Internet prodavnice"),
         ("UX research", "Istraživanje korisničkog iskustva")),
        "designs websites, online shops and digital campaigns",
        "dizajnira veb-sajtove, internet prodavnice i digitalne kampanje",
    ),
    Profile(
        "data", 6, ("62.20",), ("72.10", "62.10"),
        (IT, "business-services"),
        ("digital-industries",), ("digital",),
        ("artificial-intelligence", "big-data-and-analytics"),
        ("cloud-computing", "high-performance-computing", "fintech", "e-health"),
        (("Data engineering", "Inženjering podataka"),
         ("Machine learning models", "Modeli mašinskog učenja"),
         ("Business intelligence dashboards", "Poslovna inteligencija i izveštavanje"),
         ("AI consulting", "Savetovanje o veštačkoj inteligenciji")),
        "turns data into forecasts and decisions with machine learning",
        "pretvara podatke u prognoze i odluke uz pomoć mašinskog učenja",
    ),
    Profile(
        "infrastructure", 5, ("63.10",), ("62.20", "62.90"),
        (IT, COMMUNICATIONS),
        ("digital-industries",), ("digital",), ("cloud-computing", "cybersecurity"),
        ("connectivity-and-5g", "high-performance-computing"),
        (("Hosting and colocation", "Hosting i kolokacija"),
         ("Managed IT services", "Upravljanje IT infrastrukturom"),
         ("Security audits and penetration testing",
          "Bezbednosne provere i penetraciono testiranje"),
         ("Backup and disaster recovery", "Rezervne kopije i oporavak od katastrofe")),
        "runs data centres, networks and security services for companies and public bodies",
        "upravlja centrima podataka, mrežama i bezbednosnim uslugama za privredu i javni sektor",
    ),
    Profile(
        "agritech", 4, ("62.10",), ("72.10", "71.12"),
        (IT, "agricultural-inputs-and-services"),
        ("digital-industries", "environmental-industries"), ("digital", "agri-food"),
        ("agritech", "geographic-information-systems"),
        ("internet-of-things", "big-data-and-analytics", "artificial-intelligence"),
        (("Precision farming software", "Softver za preciznu poljoprivredu"),
         ("Field sensors", "Senzori za njive"),
         ("Satellite and drone imagery analysis", "Analiza satelitskih snimaka i snimaka dronom")),
        "brings sensors, satellite data and software to the farms of the Pannonian plain",
        "donosi senzore, satelitske podatke i softver na njive Panonske nizije",
    ),
    Profile(
        "govtech", 5, ("62.10",), ("62.20", "63.10"),
        (IT, "business-services"),
        ("digital-industries",), ("digital", "health"), ("software-engineering",),
        ("e-government", "e-health", "fintech", "smart-cities", "blockchain"),
        (("E-government solutions", "Rešenja za elektronsku upravu"),
         ("Hospital information systems", "Bolnički informacioni sistemi"),
         ("Payment and banking software", "Softver za plaćanja i bankarstvo"),
         ("Smart city platforms", "Platforme za pametne gradove")),
        "builds information systems for municipalities, hospitals and banks",
        "razvija informacione sisteme za opštine, bolnice i banke",
    ),
    Profile(
        "training", 3, ("85.59",), ("62.20",),
        ("education-and-knowledge-creation",), ("digital-industries",), ("digital",), ("edtech",),
        ("software-engineering", "artificial-intelligence", "cybersecurity"),
        (("Programming courses", "Kursevi programiranja"),
         ("Corporate IT training", "IT obuke za kompanije"),
         ("Retraining for IT careers", "Prekvalifikacija za IT zanimanja")),
        "trains programmers, testers and data analysts",
        "obučava programere, testere i analitičare podataka",
        exports=False,
    ),
    Profile(
        "telecom", 3, ("61.10",), ("62.90", "43.21"),
        ("communication-equipment-and-services",), ("digital-industries",), ("digital",),
        ("connectivity-and-5g",), ("internet-of-things", "cloud-computing", "smart-cities"),
        (("Fibre networks", "Optičke mreže"),
         ("Business internet and VoIP", "Poslovni internet i VoIP telefonija"),
         ("System integration", "Sistemska integracija")),
        "builds and operates fibre and wireless networks",
        "gradi i održava optičke i bežične mreže",
        exports=False,
    ),
    Profile(
        "consulting", 4, ("70.20",), ("62.20",),
        ("business-services",), ("digital-industries",), ("digital",), ("software-engineering",),
        ("big-data-and-analytics", "cybersecurity", "e-commerce"),
        (("Digital transformation consulting", "Savetovanje o digitalnoj transformaciji"),
         ("ISO/IEC 27001 implementation", "Uvođenje standarda ISO/IEC 27001"),
         ("EU project preparation", "Priprema EU projekata")),
        "helps manufacturers and public bodies plan their digital transformation",
        "pomaže proizvođačima i javnim ustanovama da planiraju digitalnu transformaciju",
    ),
)

CERTIFICATES = ("ISO 9001", "ISO/IEC 27001", "ISO 14001", "ISO/IEC 20000-1", "ISO 45001")

# (ISO alpha-3, weight, English name, Serbian genitive: "klijenti iz Nemačke")
EXPORT_MARKETS: tuple[tuple[str, int, str, str], ...] = (
    ("DEU", 20, "Germany", "Nemačke"), ("USA", 12, "the United States", "SAD"),
    ("NLD", 10, "the Netherlands", "Holandije"), ("CHE", 9, "Switzerland", "Švajcarske"),
    ("GBR", 9, "the United Kingdom", "Velike Britanije"), ("AUT", 8, "Austria", "Austrije"),
    ("SWE", 6, "Sweden", "Švedske"), ("DNK", 5, "Denmark", "Danske"),
    ("NOR", 5, "Norway", "Norveške"), ("FRA", 4, "France", "Francuske"),
    ("ITA", 4, "Italy", "Italije"), ("HUN", 5, "Hungary", "Mađarske"),
    ("SVN", 4, "Slovenia", "Slovenije"), ("HRV", 3, "Croatia", "Hrvatske"),
    ("BIH", 3, "Bosnia and Herzegovina", "Bosne i Hercegovine"),
    ("MNE", 2, "Montenegro", "Crne Gore"), ("MKD", 2, "North Macedonia", "Severne Makedonije"),
    ("ROU", 3, "Romania", "Rumunije"), ("BGR", 2, "Bulgaria", "Bugarske"),
    ("ISR", 2, "Israel", "Izraela"), ("CAN", 2, "Canada", "Kanade"),
    ("IRL", 2, "Ireland", "Irske"), ("BEL", 2, "Belgium", "Belgije"),
    ("FIN", 2, "Finland", "Finske"), ("CZE", 2, "Czechia", "Češke"),
    ("POL", 2, "Poland", "Poljske"), ("AUS", 1, "Australia", "Australije"),
)
