"""Rows out, as researchers read them: a terminal table, CSV, JSON, JSON lines or Parquet.

Values keep their type: whole numbers stay integers (never 1.0), exact decimals stay exact, text is
written as it is (no escaped slashes), and NULL is empty in CSV and null in JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from .errors import UsageError

FORMATS = ("table", "csv", "json", "jsonl")
# What `export` can write, by the output file's suffix.
FILE_FORMATS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


@dataclass
class Rows:
    columns: list[str]
    rows: list[tuple[Any, ...]]


def file_format(path: Path) -> str:
    """The format `path`'s suffix asks for; UsageError for one that cannot be written."""
    fmt = FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(f"cannot write {path.name!r}: its suffix names no format this tool writes "
                         f"(use {', '.join(FILE_FORMATS)})")
    return fmt


def write_rows(result: Rows, fmt: str, stream: TextIO) -> None:
    """The rows to a text stream: 'table' (for a terminal), 'csv', 'json' (an array) or 'jsonl'."""
    if fmt == "csv":
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([_csv_value(value) for value in row] for row in result.rows)
    elif fmt == "json":
        stream.write(json.dumps(list(_records(result)), indent=2, ensure_ascii=False, default=_json_value) + "\n")
    elif fmt == "jsonl":
        stream.writelines(json.dumps(record, ensure_ascii=False, default=_json_value) + "\n"
                          for record in _records(result))
    else:
        _print_table(result, stream)


def write_file(result: Rows, path: Path) -> None:
    """The rows to a file, in the format its suffix names (.csv, .json, .jsonl, .ndjson, .parquet)."""
    fmt = file_format(path)
    if fmt == "parquet":
        _write_parquet(result, path)
        return
    with path.open("w", encoding="utf-8", newline="") as stream:
        write_rows(result, fmt, stream)


def _records(result: Rows) -> Iterable[dict[str, Any]]:
    return (dict(zip(result.columns, map(_exact, row), strict=True)) for row in result.rows)


def _exact(value: Any) -> Any:
    """A whole Decimal as an int; other values as they are."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def _json_value(value: Any) -> Any:
    # json cannot write a Decimal; its shortest float text is the same decimal for money's few digits
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _exact(value)


def _print_table(result: Rows, stream: TextIO) -> None:
    from rich.console import Console  # only a terminal table needs rich's layout
    from rich.table import Table

    table = Table(*result.columns)
    for row in result.rows:
        table.add_row(*("" if value is None else str(_exact(value)) for value in row))
    Console(file=stream, soft_wrap=True, width=None if stream.isatty() else 160).print(table)


def _write_parquet(result: Rows, path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError("Parquet needs pyarrow: pip install 'council-tables[parquet]'") from None
    columns = [[row[index] for row in result.rows] for index in range(len(result.columns))]
    pq.write_table(pa.table([_arrow_column(values, pa) for values in columns], names=result.columns), path)


def _arrow_column(values: Sequence[Any], pa: Any) -> Any:
    """A typed column (int64 for whole numbers, NULLs and all); text when a column mixes types, as SQLite allows."""
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([None if value is None else str(value) for value in values], type=pa.string())
