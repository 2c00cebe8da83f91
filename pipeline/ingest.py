"""Batch ingest: find PDFs, extract each (in worker processes), store each in one transaction.

Workers only extract; the parent process alone writes to the database, so SQLite never sees
two writers from one batch, and a document is either stored whole or not at all. Each run is
recorded (ingest_runs), so that `validate --batch last` can report on it.

A document is known by its path below the folder it was found in (or, for a file named
directly, below the working directory): two 'csp funding.pdf' in different folders stay two
names in every message, report and `extracted/` file.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from . import __version__, db, runs
from .errors import UsageError
from .extract import extract_pdf
from .findings import Findings, batch_findings
from .model import Extraction
from .pdf import PdfError


@dataclass(frozen=True)
class PdfFile:
    path: Path  # where to read it
    name: str  # what the user knows it by: its path below the folder given, '/'-separated


@dataclass
class FileOutcome:
    file: PdfFile
    status: str  # "stored", "unchanged" (same bytes seen before), "superseded" (older version) or "failed"
    extraction: Extraction | None = None
    error: str | None = None


@dataclass
class IngestSummary:
    run_id: int
    outcomes: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0
    findings: Findings = field(default_factory=lambda: Findings([]))  # of every document of the run, those
    # found already stored included

    def count(self, status: str) -> int:
        return sum(outcome.status == status for outcome in self.outcomes)

    @property
    def failures(self) -> list[FileOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == "failed"]

    @property
    def extractions(self) -> list[Extraction]:
        return [outcome.extraction for outcome in self.outcomes if outcome.extraction]

    @property
    def pages(self) -> int:
        return sum(extraction.page_count for extraction in self.extractions)

    def rows(self) -> dict[str, int]:
        found = self.extractions
        return {
            "agenda_items": sum(len(e.agenda_items) for e in found),
            "contributions": sum(len(t.rows) for e in found for t in e.contribution_tables),
            "forward_plan_decisions": sum(len(e.decisions) for e in found),
        }

    def severity_counts(self) -> dict[str, int]:
        issues = self.findings.issues
        return {severity: sum(i.severity == severity for i in issues) for severity in ("error", "warning")}


def find_pdfs(paths: Iterable[Path | str]) -> list[PdfFile]:
    """PDF files named directly, and every *.pdf under folders (recursively), in a stable order.

    Raises UsageError for a path that does not exist, or when there is no PDF at all."""
    given = list(map(Path, paths))
    found: dict[Path, PdfFile] = {}
    for path in given:
        if path.is_dir():
            for pdf in sorted(p for p in path.rglob("*") if p.suffix.lower() == ".pdf" and p.is_file()):
                found.setdefault(pdf.resolve(), PdfFile(pdf, pdf.relative_to(path).as_posix()))
        elif path.exists():
            found.setdefault(path.resolve(), PdfFile(path, _name_of_file(path)))
        else:
            raise UsageError(f"no such file or folder: {path}")
    if not found:
        raise UsageError(f"no PDFs found in {', '.join(map(str, given)) or 'the paths given'}")
    return list(found.values())


def _name_of_file(path: Path) -> str:
    """A file named directly: its path below the working directory, or its name when it lies elsewhere."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.name


def file_sha256(path: Path) -> str | None:
    try:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None


def _extract_one(file: PdfFile, password: str | None) -> tuple[Extraction | None, str | None]:
    """Runs in a worker: the extraction, or a one-line reason why the file cannot be read."""
    try:
        return extract_pdf(file.path, password=password, name=file.name), None
    except PdfError as error:
        return None, f"{file.name}: {error.reason}"
    except Exception as error:  # a damaged PDF can break the parsers in many ways
        return None, f"{file.name}: cannot be read ({type(error).__name__}: {str(error)[:120]})"


def ingest(
    paths: Iterable[Path | str],
    engine: Engine,
    *,
    workers: int | None = None,
    password: str | None = None,
    extracted_dir: Path | None = None,
    on_found: Callable[[list[PdfFile]], None] | None = None,
    on_outcome: Callable[[FileOutcome], None] | None = None,
) -> IngestSummary:
    """Extract, validate and store every PDF under `paths`; already-stored files are skipped by hash.

    `workers` defaults to one per CPU core. Raises UsageError when the paths hold no PDF."""
    started = time.perf_counter()
    paths = list(paths)
    files = find_pdfs(paths)
    if on_found:
        on_found(files)
    summary = IngestSummary(runs.start_run(engine, [str(path) for path in paths], __version__))
    pending = []
    for file in files:
        sha = file_sha256(file.path)
        if sha is not None and db.is_stored(engine, sha):
            runs.record_outcome(engine, _run_file(summary.run_id, file, sha), "unchanged")
            _report(summary, FileOutcome(file, "unchanged"), on_outcome)
        else:
            pending.append((file, sha))
    shas = dict(pending)
    for file, (extraction, error) in _extract_all(list(shas), workers or default_workers(), password):
        outcome = _store(engine, _run_file(summary.run_id, file, shas[file]), extraction, error, extracted_dir)
        _report(summary, outcome, on_outcome)
    runs.finish_run(engine, summary.run_id)
    summary.findings = batch_findings(engine, summary.run_id)
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_into(database: str, paths: Iterable[Path | str], alias_files: list[Path] | None = None,
                **options: Any) -> IngestSummary:
    """`ingest` into the database `database` names (a URL or a SQLite file), which it creates when there is
    none, but only once there are PDFs to store: a mistyped folder leaves no empty database behind."""
    paths = list(paths)
    find_pdfs(paths)
    return ingest(paths, db.connect(database, alias_files=alias_files), **options)


def _run_file(run_id: int, file: PdfFile, sha256: str | None) -> runs.RunFile:
    return runs.RunFile(run_id, file.name, str(file.path.resolve()), sha256)


def _report(summary: IngestSummary, outcome: FileOutcome, on_outcome: Callable | None) -> None:
    summary.outcomes.append(outcome)
    if on_outcome:
        on_outcome(outcome)


def _extract_all(files: list[PdfFile], workers: int, password: str | None) -> Iterator[tuple[PdfFile, tuple]]:
    if workers <= 1 or len(files) <= 1:
        for file in files:
            yield file, _extract_one(file, password)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures: list[tuple[PdfFile, Future]] = [(file, pool.submit(_extract_one, file, password)) for file in files]
        for done, (file, future) in enumerate(futures):
            try:
                result = future.result()
            except BrokenProcessPool:
                # A worker died (a parser crashed in C, or memory ran out) and took the pool down
                # with it: we cannot tell which file did it, so each unfinished one is retried alone.
                unfinished = [file for file, _ in futures[done:]]
                break
            yield file, result
        else:
            return
    for file in unfinished:
        yield file, _extract_isolated(file, password)


def _extract_isolated(file: PdfFile, password: str | None) -> tuple[Extraction | None, str | None]:
    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(_extract_one, file, password).result()
        except BrokenProcessPool:
            return None, f"{file.name}: the process reading it crashed"


def _store(engine: Engine, run_file: runs.RunFile, extraction: Extraction | None, error: str | None,
           extracted_dir: Path | None) -> FileOutcome:
    file = PdfFile(Path(run_file.source_path), run_file.name)
    if extraction is None:
        runs.record_outcome(engine, run_file, "failed", error)
        return FileOutcome(file, "failed", error=error)
    run_file = replace(run_file, sha256=extraction.sha256)
    try:
        result = db.store(engine, extraction, source_path=run_file.source_path, run=run_file)
    except Exception as exc:  # the transaction was rolled back: nothing of this file is stored
        reason = f"{file.name}: not stored ({type(exc).__name__}: {str(exc).splitlines()[0][:200]})"
        runs.record_outcome(engine, run_file, "failed", reason)
        return FileOutcome(file, "failed", error=reason)
    if extracted_dir is not None:
        write_contract_json(extraction, extracted_dir)
    return FileOutcome(file, result.status, extraction)


def write_contract_json(extraction: Extraction, directory: Path) -> Path:
    """The contract JSON at the document's own path below `directory`: 'a/x.pdf' goes to directory/a/x.json."""
    target = directory / Path(extraction.file).with_suffix(".json")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(extraction.to_contract(), indent=2, ensure_ascii=False) + "\n")
    return target


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)
