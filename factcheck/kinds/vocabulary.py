"""One cue matcher per pack: the language layer's generic cues plus the pack's own words.

Labels: generic cues as in `lang.cues` ("EV:approval", "NEG", ...); `TERM:<name>` for the pack's
term lists; `ABOUT` for what the pack is about; `RIVAL` for neighbouring topics and other packs'
subjects; `JUR:<code>` for places; `EV:rule:<id>` and `SUBJ:rule:<id>` for phrases a rule lists
inline.
"""

from __future__ import annotations

import os

from spacy.language import Language

from factcheck.knowledge.model import Pack
from factcheck.knowledge.pack_cache import cache_folder
from factcheck.knowledge.rule_kinds import (
    EventDateSpec,
    IndicationSpec,
    IngredientSpec,
    JurisdictionStatusSpec,
    NameSpec,
    PriceSpec,
    RoleSpec,
    StatusSpec,
    UniquenessSpec,
)
from factcheck.lang.cues import CueMatcher, generic_cues
from factcheck.lang.places import places

BUILTIN_EVENTS = {label[3:] for label in generic_cues() if label.startswith("EV:")}


def subject_labels(rule_id: str, subject: list[str]) -> set[str]:
    return {f"TERM:{s[1:]}" if s.startswith("@") else f"SUBJ:rule:{rule_id}" for s in subject}


def listed_labels(subject: list[str], inline_label: str) -> set[str]:
    """The cue labels of a member's or companion's `subject`: its @terms' and, for the phrases it
    lists in its own words, `inline_label`."""
    labels = {f"TERM:{s[1:]}" for s in subject if s.startswith("@")}
    if any(not s.startswith("@") for s in subject):
        labels.add(inline_label)
    return labels


def _add_listed(lists: dict[str, list[str]], inline_label: str, subject: list[str]) -> None:
    """A member's or companion's phrases in its own words under `inline_label` (listed_labels'
    counterpart: its @terms are matched as the pack's terms)."""
    inline = [s for s in subject if not s.startswith("@")]
    if inline:
        lists[inline_label] = inline


def _add_inline(lists: dict[str, list[str]], rule_id: str, event: list[str], subject: list[str]) -> None:
    """Events and subjects a rule lists in its own words, beside the built-in classes and @terms."""
    inline_events = [e for e in event if e not in BUILTIN_EVENTS]
    if inline_events:
        lists[f"EV:rule:{rule_id}"] = inline_events
    inline_subjects = [s for s in subject if not s.startswith("@")]
    if inline_subjects:
        lists[f"SUBJ:rule:{rule_id}"] = inline_subjects


def event_labels(rule_id: str, event: list[str]) -> set[str]:
    return {f"EV:{e}" if e in BUILTIN_EVENTS else f"EV:rule:{rule_id}" for e in event}


def build_matcher(nlp: Language, pack: Pack, rivals: list[str] | None = None) -> CueMatcher:
    lists: dict[str, list[str]] = dict(generic_cues())
    for name, phrases in pack.terms.items():
        lists[f"TERM:{name}"] = phrases
    if pack.about:
        lists["ABOUT"] = pack.about
    rival = list(pack.neighbours) + list(rivals or [])
    if rival:
        lists["RIVAL"] = rival
    for code, names in places().items():
        lists[f"JUR:{code}"] = names
    # Every name the pack accepts as right: a generated wrong variant never is one of them.
    names_in_use = {n.lower() for r in pack.rules.values() if isinstance(r.spec, NameSpec)
                    for n in [r.spec.canonical, *r.spec.aliases, *(x for f in r.spec.former for x in f.names)]}
    for rule in pack.rules.values():
        spec = rule.spec
        if isinstance(spec, (StatusSpec, EventDateSpec, JurisdictionStatusSpec)):
            _add_inline(lists, rule.id, spec.event, spec.subject)
            if spec.topic:
                lists[f"TOPIC:rule:{rule.id}"] = spec.topic
            if isinstance(spec, JurisdictionStatusSpec):
                for i, state in enumerate(spec.jurisdictions):
                    lists[f"JS:{rule.id}:{i}"] = state.names
        elif isinstance(spec, NameSpec):
            if spec.wrong:
                lists[f"NAME:wrong:{rule.id}"] = spec.wrong
            variants = body_name_variants(spec.canonical, names_in_use)
            if variants:
                lists[f"NAME:variant:{rule.id}"] = variants
            if spec.not_former:
                lists[f"NAME:notformer:{rule.id}"] = spec.not_former
            if spec.acronym or spec.former or spec.not_former:
                # The name itself, so that an acronym printed after it can be checked ("(DHS)"),
                # and so that a sentence giving the current name beside a former one is left alone.
                lists[f"NAME:canonical:{rule.id}"] = [spec.canonical, *spec.aliases]
            if spec.acronym:
                lists[f"NAME:acronym:{rule.id}"] = [spec.acronym]
            for i, fn in enumerate(spec.former):
                lists[f"NAME:former:{rule.id}:{i}"] = fn.names
        elif isinstance(spec, UniquenessSpec):
            lists[f"CATEGORY:{rule.id}"] = category_variants(spec.category)
            for i, facet in enumerate(spec.facets):
                lists[f"FACET:{rule.id}:{i}"] = facet
            for i, m in enumerate(spec.members):
                _add_listed(lists, f"MEMBER:{rule.id}:{i}", m.subject)
        elif isinstance(spec, IngredientSpec):
            for i, sub in enumerate(spec.substances):
                lists[f"SUBST:{rule.id}:{i}"] = sub.name
                lists[f"PROD:{rule.id}:{i}"] = sub.products
        elif isinstance(spec, IndicationSpec):
            _add_inline(lists, rule.id, spec.event, spec.subject)
            lists[f"IND:{rule.id}:own"] = spec.indications
            lists[f"COND:{rule.id}"] = spec.conditions
            for i, comp in enumerate(spec.companions):
                _add_listed(lists, f"COMP:{rule.id}:{i}", comp.subject)
                lists[f"IND:{rule.id}:{i}"] = comp.indications
        elif isinstance(spec, PriceSpec):
            _add_inline(lists, rule.id, [], spec.subject)
            if spec.channel:
                lists[f"CHANNEL:{rule.id}"] = spec.channel
        elif isinstance(spec, RoleSpec):
            lists[f"ORG:{rule.id}"] = spec.organization
            lists[f"ROLE:{rule.id}"] = spec.role
            for i, h in enumerate(spec.holders):
                lists[f"HOLDER:{rule.id}:{i}"] = [h.name, *h.aliases]
        if rule.unless_words:
            lists[f"UNLESS:{rule.id}"] = rule.unless_words
    fixed = ("TERM:", "JUR:", "ABOUT", "RIVAL", "NAME:", "ORG:", "HOLDER:", "JS:", "SUBJ:", "UNLESS:", "MEMBER:", "SUBST:", "PROD:",
             "IND:", "COND:", "COMP:", "CHANNEL:",
             # category phrases come with their own variants (category_variants): inflecting each
             # of those thousands again cost 30 MiB of phrase patterns and found nothing more
             "CATEGORY:")
    # The phrases' tokens are kept beside the compiled pack, under the same switch.
    cache = None if os.environ.get("FACTCHECK_NO_PACK_CACHE") else cache_folder() / "cues"
    return CueMatcher(nlp, lists, fixed=fixed, cache=cache)


# Words that widen a category without changing it: "the first country anywhere to ...", "the first
# nation in the world to officially recognise ...". Written into the phrase list, so a pack lists
# the category once.
WIDENERS = ("anywhere", "in the world", "worldwide", "on earth", "globally", "ever")
# Words after "to": a manner ("to officially recognise") or the perfect ("to have legalised").
MANNER_AFTER_TO = ("officially", "formally", "legally", "fully", "have")


# Participles between a category's noun and its purpose ("a pill made specifically for weight loss").
PURPOSE_PARTICIPLES = ("approved", "indicated", "cleared", "authorised", "authorized", "licensed", "made",
                       "made specifically", "designed", "designed specifically", "developed", "developed specifically",
                       "meant", "intended", "specifically")


# Pro-forms of the act after "NOUN to": "the first country to do so" stands for the act the text
# told before it (kinds/uniqueness.py looks for it there).
PRO_FORMS = ("do so", "do this", "do that", "take such a step", "take this step", "take that step", "have done so",
             "have taken such a step", "have taken this step", "make this move", "make such a move")


# The nouns that name what kind of body an organisation is: a registered name with one of them
# swapped for another is the name printed wrong ("Therapeutic Goods Authority", "Food and Drug
# Agency"), as is one with "for" and "of" swapped ("Association of Psychedelic Studies").
BODY_WORDS = ("Administration", "Agency", "Association", "Authority", "Administer", "Administrator", "Commission",
              "Committee", "Council", "Department", "Bureau", "Board", "Office", "Institute", "Foundation",
              "Organization", "Organisation", "Society", "Alliance", "Federation")
LINK_SWAPS = {"for": "of", "of": "for"}


def body_name_variants(canonical: str, in_use: set[str]) -> list[str]:
    """The registered name with its body noun swapped, or its "for"/"of" swapped, one change at a
    time; none that is a name the pack accepts (`in_use`, lower case). Only names of three words or
    more: in a shorter one the swap makes an ordinary phrase."""
    words = canonical.split()
    if len(words) < 3:
        return []
    out: list[str] = []
    for i, w in enumerate(words):
        subs = [b for b in BODY_WORDS if b != w] if w in BODY_WORDS else ([LINK_SWAPS[w]] if w in LINK_SWAPS else [])
        for sub in subs:
            v = " ".join([*words[:i], sub, *words[i + 1:]])
            if v.lower() not in in_use:
                out.append(v)
    return out


def past_participle(verb: str) -> str:
    """The regular past participle of a category's verb ("legalise" -> "legalised", "classify" ->
    "classified"): category phrases are matched as written (no inflection; see build_matcher)."""
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def category_variants(phrases: list[str]) -> list[str]:
    """Each "NOUN to VERB ..." category phrase, also with a widener after the noun and a manner
    adverb after "to" ("country anywhere to officially recognise"), and each head noun with a
    pro-form of the act ("country to do so")."""
    out = list(phrases)
    seen = set(out)
    heads = []
    for p in phrases:
        words = p.split()
        if len(words) < 3 or words[1] != "to":
            continue
        head, rest = words[0], words[2:]
        if head not in heads:
            heads.append(head)
        # The noun left out: "Australia is the first to approve both" (the kind still wants "first"
        # or "only" before it and a member named as its subject).
        # ... and with a widener before "to": "Australia first in the world to legalise ecstasy".
        for widener in ("", *WIDENERS):
            short = " ".join(x for x in (widener, "to", *rest) if x)
            if short not in seen:
                seen.add(short)
                out.append(short)
        for widener in ("", *WIDENERS):
            for manner in ("", *MANNER_AFTER_TO):
                if rest[0] in MANNER_AFTER_TO and manner:
                    continue
                # the perfect takes the participle: "the first nation anywhere to have legalised"
                verb = [past_participle(rest[0]), *rest[1:]] if manner == "have" else rest
                v = " ".join(x for x in (head, widener, "to", manner, *verb) if x)
                if v not in seen:
                    seen.add(v)
                    out.append(v)
    # "NOUN for PURPOSE" also with a participle before "for": "GLP-1 tablet made specifically for
    # weight management", "oral GLP-1 indicated for obesity".
    for p in phrases:
        head, sep, purpose = p.partition(" for ")
        if not sep or not head or not purpose:
            continue
        for participle in PURPOSE_PARTICIPLES:
            v = f"{head} {participle} for {purpose}"
            if v not in seen:
                seen.add(v)
                out.append(v)
    for head in heads:
        for widener in ("", *WIDENERS):
            for pro in PRO_FORMS:
                v = " ".join(x for x in (head, widener, "to", pro) if x)
                if v not in seen:
                    seen.add(v)
                    out.append(v)
    return out


def acts_of(phrases: list[str]) -> set[str]:
    """The verbs of the "NOUN to VERB" category phrases, as lemmas ("legalise", "approve")."""
    from factcheck.lang.lemmas import lemma_of

    return {lemma_of(p.split()[2]) for p in phrases if len(p.split()) >= 3 and p.split()[1] == "to"}
