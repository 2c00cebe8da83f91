"""Broken files: one clear line naming the file, the batch goes on, nothing of them is stored."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

import pytest
from pdfgen import Grid, Text, write_pdf, write_raw_pdf
from reportlab.pdfgen.canvas import Canvas
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.extract import extract_pdf
from pipeline.pdf import PdfDocument, PdfError
from pipeline.tasks import Source, TaskResult, TimeBudget, open_document


def good_pdf(path: Path) -> Path:
    return write_pdf(path, [
        Text(["Contributions 2021/22:"]),
        Grid([("Alpha Council", "£10", "50%"), ("Beta Police", "£10", "50%"), ("Total", "£20", "")]),
    ])


def encrypted_pdf(path: Path) -> Path:
    canvas = Canvas(str(path), encrypt="secret")
    canvas.drawString(72, 720, "Partner contributions")
    canvas.save()
    return path


BAD_FILES = {
    "empty.pdf": lambda p: p.write_bytes(b""),
    "random.pdf": lambda p: p.write_bytes(bytes(range(256)) * 40),
    "page.pdf": lambda p: p.write_text("<html><body>Not found</body></html>"),
    "truncated.pdf": lambda p: p.write_bytes(good_pdf(p.with_suffix(".tmp")).read_bytes()[:400]),
    "encrypted.pdf": encrypted_pdf,
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_gives_a_one_line_reason(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    BAD_FILES[name](path)
    with pytest.raises(PdfError) as raised:
        extract_pdf(path)
    message = str(raised.value)
    assert message.startswith(f"{name}: ") and "\n" not in message


def test_encrypted_pdf_opens_with_its_password(tmp_path: Path) -> None:
    assert extract_pdf(encrypted_pdf(tmp_path / "e.pdf"), password="secret").page_count == 1
    with pytest.raises(PdfError, match="password given is wrong"):
        extract_pdf(tmp_path / "e.pdf", password="nope")


def test_batch_goes_on_and_stores_nothing_of_broken_files(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for name, make in BAD_FILES.items():
        make(folder / name)
    good_pdf(folder / "good.pdf")
    database = tmp_path / "batch.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(database), "--workers", "2",
                                      "--extracted", str(tmp_path / "x")])
    assert result.exit_code == 3  # some input could not be read; the rest is stored
    for name in BAD_FILES:
        assert f"failed  {name}: " in result.output
    assert "Traceback" not in result.output
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT file_name FROM documents").fetchall() == [("good.pdf",)]
        assert connection.execute("SELECT count(*) FROM contributions").fetchone()[0] == 2


def test_absurd_page_size_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    canvas = Canvas(str(path), pagesize=(20_000, 20_000))
    canvas.drawString(72, 720, "Partner contributions")
    canvas.save()
    with pytest.raises(PdfError, match="absurd size"):
        extract_pdf(path)


def test_a_crashing_worker_fails_its_file_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A parser that kills its process (as a C library can) costs that file, not the batch."""
    from pipeline import db, ingest, scheduler

    folder = tmp_path / "batch"
    folder.mkdir()
    for name in ("a.pdf", "b-crash.pdf", "c.pdf"):
        good_pdf(folder / name)
        (folder / name).write_bytes((folder / name).read_bytes() + name.encode())  # distinct bytes
    monkeypatch.setattr(scheduler, "open_document", _crash_on_b)
    summary = ingest.ingest([folder], db.connect(str(tmp_path / "c.db")), workers=2)
    assert {o.file.name: o.status for o in summary.outcomes} == {"a.pdf": "stored", "b-crash.pdf": "failed",
                                                                 "c.pdf": "stored"}


def _crash_on_b(source: Source, budget: TimeBudget, pages_per_task: int) -> TaskResult:
    import os

    if "crash" in source.name:
        os._exit(1)
    return open_document(source, budget, pages_per_task)


def test_a_name_that_is_not_utf8_is_read_and_stored(tmp_path: Path) -> None:
    """'café.pdf' named in Latin-1 (byte 0xE9): shown, and stored, with U+FFFD for the byte."""
    folder = tmp_path / "batch"
    folder.mkdir()
    path = Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.pdf"))
    good_pdf(path)
    assert extract_pdf(path).file == "caf\ufffd.pdf"
    database = tmp_path / "names.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(database), "--no-extracted"])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT file_name FROM documents").fetchall() == [("caf\ufffd.pdf",)]


def test_parser_warnings_are_told_once_naming_the_file(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """pdfminer warns about a font without a FontBBox without naming the file: one line that does."""
    text = b"BT /F1 12 Tf 72 720 Td (Partner contributions) Tj 0 -20 Td (Beta Police) Tj ET"
    path = write_raw_pdf(tmp_path / "fonts.pdf", [
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
        b"<< /Type /Font /Subtype /TrueType /BaseFont /Odd /FontDescriptor 6 0 R >>",
    ])
    with caplog.at_level(logging.WARNING), PdfDocument(path) as document:
        assert [word.text for word in document.page(1).words] == ["Partner", "contributions", "Beta", "Police"]
    assert [record.getMessage() for record in caplog.records] == [
        "fonts.pdf: the PDF parser warned 1 time(s) reading it (first: Could not get FontBBox from font descriptor "
        "because None cannot be parsed as 4 floats)"]
    assert logging.getLogger("pdfminer").propagate  # as it was before the document was opened
