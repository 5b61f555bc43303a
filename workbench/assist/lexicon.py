"""The words attribution is recognised by: reporting verbs, who counts as unnamed, titles, and
the names of wire agencies and outlets. Plain data, read once by the modules that compile it."""

from __future__ import annotations


def word_set(spaced: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(spaced.split())


# Verbs of saying, reporting and stance, as lemma: (past, third person, -ing). Each takes a
# speaker and something said; the analyst's cue is the verb with its auxiliaries.
REPORTING_VERBS: dict[str, tuple[str, ...]] = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "add": ("added", "adds", "adding"),
    "state": ("stated", "states", "stating"),
    "confirm": ("confirmed", "confirms", "confirming"),
    "deny": ("denied", "denies", "denying"),
    "claim": ("claimed", "claims", "claiming"),
    "argue": ("argued", "argues", "arguing"),
    "insist": ("insisted", "insists", "insisting"),
    "note": ("noted", "notes", "noting"),
    "explain": ("explained", "explains", "explaining"),
    "warn": ("warned", "warns", "warning"),
    "write": ("wrote", "writes", "writing", "written"),
    "report": ("reported", "reports", "reporting"),
    "announce": ("announced", "announces", "announcing"),
    "reveal": ("revealed", "reveals", "revealing"),
    "suggest": ("suggested", "suggests", "suggesting"),
    "indicate": ("indicated", "indicates", "indicating"),
    "stress": ("stressed", "stresses", "stressing"),
    "emphasise": ("emphasised", "emphasises", "emphasized", "emphasizes"),
    "acknowledge": ("acknowledged", "acknowledges", "acknowledging"),
    "admit": ("admitted", "admits", "admitting"),
    "assert": ("asserted", "asserts", "asserting"),
    "allege": ("alleged", "alleges", "alleging"),
    "believe": ("believed", "believes"),
    "think": ("thought", "thinks"),
    "estimate": ("estimated", "estimates"),
    "predict": ("predicted", "predicts"),
    "contend": ("contended", "contends"),
    "declare": ("declared", "declares"),
    "concede": ("conceded", "concedes"),
    "recall": ("recalled", "recalls"),
    "remark": ("remarked", "remarks"),
    "observe": ("observed", "observes"),
    "point": ("pointed out", "points out"),
    "ask": ("asked", "asks"),
    "urge": ("urged", "urges"),
    "propose": ("proposed", "proposes"),
    "tweet": ("tweeted", "tweets"),
    "post": ("posted",),
    "agree": ("agreed", "agrees"),
    "complain": ("complained", "complains"),
    "reply": ("replied", "replies"),
    "respond": ("responded", "responds"),
    "answer": ("answered",),
    "describe": ("described", "describes"),
    "call for": ("called for", "calls for", "calling for"),
    "point to": ("pointed to", "points to"),
    "decline to comment": ("declined to comment", "declines to comment", "declined comment"),
    "hope": ("hoped", "hopes"),
    "expect": ("expected", "expects"),
    "theorize": ("theorized", "theorizes", "theorised"),
    "foresee": ("foresaw", "foresees"),
    "question": ("questioned", "questions"),
    "learn": ("learnt", "learned"),
    "understand": ("understands",),
    "show": ("showed", "shows", "shown"),
    "find": ("found", "finds"),
    "conclude": ("concluded", "concludes"),
    "promise": ("promised", "promises"),
    "vow": ("vowed", "vows"),
    "threaten": ("threatened", "threatens"),
    "demand": ("demanded", "demands"),
    "accuse": ("accused", "accuses"),
    "blame": ("blamed", "blames"),
    "back": ("backed", "backs"),
    "mention": ("mentioned", "mentions"),
    "testify": ("testified", "testifies"),
    "speculate": ("speculated", "speculates"),
    "caution": ("cautioned", "cautions"),
    "maintain": ("maintained", "maintains"),
    "counter": ("countered", "counters"),
    "quip": ("quipped", "quips"),
    "joke": ("joked", "jokes"),
    "continue": ("continued",),
}

# Lemmas whose base form is mostly a noun or another word in news ("a report", "a call").
NO_BASE_FORM = word_set(
    "point report show state note claim post back answer find estimate remark tweet "
    "demand promise threat vow counter continue post mention caution call for point to "
    "decline to comment hope expect question learn understand"
)

# Verbs that take "that ..." or a quote only; without one they are no attribution
# ("he called the meeting", "the study found a link" still counts: found/shows take objects).
NEEDS_CLAUSE = frozenset(
    {
        "ask",
        "hope",
        "expect",
        "theorize",
        "learn",
        "understand",
        "continue",
        "post",
        "agree",
        "answer",
        "respond",
        "reply",
        "describe",
        "think",
        "believe",
        "promise",
        "threaten",
        "demand",
        "accuse",
        "blame",
        "back",
        "mention",
        "recall",
        "observe",
        "maintain",
        "counter",
        "report",
        "show",
        "find",
        "note",
        "add",
        "state",
        "write",
    }
)

AUXILIARIES = word_set(
    "has have had will would could can may might should must did does do is was are were "
    "be been being also previously later earlier then recently once again publicly privately "
    "repeatedly reportedly already never not n't just still further separately"
)

# Heads of a speaker the article does not name.
UNNAMED_HEADS = word_set(
    "sources source officials official insiders insider aides aide diplomats diplomat "
    "observers observer reports report people person witnesses witness residents resident "
    "analysts analyst experts expert critics critic spokesperson spokesman spokeswoman "
    "someone officers officer authorities staffers staffer advisers adviser advisors "
    "employees employee members member leaders leader scientists researchers studies study "
    "report statement estimates data police investigators prosecutors research analysis "
    "survey poll records paper figures documents affidavit complaint release invitation "
    "assessment footage video projections filing memo letter findings evidence reporters "
    "journalists lawmakers supporters"
)
# Of those, the heads that make a speaker anonymous rather than an institution.
ANONYMOUS_HEADS = word_set(
    "sources source officials official insiders insider aides aide diplomats diplomat "
    "observers observer reports people person witnesses witness residents "
    "spokesperson spokesman spokeswoman someone staffers staffer advisers adviser "
    "advisors employees employee critics analysts experts"
)

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
PERSON_PRONOUNS = frozenset({"he", "she", "i"})

WIRE_AGENCIES = frozenset(
    {
        "reuters",
        "associated press",
        "the associated press",
        "ap",
        "afp",
        "agence france-presse",
        "bloomberg",
        "bloomberg news",
        "xinhua",
        "tass",
        "ria novosti",
        "interfax",
        "irna",
        "dpa",
        "efe",
        "ansa",
        "kyodo",
        "yonhap",
        "upi",
        "pti",
        "ani",
        "anadolu",
        "press trust of india",
    }
)

OUTLET_WORDS = word_set(
    "times post news journal herald tribune guardian telegraph independent gazette chronicle "
    "observer economist cnn bbc nbc cbs abc fox msnbc npr axios politico wired vice salon "
    "atlantic verge reporter magazine daily weekly radio television tv network newspaper "
    "outlet broadcaster channel press review"
)

GOVERNMENT_WORDS = word_set(
    "kremlin white house pentagon ministry ministries department government administration "
    "embassy parliament congress senate council commission cabinet office agency bureau "
    "police army military navy court state authority authorities presidency secretariat "
    "municipality city county"
)

ORGANISATION_WORDS = word_set(
    "university institute company corporation inc ltd group association foundation "
    "organisation organization society union party committee center centre hospital bank "
    "firm school college club team league network alliance coalition laboratory lab systems "
    "museum council initiative pac"
)

# Titles and roles that stand before a person's name ("President Vladimir Putin").
TITLES = word_set(
    "president vice prime minister foreign defence defense secretary chancellor king queen "
    "prince princess sheikh supreme leader ayatollah general gen lt col colonel major captain "
    "admiral sergeant governor mayor senator sen rep representative congressman congresswoman "
    "judge justice ambassador chairman chairwoman chair director chief spokesman spokeswoman "
    "spokesperson dr mr mrs ms mx professor prof sir dame lord lady pope cardinal bishop "
    "rabbi imam commissioner minister premier speaker deputy former acting state "
    "head ceo coach officer detective inspector sheriff attorney"
)

# Capitalised words that start sentences or name days and months: never a name on their own.
NOT_NAMES = word_set(
    "the a an this that these those it its he she they we i you his her their our my "
    "but and or so yet if when while as after before since though although because "
    "however meanwhile still also then there here in on at by for with from of to "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december today yesterday tomorrow "
    "what why how who where which mr mrs ms dr some many most all several other others each "
    "every both few no not one two three first last next even only just now instead indeed "
    "perhaps maybe asked according"
)
