"""HTML pages of entities: what each kind shows, in which language, and how it links."""

from __future__ import annotations

import json
from datetime import date

import pytest

from hub.services.concepts import shipped_concepts
from tests.support.client import AppClient
from tests.support.reading import definitions, links, parse_html, table_rows
from tests.support.samples import (
    cluster_profile,
    iri,
    network_membership,
    network_organisation,
    project,
    project_partnership,
    samples,
)

HTML = {"accept": "text/html"}


def label(compact: str, language: str = "en") -> str:
    return shipped_concepts().label(compact, language)


@pytest.fixture
def seeded(client: AppClient) -> AppClient:
    for sample in samples():
        response = client.put(f"/id/{sample.kind}/{sample.key}", json=sample.doc)
        assert response.status_code == 201, response.text
    return client


def add_member(client: AppClient, key: str, name: str, since: str) -> None:
    client.put(f"/id/organisations/{key}", json={"prefLabel": {"en": name}})
    membership = {
        "member": iri("organisations", key),
        "organization": iri("organisations", "vojvodina-ict"),
        "role": "mrole:associate-member",
        "startDate": since,
    }
    assert client.put(f"/id/memberships/{key}-in-vojvodina-ict", json=membership).status_code == 201


def page(client: AppClient, path: str, **headers: str):  # type: ignore[no-untyped-def]
    response = client.get(path, headers={**HTML, **headers})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    return parse_html(response.text)


def test_cluster_page_lists_its_members_with_role_and_since_date(seeded: AppClient) -> None:
    add_member(seeded, "beta-soft", "Beta Soft", "2020-02-01")
    document = page(seeded, "/id/organisations/vojvodina-ict")
    members = document.section("members")
    assert members.find("caption").text() == "1–2 of 2"
    assert table_rows(members.find("table")) == [
        ["Acme Software", label("mrole:full-member"), "1 March 2015"],
        ["Beta Soft", label("mrole:associate-member"), "1 February 2020"],
    ]
    assert [href for _, href in links(members.find("tbody")) if href.startswith("/id/")] == [
        "/id/organisations/acme",
        "/id/organisations/beta-soft",
    ]


def test_cluster_page_is_its_profile(seeded: AppClient) -> None:
    cluster = cluster_profile()
    document = page(seeded, "/id/organisations/vojvodina-ict")
    assert document.find("h1").text() == cluster["prefLabel"]["en"]
    assert document.find("p", class_="eyebrow").text() == "Cluster organisation · Legal entity"
    about = document.section("about")
    assert [p.text() for p in about.find_all("p")] == [
        cluster["description"]["en"],
        cluster["mission"]["en"],
    ]
    assert table_rows(document.section("composition").find("table")) == [
        [label(count["valueReference"]), str(count["value"])] for count in cluster["composition"]
    ]
    assert table_rows(document.section("management").find("table")) == [
        [
            f"{seat['member']['givenName']} {seat['member']['familyName']}",
            label(seat["role"]),
            english_date(seat["startDate"]),
        ]
        for seat in cluster["managementTeam"]
    ]
    [certificate] = cluster["hasCertification"]
    assert table_rows(document.section("certifications").find("table")) == [
        [
            certificate["name"]["en"],
            label(certificate["kind"]),
            certificate["issuedBy"].split("://")[1].rstrip("/"),
            f"{english_date(certificate['validFrom'])} – {english_date(certificate['expires'])}",
        ],
    ]
    network = network_membership()
    assert table_rows(document.section("memberships").find("table")) == [
        [
            network_organisation()["prefLabel"]["en"],
            label(network["role"]),
            english_date(network["startDate"]),
            "Membership",
        ],
    ]
    partnership = project_partnership()
    assert table_rows(document.section("projects").find("table")) == [
        [
            project()["name"]["en"],
            label(partnership["role"]),
            f"{english_date(project()['startDate'])} – {english_date(project()['endDate'])}",
        ],
    ]
    services = document.section("services")
    assert [h.text() for h in services.find_all("h3")] == [
        offer["itemOffered"]["name"]["en"] for offer in cluster["makesOffer"]
    ]
    assert definitions(document.section("profile").find("dl"))["Cooperation target countries"] == [
        " ".join(label(country) for country in cluster["cooperationTargetCountry"])
    ]


def english_date(iso: str) -> str:
    moment = date.fromisoformat(iso)
    return f"{moment.day} {moment:%B} {moment.year}"


def test_member_page_lists_its_memberships(seeded: AppClient) -> None:
    document = page(seeded, "/id/organisations/acme")
    memberships = document.section("memberships")
    assert memberships.find("h2").text() == "Memberships"
    assert table_rows(memberships.find("table")) == [
        [
            "Vojvodina ICT Cluster",
            label("mrole:full-member"),
            "1 March 2015 – 31 December 2030",
            "Membership",
        ],
    ]
    assert links(memberships.find("tbody")) == [
        ("Vojvodina ICT Cluster", "/id/organisations/vojvodina-ict"),
        (label("mrole:full-member"), "/vocab/schemes/membership-role#full-member"),
        ("Membership", "/id/memberships/acme-in-vojvodina-ict"),
    ]
    assert document.find_all(aria_labelledby="members") == []  # a member has no member list


def test_organisation_page_shows_names_facts_address_and_contact(seeded: AppClient) -> None:
    document = page(seeded, "/id/organisations/acme")
    assert definitions(document.section("facts").find("dl")) == {
        "Legal name": ["Акме д.о.о. Acme d.o.o."],
        "Name": ["Acme Software"],
        "Also known as": ["Acme Acme Novi Sad"],
        "Founded": ["2012"],
        "Website": ["acme.rs/"],
        "Also described at": ["acme.example/about"],
        "Employees": ["57"],
        "VAT number": ["RS101234510"],
        "LEI": ["5299009N55YRQC69CN08"],
        "Registry identifiers": ["21234567 · Serbian Business Registers Agency"],
    }
    address = document.section("address")
    assert address.find("address").text() == "Narodnog fronta 23, 21000 Novi Sad"
    assert definitions(address.find("dl")) == {
        "Country": [label("country:SRB")],
        "Region": [label("nuts:RS123")],
        "Coordinates (WGS 84)": ["45.2400° N, 19.8300° E"],
    }
    assert definitions(document.section("contact").find("dl")) == {
        "Name": ["Sales"],
        "Contact for": ["sales"],
        "E-mail": ["sales@acme.rs"],
        "Telephone": ["+381 21 123 4567"],
        "Languages": [label("lang:ENG")],
    }


def test_concepts_show_labels_linking_to_their_schemes(seeded: AppClient) -> None:
    profile = page(seeded, "/id/organisations/acme").section("profile")
    shown = definitions(profile.find("dl"))
    assert shown["Technology fields"] == [
        f"{label('techfield:embedded-systems')} {label('techfield:internet-of-things')}"
    ]
    assert links(profile)[:2] == [
        (
            label("sector:information-technology-and-analytical-instruments"),
            "/vocab/schemes/sectoral-industry#information-technology-and-analytical-instruments",
        ),
        (
            label("emerging:digital-industries"),
            "/vocab/schemes/emerging-industry#digital-industries",
        ),
    ]
    assert (label("nace21:6210"), "/vocab/schemes/nace2.1#6210") in links(profile)


def test_membership_page_names_both_sides(seeded: AppClient) -> None:
    document = page(seeded, "/id/memberships/acme-in-vojvodina-ict")
    assert document.find("title").text().startswith("Acme Software in Vojvodina ICT Cluster ·")
    assert definitions(document.section("facts").find("dl")) == {
        "Member": ["Acme Software"],
        "Organisation": ["Vojvodina ICT Cluster"],
        "Role": [label("mrole:full-member")],
        "Since": ["1 March 2015"],
        "Until": ["31 December 2030"],
    }


def test_event_page_shows_when_where_and_who_organises(seeded: AppClient) -> None:
    document = page(seeded, "/id/events/b2b-novi-sad-2025")
    assert document.find("h1").text() == "ICT B2B Matchmaking Novi Sad 2025"
    assert definitions(document.section("facts").find("dl")) == {
        "When": ["14 October 2025 – 15 October 2025"],
        "Type of event": [label("etype:b2b-matchmaking")],
        "Languages": [f"{label('lang:ENG')} {label('lang:SRP')}"],
        "Web page": ["vojvodinaictcluster.org/events/b2b-2025"],
        "Also described at": ["www.clustercollaboration.eu/…/ict-b2b-novi-sad-2025"],
    }
    assert links(document.section("organizers")) == [
        ("Vojvodina ICT Cluster", "/id/organisations/vojvodina-ict")
    ]
    assert (
        document.section("location").find("address").text() == "Hajduk Veljkova 11, 21000 Novi Sad"
    )


def test_project_page_shows_funding_budget_and_partners(seeded: AppClient) -> None:
    document = page(seeded, "/id/projects/digital-balkans")
    assert table_rows(document.section("partners").find("table")) == [
        ["Vojvodina ICT Cluster", label("prole:coordinator"), "1 January 2024 – 31 December 2026"],
    ]
    assert table_rows(document.section("funding").find("table")) == [
        ["publications.europa.eu/…/EISMEA", label("euprog:COSME"), "101074123", "EUR 499,875.50"],
    ]
    assert definitions(document.section("facts").find("dl")) == {
        "Period": ["1 January 2024 – 31 December 2026"],
        "Total budget": ["EUR 624,844"],
        "Web page": ["digital-balkans.eu/"],
        "Also described at": ["cordis.europa.eu/project/id/101074123"],
    }


def test_members_are_paged(seeded: AppClient) -> None:
    for number in range(1, 5):
        add_member(seeded, f"member-{number}", f"Member {number}", "2021-01-01")
    document = page(seeded, "/id/organisations/vojvodina-ict?page=2&per_page=2")
    members = document.section("members")
    assert members.find("caption").text() == "3–4 of 5"
    assert [row[0] for row in table_rows(members.find("table"))] == ["Member 2", "Member 3"]
    assert links(members.find("nav")) == [
        ("« First", "/id/organisations/vojvodina-ict?per_page=2"),
        ("‹ Previous", "/id/organisations/vojvodina-ict?per_page=2"),
        ("Next ›", "/id/organisations/vojvodina-ict?page=3&per_page=2"),
        ("Last »", "/id/organisations/vojvodina-ict?page=3&per_page=2"),
    ]
    past = seeded.get("/id/organisations/vojvodina-ict?page=4&per_page=2", headers=HTML)
    assert past.status_code == 400
    assert past.json()["errors"] == [
        {"message": "page 4 is past the last page, 3", "field": "page"}
    ]


@pytest.mark.parametrize(
    ("query", "headers", "language", "home"),
    [
        ("", {}, "en", "Home"),
        ("?lang=sr-Cyrl", {}, "sr-Cyrl", "Почетна"),
        ("?lang=sr-latn", {"accept-language": "en"}, "sr-Latn", "Početna"),
        ("", {"accept-language": "de-DE, sr;q=0.8, en;q=0.5"}, "sr-Cyrl", "Почетна"),
        ("", {"accept-language": "sr-Latn-RS"}, "sr-Latn", "Početna"),
        ("", {"accept-language": "fr, de"}, "en", "Home"),
        ("?lang=xx", {"accept-language": "hr"}, "sr-Latn", "Početna"),
    ],
)
def test_page_language_is_the_lang_parameter_then_accept_language(
    seeded: AppClient, query: str, headers: dict[str, str], language: str, home: str
) -> None:
    document = page(seeded, "/id/organisations/acme" + query, **headers)
    assert document.find("html").attrs["lang"] == language
    assert document.find("nav", class_="main-nav").find("a").text() == home
    assert (
        document.find("h2", id="memberships").text()
        == {"en": "Memberships", "sr-Latn": "Članstva", "sr-Cyrl": "Чланства"}[language]
    )


def test_a_chosen_language_follows_the_reader_through_links(seeded: AppClient) -> None:
    document = page(seeded, "/id/organisations/acme?lang=sr-Cyrl")
    hrefs = [href for _, href in links(document.section("memberships").find("tbody"))]
    assert hrefs == [
        "/id/organisations/vojvodina-ict?lang=sr-Cyrl",
        "/vocab/schemes/membership-role?lang=sr-Cyrl#full-member",
        "/id/memberships/acme-in-vojvodina-ict?lang=sr-Cyrl",
    ]
    assert document.find("h1").text() == "Акме д.о.о."  # the name in the page's language


def test_text_in_another_language_is_marked_with_it(seeded: AppClient) -> None:
    names = page(seeded, "/id/organisations/acme").section("facts").find("dd")
    assert [(span.attrs.get("lang"), span.text()) for span in names.find_all("span")] == [
        ("sr-Cyrl", "Акме д.о.о."),
        ("sr-Latn", "Acme d.o.o."),
    ]


def test_pages_link_their_data_and_embed_their_jsonld(seeded: AppClient) -> None:
    for sample in samples():
        path = f"/id/{sample.kind}/{sample.key}"
        document = page(seeded, path)
        alternates = [
            (e.attrs["type"], e.attrs["href"]) for e in document.find_all("link", rel="alternate")
        ]
        assert alternates == [
            ("application/ld+json", f"{path}.jsonld"),
            ("text/turtle", f"{path}.ttl"),
            ("application/n-triples", f"{path}.nt"),
        ]
        embedded = document.find("script", type="application/ld+json").text()
        assert json.loads(embedded) == seeded.get(f"{path}.jsonld").json()


def test_pages_escape_what_they_show(client: AppClient) -> None:
    name = '</script><script>alert("x")</script> & <b>bold</b>'
    client.put("/id/organisations/evil", json={"prefLabel": {"en": name}})
    response = client.get("/id/organisations/evil", headers=HTML)
    document = parse_html(response.text)
    assert document.find("h1").text() == name
    assert [s.attrs.get("type") for s in document.find_all("script")] == ["application/ld+json"]
    assert json.loads(document.find("script").text())["prefLabel"] == {"en": name}


def test_unknown_entity_page_is_a_404_page(client: AppClient) -> None:
    response = client.get("/id/organisations/nobody", headers=HTML)
    assert response.status_code == 404
    assert response.headers["content-type"] == "text/html; charset=utf-8"


def test_entity_page_answers_304_until_what_it_shows_changes(seeded: AppClient) -> None:
    first = seeded.get("/id/organisations/vojvodina-ict", headers=HTML)
    etag = first.headers["etag"]
    assert first.headers["vary"] == "Accept, Accept-Language, Authorization"
    assert (
        seeded.get(
            "/id/organisations/vojvodina-ict", headers={**HTML, "if-none-match": etag}
        ).status_code
        == 304
    )
    other_language = seeded.get(
        "/id/organisations/vojvodina-ict?lang=sr-Latn", headers={**HTML, "if-none-match": etag}
    )
    assert other_language.status_code == 200
    add_member(seeded, "gamma", "Gamma", "2024-01-01")  # the cluster document itself is unchanged
    assert (
        seeded.get(
            "/id/organisations/vojvodina-ict", headers={**HTML, "if-none-match": etag}
        ).status_code
        == 200
    )


def test_no_page_loads_anything_from_elsewhere(seeded: AppClient) -> None:
    paths = [
        "/",
        "/organisations",
        "/clusters",
        "/events",
        "/projects",
        "/vocab",
        "/vocab/schemes/country",
    ]
    paths += [f"/id/{sample.kind}/{sample.key}" for sample in samples()]
    fetched: set[str] = set()
    for path in paths:
        document = page(seeded, path + "?lang=sr-Cyrl")
        for element in document.iter():
            if "src" in element.attrs:
                fetched.add(element.attrs["src"])
            rel = element.attrs.get("rel", "")
            if element.tag == "link" and rel not in ("alternate",):
                fetched.add(element.attrs["href"])
        assert document.find_all("style") == [] and document.find_all("iframe") == []
    assert fetched == {"/static/style.css"}
    stylesheet = seeded.get("/static/style.css")
    assert stylesheet.status_code == 200
    assert "url(" not in stylesheet.text and "@import" not in stylesheet.text
