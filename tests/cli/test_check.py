"""`clusterhub check-data FILE`: every problem on its own line, a summary, and the exit status
(0 conforms, 1 violations, 2 unreadable)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import vocab
from hub.cli import main
from tests.support import samples

EXAMPLES = vocab.VOCAB_DIR / "examples"
ACME = samples.iri("organisations", "acme")


def check(path: Path, *options: str) -> Result:
    env = {"CLUSTERHUB_BASE_URL": samples.BASE_URL}
    return CliRunner().invoke(main, ["check-data", *options, str(path)], env=env)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["cluster-profile.jsonld", "member-organisation.ttl"])
def test_a_conforming_file_exits_0_with_a_summary(name: str) -> None:
    path = EXAMPLES / "valid" / name
    result = check(path)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].startswith(f"{path}: ")
    assert result.stdout.splitlines()[-1].endswith(
        " triples, 0 violation(s), 0 warning(s), 0 info(s): conforms"
    )
    assert len(result.stdout.splitlines()) == 1


def test_warnings_are_printed_and_still_exit_0(tmp_path: Path) -> None:
    doc = {"id": ACME, "type": samples.ORGANISATION_TYPES, "legalName": {"en": "Acme"}}
    result = check(write(tmp_path, "acme.json", json.dumps(doc)))
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert lines[:-1] == [
        f"Warning: <{ACME}>: An organisation should name its sectoral industry (sectoralIndustry) "
        "or its NACE activity (companyActivity), so that sector searches find it.",
        f"Warning: <{ACME}> foaf:homepage: An organisation should have a website (homepage).",
        f"Warning: <{ACME}> locn:address/epo:hasCountryCode: An organisation should have an "
        "address with a country (countryCode), so that it appears in the country facet.",
        f"Warning: <{ACME}> org:classification: An organisation should say what kind of "
        "organisation it is (classification: SME, start-up, university...).",
    ]
    assert lines[-1].endswith(": 3 triples, 0 violation(s), 4 warning(s), 0 info(s): conforms")


def test_violations_are_printed_one_per_line_and_exit_1(tmp_path: Path) -> None:
    path = write(tmp_path, "acme.ttl", f"""
        @prefix schema: <http://schema.org/> .
        <{ACME}> a <http://www.w3.org/ns/org#Organization> ;
            <http://www.w3.org/ns/legal#legalName> "Acme"@en, "Acme Ltd"@en ;
            schema:leiCode "123" .
    """)
    result = check(path, "--no-code-lists")
    violations = [line for line in result.stdout.splitlines() if line.startswith("Violation")]
    assert result.exit_code == 1
    assert violations == [
        f"Violation: <{ACME}> legal:legalName: legalName must be non-empty language-tagged text, "
        "one per language.",
        f"Violation: <{ACME}> schema:leiCode: leiCode must be one ISO 17442 LEI: 18 letters or "
        'digits and two check digits. (value "123")',
    ]
    assert result.stdout.splitlines()[-1].endswith(": does not conform")


def test_code_lists_are_checked_unless_switched_off(tmp_path: Path) -> None:
    doc = {**samples.member_organisation(), "sectoralIndustry": ["sector:warp-drives"]}
    path = write(tmp_path, "acme.jsonld", json.dumps({"@context": vocab.CONTEXT_URL, **doc}))
    assert check(path).exit_code == 1
    assert check(path, "--no-code-lists").exit_code == 0


def test_the_node_context_url_of_this_instance_means_the_bundled_context(tmp_path: Path) -> None:
    doc = {"@context": f"{samples.BASE_URL}/vocab/context.jsonld", **samples.membership()}
    assert check(write(tmp_path, "m.jsonld", json.dumps(doc))).exit_code == 0


@pytest.mark.parametrize(
    "context",
    [
        "https://evil.example/context.jsonld",
        [vocab.CONTEXT_URL, "https://evil.example/more.jsonld"],
        {"@import": "https://evil.example/context.jsonld"},
        {"member": {"@id": "http://www.w3.org/ns/org#member", "@context": "https://evil.example/c"}},
    ],
    ids=["url", "list", "import", "scoped"],
)
def test_remote_contexts_are_refused_never_fetched(tmp_path: Path, context: object) -> None:
    doc = {"@context": context, **samples.membership()}
    result = check(write(tmp_path, "m.jsonld", json.dumps(doc)))
    assert result.exit_code == 2
    assert "https://evil.example/" in result.stderr and "never fetched" in result.stderr


def test_malformed_turtle_exits_2_with_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.ttl", f'<{ACME}> a <http://x/C> .\n<{ACME}> <http://x/p> "open .\n')
    result = check(path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "at line 2" in result.stderr


def test_malformed_ntriples_exits_2_with_the_line(tmp_path: Path) -> None:
    text = f"<{ACME}> <http://x/p> <http://x/o> .\n<{ACME}> <http://x/p> oops .\n"
    result = check(write(tmp_path, "bad.nt", text))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{tmp_path / 'bad.nt'}: line 2: ")


def test_malformed_json_exits_2_with_the_line(tmp_path: Path) -> None:
    result = check(write(tmp_path, "bad.jsonld", '{\n  "id": "x",\n  oops\n}'))
    assert result.exit_code == 2
    assert "line 3, column 3" in result.stderr


def test_a_document_that_yields_no_triples_is_not_a_pass(tmp_path: Path) -> None:
    result = check(write(tmp_path, "empty.jsonld", '{"@context": {}, "name": "Acme"}'))
    assert result.exit_code == 2
    assert "no triples" in result.stderr


@pytest.mark.parametrize("name", ["members.csv", "members.xlsx"])
def test_member_lists_are_sent_to_the_importer(tmp_path: Path, name: str) -> None:
    result = check(write(tmp_path, name, "legal_name\nAcme\n"))
    assert result.exit_code == 2
    assert "clusterhub import --dry-run" in result.stderr


def test_an_unknown_extension_is_refused(tmp_path: Path) -> None:
    result = check(write(tmp_path, "data.rdf", "<rdf:RDF/>"))
    assert result.exit_code == 2
    assert "unknown format '.rdf'" in result.stderr
