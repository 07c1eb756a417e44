"""The closed word lists the stance readers share: auxiliaries, modals, adverbs, verbs of obtaining,
forecasting and requiring, and the nouns and subjects they look for. Plain data, no logic."""

from __future__ import annotations

STANCES = ("done", "pending", "expected", "refused", "negated", "hypothetical", "past-forecast", "current", "ended",
           "none")
INTERROGATIVES = {"is", "are", "was", "were", "will", "would", "can", "could", "should", "does", "do", "did", "has",
                  "have", "what", "when", "why", "how", "who", "which", "where", "whether", "may", "might", "shall"}
PERFECT = {"has", "have", "'ve"}
PAST_PERFECT = {"had", "'d"}
FUTURE_MODALS = {"will", "'ll", "shall", "could", "may", "might", "should", "wo", "going", "gonna"}
ADVERBS = {"currently", "presently", "actively", "now", "finally", "officially", "already", "just", "recently", "fully", "formally", "quietly", "also",
           "still", "soon", "widely", "generally", "increasingly", "very", "so", "quite", "pretty", "really",
           "likely", "probably", "almost", "nearly", "all", "but", "well", "eventually", "ultimately", "once",
           "reportedly", "apparently", "indeed", "then", "first", "even", "being", "getting", "broadly"}
# Verbs that take an event noun as something obtained ("received approval", "won the green light").
OBTAIN = {"receive", "received", "receives", "receiving", "win", "won", "wins", "winning", "gain", "gained", "gains",
          "gaining", "get", "got", "gets", "getting", "gotten", "secure", "secured", "secures", "securing", "obtain",
          "obtained", "obtains", "obtaining", "earn", "earned", "earns", "earning", "land", "landed", "lands",
          "landing", "grant", "granted", "grants", "granting", "give", "gave", "given", "gives", "giving", "clinch",
          "clinched", "achieve", "achieved", "award", "awarded", "issue", "issued"}
OBTAIN_REACH = 8
OBTAIN_DONE = {"received", "won", "gained", "got", "gotten", "secured", "obtained", "earned", "landed", "granted",
               "gave", "given", "clinched", "achieved", "awarded", "issued"}
IRREGULAR_PAST = {"went", "made", "took", "came", "gave", "got", "set", "put", "held", "met", "ran", "began", "chose",
                  "wrote", "told", "said", "won", "sent", "brought"}
IRREGULAR_PARTICIPLES = {"lit", "green-lit", "given", "won", "got", "gotten", "made", "become", "done", "set", "struck",
                         "overturned", "put", "taken", "brought", "sent", "laid"}
# Verb cues of forecasting whose tense decides between a live forecast and history.
FORECAST_VERBS = {"expect", "anticipate", "predict", "project", "forecast", "tip", "hope", "slate", "poise", "head",
                  "set", "schedule", "destine", "plan", "agree", "vow", "pledge", "promise", "move", "advance",
                  "march", "inch", "edge"}
# Words before "'s" that make it "is" ("it's close"); after a noun it is a possessive ("the
# agency's ruling").
IS_CONTRACTORS = {"it", "that", "there", "here", "what", "who", "he", "she", "this", "which", "where", "when", "how",
                  "everything", "nothing", "something", "one"}
# Modals that, with "have", look back at what could have been: "approval could have turned the
# company into ...", "it might have been approved" (a counterfactual, not a forecast).
COUNTERFACTUAL_MODALS = {"could", "might", "may", "should", "would", "must", "'d"}
# Past verbs of belief: a "could" under them is a past view ("advocates, who saw MDMA as the
# first psychedelic that could win approval"), told as history. Speech verbs are not here: "the
# company said approval could come in August" stays a (reported) forecast.
PAST_BELIEF = {"saw", "viewed", "regarded", "considered", "thought", "believed", "felt", "imagined", "dreamed",
               "envisioned", "envisaged", "hoped", "wished"}
# Modals of obligation: without a time ("should be approved for depression") they argue for the
# event; with one ("should be approved later this year") they forecast it.
DEONTIC_MODALS = {"should", "must", "ought"}
# Words that make a modal forecast without naming a date.
FORECAST_ADVERBS = {"soon", "shortly", "eventually", "ultimately", "imminently", "finally", "likely", "probably",
                    "quickly", "sooner"}
# After a modal, the verbs that still speak of the event itself: "could be approved", "will win
# approval", "approval could come in 2024". Any other verb takes the modal ("the public will link
# approval to ...", "approval could transform psychiatry").
MODAL_CARRIERS = {"be", "been", "have", "become", "get", "see", "reach", "hit", "come", "arrive", "follow", "happen",
                  "occur", "land", "materialise", "materialize", "move", "head", "go", "take", "bring", "make",
                  "keep", "continue", "remain", "stay",  # "will keep evaluating": the event goes on
                  "begin", "start", "commence", "resume"}  # "the trials will start recruiting": it opens
# Carriers that take an object when used transitively: "approval could start a new era" is what
# approval would do, not approval to come (modality._modal_reading).
OPENING_CARRIERS = {"begin", "start", "commence", "resume"}
# A request in the simple past is a past act ("asked the FDA to approve"); with "has" it is still
# open ("has asked the FDA to approve").
PAST_REQUESTS = {"asked", "requested", "sought", "petitioned", "applied"}
# Subjects after "should", "had", "were" that make an inverted condition.
INVERSION_SUBJECTS = {"it", "they", "the", "this", "these", "regulators", "authorities"}
# Prepositions that make an event noun a time, not a subject ("copies made during the shortage now face ...").
TIME_PREPOSITIONS = {"during", "amid", "after", "since", "throughout", "before", "despite", "through", "until"}
# Prepositions whose object is a state that holds when the clause's verb does ("pharmacies can
# compound because of the shortage"; "copies made during the shortage" takes "made").
STATE_PREPOSITIONS = {("because", "of"), ("due", "to"), ("owing", "to"), ("amid",), ("during",), ("given",),
                      ("under",)}
# Verbs right after an event noun that hold it as a state of now ("the shortage continues").
STATE_AFTER = {"continues", "persists", "remains", "lingers", "drags", "deepens", "worsens", "grows", "spreads"}
# Present verbs whose object is a state someone is in ("pharmacies face shortages"), and the
# prepositions of a state held ("still on backorder", "now in short supply": HELD_IN).
EXPERIENCE_VERBS = {"face", "faces", "experience", "experiences", "endure", "endures", "suffer", "suffers", "report",
                    "reports"}
HELD_IN = {"on", "in", "under"}
# Verbs whose object is the event itself ("about to carry out its review", "set to deliver a
# ruling", "plans to seek approval"): a forecast of the verb is a forecast of the event.
LIGHT_VERBS = {"seek", "file", "submit", "apply", "launch", "bring", "start", "begin", "carry", "conduct", "hold",
               "issue", "deliver", "render", "announce", "complete", "finish", "finalise", "finalize", "publish",
               "release", "hand", "convene", "schedule", "make", "reach", "enter", "commence", "initiate"}
# Adjectives that hold an event noun as a state of now ("the current shortage").
ONGOING = {"current", "ongoing", "continuing", "existing", "present", "persistent", "lingering"}
CONDITIONAL_OPENERS = {"if", "unless", "whether", "before", "until", "till", "once", "should", "lest"}
REQUIREMENT = {"need", "needs", "needed", "require", "requires", "required", "requirement", "necessary", "must",
               "condition", "prerequisite", "essential", "crucial", "vital", "advisable", "important"}
SECTION_DETERMINERS = {"any", "no", "eventual", "possible", "potential", "future", "conditional", "hypothetical"}
# Nouns an approved-thing adjective describes when it speaks of a product, not a person or place.
PRODUCT_NOUNS = {"drug", "drugs", "treatment", "treatments", "therapy", "therapies", "medicine", "medicines",
                 "medication", "medications", "psychedelic", "psychedelics", "product", "option", "options", "use",
                 "indication", "capsule", "capsules", "compound", "version", "form"}
# Words that can be the subject right before a finite past verb ("the FDA approved", "regulators approved").
SUBJECTS = {"fda", "agency", "regulators", "regulator", "it", "they", "government", "authorities", "who", "which",
            "that", "tga", "ema", "mhra", "canada", "australia", "panel", "committee", "officials", "state",
            "congress", "dea", "ministry", "commission", "court", "judge", "justices", "lawmakers", "order",
            "president", "administration"}
PROSPECT_NEAR = 10
# An end cue reads as the event's end only this close to it: after it ("the shortage, listed since
# 2022, has ended") or before it ("off the shortage list", "the end of the shortage").
ENDED_AFTER = 12
ENDED_BEFORE = 4
# "over" ends a state only after it ("the shortage is over"; "concerns over the shortage" are
# about it), and only where its clause stops or turns: "is over in the US", "was declared over,".
OVER_FOLLOWERS = {".", ",", ";", ":", "!", "?", ")", "—", "–", "-", "and", "but", "in", "on", "as", "at", "for",
                  "now", "already", "after", "since", "by", "when", "yet", "according", "\n"}
# Verbs that pronounce a state's end with "to" before the end word: "declared the shortage to be
# over", "changed its status to resolved". A past or present declaration, not a prospect ("is set to
# end"); a modal or "to" right before the verb makes it a prospect again ("will declare it to be over").
DECLARE_TO = {"declared", "declares", "deemed", "deems", "found", "finds", "considered", "considers", "judged",
              "judges", "pronounced", "pronounces", "changed", "changes", "updated", "updates", "revised",
              "revises", "moved", "moves", "switched", "switches"}
# A listing verb of now holds the state it lists: "the FDA still lists Ozempic in its shortage
# database", "continues to list these drugs in shortage", "keeps both on the shortage list".
LISTING_PRESENT = {"lists", "keeps", "includes", "shows", "carries"}
LISTING_BASE = {"list", "keep", "include", "show", "carry"}
LISTING_GO_ON = {"continues", "continue", "still"}
LISTING_NEAR = 20
# "off" ends a listing only before it ("came off the shortage list"), never as "off-label".
ENDED_BEFORE_ONLY = {"off", "removed", "remove", "removes", "removing", "removal"}
# "the end of the year": a time, not the end of the event.
TIME_NOUNS = {"year", "month", "quarter", "week", "day", "decade", "summer", "winter", "spring", "autumn", "fall",
              "season", "term", "period", "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december"}
# Verbs that hold a state ("is in shortage", "remains on the list", "stays in Schedule I").
STATE_VERBS = {"is", "are", "'s", "remains", "remain", "stays", "stay", "was", "were", "remained", "stayed", "become",
               "becomes", "became", "sits", "sat"}
# Words after "expected"/"scheduled" that show a participle ("a decision expected in August"),
# not a finite past verb with an object ("analysts expected approval").
PARTICIPLE_FOLLOWERS = {"in", "by", "on", "at", "to", "for", "within", "before", "soon", "shortly", "later", "next",
                        "this", "early", "mid", "late", "around", "sometime", "as", "imminently", ",", ".", ";", ")"}  # tokens between an event and a stance cue that still read as one statement
MID_CLAUSE_CONDITIONS = {"if", "unless", "once", "whether"}
FIRST_MAKERS = {"became", "become", "becomes", "was", "is", "been", "makes", "made", "make"}
# Names a past verb may follow ("Switzerland legalized it"): places and authorities, which every
# pack's matcher finds alike (a pack's own terms would make one sentence read two ways).
NAME_LABELS = ("JUR:", "AUTH")
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
IN_PROGRESS = {"underway", "ongoing", "under", "in"}
NEG_QUANTIFIERS = {"none", "nothing", "nobody", "neither"}
ROMAN = {"i", "ii", "iii", "iv", "v", "vi"}
# Events that are steps towards a decision: in progress, they are pending, not a state held.
PROCESS_EVENTS = {"EV:review", "EV:decision", "EV:submission", "EV:approval", "EV:advisory-vote"}
OBJECT_STARTS = {"the", "a", "an", "it", "them", "its", "their", "this", "these", "those"}
# Words that make a present tense habitual ("the agency reviews applications every year"), not news.
HABITUAL = {"every", "each", "usually", "typically", "often", "routinely", "generally", "normally", "always",
            "hundreds", "thousands", "many", "most", "all"}
# Openers of a time or condition clause, whose present is general or conditional ("when it reviews
# a drug"): the verb after them tells when, not what is happening. Not
# "as" and "while": "as it considers the request" is news, a review under way now.
TIME_CLAUSE_OPENERS = {"when", "whenever", "if", "once", "after", "before", "until", "unless"}
# Before an event still to come: "ahead of the decision", "in the run-up to approval".
AWAITING = ("ahead of", "run-up to", "runup to", "lead-up to", "leadup to", "in anticipation of", "in preparation for",
            "preparing for", "prepare for", "prepares for", "getting ready for", "gearing up for")
# Nouns of a stage on the way to something: "the last step before ...", "the final hurdle before ...".
STEP_NOUNS = {"step", "steps", "hurdle", "hurdles", "stage", "stages", "phase", "milestone", "obstacle", "barrier",
              "gate", "test", "trial", "trials", "study", "studies", "round"}
# What research gives: "trial data", "study results" name the output, not the trial as an object.
RESEARCH_OUTPUTS = frozenset({"data", "results", "findings", "evidence", "readout", "outcomes"})
# The forms of "be" alone (copulas.PRESENT_BE holds "seems", "remains" too): a passive's auxiliary.
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# Verbs of making an act or a decision known (lemmas): "will announce whether it approves it",
# "Lykos announced the decision on Friday".
TELLING = frozenset({"announce", "say", "tell", "report", "reveal", "disclose", "confirm", "publish", "publicise",
                     "publicize", "share"})
