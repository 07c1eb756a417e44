"""Helpers every rule kind shares: turning token spans into Claims, and the words that frame a
statement as history ("former", "then", "until", a year before the fact changed)."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from factcheck.knowledge.model import Rule
from factcheck.lang.layer import Analysis, EventMention
from factcheck.nlp.claims import Claim

# Words that put a person, title or state in the past.
PAST_FRAMING = {"former", "formerly", "ex", "then", "then-", "previous", "previously", "past", "once", "was", "were",
                "had", "until", "till", "retired", "stepped", "left", "departed", "succeeded", "replaced", "ousted",
                "resigned", "resign", "earlier", "late", "back", "ago", "became"}


def claim_for(an: Analysis, start: int, end: int, sentence: tuple[int, int], rule: Rule) -> Claim:
    doc = an.doc
    first, last = doc[start], doc[end - 1]
    s_first, s_last = doc[sentence[0]], doc[sentence[1] - 1]
    return Claim(type="rule", kind=rule.kind, start=first.idx, end=last.idx + len(last.text),
                 sentence=(s_first.idx, s_last.idx + len(s_last.text)), rule=rule)


def sentence_of(an: Analysis, token: int) -> tuple[int, int] | None:
    return an.sentence_at(token)


def blocked(an: Analysis, rule: Rule, start: int, end: int) -> bool:
    """A rule's own `unless` phrases in the span: the statement is about something else. Not a
    phrase that is one conjunct of a pair ("for weight management and for type 2 diabetes"): the
    statement is said of the other conjunct too."""
    label = f"UNLESS:{rule.id}"
    if not an.names_in((label,), start, end):
        return False
    return any(not _paired_conjunct(an, c.start, c.end, start, end)
               for c in an.cues_in(start, end) if c.label == label)


PAIRING_PREPOSITIONS = {"for", "in", "with", "to", "against"}
CONJUNCTIONS = {"and", "or", "nor"}


def _paired_conjunct(an: Analysis, start: int, end: int, span_start: int, span_end: int) -> bool:
    """Is the phrase at [start, end) a prepositional phrase coordinated with a parallel one
    ("for X and for Y", "for Y or for X") inside the span?"""
    doc = an.doc
    prep = doc[start].lower_
    if prep not in PAIRING_PREPOSITIONS:
        return False
    if start - 1 > span_start and doc[start - 1].lower_ in CONJUNCTIONS:
        # "... for chronic weight management and for type 2 diabetes"
        return any(doc[i].lower_ == prep for i in range(span_start, start - 1))
    if end + 1 < span_end and doc[end].lower_ in CONJUNCTIONS and doc[end + 1].lower_ == prep:
        return True  # "for type 2 diabetes and for weight management"
    return False


TOPIC_LOOKBACK = 2  # sentences back in the paragraph a topic may be borrowed from


def _names_subject(an: Analysis, span: tuple[int, int], own: Collection[str]) -> bool:
    return an.names_in(own, *span)


# Words after a participle that keep it a verb with a time of its own ("FDA-approved in 2021").
_VERB_FOLLOWERS = {"in", "on", "by", "since", "at", "during", "until", "before", "after", "as", "for", "last", "this"}


def describes_a_noun(an: Analysis, ev: EventMention) -> bool:
    """"state-licensed pharmacies", "lab-made copies": a participle joined by a hyphen to a common
    word, before its noun, describes the noun and names no act. With a name or an authority
    ("FDA-approved", "Health Canada-licensed") it still says who approved it."""
    doc = an.doc
    k, e = ev.cue.start, ev.cue.end
    if e - k != 1 or k < 2 or doc[k - 1].text != "-" or e >= len(doc) or not doc[k].lower_.endswith("ed"):
        return False
    prefix, nxt = doc[k - 2], doc[e]
    if not prefix.is_lower or any(c.start <= k - 2 < c.end for c in an.cues_in(k - 2, k - 1) if c.label.startswith("AUTH")):
        return False
    return not nxt.is_punct and nxt.lower_ not in _VERB_FOLLOWERS


CONDITION_OPENERS = {"when", "if", "unless", "where", "whenever", "provided", "as long as"}


def _condition_after(an: Analysis, ev: EventMention) -> tuple[int, int] | None:
    """The condition clause that follows the event's clause in its sentence ("..., when the only
    goal is weight loss", "... if it is used to treat diabetes"), as a token span."""
    doc = an.doc
    for k in range(ev.clause[1], ev.sentence[1]):
        # after a comma or right after the clause, past a list's other members ("for Wegovy, or
        # for any other GLP-1, when ..."), not past a semicolon or colon
        if doc[k].lower_ in CONDITION_OPENERS and (k == ev.clause[1] or doc[k - 1].text == ","):
            return k, ev.sentence[1]
        if doc[k].text in (";", ":"):
            return None
    return None


def blocked_here(an: Analysis, rule: Rule, ev: EventMention, own: Collection[str],
                 paragraph_start: int | None = None) -> bool:
    """The rule's `unless` phrases in the event's clause, or in its sentence when the clause does
    not name the subject itself ("Wegovy can now be prescribed to teens; the FDA approved the new
    use in December 2022": the second clause is about the teens' approval too), or, when the
    sentence does not name it either, in the sentence of its paragraph it borrows the subject from
    ("... cleared oral Wegovy. The company has also applied in Europe": the pill's application)."""
    if not an.cue_index().get(f"UNLESS:{rule.id}"):
        # The page holds none of the rule's `unless` phrases: no span below can be blocked.
        return describes_a_noun(an, ev)
    return _blocked_here_read(an, rule, ev, own, paragraph_start)


def _blocked_here_read(an: Analysis, rule: Rule, ev: EventMention, own: Collection[str],
                       paragraph_start: int | None = None) -> bool:
    """`blocked_here`, read step by step."""
    if blocked(an, rule, *ev.clause) or describes_a_noun(an, ev):
        return True
    condition = _condition_after(an, ev)
    if condition is not None and blocked(an, rule, *condition):
        return True  # "Part D will not pay for it, when the only goal is weight loss": the condition limits it
    if getattr(rule.spec, "unless_scope", "clause") == "sentence" and blocked(an, rule, *ev.sentence):
        return True
    if _names_subject(an, ev.clause, own):
        return False
    if blocked(an, rule, *ev.sentence):
        return True
    if paragraph_start is None or _names_subject(an, ev.sentence, own):
        return False
    for s in _earlier_in_paragraph(an, ev.sentence, paragraph_start):
        if _names_subject(an, s, own):
            return blocked(an, rule, *s)
    return False


def _earlier_in_paragraph(an: Analysis, sentence: tuple[int, int], paragraph_start: int) -> Iterator[tuple[int, int]]:
    """The few sentences before `sentence` in its paragraph, nearest first."""
    idx = an.sentence_index(sentence)
    for back in range(idx - 1, max(-1, idx - 1 - TOPIC_LOOKBACK), -1):
        s = an.sentences[back]
        if s[0] < paragraph_start:
            return
        yield s


def names_topic(an: Analysis, rule: Rule, ev: EventMention, own: Collection[str], paragraph_start: int,
                whole_sentence: bool = True, look_back: bool = True) -> bool:
    """Does the statement name one of the rule's `topic` phrases (what the event is for)? Always
    true for a rule without a topic. Read in the event's clause; in its sentence when the clause
    does not name the subject (or, `whole_sentence`, even when it does); and, when the sentence
    does not name the subject either, in the sentences before it in its paragraph ("... a higher
    risk of suicidal thoughts. The agency will keep evaluating the evidence"), unless `look_back`
    is off (a date belongs to its own sentence's event)."""
    topic = getattr(rule.spec, "topic", None)
    if not topic:
        return True
    if not an.cue_index().get(f"TOPIC:rule:{rule.id}"):
        return False  # the page names none of the topic's phrases: no span below can
    return _names_topic_read(an, rule, ev, own, paragraph_start, whole_sentence, look_back)


def _names_topic_read(an: Analysis, rule: Rule, ev: EventMention, own: Collection[str], paragraph_start: int,
                      whole_sentence: bool = True, look_back: bool = True) -> bool:
    """`names_topic` of a rule with a topic, read step by step."""
    label = (f"TOPIC:rule:{rule.id}",)
    if an.names_in(label, *ev.clause):
        return True
    if _names_subject(an, ev.clause, own):
        # The clause names its subject: another clause's topic is another statement's ("Wegovy
        # was first approved in 2021 for adults; the label was extended to teens in 2022").
        return whole_sentence and an.names_in(label, *ev.sentence)
    if an.names_in(label, *ev.sentence):
        return True
    if _names_subject(an, ev.sentence, own) or not look_back:
        return False
    return any(an.names_in(label, *s) for s in _earlier_in_paragraph(an, ev.sentence, paragraph_start))


# How a sentence opens when it answers the one before ("In fact, the agency declined it.").
CORRECTION_OPENERS = ("in fact", "actually", "in reality", "in truth", "that is not", "that's not", "this is not",
                      "that is false", "this is false", "that is untrue", "not so", "not true", "it isn't",
                      "it is not", "it wasn't", "it was not", "it hasn't", "it has not", "it did not", "it didn't",
                      "none of this", "neither is true", "wrong", "false")


def answered_after(an: Analysis, ev: EventMention, para: int, para_of: dict[int, int]) -> bool:
    """Does the text answer someone's statement in the next two sentences of its paragraph, with
    a correction ("In fact, ...", "That is not true.") or the same event told the other way in
    its own voice ("The FDA has not approved it" after "... say it was approved")? Then it reports
    the statement in order to correct it."""
    idx = an.sentence_index(ev.sentence)
    after = [s for s in an.sentences[idx + 1: idx + 3] if para_of.get(s[0]) == para]
    if not after:
        return False
    opener = an.doc[after[0][0]:min(after[0][0] + 4, after[0][1])].text.lower()
    if opener.startswith(CORRECTION_OPENERS):
        return True
    said = _POLARITY.get(ev.stance.stance)
    if said is None:
        return False
    for other in an.events_between(after[0][0], after[-1][1]):
        if other.event == ev.event and _POLARITY.get(other.stance.stance) == (not said) and not other.stance.attributed:
            return True
    return False


# Which way a stance points: the event happened or holds, or it did not.
_POLARITY = {"done": True, "current": True, "negated": False, "refused": False}
