"""Ruling lines: merged into whole lines, and grouped into the ruled grids they draw.

Word and LibreOffice draw a cell border as several touching strokes, often twice side by side;
the edges of a thin filled rectangle are two lines a fraction of a point apart. So rules are
first snapped and joined into whole lines, as pdfplumber's table finder does.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..pdf import Rule, Word
from .model import BBox
from .settings import DEFAULT_SETTINGS, TableSettings

JOIN_GAP = 2.0  # points: collinear strokes this close are one line


def merge_rules(rules: Iterable[Rule], settings: TableSettings = DEFAULT_SETTINGS) -> list[Rule]:
    """Collinear strokes joined and parallel twins snapped into one line; short strokes dropped."""
    merged: list[Rule] = []
    for orientation in ("h", "v"):
        group = [rule for rule in rules if rule.orientation == orientation]
        for line in _snap(group, orientation, settings.rule_snap):
            merged.extend(_join(line, orientation))
    return [rule for rule in merged if _length(rule) >= settings.min_rule_length]


def _position(rule: Rule) -> float:
    return rule.top if rule.orientation == "h" else rule.x0


def _length(rule: Rule) -> float:
    return rule.x1 - rule.x0 if rule.orientation == "h" else rule.bottom - rule.top


def _snap(rules: list[Rule], orientation: str, tolerance: float) -> list[list[Rule]]:
    """Rules grouped by position (y of a horizontal rule, x of a vertical one), each group on one line."""
    groups: list[list[Rule]] = []
    for rule in sorted(rules, key=_position):
        if groups and _position(rule) - _position(groups[-1][-1]) <= tolerance:
            groups[-1].append(rule)
        else:
            groups.append([rule])
    snapped = []
    for group in groups:
        position = sum(_position(rule) for rule in group) / len(group)
        if orientation == "h":
            snapped.append([Rule("h", rule.x0, rule.x1, position, position) for rule in group])
        else:
            snapped.append([Rule("v", position, position, rule.top, rule.bottom) for rule in group])
    return snapped


def _join(rules: list[Rule], orientation: str) -> list[Rule]:
    """Strokes on one line joined where they touch or overlap."""
    start, end = ("x0", "x1") if orientation == "h" else ("top", "bottom")
    joined: list[Rule] = []
    for rule in sorted(rules, key=lambda r: getattr(r, start)):
        last = joined[-1] if joined else None
        if last and getattr(rule, start) <= getattr(last, end) + JOIN_GAP:
            if getattr(rule, end) > getattr(last, end):
                joined[-1] = _extended(last, getattr(rule, end), orientation)
        else:
            joined.append(rule)
    return joined


def _extended(rule: Rule, end: float, orientation: str) -> Rule:
    if orientation == "h":
        return Rule("h", rule.x0, end, rule.top, rule.bottom)
    return Rule("v", rule.x0, rule.x1, rule.top, end)


def crosses(h: Rule, v: Rule, tolerance: float = JOIN_GAP) -> bool:
    """True when a horizontal and a vertical rule meet (touch or cross)."""
    return (h.x0 - tolerance <= v.x0 <= h.x1 + tolerance) and (v.top - tolerance <= h.top <= v.bottom + tolerance)


def ruled_grids(rules: list[Rule]) -> list[BBox]:
    """Boxes of the grids the rules draw: sets of crossing rules with two or more of each direction,
    and a rule inside."""
    horizontal = [rule for rule in rules if rule.orientation == "h"]
    vertical = [rule for rule in rules if rule.orientation == "v"]
    parent = list(range(len(horizontal) + len(vertical)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical):
            if crosses(h, v):
                parent[find(i)] = find(len(horizontal) + j)
    groups: dict[int, list[Rule]] = {}
    for index, rule in enumerate(horizontal + vertical):
        groups.setdefault(find(index), []).append(rule)
    grids = []
    for group in groups.values():
        across, down = sum(r.orientation == "h" for r in group), sum(r.orientation == "v" for r in group)
        # a frame (two of each) draws no cells: a box round a page, a paragraph or a table of its own
        if across >= 2 and down >= 2 and across + down >= 5:
            grids.append((min(r.x0 for r in group), min(r.top for r in group),
                          max(r.x1 for r in group), max(r.bottom for r in group)))
    return sorted(grids, key=lambda box: (box[1], box[0]))


def cuts_through(rule: Rule, words: list[Word], margin: float = 1.0) -> bool:
    """True when a horizontal rule, drawn on across the table, would run through a word: the edge
    of a shading behind one line of a cell, not a border between rows."""
    return any(word.top + margin < rule.top < word.bottom - margin for word in words)


def inside(rule: Rule, box: BBox, margin: float = 2.0) -> bool:
    return (rule.x0 >= box[0] - margin and rule.x1 <= box[2] + margin
            and rule.top >= box[1] - margin and rule.bottom <= box[3] + margin)
