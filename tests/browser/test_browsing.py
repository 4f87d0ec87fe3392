"""A reader finds the cluster, its members and a member's memberships, in two scripts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import seed
from tests.support.samples import iri, samples

SCREENSHOTS = Path("/tmp")


def extra_members(base_url: str) -> list[tuple[str, str, dict[str, Any]]]:
    documents = []
    for key, name, since in (
        ("novi-sad-soft", {"en": "Novi Sad Soft", "sr-Cyrl": "Нови Сад Софт"}, "2018-04-01"),
        ("bitlab", {"en": "BitLab"}, "2021-09-15"),
    ):
        documents.append(
            ("organisations", key, {"prefLabel": name, "classification": ["orgtype:sme"]})
        )
        membership = {
            "member": iri("organisations", key, base_url),
            "organization": iri("organisations", "vojvodina-ict", base_url),
            "role": "mrole:full-member",
            "startDate": since,
        }
        documents.append(("memberships", f"{key}-in-vojvodina-ict", membership))
    return documents


@pytest.mark.browser
def test_reader_goes_from_home_to_a_cluster_a_member_and_its_membership(
    server: str, browser: Any
) -> None:
    seed(server, [(s.kind, s.key, s.doc) for s in samples(server)] + extra_members(server))
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/")
    assert page.locator("html").get_attribute("lang") == "en"

    page.get_by_role("link", name="View the full profile").click()
    page.wait_for_url(server + "/id/organisations/vojvodina-ict")
    assert page.get_by_role("heading", level=1).inner_text() == "Vojvodina ICT Cluster"
    members = page.locator("table.members tbody tr th")
    assert members.all_inner_texts() == ["Acme Software", "BitLab", "Novi Sad Soft"]
    page.screenshot(path=str(SCREENSHOTS / "clusterhub-cluster.png"), full_page=True)

    page.locator("table.members").get_by_role("link", name="Acme Software").click()
    page.wait_for_url(server + "/id/organisations/acme")
    memberships = page.locator("table.memberships tbody tr")
    assert memberships.count() == 1
    assert memberships.locator("th").inner_text() == "Vojvodina ICT Cluster"
    assert memberships.locator("td").first.inner_text() == "Full member"

    page.get_by_role("link", name="Српски (ћирилица)").click()
    page.wait_for_url(server + "/id/organisations/acme?lang=sr-Cyrl")
    assert page.locator("html").get_attribute("lang") == "sr-Cyrl"
    assert page.locator("#memberships").inner_text() == "Чланства"
    assert page.locator("nav.main-nav a").first.inner_text() == "Почетна"
    page.screenshot(path=str(SCREENSHOTS / "clusterhub-member-sr-cyrl.png"), full_page=True)

    # In Cyrillic the cluster is named by its Cyrillic legal name.
    page.locator("table.memberships").get_by_role(
        "link", name="Удружење Кластер ИКТ Војводине"
    ).click()
    page.wait_for_url(server + "/id/organisations/vojvodina-ict?lang=sr-Cyrl")
    assert page.locator("#members").inner_text().startswith("Чланови")
    assert "Нови Сад Софт" in page.locator("table.members tbody").inner_text()


@pytest.mark.browser
def test_pages_fit_a_phone_screen(server: str, browser: Any) -> None:
    seed(server, [(s.kind, s.key, s.doc) for s in samples(server)])
    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    for path in ("/", "/id/organisations/vojvodina-ict", "/organisations"):
        page.goto(server + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the screen"
    page.goto(server + "/")
    page.screenshot(path=str(SCREENSHOTS / "clusterhub-home-phone.png"), full_page=True)
