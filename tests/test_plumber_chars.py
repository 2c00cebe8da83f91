"""pdfplumber's character dicts made directly (plumber_chars.py) are the very dicts pdfplumber makes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest
from pdfminer.layout import LTChar, LTContainer, LTItem

from pipeline.plumber_chars import char_object, make_chars_directly


def layout_chars(objects: list[LTItem]) -> Iterator[LTChar]:
    for item in objects:
        if isinstance(item, LTContainer):
            yield from layout_chars(item._objs)
        elif type(item) is LTChar:
            yield item


def test_every_character_of_the_samples_is_made_as_pdfplumber_makes_it(raw_docs: Path) -> None:
    made = 0
    for path in sorted(raw_docs.glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                for char in layout_chars(page.layout._objs):
                    mine, theirs = char_object(page, char), page.process_object(char)
                    assert mine is not None, f"{path.name} page {page.page_number}: {char!r} not made directly"
                    assert list(mine.items()) == list(theirs.items()), f"{path.name} page {page.page_number}"
                    made += 1
    assert made > 10_000


@pytest.mark.parametrize("name", ["dorset-cabinet-forward-plan-2022-05.pdf",
                                  "wiltshire-cabinet-2023-03-14-csp-funding.pdf"])
def test_a_page_made_directly_has_pdfplumbers_objects(raw_docs: Path, name: str) -> None:
    with pdfplumber.open(raw_docs / name) as plain, pdfplumber.open(raw_docs / name) as direct:
        for theirs, mine in zip(plain.pages, direct.pages, strict=True):
            make_chars_directly(mine)
            assert mine.chars and mine.objects == theirs.objects
            assert mine.extract_words() == theirs.extract_words()
