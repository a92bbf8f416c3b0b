"""Field-by-field checks of raw records. Each check adds Problems; none stops at the first."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from .article import Article
from .gazetteer import Gazetteer
from .problems import Problem
from .schema import (
    CATEGORY_COLUMNS,
    COUNT_COLUMNS,
    REQUIRED_FIELDS,
    REQUIRED_FOR_VIOLENCE,
    SOURCE_FIELDS,
)
from .source_rules import check_reports, check_sources, check_suicide_attackers

Record = dict[str, Any]


def is_blank(value: Any) -> bool:
    """None, or a string of only whitespace: a field left empty."""
    return value is None or (isinstance(value, str) and not value.strip())


def parse_date(value: Any) -> dt.date | None:
    """A date from YAML (already a date) or an ISO string; None when it does not parse."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _count(value: Any) -> int | None | str:
    """A non-negative whole number, None for blank, or the string 'bad'."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return "bad"
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return "bad"


def _number(value: Any) -> float | None | str:
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return "bad"
    try:
        return float(value)
    except (TypeError, ValueError):
        return "bad"


class RecordChecker:
    """Checks one dataset's records against the schema, the gazetteer and the article."""

    def __init__(self, file: str, gazetteer: Gazetteer, article: Article | None):
        self.file = file
        self.gazetteer = gazetteer
        self.article = article
        self.problems: list[Problem] = []

    def check_all(self, records: list[Any], lines: list[int | None]) -> list[Problem]:
        ids = Counter(str(r.get("id")) for r in records if isinstance(r, dict) and not is_blank(r.get("id")))
        for position, (record, line) in enumerate(zip(records, lines, strict=False), start=1):
            label = f"#{position}"
            if not isinstance(record, dict):
                self.problems.append(
                    Problem(self.file, f"expected a mapping of fields, got {type(record).__name__}", label, line)
                )
                continue
            if not is_blank(record.get("id")):
                label = f"'{record['id']}'"
                if ids[str(record["id"])] > 1:
                    self._add(label, line, "id", f"duplicate id '{record['id']}': ids must be unique")
            self._check_record(record, label, line)
        return self.problems

    def _add(self, record: str, line: int | None, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, message, record, line, field))

    def _check_record(self, r: Record, label: str, line: int | None) -> None:
        for field in REQUIRED_FIELDS:
            if is_blank(r.get(field)):
                self._add(label, line, field, "missing: this field is required")
        if r.get("kind") in ("attack", "strike"):
            for field in REQUIRED_FOR_VIOLENCE:
                if is_blank(r.get(field)):
                    self._add(label, line, field, f"missing: required for a record of kind '{r['kind']}'")
        for field, allowed in CATEGORY_COLUMNS.items():
            value = r.get(field)
            if not is_blank(value) and value not in allowed:
                self._add(label, line, field, f"'{value}' is not one of: {', '.join(allowed)}")
        self._check_dates(r, label, line)
        self._check_place(r, label, line)
        self._check_counts(r, label, line)
        self._check_provenance(r, label, line)
        for rule in (check_sources, check_suicide_attackers, check_reports):
            rule(r, lambda field, message: self._add(label, line, field, message))

    def _check_dates(self, r: Record, label: str, line: int | None) -> None:
        parsed = {}
        for field in ("date_start", "date_end"):
            if is_blank(r.get(field)):
                continue
            parsed[field] = parse_date(r[field])
            if parsed[field] is None:
                self._add(label, line, field, f"'{r[field]}' is not a date; expected YYYY-MM-DD")
        start, end = parsed.get("date_start"), parsed.get("date_end")
        if start and end and end < start:
            self._add(label, line, "date_end", f"{end} is before date_start {start}")

    def _check_place(self, r: Record, label: str, line: int | None) -> None:
        country = r.get("country")
        if not is_blank(country) and country not in self.gazetteer.country_bboxes:
            known = ", ".join(sorted(self.gazetteer.country_bboxes))
            self._add(label, line, "country", f"'{country}' is not a known ISO 3166 alpha-3 code ({known})")
            country = None
        province = r.get("province")
        if not is_blank(province):
            canonical = self.gazetteer.canonical_province(str(province))
            if canonical is None:
                self._add(label, line, "province", f"'{province}' is not in the gazetteer (data/gazetteer.yaml)")
            elif country and self.gazetteer.provinces[canonical].country != country:
                self._add(
                    label, line, "province", f"'{province}' is in {self.gazetteer.provinces[canonical].country}, not {country}"
                )
        elif r.get("location_precision") in ("province", "district", "city", "site"):
            self._add(label, line, "province", f"missing: required when location_precision is '{r['location_precision']}'")
        lat, lon = _number(r.get("lat")), _number(r.get("lon"))
        for field, value, limit in (("lat", lat, 90), ("lon", lon, 180)):
            if value == "bad":
                self._add(label, line, field, f"'{r.get(field)}' is not a number")
            elif value is not None and not -limit <= value <= limit:
                self._add(label, line, field, f"{value} is outside -{limit}..{limit}")
        if (lat is None) != (lon is None):
            self._add(label, line, "lat" if lat is None else "lon", "lat and lon go together: give both or neither")
        elif lat is None and r.get("location_precision") not in (None, "country"):
            self._add(label, line, "lat", "missing: coordinates are required unless location_precision is 'country'")
        coordinates_ok = isinstance(lat, float) and isinstance(lon, float) and abs(lat) <= 90 and abs(lon) <= 180
        if coordinates_ok and country and not self.gazetteer.in_country(country, lat, lon):
            self._add(label, line, "lat", f"({lat}, {lon}) lies outside {country}")

    def _check_counts(self, r: Record, label: str, line: int | None) -> None:
        counts = {}
        for field in COUNT_COLUMNS:
            counts[field] = _count(r.get(field))
            if counts[field] == "bad":
                self._add(label, line, field, f"'{r.get(field)}' is not a whole number >= 0 (leave it empty when not stated)")
        for stem in ("killed", "injured", "attackers_killed"):
            low, high = counts[f"{stem}_min"], counts[f"{stem}_max"]
            if isinstance(low, int) and isinstance(high, int) and low > high:
                self._add(label, line, f"{stem}_min", f"{low} is greater than {stem}_max {high}")
            if low is None and isinstance(high, int):
                self._add(label, line, f"{stem}_min", f"missing while {stem}_max is {high}: give the lowest figure reported")

    def _check_provenance(self, r: Record, label: str, line: int | None) -> None:
        quote, paragraph = r.get("article_quote"), r.get("article_paragraph")
        if not is_blank(paragraph) and (isinstance(paragraph, bool) or not isinstance(paragraph, int) or paragraph < 1):
            self._add(label, line, "article_paragraph", f"'{paragraph}' is not a paragraph number (1, 2, ...)")
            paragraph = None
        if not is_blank(quote):
            if self.article is None:
                self._add(
                    label, line, "article_quote", "the dataset names no article (dataset.article.file) to check the quote against"
                )
            elif (furniture := self.article.furniture_quoted(str(quote))) is not None:
                self._add(
                    label,
                    line,
                    "article_quote",
                    f"quotes page furniture ({furniture.label}, line {furniture.line} of the article), not the article's text",
                )
            elif not self.article.contains(str(quote), paragraph or None):
                where = f"paragraph {paragraph} of the article" if paragraph else "the article"
                self._add(label, line, "article_quote", f"not found verbatim in {where}: '{str(quote)[:60]}...'")
        sources = r.get("sources", [])
        if sources is None:
            sources = []
        if not isinstance(sources, list):
            self._add(label, line, "sources", "expected a list of sources")
            return
        for n, source in enumerate(sources, start=1):
            if not isinstance(source, dict):
                self._add(label, line, f"sources[{n}]", "expected a mapping with publisher, url and supports")
                continue
            for field in SOURCE_FIELDS:
                if is_blank(source.get(field)):
                    self._add(label, line, f"sources[{n}].{field}", "missing")
            url = source.get("url")
            if not is_blank(url) and not str(url).startswith(("http://", "https://")):
                self._add(label, line, f"sources[{n}].url", f"'{url}' is not an http(s) URL")
