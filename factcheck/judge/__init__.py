"""Verdicts: claims compared with the claims database."""

from factcheck.judge.builtin_rules import BUILTIN_RULES, BuiltinRule
from factcheck.judge.judge import Judge, JudgeOptions

__all__ = ["BUILTIN_RULES", "BuiltinRule", "Judge", "JudgeOptions"]
