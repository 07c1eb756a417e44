"""factcheck: a fact-checking linter for published content."""

__version__ = "0.1.0"

# The distribution (package index) name. The command and the import name stay `factcheck`; the
# name `factcheck` on PyPI belongs to an unrelated project.
DISTRIBUTION = "factcheck-lint"
