"""Pages turned by /Rotate, drawn turned on their sheet, or both: read as the upright pages are.

A page's /Rotate turns it as displayed; its content may be drawn turned too (a landscape table printed
sideways, a scan fed in turned). pdfminer applies /Rotate to every character, pypdfium2's text does not,
and neither turns text that is drawn turned, so every reading is turned upright here (pipeline.pdf.Turn
and its text in reading order), whatever the combination."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfgen import turned_copy

from pipeline.extract import extract_pdf
from pipeline.model import Extraction

# (quarter turns the content is drawn at, /Rotate): displayed upright, sideways both ways, upside down
TURNS = [(1, 90), (2, 180), (0, 90), (0, 270), (0, 180), (1, 0), (3, 0), (2, 0), (1, 270)]


def rows(extraction: Extraction) -> dict[str, list]:
    """What a user gets from the document, boxes aside (a turned page's are a rounding error apart)."""
    decision_fields = ("subject", "decision_maker", "decision_date", "key_decision", "public_access",
                       "portfolio_holder", "officer_contact", "page", "agenda_item")
    return {
        "meeting": [extraction.meeting],
        "agenda": [(i.number, i.title, i.page_start, i.page_end) for i in extraction.agenda_items],
        "contributions": [(t.period, t.page, t.stated_total, r.partner, r.amount, r.share_pct)
                          for t in extraction.contribution_tables for r in t.rows],
        "decisions": [tuple(d.to_contract()[k] for k in decision_fields) for d in extraction.decisions],
        "issues": [(i.check, i.page, i.message.split(": ", 1)[-1]) for i in extraction.issues],
    }


@pytest.mark.parametrize(("drawn", "rotate"), TURNS, ids=lambda turn: str(turn))
def test_a_turned_pack_reads_as_the_upright_one(scrutiny_pack_pdf: Path, tmp_path: Path, drawn: int,
                                                rotate: int) -> None:
    upright = rows(extract_pdf(scrutiny_pack_pdf))
    turned = rows(extract_pdf(turned_copy(scrutiny_pack_pdf, tmp_path / "turned.pdf", drawn, rotate)))
    assert turned == upright
    assert len(upright["agenda"]) == 12 and len(upright["contributions"]) == 4 and len(upright["decisions"]) == 7


@pytest.mark.parametrize(("drawn", "rotate"), [(1, 90), (0, 90), (2, 0)], ids=lambda turn: str(turn))
def test_the_corpus_pack_turned_gives_its_18_decisions(shared: Path, tmp_path: Path, drawn: int, rotate: int) -> None:
    """The issue's case: content drawn turned with /Rotate 90 (pixel for pixel the original) gave 3 of 18."""
    pack = shared / "corpus" / "docs" / "dorset-people-health-scrutiny-2022-05-19-pack.pdf"
    upright = rows(extract_pdf(pack))
    assert rows(extract_pdf(turned_copy(pack, tmp_path / "turned.pdf", drawn, rotate))) == upright
    assert len(upright["decisions"]) == 18 and len(upright["agenda"]) == 12


def test_every_sample_turned_sideways_reads_as_it_does_upright(raw_docs: Path, tmp_path: Path) -> None:
    """Printed sideways (text running up a landscape sheet), every born-digital sample gives its rows."""
    for sample in sorted(path for path in raw_docs.glob("*.pdf") if not path.stem.endswith("-scanned")):
        turned = turned_copy(sample, tmp_path / sample.name, drawn=3, rotate=0)
        assert rows(extract_pdf(turned)) == rows(extract_pdf(sample)), sample.name
