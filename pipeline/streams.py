"""Find a compressed stream that inflates past a limit, without inflating it into memory.

A 1 MB PDF can hold a Flate stream that inflates to 1 GB: pypdfium2 and pdfminer each decode a
page's content streams whole, so such a page costs gigabytes before any text is seen. The file's
bytes are scanned for streams before either parser loads a page; each Flate stream that could
pass the limit is inflated in bounded chunks and only counted. The scan reads the raw bytes, not
the parsers' object tables, so a stream hidden from one parser (a lying /Length, a broken xref,
an object stream of dictionaries) is still measured, and every kind of stream is covered:
content, form, image, object and cross-reference streams alike.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

# Deflate cannot inflate more than 1032 to 1: a stream shorter than limit / 1032 needs no measuring.
MAX_DEFLATE_RATIO = 1032
CHUNK = 1 << 20  # inflated a megabyte at a time
DICTIONARY_REACH = 8192  # bytes before 'stream' searched for its dictionary (past the object's header)

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_OBJECT = re.compile(rb"(\d+)\s+\d+\s+obj\b")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\d)(?!\s+\d+\s+R)")


@dataclass(frozen=True)
class OversizedStream:
    """A stream that inflates past the limit: its object number (None if no header was found)."""

    object_number: int | None


def oversized_stream(data: bytes, limit: int) -> OversizedStream | None:
    """The first stream in the PDF's bytes whose Flate layers inflate past `limit` bytes, if any."""
    for match in _STREAM.finditer(data):
        header = data[max(0, match.start() - DICTIONARY_REACH):match.start()]
        objects = list(_OBJECT.finditer(header))
        dictionary = header[objects[-1].end():] if objects else header
        layers = _flate_layers(dictionary)
        if not layers:
            continue
        # The longer of its /Length and the bytes up to 'endstream': a /Length may lie either way
        end = data.find(b"endstream", match.end())
        length = _LENGTH.search(dictionary)
        stored = max(int(length.group(1)) if length else 0, (end if end >= 0 else len(data)) - match.end())
        if stored * MAX_DEFLATE_RATIO ** layers <= limit:
            continue
        if _inflated_size(data, match.end(), layers, limit) > limit:
            return OversizedStream(int(objects[-1].group(1)) if objects else None)
    return None


def _flate_layers(dictionary: bytes) -> int:
    """How many Flate filters the stream's leading filters are (0 if its first filter is not Flate)."""
    found = _FILTER.search(dictionary)
    if not found:
        return 0
    names = re.findall(rb"/([A-Za-z0-9]+)", found.group(1))
    layers = 0
    for name in names:
        if name not in (b"FlateDecode", b"Fl"):
            break
        layers += 1
    return layers


def _inflated_size(data: bytes, start: int, layers: int, limit: int) -> int:
    """Bytes the stream at `start` inflates to through its Flate layers, counted up to just past `limit`."""
    chunks: Iterator[bytes] = (data[offset:offset + CHUNK] for offset in range(start, len(data), CHUNK))
    for _ in range(layers):
        chunks = _inflate(chunks)
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > limit:
            break
    return total


def _inflate(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Inflate a stream of chunks a bounded piece at a time; stop at the deflate stream's end or damage."""
    inflater = zlib.decompressobj()
    try:
        for chunk in chunks:
            pending = chunk
            while pending and not inflater.eof:
                yield inflater.decompress(pending, CHUNK)
                pending = inflater.unconsumed_tail
            if inflater.eof:
                return
    except zlib.error:  # damaged data: what inflated before it is all a parser could get either
        return
