"""Text from documents and databases shown safely: file names and cells are data, never instructions
to the terminal or to rich.

Control characters (C0 but tab and newline, DEL, C1) and the bidirectional overrides are written as
visible escapes (`\\x1b`, `\\u202e`), so a name cannot move the cursor, recolour or clear the screen,
or reorder what is shown. Rich never reads such text as markup (`[exempt]` stays `[exempt]`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_CONTROLS_AND_NEWLINES = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
# What json.dumps(ensure_ascii=False) leaves raw (it escapes C0 itself): only ever inside strings.
_RAW_IN_JSON = re.compile(f"[\x7f-\x9f{_BIDI}\u2028\u2029]")


def printable(text: str, one_line: bool = False) -> str:
    """`text` with control characters as visible escapes; newlines too when it must stay `one_line`."""
    return (_CONTROLS_AND_NEWLINES if one_line else _CONTROLS).sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def plain(text: str) -> Text:
    """A rich Text of `text`, printable, that rich shows as it is: never read as markup."""
    from rich.text import Text

    return Text(printable(text))


def json_safe(encoded: str) -> str:
    """JSON text with the characters json.dumps leaves raw (C1, DEL, bidi overrides) as \\u escapes:
    the same data, and nothing a terminal acts on."""
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded)
