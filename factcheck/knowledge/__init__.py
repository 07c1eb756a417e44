"""The claims database: loading, validation, compilation (one place knows the YAML layout)."""

from factcheck.knowledge.loader import PackError, Problem, bundled_pack_root, check_packs, load_pack, load_pack_cached
from factcheck.knowledge.model import Claim, Pack, Quantity, Rule, Source, Study, Value

__all__ = ["Claim", "Pack", "PackError", "Problem", "Quantity", "Rule", "Source", "Study", "Value",
           "bundled_pack_root", "check_packs", "load_pack", "load_pack_cached"]
