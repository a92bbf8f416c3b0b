"""A data problem that names where it is: file, record, line and field."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    record: str | None = None  # the record's id, or its position when it has none
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.record is not None:
            where.append(f"record {self.record}" + (f" (line {self.line})" if self.line else ""))
        elif self.line:
            where.append(f"line {self.line}")
        if self.field:
            where.append(f"field '{self.field}'")
        return ": ".join([", ".join(where), self.message])


class DataError(Exception):
    """Raised when a dataset has problems; carries all of them, never just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the data:\n" + "\n".join(map(str, problems)))


def problem_listing(problems: list[Problem], limit: int, path: str) -> str:
    """The first `limit` problems, one a line, then how many more and where to see them all."""
    lines = [str(problem) for problem in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"... and {len(problems) - limit} more: python -m dashboard validate {path} lists them all")
    return "\n".join(lines)


def problems_by_field(problems: list[Problem]) -> str:
    """How many problems each field has, most first: 'killed_min: 5,000; kind: 12'."""
    counts: dict[str, int] = {}
    for problem in problems:
        counts[problem.field or "the file"] = counts.get(problem.field or "the file", 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    return "Problems by field: " + "; ".join(f"{field}: {count:,}" for field, count in ranked)
