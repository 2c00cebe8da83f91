"""Rows out, as researchers read them: a terminal table, CSV, JSON, JSON lines or Parquet.

Values keep their type: whole numbers stay integers (never 1.0), exact decimals stay exact, text is
written as it is (no escaped slashes), and NULL is empty in CSV and null in JSON. A BLOB is base64
text in CSV and JSON (binary in Parquet) and `<blob N bytes>` in a terminal table, which also cuts
long text; what reaches a terminal has its control characters escaped and is never read as markup.

Rows may be a stream (a query's): CSV, JSON and JSON lines are written as the rows come, so memory
does not grow with their number; Parquet, whose columns are typed from every row, holds them all."""

from __future__ import annotations

import base64
import csv
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .errors import UsageError
from .terminal import json_safe, plain, printable

if TYPE_CHECKING:
    from rich.text import Text

FORMATS = ("table", "csv", "json", "jsonl")
# What `export` can write, by the output file's suffix.
FILE_FORMATS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
DISPLAY_ROWS = 1000  # rows a terminal table shows unless told otherwise
SHOWN_CHARACTERS = 300  # of a longer value, in a terminal table
_BINARY = (bytes, bytearray, memoryview)


@dataclass
class Rows:
    columns: list[str]
    rows: Iterable[tuple[Any, ...]]  # a list, or a stream read once
    limit: int | None = None  # at most this many rows are given
    cut: bool = False  # set once the rows have been read: there were more than `limit`


def capped(result: Rows, limit: int) -> Rows:
    """The first `limit` rows of `result`; once they are read, `cut` says whether there were more."""
    shown = Rows(result.columns, (), limit)
    shown.rows = _first(result.rows, limit, shown)
    return shown


def _first(rows: Iterable[tuple[Any, ...]], limit: int, shown: Rows) -> Iterator[tuple[Any, ...]]:
    source = iter(rows)
    try:
        yield from islice(source, limit)
        shown.cut = next(source, None) is not None
    finally:
        close = getattr(source, "close", None)  # a stream lets go of its connection now, not at exit
        if close is not None:
            close()


def file_format(path: Path) -> str:
    """The format `path`'s suffix asks for; UsageError for one that cannot be written."""
    fmt = FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(f"cannot write {path.name!r}: its suffix names no format this tool writes "
                         f"(use {', '.join(FILE_FORMATS)})")
    return fmt


def write_rows(result: Rows, fmt: str, stream: TextIO) -> int:
    """The rows to a text stream: 'table' (for a terminal), 'csv', 'json' (an array) or 'jsonl'; returns
    how many were written."""
    writers: dict[str, Callable[[Rows, TextIO], int]] = {
        "csv": _write_csv, "json": _write_json, "jsonl": _write_jsonl, "table": _print_table}
    return writers[fmt](result, stream)


def write_file(result: Rows, path: Path, fmt: str | None = None) -> int:
    """The rows to a file, in `fmt` or else the format its suffix names (.csv, .json, .jsonl, .ndjson,
    .parquet); returns how many were written. They go to a hidden file beside it, renamed once complete,
    so a query stopped half-way leaves no half-written file."""
    fmt = fmt or file_format(path)
    partial = path.with_name(f".{path.name}.part")
    try:
        if fmt == "parquet":
            count = _write_parquet(result, partial)
        else:
            with partial.open("w", encoding="utf-8", newline="") as stream:
                count = write_rows(result, fmt, stream)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return count


def _write_csv(result: Rows, stream: TextIO) -> int:
    # a terminal gets control characters as escapes; a file or a pipe gets the data exactly
    shown: Callable[[str], str] = printable if stream.isatty() else str
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([shown(column) for column in result.columns])
    count = 0
    for row in result.rows:
        writer.writerow([_csv_value(value, shown) for value in row])
        count += 1
    return count


def _write_json(result: Rows, stream: TextIO) -> int:
    """An array, one object a row, written as they come (json.dumps would need them all first)."""
    stream.write("[")
    count = 0
    for count, record in enumerate(_records(result), start=1):
        encoded = json.dumps(record, indent=2, ensure_ascii=False, default=_json_value)
        stream.write(("," if count > 1 else "") + "\n  " + json_safe(encoded).replace("\n", "\n  "))
    stream.write("\n]\n" if count else "]\n")
    return count


def _write_jsonl(result: Rows, stream: TextIO) -> int:
    count = 0
    for record in _records(result):
        stream.write(json_safe(json.dumps(record, ensure_ascii=False, default=_json_value)) + "\n")
        count += 1
    return count


def _records(result: Rows) -> Iterator[dict[str, Any]]:
    return (dict(zip(result.columns, map(_exact, row), strict=True)) for row in result.rows)


def _exact(value: Any) -> Any:
    """A whole Decimal as an int; other values as they are."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def _base64(value: bytes | bytearray | memoryview) -> str:
    return base64.b64encode(value).decode("ascii")


def _json_value(value: Any) -> Any:
    # json cannot write a Decimal; its shortest float text is the same decimal for money's few digits
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, _BINARY):
        return _base64(value)
    return str(value)


def _csv_value(value: Any, shown: Callable[[str], str]) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _BINARY):
        return _base64(value)
    if isinstance(value, str):
        return shown(value)
    return _exact(value)


def _print_table(result: Rows, stream: TextIO) -> int:
    from rich.console import Console  # only a terminal table needs rich's layout
    from rich.table import Table

    table = Table()
    for column in result.columns:
        table.add_column(plain(column))
    for row in result.rows:
        table.add_row(*(_cell(value) for value in row))
    Console(file=stream, soft_wrap=True, width=None if stream.isatty() else 160).print(table)
    return table.row_count


def _cell(value: Any) -> Text:
    """A value as a terminal shows it: a BLOB by its size, long text cut, never as markup."""
    if value is None:
        return plain("")
    if isinstance(value, _BINARY):
        return plain(f"<blob {memoryview(value).nbytes:,} bytes>")
    text = str(_exact(value))
    if len(text) > SHOWN_CHARACTERS:
        text = f"{text[:SHOWN_CHARACTERS]}… ({len(text):,} characters)"
    return plain(text)


def _write_parquet(result: Rows, path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError("Parquet needs pyarrow: pip install 'council-tables[parquet]'") from None
    rows = list(result.rows)
    columns = [[row[index] for row in rows] for index in range(len(result.columns))]
    pq.write_table(pa.table([_arrow_column(values, pa) for values in columns], names=result.columns), path)
    return len(rows)


def _arrow_column(values: Sequence[Any], pa: Any) -> Any:
    """A typed column (int64 for whole numbers, NULLs and all); text when a column mixes types, as SQLite allows."""
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([None if value is None else str(value) for value in values], type=pa.string())
