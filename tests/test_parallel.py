"""Pages as the unit of work, on the local process pool: page-range tasks give what one process gives,
documents are stored as they finish, every file is read under its limits, workers die with the batch."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pdfgen import write_dense_page

import pipeline.pdf
from pipeline import db
from pipeline.extract import extract_document, extract_pdf, pages_to_read, read_document_pages
from pipeline.ingest import FileOutcome, ingest
from pipeline.pdf import PdfDocument
from pipeline.scheduler import BatchSettings, Progress, read_documents
from pipeline.tables import Table
from pipeline.tables.pages import table_pages
from pipeline.tasks import Source

PROJECT = Path(__file__).resolve().parents[1]
TEXT_SAMPLES = ("wiltshire-cabinet-2023-03-14-csp-funding.pdf", "dorset-cabinet-2021-09-07-pdscp.pdf",
                "dorset-cabinet-forward-plan-2022-05.pdf")


def read(paths: list[Path], settings: BatchSettings, on_progress: Callable[[Progress], None] | None = None
         ) -> dict[str, dict]:
    sources = [Source(path.name, str(path)) for path in paths]
    return {found.source.name: found.extraction.to_contract() if found.extraction else found.error
            for found in read_documents(sources, settings, on_progress)}


def test_page_range_tasks_give_what_one_process_gives(raw_docs: Path) -> None:
    """Every sample read one page a task, on two workers, then assembled: the very same contract."""
    paths = sorted(raw_docs.glob("*.pdf"))
    assert read(paths, BatchSettings(workers=2, pages_per_task=1)) == {
        path.name: extract_pdf(path).to_contract() for path in paths}


def test_a_table_split_across_tasks_is_one_table(forward_plan_pdf: Path) -> None:
    """The plan's ruled table runs over five pages; read a page a task, it is still one table (and one plan)."""
    with PdfDocument(forward_plan_pdf) as document:
        assert len(table_pages(document)) > 1  # so that its pages go to different tasks
    source = Source(forward_plan_pdf.name, str(forward_plan_pdf))
    [found] = read_documents([source], BatchSettings(workers=2, pages_per_task=1))
    expected = extract_pdf(forward_plan_pdf)
    assert [len(table.pages) for table in found.extraction.tables] == [5]
    assert layout(found.extraction.tables) == layout(expected.tables)
    assert found.extraction.to_contract() == expected.to_contract()


@pytest.mark.parametrize(("stem", "tables_on"), [("dorset-cabinet-forward-plan-2022-05", [1, 2, 3, 4, 5]),
                                                 ("essex-cabinet-forward-plan-2025-05", [])])
def test_the_task_that_assembles_a_plan_parses_none_of_its_pages_again(raw_docs: Path, stem: str, tables_on: list,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The page-range tasks hand on the words and rules of the pages the plan reader reads (Essex's plan,
    printed without rules or figures, is on no page the layer reads tables on): the task that assembles
    the document reads the plan from them, without opening the file with pdfplumber."""
    path = raw_docs / f"{stem}.pdf"
    with PdfDocument(path) as document:
        pages, on = pages_to_read(document)
        read = read_document_pages(document, pages, on)
    assert on == tables_on and [page.page for page in read if page.parsed] == pages
    expected = extract_pdf(path).to_contract()
    assert expected["forward_plan"]

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("pdfplumber opened the file again")

    monkeypatch.setattr(pipeline.pdf.pdfplumber, "open", no_parsing)
    with PdfDocument(path) as document:
        assert extract_document(document, pages=read).to_contract() == expected


def layout(tables: list[Table]) -> list[tuple[list[int], list[list[str]]]]:
    return [(table.pages, [row.texts for row in table.rows]) for table in tables]


def test_progress_moves_by_pages_within_one_file(large_pack: Callable[[int], Path]) -> None:
    pack = large_pack(200)
    seen: list[tuple[int, int, int]] = []
    read([pack], BatchSettings(workers=2), lambda p: seen.append((p.pages_done, p.pages_known, p.files_done)))
    before_done = {done for done, known, files in seen if files == 0 and 0 < done < known}
    assert len(before_done) >= 3, seen  # the bar moved several times while the one file was being read
    assert seen[-1] == (200, 200, 1)


def test_documents_are_stored_as_they_finish(raw_docs: Path, tmp_path: Path, large_pack: Callable[[int], Path]
                                            ) -> None:
    """A long pack given first does not hold back the short files given after it."""
    folder = copies(tmp_path / "batch", {"a-long-pack.pdf": large_pack(300),
                                         **{name: raw_docs / name for name in TEXT_SAMPLES}})
    order: list[str] = []
    ingest([folder], db.connect(str(tmp_path / "c.db")), workers=2,
           on_outcome=lambda outcome: order.append(outcome.file.name))
    assert order[-1] == "a-long-pack.pdf" and sorted(order[:-1]) == sorted(TEXT_SAMPLES)


def test_a_file_past_its_time_fails_in_one_line_and_the_rest_is_stored(raw_docs: Path, tmp_path: Path,
                                                                       large_pack: Callable[[int], Path]) -> None:
    folder = copies(tmp_path / "batch", {"slow.pdf": large_pack(600), "quick.pdf": raw_docs / TEXT_SAMPLES[0]})
    summary = ingest([folder], db.connect(str(tmp_path / "c.db")), settings=BatchSettings(workers=2,
                                                                                           timeout_per_file=1.5))
    assert statuses(summary.outcomes) == {"quick.pdf": "stored", "slow.pdf": "failed"}
    assert summary.failures[0].error == "slow.pdf: passed the time limit of 1.5 s per file (--timeout-per-file)"


def test_a_file_past_the_memory_limit_fails_in_one_line(raw_docs: Path, tmp_path: Path) -> None:
    """The limit is on what a worker takes on beyond what it started with (a forked worker starts with its
    parent's address space); past it the file fails in one line naming the limit, and the batch goes on."""
    folder = copies(tmp_path / "batch", {"big.pdf": write_dense_page(tmp_path / "dense.pdf"),
                                         "small.pdf": raw_docs / TEXT_SAMPLES[0]})
    result = run_cli("ingest", str(folder), "--db", str(tmp_path / "c.db"), "--no-extracted", "-q",
                     "--workers", "1", "--memory-limit", "100")
    assert result.returncode == 3
    [line] = [line for line in result.stderr.splitlines() if line.startswith("failed")]
    assert line.startswith("failed  big.pdf: ") and "100 MB" in line and "--memory-limit" in line
    assert stored_files(tmp_path / "c.db") == ["small.pdf"]


def test_workers_die_with_their_parent(tmp_path: Path, large_pack: Callable[[int], Path]) -> None:
    """kill -9 of the ingest leaves no worker behind, still reading."""
    command = [sys.executable, "-m", "pipeline", "ingest", str(large_pack(1000)), "--db", str(tmp_path / "c.db"),
               "--workers", "2", "-q", "--no-extracted"]
    parent = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers = wait_for(lambda: children(parent.pid) if len(children(parent.pid)) >= 2 else None)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    assert wait_for(lambda: not any(alive(pid) for pid in workers) or None), workers


def test_devices_and_fifos_are_not_read(raw_docs: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    result = run_cli("ingest", "/dev/zero", str(fifo), str(raw_docs / TEXT_SAMPLES[0]), "--db",
                     str(tmp_path / "c.db"), "--no-extracted", "-q")
    assert result.returncode == 3
    assert "failed  zero: not a regular file (a device, pipe or socket is never a PDF)" in result.stderr
    assert "failed  pipe.pdf: not a regular file" in result.stderr
    assert stored_files(tmp_path / "c.db") == [TEXT_SAMPLES[0]]


def test_a_damaged_contract_json_is_written_again(raw_docs: Path, tmp_path: Path) -> None:
    extracted, database = tmp_path / "extracted", db.connect(str(tmp_path / "c.db"))
    path = raw_docs / TEXT_SAMPLES[0]
    ingest([path], database, extracted_dir=extracted)
    [written] = extracted.rglob("*.json")
    whole = written.read_text()
    written.write_text(whole[:100])  # as a full disk left it before the writes were made atomic
    again = ingest([path], database, extracted_dir=extracted)
    assert statuses(again.outcomes) == {TEXT_SAMPLES[0]: "rewritten"}
    assert written.read_text() == whole and not list(extracted.glob(".*.tmp"))
    assert statuses(ingest([path], database, extracted_dir=extracted).outcomes) == {TEXT_SAMPLES[0]: "unchanged"}


def test_a_contract_json_that_cannot_be_written_fails_that_file_only(raw_docs: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "extracted"
    blocked.write_text("a file where the folder should be")
    paths = [raw_docs / name for name in TEXT_SAMPLES[:2]]
    summary = ingest(paths, db.connect(str(tmp_path / "c.db")), workers=2, extracted_dir=blocked)
    assert statuses(summary.outcomes) == dict.fromkeys(TEXT_SAMPLES[:2], "failed")
    assert all(": stored, but its contract JSON cannot be written (" in o.error for o in summary.failures)
    assert stored_files(tmp_path / "c.db") == sorted(TEXT_SAMPLES[:2])


def copies(folder: Path, files: dict[str, Path]) -> Path:
    """A folder holding a copy of each file under its new name."""
    folder.mkdir()
    for name, source in files.items():
        (folder / name).write_bytes(source.read_bytes())
    return folder


def statuses(outcomes: list[FileOutcome]) -> dict[str, str]:
    return {Path(outcome.file.name).name: outcome.status for outcome in outcomes}


def stored_files(database: Path) -> list[str]:
    with sqlite3.connect(database) as connection:
        return sorted(Path(row[0]).name for row in connection.execute("SELECT file_name FROM documents"))


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=PROJECT, capture_output=True, text=True,
                          timeout=300)


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "stat").read_text().rsplit(")", 1)[1].split()[1] == str(pid):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition: Callable[[], object], seconds: float = 60.0) -> object:
    """The condition's first truthy value, polled for up to `seconds` (a bound, not a timing)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(0.1)
    return None


def test_the_ingest_options_default_to_the_batch_settings() -> None:
    """The command spells its defaults (so that --help imports nothing heavy): they are the library's."""
    import inspect

    from pipeline.cli import ingest_command

    defaults = {name: parameter.default for name, parameter in inspect.signature(ingest_command).parameters.items()}
    settings = BatchSettings()
    assert (defaults["timeout_per_file"], defaults["memory_limit"], defaults["cluster"]) == (
        settings.timeout_per_file, settings.memory_limit_mb, settings.cluster)
