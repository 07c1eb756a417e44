"""The pack's YAML layout as data: allowed values and the keys each kind of entry may carry.

One table for the readers of every entry kind, and for docs_gen (which checks that the rule
keys are all documented). docs/claims-database.md describes the same layout in prose.
"""

from __future__ import annotations

from factcheck.knowledge.rule_slots import SPEC_KEYS

SOURCE_KINDS = ("regulator", "peer-reviewed", "press-release", "news", "registry", "report", "law-firm", "other")
RULE_VERDICTS = ("outdated", "contradicted", "retracted")
UNITS = ("percent", "count", "mg", "mg/kg", "hours", "minutes", "weeks", "months", "sessions", "ratio", "d", "points")
STATUSES = ("active", "retracted")
SCOPES = ("sentence", "paragraph", "nearby", "document")

SOURCE_KEYS = {"id", "kind", "title", "publisher", "published", "url", "doi", "authors", "status",
               "retracted_on", "notice", "accessed", "note", "evidence"}
CLAIM_KEYS = {"id", "kind", "fact", "valid_from", "valid_until", "announced_on", "verified_on", "review_by", "sources",
              "values", "corrects", "notes", "note"}
RULE_KEYS = SPEC_KEYS | {"id", "verdict", "since", "severity", "summary", "message", "suggestion", "patterns", "frame",
             "unless", "context", "context_scope", "negatable", "examples", "kind", "note", "covers"}
FRAME_KEYS = {"event", "stance", "subject", "near", "subject_scope"}
STUDY_KEYS = {"id", "title", "aliases", "citation", "journal", "published", "design", "phase", "indication",
              "n", "registry", "doi", "status", "retracted_on", "notice", "sources", "verified_on", "review_by",
              "values", "note", "notes", "authors", "year"}
VALUE_KEYS = {"quantity", "value", "min", "max", "unit", "arm", "study", "timepoint", "tolerance", "note", "sources"}
LEXICON_KEYS = {"topic", "macros", "quantities", "arms", "terms", "about", "neighbours", "exhaustive_units",
                "home_jurisdiction"}
TOP_KEYS = {"sources", "claims", "studies", "lexicon", "schema_version"}
MANIFEST_KEYS = {"pack", "terms", "quantities", "arms", "about", "neighbours", "macros", "topic", "schema_version"}
PACK_KEYS = {"id", "title", "version", "about", "neighbours", "description", "home_jurisdiction"}

DEFAULT_TOLERANCE = {"percent": 0.5}
