"""Every sample in raw_docs/ extracts to what raw_docs/expected/ says, and trips exactly its checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import ocr
from pipeline.extract import extract_pdf

# The parameters are listed when the module is collected, before fixtures exist: hence the path here.
EXPECTED = sorted((Path(__file__).resolve().parents[1] / "raw_docs" / "expected").glob("*.json"))


def extract(raw_docs: Path, name: str) -> dict:
    return extract_pdf(raw_docs / name).to_contract()


def tables(extraction: dict) -> list[tuple]:
    return [(t["period"], t["page"], t["stated_total"],
             [(r["partner"], r["amount"], r["share_pct"]) for r in t["rows"]])
            for t in extraction["contribution_tables"]]


def test_every_sample_has_an_expectation(raw_docs: Path) -> None:
    assert sorted(p.stem for p in raw_docs.glob("*.pdf")) == sorted(p.stem for p in EXPECTED)
    assert len(EXPECTED) >= 9


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.stem)
def test_sample_matches_its_expectation(expected_path: Path, raw_docs: Path) -> None:
    if expected_path.stem.endswith("-scanned") and not ocr.available():
        pytest.skip("tesseract is not installed (apt-get install tesseract-ocr): scanned samples cannot be read")
    expected = json.loads(expected_path.read_text())
    got = extract(raw_docs, expected["file"])
    assert got["page_count"] == expected["page_count"]
    assert got["meeting"] == expected["meeting"]
    assert tables(got) == tables(expected)
    keys = ("number", "title", "page_start", "page_end")
    assert [{k: i[k] for k in keys} for i in got["agenda_items"]] == expected["agenda_items"]
    fields = ("subject", "decision_maker", "decision_date", "key_decision", "public_access", "portfolio_holder",
              "officer_contact", "page")
    assert [{k: d[k] for k in fields} for d in got["forward_plan"]] == [
        {k: d[k] for k in fields} for d in expected["forward_plan"]]
    assert sorted({i["check"] for i in got["issues"]}) == sorted(expected["expected_issues"])


def test_contributions_in_a_pack_are_linked_to_their_agenda_item(raw_docs: Path) -> None:
    got = extract(raw_docs, "dorset-people-health-scrutiny-2022-05-19-pack.pdf")
    assert [t["agenda_item"] for t in got["contribution_tables"]] == ["8"]
    assert {d["agenda_item"] for d in got["forward_plan"]} == {"10"}
    assert [(i["number"], i["physical_start"]) for i in got["agenda_items"] if i["physical_start"]] == [
        ("3", 3), ("8", 5), ("10", 9), ("11", 15)]


def test_wrapped_emails_are_repaired(raw_docs: Path) -> None:
    plan = extract(raw_docs, "dorset-people-health-scrutiny-2022-05-19-pack.pdf")["forward_plan"]
    emails = {d["subject"]: d["officer_email"] for d in plan}
    assert emails["Revised Inter Authority Agreement for Joint Archives Service"] == "lisa.cotton@dorsetcouncil.gov.uk"
