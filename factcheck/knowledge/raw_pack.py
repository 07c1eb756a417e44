"""Read one pack's YAML files into raw entries (sources, claims, studies, lexicons).

Knows the file layout: pack.yaml (manifest + vocabulary) and sources/*.yaml, claims/*.yaml with
their top-level lists. YAML errors come back as Problems with the parser's line; the digest of
the files read names the pack for caches.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from factcheck.knowledge.fields import FieldChecker
from factcheck.knowledge.packs import PackFiles
from factcheck.knowledge.problems import Problem
from factcheck.knowledge.schema import LEXICON_KEYS, MANIFEST_KEYS, PACK_KEYS, TOP_KEYS
from factcheck.knowledge.yamlload import LineDict, LineList, YamlError, load_yaml


@dataclass
class RawPack:
    """One pack's entries as read, before they are checked and compiled."""

    sources: list[LineDict]
    claims: list[LineDict]
    studies: list[LineDict]
    lexicons: list[LineDict]
    digest: str
    roots: list[str]


def read_raw_pack(pf: PackFiles, ck: FieldChecker) -> tuple[RawPack, dict[str, str]]:
    """Read one pack's files; return them raw and the manifest's `pack:` fields (title, version)."""
    raw = RawPack([], [], [], [], "", list(pf.roots))
    meta: dict[str, str] = {}
    h = hashlib.sha256(pf.id.encode())
    for path in pf.manifests:
        try:
            data = load_yaml(path)
        except YamlError as exc:
            ck.problems.append(Problem(exc.path, exc.line or 0, "error", exc.message))
            continue
        h.update(path.read_bytes())
        if not isinstance(data, LineDict):
            ck.problems.append(Problem(str(path), 1, "error", "pack.yaml must hold a mapping (pack:, terms:, ...)"))
            continue
        ck.known_keys(data, MANIFEST_KEYS, "pack.yaml: ")
        head = data.get("pack")
        if isinstance(head, LineDict):
            ck.known_keys(head, PACK_KEYS, "pack.yaml pack: ")
            for key in ("title", "version", "description"):
                if head.get(key) is not None:
                    meta[key] = str(head.get(key))
        # The manifest's vocabulary is the pack's lexicon (v2 keeps it beside `pack:`).
        lex = LineDict({k: v for k, v in data.items() if k in LEXICON_KEYS})
        lex.file, lex.line, lex.key_lines = data.file, data.line, dict(data.key_lines)
        if isinstance(head, LineDict):
            for key in ("about", "neighbours", "home_jurisdiction"):
                if key in head:
                    lex[key] = head[key]
                    lex.key_lines[key] = head.line_of(key)
        raw.lexicons.append(lex)
    for path in pf.sources + pf.claims:
        try:
            data = load_yaml(path)
        except YamlError as exc:
            ck.problems.append(Problem(exc.path, exc.line or 0, "error", exc.message))
            continue
        h.update(path.name.encode())
        h.update(path.read_bytes())
        if data is None:
            continue
        if not isinstance(data, LineDict):
            ck.problems.append(Problem(str(path), 1, "error", "the file must hold a mapping (sources:, claims:, studies:, lexicon:)"))
            continue
        ck.known_keys(data, TOP_KEYS, "")
        for key, bucket in (("sources", raw.sources), ("claims", raw.claims), ("studies", raw.studies)):
            items = data.get(key)
            if items is None:
                continue
            if not isinstance(items, LineList):
                ck.error(data, key, f"'{key}' must be a list")
                continue
            for i, item in enumerate(items):
                if not isinstance(item, LineDict):
                    ck.error(items, i, f"each entry of '{key}' must be a mapping")
                    continue
                bucket.append(item)
        lex = data.get("lexicon")
        if lex is not None:
            if isinstance(lex, LineDict):
                raw.lexicons.append(lex)
            else:
                ck.error(data, "lexicon", "'lexicon' must be a mapping")
    raw.digest = h.hexdigest()[:16]
    return raw, meta


def entries_by_id(items: list[LineDict], ck: FieldChecker, what: str) -> dict[str, LineDict]:
    """Later packs override earlier ones by id; a duplicate inside one file set is an error."""
    out: dict[str, LineDict] = {}
    for item in items:
        ident = ck.entry_id(item, f"{what}: ")
        if ident is None:
            continue
        if ident in out and Path(out[ident].file).parent.parent == Path(item.file).parent.parent:
            first = out[ident]
            ck.error(item, "id", f"duplicate {what} id {ident!r} (first defined at {first.file}:{first.line})")
            continue
        out[ident] = item
    return out
