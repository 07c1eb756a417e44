"""The claims database: loading, validation, compilation (one place knows the YAML layout)."""

from factcheck.knowledge.loader import bundled_pack_root, check_packs, load_pack, load_pack_cached
from factcheck.knowledge.model import Claim, Pack, Quantity, Rule, Source, Study, Value
from factcheck.knowledge.problems import PackError, Problem

__all__ = ["Claim", "Pack", "PackError", "Problem", "Quantity", "Rule", "Source", "Study", "Value",
           "bundled_pack_root", "check_packs", "load_pack", "load_pack_cached"]
