"""Where packs are on disk, and how several packs combine into what the linter loads.

A pack root holds `claims/` and `sources/`. Its top-level `claims/*.yaml` and `sources/*.yaml`
form one pack, named by `claims/pack.yaml` (`pack: {id: ...}`) or by the root folder; each
sub-folder `claims/NAME/` (with `sources/NAME/`) is a further pack named NAME unless its own
`pack.yaml` says otherwise. Packs are isolated: macros, term lists, quantities, arms and topic are
the pack's own, and its rules are reported as `PACK/RULE`. Folders with the same pack id (a user
pack that names `id: mdma`) extend that pack: entries with the same id replace earlier ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.knowledge.yamlload import LineDict, YamlError, load_yaml

MANIFEST = "pack.yaml"
PACK_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass
class PackFiles:
    """One pack's files, possibly gathered from several roots."""

    id: str
    sources: list[Path] = field(default_factory=list)
    claims: list[Path] = field(default_factory=list)
    manifests: list[Path] = field(default_factory=list)
    roots: list[str] = field(default_factory=list)


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.y*ml") if p.is_file() and p.name != MANIFEST)


def _declared_id(manifest: Path) -> str | None:
    try:
        data = load_yaml(manifest)
    except YamlError:
        return None  # reported when the manifest is read as part of the pack
    pack = data.get("pack") if isinstance(data, LineDict) else None
    ident = pack.get("id") if isinstance(pack, LineDict) else None
    return str(ident) if isinstance(ident, str) and PACK_ID_RE.match(ident) else None


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-")
    return slug or "pack"


def discover(root: Path) -> list[PackFiles]:
    """The packs in one root folder (an empty list when it holds none)."""
    out: list[PackFiles] = []
    claims_dir, sources_dir = root / "claims", root / "sources"
    top_manifest = claims_dir / MANIFEST if (claims_dir / MANIFEST).is_file() else (
        root / MANIFEST if (root / MANIFEST).is_file() else None)
    top = PackFiles(id=(_declared_id(top_manifest) if top_manifest else None) or _slug(root.resolve().name),
                    sources=_yaml_files(sources_dir), claims=_yaml_files(claims_dir),
                    manifests=[top_manifest] if top_manifest else [], roots=[str(root)])
    if top.sources or top.claims or top.manifests:
        out.append(top)
    if claims_dir.is_dir():
        for sub in sorted(p for p in claims_dir.iterdir() if p.is_dir()):
            manifest = sub / MANIFEST if (sub / MANIFEST).is_file() else None
            files = PackFiles(id=(_declared_id(manifest) if manifest else None) or _slug(sub.name),
                              sources=_yaml_files(sources_dir / sub.name), claims=_yaml_files(sub),
                              manifests=[manifest] if manifest else [], roots=[str(root)])
            if files.sources or files.claims:
                out.append(files)
    return out


def group(roots: list[Path]) -> list[PackFiles]:
    """Packs across roots, in order of first appearance; the same id extends one pack."""
    by_id: dict[str, PackFiles] = {}
    for root in roots:
        for pf in discover(root):
            into = by_id.setdefault(pf.id, PackFiles(id=pf.id))
            into.sources += pf.sources
            into.claims += pf.claims
            into.manifests += pf.manifests
            into.roots += pf.roots
    return list(by_id.values())
