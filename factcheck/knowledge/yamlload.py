"""YAML loading that remembers where every mapping came from, so problems can name file:line.

Dates are kept as strings (validated later) so that a bad date is a clear message, not a crash
inside PyYAML's timestamp constructor, and so that the data round-trips unchanged.

Hostile files get one-line errors, never a hang or a traceback: libyaml's parser (CSafeLoader,
several times faster than the pure-Python one; marks keep file:line) when PyYAML has it, whose
nesting limit refuses deep nesting; aliases that would expand into too many values ("billion
laughs") are refused before anything is built; values quoted in messages go through
`short_repr`. YAML merge keys (`<<: *base`) are accepted and may be overridden.
"""

from __future__ import annotations

import reprlib
from pathlib import Path
from typing import Any

import yaml

# libyaml's parser when PyYAML was built with it, else the pure-Python one (same behaviour).
SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Values a document may expand to once aliases are followed; the bundled pack's largest file
# has a few thousand. A "billion laughs" file has billions.
MAX_EXPANDED_NODES = 1_000_000
# Nesting a document may have. libyaml refuses deep nesting only from 0.2.6 on, and some PyYAML
# wheels bundle an older one, so the limit is ours: the same file gets the same answer everywhere.
MAX_DEPTH = 200
MERGE_TAG = "tag:yaml.org,2002:merge"

_repr = reprlib.Repr()
_repr.maxlevel = 3
_repr.maxstring = 80
_repr.maxother = 80
for _attr in ("maxlist", "maxtuple", "maxdict", "maxset"):
    setattr(_repr, _attr, 5)


def short_repr(value: Any) -> str:
    """A bounded repr for messages: an aliased structure of a billion items prints in microseconds."""
    return _repr.repr(value)


class YamlError(Exception):
    """A file could not be read or parsed; `str()` is a one-line message naming file and line."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class LineDict(dict):
    """A dict that knows its file, its own line and the line of each key (1-based)."""

    file: str = ""
    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    file: str = ""
    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _Loader(SafeBase):  # type: ignore[valid-type,misc]
    """SafeLoader that builds LineDict/LineList and leaves timestamps as strings."""

    source_name = ""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    own = sum(1 for key_node, _ in node.value if key_node.tag != MERGE_TAG)
    loader.flatten_mapping(node)
    # flatten_mapping puts merged pairs first: those may be overridden by the mapping's own keys.
    merged = len(node.value) - own
    out = LineDict()
    out.file = loader.source_name
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    own_keys: set[Any] = set()
    for index, (key_node, value_node) in enumerate(node.value):
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "mapping keys must be plain scalars", key_node.start_mark
            )
        if index >= merged:
            if key in own_keys:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {short_repr(key)}", key_node.start_mark
                )
            own_keys.add(key)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[str(key)] = key_node.start_mark.line + 1
    return out


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.file = loader.source_name
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)

def load_yaml(path: Path) -> Any:
    """Parse one YAML file; raise YamlError naming the file (and line) on any problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlError(path, None, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlError(path, line, "not valid UTF-8") from None
    loader = _Loader(text)
    loader.source_name = str(path)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        check_expansion(node, path)
        return loader.construct_document(node)
    except RecursionError:
        raise YamlError(path, None, "invalid YAML: nested too deeply") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at_end = exc.problem_mark is not None and exc.problem_mark.line >= text.rstrip("\n").count("\n") + 1
        if exc.context_mark and ("stream end" in (exc.problem or "") or at_end):
            # An unclosed bracket or quote is reported at the end of the file; the opening is more useful.
            mark = exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or exc.context or "invalid YAML"
        raise YamlError(path, line, f"invalid YAML: {reason}") from None
    except yaml.YAMLError as exc:
        raise YamlError(path, None, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()


def check_expansion(root: yaml.Node, path: Path | str) -> None:
    """Raise YamlError when following the aliases under `root` would build more than
    MAX_EXPANDED_NODES values, nest deeper than MAX_DEPTH, or when an alias refers to its own
    ancestor. Iterative, and linear in the number of distinct nodes (each is sized once)."""
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    active: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            active.discard(key)
            total = 1 + sum(size[id(c)] for c in children)
            if total > MAX_EXPANDED_NODES:
                raise YamlError(path, node.start_mark.line + 1,
                                f"aliases expand to more than {MAX_EXPANDED_NODES:,} values (refused)")
            size[key] = total
            height[key] = 1 + max((height[id(c)] for c in children), default=0)
            if height[key] > MAX_DEPTH:
                raise YamlError(path, node.start_mark.line + 1,
                                f"invalid YAML: nested too deeply (more than {MAX_DEPTH} levels)")
            continue
        if key in size:
            continue
        if key in active:
            raise YamlError(path, node.start_mark.line + 1, "an alias refers to its own ancestor (refused)")
        active.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in size)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []
