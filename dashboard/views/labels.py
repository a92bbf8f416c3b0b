"""Plain words for the codes the data uses: one table, read by the filters, legend, popups, table, detail and snapshot.

The records keep their codes (`complex_attack`, `ngo`, `AFG`): links and exports stay stable. A reader
sees words. A code with no entry here is shown with its underscores as spaces, first letter capital.
"""

from __future__ import annotations

import functools

import pandas as pd
import pycountry

NOT_STATED = "Not stated"

# column -> code -> words; only codes whose words are not just the code de-underscored need an entry.
WORDS: dict[str, dict[str, str]] = {
    "kind": {"attack": "Attack", "strike": "Air strikes", "context": "Context event"},
    "attack_type": {
        "complex_attack": "Complex attack",
        "armed_assault": "Gun attack",
        "air_strike": "Air strike",
        "armed_clash": "Armed clash",
        "shelling": "Shelling",
        "abduction": "Abduction",
        "unknown": "Unknown",
    },
    "target_type": {
        "private_citizens": "Private citizens",
        "ngo": "NGO",
        "election": "Election",
        "militants": "Militants",
        "unknown": "Unknown",
    },
    "date_precision": {
        "day": "exact day",
        "week": "known to the week",
        "month": "known to the month",
        "year": "known to the year",
        "approximate": "approximate",
    },
    "location_precision": {
        "site": "exact site",
        "city": "city point",
        "district": "district only",
        "province": "province only",
        "country": "whole country",
    },
    "source_dataset": {"curated": "This article's incidents"},
}
# Columns whose values are names already (provinces, perpetrators): shown as they are.
NAMES = frozenset({"province", "perpetrator", "claimed_by", "actor", "place", "site", "title"})


@functools.lru_cache(maxsize=512)
def country_name(code: object) -> str:
    """'AFG' -> 'Afghanistan' (ISO 3166); an unknown code is shown as it is."""
    if code is None or pd.isna(code):
        return NOT_STATED
    found = pycountry.countries.get(alpha_3=str(code).upper()) if len(str(code)) == 3 else None
    if found is None:
        return str(code)
    return str(getattr(found, "common_name", None) or found.name)


def label(column: str, value: object) -> str:
    """The words a reader sees for `value` in `column`; missing values read 'Not stated'."""
    if value is None or (not isinstance(value, list | tuple | dict) and pd.isna(value)):
        return NOT_STATED
    text = str(value)
    if text.lower() == "not stated":  # the colour legend's own missing label
        return NOT_STATED
    if column == "country":
        return country_name(text)
    if column in NAMES:
        return text
    words = WORDS.get(column, {}).get(text)
    if words is not None:
        return words
    spaced = text.replace("_", " ")
    return spaced[:1].upper() + spaced[1:] if column in WORDS else text


def labels_for(column: str, values: pd.Series) -> pd.Series:
    """`label` over a column, computed once per distinct value (a million rows hold a few hundred codes)."""
    distinct = {value: label(column, value) for value in values.dropna().unique()}
    return values.map(distinct).astype(object).where(values.notna(), NOT_STATED)


def place_words(row: pd.Series, parts: tuple[str, ...] = ("site", "place", "province", "country")) -> str:
    """'Kart-e-Char, Kabul, Afghanistan': the named parts present, a name said once, the country in words."""
    names: list[str] = []
    for column in parts:
        value = row.get(column)
        if value is None or pd.isna(value):
            continue
        name = country_name(value) if column == "country" else str(value)
        if name not in names:
            names.append(name)
    return ", ".join(names) or NOT_STATED


def precision_words(row: pd.Series) -> tuple[str, str]:
    """How exact the date and the place are, in words ('exact day', 'district only')."""
    return label("date_precision", row.get("date_precision")), label("location_precision", row.get("location_precision"))


WORDED_COLUMNS = ("kind", "country", "attack_type", "target_type", "date_precision", "location_precision", "source_dataset")
NAMED_COLUMNS = ("province", "place", "perpetrator", "claimed_by")


def worded_table(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy for a reader's table: codes in words, and 'Not stated' where a name is missing (not 'None')."""
    table = frame.copy()
    for column in (*WORDED_COLUMNS, *NAMED_COLUMNS):
        if column in table.columns:
            table[column] = labels_for(column, table[column])
    return table
