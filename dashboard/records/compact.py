"""The dashboard's in-memory form of any incident table: repeated text held as categories.

Measured at a million synthetic incidents: the text columns below took about 200 MB as strings and
take a few MB as category codes, and every filter on them (`isin`) and every count per value runs on
the codes. The canonical table's types on disk and from the loaders are unchanged; only what the
app keeps in memory is compacted, once per dataset (`dashboard.sources.load_source`).
"""

from __future__ import annotations

import pandas as pd

from .schema import TEXT_COLUMNS

# Text that repeats across rows: a province, a perpetrator, a basis or note shared by an export's rows.
# Free text that is nearly unique per row (id, title, summary, quote) stays as strings.
FREE_TEXT_COLUMNS = ("id", "title", "summary", "article_quote")
REPEATED_TEXT_COLUMNS = (
    *(column for column in TEXT_COLUMNS if column not in FREE_TEXT_COLUMNS),
    "source_dataset",
    "province_basis",  # imports: "stated" or one of two "derived from coordinates" texts
)


def compact(frame: pd.DataFrame) -> pd.DataFrame:
    """The same rows and values, with each repeated text column as a categorical; other columns untouched."""
    columns = {
        column: frame[column].astype("category")
        for column in REPEATED_TEXT_COLUMNS
        if column in frame.columns and not isinstance(frame[column].dtype, pd.CategoricalDtype)
    }
    return frame.assign(**columns) if columns else frame
