"""Labels along one line (a chart's axis): each at its cell, those of lower rank first, none
touching another, none cut at the edge."""

from __future__ import annotations

from typing import NamedTuple

GAP = 1
"""Blank cells kept between two labels."""


class AxisLabel(NamedTuple):
    x: int
    text: str
    rank: int
    """0 places first; a label that would touch a placed one is left out."""


def place_labels(labels: list[AxisLabel], width: int) -> str:
    """One line of `width` cells with as many labels as fit, by rank then from the left."""
    line = [" "] * width
    taken: list[tuple[int, int]] = []
    for label in sorted(labels, key=lambda label: (label.rank, label.x)):
        start, end = label.x, label.x + len(label.text)
        if start < 0 or end > width:
            continue
        if any(start < other_end + GAP and other_start < end + GAP
               for other_start, other_end in taken):
            continue
        taken.append((start, end))
        line[start:end] = label.text
    return "".join(line)
