"""Which countries a story is about, read from the places it names and the part each plays.

A reader tags a story with the countries its events happen in or whose governments, people and
teams act in it, not with every country it names. The rule, in order:

- the dateline's country, countries named in the title, and those named in the lead sentence;
- a country that *acts* in a sentence of its own: the sentence's subject is the country, its
  capital, or its government or people ("Russia beat Croatia on Monday.", "Japan's foreign
  ministry said ...", "The Chinese government has ..."), not one of a list of three or more; a
  country the story first names after `LATE_SHARE` of its body, with no heading of its own, acts by
  its bare name only when it takes a side ("Ireland is opposed"): "Kiribati is buying land abroad"
  closing a story on climate is an example, not an actor; a central bank that opens its sentence
  or clause and acts ("the Bank of Japan bought dollars", "talk that the Bundesbank intervened")
  acts for its country;
- a country named often enough in the body: `MIN_MENTIONS` times, one more for each
  `LONG_STORY_WORDS` words, and one more when the story first names it after `LATE_SHARE` of its
  body (a closing comparison or aside). A people's adjective weighs `DEMONYM_WEIGHT`; a place in a
  list of three or more, a country written after its own city ("Stuttgart, Germany"), the home of an
  organisation ("the Max Planck Institute in Munich", "the French plane-maker", "Taiwanese
  publication DigiTimes") weigh nothing: they name a place in passing; a capital weighs half when
  the story never names its country otherwise (a venue, a market, a stopover);
- the source's home country when the story names it other than in passing (home news);
- but not a country the body weighs at under `MIN_SHARE` of the story's most-weighed country (a side
  mention however it is made), nor a title country the body names only in passing (a company's home,
  a meeting's venue) unless the body gives it a reason of its own.

What a story dates two years or more before its own year is background (`history_spans`): its
places neither count nor act, and a state that had ended by then (the Soviet Union in 2016) is never
what it is about; a country's name before a noun ("the U.S. market") weighs as its people's adjective
does; a city where a meeting is held is a venue, not a place of the story.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

# A country named this often in the body counts; one more for each LONG_STORY_WORDS words, as long
# stories name more countries in passing. A people's adjective weighs DEMONYM_WEIGHT of a mention.
MIN_MENTIONS = 2
LONG_STORY_WORDS = 1000
DEMONYM_WEIGHT = 0.5
# A country the body first names (other than in passing) after this share of its characters needs
# one mention more: stories name what they are about early, and late ones are asides or comparisons.
LATE_SHARE = 0.6
# The lead: the body's first sentence, at most this many characters (Reuters' first sentence).
LEAD_CHARS = 250
# A capital counts half a mention towards its country's total when the story never names the country
# itself or its people: a capital alone is mostly a venue, a market or a stopover ("reached Mexico via
# Moscow and Paris", "the London collapse").
CAPITAL_DISCOUNT = 0.5
# A country the body weighs at under this share of the story's most-weighed country is a side mention,
# whatever else it does (one clause acting, the lead, the source's home): "Japan" once in a long story on
# Taiwan's reserves, China once in a campaign story on the Vatican. The dateline and the title still count.
MIN_SHARE = 0.1

_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.)+$|\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|St|Jr|Sr|Inc|Co|Corp"
                           r"|Ltd|No|vs|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mt|Ft|Prof|Rev)\.$")
_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n[ \t]*\n|\n[ \t]{2,}|\n(?=[A-Z][A-Z ]+\n)")


def sentence_start(text: str, pos: int) -> int:
    """Offset where the sentence holding `pos` begins (abbreviations such as "U.S." end none)."""
    start = 0
    for m in _BOUNDARY.finditer(text, max(0, pos - 600), pos + 3):
        if m.end() > pos:
            break
        if m.group()[0] == "." and _ABBREVIATION.search(text, max(0, m.start() - 12), m.start() + 1):
            continue
        start = m.end()
    return start


def sentence_end(text: str, pos: int) -> int:
    """Offset where the sentence holding `pos` ends (abbreviations such as "U.S." end none)."""
    for m in _BOUNDARY.finditer(text, pos):
        if m.group()[0] == "." and _ABBREVIATION.search(text, max(0, m.start() - 12), m.start() + 1):
            continue
        return m.start()
    return len(text)


def lead_end(text: str) -> int:
    """End of the body's first sentence (at most LEAD_CHARS characters in)."""
    for m in _BOUNDARY.finditer(text, 0, LEAD_CHARS + 3):
        if m.group()[0] == "." and _ABBREVIATION.search(text, max(0, m.start() - 12), m.start() + 1):
            continue
        if text[:m.start()].strip():
            return m.start()
    return LEAD_CHARS


# What may open a sentence before its subject: connectives, a time, an article.
_OPENER = re.compile(r"(?:[\"“‘'(]\s*)?(?:[A-Z][^,.;:\"“”]{0,40},\s+)?(?:(?:But|And|So|Yet|Still|Now|Even|Meanwhile|However|Instead|Separately"
                     r"|Also|Earlier|Later|Then|Today|Yesterday|Last\s+\w+|This\s+\w+|Next\s+\w+|On\s+\w+(?:\s+\d+)?"
                     r"|In\s+\w+(?:\s+\d+)?|At\s+the\s+\w+|After\s+\w+)\s*,?\s+)*(?:[Tt]he\s+|[Bb]oth\s+)?")
# The government, people or team a country's name or adjective introduces as a subject.
_ACTORS = (r"government|governments|authorities|officials|official|leaders|leader|president|premier|prime\s+minister"
           r"|chancellor|king|queen|minister|ministers|ministry|foreign\s+minister|foreign\s+ministry"
           r"|(?:defen[cs]e|finance|trade|economy|interior|foreign|agriculture|energy)\s+(?:minister|ministry)"
           r"|cabinet|parliament|lawmakers|legislators|court|courts|prosecutors|police|troops|forces|army|military"
           r"|navy|air\s+force|diplomats|envoy|ambassador|central\s+bank|delegation|negotiators|regime"
           r"|traders|dealers|producers|exporters|importers|farmers|voters|team|squad|players|side|state\s+media")
_TITLED = re.compile(rf"(?:'s|’s)?\s+(?i:(?:{_ACTORS})\b\.?)(?:\s+[A-Z][\w.'-]*){{0,3}}")
# An aside between a subject and its verb: "China, Pyongyang's only ally, said ...".
_ASIDE = re.compile(r",\s[^,.;:\"“”()]{1,100},")
# Where a quotation ends and its speaker follows: '"...," Italian Prime Minister Matteo Renzi said'.
_AFTER_QUOTE = re.compile(r"[,!?][\"”’]\s+(?:the\s+)?$")
# A country whose official acts ("the foreign minister of France said"), where an event is held
# ("a summit held in Bratislava"), a team whose result is reported ("Colombia had lost to Belgium").
_ACTING_BEFORE = re.compile(r"\b(?:(?:president|prime\s+minister|foreign\s+minister|minister|government|king"
                            r"|queen|ambassador|envoy)\s+of|beat|beats|beating|defeated|defeats|defeating|lost\s+to|loses\s+to|losing\s+to|drew\s+with|drawing\s+with|(?:victory|win|defeat|loss|draw)\s+(?:over|against|to|with)"
                            r"|draws\s+with|got\s+past|edged|routed|thrashed|overcame|eliminated|knocked\s+out|upset"
                            r"|stunned|crushed|downed),?\s+(?:the\s+)?$", re.I)
# A city that names a club in a result ("Columbus beat Montreal", "scored for Ottawa"): a team, not
# the place; and a market named after its street ("Wall Street predicted"): neither is a place of the story.
_TEAM_BEFORE = re.compile(r"\b(?:beat|beats|defeated|defeats|lost\s+to|loses\s+to|drew\s+with|draws\s+with|got\s+past"
                          r"|edged|routed|thrashed|overcame|eliminated|upset|stunned|crushed|downed|scored\s+for"
                          r"|played\s+for)\s+(?:the\s+)?$")
_TEAM_AFTER = re.compile(r"\s+(?:beat|beats|defeated|defeats|won|lost|drew|held\s+on|rallied|edged|routed|has\s+won"
                         r"|has\s+lost|improved\s+to|fell\s+to)\b")
_MARKETS = frozenset({"Wall Street"})
# Parts of a country that field national teams: "Wales beat Hungary" is a nation's result, not a club's.
_HOME_NATIONS = frozenset({"England", "Scotland", "Wales", "Northern Ireland"})
# A result reported next to a team's name ("Turkey drew Iceland 0-0", "a 3-1 victory against
# Slovakia", "Germany's 4-0 rout of Belarus", "Sweden did the same, 2-0, at Romania").
_SCORE = re.compile(r"(?<![\d.,$£€/-])\b\d{1,2}-\d{1,2}\b(?![\d%/-])")
_SCORE_WORDS = re.compile(r"\b(?:beat|beats|beating|drew|draw|drawing|victory|win|won|rout|defeat|defeated|lost|loss"
                          r"|clinched|thrashed|edged|scored|goal|goals|match|game|qualif\w+|group)\b",
                          re.I)
# Where an event of the story happens ("a massacre in South Sudan", "the peacekeeping mission in
# northern Mali"); not "the war in Iraq", which US campaign stories name as history.
_EVENT_IN = re.compile(r"\b(?:massacre|fighting|conflict|attack|attacks|bombing|bombings|killings|atrocities"
                       r"|violence|coup|uprising|earthquake|floods?|famine|outbreak|epidemic|protests?|riots?"
                       r"|elections?|referendum|summit|talks|mission|crisis|strike|strikes|shooting)\s+(?:in|on)\s+"
                       r"(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|(?:north|south)-?(?:east|west)(?:ern)?\s+)?$",
                       re.I)
_HELD_IN = re.compile(r"\b(?:held|hosted|took\s+place|takes\s+place|be\s+held|opened)\s+in\s+(?:the\s+)?$")
# What a meeting is called: held somewhere, it names a venue, not an event of the host's.
_MEETING_WORDS = r"(?:talks|meetings?|summit|conference|negotiations|discussions|session)"
_MEETING = re.compile(rf"\b{_MEETING_WORDS}\b", re.I)


def _held_there(text: str, start: int) -> bool:
    """An event held where the place is ("a conclave held in Bratislava"), unless the sentence says it
    is a meeting ("the annual meeting of the ADB, which opened in Tokyo"): a venue, as below."""
    if not _HELD_IN.search(text, max(0, start - 40), start):
        return False
    return not _MEETING.search(text, sentence_start(text, start), start)


_PARTNER = re.compile(r"\s+and\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}")
_ADVERBS = re.compile(r"(?:\s+(?:also|still|now|already|again|then|too|only|just|reportedly|officially"
                      r"|formally|finally|quickly|[a-z]+ly)\b)*")
_VERB = re.compile(r"\s+([a-z]+)\b")
_AUXILIARIES = frozenset("""is are was were has have had will would could can may might must should shall did does
said says told tells""".split())
_NEGATION = re.compile(r"n't|’t|\s+(?:not|never)\b")
_BE_HAVE = frozenset("is are was were has have had".split())
# Where a country stands in the events ("is strongly against", "was opposed", "are ready to").
_STANCES = frozenset("against opposed determined reluctant unwilling willing ready keen prepared eager".split())
# A country whose position is reported: "objections to the tax from Portugal and Spain",
# "heavy opposition, notably from West Germany".
_STANCE_FROM = re.compile(r"\b(?:objection|opposition|resistance|criticism|pressure|protest|complaint"
                          r"|request|appeal|offer|proposal|bid)s?\b[^.;:!?]{0,50}\bfrom\s+(?:the\s+)?$", re.I)
# Common verbs whose past form does not end in -ed ("Russia beat Croatia", "Argentina won").
_IRREGULAR = frozenset("""beat won lost got took made sent met held kept left put set hit led fell rose sold bought
paid brought began became ran drew came went saw gave found thought struck shot fought spent built cut let bid
swept threw broke chose drove wrote spoke sought stood grew froze withdrew overcame overtook""".split())


# What a capital does when it stands for its government ("Moscow said", "Beijing rejected").
_STATEMENTS = frozenset("""said says told tells warned warns accused accuses insisted insists announced announces
denied denies rejected rejects urged urges demanded demands condemned condemns responded threatened threatens
vowed vows pledged pledges agreed agrees refused refuses signed signs blamed blames criticised criticized welcomed
welcomes protested summoned recalled expelled ordered orders decided decides approved approves imposed imposes
confirmed confirms dismissed dismisses wants wanted called calls praised praises described describes
expressed expresses sought seeks offered offers""".split())


def _verb_follows(text: str, pos: int, statements: bool = False) -> bool:
    """Whether a verb (an auxiliary, a past or present tense) comes next, after any adverbs; with
    `statements`, a verb of saying or deciding, as when a capital stands for its government."""
    pos = _ADVERBS.match(text, pos).end()
    m = _VERB.match(text, pos)
    if m is None:
        return False
    word = m.group(1)
    if _NEGATION.match(text, m.end(), m.end() + 7):
        return False  # "Canada was not affected": no part in the events
    if word in _BE_HAVE:  # "Italy was the largest recipient", "Japan is one of ...": a description
        after = _VERB.match(text, _ADVERBS.match(text, m.end()).end())
        if after is None:
            return False
        nxt = after.group(1)
        if nxt in _STANCES and not statements:  # "West Germany is strongly against": it takes a side
            return True
        if not (nxt in _IRREGULAR or nxt.endswith(("ed", "ing")) or nxt in ("been", "being", "to")):
            return False
        if statements:
            return nxt in _STATEMENTS
    if statements:
        while word in _AUXILIARIES and word not in _STATEMENTS:  # "Moscow has said"
            m = _VERB.match(text, _ADVERBS.match(text, m.end()).end())
            if m is None:
                return False
            word = m.group(1)
        return word in _STATEMENTS
    if word in _AUXILIARIES or word in _IRREGULAR:
        return True
    if not (word.endswith("ed") or len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))):
        return False
    after = _VERB.match(text, m.end())
    return after is None or after.group(1) not in _AUXILIARIES  # "U.S. elections are": a noun


def _takes_side(text: str, pos: int) -> bool:
    """Whether the subject ending at `pos` is said to take a side ("Ireland and Luxembourg were also opposed")."""
    aside = _ASIDE.match(text, pos)  # "Germany, meanwhile, is strongly against"
    be = _VERB.match(text, _ADVERBS.match(text, aside.end() if aside else pos).end())
    if be is None or be.group(1) not in _BE_HAVE:
        return False
    stance = _VERB.match(text, _ADVERBS.match(text, be.end()).end())
    return stance is not None and stance.group(1) in _STANCES


_OWNED_WORD = re.compile(r"\s+(?!(?:is|are|was|were|has|have|had|will|would|said|says)\b)[\w-]+")
# The longest subject a country's possessive opens: "Norway's October oil production".
OWNED_WORDS = 4


def _owned_subject(text: str, end: int) -> int:
    """Where the subject ends when a country's own thing does something ("Norway's October oil
    production beat forecasts", "Russia's economy shrank"), else 0."""
    pos = end + 2
    for _ in range(OWNED_WORDS):
        word = _OWNED_WORD.match(text, pos)
        if word is None:
            return 0
        pos = word.end()
        verb = _VERB.match(text, _ADVERBS.match(text, pos).end())
        if verb and verb.group(1).endswith("s") and text[verb.end():verb.end() + 1] in ".,;:":
            continue  # "Norway's oil production figures.": a plural noun, no verb
        if _verb_follows(text, pos):
            return pos
    return 0


def acts(text: str, start: int, end: int, kind: str) -> int:
    """Where the subject ends if the place written at text[start:end] opens it: the country, its
    capital standing for its government, or its government, people or team acting ("Russia beat
    Croatia", "Moscow said", "Japan's foreign ministry said", "The Chinese government has ...",
    "West Germany and Ireland are opposed"); 0 when the place is a modifier, an object or a
    comparison's city ("Paris has also suffered ...")."""
    head = text[sentence_start(text, start):start]
    if _OPENER.fullmatch(head) is None:
        if not _AFTER_QUOTE.search(head):
            return 0
        titled = _TITLED.match(text, end)  # a speaker after a quotation: an official, not a name ("Jordan said")
        return titled.end() if titled and _verb_follows(text, titled.end()) else 0
    titled = _TITLED.match(text, end)
    if titled:
        return titled.end() if _verb_follows(text, titled.end()) else 0
    if kind == "demonym":
        return 0
    if text.startswith(("'s", "’s"), end):  # "Norway's October oil production beat forecasts"
        return _owned_subject(text, end)
    aside = _ASIDE.match(text, end)
    if aside and _verb_follows(text, aside.end()):  # "China, Pyongyang's only ally, said"
        return end
    statements = kind == "city"
    partner = _PARTNER.match(text, end)
    if partner:
        aside = _ASIDE.match(text, partner.end())  # "India and Pakistan, for instance, spar over ..."
        if _verb_follows(text, aside.end() if aside else partner.end(), statements):
            return partner.end()
    return end if _verb_follows(text, end, statements) else 0


# Organisations whose home a place names in passing: "<Org> in Munich", "the French plane-maker".
_ORG_WORDS = (r"Institute|Institution|University|College|Academy|School|Center|Centre|Laboratory|Hospital"
              r"|Infirmary|Clinic|Museum|Foundation|Fund|Bank|Company|Corporation|Corp|Inc|Ltd|Group|Agency|Council"
              r"|Association|Society|Office|Authority|Commission|Control|Prevention|Service|Services|Observatory")
_ORG_BEFORE = re.compile(rf"\b(?:{_ORG_WORDS})\b(?:\s+(?:of|for|and|&)?\s*[A-Z][\w.'-]*)*\s*(?:\([A-Z]+\))?"
                         r"\s+(?:in|at|of|based\s+in)\s+(?:the\s+)?$")
_ORG_WORD = re.compile(rf"\b(?:{_ORG_WORDS})\b")  # a cheap test before _ORG_BEFORE
_ORG_NOUN = re.compile(r"[\s-]+(?:[a-z]+\s+|TV\s+)?(?:series|sitcom|film|movie|documentary|album|novel|company|companies|firm|firms|maker|makers|plane-maker|carmaker|automaker"
                       r"|chipmaker|manufacturer|manufacturers|producer|carrier|airline|publication|newspaper|daily"
                       r"|magazine|website|broadcaster|network|bank|banks|lender|insurer|group|conglomerate|giant"
                       r"|brand|retailer|chain|publisher|label|startup|start-up|subsidiary|unit|concern|fund|funds|outlet|agency|version"
                       r"|versions|model|models|edition|bikes|cars)\b")


def org_home(text: str, start: int, end: int) -> bool:
    """Whether a place names where an organisation is ("the Max Planck Institute for Astrophysics
    in Munich", "the CDC in the US") or whose it is ("the French plane-maker", "U.S. plane-maker")."""
    window = text[max(0, start - 120):start]
    if _ORG_WORD.search(window) and _ORG_BEFORE.search(window):
        return True
    return bool(_ORG_NOUN.match(text, end))


# Passing mentions read from the words around a place:
# - a company or market of the country ("France's <Cie Generale d'Electricite>", "the U.S.'s Reynolds Metals
#   Co <RLM.N>", "Japan's Nikkei");
_POSSESSED = re.compile(r"(?:'s|’s)\s+(?:<|(?:[A-Z][\w&.-]*\s+){1,4}(?:Inc|Corp|Co|Ltd|Plc|PLC|AG|SA|SpA|NV|BV|AB"
                        r"|Bhd|Corporation|Company)\b\.?|(?:Nikkei|Dax|DAX|Hang\s+Seng|FTSE|CAC|Sensex|Kospi|Topix|Bovespa"
                        r"|stock\s+(?:market|exchange|index)|bourse|benchmark|currency|yen|dollar|mark|franc|pound"
                        r"|lira|peseta|rupee)\b)")
# - money ("226.56 U.S. Dlrs", "50 mln New Zealand dlr bond", "in Canadian dollars", "against the U.S.
#   currency", "54 mln dlrs (U.S.)");
_CURRENCY = re.compile(r"\s+(?:dlrs?|dollars?|cents?|francs?|marks?|pounds?|crowns?|yen|lire|pesos?|rupees?|currency|currencies)\b", re.I)
# - where a person or an organisation is from or posted ("London-based designer", "born in
#   Cyprus", "ambassador to the Ukraine", "a native of Ohio");
_BASED = re.compile(r"[-\s]based\b")
_ORIGIN_BEFORE = re.compile(r"\b(?:born|raised|grew\s+up|educated|native)\s+(?:in|of)\s+(?:the\s+)?$"
                            r"|\b(?:ambassador|ambassadors|envoy|envoys|emissary|consul)\s+to\s+(?:the\s+)?$", re.I)
# - a person's nationality: a people's word just before a name of two capitalised words that is
#   no title or institution ("Frenchman Hubert Perrodo", not "Israeli Prime Minister Benjamin
#   Netanyahu" nor "British Foreign Office").
_TITLE_WORDS = frozenset("""Prime President Premier Minister Ministry Chancellor King Queen Prince Princess Crown
Foreign Finance Interior Defense Defence Justice Trade Agriculture Energy Health Economy Economic Labour Labor
Ambassador Embassy Consulate Secretary General Gen Lt Col Capt Admiral Cabinet Government Parliament Senate House
Congress Court Supreme High Central National Federal State Communist Socialist Conservative Liberal Democratic
Republican Green Party Treasury Bank Office Department Council Assembly Commission Army Navy Air Police Coast
Border Special Olympic Grand Open Cup League Championship Airlines Airways Railways Navy Marine Marines Forces
Army Guard Republic Kingdom Union Empire Islands Island Sea Ocean Gulf River""".split())
_PERSON_AFTER = re.compile(r"(?:man|woman|men|women)?\s+([A-Z][a-z]+)\s+([A-Z][a-z]+)\b")


def _nationality(text: str, m) -> bool:
    """'Frenchman Hubert Perrodo', 'German Ignaz Kiechle': a person's nationality, no event there."""
    if m.place.kind != "demonym":
        return False
    name = _PERSON_AFTER.match(text, m.end)
    return bool(name) and not ({name.group(1), name.group(2)} & _TITLE_WORDS)


# - an agreement, a negotiating round or a club named after where it was made ("the Paris accord",
#   "the Uruguay Round of trade talks", "the Kyoto Protocol");
_AGREEMENT = re.compile(r"\s+(?:accords?|agreements?|club|declaration|convention|treaty|protocol|round|pact|consensus"
                        r"|process|communique|summit\s+(?:accord|agreement|declaration))\b", re.I)
# - a city that seats an international body, named for it ("the EC Cereals Management Committee
#   agreed in Brussels", "GATT talks in Geneva"): the body acts, not the host country.
_SEATS = frozenset({"Brussels", "Strasbourg", "Geneva", "The Hague", "Vienna"})
_BODIES = re.compile(r"\b(?:EC|EU|EEC|European\s+(?:Community|Union|Commission|Parliament|Council|Court)|Commission"
                     r"|NATO|U\.N\.|UN|United\s+Nations|GATT|WTO|OPEC|IAEA|International\s+(?:Court|Criminal|Atomic)"
                     r"|World\s+(?:Health|Trade)|Red\s+Cross|ministers)\b")


# - a city that only hosts a meeting ("the failed London talks", "IMF meetings in Washington", "the
#   Paris discussions"): those who meet act, not the host country.
_VENUE_AFTER = re.compile(rf"\s+{_MEETING_WORDS}\b")
_VENUE_BEFORE = re.compile(rf"\b{_MEETING_WORDS}\s+in\s+$")


# - a city a meeting is held in, said anywhere in its sentence ("accords reached this year in Paris and
#   Washington", "the committee is to meet formally in Washington", "ministers resume discussions in
#   Luxembourg tomorrow");
_IN_CITY = re.compile(r"\bin\s+(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?\s+and\s+)?$")
_MET = re.compile(rf"(?<!press )(?<!news )\b(?:{_MEETING_WORDS}|accords?)\b", re.I)


def _venue(text: str, m) -> bool:
    """Whether a city (or a country named as its capital is: Luxembourg) is named only as where a
    meeting is held."""
    if m.place.kind != "city" and not (m.place.kind == "country" and _capital(m.place)):
        return False
    before = text[max(0, m.start - 40):m.start]
    if _VENUE_AFTER.match(text, m.end) or _VENUE_BEFORE.search(before):
        return True
    if not _IN_CITY.search(before):
        return False
    return bool(_MET.search(text, sentence_start(text, m.start), sentence_end(text, m.end)))


def _seat(text: str, m) -> bool:
    """Brussels for the EC, Geneva for the UN: a city named as the seat of a body in its sentence."""
    if _venue(text, m):
        return True
    if m.place.kind != "city" or m.place.name not in _SEATS:
        return False
    start = sentence_start(text, m.start)
    return bool(_BODIES.search(text, start, m.end + 150))


_PASSING_AFTER = re.compile("|".join(f"(?:{p.pattern})" if not p.flags & re.I else f"(?i:{p.pattern})"
                                     for p in (_POSSESSED, _CURRENCY, _BASED, _AGREEMENT)))
# - a company's home after its name ("to <Sedio N.V.> of Lugano, Switzerland", "Nissan Motor Co Ltd
#   of Japan");
_COMPANY_OF = re.compile(r"(?:>|\b(?:Inc|Corp|Co|Ltd|Plc|PLC|NV|N\.V|AG|SA|S\.A|SpA|GmbH|KGaA|KGAA|A/S|BV|B\.V|AB|Bhd|Pty"
                         r"|Limited|Corporation|Company)\.?)\s+of\s+(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?,\s+)?$")
# - a company's nationality: the country right before a company's name as wire copy marks it
#   ("The U.S. <Amoco Petroleum Corp> has reported an oil find", "a Japanese <Nissho Iwai> unit");
_BEFORE_COMPANY = re.compile(r"\s+<[A-Z]")
_ORIGIN_WORDS = frozenset("born raised up educated native ambassador ambassadors envoy envoys emissary consul".split())


def passing(text: str, m) -> bool:
    """Whether the words around a place make it a passing mention: a company, market or currency
    of the country, the home of a person or organisation, a person's post abroad or nationality,
    the seat of an international body."""
    if _PASSING_AFTER.match(text, m.end) or _BEFORE_COMPANY.match(text, m.end):
        return True
    before = text[max(0, m.start - 40):m.start]
    if _ORIGIN_WORDS & set(before.lower().split()[-4:]) and _ORIGIN_BEFORE.search(before):
        return True
    if before.endswith(("border with ", "borders with ", "frontier with ")):
        return True  # "areas near its border with Togo": where, not who
    if " of " in before[-30:] and _COMPANY_OF.search(before) or before.endswith(("dlrs (", "dollars (")):
        return True  # "<Sedio N.V.> of Lugano, Switzerland"; "54 mln dlrs (U.S.)"
    return _nationality(text, m) or _seat(text, m)


# History: what a story dates HISTORY_YEARS or more before its own year is background, not news:
# a sentence that opens so ("In 2011, Israel freed 1,000 Palestinian prisoners"), or the clause
# holding the date ("Conversely, the American invasion of Iraq in 2003 was pure rollback"; not
# "a plea by Vietnam to resume lending which was cut off in 1974"); a decade counts by its last year
# ("like Zimbabwe in the '90s", in a 2016 story). Figures compared with a past
# year ("up from 27.6 mln dlrs in 1985", "from 1984") and last year's news are not history.
HISTORY_YEARS = 2
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATED = re.compile(rf"\b(?:[Ii]n|[Dd]uring|[Uu]ntil)\s+(?:(?:early|late|mid-?)\s*)?(?:{_MONTHS}\s+(?:\d{{1,2}},?\s+)?)?"
                    r"((?:1[89]|20)\d\d)\b(?![\d,.]\d)")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_DECADE = re.compile(r"\b[Ii]n\s+the\s+(?:(?:early|late|mid-?)\s*)?(?:((?:1[89]|20)\d0)s|['’](\d0)s)\b")
_CLAUSE_START = re.compile(r"[,;:(\u2013\u2014]|\s--\s|\b(?:which|who|that|when|where|since|after|before)\b")
_CLAUSE_END = re.compile(r"[,;:)\u2013\u2014]|\s--\s")
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n|\n[ \t]{2,}")
_PRESENT = re.compile(r"\b(?:this|last|next)\s+(?:year|month|week)\b|\b(?:today|now|currently|yesterday|tomorrow)\b")


def history_spans(text: str, year: int | None) -> list[tuple[int, int]]:
    """(start, end) of what the story dates HISTORY_YEARS or more before its year (without a date,
    the latest year it names): the sentence it opens, else the clause holding the date."""
    dated = [(m.start(), int(m.group(1))) for m in _DATED.finditer(text)]
    decades = [(m.start(), m.group(1), m.group(2)) for m in _DECADE.finditer(text)]
    if not dated and not (decades and (year or _YEAR.search(text))):
        return []
    now = year or max(int(y) for y in _YEAR.findall(text))
    for pos, full, short in decades:  # "in the 1920s", "in the '90s" (the latest such decade): its last year
        start = int(full) if full else now // 100 * 100 + int(short)
        if not full and start > now:
            start -= 100
        dated.append((pos, start + 9))
    dated.sort()
    spans: list[tuple[int, int]] = []
    for pos, when in dated:
        if when > now - HISTORY_YEARS or spans and spans[-1][0] <= pos < spans[-1][1]:
            continue
        start, end = sentence_start(text, pos), sentence_end(text, pos)
        if _PRESENT.search(text, start, end):
            continue
        if _OPENER.fullmatch(text, start, pos) is None:  # the clause holding the date only
            start = max((m.end() for m in _CLAUSE_START.finditer(text, start, pos)), default=start)
            after = _CLAUSE_END.search(text, pos, end)
            end = after.start() if after else end
        else:  # a paragraph that opens on a past date goes on telling that past
            paragraph = _PARAGRAPH_END.search(text, end)
            end = paragraph.start() if paragraph else len(text)
        spans.append((start, end))
    return spans


_QUOTED = re.compile(r'["“][^"“”\n]{1,600}["”]|\'\'[^\'\n]{1,600}\'\'')


# States that no longer exist, with the year they ended: in a story dated HISTORY_YEARS or more after
# that, they can only be history ("the collapse of the Soviet Union", "Reagan's Soviet policy").
FORMER_STATES = {"Soviet Union": 1991, "East Germany": 1990, "West Germany": 1990, "Czechoslovakia": 1992,
                 "Yugoslavia": 2003}


def former_state(country: str, year: int | None) -> bool:
    """Whether `country` had ceased to exist HISTORY_YEARS or more before a story of `year`."""
    ended = FORMER_STATES.get(country)
    return ended is not None and year is not None and year - ended >= HISTORY_YEARS


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the direct quotations of a text."""
    return [m.span() for m in _QUOTED.finditer(text)]


def _within(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(start <= pos < end for start, end in spans)


# A country's name before a noun says what the adjective would ("the U.S. market", "U.S. arms
# sales", "the Russia investigation"): it weighs as a people's adjective does.
_NOUN_AFTER = re.compile(r"\s+(?:[a-z][a-z-]+\s+){0,2}?([a-z][a-z-]{2,})\b")
_NOT_NOUNS = frozenset("""and or nor but in on at to for of with by from as than that which who whose where when while
if because after before since until into onto over under against between among about around through during
without within across per via is are was were be been being has have had do does did will would shall should
can could may might must also still now already again then too only just not never here there""".split())


def _attributive(text: str, m) -> bool:
    """Whether a country's name stands before a noun, as an adjective ("the U.S. market")."""
    if m.place.kind != "country" or text.startswith(("'s", "’s"), m.end):
        return False
    after = text[m.end:m.end + 40]
    if m.surface.endswith("."):  # wire copy capitalises the word after "U.S." ("U.S. Bankers")
        after = after.lower()
    word = _NOUN_AFTER.match(after)
    if word is None:
        return False
    return after.split()[0] not in _NOT_NOUNS and not _verb_follows(after, 0)


def mention_weights(text: str, mentions: list, listed: set[int], country_of: Callable,
                    history: list[tuple[int, int]] = ()) -> tuple[list, set]:
    """(weight of each body mention, countries named other than in a list or as a company's or
    product's nationality); mentions in `history` sentences weigh nothing."""
    weights: list[float] = []
    named: set[str] = set()
    for i, m in enumerate(mentions):
        place = m.place
        weights.append(0.0)
        if not place.country:
            continue
        if i not in listed and not _ORG_NOUN.match(text, m.end):
            named.add(country_of(place))
        if (i not in listed and not _after_own_city(text, mentions, i) and not org_home(text, m.start, m.end)
                and not _team_or_market(text, m) and not passing(text, m) and not _within(history, m.start)):
            weights[i] = DEMONYM_WEIGHT if place.kind == "demonym" or _attributive(text, m) else 1.0
    return weights, named


# A country's central bank as the subject of its sentence ("Earlier the Bank of Japan bought dollars", "The
# Bundesbank said"): it acts for its country, as a government does.
_BANK_OF = re.compile(r"\b(?:[Tt]he\s+)?(?:Central\s+|National\s+|Reserve\s+)?Bank\s+of\s+$")
_CENTRAL_BANKS = frozenset({"Bundesbank", "Federal Reserve"})
_CLAUSE_OPENS = re.compile(r"\b(?:that|after|when|while)\s+(?:the\s+)?$")  # "talk that the Bundesbank intervened"


def _central_bank_acts(text: str, m) -> bool:
    """Whether the place names a central bank that opens its sentence and acts."""
    if m.surface in _CENTRAL_BANKS:
        start = m.start
    else:
        bank = _BANK_OF.search(text, max(0, m.start - 30), m.start)
        if bank is None or m.place.kind != "country":
            return False
        start = bank.start()
    head = text[sentence_start(text, start):start]
    opens = _OPENER.fullmatch(head) is not None or _CLAUSE_OPENS.search(head) is not None
    return opens and _verb_follows(text, m.end)


def acting_countries(text: str, mentions: list, weights: list, country_of: Callable,
                     settled: set[str] = frozenset(), history: list[tuple[int, int]] = (),
                     asides: set[str] = frozenset()) -> set[str]:
    """Countries that act in a sentence of their own (see `acts`), an official of theirs speaking,
    a result against them reported, an event held there; `settled` countries (already about the
    story) are not looked at, unless a place next to them is not settled; nothing in a `history`
    sentence acts; an `asides` country (first named late) acting by its bare name needs to take a side."""
    acting: set[str] = set()
    for i, m in enumerate(mentions):
        place = m.place
        if not place.country:
            continue
        country = country_of(place)
        if country in settled and all(country_of(n.place) in settled for n in mentions[i + 1:i + 3]
                                      if n.place.country):
            continue
        if history and _within(history, m.start):
            continue
        before = text[max(0, m.start - 40):m.start]
        if place.kind in ("country", "demonym") and _ACTING_BEFORE.search(before) or _held_there(text, m.start):
            acting.add(country)
        national = place.kind == "country" or place.name in _HOME_NATIONS
        if national and _result_nearby(text, m):
            acting.add(country)
        if national and weights[i] > 0 and _EVENT_IN.search(before):
            acting.add(country)
        if place.kind == "country" and _STANCE_FROM.search(text, max(0, m.start - 80), m.start):
            acting.add(country)
            if i + 1 < len(mentions) and mentions[i + 1].place.kind == "country" and re.fullmatch(
                    r"\s+and\s+(?:the\s+)?", text[m.end:mentions[i + 1].start]):  # "from Portugal and Spain"
                acting.add(country_of(mentions[i + 1].place))
        if place.kind in ("country", "demonym"):
            titled = _TITLED.match(text, m.end)  # "what Australian Prime Minister Malcolm Turnbull called ..."
            if titled and titled.end() - m.end > 12 and _verb_follows(text, titled.end(), statements=True):
                acting.add(country)
        if _central_bank_acts(text, m):
            acting.add(country)
        if weights[i] > 0 and (place.kind in ("country", "demonym", "area", "region")
                               or place.kind == "city" and _capital(place)):
            subject_end = acts(text, m.start, m.end, place.kind)
            if subject_end and country in asides and not (_TITLED.match(text, m.end) or _takes_side(text, subject_end)):
                continue  # "Kiribati is buying land abroad", late in a story on climate: an example
            if subject_end:
                acting.add(country)
                acting.update(country_of(n.place) for n in mentions[i + 1:i + 3]
                              if n.end <= subject_end and n.place.country)  # "West Germany and Ireland"
    return acting


# The vocabulary of one country's national politics, for stories that name no place at all: a US
# campaign story ("the Democratic presidential nominee", "the Secret Service") is about the United
# States when a US source runs it, as a story on MPs and the Tories from a British one is about the
# United Kingdom. Words, not places: they count only for the source's own country.
_NATIONAL_POLITICS = {
    "United States": re.compile(r"\b(?:presidential|presidency|White\s+House|Secret\s+Service|Congress|congressional"
                                r"|Senate|senator|Sen\.|GOP|Republicans?|Democrats?|Democratic|Supreme\s+Court"
                                r"|State\s+Department|Justice\s+Department|FBI|CIA|impeachment|caucus(?:es)?"
                                r"|primaries|electoral\s+college|Obamacare|Medicare)\b"),
    "United Kingdom": re.compile(r"\b(?:MPs?|House\s+of\s+Commons|Commons|House\s+of\s+Lords|Tory|Tories|Labour"
                                 r"|Lib\s+Dems?|Liberal\s+Democrats|Brexit|Downing\s+Street|Whitehall|Westminster"
                                 r"|NHS|Home\s+Office|Foreign\s+Office|Prime\s+Minister)\b"),
}
# How many such words (and how many different ones) make a story home politics.
HOME_POLITICS_WORDS = 3
HOME_POLITICS_DISTINCT = 2


def home_politics(text: str, home: str | None) -> bool:
    """Whether a story that names no place is about its source's country's national politics."""
    pattern = _NATIONAL_POLITICS.get(home or "")
    if pattern is None:
        return False
    words = [m.group().lower() for m in pattern.finditer(text)]
    return len(words) >= HOME_POLITICS_WORDS and len(set(words)) >= HOME_POLITICS_DISTINCT


def _result_nearby(text: str, m) -> bool:
    """A score within a few words of a national team's name, in a sentence about a match."""
    lo, hi = max(0, m.start - 45), m.end + 45
    window = text[lo:hi]
    return bool(_SCORE.search(window) and _SCORE_WORDS.search(window))


# A city that names its market ("the London market", "a Chicago finish of 97.08", "the New York and
# London markets", "up from 426.20 in New York"): a price or a trading floor, not a place of the story.
_MARKET_AFTER = re.compile(r"(?:\s+and\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:\s+stock)?\s+(?:market|markets|bourse"
                           r"|exchange|futures|finish|close|closing|opening|session|trading|dealers|traders|brokers"
                           r"|investors|prices?|quotes?)\b")
_PRICE_BEFORE = re.compile(r"\d\s+(?:\w+\s+)?(?:in|at)\s+$")


def _team_or_market(text: str, m) -> bool:
    """'Columbus beat Montreal', 'scored for Ottawa': a club named by its city; 'Wall Street', 'the
    London market': a market."""
    if m.place.name in _MARKETS:
        return True
    if m.place.kind not in ("city", "region") or m.place.name in _HOME_NATIONS:
        return False
    if m.place.kind == "city" and (_MARKET_AFTER.match(text, m.end)
                                   or _PRICE_BEFORE.search(text, max(0, m.start - 20), m.start)):
        return True
    return bool(_TEAM_BEFORE.search(text, max(0, m.start - 30), m.start) or _TEAM_AFTER.match(text, m.end))


def _after_own_city(text: str, mentions: list, i: int) -> bool:
    """'Stuttgart, Germany': the country names where the city is, one place, counted once."""
    if i == 0 or mentions[i].place.kind != "country":
        return False
    prev = mentions[i - 1]
    return (prev.place.kind in ("city", "region") and prev.place.country == mentions[i].place.country
            and text[prev.end:mentions[i].start].strip() == ",")


def _capital(place) -> bool:
    from .locations import gazetteer

    return place.name in gazetteer().capitals


def _once(country_of: Callable) -> Callable:
    known: dict = {}

    def country(place) -> str:
        if place not in known:
            known[place] = country_of(place)
        return known[place]
    return country


def _in_heading(text: str, pos: int) -> bool:
    """Whether the place at `pos` is in a line of capitals ("KAZAKHSTAN WINS AGAIN"): a headline of its own."""
    end = text.find("\n", pos)
    return text[text.rfind("\n", 0, pos) + 1:end if end >= 0 else len(text)].isupper()


def story_countries(body: str, title_countries: Iterable[str], body_mentions: list, listed: set[int],
                    country_of: Callable, home: str | None, year: int | None = None) -> list[str]:
    """The countries the title and body make a story about, in order: the title's, then the body's
    (the dateline's country and the metadata's are the caller's); `year` is the story's."""
    country_of = _once(country_of)  # the historic country of each distinct place, once
    history = history_spans(body, year)
    quoted = quoted_spans(body)
    weights, named = mention_weights(body, body_mentions, listed, country_of, history)
    totals: dict[str, float] = {}
    first: dict[str, int] = {}  # where each country is first named other than in passing
    for m, weight in zip(body_mentions, weights):
        if m.place.country:
            country = country_of(m.place)
            totals[country] = totals.get(country, 0.0) + weight
            if weight > 0:
                first.setdefault(country, m.start)
    lead = lead_end(body)
    needed = MIN_MENTIONS + len(body.split()) // LONG_STORY_WORDS
    late = LATE_SHARE * len(body)
    by_name = {country_of(m.place) for m, w in zip(body_mentions, weights)
               if w > 0 and m.place.country and m.place.kind != "city"}  # named other than by a city
    for m, weight in zip(body_mentions, weights):
        if weight > 0 and m.place.kind == "city" and country_of(m.place) not in by_name and _capital(m.place):
            totals[country_of(m.place)] -= weight * CAPITAL_DISCOUNT
    counted = {c for c, total in totals.items() if total >= needed + (first.get(c, 0) > late)}
    # A title country the body names only in passing (a company's home, a meeting's venue: "PAKISTAN FIRM
    # RAISES ...", "... MANAGUA COFFEE MEETING") needs a reason of its own in the body.
    out: dict[str, None] = dict.fromkeys(c for c in title_countries if c and (c not in totals or totals[c] > 0))
    settled = set(out) | counted | ({home} & named)
    named_at: dict[str, int] = {}  # where each country is first named at all
    headed: set[str] = set()  # countries named in a heading of their own
    for m in body_mentions:
        if m.place.country:
            named_at.setdefault(country_of(m.place), m.start)
            if _in_heading(body, m.start):
                headed.add(country_of(m.place))
    asides = {c for c, at in named_at.items() if at > late and c not in headed}
    acting = acting_countries(body, body_mentions, weights, country_of, settled, history + quoted, asides)
    side = MIN_SHARE * max(totals.values(), default=0.0)
    for m, weight in zip(body_mentions, weights):
        if m.place.country:
            country = country_of(m.place)
            if country not in out and totals[country] < side:
                continue  # a side mention, however it is made
            if (m.start < lead and weight > 0 or country in acting or country in counted
                    or country == home and country in named):
                out.setdefault(country, None)
    return [c for c in out if not former_state(c, year)]
