"""factcheck: a fact-checking linter for published content."""

__version__ = "0.1.0"
