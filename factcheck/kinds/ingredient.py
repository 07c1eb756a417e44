"""Kind `ingredient`: a product tied to the wrong active substance ("semaglutide drugs such as
Ozempic and Mounjaro", "Zepbound (semaglutide)", "Mounjaro, a semaglutide injection").

Only tight constructions bind a product to a substance, so that a sentence naming both for other
reasons ("Mounjaro works better than semaglutide") is left alone:
- a parenthesis right after one of them: "Zepbound (tirzepatide)", "semaglutide (Ozempic, Wegovy)";
- an apposition or a copula with a substance before a head noun: "Mounjaro, a semaglutide
  injection", "Zepbound is a tirzepatide drug";
- a list after the substance: "semaglutide drugs such as Ozempic and Wegovy", "semaglutide, sold
  as Ozempic";
- a list before a verb of containing: "Ozempic and Wegovy contain semaglutide";
- the active ingredient named: "semaglutide, the active ingredient in Ozempic", "the active
  ingredient in Mounjaro is tirzepatide".
A group of products bound to a group of substances ("Ozempic and Mounjaro (semaglutide and
tirzepatide)") is wrong only for a product whose own substance is not in the group.
"""

from __future__ import annotations

from factcheck.kinds.common import claim_for, sentence_of
from factcheck.knowledge.model import Rule
from factcheck.knowledge.rule_kinds import IngredientSpec
from factcheck.lang.cues import Cue
from factcheck.lang.layer import Analysis
from factcheck.nlp.claims import Claim

# Nouns a substance modifies when it names what a product is ("a semaglutide injection").
HEADS = {"drug", "drugs", "medicine", "medicines", "medication", "medications", "injection", "injections", "shot",
         "shots", "pill", "pills", "tablet", "tablets", "product", "products", "brand", "brands", "formulation",
         "formulations", "treatment", "treatments", "version", "versions", "pen", "pens", "injectable", "injectables",
         "-", "based"}
# Between a substance and the list of its products ("semaglutide drugs such as", "sold as").
LIST_OPENERS = (("such", "as"), ("like",), ("including",), ("sold", "as"), ("marketed", "as"), ("sold", "under"),
                ("marketed", "under"), ("known", "as"), ("branded", "as"), ("e.g.",), ("namely",))
CONTAIN_VERBS = {"contain", "contains", "containing", "use", "uses", "are", "is"}
CONTAIN_AFTER = {"based", "made", "built", "versions", "brands", "forms"}
# Words that keep a pair apart: a comparison or a denial, not an identity.
APART = {"not", "n't", "unlike", "than", "versus", "vs", "vs.", "rather", "instead", "compared", "rival", "rivals",
         "competitor", "competitors", "against", "or", "nor", "no", "never", "alternative", "alternatives", "switch",
         "switched", "from", "to"}
LIST_GLUE = {",", "and", "or", "&", "the", "brand", "brands", "names", "name", "its", "their"}
APPOSITION_REACH = 4  # tokens between "a"/"an" and the substance ("a once-weekly semaglutide injection")
PAREN_REACH = 10


class IngredientRule:
    def __init__(self, rule: Rule) -> None:
        assert isinstance(rule.spec, IngredientSpec)
        self.rule, self.spec = rule, rule.spec
        self.subst_prefix = f"SUBST:{rule.id}:"
        self.prod_prefix = f"PROD:{rule.id}:"

    def claims(self, an: Analysis) -> list[Claim]:
        doc = an.doc
        out: list[Claim] = []
        substances = [c for c in an.cues if c.label.startswith(self.subst_prefix)]
        if not substances:
            return out
        products = [c for c in an.cues if c.label.startswith(self.prod_prefix)]
        if not products:
            return out
        seen: set[tuple[int, int]] = set()
        for group_products, group_substances in self._groups(an, products, substances):
            told = {_index(s.label) for s in group_substances}
            for p in group_products:
                if _index(p.label) in told or (p.start, p.end) in seen:
                    continue
                sent = sentence_of(an, p.start)
                if sent is None:
                    continue
                lo = min([p.start, *(s.start for s in group_substances)])
                hi = max([p.end, *(s.end for s in group_substances)])
                if any(doc[i].lower_ in APART for i in range(lo, hi) if not (p.start <= i < p.end)) \
                        and not self._listed(an, lo, hi):
                    continue
                seen.add((p.start, p.end))
                out.append(claim_for(an, lo, hi, sent, self.rule))
        return out

    def _listed(self, an: Analysis, lo: int, hi: int) -> bool:
        """"or" inside a list of products ("such as Ozempic or Wegovy") joins, it does not compare."""
        words = {an.doc[i].lower_ for i in range(lo, hi)}
        return words & APART <= {"or"} and bool(words & {"such", "like", "including"})

    def _groups(self, an: Analysis, products: list[Cue], substances: list[Cue]):  # type: ignore[no-untyped-def]
        """Each binding: (products, substances) said to go together."""
        doc = an.doc
        for s in substances:
            # "semaglutide (Ozempic, Wegovy)" / "semaglutide drugs such as Ozempic and Wegovy"
            inside = _parenthesis_after(doc, s.end)
            if inside:
                yield [p for p in products if inside[0] <= p.start < inside[1]], [s]
            opener = _list_opener(doc, s.end)
            if opener is not None:
                yield _products_listed(doc, products, substances, opener), [s]
            # "semaglutide, the active ingredient in Ozempic"
            k = _active_ingredient_after(doc, s.end)
            if k is not None:
                yield [p for p in products if p.start == k], [s]
        for p in products:
            # "Zepbound (tirzepatide)"; "Ozempic and Mounjaro (semaglutide and tirzepatide)"
            inside = _parenthesis_after(doc, p.end)
            if inside:
                subs = [s for s in substances if inside[0] <= s.start < inside[1]]
                if subs:
                    yield _products_before(doc, products, p), subs
            # "Mounjaro, a semaglutide injection", "Zepbound is a tirzepatide drug"
            s = _apposed_substance(doc, substances, p.end)
            if s is not None:
                yield [p], [s]
            # "Ozempic and Wegovy contain semaglutide"
            s = _contained_substance(doc, substances, p.end)
            if s is not None:
                yield _products_before(doc, products, p), [s]
            # "Ozempic's active ingredient is semaglutide", "the active ingredient in Mounjaro is tirzepatide"
            s = _named_ingredient(doc, substances, p)
            if s is not None:
                yield [p], [s]


def _index(label: str) -> int:
    return int(label.rsplit(":", 1)[1])


def _parenthesis_after(doc, at: int) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    if at >= len(doc) or doc[at].text != "(":
        return None
    for k in range(at + 1, min(len(doc), at + PAREN_REACH)):
        if doc[k].text == ")":
            return at + 1, k
    return None


def _list_opener(doc, at: int) -> int | None:  # type: ignore[no-untyped-def]
    """Where the list of products starts after a substance: "semaglutide drugs such as ...",
    "semaglutide, sold as ..." (a head noun and a comma may stand before the opener)."""
    k = at
    if k < len(doc) and doc[k].lower_ in HEADS:
        k += 1
    if k < len(doc) and doc[k].text == ",":
        k += 1
    for opener in LIST_OPENERS:
        if [t.lower_ for t in doc[k:k + len(opener)]] == list(opener):
            return k + len(opener)
    return None


def _products_listed(doc, products: list[Cue], substances: list[Cue], start: int) -> list[Cue]:  # type: ignore[no-untyped-def]
    """The products of a list starting at `start`, up to the first word that is neither a product
    nor list glue (another substance ends it too)."""
    out: list[Cue] = []
    by_start = {p.start: p for p in products}
    stops = {s.start for s in substances}
    k = start
    while k < len(doc) and k not in stops:
        if k in by_start:
            out.append(by_start[k])
            k = by_start[k].end
        elif doc[k].lower_ in LIST_GLUE:
            k += 1
        else:
            break
    return out


def _products_before(doc, products: list[Cue], last: Cue) -> list[Cue]:  # type: ignore[no-untyped-def]
    """The list of products ending with `last` ("Ozempic, Wegovy and Rybelsus contain ...")."""
    by_end = {p.end: p for p in products}
    out = [last]
    k = last.start
    while k > 0:
        j = k
        while j > 0 and doc[j - 1].lower_ in (",", "and", "or", "&"):
            j -= 1
        if j == k or j not in by_end:
            break
        out.append(by_end[j])
        k = by_end[j].start
    return out


def _apposed_substance(doc, substances: list[Cue], at: int) -> Cue | None:  # type: ignore[no-untyped-def]
    """"Mounjaro, a semaglutide injection", "Zepbound is a tirzepatide drug"."""
    k = at
    if k < len(doc) and doc[k].text == ",":
        k += 1
    elif k < len(doc) and doc[k].lower_ in ("is", "was"):
        k += 1
    else:
        return None
    if k >= len(doc) or doc[k].lower_ not in ("a", "an"):
        return None
    for s in substances:
        if k < s.start <= k + APPOSITION_REACH and s.end < len(doc) and doc[s.end].lower_ in HEADS \
                and not any(doc[i].is_punct and doc[i].text != "-" for i in range(k, s.start)):
            return s
    return None


def _contained_substance(doc, substances: list[Cue], at: int) -> Cue | None:  # type: ignore[no-untyped-def]
    """"Ozempic and Wegovy contain semaglutide", "Ozempic is based on semaglutide"."""
    if at >= len(doc) or doc[at].lower_ not in CONTAIN_VERBS:
        return None
    verb = doc[at].lower_
    k = at + 1
    if verb in ("are", "is"):
        # only "are based on", "are versions of", "are brands of"
        if k >= len(doc) or doc[k].lower_ not in CONTAIN_AFTER:
            return None
        k += 1
        if k < len(doc) and doc[k].lower_ in ("on", "of", "from", "with"):
            k += 1
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    return next((s for s in substances if s.start == k), None)


def _named_ingredient(doc, substances: list[Cue], p: Cue) -> Cue | None:  # type: ignore[no-untyped-def]
    """"Ozempic's active ingredient is semaglutide", "Ozempic's active ingredient, semaglutide,",
    "the active ingredient in Mounjaro is tirzepatide"."""
    after = [t.lower_ for t in doc[p.end:p.end + 5]]
    k = None
    for opener in (("'s", "active", "ingredient"), ("'s", "ingredient"), ("’s", "active", "ingredient")):
        if after[:len(opener)] == list(opener):
            k = p.end + len(opener)
            break
    if k is None:
        before = [t.lower_ for t in doc[max(0, p.start - 3):p.start]]
        if before[-2:] in (["ingredient", "in"], ["ingredient", "of"]):
            k = p.end
    if k is None:
        return None
    if k < len(doc) and doc[k].lower_ in ("is", ",", "was"):
        k += 1
    return next((s for s in substances if s.start == k), None)


def _active_ingredient_after(doc, at: int) -> int | None:  # type: ignore[no-untyped-def]
    """"semaglutide, the active ingredient in Ozempic": the token where the product starts."""
    words = [t.lower_ for t in doc[at:at + 7]]
    for opener in ((",", "the", "active", "ingredient", "in"), (",", "the", "active", "ingredient", "of"),
                   (",", "the", "ingredient", "in"), (",", "the", "drug", "in"), (",", "the", "compound", "in")):
        if words[:len(opener)] == list(opener):
            return at + len(opener)
    return None
