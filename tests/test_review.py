"""The review report (pipeline.review.write_review) on the samples: every finding with its picture and
its working, crops cached, the scope of `validate`, both databases, and PDFs that moved away."""

from __future__ import annotations

import html
import re
import shutil
import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline import db
from pipeline.errors import UsageError
from pipeline.ingest import ingest
from pipeline.review import write_review


def page_of(index: Path, name: str) -> str:
    """The text of the report's page for the sample whose file name starts with `name`."""
    [page] = (index.parent / "documents").glob(f"{name}*.html")
    return html.unescape(page.read_text())


def test_every_finding_is_on_its_document_page_with_a_picture(samples_database: str, samples_review: Path,
                                                              samples_findings: list) -> None:
    index = html.unescape(samples_review.read_text())
    for file_name, check, _, message in samples_findings:
        stem = Path(file_name).stem
        page = page_of(samples_review, stem)
        shown = message.removeprefix(f"{file_name} ").split(": ", 1)[-1]
        assert shown in page, f"{check} on {file_name} is missing: {message}"
        assert shown in index
    for page in (samples_review.parent / "documents").glob("*.html"):
        for source in re.findall(r'<img class="crop" src="([^"]+)"', page.read_text()):
            crop = (page.parent / source).resolve()
            assert crop.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", crop
    findings_shown = re.findall(r'<li class="finding" id="finding-', "".join(
        page.read_text() for page in (samples_review.parent / "documents").glob("*.html")))
    assert len(findings_shown) == len(samples_findings)


def test_the_arithmetic_is_spelt_out(samples_review: Path) -> None:
    wiltshire = page_of(samples_review, "wiltshire-cabinet")
    assert "£48,250.50 + £32,100 + £16,050 + £5,350 = £101,750.50" in wiltshire
    assert "Stated total: £101,000" in wiltshire
    assert "Difference: the rows come to £750.50 more than the stated total" in wiltshire
    assert "£16,050 ÷ £101,000 × 100 = 15.9%" in wiltshire and "Printed: 20%, 4.1 points away" in wiltshire
    cheshire = page_of(samples_review, "cheshire-east")
    assert "the rows come to £500 less than the stated total" in cheshire and "−£500" in cheshire
    leeds = page_of(samples_review, "leeds-executive")
    assert "No total is printed under the 8 rows." in leeds


def test_the_stated_total_and_the_rows_are_marked_where_they_are_printed(samples_review: Path) -> None:
    wiltshire = page_of(samples_review, "wiltshire-cabinet")
    marks = re.findall(r'<span class="mark sev-(\w+)" data-findings="([^"]+)" title="([^"]+)"', wiltshire)
    labels = [title for _, _, title in marks]
    assert "the stated total, £101,000" in labels
    assert "'NHS BSW ICB', printed as 20%; 'NHS BSW ICB', not a known partner" in labels
    assert len(marks) == 5  # four rows and the total
    lancashire = page_of(samples_review, "lancashire-cabinet")  # a table from page 1 to page 2: both drawn
    assert "Page 1 of lancashire" in lancashire and "Page 2 of lancashire" in lancashire
    assert "'Police and Crime Commissioner for Lancashire', row 19" in lancashire


def test_an_agenda_mismatch_shows_the_front_sheet_and_both_pages(samples_review: Path) -> None:
    pack = page_of(samples_review, "somerset-scrutiny")
    assert "Page 2 of somerset-scrutiny-2023-01-11-pack.pdf: the front sheet's line for agenda item 6" in pack
    assert "Page 7 of somerset-scrutiny-2023-01-11-pack.pdf: page 5 of the pack, where the front sheet says item 6 " \
           "starts" in pack
    assert "PDF page 9, where the 'Agenda Item 6' stamp is" in pack
    assert "Its 'Agenda Item 6' stamp is on PDF page 9, printed as page 7" in pack
    assert "Item 5 is listed as pages 3–6: pages 5–6 listed under both" in pack


def test_tables_without_findings_are_listed_collapsed(samples_review: Path) -> None:
    plan = page_of(samples_review, "dorset-cabinet-forward-plan")
    assert "Tables read without findings (1)" in plan
    assert plan.count('<details class="quiet" id="table-') == 1
    assert all(f"Page {page} of dorset-cabinet-forward-plan-2022-05.pdf" in plan for page in range(1, 6))
    assert 'loading="lazy"' in plan  # collapsed pictures load when opened


def test_charts_show_contributions_across_periods_and_planned_dates(samples_review: Path) -> None:
    index = html.unescape(samples_review.read_text())
    assert "Contributions to the partnership of Dorset Police, BCP Council, Dorset Council and NHS Dorset" in index
    dorset = index[index.index("Dorset Police, BCP Council, Dorset Council and NHS Dorset"):]
    assert re.search(r">2020/21</text>.*>2023/24</text>", dorset)  # one bar per period
    assert "Planned dates of 7 decisions across the forward plans that list them; 0 moved." in index


def test_a_second_report_reuses_the_crops_and_removes_stale_files(samples_database: str, wiltshire_pdf: Path,
                                                                  tmp_path: Path) -> None:
    crops = tmp_path / "review" / "crops"
    first = write_review(samples_database, tmp_path / "review")
    drawn = len(list(crops.glob("*.png")))
    assert first.rendered == drawn > 0 and first.pictures >= drawn  # a picture shown twice is drawn once
    shutil.copyfile(next(crops.glob("*.png")), crops / "old.png")
    second = write_review(samples_database, tmp_path / "review")
    assert (second.rendered, second.removed, second.pictures) == (0, 1, first.pictures)
    assert not (crops / "old.png").exists()
    narrower = write_review(samples_database, tmp_path / "review", paths=[wiltshire_pdf])
    kept = len(list(crops.glob("*.png")))
    others = first.documents - 1  # the other documents' pages go too
    assert narrower.rendered == 0 and narrower.removed == (drawn - kept) + others
    assert len(list((tmp_path / "review" / "documents").glob("*.html"))) == 1


def test_crops_are_drawn_at_a_readable_resolution(samples_review: Path) -> None:
    wiltshire = (samples_review.parent / "documents").glob("wiltshire*.html")
    source = re.search(r'<img class="crop" src="([^"]+)"[^>]*width="(\d+)"', next(wiltshire).read_text())
    crop = (samples_review.parent / "documents" / source[1]).resolve()
    width, _ = struct.unpack(">II", crop.read_bytes()[16:24])
    assert width > int(source[2])  # more pixels than it is shown at: sharp on high-density screens too


def test_the_scope_is_that_of_validate(samples_database: str, wiltshire_pdf: Path, tmp_path: Path) -> None:
    summary = write_review(samples_database, tmp_path / "one", paths=[wiltshire_pdf])
    assert (summary.documents, summary.findings) == (1, 8)
    pages = [path.name for path in (tmp_path / "one" / "documents").glob("*.html")]
    assert len(pages) == 1 and pages[0].startswith("wiltshire-cabinet-2023-03-14-csp-funding-")
    with pytest.raises(UsageError, match="no documents under"):
        write_review(samples_database, tmp_path / "none", paths=[tmp_path])


def test_a_missing_database_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        write_review(str(tmp_path / "missing.db"), tmp_path / "review")
    assert not (tmp_path / "missing.db").exists()


def test_a_pdf_that_moved_or_changed_is_said_so(wiltshire_pdf: Path, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copyfile(wiltshire_pdf, folder / "moved.pdf")
    shutil.copyfile(wiltshire_pdf.with_name("somerset-executive-2022-10-05-domestic-abuse.pdf"), folder / "edited.pdf")
    database = str(tmp_path / "council.db")
    ingest([folder], db.connect(database))
    (folder / "moved.pdf").unlink()
    with (folder / "edited.pdf").open("ab") as edited:
        edited.write(b"\n% edited after ingest\n")
    summary = write_review(database, tmp_path / "review")
    assert summary.pictures == 0 and set(summary.without_pictures) == {"moved.pdf", "edited.pdf"}
    assert "is no longer at" in summary.without_pictures["moved.pdf"]
    assert "has changed since it was ingested" in summary.without_pictures["edited.pdf"]
    page = page_of(summary.index, "moved")
    assert "No picture: the PDF is no longer at" in page
    assert "£48,250.50 + £32,100 + £16,050 + £5,350 = £101,750.50" in page  # the rows and arithmetic are still there


def test_a_disagreement_between_documents_shows_both(database_url: str, contributions_pdf: Callable[..., Path],
                                                    tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    contributions_pdf(folder / "a-cabinet.pdf", [("BCP Council", "£60,000"), ("Dorset Police", "£40,000")], "£100,000")
    contributions_pdf(folder / "b-scrutiny.pdf", [("BCP Council", "£60,000"), ("Dorset Police", "£45,000")],
                      "£105,000")
    engine = db.connect(database_url)
    ingest([folder], engine)
    engine.dispose()  # closed now: its last checkpoint is not left to the garbage collector
    before = Path(database_url).read_bytes() if "://" not in database_url else None
    summary = write_review(database_url, tmp_path / "review")
    page = page_of(summary.index, "b-scrutiny")
    assert page.count("contribution_conflict</code>") == 2
    assert "Page 1 of a-cabinet.pdf: the 2020/21 contributions table of the other document" in page
    assert "'Dorset Police', £40,000 in a-cabinet.pdf" in page and "the stated total, £100,000 in a-cabinet.pdf" in page
    assert "Difference: £5,000" in page
    assert summary.pictures == 3  # each document's table, and a-cabinet's again beside b-scrutiny's findings
    if before is not None:
        assert Path(database_url).read_bytes() == before  # read, never written
