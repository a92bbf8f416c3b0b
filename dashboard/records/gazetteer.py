"""Provinces of Afghanistan and Pakistan, their spellings and representative points."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

DEFAULT_GAZETTEER = Path(__file__).resolve().parents[2] / "data" / "gazetteer.yaml"


@dataclass(frozen=True)
class Province:
    name: str
    country: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Gazetteer:
    provinces: dict[str, Province]  # canonical name -> province
    spellings: dict[str, str]  # lower-cased spelling -> canonical name
    country_bboxes: dict[str, tuple[float, float, float, float]]  # ISO3 -> lon/lat extent

    def canonical_province(self, name: str) -> str | None:
        """The canonical name for any known spelling, or None when the name is unknown.

        Spellings are compared loosely: case, hyphens, a parenthesised note and a trailing
        'province' do not matter ('Khyber-Pakhtunkhwa', 'Khyber Pakhtunkhwa (formerly NWFP)').
        """
        return self.spellings.get(name.strip().lower()) or self.spellings.get(loose(name))

    def in_country(self, country: str, lat: float, lon: float) -> bool:
        """Whether a point lies in the country's extent (coarse: a bounding box, not a border)."""
        west, south, east, north = self.country_bboxes[country]
        return west <= lon <= east and south <= lat <= north


def loose(name: str) -> str:
    text = re.sub(r"\([^)]*\)", " ", name.lower()).replace("-", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return text.removesuffix(" province").strip()


def load_gazetteer(path: Path = DEFAULT_GAZETTEER) -> Gazetteer:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    provinces: dict[str, Province] = {}
    spellings: dict[str, str] = {}
    for entry in raw["provinces"]:
        point = entry["point"]
        province = Province(entry["name"], entry["country"], float(point["lat"]), float(point["lon"]))
        provinces[province.name] = province
        # `parts` are units inside the province (FATA's agencies), named by some exports in its place.
        for spelling in (entry["name"], *entry.get("aliases", []), *entry.get("parts", [])):
            spellings[spelling.lower()] = province.name
            spellings.setdefault(loose(spelling), province.name)
    bboxes = {code: tuple(info["bbox"]) for code, info in raw["countries"].items()}
    return Gazetteer(provinces, spellings, bboxes)  # type: ignore[arg-type]
