"""Read a dataset file into a validated pandas DataFrame, or raise DataError with every problem."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .article import Article, load_article
from .gazetteer import DEFAULT_GAZETTEER, Gazetteer, load_gazetteer
from .grading import GRADES, NOT_GRADED, grade_record
from .left_out import check_left_out
from .problems import DataError, Problem
from .schema import CATEGORY_COLUMNS, COLUMNS, COUNT_COLUMNS, DATE_COLUMNS, FLOAT_COLUMNS, TEXT_COLUMNS
from .validation import RecordChecker, is_blank, parse_date

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DEFAULT_DATASET = DATA_DIR / "incidents.yaml"
DATA_ENV = "DASHBOARD_DATA"


@dataclass(frozen=True)
class Dataset:
    frame: pd.DataFrame
    path: Path
    meta: dict[str, Any] = field(default_factory=dict)  # the file's `dataset:` block
    article: Article | None = None


def dataset_path(explicit: str | Path | None = None) -> Path:
    """The path given, else $DASHBOARD_DATA, else the curated file."""
    chosen = explicit or os.environ.get(DATA_ENV) or DEFAULT_DATASET
    return Path(chosen)


def _read_yaml(path: Path) -> tuple[Any, Any]:
    """The parsed document and its node tree (for line numbers); DataError on unreadable files."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(str(path), "file not found")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError([Problem(str(path), f"cannot be read as UTF-8 text: {exc}")]) from None
    try:
        return yaml.safe_load(text), yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(exc, "problem", None) or str(exc)
        raise DataError([Problem(str(path), f"not valid YAML: {reason}", line=line)]) from None


def _record_lines(tree: Any) -> list[int | None]:
    for key, value in getattr(tree, "value", []):
        if getattr(key, "value", None) == "incidents" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def load_dataset(path: str | Path | None = None, gazetteer_path: Path = DEFAULT_GAZETTEER) -> Dataset:
    """Load and validate a dataset. Raises DataError naming file, record, line and field of every problem."""
    path = dataset_path(path)
    document, tree = _read_yaml(path)
    if not isinstance(document, dict) or not isinstance(document.get("incidents"), list):
        raise DataError([Problem(str(path), "expected a top-level mapping with an 'incidents:' list of records")])
    meta = document.get("dataset") or {}
    problems: list[Problem] = []
    article = _load_article(path, meta, problems)
    records = document["incidents"]
    lines = _record_lines(tree) or [None] * len(records)
    gazetteer = load_gazetteer(gazetteer_path)
    problems += RecordChecker(str(path), gazetteer, article).check_all(records, lines)
    problems += _check_countdown(path, meta, records)
    problems += check_left_out(meta, article, str(path))
    if problems:
        raise DataError(problems)
    frame = build_frame(records, gazetteer)
    frame["source_dataset"] = pd.array(["curated"] * len(frame), dtype="string")  # beside imports, says which is which
    add_grades(frame, records, _article_outlet(meta))
    return Dataset(frame, path, meta, article)


def _load_article(path: Path, meta: Any, problems: list[Problem]) -> Article | None:
    described = (meta.get("article") or {}) if isinstance(meta, dict) else {}
    name = described.get("file") if isinstance(described, dict) else None
    if not name:
        return None
    article_path = path.parent / str(name)
    try:
        article, furniture_problems = load_article(article_path, described.get("furniture"), str(path))
        problems += furniture_problems
        return article
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(
            Problem(str(path), f"the article file '{article_path}' cannot be read: {exc}", field="dataset.article.file")
        )
        return None


def _article_outlet(meta: Any) -> str | None:
    article = meta.get("article") if isinstance(meta, dict) else None
    return str(article.get("outlet")) if isinstance(article, dict) and article.get("outlet") else None


def add_grades(frame: pd.DataFrame, records: list[dict[str, Any]], article_outlet: str | None) -> None:
    """The `grade` and `grade_detail` columns, computed from each record's sources (never typed in)."""
    grades = [grade_record(r, article_outlet) for r in records]
    frame["grade"] = pd.Categorical([g.grade for g in grades], categories=[*GRADES, NOT_GRADED])
    frame["grade_detail"] = pd.array([g.detail or None for g in grades], dtype="string")


def _check_countdown(path: Path, meta: Any, records: list[Any]) -> list[Problem]:
    """`dataset.countdown_to` must name a record, so the headline never counts down to nothing."""
    wanted = meta.get("countdown_to") if isinstance(meta, dict) else None
    ids = {r.get("id") for r in records if isinstance(r, dict)}
    if wanted is None or wanted in ids:
        return []
    return [Problem(str(path), f"countdown_to names {wanted!r}, which is not a record id", field="dataset.countdown_to")]


def build_frame(records: list[dict[str, Any]], gazetteer: Gazetteer) -> pd.DataFrame:
    """The canonical table from validated records: typed columns in the documented order."""

    def values(column: str) -> list[Any]:
        return [None if is_blank(r.get(column)) else r.get(column) for r in records]

    frame = pd.DataFrame(index=range(len(records)))
    for column in COLUMNS:
        if column in DATE_COLUMNS:
            frame[column] = pd.to_datetime([parse_date(v) for v in values(column)])
        elif column in COUNT_COLUMNS or column == "article_paragraph":
            frame[column] = pd.array([None if v is None else int(v) for v in values(column)], dtype="Int64")
        elif column in FLOAT_COLUMNS:
            frame[column] = pd.array([None if v is None else float(v) for v in values(column)], dtype="Float64")
        elif column in TEXT_COLUMNS:
            frame[column] = pd.array([None if v is None else str(v).strip() for v in values(column)], dtype="string")
        elif column == "sources":
            frame[column] = [list(r.get("sources") or []) for r in records]
        else:
            frame[column] = values(column)
    # Spellings become the gazetteer's canonical names, so filters see one "Kunar", not "Konar" too;
    # a name the gazetteer does not know (an imported province elsewhere) is kept as written.
    frame["province"] = (
        frame["province"].map(lambda v: (gazetteer.canonical_province(v) or v) if isinstance(v, str) else v).astype("string")
    )
    for column, allowed in CATEGORY_COLUMNS.items():
        frame[column] = pd.Categorical(frame[column], categories=list(allowed))
    return frame
