"""What the editor surfaces (`factcheck serve`, `factcheck lsp`) share: a long-lived checker that
loads the configuration, pack and pipeline once, and the small helpers both need (rewrites,
suppression comments, Markdown export). Only the Linter API and the report models are used, so
the engine's internals can change underneath."""

from factcheck.editor.checker import Checker, CheckerError
from factcheck.editor.rewrite import apply_rewrite, rewrite_for

__all__ = ["Checker", "CheckerError", "apply_rewrite", "rewrite_for"]
