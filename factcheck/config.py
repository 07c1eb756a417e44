"""Project configuration: `.factcheck.yaml` or `[tool.factcheck]` in pyproject.toml.

    # .factcheck.yaml
    packs: [claims-extra]          # extra claims packs, relative to this file
    include: ["content/**/*.md"]   # gitignore-style globs, relative to this file
    exclude: ["content/archive/"]
    disable: [approval-imminent, citation]   # rule ids or claim kinds
    severity: {dose: error, mapp1-remission: info}   # rule id or kind -> error|warning|info
    fail-on: warning               # error | warning | info | never
    as-of: 2026-11-22

`load_config(start_dir)` walks up from `start_dir` and takes the first folder holding either file
(`.factcheck.yaml` wins over pyproject.toml in the same folder; a pyproject.toml without a
`[tool.factcheck]` table is skipped, as ruff does). Every problem is a `ConfigError` whose message
is one line naming the file and the key, so the CLI can print it and exit 2.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pathspec
import yaml

from factcheck.knowledge.yamlload import SafeBase, YamlError, check_expansion, short_repr
from factcheck.models import KINDS, SEVERITIES, Finding

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 reads pyproject.toml with the tomli backport
    import tomli as tomllib

CONFIG_FILES = (".factcheck.yaml", ".factcheck.yml")
PYPROJECT = "pyproject.toml"
FAIL_ON = (*SEVERITIES, "never")
DEFAULT_FAIL_ON = "warning"  # what `factcheck lint` uses when neither --fail-on nor the config says
KEYS = ("packs", "include", "exclude", "disable", "severity", "fail-on", "as-of", "attributed")
ATTRIBUTED = ("warning", "info")
# Folders never worth walking into, gitignored or not.
ALWAYS_SKIP = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", ".tox"}


class ConfigError(Exception):
    """A configuration problem, worded as one line: "path: key 'x': reason"."""


@dataclass
class Config:
    """The effective configuration. `path` is None when no file was found (all defaults)."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)  # folder that relative paths and globs start from
    packs: list[Path] = field(default_factory=list)
    include: list[str] = field(default_factory=list)  # empty: the lint command's default file types
    exclude: list[str] = field(default_factory=list)
    disable: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None  # None: the command-line default
    as_of: date | None = None
    attributed: str | None = None  # "info" lowers findings on statements the text attributes to someone

    def to_dict(self, effective: bool = False) -> dict[str, Any]:
        """The configuration as the file would spell it. With `effective`, unset values show what
        a lint run uses instead (for `factcheck config`)."""
        out = {
            "packs": [_display(p, self.root) for p in self.packs],
            "include": list(self.include),
            "exclude": list(self.exclude),
            "disable": list(self.disable),
            "severity": dict(self.severity),
            "fail-on": self.fail_on,
            "as-of": self.as_of.isoformat() if self.as_of else None,
            "attributed": self.attributed,
        }
        if effective:
            out["fail-on"] = out["fail-on"] or DEFAULT_FAIL_ON
            out["as-of"] = out["as-of"] or "today"
            out["attributed"] = out["attributed"] or "warning"
        return out

    def is_disabled(self, finding: Finding) -> bool:
        bare = finding.rule.split("/", 1)[-1]
        return finding.rule in self.disable or bare in self.disable or finding.kind in self.disable

    def severity_for(self, finding: Finding) -> str:
        if finding.lowered:
            return finding.severity  # lowered for a reason of its own (quote, question): stays so
        if finding.attributed and self.attributed == "info":
            return "info"
        # A rule id (qualified or bare) is more specific than a kind, so it wins.
        bare = finding.rule.split("/", 1)[-1]
        return (self.severity.get(finding.rule) or self.severity.get(bare) or self.severity.get(finding.kind)
                or finding.severity)

    def unknown_rules(self, rule_ids: Iterable[str]) -> list[str]:
        """Names in `disable`/`severity` that are neither a known rule id nor a kind (call once the
        claims database is loaded; the CLI turns a non-empty answer into a ConfigError)."""
        ids = set(rule_ids)
        known = ids | {r.split("/", 1)[-1] for r in ids} | set(KINDS) | {"unused-suppression"}
        names = [*self.disable, *self.severity]
        return sorted({n for n in names if n not in known})

    def check_rules(self, rule_ids: Iterable[str]) -> None:
        unknown = self.unknown_rules(rule_ids)
        if unknown:
            where = self.path or "configuration"
            raise ConfigError(f"{where}: unknown rule or kind: {', '.join(unknown)}")

    def path_filter(self, respect_gitignore: bool = True) -> PathFilter:
        return PathFilter(self.root, self.include, self.exclude, respect_gitignore)


def _display(p: Path, root: Path) -> str:
    try:
        return p.relative_to(root).as_posix()
    except ValueError:
        return str(p)


# --- finding the file -----------------------------------------------------------------------


def find_config_file(start_dir: str | os.PathLike[str]) -> Path | None:
    """The nearest config file at or above `start_dir`, or None."""
    folder = Path(start_dir).resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _pyproject_table(pyproject) is not None:
            return pyproject
    return None


def _pyproject_table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    table = data.get("tool", {}).get("factcheck")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.factcheck] must be a table")
    return table


def load_config(start_dir: str | os.PathLike[str] | None = None, explicit_path: str | os.PathLike[str] | None = None) -> Config:
    """The configuration for a run started in `start_dir` (default: the working directory), or
    from `explicit_path` (`--config`), which must exist. No file found means all defaults."""
    if explicit_path is not None:
        path = Path(explicit_path)
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found")
    else:
        found = find_config_file(start_dir if start_dir is not None else Path.cwd())
        if found is None:
            return Config(root=Path(start_dir).resolve() if start_dir is not None else Path.cwd())
        path = found
    return parse_config(_read_table(path), path)


def _read_table(path: Path) -> dict[str, Any]:
    if path.name == PYPROJECT or path.suffix == ".toml":
        table = _pyproject_table(path) if path.name == PYPROJECT else _toml_file(path)
        return table or {}
    try:
        data = _load_yaml(path)
    except YamlError as exc:
        raise ConfigError(str(exc)) from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid YAML: nested too deeply") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{where}: invalid YAML: {reason}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings at the top level")
    return data


class _Loader(SafeBase):  # type: ignore[valid-type,misc]
    """SafeLoader (libyaml's when present) that leaves dates as strings, so a bad `as-of` is
    reported against its key instead of failing inside the YAML parser."""


def _load_yaml(path: Path) -> Any:
    # Composed first, so an alias bomb is refused before anything is built.
    loader = _Loader(path.read_text(encoding="utf-8"))
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        check_expansion(node, path)
        return loader.construct_document(node)
    finally:
        loader.dispose()


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _toml_file(path: Path) -> dict[str, Any]:
    # A standalone TOML file given with --config: either [tool.factcheck] or bare keys.
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    table = data.get("tool", {}).get("factcheck")
    return table if isinstance(table, dict) else data


# --- validating it --------------------------------------------------------------------------


def parse_config(data: dict[str, Any], path: Path) -> Config:
    """Validate a raw mapping read from `path` into a Config."""
    root = path.resolve().parent
    cfg = Config(path=path, root=root)

    def fail(key: str, reason: str) -> ConfigError:
        return ConfigError(f"{path}: key '{key}': {reason}")

    for key in data:
        if key not in KEYS:
            hint = _suggest(str(key))
            raise fail(str(key), f"unknown key{hint} (known keys: {', '.join(KEYS)})")

    if "packs" in data:
        cfg.packs = []
        for entry in _str_list(data["packs"], "packs", fail):
            pack = (root / entry).resolve()
            if not pack.is_dir():
                raise fail("packs", f"pack folder not found: {entry}")
            cfg.packs.append(pack)
    for key in ("include", "exclude"):
        if key in data:
            patterns = _str_list(data[key], key, fail)
            for pattern in patterns:
                if costly_glob(pattern):
                    raise fail(key, f"glob {short_repr(pattern)} has more than {MAX_STARS} '*' in one path "
                                    "segment; matching it can take minutes (simplify it)")
            try:
                pathspec.GitIgnoreSpec.from_lines(patterns)
            except ValueError as exc:  # pathspec's GitWildMatchPatternError
                raise fail(key, f"invalid glob: {exc}") from None
            setattr(cfg, key, patterns)
    if "disable" in data:
        cfg.disable = _str_list(data["disable"], "disable", fail)
    if "severity" in data:
        raw = data["severity"]
        if not isinstance(raw, dict):
            raise fail("severity", "expected a mapping of rule id or kind to error|warning|info")
        for name, level in raw.items():
            if not isinstance(level, str) or level not in SEVERITIES:
                raise fail("severity", f"{name}: expected one of {', '.join(SEVERITIES)}, got {short_repr(level)}")
            cfg.severity[str(name)] = level
    if "fail-on" in data:
        value = data["fail-on"]
        if value is False:  # YAML reads a bare `no`/`false` as False: treat as "never"
            value = "never"
        if not isinstance(value, str) or value not in FAIL_ON:
            raise fail("fail-on", f"expected one of {', '.join(FAIL_ON)}, got {short_repr(value)}")
        cfg.fail_on = value
    if "as-of" in data:
        cfg.as_of = _date(data["as-of"], fail)
    if "attributed" in data:
        value = data["attributed"]
        if value not in ATTRIBUTED:
            raise fail("attributed", f"expected one of {', '.join(ATTRIBUTED)}, got {value!r}")
        cfg.attributed = value
    return cfg


def _suggest(key: str) -> str:
    close = [k for k in KEYS if k.replace("-", "_") == key or k.replace("-", "") == key.replace("_", "")]
    return f" (did you mean '{close[0]}'?)" if close else ""


def _str_list(value: Any, key: str, fail: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(key, "expected a list of non-empty strings")
    return list(value)


def _date(value: Any, fail: Any) -> date:
    # YAML and TOML both parse a bare 2026-11-22 as a date; a quoted one arrives as a string.
    if isinstance(value, date):
        return value if type(value) is date else value.date()  # type: ignore[attr-defined]
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise fail("as-of", f"expected a date YYYY-MM-DD, got {short_repr(value)}")


# --- applying it ----------------------------------------------------------------------------


def apply_config(findings: Iterable[Finding], config: Config) -> list[Finding]:
    """Drop findings of disabled rules or kinds; apply severity overrides (rule id over kind).
    Returns new Finding objects where the severity changes, so callers' lists stay untouched."""
    out = []
    for f in findings:
        if config.is_disabled(f):
            continue
        level = config.severity_for(f)
        out.append(f if level == f.severity else dataclasses.replace(f, severity=level))
    return out


# pathspec turns `*` into `[^/]*` regexes that backtrack: k stars in a segment cost about n^k
# steps on an n-character name (10 stars, 60 characters: 22 s). Real ignore files use one or two.
MAX_STARS = 3


def costly_glob(pattern: str) -> bool:
    """True when one path segment of a gitignore-style glob holds more than MAX_STARS `*` runs."""
    import re

    return any(len(re.findall(r"\*+", seg)) > MAX_STARS for seg in pattern.split("/"))


class PathFilter:
    """Decides which files a run lints: `include`/`exclude` globs (gitignore syntax, relative to
    the config file's folder) and the `.gitignore` files of the repository.

    Files named on the command line skip `include` and `.gitignore` (the user asked for them) but
    not `exclude`, so a pre-commit hook, which passes file names, still honours it.
    """

    def __init__(self, root: Path, include: list[str], exclude: list[str], respect_gitignore: bool = True) -> None:
        self.root = root.resolve()
        self.include = pathspec.GitIgnoreSpec.from_lines(include) if include else None
        self.exclude = pathspec.GitIgnoreSpec.from_lines(exclude)
        self.respect_gitignore = respect_gitignore
        self._ignore_cache: dict[Path, pathspec.GitIgnoreSpec | None] = {}

    def _rel(self, path: Path, is_dir: bool = False) -> str | None:
        try:
            rel = path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return None  # outside the config folder: the globs do not apply
        return rel + "/" if is_dir and rel != "." else rel

    def excluded(self, path: Path, is_dir: bool = False) -> bool:
        rel = self._rel(path, is_dir)
        return rel is not None and rel != "." and self.exclude.match_file(rel)

    def included(self, path: Path) -> bool:
        if self.include is None:
            return True
        rel = self._rel(path)
        return rel is not None and self.include.match_file(rel)

    def gitignored(self, path: Path, is_dir: bool = False) -> bool:
        """Whether git would ignore `path`, from the .gitignore files between the repository root
        (or the config folder, outside a repository) and the file. Deeper files win, and within a
        file the last matching pattern wins, as in git."""
        if not self.respect_gitignore:
            return False
        path = path.resolve()
        top = _git_root(path.parent) or self.root
        folders = [d for d in (path.parent, *path.parent.parents) if d == top or top in d.parents]
        for folder in folders:  # deepest first
            spec = self._gitignore(folder)
            if spec is None:
                continue
            rel = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
            result = spec.check_file(rel)
            if result.include is not None:
                return bool(result.include)
        return False

    def _gitignore(self, folder: Path) -> pathspec.GitIgnoreSpec | None:
        if folder not in self._ignore_cache:
            spec = None
            ignore = folder / ".gitignore"
            if ignore.is_file():
                lines = ignore.read_text(encoding="utf-8", errors="replace").splitlines()
                for n, line in enumerate(lines, 1):
                    if costly_glob(line):
                        # A repository's own file: skip the line (git would match it, we cannot
                        # in reasonable time) and say so, rather than hang or refuse the run.
                        sys.stderr.write(f"factcheck: warning: {ignore}:{n}: ignored a .gitignore line with more "
                                         f"than {MAX_STARS} '*' in one path segment (too slow to match)\n")
                        lines[n - 1] = ""
                try:
                    spec = pathspec.GitIgnoreSpec.from_lines(lines)
                except ValueError:
                    spec = None  # git itself skips lines it cannot read
            self._ignore_cache[folder] = spec
        return self._ignore_cache[folder]

    def accepts_walked(self, path: Path) -> bool:
        """For a file found by walking a folder named on the command line."""
        return self.included(path) and not self.excluded(path) and not self.gitignored(path)

    def accepts_explicit(self, path: Path) -> bool:
        """For a file named on the command line."""
        return not self.excluded(path)

    def walk(self, folder: Path, suffixes: Iterable[str] = ()) -> Iterator[Path]:
        """Files under `folder`, sorted, that the run should lint. Without `include` globs a file
        must have one of `suffixes` (e.g. the lint command's default .md/.html/.txt)."""
        wanted = tuple(s.lower() for s in suffixes)
        for dirpath, dirnames, filenames in os.walk(folder):
            here = Path(dirpath)
            # Prune in place so ignored trees (node_modules, build output) are never read.
            dirnames[:] = sorted(
                d
                for d in dirnames
                if d not in ALWAYS_SKIP and not self.excluded(here / d, True) and not self.gitignored(here / d, True)
            )
            for name in sorted(filenames):
                path = here / name
                if self.include is None and wanted and not name.lower().endswith(wanted):
                    continue
                if not self.included(path) or self.excluded(path) or self.gitignored(path):
                    continue
                yield path


@functools.lru_cache(maxsize=256)
def _git_root(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None
