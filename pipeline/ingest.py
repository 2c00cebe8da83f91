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
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from . import __version__, db, runs
from .errors import UsageError
from .findings import Findings, batch_findings
from .model import Extraction
from .pdf import shown_name
from .scheduler import BatchSettings, Progress, read_documents
from .tasks import Source


@dataclass(frozen=True)
class PdfFile:
    path: Path  # where to read it
    name: str  # what the user knows it by: its path below the folder given, '/'-separated


@dataclass
class FileOutcome:
    file: PdfFile
    status: str  # "stored", "unchanged" (same bytes seen before), "superseded" (older version), "rewritten"
    # (same bytes seen before, but their contract JSON was missing or damaged: written again) or "failed"
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


def ingest(
    paths: Iterable[Path | str],
    engine: Engine,
    *,
    settings: BatchSettings | None = None,
    workers: int | None = None,
    password: str | None = None,
    extracted_dir: Path | None = None,
    on_found: Callable[[list[PdfFile]], None] | None = None,
    on_outcome: Callable[[FileOutcome], None] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> IngestSummary:
    """Extract, validate and store every PDF under `paths`; already-stored files are skipped by hash.

    `settings` say where the pages are read (a local process pool by default, or a Dask cluster) and
    under which limits; `workers` is a shorthand for its `workers` (one per CPU core by default).
    Each document is stored as soon as it is read. Raises UsageError when the paths hold no PDF."""
    started = time.perf_counter()
    paths = list(paths)
    files = find_pdfs(paths)
    if on_found:
        on_found(files)
    summary = IngestSummary(runs.start_run(engine, [str(path) for path in paths], __version__))
    pending: dict[str, tuple[PdfFile, str | None]] = {}
    for file in files:
        if not _is_regular_file(file.path):
            reason = f"{file.name}: not a regular file (a device, pipe or socket is never a PDF)"
            runs.record_outcome(engine, _run_file(summary.run_id, file, None), "failed", reason)
            _report(summary, FileOutcome(file, "failed", error=reason), on_outcome)
            continue
        sha = file_sha256(file.path)
        if sha is not None and db.is_stored(engine, sha) and _contract_json_ok(file, extracted_dir):
            runs.record_outcome(engine, _run_file(summary.run_id, file, sha), "unchanged")
            _report(summary, FileOutcome(file, "unchanged"), on_outcome)
        else:
            pending[file.name] = (file, sha)
    sources = [Source(file.name, str(file.path.resolve()), sha, password) for file, sha in pending.values()]
    batch = replace(settings or BatchSettings(), **({} if workers is None else {"workers": workers}))
    for finished in read_documents(sources, batch, on_progress):
        file, sha = pending[finished.source.name]
        outcome = _store(engine, _run_file(summary.run_id, file, sha), finished.extraction, finished.error,
                         extracted_dir)
        _report(summary, outcome, on_outcome)
    runs.finish_run(engine, summary.run_id)
    summary.findings = batch_findings(engine, summary.run_id)
    summary.seconds = time.perf_counter() - started
    return summary


def _is_regular_file(path: Path) -> bool:
    """Only regular files are read: a device (/dev/zero) or a FIFO named on the command line would never end."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True  # it cannot be read: reading it says why, in one line


def _contract_json_ok(file: PdfFile, extracted_dir: Path | None) -> bool:
    """True when no JSON is wanted, or the document's is there and whole (a damaged one is written again)."""
    if extracted_dir is None:
        return True
    try:
        json.loads(contract_json_path(file.name, extracted_dir).read_text())
    except (OSError, ValueError):
        return False
    return True


def ingest_into(database: str, paths: Iterable[Path | str], alias_files: list[Path] | None = None,
                **options: Any) -> IngestSummary:
    """`ingest` into the database `database` names (a URL or a SQLite file), which it creates when there is
    none, but only once there are PDFs to store: a mistyped folder leaves no empty database behind."""
    paths = list(paths)
    find_pdfs(paths)
    return ingest(paths, db.connect(database, alias_files=alias_files), **options)


def _run_file(run_id: int, file: PdfFile, sha256: str | None) -> runs.RunFile:
    # a name that is not UTF-8 is stored as shown (U+FFFD for its odd bytes): no database takes surrogates
    return runs.RunFile(run_id, shown_name(file.name), shown_name(str(file.path.resolve())), sha256)


def _report(summary: IngestSummary, outcome: FileOutcome, on_outcome: Callable | None) -> None:
    summary.outcomes.append(outcome)
    if on_outcome:
        on_outcome(outcome)


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
        try:
            write_contract_json(extraction, extracted_dir)
        except OSError as exc:  # a full disk, a read-only folder: this file's failure, not the batch's
            reason = f"{file.name}: stored, but its contract JSON cannot be written ({exc.strerror or exc})"
            return FileOutcome(file, "failed", extraction, error=reason)
    if result.status == "unchanged":
        return FileOutcome(file, "rewritten", extraction)
    return FileOutcome(file, result.status, extraction)


def contract_json_path(name: str, directory: Path) -> Path:
    """Where the contract JSON of the document `name` goes: 'a/x.pdf' to directory/a/x.json."""
    return directory / Path(name).with_suffix(".json")


def write_contract_json(extraction: Extraction, directory: Path) -> Path:
    """The contract JSON at the document's own path below `directory`, written whole or not at all:
    to a temporary file beside it, then renamed over it."""
    target = contract_json_path(extraction.file, directory)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(extraction.to_contract(), indent=2, ensure_ascii=False) + "\n"
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target
