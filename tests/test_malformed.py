"""Seeded mutations of real-looking PDFs: no crash, a one-line reason, nothing half-stored."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from pdfgen import Grid, PageBreak, Text, write_pdf

from pipeline import db
from pipeline.extract import extract_pdf
from pipeline.ingest import ingest
from pipeline.pdf import PdfError

MUTANTS = 240
Mutation = Callable[[bytes, random.Random], bytes]


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    mutable = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        mutable[rng.randrange(len(mutable))] = rng.randrange(256)
    return bytes(mutable)


def delete_span(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 2000):]


def duplicate_span(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + data[start:start + rng.randint(1, 5000)] * rng.randint(2, 50) + data[start:]


def break_numbers(data: bytes, rng: random.Random) -> bytes:
    """Corrupt object numbers, lengths and xref offsets: the structure parsers rely on."""
    digits = [index for index, byte in enumerate(data) if 48 <= byte <= 57]
    mutable = bytearray(data)
    for index in rng.sample(digits, min(len(digits), rng.randint(1, 30))):
        mutable[index] = rng.choice(b"0123456789-.")
    return bytes(mutable)


def nest_objects(data: bytes, rng: random.Random) -> bytes:
    """A 'PDF bomb' of deeply nested arrays appended as an object."""
    depth = rng.randint(1000, 20000)
    return data + b"\n99 0 obj\n" + b"[" * depth + b"]" * depth + b"\nendobj\n"


MUTATIONS: list[Mutation] = [truncate, flip_bytes, delete_span, duplicate_span, break_numbers, nest_objects]


@pytest.fixture(scope="module")
def mutants(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("mutants")
    seed = write_pdf(folder / "seed.pdf", [
        Text(["Cabinet", "7 September 2021", "Partner contributions for 2020/21:"]),
        Grid([("Partner", "Contribution", "Share"), ("Alpha Council", "£60,000", "60%"),
              ("Beta Police", "£40,000", "40%"), ("Total", "£100,000", "")]),
        PageBreak(), Text(["Page two of the report."]),
    ]).read_bytes()
    rng = random.Random(20261122)
    paths = []
    for number in range(MUTANTS):
        mutation = MUTATIONS[number % len(MUTATIONS)]
        path = folder / f"mutant-{number:03d}-{mutation.__name__}.pdf"
        path.write_bytes(mutation(seed, rng))
        paths.append(path)
    (folder / "seed.pdf").unlink()
    return paths


def test_every_mutant_reads_or_fails_with_one_line(mutants: list[Path]) -> None:
    outcomes = {"read": 0, "refused": 0}
    for path in mutants:
        try:
            extract_pdf(path)
            outcomes["read"] += 1
        except PdfError as error:
            assert str(error).startswith(path.name + ": ") and "\n" not in str(error)
            outcomes["refused"] += 1
    assert sum(outcomes.values()) == MUTANTS
    assert outcomes["read"] and outcomes["refused"]  # the suite exercises both paths


def test_no_mutant_is_half_stored(mutants: list[Path], tmp_path: Path) -> None:
    database = tmp_path / "mutants.db"
    summary = ingest([mutants[0].parent], db.connect(str(database)), workers=2)
    assert len(summary.outcomes) == MUTANTS
    stored = {e.sha256: e for e in summary.extractions}
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT d.sha256, count(c.id) FROM documents d LEFT JOIN contributions c ON c.document_id = d.id "
            "GROUP BY d.id").fetchall()
    assert len(rows) == len(stored) == MUTANTS - len(summary.failures)
    for sha, count in rows:
        assert count == sum(len(table.rows) for table in stored[sha].contribution_tables)
