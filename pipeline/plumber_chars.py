"""pdfplumber's character objects, made without its generic machinery.

pdfplumber turns every object pdfminer lays out into a dict by walking the object's attributes
and resolving each value recursively (`Page.process_object`), although a character's values are
plain numbers, strings and tuples of numbers: made directly, the real documents in
../shared/realdocs are read in a sixth less time. `make_chars_directly(page)` has the page build its
characters' dicts straight from those values: the very dicts pdfplumber builds (a test compares
them on every character of the samples), and pdfplumber's own way for every other object and for
any character whose values are not plain.
"""

from __future__ import annotations

from typing import Any

import pdfplumber
from pdfminer.layout import LTChar, LTItem
from pdfplumber.utils import resolve_and_decode

# The attributes of a pdfminer LTChar that pdfplumber keeps (those of its ALL_ATTRS an LTChar has).
CHAR_ATTRS = ("matrix", "fontname", "adv", "upright", "x0", "y0", "x1", "y1", "width", "height", "size", "mcid",
              "tag")
_PLAIN = (str, float, int, bool, type(None))


def make_chars_directly(page: pdfplumber.page.Page) -> None:
    """Have this pdfplumber page build its characters' dicts directly (before its objects are parsed)."""
    if page.pdf.unicode_norm is not None:
        return  # pdfplumber normalises the text then: leave it its own way
    generic = page.process_object

    def process_object(obj: LTItem) -> dict[str, Any]:
        if type(obj) is LTChar and (made := char_object(page, obj)) is not None:
            return made
        return generic(obj)

    page.process_object = process_object  # type: ignore[method-assign]


def char_object(page: pdfplumber.page.Page, char: LTChar) -> dict[str, Any] | None:
    """The dict pdfplumber's `process_object` makes of this character; None when a value is not plain
    (a reference to resolve, a font name in bytes), for pdfplumber's own way to make it."""
    values = char.__dict__
    attrs = {name: values[name] for name in CHAR_ATTRS if name in values}
    if not all(type(value) in _PLAIN or _plain_tuple(value) for value in attrs.values()):
        return None
    attrs["object_type"] = "char"
    attrs["page_number"] = page.page_number
    if hasattr(char, "ncs"):
        attrs["ncs"] = resolve_and_decode(char.ncs.name)
    attrs["text"] = char.get_text()
    state = char.graphicstate
    attrs["stroking_color"] = state.scolor if isinstance(state.scolor, tuple) else (state.scolor,)
    attrs["non_stroking_color"] = state.ncolor if isinstance(state.ncolor, tuple) else (state.ncolor,)
    x0, top = page.mediabox[:2]  # pdfminer gives coordinates relative to the MediaBox
    if "y0" in attrs:
        attrs["top"] = (page.height - attrs["y1"]) + top
        attrs["bottom"] = (page.height - attrs["y0"]) + top
        attrs["doctop"] = page.initial_doctop + attrs["top"]
    if "x0" in attrs and x0 != 0:
        attrs["x0"] += x0
        attrs["x1"] += x0
    return attrs


def _plain_tuple(value: object) -> bool:
    return type(value) is tuple and all(type(item) in _PLAIN for item in value)
