"""How colours read to people: text contrast (WCAG 2) and colour-vision deficiencies (Machado et al. 2009).

Pure arithmetic on hex colours, no dependencies: the palette's test and the browser's contrast check
both use it.
"""

from __future__ import annotations

import itertools
import math

Rgb = tuple[float, float, float]

# Machado, Oliveira and Fernandes (2009), "A Physiologically-based Model for Simulation of Color Vision
# Deficiency", IEEE TVCG 15(6); the matrices for severity 1.0 (dichromacy), applied to linear RGB.
DEFICIENCIES: dict[str, tuple[Rgb, Rgb, Rgb]] = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def hex_to_rgb(color: str) -> Rgb:
    """'#rrggbb' (or '#rgb') as three values in 0..1; anything else is refused by name."""
    text = color.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    try:
        if len(text) != 6:
            raise ValueError
        return tuple(int(text[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    except ValueError:
        raise ValueError(f"not a #rrggbb colour: {color!r}") from None


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    red, green, blue = (_linear(c) for c in hex_to_rgb(color))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(foreground: str, background: str = "#ffffff") -> float:
    """WCAG 2 contrast ratio, 1 to 21; body text needs 4.5."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _to_lab(linear: Rgb) -> Rgb:
    """Linear sRGB to CIELAB (D65 white)."""
    red, green, blue = linear
    xyz = (
        (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047,
        (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 1.0,
        (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883,
    )
    f = [t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29 for t in xyz]
    return (116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2]))


def simulate(color: str, deficiency: str | None) -> Rgb:
    """The colour as CIELAB, as seen with `deficiency` (a key of DEFICIENCIES) or with typical vision (None)."""
    linear = tuple(_linear(c) for c in hex_to_rgb(color))
    if deficiency is not None:
        matrix = DEFICIENCIES[deficiency]
        linear = tuple(min(max(sum(m * c for m, c in zip(row, linear, strict=True)), 0.0), 1.0) for row in matrix)
    return _to_lab(linear)  # type: ignore[arg-type]


def delta_e(first: Rgb, second: Rgb) -> float:
    """CIE76 colour difference between two CIELAB colours (about 2.3 is just noticeable)."""
    return math.dist(first, second)


def closest_pair(colors: list[str], deficiency: str | None) -> tuple[float, str, str]:
    """The smallest difference between any two of `colors` as seen with `deficiency`, and that pair."""
    seen = {c: simulate(c, deficiency) for c in colors}
    return min((delta_e(seen[a], seen[b]), a, b) for a, b in itertools.combinations(colors, 2))
