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
