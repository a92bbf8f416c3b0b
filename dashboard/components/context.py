"""What every page receives from the entry file: the data, the filtered view and the shared state."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from dashboard.records.gazetteer import Gazetteer
from dashboard.records.loader import Dataset
from dashboard.views.passages import Passage
from dashboard.views.view_state import View
from dashboard.views.view_timeline import countdown_record


@dataclass(frozen=True)
class PageContext:
    dataset: Dataset
    gazetteer: Gazetteer
    frame: pd.DataFrame  # the filtered incidents
    view: View
    scale: dict[str, str]  # colour per label, over the whole dataset so filters do not repaint
    markers: dict[str, dt.date]  # labelled days on the timeline (the article's publication)
    passages: list[Passage] = field(default_factory=list)  # the article's quoted passages, in reading order
    pages: dict[str, Any] = field(default_factory=dict)  # url path -> st.Page, for links between pages
    span: tuple[dt.date, dt.date] | None = None  # first and last day of the whole dataset
    province_choices: frozenset[str] = frozenset()  # provinces the data names: what the province filter offers

    @property
    def everything(self) -> pd.DataFrame:
        return self.dataset.frame

    @property
    def selected_rows(self) -> pd.DataFrame:
        """The selected incidents, in selection order, whether or not the filters show them."""
        if not self.view.incidents:
            return self.everything.iloc[:0]
        rows = self.everything[self.everything["id"].isin(self.view.incidents)]  # a scan, not an index of every id
        order = {incident: position for position, incident in enumerate(self.view.incidents)}
        return rows.drop_duplicates("id").sort_values("id", key=lambda ids: ids.map(order)).set_index("id", drop=False)

    @functools.cached_property  # asked for several times a run; at a million rows each asking is a scan
    def countdown(self) -> pd.Series | None:
        return countdown_record(self.everything, self.dataset.meta)
