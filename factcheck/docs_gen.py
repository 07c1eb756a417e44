"""Rule documentation rendered from the code and the pack, so the docs never drift from either.

Two renderings live here:
- the reference of rule kinds (docs/rule-kinds.md), from the kind dataclasses of
  knowledge/rule_kinds.py: their docstrings and fields (the slots an editor fills);
- one rule's page (what it catches, in its kind's terms, why, examples, sources), shared by
  `factcheck explain RULE` and by SARIF `rules[].help`, whose `helpUri` points to the kind's
  section of docs/rule-kinds.md (a stable anchor: rule pages are not files that could go stale).

Regenerate the reference with `python -m factcheck.docs_gen` (or check it with `--check`).
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import sys
import textwrap
from pathlib import Path
from typing import Any

from factcheck.knowledge.rule_kinds import (
    KIND_DOCS,
    Companion,
    FormerName,
    Holder,
    JurisdictionState,
    Member,
    OtherDate,
    Price,
    Substance,
)

REFERENCE_PATH = "docs/rule-kinds.md"

# YAML names of fields whose Python names differ (`from` is a Python keyword).
# Keyed by class name; a dotted name is a key inside a mapping (`forecast: {after: ...}`).
YAML_NAMES = {("Holder", "start"): "from", ("Holder", "end"): "until", ("FormerName", "end"): "until",
              ("Price", "since"): "from", ("StatusSpec", "forecast_after"): "forecast.after",
              ("StatusSpec", "forecast_before"): "forecast.before", ("StatusSpec", "forecast_era"): "forecast.era"}


def yaml_name(cls: type, field_name: str) -> str:
    """The name an editor writes in YAML for a dataclass field."""
    return YAML_NAMES.get((cls.__name__, field_name), field_name)
# The nested mappings some slots hold, documented under their slot.
NESTED = {"holders": Holder, "jurisdictions": JurisdictionState, "former": FormerName, "members": Member,
          "substances": Substance, "companions": Companion, "elsewhere": OtherDate, "prices": Price}

# Editor's words for the field types of the kind dataclasses.
TYPE_WORDS = {
    "str": "text",
    "str | None": "text (optional)",
    "list[str]": "a phrase or a list of phrases",
    "list[list[str]]": "a list of lists of phrases, one list per feature",
    "date | None": "a date: YYYY, YYYY-MM or YYYY-MM-DD",
    "list[Holder]": "a list of holders (below)",
    "list[JurisdictionState]": "a list of jurisdictions (below)",
    "list[FormerName]": "a list of former names (below)",
    "list[Member]": "a list of members, in order (below)",
    "list[Substance]": "a list of substances (below)",
    "list[Companion]": "a list of companion products (below)",
    "list[OtherDate]": "a list of dates elsewhere (below)",
    "list[Price]": "a list of prices (below)",
    "float": "a number",
}

# Keys every rule may carry, whatever its kind (schema.RULE_KEYS minus the kind slots). A test
# checks that this table covers the loader's keys, so a new key cannot go undocumented.
COMMON_KEYS: dict[str, str] = {
    "id": "the rule's id, kebab-case, unique in its pack; reported as `PACK/ID`",
    "kind": "the rule kind (this page); leave it out for a `pattern` rule",
    "verdict": "`outdated` (true once, superseded since `since`), `contradicted` (never true) or "
               "`retracted`",
    "since": "when the statement stopped being true as the public could know it (YYYY, YYYY-MM or "
             "YYYY-MM-DD); `null` for a statement that was never true",
    "severity": "`error`, `warning` or `info` (a config can override it)",
    "summary": "one short line, for rule lists",
    "message": "what is wrong, said in one sentence with the correcting fact",
    "suggestion": "a rewrite the writer can use",
    "unless": "phrases (for `pattern`: regexes) that take the sentence or clause out of the rule",
    "examples": "`flagged` and `accepted` sentences, run by `factcheck db check`; `pending_flagged` and "
                "`pending_accepted` record known misses openly",
    "note": "a free comment for the next editor",
    "covers": "ids of rules of the same pack whose finding this rule's makes redundant in the same sentence "
              "(only this rule's finding is reported, spanning both)",
    "patterns": "`pattern` only: regexes over the folded sentence, `{macro}` expands a lexicon macro",
    "frame": "`pattern` only: `event`, `stance` and `subject` cues within `near` words",
    "context": "`pattern` only: regexes one of which must match in `context_scope`",
    "context_scope": "`pattern` only: `sentence`, `paragraph`, `nearby` or `document` (default)",
    "negatable": "`pattern` only: `false` when a negation must not veto a match (default `true`)",
}


def anchor(kind: str) -> str:
    """The Markdown heading anchor of a kind's section in docs/rule-kinds.md."""
    return f"kind-{kind}"


def _doc(obj: Any) -> str:
    return inspect.cleandoc(obj.__doc__ or "") if not isinstance(obj, str) else obj


# Slots the loader (rule_slots.parse_spec) reports as missing although the dataclass has a default.
REQUIRED = {("EventDateSpec", "date"), ("RoleSpec", "holders"), ("FormerName", "end")}
# ... and those it reads as optional although the dataclass has no default.
OPTIONAL = {("Holder", "aliases"), ("Holder", "start"), ("Holder", "end"), ("Holder", "never"), ("JurisdictionState", "status"),
            ("JurisdictionState", "since"), ("Member", "since"), ("Price", "currency"), ("Price", "since"),
            ("Price", "until")}
# The nested mappings have no docstring of their own: their slots in a few words.
NESTED_DOCS = {
    ("Holder", "name"): "the person's name as it should be written",
    ("Holder", "aliases"): "other ways the person is named",
    ("Holder", "start"): "when the term began",
    ("Holder", "end"): "when the term ended (leave out for the current holder)",
    ("Holder", "never"): "true for someone often named in the title who never held it (no `from` or `until`)",
    ("JurisdictionState", "names"): "names of the country, state or regulator",
    ("JurisdictionState", "status"): "`done` (approved or legal there; the default) or `not` (not approved, "
                                     "prohibited)",
    ("JurisdictionState", "since"): "since when the status holds",
    ("FormerName", "names"): "the former name and its short forms",
    ("FormerName", "end"): "when the bearer stopped using it (the rename)",
    ("Member", "subject"): "phrases or @terms naming the member",
    ("Member", "since"): "when it joined the category (its approval, say)",
    ("Substance", "name"): "the substance's names (international nonproprietary name and short forms)",
    ("Substance", "products"): "the brand names of the products that contain it",
    ("OtherDate", "date"): "the event's date in that jurisdiction (YYYY, YYYY-MM or YYYY-MM-DD)",
    ("OtherDate", "where"): "the jurisdiction's code (us, eu, uk, ca, au, ...)",
    ("Companion", "subject"): "phrases or @terms naming a product often listed with the rule's subject",
    ("Companion", "indications"): "the conditions the companion's own licence or permission covers",
    ("Price", "amount"): "the amount, as printed without its sign (499, 301.91)",
    ("Price", "currency"): "USD (the default), EUR, GBP, CAD, AUD, INR, JPY or BRL",
    ("Price", "since"): "when the price took effect",
    ("Price", "until"): "when it was replaced (leave out for today's price)",
}
PATTERN_SLOTS = ("patterns", "frame", "unless", "context", "context_scope", "negatable")
_SLOT_LABEL = re.compile(r"(?<![\w`-])((?:[a-z_]+, )*[a-z_]+): ")


def slot_docs(cls: type) -> tuple[str, dict[str, str]]:
    """A kind dataclass's docstring split into its summary and the text for each slot (the
    docstrings write slots as `name: what it holds.`; `a, b: ...` documents two at once)."""
    doc = _doc(cls)
    summary, _, rest = doc.partition("\n\n")
    # A label is a field name or the YAML key a field sits under (`forecast` for forecast_after).
    labels: dict[str, list[str]] = {}
    for f in dataclasses.fields(cls):
        labels.setdefault(f.name, []).append(f.name)
        head = yaml_name(cls, f.name).split(".")[0]
        if head != f.name:
            labels.setdefault(head, []).append(f.name)
    text = " ".join(rest.split())
    marks = [m for m in _SLOT_LABEL.finditer(text) if set(m.group(1).split(", ")) <= set(labels)]
    found: dict[str, str] = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        for label in m.group(1).split(", "):
            for name in labels[label]:
                # "forecast: {after, before}: ..." names the mapping's keys first; the table shows them.
                found[name] = re.sub(r"^\{[^}]*\}:\s*", "", text[m.end():end].strip())
    if not marks and text:
        summary = f"{summary}\n\n{rest}"
    return " ".join(summary.split()), found


def _fields(cls: type) -> list[tuple[str, str, str, str]]:
    """(YAML name, what it holds, its form, required or optional) for each field of a dataclass."""
    _, docs = slot_docs(cls)
    rows = []
    for f in dataclasses.fields(cls):
        name = yaml_name(cls, f.name)
        what = NESTED_DOCS.get((cls.__name__, f.name)) or docs.get(f.name, "")
        form = TYPE_WORDS.get(str(f.type), str(f.type))
        required = (f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)  # type: ignore[misc]
        key = (cls.__name__, f.name)
        required = (required or key in REQUIRED) and key not in OPTIONAL
        rows.append((name, what, form, "required" if required else "optional"))
    return rows


def _table(rows: list[tuple[str, str, str, str]]) -> list[str]:
    out = ["| slot | what it holds | form | |", "|---|---|---|---|"]
    out += [f"| `{name}` | {_cell(what)} | {_cell(form)} | {need} |" for name, what, form, need in rows]
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|")  # a bare pipe would end the table cell


def kind_reference() -> str:
    """The whole of docs/rule-kinds.md."""
    from factcheck.judge import BUILTIN_RULES

    out = ["# Rule kinds", "",
           "<!-- Generated by `python -m factcheck.docs_gen` from factcheck/knowledge/rule_kinds.py and",
           "     factcheck/judge/builtin_rules.py. Do not edit by hand: a test compares this file with the",
           "     generated text. -->", "",
           "A rule names its kind (`kind: status`) and fills the kind's slots; the engine finds the",
           "statement and compares it with the claim. How to write a pack: [writing-a-pack.md](writing-a-pack.md);",
           "the full schema: [claims-database.md](claims-database.md). `factcheck explain RULE` shows any rule",
           "in its kind's terms.", "",
           "This page is generated from the code: after changing a kind, run `python -m factcheck.docs_gen`",
           "(`factcheck explain --kinds` prints the same text).", "",
           "Kinds: " + ", ".join(f"[`{k}`](#{anchor(k)})" for k in KIND_DOCS) + ".", ""]
    for kind, spec in KIND_DOCS.items():
        out += [f'<a id="{anchor(kind)}"></a>', "", f"## `{kind}`", ""]
        if isinstance(spec, str):
            out += [spec, "", "| slot | what it holds | form | |", "|---|---|---|---|"]
            out += [f"| `{k}` | {COMMON_KEYS[k].split(' only: ', 1)[-1]} | | optional |" for k in PATTERN_SLOTS]
            out += ["", "`patterns` or `frame` is required.", ""]
            continue
        summary, _ = slot_docs(spec)
        out += [summary, "", *_table(_fields(spec)), ""]
        for slot, cls in NESTED.items():
            if any(f.name == slot for f in dataclasses.fields(spec)):
                out += [f"Each entry of `{slot}`:", "", *_table(_fields(cls)), ""]
    out += ['<a id="kind-common"></a>', "", "## Keys of every rule", "",
            "| key | what it holds |", "|---|---|"]
    out += [f"| `{k}` | {v} |" for k, v in COMMON_KEYS.items()]
    out += ["", '<a id="built-in-rules"></a>', "", "## Built-in rules", "",
            "The engine applies these itself, with the studies and values of each pack.", "",
            "| rule | verdict | severity | what it catches |", "|---|---|---|---|"]
    out += [f"| `{b.id}` | {b.verdict} | {b.severity} | {b.summary} |" for b in BUILTIN_RULES.values()]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------
# One rule's page


def _para(text: str, width: int | None, indent: str = "") -> list[str]:
    if not width:
        return [indent + " ".join(text.split())]
    return textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False) or [indent]


def _iso(d: Any) -> str | None:
    return d.isoformat() if d else None


def _subpack(pack: Any, rule: Any) -> Any:
    prefix = rule.id.split("/", 1)[0] if "/" in rule.id else None
    return next((p for p in pack.packs if p.id == prefix), pack)


def _words(values: list[str], terms: dict[str, list[str]]) -> str:
    """A slot's phrases; a `@term` list shows its words so the page reads without the lexicon."""
    parts = []
    for v in values:
        if v.startswith("@") and v[1:] in terms:
            parts.append(f"{v} ({', '.join(terms[v[1:]])})")
        else:
            parts.append(v)
    return "; ".join(parts) if parts else "(none)"


def spec_lines(pack: Any, rule: Any) -> list[str]:
    """A typed rule's slots in its kind's terms, one `- slot: value` line each."""
    spec, terms = rule.spec, _subpack(pack, rule).terms
    out: list[str] = []
    for f in dataclasses.fields(spec):
        value = getattr(spec, f.name)
        if f.name == "holders":
            for h in value:
                span = f"from {_iso(h.start) or '?'}" + (f" until {_iso(h.end)}" if h.end else " (current)")
                aka = f" (also: {', '.join(h.aliases)})" if h.aliases else ""
                out.append(f"- holder: {h.name}{aka}, {span}")
        elif f.name == "former":
            for fn in value:
                out.append(f"- former name: {', '.join(fn.names)}, until {_iso(fn.end) or '?'}")
        elif f.name == "jurisdictions":
            for j in value:
                state = "done" if j.status == "done" else "not done"
                since = f" since {_iso(j.since)}" if j.since else ""
                out.append(f"- jurisdiction: {', '.join(j.names)}: {state}{since}")
        elif f.name == "members":
            for i, m in enumerate(value, 1):
                since = f", since {_iso(m.since)}" if m.since else ""
                out.append(f"- member {i}: {_words(m.subject, terms)}{since}")
        elif f.name == "substances":
            for sub in value:
                out.append(f"- substance: {', '.join(sub.name)}: {', '.join(sub.products)}")
        elif f.name == "elsewhere":
            for other in value:
                out.append(f"- elsewhere: {_iso(other.date)} ({other.where})")
        elif f.name == "prices":
            for p in value:
                span = f"from {_iso(p.since) or '?'}" + (f" until {_iso(p.until)}" if p.until else " (current)")
                out.append(f"- price: {p.amount:g} {p.currency}, {span}")
        elif f.name == "companions":
            for comp in value:
                out.append(f"- companion: {_words(comp.subject, terms)}: for {', '.join(comp.indications)}")
        elif f.name == "study":
            study = pack.studies.get(value)
            out.append(f"- study: {value}" + (f" ({study.title})" if study else " (unknown study)"))
        elif f.name == "quantity":
            q = _subpack(pack, rule).quantities.get(value) or pack.quantities.get(value)
            out.append(f"- quantity: {value}" + (f" ({q.label}, {q.unit})" if q else ""))
            study = pack.studies.get(getattr(spec, "study", ""))
            for v in (study.values if study else []):
                if v.quantity == value:
                    figure = f"{v.low:g}" if v.low == v.high else f"{v.low:g} to {v.high:g}"
                    out.append(f"  - recorded: {figure} {v.unit}" + (f", arm {v.arm}" if v.arm else "")
                               + (f", {v.timepoint}" if v.timepoint else ""))
        elif isinstance(value, list) and value and all(isinstance(v, list) for v in value):
            # a list of lists (a uniqueness rule's facets): one line each
            for i, group in enumerate(value, 1):
                out.append(f"- {yaml_name(type(spec), f.name)} {i}: {_words(group, terms)}")
        elif isinstance(value, list):
            if value:
                out.append(f"- {yaml_name(type(spec), f.name)}: {_words(value, terms)}")
        elif value is not None and value != "":
            shown = _iso(value) if hasattr(value, "isoformat") else value
            out.append(f"- {yaml_name(type(spec), f.name)}: {shown}")
    if rule.unless_words:
        out.append(f"- unless: {_words(rule.unless_words, terms)}")
    return out


def _code(text: str, on: bool) -> str:
    """A regex as Markdown code (SARIF help), so `*`, `_` and `|` are not read as formatting."""
    if not on:
        return text
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"


def pattern_lines(rule: Any, code: bool = False) -> list[str]:
    """A pattern rule's patterns, frame and `unless` as the pack wrote them ({macro} unexpanded);
    `code` sets each regex as Markdown code."""
    out = ["Matched case-insensitively on the normalised sentence; {name} is a lexicon macro."]
    out += [f"  - {_code(p, code)}" for p in rule.pattern_sources]
    if rule.frame is not None:
        fr = rule.frame
        out.append(f"Frame (an event and a stance cue within {fr.near} words; the subject in the "
                   f"{'clause' if fr.subject_scope == 'sentence' else 'paragraph'}):")
        for key in ("event", "stance", "subject"):
            cues = fr.sources.get(key) or [p.pattern for p in getattr(fr, key)]
            if cues:
                out.append(f"  - {key}: " + " | ".join(_code(c, code) for c in cues))
    unless = rule.unless_sources or [p.pattern for p in rule.unless]
    if unless:
        out += ["Unless the sentence also matches:"] + [f"  - {_code(p, code)}" for p in unless]
    if rule.context:
        out += [f"Only when the {rule.context_scope} matches one of:"]
        out += [f"  - {_code(p.pattern, code)}" for p in rule.context]
    if not rule.negatable:
        out.append("Negation does not veto a match.")
    return out


def rule_page(pack: Any, rule: Any, width: int | None = None,
              source_lines: Any = None) -> list[str]:
    """One rule's page as Markdown lines: wrapped at `width` for a terminal (explain), unwrapped
    for SARIF help. `source_lines(src)` renders a source (explain passes its own)."""
    claim = pack.claims.get(rule.claim_id)
    kind = rule.check
    if rule.since:
        since = f"since {_iso(rule.since)}"
    else:
        since = "never true" if rule.verdict == "contradicted" else "since: not given"
    out = [f"# {rule.id}", "", *_para(rule.summary, width), "",
           f"verdict: {rule.verdict} ({since}) · severity: {rule.severity} · kind: {kind} · claim kind: {rule.kind}",
           f"defined in {_rel(str(rule.origin.file))}:{rule.origin.line}, on claim {rule.claim_id}", ""]
    out += ["## What it catches", "", *_para(rule.message, width), ""]
    if kind != "pattern" and rule.spec is not None:
        out += [f"## The rule in its kind's terms (kind `{kind}`)", "",
                *_para(_doc(KIND_DOCS[kind]).split("\n\n")[0], width), ""]
        for line in spec_lines(pack, rule):
            indent = line[:len(line) - len(line.lstrip())]
            out += textwrap.wrap(line, width=width, subsequent_indent=indent + "    ", break_long_words=False,
                                 break_on_hyphens=False) if width else [line]
        out.append("")
    out += ["## Why", ""]
    if claim:
        out += _para(claim.fact, width)
        dates = [f"true from {_iso(claim.valid_from)}" if claim.valid_from else None,
                 f"until {_iso(claim.valid_until)}" if claim.valid_until else None,
                 f"verified {_iso(claim.verified_on)}", f"review by {_iso(claim.review_by)}"]
        out += ["", f"({'; '.join(d for d in dates if d)})"]
    if rule.verdict == "outdated" and rule.since:
        out += ["", *_para(f"Statements like this were true or plausible before {_iso(rule.since)} and are "
                           "outdated since then; text dated earlier is still flagged, with a note that it was "
                           "correct when published.", width)]
    elif rule.since is None and rule.verdict == "contradicted":
        out += ["", "Statements like this were never true."]
    out.append("")
    if rule.suggestion:
        out += ["## Suggested rewrite", "", *_para(rule.suggestion, width), ""]
    out += ["## Examples", ""]
    groups = [("Flagged:", rule.examples_flagged), ("Accepted (not flagged):", rule.examples_accepted),
              ("Known misses, should be flagged (pending):", rule.examples_pending_flagged),
              ("Known misses, should be accepted (pending):", rule.examples_pending_accepted)]
    for title, examples in groups:
        if examples:
            out.append(title)
            out += [f"  - {s}" for s in examples]
    if not (rule.examples_flagged or rule.examples_accepted):
        out.append("(none recorded)")
    if kind == "pattern":
        out += ["", "## Patterns", "", *pattern_lines(rule, code=not width)]
    out += ["", "## Sources", ""]
    ids = claim.sources if claim else []
    for sid in ids:
        src = pack.sources.get(sid)
        if src is None:
            out.append(f"- [{sid}] (unknown source)")
        elif source_lines is not None:
            out += source_lines(src)
        else:
            out.append(f"- [{src.title}]({src.url})" + (f": \"{src.evidence[0]}\"" if src.evidence else ""))
    if not ids:
        out.append("(none)")
    return out


def builtin_page(b: Any, width: int | None = None) -> list[str]:
    """A built-in rule's page (the engine applies it with the pack's studies and values)."""
    out = [f"# {b.id}", "", *_para(b.summary, width), "",
           f"verdict: {b.verdict} · severity: {b.severity} · kind: {b.kind}",
           "built-in rule: the engine applies it, using the studies and values in the claims database", ""]
    out += ["## What it catches, and why", "", *_para(b.description, width), ""]
    out += ["## Facts and sources", "",
            *_para("Each finding names the study or value it was checked against and that entry's sources; "
                   "see `factcheck db list --type studies` and `factcheck db show ID`.", width)]
    return out


def docs_base() -> str | None:
    """Where the docs/ folder is published: the package's `Documentation` URL, or its GitHub
    repository's docs/ folder. None when the package declares neither (then no helpUri: SARIF
    wants an absolute URI, and a made-up address would send users nowhere)."""
    from importlib import metadata

    try:
        from factcheck import DISTRIBUTION

        meta = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None
    urls: dict[str, str] = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip().rstrip("/")
    if urls.get("documentation", "").startswith("https://"):
        return urls["documentation"]
    for label in ("repository", "source", "homepage"):
        url = urls.get(label, "")
        if url.startswith("https://github.com/") and url.count("/") == 4:
            return f"{url}/blob/HEAD/docs"
    return None


def help_uri(kind: str | None, base: str | None) -> str | None:
    """A rule's helpUri: its kind's section of rule-kinds.md (built-in rules: their table)."""
    if not base:
        return None
    section = anchor(kind) if kind in KIND_DOCS else "built-in-rules"
    return f"{base}/rule-kinds.md#{section}"


def _rel(path: str) -> str:
    """A rule file as a reader can find it: inside the bundled packs, relative to their root (the
    same in a checkout and an installed wheel, and no local path leaks into a SARIF file);
    otherwise relative to the working directory when inside it."""
    import os

    from factcheck.knowledge import bundled_pack_root

    try:
        resolved = Path(path).resolve()
        bundled = bundled_pack_root().resolve()
        if resolved.is_relative_to(bundled):
            return resolved.relative_to(bundled).as_posix()
        return os.path.relpath(path) if resolved.is_relative_to(Path.cwd()) else path
    except (ValueError, OSError):
        return path


def main(argv: list[str] | None = None) -> int:
    """`python -m factcheck.docs_gen [--check] [PATH]`: write (or compare) docs/rule-kinds.md."""
    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    paths = [a for a in args if a != "--check"]
    target = Path(paths[0] if paths else REFERENCE_PATH)
    text = kind_reference()
    if check:
        same = target.is_file() and target.read_text(encoding="utf-8") == text
        print(f"{target}: {'up to date' if same else 'out of date: run python -m factcheck.docs_gen'}")
        return 0 if same else 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
