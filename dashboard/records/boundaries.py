"""Province and country polygons (Natural Earth 1:10m, see data/boundaries/PROVENANCE.md).

Pure, no Streamlit. Read once per process and shared (`province_shapes()` is cached): the polygons
are read-only. `ProvinceShapes.province_at` finds the province holding each of many points at once
(a million in a few seconds), and `distance_km` says how far a point lies from a named province.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import shapely

BOUNDARIES_DIR = Path(__file__).resolve().parents[2] / "data" / "boundaries"
PROVINCES_FILE = BOUNDARIES_DIR / "afpak_provinces.geojson"
COUNTRIES_FILE = BOUNDARIES_DIR / "region_countries.geojson"
EARTH_RADIUS_KM = 6371.0088


def read_features(path: Path) -> list[dict]:
    """The features of a GeoJSON FeatureCollection file."""
    return json.loads(path.read_text(encoding="utf-8"))["features"]


@dataclass(frozen=True)
class ProvinceShapes:
    names: tuple[str, ...]  # canonical names, as in data/gazetteer.yaml
    countries: tuple[str, ...]  # ISO3 of each
    polygons: np.ndarray  # shapely geometries, prepared, in the order of `names`

    def index_of(self, name: str) -> int | None:
        try:
            return self.names.index(name)
        except ValueError:
            return None

    def corners(self, names: object) -> tuple[list[float], list[float]]:
        """Latitudes and longitudes of the bounding-box corners of the named provinces (unknown names skipped)."""
        indices = [i for name in names if (i := self.index_of(str(name))) is not None]
        boxes = shapely.bounds(self.polygons[indices]) if indices else np.empty((0, 4))
        return [*boxes[:, 1], *boxes[:, 3]], [*boxes[:, 0], *boxes[:, 2]]

    def index_at(self, lats: object, lons: object) -> np.ndarray:
        """The index (in `names`) of the province holding each point, or -1 (sea, another country, no coordinates).

        Vectorised: each polygon tests only the points inside its bounding box. A point exactly on a
        shared border goes to the first province in file order (the boundaries are 1:10m anyway).
        """
        lat = np.asarray(lats, dtype="float64")
        lon = np.asarray(lons, dtype="float64")
        found = np.full(lat.shape, -1, dtype="int64")
        valid = np.isfinite(lat) & np.isfinite(lon)
        for index, polygon in enumerate(self.polygons):
            west, south, east, north = shapely.bounds(polygon)
            candidates = np.flatnonzero(valid & (found < 0) & (lon >= west) & (lon <= east) & (lat >= south) & (lat <= north))
            if len(candidates):
                inside = shapely.contains_xy(polygon, lon[candidates], lat[candidates])
                found[candidates[inside]] = index
        return found

    def province_at(self, lats: object, lons: object) -> np.ndarray:
        """The province name holding each point, or None (sea, another country, no coordinates)."""
        names = np.array([*self.names, None], dtype=object)
        return names[self.index_at(lats, lons)]  # -1 picks the trailing None

    def distance_km(self, names: list[str], lats: object, lons: object) -> np.ndarray:
        """Great-circle km from each point to the nearest edge of its named province (0 inside; NaN if unknown)."""
        indices = np.array([-1 if (i := self.index_of(n)) is None else i for n in names], dtype="int64")
        return self.distance_to_index_km(indices, lats, lons)

    def distance_to_index_km(self, indices: np.ndarray, lats: object, lons: object) -> np.ndarray:
        """As `distance_km`, with provinces given by their index in `names` (-1: unknown, NaN)."""
        lat = np.asarray(lats, dtype="float64")
        lon = np.asarray(lons, dtype="float64")
        result = np.full(lat.shape, np.nan)
        known = indices >= 0
        if not known.any():
            return result
        points = shapely.points(lon[known], lat[known])
        lines = shapely.shortest_line(self.polygons[indices[known]], points)  # nearest point of the polygon, to the point
        start, end = shapely.get_point(lines, 0), shapely.get_point(lines, 1)
        result[known] = haversine_km(shapely.get_y(start), shapely.get_x(start), shapely.get_y(end), shapely.get_x(end))
        return result


def haversine_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    lat1, lon1, lat2, lon2 = (np.radians(np.asarray(v, dtype="float64")) for v in (lat1, lon1, lat2, lon2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def load_province_shapes(path: Path = PROVINCES_FILE) -> ProvinceShapes:
    features = read_features(path)
    polygons = np.array([shapely.geometry.shape(f["geometry"]) for f in features], dtype=object)
    shapely.prepare(polygons)
    return ProvinceShapes(
        tuple(str(f["properties"]["name"]) for f in features),
        tuple(str(f["properties"]["country"]) for f in features),
        polygons,
    )


@cache
def province_shapes() -> ProvinceShapes:
    """The project's province polygons, read once per process."""
    return load_province_shapes()


def km_text(km: float) -> str:
    return f"{km:.0f} km" if km >= 10 or math.isnan(km) else f"{km:.1f} km"
