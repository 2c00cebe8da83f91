"""Words → text lines → segments: the units every table finder reads.

A segment is a run of words on one line with no wide gap inside: the text of one cell on that
line. Dot leaders ('Severe disability ..........  32,771') end a segment and are dropped.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..pdf import Word
from .settings import DEFAULT_SETTINGS, TableSettings

# A bullet, dash or paragraph number hanging left of its text: 'the item', not a column of its own.
# Footnote marks ('*', '**', '†', a raised 'a') hang the same way under a table.
_MARKER = re.compile(r"^(?:[-–—•●▪◦·o\uf000-\uf0ff]|\*{1,3}|[†‡§¶#]|[a-z]|\(cid:\d+\)|\(?[a-z]{1,2}\)|"
                     r"\(?[ivx]{1,4}[.)]|\d{1,3}(?:\.\d{1,2})*[.)]?)$", re.IGNORECASE)
TOUCHING = 0.05  # line heights: a gap this small inside a line is no space at all
_LEADER = re.compile(r"(?:\s?\.){3,}\s*$|(?:\s?[_…]){3,}\s*$")


@dataclass(frozen=True)
class Segment:
    """Words of one cell on one line."""

    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(word.top for word in self.words)

    @property
    def bottom(self) -> float:
        return max(word.bottom for word in self.words)

    @property
    def bold(self) -> bool:
        return all(word.bold for word in self.words)


@dataclass
class TextLine:
    """Words sharing a baseline, left to right, split into segments."""

    words: list[Word]
    segments: list[Segment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(segment.text for segment in self.segments)

    @cached_property
    def top(self) -> float:
        return min(word.top for word in self.words)

    @cached_property
    def bottom(self) -> float:
        return max(word.bottom for word in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(word.x1 for word in self.words)

    @cached_property
    def height(self) -> float:
        """The usual height of the line's words (a superscript does not count)."""
        return statistics.median(word.bottom - word.top for word in self.words) or 1.0

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def text_lines(words: Iterable[Word], settings: TableSettings = DEFAULT_SETTINGS) -> list[TextLine]:
    """Words grouped into lines top to bottom, each split into segments at wide gaps."""
    lines: list[TextLine] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        line = _line_for(lines, word)
        if line is None:
            lines.append(TextLine([word]))
        else:
            line.words.append(word)
    for line in lines:
        line.words = _touching_joined(sorted(line.words, key=lambda w: w.x0))
        gap = max(settings.segment_gap * line.height, settings.segment_gap_chars * _char_width(line.words))
        line.segments = _hanging_marker_joined(split_segments(line.words, gap))
    lines.sort(key=lambda line: (line.top, line.x0))
    return lines


def _touching_joined(words: list[Word]) -> list[Word]:
    """Words that touch are one word: a PDF that draws '1' and '59,314' apart (another font, another
    order in the content stream) still prints 159,314."""
    joined: list[Word] = []
    for word in words:
        previous = joined[-1] if joined else None
        if previous and -0.5 <= word.x0 - previous.x1 <= TOUCHING * (word.bottom - word.top):
            joined[-1] = replace(previous, text=previous.text + word.text, x1=max(previous.x1, word.x1),
                                 top=min(previous.top, word.top), bottom=max(previous.bottom, word.bottom),
                                 bold=previous.bold and word.bold)
        else:
            joined.append(word)
    return joined


def _char_width(words: list[Word]) -> float:
    """The line's usual character width: a space in a typewriter font is as wide as a letter."""
    return statistics.median((word.x1 - word.x0) / max(len(word.text), 1) for word in words)


def _line_for(lines: list[TextLine], word: Word) -> TextLine | None:
    """The line the word shares a baseline with: it overlaps the line's first word by half its height."""
    for line in reversed(lines[-8:]):
        anchor = line.words[0]
        overlap = min(anchor.bottom, word.bottom) - max(anchor.top, word.top)
        if overlap >= 0.5 * min(anchor.bottom - anchor.top, word.bottom - word.top):
            return line
    return None


def split_segments(words: Sequence[Word], gap: float) -> list[Segment]:
    """Words of one line (left to right) cut into segments at gaps wider than `gap` and at dot leaders."""
    segments: list[list[Word]] = []
    ends_segment = True
    previous: Word | None = None
    for word in words:
        word, leader = _strip_leader(word)
        if word is None:
            ends_segment = True
            continue
        if ends_segment or previous is None or word.x0 - previous.x1 > gap:
            segments.append([])
        segments[-1].append(word)
        previous, ends_segment = word, leader
    return [Segment(tuple(segment)) for segment in segments]


def _hanging_marker_joined(segments: list[Segment]) -> list[Segment]:
    """'13.' or '•' set apart from the text it numbers, on a line of nothing else, is one segment
    with it: a numbered paragraph or a bullet is not a table row."""
    if len(segments) == 2 and _MARKER.match(segments[0].text) and segments[1].text[:1].isalpha():
        return [Segment(segments[0].words + segments[1].words)]
    return segments


def _strip_leader(word: Word) -> tuple[Word | None, bool]:
    """A word without its trailing dot leader (None if it was all leader), and whether it had one."""
    match = _LEADER.search(word.text)
    if not match:
        return word, False
    kept = word.text[: match.start()].rstrip()
    if not kept:
        return None, True
    width = (word.x1 - word.x0) * len(kept) / len(word.text)
    return replace(word, text=kept, x1=word.x0 + width), True
