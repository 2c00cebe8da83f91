"""Charts drawn as inline SVG (no plotting library, nothing fetched): stacked bars of money and dots
of dates on a time line. Each chart says what it shows in its <title> and <desc>, every mark has a
tooltip, and the report sets the same figures out as a table beside it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from html import escape

# Okabe and Ito's palette (distinguishable with colour-blindness), then two more; grey is 'the rest'.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#332288", "#882255")
REST_COLOUR = "#9aa0a6"
_FONT = 'font-family="system-ui, sans-serif"'
# A decision's label beside its line, at most: what fits in the chart's left margin at 11 px.
_LABEL_CHARACTERS = 44


@dataclass(frozen=True)
class Chart:
    svg: str
    legend: list[tuple[str, str]]  # (name, colour) of each series, in stacking order


@dataclass(frozen=True)
class Series:
    name: str
    values: list[int]  # one per category, in pence


@dataclass(frozen=True)
class Sighting:
    when: date
    tooltip: str
    latest: bool  # from the latest plan that lists the decision


def compact_pounds(pence: int) -> str:
    """'£250k', '£1.5m', '£900': short enough for an axis."""
    value = pence / 100
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            return f"£{value / size:.3g}{suffix}"
    return f"£{value:,.0f}"


def nice_step(largest: float, ticks: int = 4) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that divides 0..largest into about `ticks` parts."""
    if largest <= 0:
        return 1.0
    raw = largest / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(power * factor for factor in (1, 2, 2.5, 5, 10) if power * factor >= raw)


def stacked_bars(chart_id: str, title: str, categories: list[str], series: list[Series],
                 most_series: int = len(PALETTE)) -> Chart:
    """One bar per category, stacked by series (largest series at the bottom); series beyond
    `most_series` are added together as 'the rest'."""
    ranked = sorted(series, key=lambda entry: -sum(entry.values))
    folded = len(ranked) > most_series
    if folded:
        rest = ranked[most_series - 1:]
        ranked = ranked[:most_series - 1] + [
            Series(f"{len(rest)} other partners",
                   [sum(entry.values[index] for entry in rest) for index in range(len(categories))])]
    colours = [PALETTE[index % len(PALETTE)] for index in range(len(ranked))]
    if folded:
        colours[-1] = REST_COLOUR
    totals = [sum(entry.values[index] for entry in ranked) for index in range(len(categories))]
    step = nice_step(max(totals, default=0))
    top = step * math.ceil(max(max(totals, default=0), 1) / step)
    left, right, upper, lower = 64, 12, 24, 34
    width = max(320, left + right + 88 * len(categories))
    height = 260
    plot_height = height - upper - lower
    slot = (width - left - right) / max(len(categories), 1)
    bar = min(56.0, slot * 0.6)

    def y(value: float) -> float:
        return upper + plot_height * (1 - value / top)

    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
             f'aria-labelledby="{chart_id}-title {chart_id}-desc" {_FONT} font-size="11">',
             f'<title id="{chart_id}-title">{escape(title)}</title>',
             f'<desc id="{chart_id}-desc">{escape(_described(categories, totals, ranked))}</desc>']
    tick = 0.0
    while tick <= top + step / 2:
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
                     f'stroke="#e3e5e8"/>')
        parts.append(f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" fill="#555">'
                     f'{escape(compact_pounds(int(tick)))}</text>')
        tick += step
    for index, category in enumerate(categories):
        x = left + slot * index + (slot - bar) / 2
        base = 0
        for entry, colour in zip(ranked, colours, strict=True):
            value = entry.values[index]
            if value <= 0:
                continue
            share = f" ({100 * value / totals[index]:.1f}%)" if totals[index] else ""
            parts.append(f'<rect x="{x:.1f}" y="{y(base + value):.1f}" width="{bar:.1f}" '
                         f'height="{max(y(base) - y(base + value), 0.5):.1f}" fill="{colour}">'
                         f'<title>{escape(f"{entry.name}, {category}: {compact_pounds(value)}{share}")}</title></rect>')
            base += value
        parts.append(f'<text x="{x + bar / 2:.1f}" y="{y(totals[index]) - 5:.1f}" text-anchor="middle" '
                     f'font-weight="600">{escape(compact_pounds(totals[index]))}</text>')
        parts.append(f'<text x="{x + bar / 2:.1f}" y="{height - lower + 16}" text-anchor="middle">'
                     f'{escape(category)}</text>')
    parts.append("</svg>")
    return Chart("".join(parts), [(entry.name, colour) for entry, colour in zip(ranked, colours, strict=True)])


def _described(categories: list[str], totals: list[int], ranked: list[Series]) -> str:
    bars = "; ".join(f"{category}: {compact_pounds(total)}" for category, total in zip(categories, totals, strict=True))
    return f"Stacked bars of {len(ranked)} partners' contributions by period. Totals: {bars}."


def date_dots(chart_id: str, title: str, rows: list[tuple[str, list[Sighting]]]) -> Chart:
    """One line per row (a decision): a dot at each date a plan gave for it, joined from the earliest
    to the latest; the line is red where the date moved later."""
    every = [sighting.when for _, sightings in rows for sighting in sightings]
    first = date(min(every).year, min(every).month, 1)
    last_month = max(every)
    last = date(last_month.year + (last_month.month == 12), last_month.month % 12 + 1, 1)
    left, right, upper, row_height = 290, 16, 30, 24
    width = 900
    height = upper + row_height * len(rows) + 10
    span = max((last - first).days, 1)

    def x(when: date) -> float:
        return left + (width - left - right) * (when - first).days / span

    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
             f'aria-labelledby="{chart_id}-title {chart_id}-desc" {_FONT} font-size="11">',
             f'<title id="{chart_id}-title">{escape(title)}</title>',
             f'<desc id="{chart_id}-desc">{escape(_dates_described(rows))}</desc>']
    month = first
    while month <= last:
        parts.append(f'<line x1="{x(month):.1f}" x2="{x(month):.1f}" y1="{upper - 8}" y2="{height - 6}" '
                     f'stroke="#e3e5e8"/>')
        if month < last:
            parts.append(f'<text x="{x(month) + 3:.1f}" y="{upper - 12}" fill="#555">{month:%b %Y}</text>')
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    for index, (label, sightings) in enumerate(rows):
        middle = upper + row_height * index + row_height / 2
        shown = label if len(label) <= _LABEL_CHARACTERS else label[:_LABEL_CHARACTERS - 2].rstrip() + "…"
        parts.append(f'<text x="{left - 10}" y="{middle + 4:.1f}" text-anchor="end"><title>{escape(label)}</title>'
                     f'{escape(shown)}</text>')
        dates = [sighting.when for sighting in sightings]
        moved = max(dates) > min(dates)
        parts.append(f'<line x1="{x(min(dates)):.1f}" x2="{x(max(dates)):.1f}" y1="{middle:.1f}" y2="{middle:.1f}" '
                     f'stroke="{"#c62828" if moved else "#9aa0a6"}" stroke-width="{3 if moved else 2}"/>')
        for sighting in sightings:
            fill = "#0072B2" if sighting.latest else "#fff"
            parts.append(f'<circle cx="{x(sighting.when):.1f}" cy="{middle:.1f}" r="5" fill="{fill}" '
                         f'stroke="#0072B2" stroke-width="2"><title>{escape(sighting.tooltip)}</title></circle>')
    parts.append("</svg>")
    return Chart("".join(parts), [("date in the latest plan", "#0072B2"), ("date in an earlier plan", "#fff"),
                                  ("date moved later", "#c62828")])


def _dates_described(rows: list[tuple[str, list[Sighting]]]) -> str:
    moved = sum(1 for _, sightings in rows if len({s.when for s in sightings}) > 1)
    return f"Planned dates of {len(rows)} decisions across the forward plans that list them; {moved} moved."
