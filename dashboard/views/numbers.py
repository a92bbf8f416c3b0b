"""Counts in the space of a few characters: a disc on the map, a headline tile.

One rule for every short number, so a figure reads the same on the map and in the headline. The
exact figure always goes beside it (the disc's tooltip, the tile's help text, the headline sentence).
"""

from __future__ import annotations

# Above a thousand, the largest unit that keeps the figure under 1,000 of it.
_UNITS = ((1_000, "k"), (1_000_000, "M"), (1_000_000_000, "bn"))


def short_number(value: int) -> str:
    """'950', '2.1k', '17k', '170k', '1.2M', '12M': exact below 1,000, then thousands, millions or
    billions to the nearest tenth below 10 of the unit and the nearest whole one above (at most four
    characters up to the millions). Refuses a negative count with a ValueError naming it."""
    count = int(value)
    if count < 0:
        raise ValueError(f"short_number shortens counts, which are never negative; got {value!r}")
    if count < 1000:
        return str(count)
    text = str(count)
    for size, unit in _UNITS:
        scaled = count / size
        text = f"{scaled:.1f}" if scaled < 9.95 else f"{scaled:.0f}"
        if float(text) < 1000:  # 999,600 is '1M', not '1000k'
            return text.removesuffix(".0") + unit
    return text.removesuffix(".0") + _UNITS[-1][1]
