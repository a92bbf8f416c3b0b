"""Where the map looks and how it cuts the region: the fitted view, group cells, the bounds Leaflet reports.

Pure arithmetic on latitudes and longitudes (Web Mercator); no folium, no Streamlit.
"""

from __future__ import annotations

import math

import pandas as pd

from dashboard.views.shared_frames import kept_with_frame

from ..casualties import add_up

REGION_CENTER = (33.0, 68.5)  # between Kabul and Islamabad: both countries in view
REGION_ZOOM = 5
MAX_FIT_ZOOM = 9  # one incident: show its surroundings, not a street
MIN_CELL_PX = 24  # a disc's width, at least, with a short count on it


def fit_view(lats: pd.Series, lons: pd.Series, width: int = 900, height: int = 480) -> tuple[tuple[float, float], int]:
    """Centre and the largest whole zoom that shows every point (Web Mercator), with a margin.

    st_folium takes a centre and a zoom, not bounds, so the fit is computed here.
    """
    lats, lons = lats.dropna().astype(float), lons.dropna().astype(float)
    if lats.empty:
        return REGION_CENTER, REGION_ZOOM

    def mercator_y(lat: float) -> float:
        lat = max(min(lat, 85.0), -85.0)
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    north, south, east, west = lats.max(), lats.min(), lons.max(), lons.min()
    center = ((north + south) / 2, (east + west) / 2)
    # At zoom z the world is 256 * 2**z pixels wide; leave a quarter of the frame as margin.
    usable_w, usable_h = width * 0.75, height * 0.75
    x_span = (east - west) / 360
    y_span = (mercator_y(north) - mercator_y(south)) / (2 * math.pi)
    zooms = [MAX_FIT_ZOOM]
    if x_span > 0:
        zooms.append(math.floor(math.log2(usable_w / (256 * x_span))))
    if y_span > 0:
        zooms.append(math.floor(math.log2(usable_h / (256 * y_span))))
    return (round(center[0], 4), round(center[1], 4)), max(2, min(zooms))


# Above this many located incidents the map draws groups, not markers: Leaflet and the browser
def degrees_to_pixels(degrees: float, zoom: int) -> float:
    """Screen pixels spanned by `degrees` of longitude at a Web Mercator zoom level."""
    return degrees * 256 * 2**zoom / 360


def grid_cell_size(lats: pd.Series, lons: pd.Series, target: int = 400, zoom: int | None = None) -> float:
    """Degrees per cell so that the incidents' extent splits into about `target` cells (a 'nice' size),
    and, at a known zoom, cells at least MIN_CELL_PX wide on screen, so their discs do not pile up."""
    span = max(float(lats.max() - lats.min()), float(lons.max() - lons.min()), 0.01)
    raw = span / math.sqrt(target)
    if zoom is not None:
        raw = max(raw, MIN_CELL_PX / degrees_to_pixels(1, zoom))
    for nice in (0.05, 0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0):
        if raw <= nice:
            return nice
    return 20.0


@kept_with_frame  # a scan at a million rows: once per shared frame
def grid_groups(frame: pd.DataFrame, cell: float) -> pd.DataFrame:
    """Located incidents binned in square cells: the mean point and the killed range added up (see add_up)."""
    located = frame.loc[frame["lat"].notna() & frame["lon"].notna(), ["lat", "lon", "killed_min", "killed_max"]]
    lats, lons = located["lat"].astype(float), located["lon"].astype(float)
    cells = pd.DataFrame({"row": (lats // cell).astype(int), "col": (lons // cell).astype(int), "lat": lats, "lon": lons})
    groups = add_up(cells, ["row", "col"], located["killed_min"], located["killed_max"], lat=("lat", "mean"), lon=("lon", "mean"))
    return groups.reset_index(drop=True)


Bounds = tuple[float, float, float, float]  # south, west, north, east


def bounds_from_leaflet(value: object) -> Bounds | None:
    """streamlit-folium's returned `bounds` ({"_southWest": {"lat", "lng"}, "_northEast": …}), or None if malformed."""
    try:
        south_west, north_east = value["_southWest"], value["_northEast"]  # type: ignore[index]
        bounds = (float(south_west["lat"]), float(south_west["lng"]), float(north_east["lat"]), float(north_east["lng"]))
    except (TypeError, KeyError, ValueError):
        return None
    return bounds if all(math.isfinite(b) for b in bounds) and bounds[0] <= bounds[2] else None
