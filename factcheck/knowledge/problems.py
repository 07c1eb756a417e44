"""What pack validation reports: one Problem per finding, and the error `lint` stops on.

Kept apart from the loading code so that the `db` command, the self-test and the cross-entry
checks can name a Problem without importing the loader.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Problem:
    file: str
    line: int
    level: str  # "error" | "warning"
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.level}: {self.message}"


class PackError(Exception):
    """The claims database cannot be used; carries every error found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = problems[0]
        more = f" (and {len(problems) - 1} more; run `factcheck db check`)" if len(problems) > 1 else ""
        super().__init__(f"claims database: {first.file}:{first.line}: {first.message}{more}")
