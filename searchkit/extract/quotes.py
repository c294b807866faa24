"""Quoted speech and who said it.

**Quotes.** Quote marks are read by their context as well as their shape: a mark after a space or
at a paragraph's start opens, one after a word closes (so straight quotes pair as reliably as
curly ones, and a reversed curly mark still works). The doubled marks of wire and archive copy
(``…'', ‘‘…’’, ''…'') are read as one mark each. A paragraph is a run of lines up to a blank or
indented line (wire copy hard-wraps lines); a text without blank lines whose lines are long has one
paragraph per line. A quote left open at the end of a paragraph runs to that end; when the next
paragraph opens with a mark it goes on there (the British and American convention for a quote over
several paragraphs), and the parts share one speaker. Each paragraph's part is one quotation.

**Speech or not.** A quote attributed by a verb of saying (the data table
`searchkit/data/reporting_verbs.tsv`), or in a sentence with such a cue, is speech whatever its
length: that is how issue 12 (and PolNeAR) define a direct quote. Otherwise it is speech when it is
long enough to be (four words ending in punctuation, or seven words); shorter spans are scare
quotes or titles (`its “forever war” went on`), and a lone word in capitals is a name.

**Speakers.** The subject of the verb of saying that governs the quote: after it (`“…,” said X`,
`“…,” X, a spokeswoman, said`, `“…?” X asked.`, `“…” - X.`, `“…,” as X said`, `… according to X`),
else before it in its sentence: a fronted attribution (`According to X,`, `As X reported,`, `Said
X,`), a passive agent (`asked by X whether`), then the first reporting verb used as a main verb
(`Israel said Clinton called on members to be “…”` is Israel's) outside leading phrases, relative
clauses and earlier clauses cut by a semicolon, colon or dash, unless a subordinate or coordinated
clause with a subject of its own says the words (`Axelrod tweeted after Clinton argued that “…”`);
`what X called “…”` is X's; participles take the sentence's
subject (`Trump lashed out, saying “…”`); a possessive speech noun only when no verb has a subject
(`Trump's claim that Obama “founded ISIS”`). Verbs that are also nouns count only after a subject,
passives and -ing forms heading no clause never. The subject is then normalised:

- a name loses its titles, kept as clues (`Mr R. Sridharan` -> `R. Sridharan`, `Badghis Governor
  Hessamuddin Shams` -> `Hessamuddin Shams`), possessive prefixes (`CNN's Gloria Borger`) and
  trailing weekdays; a later short form (`Mr. Trump`, `Trump`) becomes the longest full name used
  earlier that ends with it (`Donald Trump`); `Trump's campaign` -> `Donald Trump campaign`;
- `he` / `she` is the person named before it whose gender fits: its sentence's subject, else the
  nearest name of its own sentence before it (none before the quote for a `“…,” he said` unless a
  verb of saying follows that name), then the first name of each sentence before it (names inside
  quotations left out; gender from Mr/Mrs/Ms/Sir/Dame..., from the pronouns that follow a person's
  name but not across a quotation, from earlier he/she);
- a description is the person it refers to when the story has named one that fits (`the foreign
  secretary` after `Foreign Secretary Alan Marsh`, `the 30-year-old` after `Jane Roe, 30,`), else
  the description itself (`a Home Office spokesman` -> `Home Office spokesman`); a nationality
  (`the Italian`) is the person just named; a bare `the
  company` gives None; organisations speak by name or initials (`CNN said`), groups by a plural
  noun (`Analysts said`, `Many reporters noted`);
- nothing that reads like no name or description is a speaker (`New York Times made`, `Sanders
  interview`, `RNC’s powerful rules committee`, `One`); leading function and time words are trimmed
  (`But Parry` -> `Parry`), and datelines and words news never capitalises mid-sentence are no names.

A quote with no attribution of its own: words quoted inside narration take the sentence's subject;
a quote opening a sentence takes the speaker of the quote before it in the paragraph, or the subject
of the narration sentence just before it (`Bystrom agreed. “…”`), or the previous paragraph's quote
or speaking subject. Quotes of one sentence share its attribution (`“A” and “B,” Dean said`), and a
fragment nobody is named for takes the speaker of a longer attributed quotation holding its words.

**The chooser.** Where the rules name nobody, a small naive Bayes chooser (its table
`searchkit/data/speaker_chooser.json`, learnt from PolNeAR train by `bench/speaker_chooser.py`) weighs
the people named before the quote in its paragraph (where, how recent, whether they speak elsewhere
in the story, how often named, whether the quote is attributed or embedded in narration) and names
the likeliest when it is likely enough. A story in another language than English has no quotations.
"""
from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..ingest.sentences import common_word, lower_case_vocabulary, lower_case_word
from ..model import Quote

# Verbs (and phrases) that attribute reported words: the data table searchkit/data/reporting_verbs.tsv.
VERBS_TABLE = Path(__file__).resolve().parent.parent / "data" / "reporting_verbs.tsv"


def _load_verbs(path: Path) -> dict[str, frozenset[str]]:
    """Forms by use, from the table (one verb a line, `class<TAB>form|form…[<TAB>noun]`): "say" and
    "think" (attribute before or after a quote), "after" (only right after one), "cue" (a verb of
    saying that makes a short quoted phrase in its sentence speech), "noun" (forms that are also nouns)."""
    out: dict[str, set[str]] = {"say": set(), "think": set(), "after": set(), "cue": set(), "noun": set()}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cls, forms, *flags = line.split("\t")
        words = forms.split("|")
        out[cls].update(words)
        nouns = [w for w in words if not w.endswith(("ed", "ing"))] if "noun" in flags else []
        out["noun"].update(nouns)
        if cls == "say":  # phrases ("went on") are no cue: "its “forever war” went on"
            out["cue"].update(w for w in words if w not in nouns and " " not in w)
    out["after"] -= out["say"] | out["think"]
    return {k: frozenset(v) for k, v in out.items()}


_FORMS = _load_verbs(VERBS_TABLE)
_SAY_FORMS, _AFTER_FORMS, _NOUN_FORMS = _FORMS["say"] | _FORMS["think"], _FORMS["after"], _FORMS["noun"]
SPEECH_VERBS = frozenset(w for w in _SAY_FORMS if " " not in w)


def _alternation(forms) -> str:
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))


_VERB = rf"(?:according\s+to|{_alternation(_SAY_FORMS)})"
_AFTER_VERB = rf"(?:{_VERB}|{_alternation(_AFTER_FORMS)})"
_VERB_RE = re.compile(rf"\b{_VERB}\b")
# Words a verb form (or phrase) of the table starts with: a cheap test before the long alternation.
_VERB_STARTS = frozenset(f.split()[0] for f in _SAY_FORMS) | {"according"}
_LOWER_WORD = re.compile(r"\b[a-z]+\b")


def _verbs_in(text: str, start: int = 0) -> list[re.Match]:
    """The verbs of saying in a text (as `_VERB_RE.finditer` finds them, word by word, faster)."""
    out: list[re.Match] = []
    end = start
    for w in _LOWER_WORD.finditer(text, start):
        if w.start() >= end and w.group() in _VERB_STARTS:
            m = _VERB_RE.match(text, w.start())
            if m and (text[m.end():m.end() + 1] == "-" or text[w.start() - 1:w.start()] == "-"):
                continue  # a part of a compound: "counter-attack", "well-said"
            if m:
                out.append(m)
                end = m.end()
    return out


def _verb_at(text: str, pos: int) -> bool:
    """Whether a verb of saying starts at `pos`."""
    w = _LOWER_WORD.match(text, pos)
    return bool(w and w.group() in _VERB_STARTS and _VERB_RE.match(text, pos))
# Participles that take the sentence's subject: "Trump lashed out, saying “…”".
PARTICIPLES = frozenset("saying adding telling writing calling noting arguing asking insisting warning "
                        "explaining describing declaring accusing claiming citing suggesting praising "
                        "tweeting stating".split())
# Words between a subject and its verb: "Trump also said", "Bek has told", "she later wrote".
_AUX = r"(?:(?:also|later|then|has|had|have|would|will|once|again|recently|previously|repeatedly|simply|" \
       r"just|further|often|publicly|privately|reportedly|had\s+previously|first|last|earlier|" \
       r"subsequently|separately|quickly|flatly|only|even|now|ultimately|too|[a-z]+ly)\s+)*"

# Words that may start a capitalised run but are never (part of) a speaker's name.
FUNCTION_WORDS = frozenset("""
A An The But And Or Nor So Yet Then Now Still Also When While Whilst What Whatever Which Who Whom Whose Why
How Where Wherever If Unless Until As Since Because Though Although After Before During In On At By For From
Of To With Without Within Into Onto Over Under About Above Across Against Along Among Around Behind Below
Beneath Beside Besides Between Beyond Despite Except Inside Outside Near Off Through Throughout Toward Towards
Upon Via Per All Another Any Both Each Either Every Few Many Most Much Neither No None Other Others Several
Some Such This That These Those It Its I I'm I’m I've I’ve I'd I’d I'll I’ll We We're We’re They They're
They’re He He's He’s She She's She’s You You're You’re Me My Mine Our Ours Their Theirs His Her Hers Your
Yours Us Them Him Yes Oh OK Okay Well Please Thanks Thank Not Only Just Even Here There Today Tonight
Yesterday Tomorrow Earlier Later Meanwhile However Moreover Furthermore Indeed Instead Asked Speaking
Writing Asked Like Unlike Regardless Given Following Including According Last Next First Second Third
Former Ex Late Mostly Perhaps Maybe Once Again Overall Finally Separately Similarly Likewise Otherwise
Hence Thus Therefore Nonetheless Nevertheless Still Already Sure Never Always Ever Anyway Do Does Did Is
Are Was Were Be Been Being Has Have Had Can Could Will Would Shall Should May Might Must Let Let's Let’s
Reporting Additional Editing Photo Video Watch Read Click Sign Follow Update Updated Related See
""".split())
TIME_WORDS = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov
Dec Christmas Easter Day Night Morning Evening Afternoon Week Weekend Month Year""".split())
# Titles before a name: dropped from the name, kept as clues to the person's role and gender.
MALE_TITLES = frozenset("Mr Sir Lord King Prince Father Brother Duke Earl Baron Sheikh".split())
FEMALE_TITLES = frozenset("Mrs Ms Miss Madam Dame Lady Queen Princess Sister Duchess Baroness".split())
TITLES = MALE_TITLES | FEMALE_TITLES | frozenset("""
Dr Prof Professor Delegate President Vice Governor Gov Lt Sen Senator Rep Representative Congressman Congresswoman
Gen General Col Colonel Capt Captain Sgt Sergeant Adm Admiral Maj Major Cmdr Commander Lieutenant Judge
Justice Mayor Chairman Chairwoman Chair Secretary Minister Ministers Premier Prime Chancellor Ambassador
Attorney Speaker Leader Majority Minority Whip Rev Reverend Pope Emir Sultan Imam Rabbi Bishop Archbishop Cardinal
Chief Deputy Assistant Acting Commissioner Director Officer Executive Spokesman Spokeswoman Spokesperson
Coach Manager Detective Inspector Constable Superintendent Councillor Councilman Councilwoman Council
Member Alderman Alderwoman Counsel Exchequer Staff Solicitor Barrister Sheriff Marshal Trooper Foreign Home Defence Defense Interior Finance Treasury State Federal National Health Education Trade
Economy Justice Energy Agriculture Labor Labour Transport Commerce Environment Culture Provincial District
Regional Party Opposition Labour Conservative Tory Democrat Democratic Republican GOP Liberal Independent
Presidential Press Campaign Senior Junior Managing Head Candidate Nominee Hopeful Founder Co-founder
CEO CFO COO Chief-Executive Vice-President Vice-Chairman Secretary-General Undersecretary Analyst Economist
Striker Midfielder Defender Goalkeeper Forward Boss Chef Actor Actress Singer Rapper Author Novelist Police
Army Military Navy Officer Lawmaker Legislator Anchor Host Reporter Correspondent Editor Columnist Dean
Treasurer Investor Budget Antitrust Affairs Ayatollah Hojatoleslam Comptroller
Jr Sr
""".split())
# Capitalised words that make a name an organisation's, not a person's.
ORG_WORDS = frozenset("""Inc Corp Co Ltd Plc LLC Corporation Company Bank Association Department Ministry
Commission Committee Council Board Exchange Agency Fund Organisation Organization Institute Federation Union
Group Party Reserve Treasury Congress Senate House Program Programme System Administration Government Court
News Times Journal Post Service Services Airlines Motors Industries International Holdings Trust Securities
Market Markets Office Authority Bureau University College Church Army Navy Police Taliban Campaign Network
Foundation Center Centre Club Society Coalition Alliance League Community Magazine Press Tribune Herald Gazette Daily
Agreement Act Treaty Accord Pact Bill Law Initiative Movement Policy Amendment Report Poll Survey
Review Channel Radio Television TV Media Project Caucus Council Prosecution Prosecutors Productions Records
Studios Team FC United City Hospital School Museum Labs Systems Technologies Partners Capital Global
Incorporated Brothers Associates Management Research""".split())
PARTICLES = r"(?:de|van|von|der|den|al|el|bin|ibn|la|le|del|da|du|di|dos|das|ter|ten|st\.?|mac|ben|abu)"
_WORD = r"(?:[A-Z]\.(?:[A-Z]\.)*|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Adm|Maj|St|Jr|Sr|Prof|Rev|Del)\.|" \
        r"[A-Z][A-Za-z'’]*(?:-[A-Za-z'’]+)*|Mc[A-Z][a-z]+)"
_GAP = r"(?:[ \t]+(?:\n(?![ \t\n]))?|\n(?![ \t\n]))"  # a space or a wrapped line, never a paragraph break
_NAME_RUN = re.compile(rf"{_WORD}(?:{_GAP}(?:{PARTICLES}{_GAP})?{_WORD})*")
_ENTOURAGE = frozenset("campaign office team camp lawyers attorneys aides staff spokesman spokeswoman family".split())
# Organisations that speak ("Texaco Inc", "the Swedish Prosecution Authority", "Bank of England"), by
# the word their name ends with, for "…,” it said" and "the company said".
_COMPANY_WORDS = frozenset("""Inc Corp Co Ltd Plc PLC LLC Corporation Company Group Holdings Industries Motors
Airlines Productions Records Studios Technologies Systems Partners Securities Bancorp AG SA NV""".split())
_LEGAL_SUFFIXES = frozenset("Inc Corp Co Ltd Plc PLC LLC AG SA NV Cie GmbH".split())  # a name ends there
_BODY_WORDS = frozenset("""Bank Ministry Department Agency Authority Commission Committee Council Board Union
Party Exchange Fund Office Organisation Organization Bureau Institute Federation Association Foundation
Prosecution Service""".split())
_ORG_NAME = re.compile(r"(?:[A-Z][\w&'’.-]*\s+(?:(?:and|&)\s+(?=[A-Z]))?){0,4}"
                       r"(?P<head>" + "|".join(sorted(_COMPANY_WORDS | _BODY_WORDS)) + r")\b"
                       r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})?")
# "the company said": which names the noun can stand for.
_ORG_NOUNS = {**dict.fromkeys("company firm concern maker producer carrier airline utility retailer insurer "
                              "brewer".split(), _COMPANY_WORDS),
              "bank": _COMPANY_WORDS | {"Bank"},
              **{w.lower(): frozenset({w}) for w in _BODY_WORDS - {"Prosecution", "Organisation", "Organization"}},
              "organisation": frozenset({"Organisation", "Organization"}),
              "organization": frozenset({"Organisation", "Organization"})}
_TICKER = re.compile(r"\s*<[A-Z0-9.]{1,12}>")
_THING_SPEAKS = re.compile(r"(?<![\w.])<?(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})>?"
                           r"(?:\s+(?:said|says|told|added|announced|reported|stated)\s+(?:it|its)\b"
                           r"|(?<=[A-Z]{2})\s+(?:said|says|called|urged|warned|added|announced|stated|reported)\b"
                           # a singular name with a plural verb, British style for a body: "Big Machine have denied"
                           r"|(?<=[a-rt-z])\s+(?:have|are|were)\s+(?:[a-z]+ly\s+|twice\s+|also\s+|repeatedly\s+)?"
                           r"[a-z]+(?:ed|en)\b)")
_ORG_ACTS = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:has|had|have|is|was|were|are|will|would|could|can|may|might|must|did"
                       r"|does|[a-z]{3,}ed|[a-z]{3,}s)\b")
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.I)
_PEOPLE_PLURAL = re.compile(r"(?i)\b(?:officials|analysts|sources|executives|economists|traders|dealers|experts|"
                            r"people|residents|critics|lawyers|aides|members|leaders|voters|protesters)\b")
# What a person writes or issues: "Trump's tweet said" is Trump speaking.
DOCUMENT_NOUNS = frozenset("tweet tweets statement post posts letter email emails editorial report book speech "
                           "remarks website memo account page column message video ad op-ed blog".split())
_PRONOUN = {"he": "m", "she": "f", "He": "m", "She": "f"}
_GENDER_CLUE = re.compile(r"(?i:\b(he|him|his|himself|she|her|hers|herself)\b)|[A-Z][a-z]+\s+[A-Z][a-z]+")
_PRONOUN_RE = {p: re.compile(rf"\b{p}\b") for p in _PRONOUN}
_PLURAL_OR_NEUTER = frozenset("they They it It we We I you You".split())
# Nouns that name people (for descriptions); the rest ("the company") name things.
PERSON_NOUNS = frozenset("""spokesman spokeswoman spokesperson official officials president minister chairman
chairwoman governor mayor secretary director executive analyst economist source trader dealer banker diplomat
ambassador senator chief leader commander negotiator representative premier chancellor king queen prince
general commissioner adviser advisor aide expert lawyer attorney candidate nominee frontrunner front-runner
businessman businesswoman billionaire tycoon defender striker midfielder goalkeeper forward player coach
manager captain boss actor actress singer rapper star author writer novelist columnist journalist reporter
host anchor founder owner ceo congressman congresswoman lawmaker legislator democrat republican conservative
liberal socialist independent politician voter supporter critic opponent activist protester resident
woman man mother father wife husband son daughter sister brother friend neighbour neighbor doctor
professor scientist researcher officer detective inspector prosecutor judge justice witness victim
survivor suspect veteran counsel teacher student pastor priest bishop pope rabbi imam user frenchman englishman
scotsman irishman welshman american briton pundit strategist pollster consultant operative staffer
insider organizer organiser economist investor advocate delegate associate colleague ally allies adviser aide
employee volunteer attendee donor person commenter commentator caller viewer reader follower fan observer
bystander onlooker worker participant member""".split())
_SPEAKS_PREFIX = re.compile(rf"(?:,\s[^,.;:]{{1,60}},)?\s+{_AUX}")
_LAST_WORDS = re.compile(r"([a-z]+)(?:\s+([a-z]+))?\s+$")


def _speaks_after(text: str, pos: int) -> bool:
    """Whether a verb of saying follows `pos` ("Bek, a spokesman, also said")."""
    m = _SPEAKS_PREFIX.match(text, pos)
    return bool(m) and _verb_at(text, m.end())


def _said_before(window: str) -> bool:
    """Whether a window of text ends with a verb of saying ("said", "pointed out")."""
    m = _LAST_WORDS.search(window)
    if not m:
        return False
    if m.group(2) is None:
        return m.group(1) in _SAY_FORMS
    pair = f"{m.group(1)} {m.group(2)}"
    return pair in _SAY_FORMS or pair == "according to" or m.group(2) in _SAY_FORMS
_SUBJECT_START = re.compile(r"(?:[A-Z0-9]|(?:he|she|they|it|we|I|the|a|an|one|another|its|his|her|their)\b|"
                            r"(?:[a-z-]+\s+){1,4}[A-Z])")
# Words that make a short quoted span in their sentence someone's words rather than a scare quote.
_CUE_VERBS = _alternation(_FORMS["cue"] - {"read", "reads"})
_CUE_NEARBY = re.compile(rf"\b(?:{_CUE_VERBS}|pointed out|according to|so-called|phrase|slogan|words?|term|dubbed|nicknamed|labels?|"
                         r"described|calls?|quoted|promis\w+|vow\w*|pledg\w+|insist\w*|urg\w+|accus\w+|"
                         r"argu\w+|claim\w*|warn\w*|deni\w+|denounc\w+|prais\w+|criticiz\w+|slamm\w+)\b")
_AGE = re.compile(r"\b(\d{1,3})-year-old\b")
_QUOTE_MARKS = re.compile(r"[\"“”]")
_BLANK = re.compile(r"\n[ \t]*\n|\n(?=[ \t])")
_LONG_LINE = 120


@dataclass
class _Span:
    """One quotation: where its text is, its paragraph, and whether it continues the one before."""

    start: int  # the opening mark
    inner: tuple[int, int]
    end: int  # after the closing mark (== inner end when left open)
    para: int
    open_end: bool = False
    continues: bool = False
    speaker: str | None = None
    attributed: bool = False
    sentence: int = -1  # where its sentence starts


@dataclass
class _Person:
    name: str
    gender: str = ""  # "m", "f" or ""
    votes: dict = field(default_factory=lambda: {"m": 0, "f": 0})
    clues: set = field(default_factory=set)  # lower-case titles, roles, ages, places


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph."""
    if "\n" in text and not _BLANK.search(text) and any(len(ln) > _LONG_LINE for ln in text.split("\n")):
        breaks = re.compile(r"\n")  # one paragraph per line: web text without blank lines
    else:
        breaks = _BLANK
    out, pos = [], 0
    for m in breaks.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _opens(text: str, at: int, start: int, end: int) -> bool:
    """Whether the quote mark at `at` opens a quotation, judged by its neighbours, then by its shape."""
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < end else " "
    if before.isspace() or before in "([{—–-/:\u00a0" or at == start:
        return not after.isspace() or text[at] == "“"
    if after.isspace() or after in ".,;:!?)]}—–-" or at + 1 == end:
        return False
    return text[at] == "“"


def _spans(text: str, paragraphs: list[tuple[int, int]]) -> list[_Span]:
    out: list[_Span] = []
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        opened: int | None = None
        for m in _QUOTE_MARKS.finditer(text, p_start, p_end):
            at = m.start()
            # a mark that punctuation follows closes the open quote, whatever its shape or the space
            # before it ("… schedule delays ”. The report …", "“ I Cavalieri dello Zodiaco “, prodotta …")
            if (opened is None or text[at + 1:at + 2] not in tuple(".,;:!?)")) and _opens(text, at, p_start, p_end):
                if opened is not None:  # never closed: it ends where this one starts
                    out.append(_Span(opened, (opened + 1, at), at, p_index, open_end=True))
                opened = at
            elif opened is not None:
                out.append(_Span(opened, (opened + 1, at), at + 1, p_index))
                opened = None
        if opened is not None:
            out.append(_Span(opened, (opened + 1, p_end), p_end, p_index, open_end=True))
    # A paragraph opening with a mark continues a quote the previous paragraph left open.
    for prev, span in zip(out, out[1:]):
        if prev.open_end and prev.inner[1] == paragraphs[prev.para][1] and span.para == prev.para + 1 \
                and not text[paragraphs[span.para][0]:span.start].strip():
            span.continues = True
    return out


def _mask(text: str, spans: list[_Span]) -> str:
    """The text with quoted words blanked out, so narration can be read without them."""
    chars = list(text)
    for s in spans:
        for i in range(s.inner[0], s.inner[1]):
            if chars[i].isalnum():
                chars[i] = "_"
    for m in _TICKER_DOT.finditer(text):  # "<OLIV.MI>": no sentence ends inside a wire ticker
        chars[m.start(1)] = "0"
    for m in _NICKNAME.finditer(text):  # "James E. (Jim) Nugent": one name, the nickname left out
        chars[m.start(1):m.end(1)] = " " * (m.end(1) - m.start(1))
    return "".join(chars)


_NICKNAME = re.compile(r"(?<=[A-Z])[.\w]*\s+(\(['\"“]?[A-Z][a-z]+['\"”]?\))(?=\s+[A-Z][a-z])")
_TICKER_DOT = re.compile(r"<[A-Z0-9]{1,8}(\.)[A-Z0-9]{1,4}>")


def _is_title(word: str, words_after: int = 0) -> bool:
    """"Sen.", "Governor", and "Del." (a Delegate: "Del. Stacey Plaskett", read "Del Stacey Plaskett"
    where title stops are blanked) but not the "Del" of "Del Toro" or "Benicio Del Toro"."""
    return word.rstrip(".") in TITLES or word == "Del." or (word == "Del" and words_after >= 2)


@lru_cache(maxsize=8192)
def _strip_name(run: str) -> tuple[str, frozenset[str]]:
    """A capitalised run as a person's name without titles and function words, and the titles."""
    words = run.split()
    clues: set[str] = set()
    popped: list[str] = []
    while words and (words[0] in FUNCTION_WORDS or words[0] in TIME_WORDS or _is_title(words[0], len(words) - 1)
                     or (words[0] == "Crown" and words[1:2] in (["Prince"], ["Princess"]))  # "the Crown Prince"
                     or (words[0][0].isupper() and common_word(words[0]) and not clues)
                     or (len(words) > 1 and words[0].lower() in SPEECH_VERBS)):  # "Said Comey"
        if len(words) == 1 and clues & _HONORIFICS and words[0][:1].isupper() and words[0] not in FUNCTION_WORDS:
            break  # "Mr. Prince", "Ms. Major": after an honorific comes a surname, whatever it means
        if _is_title(words[0], len(words) - 1) or words[0] == "Crown":
            clues.add(words[0].rstrip(".").lower())
        popped.append(words.pop(0))
    named = [w for w in popped if w.lower() not in _CLOSED_CLASS and w not in TIME_WORDS]
    if len(words) == 1 and words[0] in ORG_WORDS and named and not clues & _HONORIFICS:
        return " ".join(named + words), frozenset()  # "General Motors", "First City": a body's name, not "Motors"
    for i in range(1, len(words)):
        if words[i][0].isupper() and words[i].rstrip(".") not in TITLES and common_word(words[i]) \
                and not re.fullmatch(r"[A-Z]\.", words[i - 1]):  # "Oliver K. Hedge": an initial's surname
            words = words[:i]  # "Selenis Leyva Got Real About …": a headline goes on after the name
            break
    while words and (words[-1].rstrip(".,") in ("Jr", "Sr", "II", "III") or (len(words) > 1 and words[-1] in _WEEKDAYS)):
        words.pop()  # "Pence Thursday" -> "Pence"
    for i in range(len(words) - 2, -1, -1):  # "CNN's Gloria Borger", "Fox News’ Sean Hannity" -> the person
        if re.search(r"\w['’]s?$", words[i]) and words[i + 1][:1].isupper():
            words = words[i + 1:]
            break
    # Titles or places inside the run ("Badghis Governor Hessamuddin Shams"): the name is after the last one.
    for i in range(len(words) - 1, 0, -1):
        if _is_title(words[i - 1]):
            clues.update(w.rstrip(".").lower() for w in words[:i])
            words = words[i:]
            break
    if len(words) >= 3 and words[0] in ORG_WORDS and words[1] not in ORG_WORDS and not clues & _HONORIFICS:
        words = words[1:]  # "Chairman of General Motors Roger Smith": the title took "General", not "Motors"
    return " ".join(words).strip(" ,"), frozenset(clues)


# Words that open a sentence or clause, never a body's name ("But General Motors" is General Motors).
_CLOSED_CLASS = frozenset("""the a an and but or nor so yet then also in on at of for by with from to as if when while
after before since until because though although this that these those his her its their our my your he she it they
we i said says according""".split())
_SURNAME_TITLES = frozenset("King Prince Major Singer Judge Bishop Dean Marshal Knight Baron Earl Duke Sheikh".split())
_HONORIFICS = frozenset("mr mrs ms miss dr".split())


def _place_and_role(run: str) -> bool:
    """"California Republican", "Washington Democrat", "Florida senator": a description, not a name
    (unlike "Angus King", whose first word is no place); the place may take several words ("New Jersey Democrat")."""
    words = run.split()
    return len(words) >= 2 and words[-1].lower() in PERSON_NOUNS and (
        all(_is_place(w) for w in words[:-1]) or _is_place(" ".join(words[:-1])))


def _is_org(name: str) -> bool:
    return any(w.strip(".,") in ORG_WORDS or _ORG_TAIL.search(w.strip(".,’'s")) for w in name.split())


_ORG_TAIL = re.compile(r"[a-z](?:Bank|bank|Corp|Group)$")  # "CityBank", "Citibank"


@lru_cache(maxsize=8192)
def _is_place(name: str) -> bool:
    from .locations import gazetteer

    return gazetteer().lookup(name) is not None


def _gender_of_clues(clues: set[str]) -> str:
    if any(c.capitalize() in MALE_TITLES for c in clues):
        return "m"
    if any(c.capitalize() in FEMALE_TITLES for c in clues):
        return "f"
    return ""


# A US politician's party and state after the name: "(R-Calif.)", ", D-Wash.,", "(I-Vt.)", "(R-TX)".
_PARTY_STATE = re.compile(r"\s*[(,]\s*([RDI])\s*-\s*([A-Z][A-Za-z.]{1,11}(?:\s?[A-Z][A-Za-z.]{1,11})?)\s*(?:[),]|\.(?=\s|$))")
_PARTIES = {"R": frozenset({"republican", "gop"}), "D": frozenset({"democrat", "democratic"}),
            "I": frozenset({"independent"})}


def _confirmed_person(masked: str, end: int, words: list[str]) -> bool:
    """Whether two words whose first also names a place ("Mary", "Austin", "Georgia") name a person: one
    who speaks right after, or whose second word stands alone elsewhere as a surname ("Ebeling said")."""
    if _speaks_after(masked, end):
        return True
    alone = len(re.findall(rf"(?<![\w&-]){re.escape(words[1])}(?![\w&-])", masked))
    return alone > len(re.findall(rf"\b{re.escape(words[0])}\s+{re.escape(words[1])}\b", masked))


class _People:
    """People named in a story: full names, where each is mentioned, their titles, ages and gender."""

    def __init__(self, text: str, masked: str) -> None:
        self.text, self.masked = text, masked
        self.sentences: _Sentences | None = None
        self.people: dict[str, _Person] = {}
        self.mentions: list[tuple[int, int, str]] = []  # (start, end, full name), outside quotations
        self._by_surname: dict[str, str] = {}
        self._longest_ending: dict[str, str] = {}
        self._two_word_starting: dict[str, str] = {}
        for m in _NAME_RUN.finditer(masked):
            run = m.group()
            if run.endswith(("'s", "’s")):
                run = run[:-2]
            name, clues = _strip_name(run)
            if not name or not name[0].isupper() or name.split()[0] in FUNCTION_WORDS:
                continue
            if name != " ".join(run.split()) and len(run.split()) >= 2 and _is_place(" ".join(run.split())):
                continue  # "United Arab\nEmirates": a country, whatever word of it reads as a title
            words = name.split()
            if any(len(w.strip(".,’'")) > 2 and w.isupper() for w in words):
                continue  # "WASHINGTON", "POLITICO Florida": datelines, headlines, acronyms
            if len(words) == 1 and not clues and name not in self._by_surname and not (
                    name in self.people and self.people[name].clues & _ONE_NAME_TITLES) and not (
                    _speaks_after(masked, m.end()) or _said_before(masked[max(0, m.start() - 40):m.start()])):
                continue  # a lone capitalised word names a person only as a surname seen or as a speaker
            if _is_org(name) or (len(words) >= 2 and (_is_place(name) or all(w in TIME_WORDS for w in words))):
                continue
            if not clues and (re.search(r"\b(?:[Aa]n?)\s+$", masked[max(0, m.start() - 4):m.start()])
                              or any(w in _PRONOUN_WORDS for w in words[1:])):
                continue  # "masquerading as a Go-Kart Track", "The Only Money You Will Ever Need": no one
            if len(words) >= 2 and words[-1] in ("Democrat", "Republican") and _is_place(" ".join(words[:-1])):
                continue  # "the Texas Democrat": a legislator described, resolved where the story quotes him
            if len(words) == 1 and _PEOPLE_PLURAL.fullmatch(name):
                continue  # "Officials said …": people described, no one named
            if any(re.search(r"\w-(?:made|based|owned|built)$", w) for w in words):
                continue  # "North American-made vehicles", "Chinese-made Silkworm missiles": things, or where
            if not clues and len(words) >= 2 and _nationality(words[-1]) and (
                    re.match(r"\s+(?:and|or)\s", masked[m.end():m.end() + 5]) or (
                    re.match(r"\s+[a-z]", masked[m.end():m.end() + 3]) and not _verb_at(masked, m.end() + 1)
                    and not _verb_at(masked, m.end() + 2))):
                continue  # "the debt of Latin American and African nations", "West German officials": adjectives
            if _ROLE_OF_BEFORE.search(masked, max(0, m.start() - 40), m.start()) and (
                    not clues or all(common_word(w) for w in words)):  # but "Secretary of State John Kerry"
                continue  # "vice minister of Foreign Economic Relations": a portfolio or a body, no one
            if not clues and _FIRM_AFTER.match(masked, m.end()):
                continue  # "from Sears Roebuck company": a firm
            if _AND_FIRM_AFTER.match(masked, m.end()):
                continue  # "the Federal Savings and Loan Insurance Corporation": a body's name, cut at "and"
            if len(words) == 1 and not clues and _opening_word(masked, m):
                continue  # "Continued state subsidies would …": a sentence's first word, read as a word
            if not clues and _in_state(masked, m.end()):
                continue  # "a retirement community in North Manchester, Indiana": a town
            if not clues and re.search(r"\b(?:at|in|near)\s+$", masked[max(0, m.start() - 6):m.start()]) \
                    and (where := re.match(r",?\s+in\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})", masked[m.end():m.end() + 40])) \
                    and _is_place(where.group(1)):
                continue  # "launched at Punta del Este in Uruguay": a town
            if not clues and _OF_BODY.search(masked, max(0, m.start() - 40), m.start()):
                continue  # "the National Association for Technical Research": the end of a body's name
            full = self.full(name)
            if len(full.split()) == 1 and _is_place(full):
                continue
            if len(words) == 2 and _is_place(words[0]) and not clues and not (
                    not _nationality(words[0]) and _confirmed_person(masked, m.end(), words)):
                continue  # "American Express", "British Airways"; but "Mary Ebeling", "George Lane" said
            if len(words) >= 2 and words[-1] in _PLACE_HEADS and not clues and not _speaks_after(masked, m.end()):
                continue  # "Central Park", "Hormuz Strait": where, not who
            person = self.people.setdefault(full, _Person(full))
            if len(full.split()) >= 2:
                self._by_surname[full.split()[-1]] = full
                self._index(full)
            person.clues |= clues
            self._apposition(person, masked, m.start(), m.end())
            self.mentions.append((m.start(), m.end(), full))
            self._vote_gender(person, masked, m.end())
        self._join_surnames()
        for person in self.people.values():
            person.gender = _gender_of_clues(person.clues) or (
                "m" if person.votes["m"] > person.votes["f"] else "f" if person.votes["f"] > person.votes["m"] else "")

    def _join_surnames(self) -> None:
        """A surname met before the full name ("Mr Letwin said …", later "Oliver Letwin") is that person,
        when only one person of the story bears it: their clues, votes and mentions are one."""
        bearers: dict[str, list[str]] = {}
        for name in self.people:
            if " " in name:
                bearers.setdefault(name.rsplit(" ", 1)[1], []).append(name)
        for short in [name for name in self.people if " " not in name]:
            owners = bearers.get(short, [])
            if len(owners) != 1:
                continue
            full, alias = self.people[owners[0]], self.people.pop(short)
            full.clues |= alias.clues
            for gender, count in alias.votes.items():
                full.votes[gender] += count
            self.mentions = [(a, b, owners[0] if name == short else name) for a, b, name in self.mentions]

    def _surnames(self) -> dict[str, str]:
        return self._by_surname

    def full(self, name: str) -> str:
        """A surname or short form as the fullest name seen so far that ends with it ("Trump" ->
        "Donald Trump"); a first name alone as the full name that starts with it."""
        if " " not in name:  # indexed: the longest name ending with it, else a two-word name starting with it
            return self._longest_ending.get(name) or self._two_word_starting.get(name) or name
        ending = [known for known in self.people if known.endswith(" " + name)]
        if ending:
            return max(ending, key=len)
        starting = [known for known in self.people  # "Hillary" -> "Hillary Clinton", not "Trump Plaza Hotel"
                    if known.startswith(name + " ") and len(known.split()) == len(name.split()) + 1]
        return max(starting, key=len) if starting else name

    def _index(self, full: str) -> None:
        """Index a name of several words by its last word and, for two words, by its first."""
        words = full.split()
        if len(full) > len(self._longest_ending.get(words[-1], "")):
            self._longest_ending[words[-1]] = full
        if len(words) == 2 and len(full) > len(self._two_word_starting.get(words[0], "")):
            self._two_word_starting[words[0]] = full

    def _apposition(self, person: _Person, masked: str, start: int, end: int) -> None:
        """Clues around a mention: "Jane Doe, 30, ...", "Doe, the foreign secretary,", "17-year-old Jo"."""
        after = masked[end:end + 80]
        m = re.match(r",\s+(\d{1,3}),", after)
        if m:
            person.clues.add(f"{m.group(1)}-year-old")
        m = re.match(r",\s+(?:the|a|an)\s+([^,.;:\"“”]{2,60}?)(?:,|\.|\s+(?:said|says|told))", after)
        if m and not any(w.islower() and (w.endswith("ed") and w not in _ADJECTIVES_IN_ED or w in _CLAUSE_VERBS)
                         for w in m.group(1).split()):  # not "Before meeting Bush, the Crown Prince paid a call"
            person.clues.update(w.lower().strip("'’") for w in m.group(1).split())
        m = _PARTY_STATE.match(after)  # "Sen. Pete Wilson (R-Calif.)": later "the California Republican"
        if m:
            from .gazetteer import US_STATE_ABBREVIATIONS, US_STATE_CODES

            state = m.group(2).rstrip(".")
            state = US_STATE_ABBREVIATIONS.get(state) or US_STATE_CODES.get(state) or state
            person.clues |= _PARTIES[m.group(1)] | {w.lower() for w in state.split()}
        before = masked[max(0, start - 60):start]
        m = re.search(r"(\d{1,3})-year-old\s+(?:[a-z-]+\s+)*$", before)
        if m:
            person.clues.add(f"{m.group(1)}-year-old")
        m = re.search(r"((?:[A-Za-z-]+\s+){0,4})$", before)
        if m and m.group(1).strip():  # "Democratic presidential candidate Hillary Clinton"
            words = m.group(1).split()
            # "a finance ministry official told Reuters": the words before a verb describe its subject
            words = words[max([k + 1 for k, w in enumerate(words) if w in SPEECH_VERBS or w in ("told", "via")] or [0]):]
            if any(w.lower() in PERSON_NOUNS for w in words):
                person.clues.update(w.lower() for w in words)

    def _vote_gender(self, person: _Person, masked: str, end: int) -> None:
        """The first personal pronoun after a mention, in the same or the next sentence, unless another
        name comes first, says which gender the story gives that person."""
        window = masked[end:end + 160]
        m = _GENDER_CLUE.search(window)
        if m and m.group(1) and not _QUOTE_MARKS.search(window, 0, m.start()):  # not "X “…,” he said"
            person.votes["f" if m.group(1).lower().startswith(("she", "her")) else "m"] += 1

    def antecedent(self, at: int, gender: str, sentence_start: int, quote_spans: list[tuple[int, int]],
                   after_quote: bool = False, bodies: frozenset[str] = frozenset()) -> str | None:
        """The person a "he"/"she" at `at` refers to: the first fitting name of its own sentence, then
        of the sentences before it, nearest first (names inside quotations and `bodies`, names the
        story also gives an organisation, do not count)."""
        def fits(name: str) -> bool:
            g = self.people[name].gender
            return (not gender or not g or g == gender) and not self._only_heard(name, at) \
                and name not in bodies  # not "told Reuters", not "Allied-Lyons" of "Allied-Lyons PLC"

        inside = [(p, name) for p, _e, name in self.mentions if sentence_start <= p < at]
        if after_quote and inside and not _verbs_in(self.masked[inside[0][0]:at]):
            inside = []  # "Clinton “caused havoc,” he said": a name the quotation is about, not its speaker
        subject = _sentence_subject(self.text[sentence_start:at]) if len(inside) > 1 else None
        if subject:  # "Bush went after Trump …, when he called …": the sentence's subject first
            run = _NAME_RUN.match(subject)
            subject = _strip_name(run.group())[0] if run else None
            subject = self.full(subject) if subject else None
            if subject in self.people and any(name == subject for _p, name in inside) and fits(subject):
                return subject
        for _p, name in reversed(inside):
            if fits(name):
                return name
        earlier = [(p, name) for p, _e, name in self.mentions if p < sentence_start]
        if not earlier:
            return None
        # Walk back sentence by sentence: the first name of the nearest sentence with a fitting one.
        bounds = self.sentences.starts_before(sentence_start, paragraphs_back=3) if self.sentences else []
        for b_start in reversed(bounds):
            fitting = [(p, e) for p, e, name in self.mentions if b_start <= p < sentence_start and fits(name)]
            speaking = [p for p, e in fitting if self._speaking_at(p, e)] if len(fitting) > 1 else []
            first = speaking[0] if speaking else fitting[0][0] if fitting else None
            pronoun = list(_GENDER_PRONOUN[gender].finditer(self.masked, b_start, first)) if gender and first is not None else []
            pronoun = pronoun[-1] if pronoun else None
            if first is not None and not (pronoun and "," not in self.masked[pronoun.end():first]):
                return next(name for p, name in earlier if p == first)  # ("On his website, Lopez-Cantera …": his)
            # "…, she was more nervous than Rose-Lynn Harlan has ever been": her "she" goes on with someone before
            sentence_start = b_start
        fitting = [name for _p, name in earlier if fits(name)]
        return fitting[-1] if fitting else None

    def _speaking_at(self, start: int, end: int) -> bool:
        """Whether the name mentioned at start-end is given as speaking ("…, Herrington said.", "according to Dale
        Mohler"): not a firm after "with", nor the end of "Rashid Abdulla al-Nuaimi", whose run stops at "al-"."""
        before = self.masked[max(0, start - 14):start]
        return bool(_SAYS_AFTER.match(self.masked, end) or re.search(r"\baccording\s+to\s+$", before)) \
            and not re.search(r"(?:\b(?:with|of|at|for|from)\s+|\b(?:al|el)-)$", before)

    def _legislator(self, earlier: list[str], head: str, capitals: list[str]) -> str | None:
        """"The California Republican", "the Utah senator" when the story gave no state: the last politician
        named with a legislator's or governor's title ("Sen. Pete Wilson", "Committee Chairman William
        Proxmire") and no state of another, nor, for a party, another party."""
        states = _us_states()
        state = " ".join(capitals)
        if head not in _LEGISLATOR_HEADS or not capitals or state not in states:
            return None
        party = next((k for k, words in _PARTIES.items() if head in words), None)
        for rank, name in enumerate(dict.fromkeys(reversed(earlier))):  # the last named first
            if rank >= 2 and not party:
                return None  # "the Utah senator" is one of the last two named, not any senator before
            clues = self.people[name].clues
            if not clues & (_LEGISLATOR_TITLES | _COMMITTEE_TITLES):
                continue
            if party and any(clues & words for other, words in _PARTIES.items() if other != party):
                continue  # "the California Republican" is no Democrat
            if any(w in clues for other in states if other != state for w in other.split() if w not in capitals):
                continue
            return name
        return None

    def described(self, description: str, at: int) -> str | None:
        """The person named before `at` that a description fits ("the foreign secretary", "the
        30-year-old", "the Florida senator"), or, for a description of a person with no clue that
        matches, the person named last."""
        words = [w.lower().strip(".,'’") for w in description.split()]
        head = words[-1] if words else ""
        earlier = [name for p, _e, name in self.mentions if p < at]
        if head and (len(words) <= 2 or all(w.islower() for w in description.split()[1:])):
            # "the spokesman" after "an American Motors spokesman"; "the senior ministry official" after
            # "A Finance Ministry official who …"
            unnamed = list(re.finditer(rf"\b(?:[Aa]n?|[Oo]ne)\s+((?:[A-Z][\w&.'’-]*\s+)+){re.escape(head)}\b",
                                       self.text[:at]))
            if unnamed:
                return f"{' '.join(unnamed[-1].group(1).split())} {head}"
            # "the expert warned" after "said one legal expert": that expert, not the last person named,
            # unless a name stands beside the description ("Jane Doe, a legal expert,")
            indefinite = re.finditer(rf"\b(?:[Aa]n?|[Oo]ne)\s+((?:[a-z][\w-]*\s+){{0,2}}){re.escape(head)}\b",
                                     self.text[:at]) if head in PERSON_NOUNS else ()
            unnamed = [m for m in indefinite
                       if not any(w in _NOT_IN_SPEAKERS for w in m.group(1).split())  # "the one the official"
                       and not re.search(r"[A-Z][\w.'’-]*,\s*$", self.text[max(0, m.start() - 40):m.start()])
                       and not re.match(r",?\s+(?:named\s+)?[A-Z]", self.text[m.end():m.end() + 12])]
            if unnamed and not any(unnamed[-1].start() < p < at and not self._only_heard(n, at)
                                   for p, _e, n in self.mentions):
                return " ".join([*unnamed[-1].group(1).split(), head])
        if not earlier or not head:
            return None
        age = _AGE.search(description)
        best, best_score = None, 0
        capitals = [w.lower().strip(".,'’") for w in description.split()[1:-1] if w[:1].isupper()]
        for name in reversed(earlier):
            clues = self.people[name].clues
            if any(c not in clues for c in capitals):
                continue  # "the Democratic candidate" is no one known only as a Republican
            score = sum(1 for w in words if w in clues or _title_alias(w) in clues)
            if age:
                score = 3 if f"{age.group(1)}-year-old" in clues else 0
            if score > best_score:
                best, best_score = name, score
        if best is not None and (best_score >= 1 and (age or head in self.people[best].clues
                                                        or _title_alias(head) in self.people[best].clues
                                                        or best_score >= 2)):
            return best
        legislator = self._legislator(earlier, head, capitals)
        if legislator:
            return legislator
        modifiers = description.split()[1:-1] if description.split()[0].lower() in _DETERMINERS \
            else description.split()[:-1]
        if any(w[:1].isupper() for w in modifiers):
            return None  # "the Democratic nominee" that fits nobody named: the description itself
        demonym = len(modifiers) <= 1 and _is_demonym(description.split()[-1].strip(".,'’"))
        if age or demonym or (head in PERSON_NOUNS and head not in ROLE_TITLES and head not in _UNNAMED):
            gender = "m" if demonym and head.endswith("man") else "f" if demonym and head.endswith("woman") else {"woman": "f", "actress": "f", "mother": "f", "wife": "f", "daughter": "f",
                      "sister": "f", "businesswoman": "f", "spokeswoman": "f", "congresswoman": "f",
                      "man": "m", "actor": "m", "father": "m", "husband": "m", "son": "m", "brother": "m",
                      "businessman": "m", "frenchman": "m", "englishman": "m", "spokesman": "m",
                      "congressman": "m"}.get(head, "")
            for name in reversed(earlier):
                if (not gender or self.people[name].gender in ("", gender)) and not self._only_heard(name, at):
                    return name
        return None

    def _only_heard(self, name: str, at: int) -> bool:
        """Whether every mention of `name` before `at` is the one told ("told Ruptly", "via USA Today"):
        an outlet or a listener, never the unnamed doctor who speaks next."""
        starts = [p for p, _e, n in self.mentions if n == name and p < at]
        return bool(starts) and all(_HEARER.search(self.text, max(0, p - 6), p) for p in starts)


_GENDER_PRONOUN = {"m": re.compile(r"\b[Hh](?:e|is)\b"), "f": re.compile(r"\b(?:[Ss]he|[Hh]er)\b")}
_ROLE_OF_BEFORE = re.compile(r"\b(?i:minister|ministry|secretary|department|director|head|chairman|president|governor|"
                             r"professor|member|chief|dean)\s+(?:of|for)\s+(?:the\s+)?$")


def _opening_word(masked: str, m: re.Match) -> bool:
    """Whether a lone capitalised word is only a sentence's first word ("Continued state subsidies would …"):
    a word news copy writes in lower case, not followed by a verb of saying ("Baker said"), never met
    capitalised inside a sentence of the story, no possessive, determiner or number."""
    name = m.group()
    if name.endswith(("'s", "’s")) or name.lower() in _DETERMINERS or _NUMBER_WORD.fullmatch(name.lower()) \
            or not lower_case_word(name) or not re.search(r"(?:^|[.!?]\s+|\n\s*)$", masked[max(0, m.start() - 6):m.start()]):
        return False
    nxt = re.match(r"\s+([a-z]+)\b", masked[m.end():m.end() + 30])
    if not nxt or nxt.group(1).endswith("ly") or (
            _verb_at(masked, m.end() + nxt.start(1)) and nxt.group(1).endswith(("s", "d", "ote"))):
        return False
    return not re.search(rf"[\w,;]\s+{re.escape(name)}\b", masked)


_AND_FIRM_AFTER = re.compile(r"\s+(?:and|&)\s+(?:[A-Z][\w.'’-]*\s+){0,3}(?:%s)\b(?!\s+[A-Z])" % "|".join(sorted(ORG_WORDS)))
_FIRM_AFTER = re.compile(r"['’]?s?\s+(?:company|companies|firm|corporation|bank|subsidiary|affiliate|unit|group)\b")


def _in_state(masked: str, end: int) -> bool:
    """Whether a name is followed by a US state, as a town is: "North Manchester, Indiana"."""
    m = re.match(r",\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b", masked[end:end + 24])
    return bool(m) and m.group(1).lower() in _us_states()


_PRONOUN_WORDS = frozenset("I You We They It He She Your Our My Their Its His Her Me Us Them".split())
_OF_BODY = re.compile(rf"\b(?:{'|'.join(sorted(_BODY_WORDS | {'University', 'College', 'Center', 'Centre', 'Society'}))})"
                      r"\s+(?:for|of|on)\s+(?:the\s+)?$")
_CLAUSE_VERBS = frozenset("is was are were has had have paid met made took gave went came won lost sent".split())
_HEARER = re.compile(r"\b(?:told|via)\s+$")
# "Sen. Pete Wilson", "House Speaker James Wright"
_LEGISLATOR_TITLES = frozenset("sen senator rep representative congressman congresswoman gov governor speaker".split())
_COMMITTEE_TITLES = frozenset({"committee", "subcommittee", "senate"})  # "Committee Chairman William Proxmire",
# "Senate Democratic leader Robert Byrd": legislators too
# What a legislator is called in place of a name: "the Wisconsin Democrat", "the Utah senator".
_LEGISLATOR_HEADS = frozenset("""republican democrat senator congressman congresswoman lawmaker legislator
representative governor""".split())
_PARTY_WORDS = frozenset().union(*_PARTIES.values())


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    from .gazetteer import US_STATE_CODES

    return frozenset(state.lower() for state in US_STATE_CODES.values())


# A spokesman named after being quoted unnamed: "spokesman Jerry Barker said", "Jerry Barker, a Magna spokesman,"
_SPOKES = {head: re.compile(rf"(?:(?P<org>(?:[A-Z][\w&.'’-]*\s+){{0,3}}){head}\s+(?P<name>{_NAME_RUN.pattern})|"
                            rf"(?P<name2>{_NAME_RUN.pattern}),\s+(?:a|an|the)\s+(?P<org2>(?:[A-Z][\w&.'’-]*\s+){{0,3}})"
                            rf"(?:company\s+|campaign\s+|party\s+)?{head}\b)") for head in ("spokesman", "spokeswoman", "spokesperson")}


# Last words that make a capitalised run a place or a building, not a person.
# (Not the common surnames among them: Hall, Lane, Church; a name that speaks is a person's.)
_PLACE_HEADS = frozenset("""Park Street Avenue Square Road Boulevard Bridge Strait Straits River Lake Island
Islands Mountain Mountains Valley Bay Gulf Sea Ocean Airport Station Hotel Palace Tower Center Centre Stadium
Arena Cathedral Mosque Temple Hospital Infirmary Prison Plaza Mall Building""".split())


# Titles of people known by one name ("Prince Andrew", later "Andrew doesn't remember"): a lone
# mention of that name is theirs; after "President Obama" a lone "Obama" in narration is no antecedent.
_TIME_NAMES = frozenset("Time Hour Hours Daylight".split())
# A name given to a group or body: capitalised words, "of", "for", "and" inside ("Doctors for Camp Closure")
_APPOSED_ORG = r"[A-Z][\w&.'’-]*(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w&.'’-]*){0,5}"
_APPOSED_ORG_RE = re.compile(_APPOSED_ORG)
_NAME_BEFORE = re.compile(rf"(?<![\w&.'’-])({_APPOSED_ORG})$")
_ONE_NAME_TITLES = frozenset("prince princess king queen duke duchess pope sheikh emir".split())
# A described person speaking: "a U.S. Customs spokesman said", "said one major U.S. roaster"
_DESCRIBED_SAYS = re.compile(r"(?:\b(?P<who>(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w.&'’-]+\s+){0,4}?[a-z]+"
                             r"(?:\s+(?:for|of|at|with)\s+(?:(?:[A-Z]\.){2,}|[^.;:,\"“”_]){1,60}?)?),?"  # "a spokesman
                             # for one of Spain's …", "an official with one U.S. Vehicle manufacturer"
                             r"(?:,\s+who\s+[^,;:\"“”_]{1,100},)?"  # "A North American banker, who estimated …, said"
                             r"\s+(?:said|says|told|added|adds)\b|\b(?:said|says|told|added)\s+(?P<inverted>"
                             r"(?:the|a|an|one|another)\s+(?:[\w.&'’-]+\s+){0,4}?[a-z]+)"
                             r"(?:\s+(?:in|at|from)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?\s*[.,])")  # "… in Tokyo."
_GENDERED = {"spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f", "businessman": "m",
             "businesswoman": "f", "congressman": "m", "congresswoman": "f", "man": "m", "woman": "f"}
# People news leaves unnamed: "the person added" is the anonymous source, not the last person named.
_UNNAMED = frozenset("""person source commenter caller viewer reader follower fan observer bystander onlooker
member participant insider user""".split())
# Role words that are titles: "the senator" must match a senator, not just the last person named.
ROLE_TITLES = frozenset("""president minister chairman chairwoman governor mayor secretary director senator
chief leader commander ambassador premier chancellor king queen prince general commissioner spokesman
spokeswoman spokesperson judge justice attorney representative congressman congresswoman speaker""".split())
_ALIASES = {"senator": "sen", "governor": "gov", "representative": "rep", "general": "gen", "professor": "prof",
            "doctor": "dr", "congressman": "rep", "congresswoman": "rep"}


_DEMONYMS = frozenset("Scot Scotsman Scotswoman Welshman Welshwoman Englishman Englishwoman Irishman Irishwoman "
                      "Dutchman Dutchwoman Brit Kiwi Aussie Texan Californian New Yorker Londoner".split())


@lru_cache(maxsize=4096)
def _is_demonym(word: str) -> bool:
    """Whether a capitalised word names a person by nation ("the Italian", "the 55-year-old Frenchman")."""
    if not word[:1].isupper():
        return False
    if word in _DEMONYMS:
        return True
    from .gazetteer import INSTITUTIONS
    from .locations import gazetteer

    if word in INSTITUTIONS or not word[1:].islower() or word.endswith(("ish", "ese", "ss", "ch")):
        return False  # "the FBI" (an institution), "the British", "the Chinese" (a people, not one person)
    place = gazetteer().lookup(word)
    return place is not None and place.kind == "demonym"


# Peoples named by region, ethnicity or faith, which the gazetteer files under no country ("Arab states").
_PEOPLES = frozenset("Arab Arabs Kurd Kurds Latino Latina Hispanic European Europeans African Africans Asian Asians "
                     "Western Westerner Muslim Muslims Jewish Sunni Shia Shiite Catholic".split())


@lru_cache(maxsize=4096)
def _nationality(word: str) -> bool:
    """Whether a word alone only names a nationality ("American", "Chinese"): never a speaker's name."""
    if word in _DEMONYMS or word in _PEOPLES:
        return True
    from .gazetteer import INSTITUTIONS
    from .locations import gazetteer

    if word in INSTITUTIONS or not word[1:].islower():
        return False  # "Republican", "Democrats": parties, filed beside the demonyms
    place = gazetteer().lookup(word) if word[:1].isupper() else None
    return place is not None and place.kind == "demonym"


def _title_alias(word: str) -> str:
    return _ALIASES.get(word, word)


# Lower-case words that end a subject when reading back from its verb.
_STOP = frozenset("""to of in on at by for with from into about over after before during since until and or but
nor so yet that which who whom whose what when where while as than because if unless though although is are
was were be been being has have had do does did will would shall should can could may might must not it its
they them their we us our i me my you your him his her hers this these those there here then now also later
said says say told tells added adds wrote writes asked asks called calls noted notes""".split())
_DETERMINERS = frozenset("the a an one another".split())
_TRAILING_TIME = re.compile(r"(?:\s+(?:on|during|at|in|over|last|this|late|early|earlier|later)?\s*(?:a\s+|the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|"
                            r"Friday|Saturday|Sunday|week|month|year|night|morning|afternoon|evening|today|"
                            r"yesterday)(?:\s+(?:night|morning|afternoon|evening))?)+$")
_PARENS = re.compile(r"\s*\([^()]{0,60}\)")


def _subject(clause: str) -> str:
    """The noun phrase that ends a clause, read back from the verb of saying that follows it: "Shams",
    "the former Florida governor", "election law expert Rick Hasen", "Smith, a spokeswoman,"."""
    clause = _PARENS.sub("", clause).rstrip()
    clause = _REACHED_BY.sub("", clause)  # "A Fiat spokesman contacted by Reuters": the spokesman, not Reuters
    clause = _PARTY_STATE_TAIL.sub(",", clause)  # "Sen. Ben Sasse, R-Neb.,": the senator, not his party and state
    near = _CLOSE_TO_END.search(clause) if _CLOSE_HINT.search(clause) else None  # a cheap test first
    if near and not re.search(r"\b(?:at|of|from|for|in|with|by|to|on)\s+$", clause[:near.start(1)]):
        return near.group(1)  # "A source familiar with the investigation": the source, not the investigation
    clause = re.sub(r",\s+(?:also|too|however|meanwhile)$", ",", clause)
    aside = _ASIDE_END.search(clause) if clause.endswith(",") else None
    if aside and (inner := _subject(clause[:aside.start()])):
        return inner  # "A Japanese oil trader, also based in Tokyo,", "the group, which has litigation pending
        # against Burlington,": the subject before the aside
    if clause.endswith(","):  # "…, Gov. John Kasich," / "Smith, a spokeswoman for X," / "Suu Kyi, 70,"
        titled = _NAME_THEN_ROLE.match(clause)
        if titled and len(_strip_name(titled.group(1))[0].split()) >= 2:
            return titled.group(1)  # "Steve Menet, Senior Vice President of Sales for Dräger, Inc.,": not "Inc."
        last = clause[:-1].rsplit(",", 1)[-1].strip()
        if _NAME_RUN.fullmatch(last) and _strip_name(last)[0] and not _is_place(last):
            return last
        at_firm = re.match(rf"({_NAME_RUN.pattern})\s+(?:at|of|with)\s+(?:the\s+)?[A-Z]", last)
        if at_firm and len(_strip_name(at_firm.group(1))[0].split()) >= 2 and not _is_place(at_firm.group(1)):
            return at_firm.group(1)  # "Another analyst, Richard Cohen at Brown Baldwin Nisker Ltd, noted"
        appositions = [m for m in _APPOSED_NAME.finditer(clause) if m.group(1).split()[0] not in FUNCTION_WORDS
                       and not _is_place(m.group(1))  # not "His critics in the United States, many of them, …"
                       and not _OBJECT_OF_ROLE.search(clause, 0, m.start())]  # "an analyst at Stratfor, the …"
        if appositions:
            return appositions[-1].group(1)
        role = _APPOSED_ROLE.search(clause)  # "Melvin Sims, USDA general sales manager,": not "USDA"
        if role and role.group(2).lower() in PERSON_NOUNS and _strip_name(role.group(1))[0] \
                and role.group(1).split()[0] not in FUNCTION_WORDS and not _is_place(role.group(1)):
            return role.group(1)
        clause = clause[:-1]
    unclosed = _unclosed_apposition(clause) if "," in clause else None
    if unclosed:
        return unclosed
    relative = re.match(r"(.+?)\s+(?:who|which)\s+(?=[a-z])\S.*$", clause)  # "an official who spoke …"
    if relative and not re.search(r"[,;:]", clause[relative.end(1):]):  # "a White House official who spoke …"
        inner = _subject(relative.group(1))
        if inner:
            return inner
    clause = _TRAILING_TIME.sub("", clause)
    words = clause.split()
    while words and (words[-1].lower() in ("who", "that", "which", "also", "later", "then", "has", "had", "have",
                                           "once", "again", "recently", "previously", "repeatedly", "would", "will",
                                           "reportedly", "publicly", "subsequently", "further", "first", "both",
                                           "all", "each", "himself", "herself", "themselves", "alone", "too")
                     or (words[-1].islower() and words[-1].endswith("ly"))):
        words.pop()
    if words and words[-1] in ("he", "she", "He", "She"):
        return words[-1]
    taken: list[str] = []
    lower = 0
    through = False  # reading on past "at a bank" to the dealer it places
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if through:
            through = False
            taken.append(word)
            continue
        if word == "and" and taken and taken[-1][:1].isupper() and k > 0 and words[k - 1][:1].isupper() \
                and not words[k - 1].endswith(","):
            taken.append(word)  # "Bolton and Gorka": keep both, the first is returned below
            continue
        bare = word.strip(",;:—–")
        if not bare or (taken and word.endswith((",", ";", ":", "—", "–"))) or re.search(r"[_\"“”]", word):
            break  # a clause boundary, or a quotation (blanked out) before the subject
        low = bare.lower()
        at_firm = k if low == "of" else k - 1 if low == "the" and k > 0 and words[k - 1] == "of" else -1
        if at_firm > 0 and taken and all(w[:1].isupper() or w in ("and", "&", "of") or w.capitalize() in ORG_WORDS
                                         or w in _GROUP_NOUNS for w in taken) and _name_before_firm(words[:at_firm]):
            taken += words[at_firm:k + 1][::-1]  # "Peter Wolffe of (the) Salomon Brothers said": the person, at a firm
            for word in reversed(words[:at_firm][-4:]):
                if not word[:1].isupper() or word.rstrip(",") != word:
                    break
                taken.append(word)
            break
        if low == "of" and taken and taken[-1][:1].isupper() and k > 0 and words[k - 1] in ORG_WORDS \
                and words[k - 1] not in _FIRM_SUFFIXES:  # "Gabelli Group Inc of New York": where the firm is
            taken.append(word)  # "the Consumer Federation of America": one name, read on to whoever is of it
            continue
        if low in _DETERMINERS:
            if k >= 2 and words[k - 1] in ("in", "by", "of", "from") and (
                    words[k - 2].endswith("ed") or words[k - 2].lower().rstrip("s") in PERSON_NOUNS):
                return ""  # "the authors of the study published in the journal X argued": not X
            taken.append(bare)
            if k >= 2 and words[k - 1] in ("at", "for", "with", "from") and words[k - 2] in PERSON_NOUNS:
                through = True  # "A dealer at a major bank said": the dealer, not the bank
                continue
            break
        if bare[0].isupper() or bare[0].isdigit() or _AGE.match(bare):
            if bare in FUNCTION_WORDS and bare not in ("He", "She") and taken:
                break
            taken.append(bare)
        elif low in _ROLE_PREPOSITIONS and taken and k > 0 and words[k - 1] in PERSON_NOUNS \
                and all(w[:1].isupper() for w in taken) and low not in taken:
            taken.append(bare)  # "a spokesman for Alcan", "China's ambassador to Britain": not Alcan, Britain
        elif low in _STOP or lower >= 4:
            break
        else:
            lower += 1
            taken.append(bare)
    subject = " ".join(reversed(taken))
    role_name = _ROLE_THEN_NAME.search(subject) if " and " in subject else None
    if role_name and role_name.group(1) in PERSON_NOUNS and _strip_name(role_name.group(2))[0]:
        return role_name.group(2)  # "Cable and Wireless manager Colin Davies told": the manager, not the firm
    both = _BOTH_NAMED.match(subject)
    if both and (" of " in subject or subject.split()[-1] in ORG_WORDS):
        both = None  # "Robert Lee of Investment Management and Research Inc", "Smith and Wesson Corp": one
    return both.group(1) if both else subject  # "Bolton and Gorka denounced": the first named


# A relative clause or participle set off by commas before the verb: ", which controls SME," / ", also based in Tokyo,"
_ASIDE_END = re.compile(r",\s+(?:which|who|whose|also\s+[a-z]+|(?:based|speaking|writing|quoted)\b)[^,;:\"“”_]{0,90},$")
_FIRM_SUFFIXES = frozenset("Inc Corp Co Ltd Plc LLC Corporation Company Incorporated".split())
_GROUP_SAID = re.compile(r"[a-z]s\s+(?:said|say|told|added|warned|argued|stated)\b")
_SAYS_AFTER = re.compile(r"\s+(?:said|says|told|added|adds)\b")
# A role in lower case at a firm, before the name in apposition: "said head of equities at Jardine Fleming, Mario Malt"
_LOWER_ROLE_AT = re.compile(r"(?:[a-z-]+\s+){1,4}(?:at|of|for|with)\s+(?:the\s+)?[A-Z]")
_ROLE_THEN_NAME = re.compile(r"\s([a-z]+)\s+((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*)$")


def _name_before_firm(words: list[str]) -> bool:
    """Whether a clause ends in a person's full name, so "<name> of <firm>" places the person ("Robert Lee
    of Investment Management and Research Inc"), not a body's name ("Bank of England", "Secretary of State")."""
    run = []
    for word in reversed(words[-4:]):
        if not word[:1].isupper() or word.endswith((",", ";", ":")) or word in FUNCTION_WORDS or _is_title(word):
            break  # a title before the name ends it: "Analyst Theodore Semegran of Shearson"
        run.append(word)
    name = _strip_name(" ".join(reversed(run)))[0]
    return len(run) >= 2 and not any(w.strip(".") in ORG_WORDS for w in run) and len(name.split()) >= 2


_REACHED_BY = re.compile(r"(?<=[a-z])\s+(?:contacted|reached|interviewed|questioned|asked)\s+(?:by\s+)?[A-Z][\w.&'’-]*"
                         r"(?:\s+[A-Z][\w.&'’-]*){0,3}$")
_ROLE_PREPOSITIONS = frozenset("to of for at from".split())
# A name governed by a preposition after a role is where the person works, not the subject: "Omar Lamrani,
# a senior analyst at Stratfor, the intelligence firm, told"
_OBJECT_OF_ROLE = re.compile(r",\s+(?:the|a|an)\s+[^,]*\b(?:at|of|for|with|from)\s+(?:the\s+)?$")
# Lower-case words that never stand in a speaker's name or description.
_NOT_IN_SPEAKERS = frozenset("""that which who whom whose why how what when where but under at by to in on with from
into given just the a an this these those their her his its our my your was is are were be been being has have had
not no than then there here as if so because while although though only also even still very""".split())
_GROUP_NOUNS = frozenset("""campaign campaigns committee administration government media board office party
council group groups network station paper newspaper magazine agency department ministry court police army
union coalition caucus leadership management firm company companies organization organisation poll polls
survey study ad ads order filing lawsuit complaint memo indictment ruling opinion platform readout transcript
account analysis review document documents release summary guidance military embassy""".split())


_TICKER_IN_NAME = re.compile(r"\s*<[A-Z0-9.]{1,14}>")
_LETTERS_AND = re.compile(r"[A-Z] (?:and|&) [A-Z]")


def _tidy_speaker(name: str) -> str:
    """"CNN's Gloria Borger" -> "Gloria Borger", "Sanders’" -> "Sanders", "Pence Thursday" -> "Pence"."""
    name = re.sub(r"^(?:\S+\s+){0,3}\S+['’]s?\s+(?=[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)+$)", "", name)
    name = re.sub(r"(?<=\w)['’]s?$", "", _TICKER_IN_NAME.sub("", name)).strip()  # "Hitachi Ltd <HIT.T> spokesman"
    name = re.split(r"(?<=[a-z]{2})[.;]\s+(?=[A-Z])", name)[-1]  # "handle. Banking sources": the last sentence's
    name = re.sub(r"^[A-Z][\w.-]*-based\s+(?=[A-Z])", "", name)  # "Swiss-based Ciba-Geigy AG" -> "Ciba-Geigy AG"
    words = name.split()
    for i in range(1, len(words)):  # "Quinnipiac poll conducted in February", "campaign TV ad released Thursday"
        if words[i].islower() and words[i].endswith("ed") and words[i] not in _ADJECTIVES_IN_ED:
            words = words[:i]
            break
    while len(words) > 1 and (words[-1] in _WEEKDAYS or words[-1] in _NOT_IN_SPEAKERS):
        words.pop()
    named = next((i for i, w in enumerate(words) if not w.islower()), len(words))
    if 0 < named <= 4 and len(words) - named >= 2 and all(w[:1].isupper() for w in words[named:]) \
            and not _is_org(" ".join(words[named:])):
        person = _strip_name(" ".join(words[named:]))[0].split()
        if len(person) < 2 and not any(_is_title(w) for w in words[named:]):
            person = words[named:]  # "Ken Doctor", whose surname reads as a word
        if len(person) >= 2:
            words = person  # "veteran industry analyst Ken Doctor", "former Arkansas Gov. Mike Huckabee" -> the name
    return " ".join(words)


_MONTH_SURNAMES = frozenset("April May June August".split())


def _plausible_speaker(name: str) -> bool:
    """Whether a speaker reads like a name, an organisation or a description of people."""
    words = name.split()
    if _CLOSE_TO.fullmatch(name) and words[0].rstrip("s") in PERSON_NOUNS:
        return True  # "person close to the Clintons"
    if len(words) == 1 and (words[0].lower() in _DETERMINERS or _NUMBER_WORD.fullmatch(words[0].lower())
                            or words[0] in _TIME_SPANS or _nationality(words[0])):
        return False  # "One", "Two", "Hours"; "American" (a nationality, not a name)
    if re.search(r"\w-made\b", name) or re.fullmatch(r"\S+-based", name):
        return False  # "North American-made", "Chinese-made Silkworm": a product; "Hamburg-based": no one yet
    if len(words) == 1 and (re.fullmatch(r"[A-Z]\.?", words[0]) or words[0].strip(".") in _LEGAL_SUFFIXES):
        return False  # "N" of "U.N.", "J" of a ticker, "Co" of "Smith Barney, Upham Harris and Co": pieces of names
    if len(words) == 1 and words[0] in ROLE_TITLES - _SPOKES.keys():
        return False  # "spokesperson", "president": a title alone, whose holder the story never placed
    owner = len(words) >= 2 and words[-1].islower() and (
        words[-1] in PERSON_NOUNS or words[-1].rstrip("s") in PERSON_NOUNS or words[-1] in _ENTOURAGE)
    if any(re.search(r"['’]s?$", w) for w in (words[:-2] if owner else words)) \
            or re.search(r"[.!?;:]\s+[A-Z][a-z]+\b", name) and any(w in FUNCTION_WORDS for w in words[1:]):
        return False  # "RNC’s powerful rules committee", "groups say. They"; not "Mary Steenburgen's son"
    lower = [w.strip(",.") for w in words if w[:1].islower()]
    if "on" in lower and words.index("on") > 0 and words[words.index("on") - 1] in ORG_WORDS | {"Subcommittee"}:
        lower.remove("on")  # "Inter Governmental Group on Indonesia", "Senate Committee on Finance": a body's name
    if not lower:
        return words[-1] not in TIME_WORDS or len(words) == 1 or (
            words[-1] in _MONTH_SURNAMES and words[-2] not in TIME_WORDS)  # "Theresa May", not "Pence Thursday"
    if any(w in _NOT_IN_SPEAKERS or (w.endswith("ly") and w not in ("ally", "family")) for w in lower):
        return False  # "that’s why the auguries foretell …", "under the Foreign Agents Registration Act but"
    if "of" in lower:  # "French minister of environment and energy": the noun before "of" is the head
        words = words[:words.index("of")] or words
    last = words[-1].strip(",.").lower()
    if words[-1][:1].islower():
        parts = last.split("-")
        if last == "companies" or last.endswith("s") and last[:-1].capitalize() in ORG_WORDS:
            return True  # "four institutes", "the banks": bodies, speaking together
        return last in _GROUP_NOUNS or last in DOCUMENT_NOUNS or last in _ENTOURAGE or any(
            part in PERSON_NOUNS or part.rstrip("s") in PERSON_NOUNS or part.endswith(("ist", "ian", "er", "or", "ee", *_MAN))
            and not part.endswith("ed") for part in parts)
    return not words[-1] in _WEEKDAYS and not any(w.endswith("ed") for w in lower
                                                   if w not in _ADJECTIVES_IN_ED and "-" not in w)  # "well-connected"


_TIME_SPANS = frozenset("Hours Minutes Days Weeks Months Years Moments Decades Seconds".split())
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety dozens hundreds thousands
millions""".split())
_NUMBER_WORD = re.compile(rf"(?:{'|'.join(sorted(_NUMBER_WORDS))})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?")
_ADJECTIVES_IN_ED = frozenset("retired unnamed elected appointed embattled indicted unidentified".split())


class _Resolver:
    def __init__(self, text: str, masked: str, spans: list[_Span]) -> None:
        self.text, self.masked = text, masked
        self.people = _People(text, masked)
        self.quote_ranges = [s.inner for s in spans]
        self._orgs: list[tuple[int, str, str, bool, bool]] | None = None
        self._bodies: frozenset[str] | None = None
        self._spelled: dict[str, str | None] = {}  # acronym -> the name the story spells out for it

    def organisations(self) -> list[tuple[int, str, str, bool, bool]]:
        """(start, name, head word, a verb of saying follows?, a subject or source?) of each
        organisation named outside quotations, found when first asked."""
        if self._orgs is None:
            self._orgs = []
            for m in _ORG_NAME.finditer(self.masked):
                words = m.group().split()
                head_at = words.index(m.group("head"))
                cut = max([k + 1 for k, w in enumerate(words[:head_at]) if w.rstrip(".,") in _LEGAL_SUFFIXES
                           and words[k + 1].rstrip(".,") not in _LEGAL_SUFFIXES]  # "Co Ltd" is one name
                          or [0])  # "Chrysler Corp. American Motors": the last name, "American Motors"
                words = words[cut:]
                while words and (words[0] in FUNCTION_WORDS or words[0] in TIME_WORDS or words[0].endswith("-based")):
                    words.pop(0)
                if len(words) >= 2 and (words[0] != m.group("head") or words[1] in ("of", "for")):
                    end = m.end() + (self.masked[m.end():m.end() + 1] == ">")  # wire copy's "<Softklone Corp>"
                    ticker = _TICKER.match(self.masked, end)  # "Sedgwick Group Plc <SDWK.L> said"
                    end = ticker.end() if ticker and not self.masked.startswith(",", ticker.end()) else end
                    speaks = _speaks_after(self.masked, end)
                    apposed = self.masked.startswith(",", end) \
                        and re.search(r",\s*$", self.masked[max(0, m.start() - 3):m.start()])  # ", Acme Inc, denies"
                    acts = speaks or bool(_ORG_ACTS.match(self.masked, end + bool(apposed))
                                          or _ACCORDING_TO.search(self.masked, max(0, m.start() - 20), m.start()))
                    self._orgs.append((m.start(), " ".join(words), m.group("head"), speaks, acts))
            # Named without an organisation's word but speaking as a thing ("Greyhound said it would",
            # "the AWB called for"): no head word, so only "it" and "they" find them.
            for m in _THING_SPEAKS.finditer(self.masked):
                name = m.group("name")
                if self.masked[m.start():m.start() + 1] == "<" and re.search(r"\w\s*$", self.masked[:m.start()]):
                    continue  # a ticker after the name the pattern above has read
                words = name.split()
                while words and words[0] in FUNCTION_WORDS:
                    words.pop(0)
                name = " ".join(words)
                plural = m.group()[m.end("name") - m.start():].split()[0] in ("have", "are", "were")  # no person's verb
                if words and not (len(words) == 1 and words[0] in FUNCTION_WORDS | TIME_WORDS) and (plural or not (
                        len(words) >= 2 and self.people.full(_strip_name(name)[0]) in self.people.people)):
                    self._orgs.append((m.start("name"), name, "", True, True))  # not "John Smith said it was"
            self._orgs.sort()
        return self._orgs

    def _spelled_out(self, acronym: str) -> str | None:
        """The name an acronym stands for, written out in the story ("Commodity Futures Trading Commission" for
        CFTC, "Department of Transportation" for DOT): the first run of capitalised words whose initials, with or
        without those of "of" and "and" and before a firm's legal suffix, spell it."""
        if acronym not in self._spelled:
            self._spelled[acronym] = self._spell_out(acronym)
        return self._spelled[acronym]

    def _spell_out(self, acronym: str) -> str | None:
        letters = acronym.replace("&", "")
        for m in _SPELLED_RUN.finditer(self.masked):
            whole = m.group().split()
            words = list(whole)
            while words and words[-1].rstrip(".,") in _LEGAL_SUFFIXES:
                words.pop()
            for start in range(len(words)):
                part = words[start:]
                if part[0][:1].islower() or part[0] in ("The", "U.S.", "U.K."):
                    continue
                capitals = "".join(w[0] for w in part if w[:1].isupper())
                every = "".join(w[0].upper() for w in part if w.lower() not in ("the", "&"))
                if letters in (capitals, every) and len(part) >= 2:
                    return " ".join(whole[start:]).rstrip(".,;:")  # with its "Co" or "Inc"
        return None

    def _owner_of_document(self, sentence_start: int) -> str | None:
        """Whose document spoke in the sentence before: "The Bundesbank's 1986 annual report said …"."""
        starts = self.people.sentences.starts_before(sentence_start, 1) if self.people.sentences else []
        for a in reversed([a for a in starts if a < sentence_start][-2:] + [sentence_start]):
            m = _OWNED_DOCUMENT.match(self.masked, a)
            if m:
                return m.group("owner")
        return None

    def bodies(self) -> frozenset[str]:
        """Names the story also writes as an organisation's ("Interstate Bancorp", "Allied-Lyons" of
        "<Allied-Lyons PLC>"): a "he" or "she" never refers to them."""
        if self._bodies is None:
            names = {name for _p, name, head, _s, _a in self.organisations() if head}
            self._bodies = frozenset(person for person in self.people.people
                                     if person in names or any(name.startswith(person + " ") for name in names))
        return self._bodies

    def organisation(self, at: int, heads: frozenset[str] | None = None, since: int = 0,
                     near: int = 0, acting: bool = False) -> str | None:
        """The organisation named before `at` (after `since`) whose name ends with one of `heads`: the
        last one a verb of saying follows ("Digital Communications Associates Inc said"), else the last
        one named after `near` or in the story's first sentence (wire copy's "Newmont Mining Corp will …");
        `acting`: only one that is a subject or a source ("according to the SITE Intelligence Group")."""
        found = [(p, name, speaks) for p, name, head, speaks, acts in self.organisations()
                 if since <= p < at and (heads is None or head in heads) and (acts or not acting)]
        speaking = [name for _p, name, speaks in found if speaks]
        if speaking:
            return speaking[-1]
        lead = self.people.sentences.of(0)[0][1] if self.people.sentences and self.people.sentences.of(0) else 0
        close = [name for p, name, _s in found if p >= near or p < lead]
        return close[-1] if close else None

    def _neuter(self, pronoun: str, at: int, sentence_start: int) -> str | None:
        """Who "it said" / "they said" is: an organisation named in its sentence or the two before;
        for "they", only when no person or group of people is named after it."""
        starts = self.people.sentences.starts_before(sentence_start, 1) if self.people.sentences else []
        since = ([a for a in starts if a < sentence_start][-2:] or [sentence_start])[0]
        org = self.organisation(at, since=since, acting=True)  # not "It … while at the State Department"
        if org is None and pronoun.lower() == "it":
            org = self._owner_of_document(sentence_start) or self.organisation(at, acting=True, near=at)
            # "The Bundesbank's annual report said …. “…,” it said"; else the body that spoke last, or the lead's
        if org is None and pronoun.lower() == "they":
            return self._group_speaking(sentence_start)  # "The four institutes said …. “…,” they said."
        if org is None or pronoun.lower() == "it":
            return org
        last = max(p for p, name, _h, _s, _a in self.organisations() if p < at and name == org)
        if any(last < p < at for p, _e, _n in self.people.mentions) or _PEOPLE_PLURAL.search(self.masked, since, at):
            return None
        return org

    def speaks_as_it(self, name: str) -> bool:
        """Whether a speaker is an "it": a body or a paper by its name, no person the story gives a gender or title."""
        person = self.people.people.get(name)
        named_body = _is_org(name) or bool(_OUTLET_NAME.fullmatch(name))
        return named_body and (person is None or not (person.gender or person.clues))

    def _group_speaking(self, sentence_start: int) -> str | None:
        """The group of people or bodies a "they said" goes on with: the plural subject of a verb of saying in
        one of the three sentences before ("The four institutes said …", "Ministers from the Group of 24 said")."""
        if self.people.sentences is None:
            return None
        for a, end in reversed(self.people.sentences.spans_before(sentence_start, 2)[-3:]):
            sentence = self.masked[a:end]
            said = _GROUP_SAID.search(sentence)
            if not said:
                continue
            words = sentence[:said.start() + 2].rsplit(",", 1)[-1].split()  # the subject, after any leading clause
            while words and (words[0].lower() in _DETERMINERS or words[0] in FUNCTION_WORDS):
                words.pop(0)
            if 0 < len(words) <= 8 and words[-1].islower() and len(words[-1]) > 3 \
                    and not any(w.lower() in _STOP for w in words if w not in ("of", "from", "and")):
                return " ".join(words)
        return None

    def speaker(self, who: str, at: int, sentence_start: int) -> tuple[bool, str | None]:
        """(is this a subject at all?, the speaker) for the subject of a verb of saying; a speaker that
        reads like no name or description ("New York Times made", "Sanders interview") is None."""
        attributed, name = self._speaker(who, at, sentence_start)
        if name:
            name = re.sub(r"^(?:The|the|An?|an?)\s+(?=[a-z])(?!and\s)", "", _tidy_speaker(name))  # "The source" -> "source"
            if _NAME_ONLY.fullmatch(name) and not self._org_first_word(name):
                name = self.people.full(name)
            if _ACRONYM.fullmatch(name) and (spelled := self._spelled_out(name)):
                name = f"{spelled} ({name})"  # "DOT said" after "the U.S. Department of Transportation": both names
            if "." not in name and " " in name and name not in self.people.people:  # "James E Nugent", undotted
                name = next((p for p in self.people.people if p.replace(".", "") == name), name)
        if name and not _plausible_speaker(name):
            return False, None  # junk is no subject: other attributions of the quote may still speak
        return attributed, name

    def _speaker(self, who: str, at: int, sentence_start: int) -> tuple[bool, str | None]:
        who = " ".join(_PARENS.sub("", _TICKER_IN_NAME.sub("", who)).replace("_", " ").split()).strip(" .,;:")
        owned = re.sub(r"^(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*[’']s\s+(?=(?:[a-z-]+\s+)*[A-Z])", "", who)
        who = who if owned in _LEGAL_SUFFIXES else owned  # not "Chi-Chi's Inc" -> "Inc"
        who = re.sub(r"^(?:(?:[A-Z][a-z]+|[a-z]+)\s+(?:[A-Z][a-z]+\s+)?\d{1,2},?\s+)", "", who)  # "On Feb 3,"
        if _LETTERS_AND.fullmatch(who):
            return True, who  # "S and P said", "A and P said": a firm known by two letters, not "P"
        words = who.split()
        if words in (["Others"], ["Some"], ["Many"]):
            return True, words[0]  # "Others shouted, “…”": a group described, as "Analysts said"
        while words and words[0] in FUNCTION_WORDS - {"The", "A", "An", "One", "Another", "He", "She", "It", "They", "We", "I"} \
                and not _one_of_group(" ".join(words)) \
                and not (words[0] in ("All",) and len(words) == 1) \
                and not (len(words) == 2 and words[1] in ORG_WORDS and words[0].lower() not in _CLOSED_CLASS):
            words.pop(0)  # but "First City" is a bank's name
        while words and words[0] in TIME_WORDS:
            words.pop(0)
        if not words or words[0] in ("via", "through"):
            return False, None  # "Richardson, via USA Today, said": the outlet carries the words, never says them
        who = " ".join(words)
        home = _HOME_PLACE.search(who)
        if len(words) <= 4 and who not in self.people.people and _is_place(who):
            person = self._from_place(who, at, sentence_start)  # "… Robert Dole of Kansas said": Dole, not Kansas
        elif home and words[0] not in ("the", "The") and _is_place(home.group("place")) \
                and self._person_before(who[:home.start()]):
            person = who[:home.start()]  # "one bond salesman in New York": not the place ("the senator from
            # Pennsylvania" stays whole: the description's place tells which senator)
        elif (works := _WORKS_AT.match(who)) and works.group("person")[-1:].isalpha() \
                and works.group("person").split()[-1][:1].isupper() and self._person_before(works.group("person")):
            person = works.group("person")  # "Alan Ackerman of Gruntal and Co": the person, not the firm
        else:
            person = None
        if person:
            who, words = person, person.split()
            if words[-1].islower():
                return self._description(who[:1].lower() + who[1:], at)  # "Maritime safety experts"
        first = words[0]
        if first in _PRONOUN and len(words) == 1:
            # Names after the pronoun are not its antecedent: "Clinton admitted … when she claimed that
            # Comey had called it “truthful”" is Clinton's; the pronoun is the last one before the quote.
            said = [m.start() for m in _PRONOUN_RE[first].finditer(self.masked, sentence_start, at)]
            person = self.people.antecedent(said[-1] if said else at, _PRONOUN[first], sentence_start,
                                            self.quote_ranges, after_quote=not said, bodies=self.bodies())
            unnamed = self._described_speaker(person, said[-1] if said else at, _PRONOUN[first])
            if unnamed:
                return True, unnamed
            if person and not self.people.people[person].gender:
                self.people.people[person].gender = _PRONOUN[first]  # "…,” she said: now we know
            return True, person
        if first in _PLURAL_OR_NEUTER:
            if len(words) == 1 and first.lower() in ("it", "they"):
                return True, self._neuter(first, at, sentence_start)  # "…,” it added: the authority
            return len(words) == 1, None
        tail_name = _TAIL_NAME.search(who)
        described = first.lower() in ("the", "a", "an", "one", "another") or first[0].islower() or _AGE.match(who)
        if described and _CLOSE_TO.fullmatch(who.lower()[:1] + who[1:]):
            return self._description(who, at)  # "A person close to the Clintons": not the Clintons
        author = _WORK_BY.match(who) if described else None
        if author and _strip_name(author.group(1))[0]:
            who = author.group(1)  # "a 2018 survey by Jane Roe of the University of North Carolina": Jane Roe
            described = False
        if described and tail_name and _strip_name(tail_name.group(1))[0] and \
                not _place_and_role(tail_name.group(1)) and tail_name.group(1).split()[0] not in _LEGAL_SUFFIXES and \
                (len(_strip_name(tail_name.group(1))[0].split()) >= 2
                 or _strip_name(tail_name.group(1))[0] in self.people.people
                 or _strip_name(tail_name.group(1))[0] in self.people._surnames()):
            who = tail_name.group(1)  # "former Arkansas Gov. Mike Huckabee", "election law expert Rick Hasen"
        elif described:
            return self._description(who, at)
        if len(words) == 1 and first.lower().rstrip("s") in PERSON_NOUNS and first.lower().endswith("s"):
            return True, first  # "Aides say …", "Analysts said …": a group, described
        if 2 <= len(words) <= 4 and words[-1].islower() and words[-1].endswith("s") and words[-1][:-1] in PERSON_NOUNS \
                and all(w[:1].isupper() and not w.endswith(("'s", "’s")) for w in words[:-1]):
            return True, who  # "Federal prosecutors", "Chinese officials": a group, described
        runs = _NAME_RUN.findall(who)
        if not runs:
            return False, None
        run = runs[-1]
        if len(runs) > 1 and run.split()[-1] in _LEGAL_SUFFIXES and (joined := re.search(
                rf"{re.escape(runs[-2])}\s+(?:and|&|of|und|et)\s+{re.escape(run)}\W*$", who)) \
                and (run in _LEGAL_SUFFIXES or runs[-2].split()[-1] in _LEGAL_SUFFIXES):
            run = joined.group().rstrip(" .,")  # "Sears Roebuck and Co", "Anglo American Corp of South Africa Ltd"
        possessive = run.endswith(("'s", "’s"))
        name, clues = _strip_name(run[:-2] if possessive else run)
        if name in _LEGAL_SUFFIXES and any(w not in _LEGAL_SUFFIXES for w in run.split()):
            name = run  # "Centerior Energy Corp said", "Chi-Chi's Inc said": the company, not "Corp"
        if not name and run in _SURNAME_TITLES and who == run:
            return True, self.people.full(run)  # "King says …" (Billie Jean King), "Major said"
        if re.fullmatch(r"[A-Z][A-Z&/-]{1,5}", name) and not _is_place(name) and not _is_place(name.title()):
            return True, name  # an organisation by its initials: "CNN said", "according to NBC"
        if not name or name.split()[0] in FUNCTION_WORDS and name.split()[-1] not in ORG_WORDS \
                or all(w in TIME_WORDS for w in name.split()) \
                or all(len(w) > 2 and w.isupper() for w in name.split()):
            return False, None
        tail = who[who.rfind(run) + len(run):].strip()
        if possessive and tail:  # "Trump's campaign" -> "Donald Trump's campaign"; "Trump's tweet" -> Trump
            noun = tail.split()[-1].lower().strip(".,")
            if noun in DOCUMENT_NOUNS:
                return True, self.people.full(name)
            if noun in PERSON_NOUNS or noun.rstrip("s") in PERSON_NOUNS or noun in _ENTOURAGE:
                return True, f"{self.people.full(name)}'s {noun}"  # "Mary Steenburgen's son"
            if (noun in _ORG_NOUNS or noun in _GROUP_NOUNS) and _is_place(name) and tail.islower():
                return True, f"{name} {tail.strip(' .,')}"  # "Russia's foreign ministry said": a country's body
            return False, None  # "O’Malley’s move was first reported …": no speaker there
        if _is_org(name) or (len(name.split()) == 1 and name not in self.people.people
                             and name not in self.people._surnames() and _is_place(name)):
            return True, name
        if self._org_first_word(name):
            return True, name  # "Kraft said" in a story of Kraft Inc: not "Kraft Singles", its product
        return True, self.people.full(name)

    def _org_first_word(self, name: str) -> bool:
        """Whether a lone word is no one's surname here but opens an organisation's name ("Kraft" of "Kraft Inc")."""
        return " " not in name and name not in self.people._surnames() and any(
            org.startswith(name + " ") for _p, org, head, _s, _a in self.organisations() if head)

    def _described_speaker(self, person: str | None, at: int, gender: str) -> str | None:
        """A person described, not named, who spoke after the last mention of `person` ("…,” a Customs
        spokesman said. “…,” he said): the "he" is that spokesman, not someone named before him."""
        since = (self.people.sentences.paragraph_starts(at, 2) or [0])[0] if self.people.sentences else 0
        if person is not None:
            last = max([(p, e) for p, e, name in self.people.mentions if name == person and e <= at], default=None)
            since = max(since, last[1]) if last else since
            if last and self.people.sentences:  # "The diplomat said … since … chief Hu Yaobang. He said": the
                # sentence's subject, a person described, not the one it names after its verb
                opening = max([a for a in self.people.sentences.starts_before(last[0], 0) if a <= last[0]], default=None)
                said = _DESCRIBED_SAYS.match(self.masked, opening) if opening is not None else None
                if said and said.group("who") and said.end() <= last[0]:
                    since = opening
        window = self.masked[since:at]
        if "said" not in window and "told" not in window and "added" not in window:
            return None
        for m in reversed(list(_DESCRIBED_SAYS.finditer(window))):
            who = m.group("who") or m.group("inverted")
            head = re.split(r"\s+(?:for|of|at|with)\s", who)[0].split()[-1]
            if head not in PERSON_NOUNS or _GENDERED.get(head, gender) != gender:
                continue
            if m.group("who") and window.startswith(",", m.end("who")) \
                    and not re.match(r",\s+who\s", window[m.end("who"):]):
                return None  # "Martin Kaplan, a screenwriter, said": the one named, described
            someone_new = re.search(r"\s(?:for|of|at|with)\s+(?:a|an|one)\s", who)  # "of a securities house"
            if re.search(r"\s(?:for|of|at|with)\s+(?![A-Z])", who):  # "a spokesman for one of Spain's … producers"
                core, tail = re.split(r"\s+(?:for|of|at|with)\s", who, maxsplit=1)
                kind = list(itertools.takewhile(lambda w: w.islower() and w not in _STOP and w not in _DETERMINERS,
                                                reversed(tail.split())))[:3]
                who = " ".join([*core.split()[:-1], *reversed(kind), core.split()[-1]])  # "a sunflower … spokesman"
            found = self._description(who, since + m.start())[1]
            if who.split()[0].lower() == "the" and person is not None and found not in self.people.people \
                    and head in ROLE_TITLES and not someone_new:
                return None  # "the USDA secretary said" after Richard Lyng: him, not a stranger; but "the
                # Western banker said" is the banker the story described before, "the representative of a
                # securities house" someone new
            return found
        return None

    def _named_after(self, head: str, modifiers: list[str], at: int) -> str | None:
        """The spokesman a story names just after quoting "a spokesman" ("spokesman Jerry Barker said",
        "Jerry Barker, a Magna spokesman,"), in the same or the next paragraph, of no other organisation."""
        if self.people.sentences is None:
            return None
        starts = self.people.sentences.starts  # paragraph starts: read to the end of the next paragraph
        index = bisect_right(starts, at)
        stop = starts[index + 1] if index + 1 < len(starts) else len(self.masked)
        itself = re.compile(rf"\b{head}\b").search(self.masked, at, stop)  # the description being resolved
        for m in _SPOKES[head].finditer(self.masked, itself.end() if itself else at, stop):
            org = (m.group("org") or m.group("org2") or "").split()
            if any(w not in modifiers for w in org):
                continue  # "Ford spokesman John Smith" is no "Magna spokesman"
            name, _clues = _strip_name(m.group("name") or m.group("name2"))
            if name and len(name.split()) >= 2 and self.people.full(name) in self.people.people:
                return self.people.full(name)
        return None

    def _issuer(self, noun: str, at: int) -> str | None:
        """Who issued the document a story goes on quoting as "the statement" or "the letter": the subject
        of the sentence, in this paragraph or the two before, that last mentions one ("Acme Records issued
        a statement …", "The company denied it in a statement …"), or its possessor ("Acme's statement")."""
        if self.people.sentences is None:
            return None
        # introduced by its issuer: "issued a statement", "in a letter", "their statement", "Acme's statement",
        # "said in its latest Financial Market Trends report"; in wire copy often paragraphs before it is quoted
        mention = re.compile(rf"\b(?:an?|its|their|his|her|[\w.&-]+['’]s)\s+(?:[\w-]+\s+){{0,4}}?{noun}s?\b")
        for a, end in reversed(self.people.sentences.spans_before(at, len(self.people.sentences.starts))):
            m = mention.search(self.masked, a, end)
            if not m:
                continue
            by = _DOCUMENT_OF.match(self.masked, m.end())
            if by:  # "a statement issued after a two day meeting of the Inter Governmental Group on Indonesia"
                issuer = re.sub(r"(?:\s+(?:of|on|for|and|the))+$", "", " ".join(by.group("org").split()))
                return _with_acronym(issuer, self.masked[by.end():by.end() + 12])
            before = self.masked[a:m.start()]
            owner = re.search(r"([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4})['’]s\s+(?:\w+\s+)?$", before)
            said_in = _SAID_IN.search(before)  # "…, the US military said in a statement": the clause's subject
            who = owner.group(1) if owner else said_in.group("who") if said_in else _sentence_subject(before)
            who = _TRAILING_TIME.sub("", who) if who else who  # "The International Business newspaper today"
            issuer = self.speaker(who, a + len(who), a)[1] if who and not mention.search(who) else None
            if issuer:
                return _with_acronym(issuer, who[-12:])
            # "The statement, obtained by Variety, claimed …": the document again; read further back
        return None

    def _named_as(self, head: str, at: int) -> str | None:
        """The name a story gave before `at` to what it goes on calling "the group" or "the coalition": a
        name beside that noun ("a recently formed group Doctors for Camp Closure", "The group, WeWorkers
        Coalition,", "Dick Clark Productions, the production company") or one with it as a word of its own
        ("WeWorkers Coalition"); the last such name."""
        if len(head) < 3 or not head.isalpha() or head in _STOP or head.capitalize() in FUNCTION_WORDS | TIME_WORDS:
            return None
        noun = rf"{head}(?:s|es)?"
        found = [(m.start(), m.group(1)) for m in re.finditer(rf"\b{noun},?\s+({_APPOSED_ORG})", self.masked[:at])]
        for m in re.finditer(rf",\s+(?:the|an?)\s+(?:[a-z-]+\s+){{0,3}}{noun}(?:,|\s+(?:that|which|who)\b)",
                             self.masked[:at]):
            named = _NAME_BEFORE.search(self.masked, max(0, m.start() - 80), m.start())
            if named:
                found.append((named.start(), named.group(1)))
        if head.capitalize() in self.masked[:at]:
            found += [(m.start(), m.group()) for m in _APPOSED_ORG_RE.finditer(self.masked, 0, at)
                      if head.capitalize() in m.group().split()[1:]]
        names = []
        for _p, name in sorted(found):
            words = name.split()
            while words and (words[0] in FUNCTION_WORDS or words[0] in TIME_WORDS):
                words.pop(0)
            while words and words[-1] in ("of", "for", "and", "&"):
                words.pop()
            if words and not (len(words) == 1 and words[0].lower() == head) and not _is_place(" ".join(words)) \
                    and not any(w in TIME_WORDS or w in _TIME_NAMES for w in words):  # "Eastern Standard Time"
                names.append(" ".join(words))
        return names[-1] if names else None

    def _from_place(self, place: str, at: int, sentence_start: int) -> str | None:
        """The person the sentence places in or from `place` ("Sen. Bill Bradley of New Jersey", "one bond
        salesman in New York"), nearest the quote: the subject that patterns ending at a name cut short."""
        found = None
        written = r"\s+".join(map(re.escape, place.split()))  # "West\nVirginia" in wrapped wire copy
        pattern = re.compile(r"(?P<head>[^,;:\"“”()_]{1,80}?)(?:\s*\([^()]{0,40}\))?\s+(?:of|in|from)\s+(?:the\s+)?"
                             + written + r"\b")
        for m in pattern.finditer(self.masked, sentence_start, min(len(self.masked), at + 300)):
            if found is None or abs(m.start() - at) < abs(found.start() - at):
                found = m
        if found is None:
            return None
        head = " ".join(found.group("head").split())
        runs = _NAME_RUN.findall(head)
        if runs and head.endswith(runs[-1]):
            at_firm = re.search(rf"({_NAME_RUN.pattern})\s+(?:of|at|with)\s+{re.escape(runs[-1])}$", head)
            if at_firm and _is_org(runs[-1]) and self._person_before(at_firm.group(1)):
                return at_firm.group(1)  # "Natsuo Okada of Sumitomo Bank in New York warned": Okada
            head = runs[-1]
        else:
            words = head.split()[-6:]
            starts = [i for i, w in enumerate(words) if w.lower() in ("a", "an", "one", "another", "the")]
            head = " ".join(words[starts[-1]:] if starts else words[-3:])
        if self._person_before(head):
            return head
        words = head.split()
        if words and words[0] in ("The", "the"):
            words = words[1:]
        if words and words[-1].strip(".,") in _LEGAL_SUFFIXES | _COMPANY_WORDS and words[0][:1].isupper():
            return " ".join(words)  # "The Gabelli Group Inc of New York said": the firm, not New York
        return None

    def _one_of(self, at: int) -> str | None:
        """The kind of person a bare "one" is one of: the last plural noun of people in this paragraph or the one
        before ("Diplomats said …", "some makers, who …"), as its singular."""
        since = (self.people.sentences.paragraph_starts(at, 1) or [0])[0] if self.people.sentences else 0
        for m in reversed(list(re.finditer(r"\b[A-Za-z]+(?:s|men)\b", self.masked[since:at]))):
            singular = _singular_person(m.group())
            if singular and (singular not in _UNNAMED or singular == "source"):
                return singular  # "Diplomatic sources said … one said": one source
        return None

    def _outlet(self, at: int) -> str | None:
        """The newspaper or magazine named last before `at` in this paragraph or the two before ("The
        Washington Post", "the Financial Times"): who "the newspaper" is."""
        since = (self.people.sentences.paragraph_starts(at, 2) or [0])[0] if self.people.sentences else 0
        found = [m.group("name") for m in _OUTLET_NAME.finditer(self.masked, since, at)]
        return found[-1] if found else None

    def _person_before(self, head: str) -> bool:
        """Whether the words before "of/in <place>" name or describe a person ("Robert Dole", "one bond
        salesman"), so the place is where they are from; not a body ("the Bank of England")."""
        words = re.sub(r"\s+(?:at|for|with|of)\s+(?:a|an|the)\s+[a-z\s-]+$", "", head).split()  # "a salesman at a bank"
        if not words:
            return False
        last = words[-1].lower().strip(".,")
        if words[-1][:1].islower():
            return last in PERSON_NOUNS or last.rstrip("s") in PERSON_NOUNS or last.endswith(_PERSON_ENDINGS)
        runs = _NAME_RUN.findall(head)
        if not runs or not head.endswith(runs[-1]):
            return False
        name = _strip_name(runs[-1])[0]
        return bool(name) and name.split()[-1] not in ORG_WORDS and not _is_place(name) and (
            len(name.split()) >= 2 or name in self.people.people or name in self.people._surnames())

    def _description(self, who: str, at: int) -> tuple[bool, str | None]:
        if _one_of_group(who) and (kind := self._one_of(at)):
            return True, f"{who.lower()} {kind}"  # "Diplomats said …. “…,” said one.": one diplomat
        if who.lower() in _DETERMINERS:
            return False, None
        issued = _ISSUED_BY.search(who)
        if issued:  # "said a document issued by the PMDB": the issuer speaks
            return self._speaker(issued.group("by"), at, at)
        m = re.match(r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+(.+)$", who)
        body = m.group(1) if m else who
        near = _CLOSE_TO.fullmatch(re.split(r"\s+(?:who|which|that)\s", body)[0])
        body = re.split(r"\s+(?:who|which|that|with|from|in|at|on|familiar|close|closest|involved|knowledgeable|briefed|"
                        r"speaking|granted|requesting|representing|not\s+authorized)\s", body)[0]
        body = re.sub(r"^(?:of\s+)?", "", body)
        org = re.match(r"(.+?)\s+(?:for|of|at|to)\s+(?:the\s+)?([A-Z].*)$", body)
        words = body.split()
        if not words:
            return False, None
        head = words[-1].lower().strip(".,'’")
        definite = bool(re.match(r"[Tt]he\s", who)) or bool(_AGE.match(who))
        if definite or not m:
            person = self.people.described(f"{who.split()[0]} {body}" if m else body, at)  # without "who is …"
            if person:
                return True, person
        if org and org.group(1).split()[-1].lower() in PERSON_NOUNS \
                and not re.match(r".+?\s+to\s", body):  # "a spokesman for the Home Office", not "ambassador to Britain"
            return True, f"{org.group(2).strip()} {org.group(1).split()[-1]}"
        if definite and len(words) == 1 and words[0] in _BODY_WORDS | _COMPANY_WORDS \
                and (body_named := self.organisation(at, frozenset(words))):
            return True, body_named  # "the Bank said" after "the Reserve Bank said": that bank, named in full
        if head in _SPOKES and not definite and (named := self._named_after(head, words[:-1], at)):
            return True, named  # "…,” a Magna spokesman said. … spokesman Jerry Barker said"
        if head in PERSON_NOUNS or head.rstrip("s") in PERSON_NOUNS or any(w[0].isupper() for w in words) \
                or head.endswith(_MAN) and head not in _NOT_MEN:  # "one government bond salesman"
            if near:
                return True, near.group().strip(" .,")  # "person close to the Clintons"
            return True, " ".join(words).strip(" .,")  # "Home Office spokesman", "Trump confidant"
        if m and not definite and all(w.islower() for w in words) and len(head) > 4 \
                and head.endswith(("er", "or", "ist", "ian")) and lower_case_word(head):
            return True, " ".join(words)  # "one exporter said", "a grain importer said": one of those, unnamed
        if definite and len(words) == 1 and head in DOCUMENT_NOUNS:
            return True, self._issuer(head, at)  # "…,” the statement continued: whoever issued it
        plain = all(w.islower() for w in words)
        if definite and plain and head in _OUTLET_NOUNS and (outlet := self._outlet(at)):
            return True, outlet  # "The newspaper said:" after "The Washington Post said …"
        heads = _ORG_NOUNS.get(head) if definite and plain else None  # "the company", "the oil company"
        if not heads:
            return True, self._named_as(head, at) if definite and plain else None
        # "the company": the one named speaking before, or named in this paragraph or the one before
        near = (self.people.sentences.paragraph_starts(at, 1) or [0])[0] if self.people.sentences else 0
        return True, self.organisation(at, heads, near=near)


def _with_acronym(name: str, after: str) -> str:
    """A body's name with the acronym the story gives it in brackets, as speakers by acronym read:
    "Organisation for Economic Cooperation and Development (OECD)"."""
    acronym = re.search(r"\(([A-Z]{2,8})\)\s*$", after.rstrip(" ,.")) or re.match(r"\s*\(([A-Z]{2,8})\)", after)
    return f"{name} ({acronym.group(1)})" if acronym and acronym.group(1) not in name.split() else name


# Who a document is "of", "by" or "from", named after it: "a statement issued after a meeting of the Paris Club"
_DOCUMENT_OF = re.compile(r"\s+(?:(?:issued|released|published|prepared|adopted)\s+)?(?:(?:after|at|following|by)\s+"
                          r"(?:an?|the)\s+[^.;,\"“”]{0,60}?\s+of|by|from)\s+(?:the\s+)?"
                          r"(?P<org>[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|on|for|and)){0,6})")
_SAID_IN = re.compile(r"(?:^|[,;]\s+)(?P<who>(?:the\s+|[A-Z])[^,;:\"“”_]{1,90}?)\s+(?:said|says|announced|wrote)\s+in\s+$")
_ISSUED = DOCUMENT_NOUNS | {"document", "communique", "declaration", "resolution", "release", "notice", "circular"}
_ISSUED_BY = re.compile(rf"\b(?:{'|'.join(sorted(_ISSUED))})\s+(?:(?:issued|released|published|signed|sent|"
                        r"posted|written|put\s+out)\s+)?by\s+(?:the\s+)?(?P<by>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,5})")


class _Sentences:
    """Sentence spans of the narration (quotations blanked), one Punkt pass per paragraph, on demand."""

    def __init__(self, masked: str, paragraphs: list[tuple[int, int]]) -> None:
        self.masked, self.paragraphs = masked, paragraphs
        self.starts = [a for a, _b in paragraphs]
        self.cache: dict[int, list[tuple[int, int]]] = {}

    def of(self, index: int) -> list[tuple[int, int]]:
        if index not in self.cache:
            from ..ingest.sentences import sentence_spans

            a, b = self.paragraphs[index]
            self.cache[index] = [(a + x, a + y) for x, y in sentence_spans(self.masked[a:b])]
        return self.cache[index]

    def paragraph_starts(self, at: int, paragraphs_back: int) -> list[int]:
        """Where the paragraph holding `at` and the few before it start."""
        index = bisect_right(self.starts, at) - 1
        return self.starts[max(0, index - paragraphs_back):index + 1]

    def starts_before(self, at: int, paragraphs_back: int) -> list[int]:
        """Sentence starts before `at`, in its paragraph and the few before it."""
        index = bisect_right(self.starts, at) - 1
        out: list[int] = []
        for i in range(max(0, index - paragraphs_back), index + 1):
            out += [a for a, _b in self.of(i) if a < at]
        return out

    def spans_before(self, at: int, paragraphs_back: int) -> list[tuple[int, int]]:
        """(start, end) of each sentence before `at`, in its paragraph and the few before it, to be read back:
        each runs to the next one's start, the last to `at`."""
        starts = self.starts_before(at, paragraphs_back)
        return list(zip(starts, [*starts[1:], at]))


_DASH_ATTRIBUTION = re.compile(rf"\s*[-—–]{{1,2}}\s*(?P<who>{_WORD}(?:\s+(?:{PARTICLES}\s+)?{_WORD}){{0,4}})"
                               r"(?=\s*(?:[.,;(]|$|\n))")


# A paragraph that only signs the quotation before it: "– Bernie Sanders.", "-President Obama, tweeting after …",
# "– Jo** Al****" (a reviewer's name masked with stars)
_SIGNATURE = re.compile(rf"\s*[-—–]{{1,2}}\s*(?P<who>[A-Z][a-z]*\*+(?:\s+[A-Z][a-z]*\*+){{0,3}}|"
                        rf"{_WORD}(?:\s+(?:{PARTICLES}\s+)?{_WORD}){{0,4}})(?:[.,;(][^\n]{{0,80}})?\s*")


def _undotted(text: str) -> str:
    """The text with the full stops of titles and initials blanked ("Mr. Trump" -> "Mr  Trump"), so
    that a pattern stopping at sentence punctuation reads a name whole."""
    return _TITLE_DOT.sub(lambda m: m.group(1) + " ", text)


_TITLE_DOT = re.compile(r"\b(Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|St|Jr|Sr|Prof|Rev|(?<!, )Del|[A-Z])\.(?=\s+[A-Z])")
_LEADING_SPEAKER = re.compile(rf"\s*(?:{_WORD}\s+){{1,4}}{_AUX}(?:(?:said|says|told|tells|asked|asks|wrote|writes|"
                              rf"added|tweeted|replied|responded|shouted|yelled|exclaimed)\b|(?:{_AFTER_VERB})\s*[,.;])")


# "…,” he was quoted by Kyodo as saying / "the agency quoted Sato as saying": the one quoted speaks,
# not the outlet that quotes
_QUOTED_AS = re.compile(r"\bquoted\s+(?:by\s+[^,;:!?\"“”()]{1,80}?\s+|(?P<who>(?!by\s)[^,;:!?\"“”()]{1,60}?)\s+)?"
                        r"as\s+(?:saying|telling|having\s+said)\b")
_QUOTED_PASSIVE = re.compile(r"\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+$")


def _quoted_as(text: str, before: bool) -> str | None:
    """The one "quoted as saying" in a sentence's words before or after a quote: "Sato" in "the agency
    quoted Sato as saying", "he" in "he was quoted by Kyodo as saying"."""
    m = _QUOTED_AS.search(text) if "quoted" in text else None
    if not m or re.search(r"[.!?][\"”’']*\s+[A-Z]", text[m.end():] if before else text[:m.start()]):
        return None  # in another sentence
    if m.group("who"):
        who = " ".join(m.group("who").split())
        return _OBJECT_PRONOUNS.get(who.lower()) or _cut_after_name(who)  # "WAM quoted him as saying"
    passive = _QUOTED_PASSIVE.search(text, 0, m.start())
    if not passive:
        return None
    who = _subject(text[:passive.start()]) if before else text[:passive.start()].strip(" ,;—–-\n")
    if who and "," in who:  # "Mario Amato, president of the Federation, was quoted as saying"
        who = who.split(",")[0].strip()
    return who if who and _subject_like(who) else None


_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}


# A document "reads" its words: "…,” the statement read. / "…,” reads a Wednesday editorial in the Ledger.
_DOCUMENT = rf"(?:the|a|an|its|their|his|her|this|that|[\w.&-]+['’]s)\s+(?:[\w-]+\s+){{0,3}}?(?:{'|'.join(DOCUMENT_NOUNS)})"
_DOCUMENT_READS = re.compile(rf"[\s,;—–-]*(?:(?P<who>{_DOCUMENT})\s+(?:read|reads)|(?:read|reads)\s+"
                             rf"(?P<inverted>{_DOCUMENT}\b[^,;:!?\"“”()]{{0,60}}?))\s*(?:[.,;]|$)")


def _after_attribution(after: str, passive: bool = False) -> str | None:
    """The subject in the text right after a quote: `, said NAME`, `, NAME said`, `, he added`, or
    further on in the same sentence (`" if she lost, said NAME.`)."""
    quoted = _quoted_as(after, before=False)
    if quoted:
        return quoted
    after = _SHORT_ASIDE.sub(lambda m: " " * len(m.group()), after)  # "said Bache Securities (Japan) vice president …"
    document = _DOCUMENT_READS.match(after) if "read" in after else None
    if document:
        return document.group("who") or document.group("inverted")
    m = _AFTER_FIRST.match(after)
    if m and m.group("verb").lower().startswith("according"):
        return m.group("who")
    if m and not m.group("verb").endswith("ing") and _SUBJECT_START.match(m.group("who")) \
            and not _FINITE_AFTER.search(re.split(r"\s(?:who|which|that)\s", m.group("who"))[0]):  # not "said the candidate could be …"
        role_first = m.group("who").split()[0] in PERSON_NOUNS or _LOWER_ROLE_AT.match(m.group("who"))
        apposed = _APPOSED_AFTER.match(after, m.end("who")) if _DESCRIBED.match(m.group("who")) or role_first else None
        if apposed and _strip_name(apposed.group(1))[0]:
            return apposed.group(1)  # "said his best friend at Lehigh, Bruce Turry, who …"
        return _cut_after_name(m.group("who"))
    # "…,” as Cruz said on the radio. / "…” – as described by FBI Director James Comey –
    as_clause = _AS_AFTER.match(after)
    if as_clause and not as_clause.group("skip").strip(" ,;—–-") and _subject_like(as_clause.group("who")):
        return _cut_after_name(as_clause.group("who"))
    lead = re.match(r"[\s,;—–-]*", after).end()
    closing = _CLOSING_INVERTED.match(after)  # "…get” out of Congress at the present time, said Touche Ross's Collander."
    if closing and _SUBJECT_START.match(closing.group("who")) and closing.group("who")[:1].isupper():
        return _cut_after_name(closing.group("who"))
    for m in _AFTER_VERBS.finditer(after):
        who = after[lead:m.start()].strip()
        if not who or len(who) > 160 or re.search(r"[;:!?\"“”]", who):
            break
        if re.search(r",[^,]*\bwho\s", who) and m.group("verb") in SPEECH_VERBS \
                and _NAME_RUN.fullmatch(who.split(",")[0].strip()) and _verb_use(after, m, "verb") \
                and not _verbs_in(who) and _CLAUSE_END.match(after, m.end()):
            return who.split(",")[0].strip()  # "…,” Nate Silver, the guru who founded the site tweeted on …"
        if _OPEN_RELATIVE.search(who) or m.group("verb").endswith("ing") or not _verb_use(after, m, "verb"):
            continue  # "Cruz, who has proposed repealing it, said …": the verb of the relative clause
        if m.group("verb") in _AFTER_FORMS and not _CLAUSE_END.match(after, m.end()):
            continue  # "“…,” Hannity pressed." but not "Sessions, a close advisor to Trump, told AFP"
        if "," in who:  # "Smith, a spokeswoman for X," -> Smith; "… the law, Clinton" -> Clinton
            first = who.split(",")[0].strip()
            rest = who[len(first) + 1:].strip()
            named = rest.rstrip(",").strip()
            if _DESCRIBED_AS_WHO.fullmatch(first) and "," not in named and _NAME_RUN.fullmatch(named) \
                    and _strip_name(named)[0]:
                return named  # "a top Foreign Ministry official, Helmut Schaefer, told": the name in apposition
            unclosed = _NAME_RUN.fullmatch(first) and (_DESCRIBED.match(rest) or _DESCRIBED_AS_WHO.match(rest)
                                                       or _BARE_ROLE_OF.match(rest)  # "Peter Pietsch, spokesman for Commerzbank AG said"
                                                       or _ROLE_OF.match(rest) or _firm_role(rest))
            # "Smith, an analyst at the Council on Energy, Environment and Water think tank told": no
            # comma closes the apposition, and the organisation's own commas cut no subject out of it
            who = first if who.endswith(",") or unclosed else who.rsplit(",", 1)[1].strip()
        if any(w.islower() and w.endswith("ed") and w not in _ADJECTIVES_IN_ED for w in who.split()):
            break  # "Clinton seized upon the reference": a clause with a verb of its own
        if re.search(r"\b(?:and|but|or)$", who):
            break  # "“…” the legal footing for a deal and said …": a verb coordinated with the sentence's own
        if len(who.split()) <= 12 and _subject_like(who) and (who.lower() not in _DETERMINERS or _one_of_group(who)) \
                and not re.search(r"\b(?:was|were|is|are|been|be)$", who):
            return who  # "…,” one said.: one of the people just described
        break
    if as_clause and _subject_like(as_clause.group("who")):  # "…” with classified data – as described by X –"
        return _cut_after_name(as_clause.group("who"))
    m = re.match(r"\s*(?:\S+\s+){0,8}?by\s+(?P<who>[^,;:!?\"“”()]{1,80})", after)
    if m and passive and _subject_like(m.group("who")):  # "has been called “X” by Joshua Hendrick"
        return _cut_after_name(m.group("who"))
    # Further on: "…" if she lost, said Wasserman. / "…" for now, Smith said.
    m = re.search(r",\s*(?P<verb>said|says|added|adds|wrote|writes|told|explained|noted|according\s+to)\s+"
                  r"(?P<who>[^,;:!?\"“”()]{1,80})", after)
    if m and _SUBJECT_START.match(m.group("who")):
        return _cut_after_name(m.group("who"))
    m = _FURTHER_ON.search(after.rstrip())
    if m and _SUBJECT_START.match(m.group("who")):
        return m.group("who")
    return None


_NAME_THEN_BARE_ROLE = re.compile(rf"(?:^|[.;]\s+|\n\s*)({_NAME_RUN.pattern}),\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+){{0,2}}"
                                  rf"(?:{'|'.join(sorted(PERSON_NOUNS, key=len, reverse=True))})\s+(?:for|of|at|with)\s+"
                                  r"(?:the\s+)?[A-Z]")


def _unclosed_apposition(clause: str) -> str | None:
    """The person of an apposition no comma closes, a body's name its end: "Ramon Diaz, Chairman of the Presidential
    Commission on Good Government told", "Paul Mlotok, oil analyst for Salomon Brothers Inc said"."""
    titled = _NAME_THEN_ROLE.search(clause)
    if titled and not re.search(r"\b(?:of|for|at)\s$", clause[:titled.end()]):
        titled = None  # "Donald Trump, President Barack Obama said": a title before a name, no role of a body
    for m in (titled, _NAME_THEN_BARE_ROLE.search(clause)):
        if m and "," not in clause[m.end():] and len(_strip_name(m.group(1))[0].split()) >= 2 \
                and not _is_place(m.group(1)):
            return m.group(1)
    return None


def _firm_role(rest: str) -> bool:
    """Whether an apposition is a firm's name and a role, unclosed: "Day chairman and chief executive officer"."""
    words = rest.split()
    named = next((i for i, w in enumerate(words) if w.islower()), 0)
    return 1 <= named <= 4 and words[-1] in PERSON_NOUNS and all(w.islower() for w in words[named:])


_BARE_ROLE_OF = re.compile(r"(?:[a-z-]+\s+){0,2}(?:%s)\s+(?:for|of|at|with)\s+[A-Z]"
                           % "|".join(sorted(PERSON_NOUNS, key=len, reverse=True)))
_SHORT_ASIDE = re.compile(r"\s\([A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*)?\)(?=\s)")  # "(Japan)", "(U.K.)"
# A capitalised role of a body in apposition: "Bumpei Otsuki, President of the Japan Federation of … told"
_ROLE_OF = re.compile(r"(?:[A-Z][a-z]+\s+){0,2}(?:President|Chairman|Chairwoman|Director|Secretary|Governor|Minister|"
                      r"Chief|Head|Manager|Spokesman|Spokeswoman|Professor|Commissioner|Editor)\s+(?:(?:of|for|at)\s|(?=[A-Z]))")
_NAME_THEN_ROLE = re.compile(rf"\s*({_NAME_RUN.pattern}),\s+{_ROLE_OF.pattern}")
_FINITE_AFTER = re.compile(r"\s(?:could|would|will|can|may|might|must|should|is|was|are|were|has|have|had|did|"
                           r"does|do|wants|wanted|needs|needed)\b")
_DESCRIBED = re.compile(r"(?:the|a|an|his|her|their|its|one|another)\s+[a-z]")
# A description ending in the noun of a person: "a Smith Barney analyst", "a top West German Foreign Ministry official"
_DESCRIBED_AS_WHO = re.compile(r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w.&'’-]+\s+){0,6}?(?:%s)"
                               % "|".join(sorted(PERSON_NOUNS, key=len, reverse=True)))
_APPOSED_AFTER = re.compile(rf",\s*({_WORD}(?:\s+(?:{PARTICLES}\s+)?{_WORD})+)\s*(?:[,.;]|$|\s+(?:who|said|says)\b)")


def _singular_person(word: str) -> str | None:
    """The singular of a plural noun of people ("diplomats" -> "diplomat", "businessmen" -> "businessman"), else None."""
    low = word.lower()
    if low.endswith("men") and low[:-3] + "man" in PERSON_NOUNS:
        return low[:-3] + "man"
    return low[:-1] if low.endswith("s") and low[:-1] in PERSON_NOUNS else None


def _one_of_group(who: str) -> bool:
    """Whether a subject is a bare "one" or "another": one of the people the story has just described."""
    return who.strip(" .,").lower() in ("one", "another")


def _subject_like(who: str) -> bool:
    """Whether words read like a subject: a name, a pronoun, a description, not "and against the law"."""
    if _one_of_group(who):
        return True  # "…,” one said. / said another.: one of the people just described
    if not _SUBJECT_START.match(who):
        words = who.split()  # "reporters", "Republican officials", "local businessmen": a group by its plural noun
        return 0 < len(words) <= 3 and _singular_person(words[-1]) is not None
    first = who.split()[0]
    return not (first.islower() and first in _STOP - _PRONOUN_STARTS)


_PRONOUN_STARTS = frozenset("his her their its our my it they we i".split())
_SHORT_VERBS = r"(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|tweeted|explained|replied|" \
               r"responded|continued|declared|insisted|noted|recalled|argued|warned|exclaimed|concluded)"


def _short_attribution(sentence: str) -> str | None:
    """The subject of a sentence that only attributes the quote before it: `Trump said.`, `said
    Trump.`, `Lichtman said about McCain's effort.` (not `Smith posted:`, which introduces the next)."""
    if sentence.rstrip().endswith((":", ",")):
        return None  # it goes on into the next quotation: "Mrs. Clinton replied, “…”"
    m = _SHORT_BY.match(sentence)
    if m and m.group("verb") in _AFTER_FORMS and not _CLAUSE_END.match(sentence, m.end("verb")):
        m = None  # "Hannity pressed.", not "Trump opened the door to …"
    if m and len(m.group("who").split()) <= 6 and _subject_like(m.group("who")) \
            and not any(w in SPEECH_VERBS or (w.islower() and w.endswith("ed")) for w in m.group("who").split()) \
            and _verb_use(sentence, m, "verb") and not re.search(r"\b(?:was|were|is|are|been|be)$", m.group("who")) \
            and not m.group("verb").endswith("ing") and not re.search(r"\bthat\b|^\s+(?:a|an|the|his|her|their|its|our|this|these|those)\s", m.group("rest")):
        return m.group("who")  # not "He voiced a wish for …" nor "She added that …": those say more
    m = _SHORT_INVERTED.match(sentence)
    if m and _subject_like(m.group("who")):
        return _cut_after_name(m.group("who"))
    return None


_LOWER_ROLE_NAME = re.compile(rf"(?:[a-z-]+\s+){{1,4}}({_WORD}(?:\s+(?:{PARTICLES}\s+)?{_WORD})+)")


# "a person close to the Clintons", "a source familiar with the talks": the tail says whose source it is.
_CLOSE_TO = re.compile(r"(?:(?:the|a|an|one|another)\s+)?[a-z]+\s+(?:close|closest|familiar|involved|knowledgeable|"
                       r"briefed)\s+(?:to|with|in|about|on)\s+[^,;.]{1,50}")


# A party-and-state tag in apposition, AP style: "Sen. Ben Sasse, R-Neb., said"
_PARTY_STATE_TAIL = re.compile(r",\s*[RDI]-[A-Z][A-Za-z.]{1,14},$")
_CLOSE_HINT = re.compile(r"close|familiar|involved|knowledgeable|briefed")
_CLOSE_TO_END = re.compile(r"(?:^|(?<=\s))((?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+)?[a-z]+\s+(?:close|closest|familiar|"
                           r"involved|knowledgeable|briefed)\s+(?:to|with|in|about|on)\s+[^,;.]{1,50})$")


# A body's name with "of" in it, then its person: "Bank of Tokyo's Kimura", "the Bank of England's Eddie George".
_OWNED_NAME = re.compile(r"(?:the\s+)?[A-Z][\w.&-]*(?:\s+(?:of|for|and|&)?\s*[A-Z][\w.&-]*){1,5}['’]s\s+"
                         rf"((?:{_WORD})(?:\s+(?:{PARTICLES}\s+)?{_WORD}){{0,3}})")


_BODY_OF = re.compile(r"(?:the\s+)?((?:[A-Z][\w&.'’-]*\s+){0,3}(?:Bank|Ministry|Department|University|Institute|Bureau|"
                      r"Office|Council|Board|Commission|Court|Federation|Association)\s+of\s+(?:the\s+)?"
                      r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})(?![\w'’])(?!['’]s)")


def _cut_after_name(who: str) -> str:
    """"David Wasserman in a statement on Monday" -> "David Wasserman"; "the base chief known as Bob"
    -> "Bob"."""
    known = _KNOWN_AS.search(who)
    if known:
        return known.group(1)
    if near := _CLOSE_TO.match(who):
        return near.group()
    if owned := _OWNED_NAME.fullmatch(who.strip(" .,;:")):
        return owned.group(1)  # "Bank of Tokyo's Kimura": the person of the body, not "Bank"
    if body := _BODY_OF.match(who):
        named = _LOWER_ROLE_NAME.match(who[body.end():].lstrip())
        if named and named.group().split()[len(named.group().split()) - len(named.group(1).split()) - 1] in PERSON_NOUNS:
            return named.group(1)  # "said Industrial Bank of Japan Ltd senior economist Susumu Taketomi": him
        return body.group(1)  # "said the Bank of England on Monday": the bank, whole
    cut = re.split(r"\s+(?:in|on|at|during|after|before|to|of|about|as|when|while|who|which|last|this|"
                   r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", who)[0]
    if cut.islower() and cut != who and (named := _LOWER_ROLE_NAME.match(who)):
        return named.group(1)  # "master of ceremonies Asab Al-Tabchi" -> the name after the role
    return cut


def _before_attribution(before: str) -> tuple[str | None, bool]:
    """(subject, adjacent?) of the verb of saying that governs a quote, read in the sentence before it:
    `NAME said:`, `NAME told reporters`, `NAME called it`, `…, according to NAME,`. The first verb
    with a subject wins: in "Israel said Clinton called on members to be “…”" the words are
    reported by Israel. Adjacent when only a few words stand between verb and quote."""
    quoted = _quoted_as(before, before=True)
    if quoted:
        return quoted, True
    fronted = _FRONTED.match(before)  # "According to Woodward, “…”", "As Politico reported, …", "Said Comey, “…”"
    if fronted:
        who = next(g for g in fronted.group("acc", "as", "inv") if g)
        who = who if fronted.group("acc") else _cut_after_name(who)  # "As Joel Pollak of Breitbart observed"
        if _subject_like(who.strip()):
            return who, True
    # "Because of how the schedule was made, explained Rosenberg, “…”"
    inverted = _INVERTED.search(before) if before.rstrip().endswith((",", ":")) else None
    if inverted and inverted.group("who").split()[0] not in FUNCTION_WORDS:
        return inverted.group("who"), True
    # "Rubio was asked by moderator Gerard Baker whether …"
    passive = (_BY_AGENT.search(before) or _ASKED_BY.match(before)) if " by " in before else None
    if passive and _subject_like(passive.group("who")):
        closed = before.find(",", passive.end()) if passive.re is _ASKED_BY else -1
        if closed >= 0:  # "Asked by Starnes if …, Carson said he was referring to the “…”": the one asked
            who, adjacent = _verb_attribution(before[closed + 1:])
            if who:
                return who, adjacent
        return passive.group("who"), False
    who, adjacent = _verb_attribution(before)
    if who:
        return who, adjacent
    # "… Trump’s claim that Obama “founded ISIS”", when no verb of saying has a subject (so "Ryan said
    # Obama’s words “amount to …”" is Ryan's)
    possessive = _POSSESSIVE_CUE.search(before) if "s " in before or "’ " in before or "' " in before else None
    if possessive and (possessive.group("that") or len(before) - possessive.end() < 40):
        return possessive.group("who"), False
    return None, False


def _verb_attribution(before: str) -> tuple[str | None, bool]:
    """The subject of the first verb of saying used as a main verb in the sentence before a quote."""
    lead_end = _lead_end(before)
    uses = [m for m in _verbs_in(before, lead_end) if _verb_use(before, m) and _finite(before, m)]
    # After a dash or semicolon a new clause speaks: "… ignored labor history — Frank cites …, “…”".
    breaks = [b for b in _CLAUSE_BREAK.finditer(before, lead_end)]
    dashes = [b for b in breaks if b.group().strip() not in (";", ":")]
    if len(dashes) % 2 == 0:  # "— and Sanders presumably believes —" is an aside
        breaks = [b for b in breaks if b not in dashes]
    cut = max((b.end() for b in breaks), default=0)
    if any(m.start() >= cut for m in uses):
        uses = [m for m in uses if m.start() >= cut]
    # A verb in a relative clause ("Emanuel, an oncologist who advised Obama, said …") is not the main one.
    main = [m for m in uses if not _RELATIVE_BEFORE.search(before, max(0, m.start() - 40), m.start())]
    ordered = main + [m for m in uses if m not in main]
    for k, m in enumerate(ordered):
        who, adjacent = _attribution_at(before, m)
        if not who or not _subject_like(who.strip()) or (all(w in FUNCTION_WORDS for w in who.split()) and not any(
                w.lower() in _PERSONAL or w in ("Others", "Some", "Many") for w in who.split())):
            continue  # "When told …": no subject
        for later in ordered[k + 1:]:  # "Axelrod tweeted after Clinton argued that “…”": Clinton's words
            coordinated = _COORDINATOR_BEFORE.search(before, m.end(), later.start())
            if later.start() > m.start() and (_SUBORDINATOR_BEFORE.search(before, m.end(), later.start()) or (
                    coordinated and re.search(r"\b[a-z]+\b", before[m.end():coordinated.start()]))):
                inner, inner_adjacent = _attribution_at(before, later)
                if inner and inner.strip() in _PRONOUN and who.strip() not in _PRONOUN:
                    break  # "The spokesman said …, although he added, “…”": the same person
                if len(before[later.end():].split()) > 2 and before.rstrip().endswith(",") and _SUBORDINATOR_BEFORE.search(
                        before, m.end(), later.start()):
                    break  # "Clinton said that when Warren railed against … in the Senate, “…”": closed
                    # by its comma, the clause leaves the quotation to the main verb
                if inner and _subject_like(inner.strip()) and inner.split()[0] not in FUNCTION_WORDS:
                    return inner, inner_adjacent

        return who, adjacent
    as_clause = _AS_CLAUSE.search(before)  # "Of course, as Joel Pollak observed, the victor was …: “…”"
    if as_clause and _subject_like(as_clause.group("who")):
        return _cut_after_name(as_clause.group("who")), False
    return None, False


# "a woman asked for a photo and Clinton said, “…”": a coordinated clause with a subject of its own
_COORDINATOR_BEFORE = re.compile(r"\b(?:and|but)\s+(?:he|she|(?:[A-Z][\w.’'-]*\s+){1,4})\s*(?:[a-z]+ly\s+)?$")
_PERSONAL = frozenset("he she they we i you it".split())
_SUBORDINATOR_BEFORE = re.compile(r"\b(?:after|when|while|before|because|since|until|whereas|although|though)\s+"
                                  r"(?:he|she|(?:[A-Z][\w.’'-]*\s+){1,4})\s*(?:[a-z]+ly\s+)?$")


def _lead_end(before: str) -> int:
    """Where the leading subordinate or adverbial phrases of a sentence end: "While not everything
    Trump says is true, Jamieson said …", "Later in the show, after the interview concluded, Maher said"."""
    end = 0
    for _ in range(3):
        lead = _SUBORDINATE.match(before, end) or _PREPOSITION_LEAD.match(before, end) \
            or _ADVERB_LEAD.match(before, end)
        participle = _PARTICIPLE_LEAD.match(before, end)
        if not lead and participle and lower_case_word(participle.group(1)) \
                and not _VERB_RE.match(before, participle.end(1) + 1):
            lead = participle  # "Watching Trump talk …, Reed said", not "Boreing said …, but said, “…”"
        if not lead:
            break
        end = lead.end()
    return end


def _finite(text: str, m: re.Match) -> bool:
    """Whether a verb form ending in -ing heads a clause of its own: after a comma or "and" ("…,
    saying"), or after a form of "be" ("is saying"); not "the bigot denouncing communists"."""
    if not m.group().endswith("ing"):
        return True
    before = text[max(0, m.start() - 40):m.start()]
    if re.search(r"(?:[,;:—–]|\band|\bby|\b(?:is|was|are|were|been|be|keeps|kept))\s+(?:[a-z]+ly\s+)?$", before):
        return True
    word = re.search(r"([\w’'-]+)\s+(?:[a-z]+ly\s+)?$", before)  # "with John McCain calling it", "an administration defending"
    return bool(word) and (word.group(1)[:1].isupper() or _names_people(word.group(1)))


def _attribution_at(before: str, m: re.Match) -> tuple[str | None, bool]:
    verb = m.group()
    rest = before[m.end():]
    adjacent = bool(re.fullmatch(r"[\s\w'’,]{0,60}[,:]?\s*", rest))
    if verb.lower().startswith("according"):
        who = re.match(r"\s*([^,;:\"“”()]{1,80})", rest)
        return (who.group(1) if who else None), adjacent
    head = before[:m.start()]
    if (verb in PARTICIPLES or verb.endswith("ing")) and re.search(r",\s*(?:and\s+)?$", head.rstrip(" ”\"’")):
        if "_" in head:  # "Comey cannot say that “…,” Lewandowski added, saying …": Lewandowski's
            tail = head[head.rfind("_") + 1:].strip(" ,”\"’")
            who = _verb_attribution(tail)[0] or _after_attribution(_undotted(tail))
            if who:
                return who, adjacent
        return _sentence_subject(head), adjacent
    if verb.endswith("ing") and re.search(r"\bby\s+$", head):  # "Husted continued by saying, “…”"
        clause = re.split(r"[,;]\s+(?:and|but|while)\s+", head)[-1]  # "…, and Balladur underscored that by saying:"
        return _sentence_subject(clause) or _sentence_subject(head), adjacent
    who = _subject(head)
    if who and who.split()[0].lower() in _DETERMINERS and who.split()[-1].lower() in DOCUMENT_NOUNS:
        who = _sentence_subject(head)  # "Black Lives Matter issued a statement saying …"
    if not who and re.search(r"(?:\band|\bbut|\bthen|,)\s*$", head):  # "Suu Kyi said … but added, “…”"
        who, _adj = _before_attribution(re.sub(r"(?:\band|\bbut|\bthen|,)\s*$", "", head))
        if not who:  # "Cruz knocked Rubio on trade and called him …"
            acting = list(_ACTING.finditer(head))
            who = acting[-1].group(1) if acting else None
    return who, adjacent


_COORDINATED = re.compile(r"[^\"“”]{0,40}?(?:,\s*)?\b(?:and|but|while|whereas|;)\s+(?=[A-Z]|(?:he|she|they)\b)")
_CAP_VERB = "|".join(sorted({f.capitalize() for f in _FORMS["cue"] if " " not in f and f.endswith(("ed", "s", "id", "ld",
                                                                                                    "ote", "oke"))},
                            key=len, reverse=True))
_AS_VERBS = r"(?:said|says|noted|notes|reported|reports|wrote|writes|written|explained|explains|observed|pointed out|points out|" \
            r"put it|puts it|argued|argues|told|tells|suggested|suggests|warned|warns|recalled|recalls|" \
            r"acknowledged|conceded|claimed|claims|predicted|asserted|tweeted|remarked|concluded|described)"
_FRONTED = re.compile(
    rf"\s*(?:(?:And|But|So|Yet|Still|Now|Indeed|Meanwhile|However,?|Instead,?|Again,?)\s+)?(?:"
    rf"[Aa]ccording\s+to\s+(?P<acc>[^,;:\"“”()]{{1,80}}?)"
    rf"|[Aa]s\s+(?P<as>[^,;:\"“”]{{1,90}}?)\s+{_AUX}{_AS_VERBS}\b[^,;:\"“”]{{0,100}}"
    rf"|(?:{_CAP_VERB})\s+(?P<inv>[^,;:\"“”()]{{1,80}}?)"
    rf")\s*[,:—–]")
_INVERSION_VERBS = r"(?:said|says|explained|explains|added|adds|noted|notes|wrote|writes|recalled|continued|argued|" \
                   r"observed|remarked|quipped|concluded|declared|insisted|warned|stated|countered|replied|" \
                   r"responded|answered|cautioned|predicted|acknowledged|conceded)"
_INVERTED = re.compile(rf"(?:^|[,;—–]\s*)(?i:{_INVERSION_VERBS})\s+(?P<who>{_WORD}(?:\s+(?:{PARTICLES}\s+)?{_WORD}){{0,3}})\s*[,:]\s*$")
_ASKED_BY = re.compile(r"\s*(?:Asked|Pressed|Questioned|Challenged)\s+by\s+(?P<who>[^,;:\"“”()]{1,60}?)"
                       r"(?=\s+(?:whether|if|why|how|what|when|where|about)\b)")
_BY_AGENT = re.compile(rf"\b(?:was|were|is|are|been|being|be)\s+(?:[a-z]+ly\s+)?(?:{_VERB})\s+by\s+"
                       r"(?P<who>[^,;:\"“”()]{1,80}?)(?=\s+(?:whether|if|why|how|what|when|where|to|about|of|for|as|"
                       r"in|on|at|during|after|that)\b|\s*[,:—–]|\s*$)")
SPEECH_NOUNS = frozenset("""claim claims assertion assertions conclusion conclusions remark remarks comment comments
statement statements words view views description argument arguments accusation accusations charge warning warnings
promise promises pledge vow call calls demand demands insistence suggestion prediction contention complaint response
reply answer question questions retort quip tweet tweets post posts letter email speech message slogan phrase
catchphrase line refrain mantra attack attacks criticism testimony memo column op-ed editorial account
characterization verdict assessment""".split())
_POSSESSIVE_CUE = re.compile(rf"(?P<who>{_WORD}(?:\s+(?:{PARTICLES}\s+)?{_WORD})*)['’]s?\s+(?:[a-z-]+\s+){{0,3}}?"
                             rf"(?:{'|'.join(sorted(SPEECH_NOUNS, key=len, reverse=True))})\b(?P<that>\s+that\b|\s*:)?"
                             r"(?![^,;:]*[,;:]\s+[A-Z])")
_CLAUSE_BREAK = re.compile(r"\s[—–]\s|;\s|\s--\s|:\s+(?=[A-Z])")
_ADVERB_LEAD = re.compile(r"\s*(?:(?:[A-Z][a-z]+\s+){1,2}(?:later|earlier|ago|before)|Later|Earlier|Meanwhile|However|Still|Instead|Indeed|Then|Afterward|Afterwards|"
                          r"Of course|In fact|At the time|For his part|For her part|For their part|At one point)\b[^,;:]{0,60},")
_AS_CLAUSE = re.compile(rf"(?:^|[,;—–]\s*)[Aa]s\s+(?P<who>[^,;:\"“”]{{1,60}}?)\s+{_AUX}{_AS_VERBS}\b[^,;:\"“”]{{0,60}},")
_PARTICIPLE_LEAD = re.compile(r"\s*([A-Z][a-z]+(?:ing|ed))\b[^,;:]{0,120},")
_PREPOSITION_LEAD = re.compile(r"(?i)\s*(?:In|On|At|After|Before|During|From|With|Without|Under|Amid|Despite|Following|"
                               r"Alongside|Along with|Besides|Among|Ahead of|Because of|Thanks to|Due to|"
                               r"Throughout|Over|For|Since|Unlike|Like)\b[^,;:]{0,120},")
_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom|which)\s+(?:[a-z]+\s+){0,2}$")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?—–]|$|(?:at|to|as|in|on|with|while|before|after|when|into|from|back|again)\b)")
_OPEN_RELATIVE = re.compile(r"(?:^|[,—–]\s*)(?:who|which)\b[^,—–]*$")
_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,12}\.?)?\s*(?:\([^)]{1,20}\))?\s*[—–-]+\s+")
_WHAT_CALLED = re.compile(rf"\bwhat\s+(?P<who>(?:{_WORD}\s+){{1,4}}|he\s+|she\s+)(?:{_AUX})?(?:called|calls|described\s+as|"
                          r"describes\s+as|termed|terms|dubbed|dubs|labell?ed|labels|referred\s+to\s+as)\s*$")
_PASSIVE = re.compile(r"\b(?:called|labell?ed|described as|dubbed|branded|termed|deemed|seen as|characteri[sz]ed as|"
                      r"criticized as|criticised as|denounced as)\s+(?:\S+\s+){0,3}$")
_SUBORDINATE = re.compile(r"(?i)\s*(?:While|If|When|Although|Though|Because|Since|Unless|Whether|As|After|Before|"
                          r"Even though|Even if|Once|Until)\b[^,]{0,200},")
_LEADING_ADVERBIAL = re.compile(
    r"^\s*(?:(?:[A-Z][a-z]+\s+){1,2}(?:later|earlier|ago),\s*)?(?:(?:And|But|So|Then|Also|Still|Yet|Later|Earlier|Meanwhile|However|Instead|Indeed|Now|Again|"
    r"Separately|Finally|Similarly)\b,?\s*)*(?:(?:then|now|again|also|still|finally|later|instead)\b,?\s*)*(?:(?:In|On|At|After|Before|During|When|While|As|Since|Asked|"
    r"Speaking|Writing|Appearing|Weighing|Responding|Following|Despite|Unlike|Like|Under|Over|Through|"
    r"Without|With|For|From|By|Amid|Earlier|Later|Last|This|Next|Once|[A-Z][a-z]+(?:ing|ed))\b[^,]{0,90},\s*)?")


_PLACE_LEAD = re.compile(r"\s*([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}),\s+(?=\S)")


_LEAD_THEN_PRONOUN = re.compile(r"(?:In|On|At|During|After|Before|Over|Since)\s[^,.;:\"“”]{0,60}?\s(he|she)\s+"
                                r"(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b")


def _sentence_subject(head: str) -> str | None:
    """The noun phrase a sentence opens with, leading adverbials skipped: "And then Trump went …" ->
    "Trump", "In an interview, the senator said …" -> "the senator"."""
    head = _PARENS.sub("", head.replace("_", " "))
    head = _DATELINE.sub("", head)  # "LA CROSSE, Wisc. — Gov. Mike Pence …"
    for _ in range(3):  # "On Thursday, after remaining neutral, Warren …"
        stripped = _LEADING_ADVERBIAL.sub("", head)
        stripped = re.sub(r"^\s*(?:after|before|when|while|as|since|despite|in|on|at|with|without|during|"
                          r"following|amid|asked|speaking)\b[^,]{0,90},\s*", "", stripped)
        if stripped == head:
            break
        place = _PLACE_LEAD.match(stripped)  # "At an event in Ames, Iowa, on Sunday, Mrs. Clinton …"
        if place and _is_place(place.group(1)):
            stripped = stripped[place.end():]
        head = stripped
    head = re.sub(r"^[A-Z][a-z]+\s+(?:in|on|at|after|before|during|last|this|next)\b[^,]{0,80},\s*", "", head)
    pronoun = _LEAD_THEN_PRONOUN.match(head)
    if pronoun:
        return pronoun.group(1)  # "In a Tumblr post at the time she described this as …": she, not Tumblr
    words: list[str] = []
    named = False
    for word in head.split()[:12]:  # the opening noun phrase: up to a verb, a comma or a clause word
        bare = word.strip(",;:")
        low = bare.lower()
        if not bare or (low in _STOP and low not in ("and", "of")) or low in SPEECH_VERBS \
                or (named and bare.islower() and (re.search(r"(?:ed|s)$", low) or low in _IRREGULAR_VERBS)
                    and not (low.endswith("s") and low[:-1] in PERSON_NOUNS)):
            break
        if named and bare.islower() and low.endswith("s") and low[:-1] in PERSON_NOUNS:
            words.append(bare)  # "Federal prosecutors alleged", "Clinton’s aides cast": the head noun ends it
            break
        words.append(bare)
        named = named or bare[:1].isupper()
        if word.endswith((",", ";", ":")):
            break
    while words and words[-1].lower() in ("and", "of"):
        words.pop()
    if len(words) == 1 and head.lstrip().startswith(words[0] + ",") and lower_case_word(words[0]):
        inner = _sentence_subject(head.split(",", 1)[1])  # "First, Trump identified …": an adverb leads
        if inner and inner[:1].isupper() and inner.split()[0] not in ("The", "A", "An"):
            return inner
    while words and words[0][:1].isupper() and common_word(words[0]) and len(words) > 1 \
            and words[1][:1].isupper():
        words.pop(0)  # "Immediately Trump", not "Former Mayor Rudy Giuliani"
    if words and words[0] in ("He", "She", "he", "she"):
        return words[0]
    if words and (named or words[0].lower() in _DETERMINERS):
        return " ".join(words)
    return None


_NOUN_LIKE = _NOUN_FORMS | frozenset("statements words".split())
# A determiner or possessive right before, or before one word that is not itself a subject ("the
# campaign claims" is a verb, "the latest claims" a noun).
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|its|our|my|your|these|those|this|that|such|"
                                r"[\w.-]+['’]s)\s+(?:(?P<word>[\w-]+)\s+)?$", re.IGNORECASE)


def _verb_use(text: str, m: re.Match, group: int | str = 0) -> bool:
    """Whether a verb of saying is used as one: not "to say", "would say", "her claims", "the comments"."""
    before = text[max(0, m.start(group) - 40):m.start(group)]
    if re.search(r"\b(?:to|will|would|could|should|might|may|can|must|not|never|cannot|[a-z]+n[’']t)\s+$", before):
        return False
    verb, end = m.group(group), m.end(group)
    if text[end:end + 2] in ("’s", "'s"):
        return False  # "the state’s party convention"
    if verb.endswith("ed") and (re.match(r"\s+by\b", text[end:end + 4])
                                or re.search(r"\b(?:was|were|is|are|been|being|be)\s+(?:[a-z]+ly\s+)?$", before)):
        return False  # passive: "the divide highlighted by …", "Thiel was revealed as …"
    if verb in ("read", "reads") and not re.match(r"\s*[:,]", text[end:end + 3]):
        return False  # "the statement read: “…”", not "he read “War and Peace”"
    if verb in _NOUN_LIKE and re.match(r"\s+(?:of|about|by|from|against)\b", text[end:end + 9]):
        return False  # "Republican claims of …"
    if verb in _NOUN_LIKE and text[end + 1:end + 2].isupper() and re.match(rf"\s+{_WORD}(?:\s+{_WORD})*\s+{_AUX}{_VERB}\b", text[end:end + 80]):
        return False  # a title before the name that speaks: "FBI general counsel James Baker said"
    if verb in _NOUN_LIKE and (nxt := re.match(r"\s+([a-z]+)\b", text[end:end + 20])) \
            and (nxt.group(1) in PERSON_NOUNS or nxt.group(1) in ("show", "shows", "radio", "program", "programme")):
        return False  # a compound noun: "Radio talk host Rush Limbaugh", "a talk show"
    if verb not in _NOUN_LIKE and not verb.endswith(("s", "ed", "ing")) and verb not in _IRREGULAR_PAST \
            and (det := _DETERMINER_BEFORE.search(before)) and not (det.group("word") and _names_people(det.group("word"))):
        return False  # "Sanders delivered a snappy retort: “…”"
    if verb in _NAMING and re.match(r"\s*[“\"]", text[end:end + 3]) and (
            prev := re.search(r"\b([a-z][\w-]*)\s+$", before)) and not _names_people(prev.group(1)) \
            and prev.group(1) not in _SUBJECT_WORDS:
        return False  # "a class called “Perception”": a name given, not words said
    if verb in _NOUN_LIKE:  # "officials note", "the campaign claims"; not "a crude reference"
        prev = re.search(r"([\w.%’'-]+),?\s+(?:(?:also|then|later|now|still|has|have|had|[a-z]+ly)\s+)*$", before)
        word = prev.group(1) if prev else ""
        det = _DETERMINER_BEFORE.search(before)
        if det and not (det.group("word") and _names_people(det.group("word"))):
            return False  # "a Facebook post", "her latest claims"
        return bool(word) and not word.endswith(("’s", "'s", "s’")) and word.lower() not in _POSSESSIVES and (
            (word[:1].isupper() and word.lower() not in _DETERMINERS) or word.lower() in _SUBJECT_WORDS
            or _names_people(word) or word[:1].isdigit() or word.endswith("%"))
    return True


_POSSESSIVES = frozenset("his her their its our my your this that these those such".split())
# Past forms without -ed that end a sentence's opening noun phrase ("Clinton's campaign took …").
_IRREGULAR_VERBS = frozenset("""took made gave went came got did put sent held left saw knew brought began ran won
lost became stood sat met kept felt found paid led set fell drew struck hit cut let chose rose broke spent built
sought fought caught taught threw wore bought sold hid shook grew flew""".split())
_IRREGULAR_PAST = frozenset("said told wrote spoke put read thought felt held taught swore forbade".split())
_NAMING = frozenset("called named dubbed titled entitled nicknamed labeled labelled branded".split())
_SUBJECT_WORDS = frozenset("he she they we i you who it many some others most few all both".split())


def _names_people(word: str) -> bool:
    """Whether a lower-case noun can be the subject of a verb of saying ("campaign", "spokesman")."""
    low = word.lower()
    return low in PERSON_NOUNS or low.rstrip("s") in PERSON_NOUNS or low in _ENTOURAGE or low in DOCUMENT_NOUNS \
        or low.capitalize() in ORG_WORDS


def _is_speech(inner: str, attributed: bool) -> bool:
    words = inner.split()
    if not words or not any(c.isalpha() for c in inner):
        return False
    if len(words) == 1 and inner.isupper() and len(inner) > 2:
        return False  # "OPTIMA": a name in capitals
    if re.fullmatch(r"[A-Z]\d?", inner.strip(" .,")):
        return False  # "B" shares, class "A": a letter names a class of things, nobody says it
    if attributed:
        return True
    return len(words) >= 7 or (len(words) >= 4 and bool(re.search(r"[.,!?…]\W*$", inner)))


# Doubled marks of wire and newspaper-archive copy: ``…'' or ‘‘…’’ (AP), ''…'' (NYT archives).
_DOUBLED = re.compile(r"``|‘‘|’’|'''|''")


def _single_marks(text: str) -> str:
    """The text with each doubled quotation mark as one curly mark: ``/‘‘ open, ’’ closes, '' opens
    after a space or at a line's start and closes elsewhere (quotations are read in this text)."""
    def one(m: re.Match) -> str:
        mark, at = m.group(), m.start()
        if mark in ("``", "‘‘"):
            return "“"
        if mark == "’’":
            return "”"
        before = text[at - 1] if at else " "
        if mark == "'''":  # a quotation inside a doubled one, ending with it: ''I'd say 'old-school,'''
            return "“'" if before.isspace() or before in "([{—–-" else "'”"
        after = text[m.end()] if m.end() < len(text) else " "
        return "“" if (before.isspace() or before in "([{—–-") and not after.isspace() else "”"

    return _DOUBLED.sub(one, text)


# A single mark opening a quotation: at a line's start or after a space, bracket or dash, before a word.
_OPEN_SINGLE = re.compile(r"(?:^|(?<=[\s(\[—–-]))([‘'])(?=[^\W_]|[.…$£€])", re.MULTILINE)
_OPEN_DOUBLE = re.compile(r"(?:^|(?<=[\s(\[—–-]))[“\"]", re.MULTILINE)
_CLOSE_CUE = ".,!?…—–-"


def _single_quoted(text: str) -> str:
    """A story quoting with single marks, as much British copy does (‘…’, or '…' when it has no double
    marks at all), with those marks read as double ones and the double ones inside them as single:
    one character for one, so offsets hold."""
    doubled = "“" in text or "”" in text or '"' in text
    if "‘" not in text and (doubled or not (" '" in text or "\n'" in text or text.startswith("'"))):
        return text
    opens = [m.start() for m in _OPEN_SINGLE.finditer(text) if text[m.start()] == "‘"]
    if len(opens) <= len(_OPEN_DOUBLE.findall(text)):
        if doubled:
            return text
        opens = [m.start() for m in _OPEN_SINGLE.finditer(text)]  # typewriter '…' with no double marks
        if not opens:
            return text
    chars = list(text)
    taken = -1
    for k, at in enumerate(opens):
        if at <= taken:
            continue  # inside the quotation before: an apostrophe or a quote within the quote
        line_end = text.find("\n", at)
        stop = min([line_end if line_end >= 0 else len(text)] + opens[k + 1:k + 2])  # opens ascend
        closers = [j for j in range(at + 2, stop) if text[j] in "’'" and not text[j - 1].isspace()
                   and (j + 1 == len(text) or not text[j + 1].isalnum())]
        if not closers and stop < (line_end if line_end >= 0 else len(text)):
            continue  # the next opening comes first: this one was an apostrophe
        close = next((j for j in closers if text[j - 1] in _CLOSE_CUE
                      or j + 1 == len(text) or text[j + 1] in _CLOSE_CUE + ";:)\n"), None)
        if close is None:
            close = next((j for j in closers if text[j - 1] != "s"), closers[0] if closers else None)
        chars[at] = "“"
        end = close if close is not None else stop
        for j in range(at + 1, end):
            if chars[j] in "“”\"":
                chars[j] = "‘" if chars[j] == "“" or (chars[j] == '"' and text[j - 1].isspace()) else "’"
        if close is not None:
            chars[close] = "”"
        taken = end
    return "".join(chars)


# Patterns of the attribution readers, compiled once.
_AFTER_FIRST = re.compile(rf"[\s,;—–-]*(?P<verb>{_AFTER_VERB})\s+(?P<who>[^,;:!?\"“”()]{{1,80}})")
_AFTER_VERBS = re.compile(rf"\s+{_AUX}(?P<verb>{_AFTER_VERB})\b")
_OWNED_DOCUMENT = re.compile(r"\s*(?:The\s+)?(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s\s+(?:[\w-]+\s+){0,3}?"
                             rf"(?:{'|'.join(sorted(DOCUMENT_NOUNS | {'report', 'statement', 'letter'}))})\s+"
                             r"(?:said|says|stated|added|noted|warned)\b")
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")
_SPELLED_RUN = re.compile(rf"[A-Z][\w&'’.-]*(?:{_GAP}(?:(?:of|for|and|on|the|&){_GAP})?[A-Z][\w&'’.-]*)+")
_CLOSING_INVERTED = re.compile(r"[^,;:!?\"“”()]{1,80}?,\s*(?:said|says|added|adds)\s+(?P<who>[^,;:!?\"“”()]{1,60}?)\.\s*$")
_FURTHER_ON = re.compile(rf",\s*(?P<who>[^,;:!?\"“”()]{{1,60}}?)\s+{_AUX}(?:said|says|added|wrote|told)\b[^,;]*$")
_SHORT_BY = re.compile(rf"\s*(?P<who>[^.,;:!?\"“”]{{1,60}}?)\s+{_AUX}(?P<verb>{_AFTER_VERB})\b(?P<rest>[^\"“”]{{0,90}})$")
_SHORT_INVERTED = re.compile(rf"\s*{_SHORT_VERBS}\s+(?P<who>[^.,;:!?\"“”]{{1,60}})[^\"“”]{{0,90}}$")
_KNOWN_AS = re.compile(rf"\b(?:known|identified)\s+(?:only\s+)?as\s+({_WORD}(?:\s+{_WORD})*)")
_ACTING = re.compile(rf"({_NAME_RUN.pattern})\s+(?:(?:[a-z]+ly|later|also|then|once|again|first|had|has)\s+)*"
                     r"[a-z]+(?:ed|s)\b")
_NAME_BEFORE_COLON = re.compile(rf"({_NAME_RUN.pattern})\s*[:—–]\s*$")
_OBJECT_BEFORE = re.compile(r"\b(?:to|for|with|at|about|against|on|from|of|toward|towards|into|told|asked|urged)\s+$")
_NAME_COLON_END = re.compile(rf"({_NAME_RUN.pattern})\s*:\s*$")
_NAME_ONLY = re.compile(rf"{_WORD}(?:\s+(?:{PARTICLES}\s+)?{_WORD})*")
# A work described and its author named after "by": who speaks through it is the author.
_WORKS = DOCUMENT_NOUNS | {"survey", "study", "analysis", "paper", "review", "poll", "research"}
_WORK_BY = re.compile(rf"(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){{0,2}}(?:{'|'.join(sorted(_WORKS))})\s+by\s+"
                      rf"({_NAME_RUN.pattern})(?:\s+(?:of|at|from)\s+.*)?$")
_MAN = ("man", "men", "woman", "women")
_NOT_MEN = frozenset("human humans german germans roman romans ottoman".split())
_PERSON_ENDINGS = (*_MAN, "person", "people", "ist", "ists", "ian", "ians")
_WORKS_AT = re.compile(r"(?P<person>.+?)\s+(?:of|at|with)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}<?[A-Z][\w.&'’-]*"
                       r"(?:\s+(?:(?:and|&|of|for|the|de)\s+)?[A-Z][\w.&'’-]*){0,6}>?"
                       r"(?:\s+(?:institute|group|bank|firm|fund|unit|agency|office))?$")  # "of stockbroker <X and Co>", "of Munich's Ifo institute"
_HOME_PLACE = re.compile(r"\s+(?:of|in|from)\s+(?:the\s+)?(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})$")
_TAIL_NAME = re.compile(rf"(?:^|\s)((?:{_WORD})(?:\s+(?:{PARTICLES}\s+)?{_WORD})+|{_WORD})$")
_BOTH_NAMED = re.compile(rf"((?:{_WORD})(?:\s+{_WORD})*)\s+and\s+(?:{_WORD})")
_APPOSED_NAME = re.compile(rf"(?:\b(?:And|But|Yet|So|Still)\s+)?({_NAME_RUN.pattern}),\s+(?=the\b|a\b|an\b|who\b|whose\b|\d|[a-z])")
# A name, then its role after an organisation's name: "Melvin Sims, USDA general sales manager,"
_APPOSED_ROLE = re.compile(rf"({_NAME_RUN.pattern}),\s+(?:[A-Z][\w.&'’-]*\s+){{1,5}}(?:[a-z][\w-]*\s+){{0,3}}([a-z]+)"
                           rf"(?:\s+(?:to|of|for|at)\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){{0,3}})?,$")
_AS_AFTER = re.compile(rf"(?P<skip>[\s,;—–-]*|[^,;:—–\"“”]{{0,60}}?[,;—–(]\s*)as\s+(?:(?P<by>(?:{_VERB})\s+by)\s+)?"
                       rf"(?P<who>[^,;:!?\"“”()]{{1,60}}?)(?(by)(?=\s*(?:[,;.—–)]|$))|\s+{_AUX}(?:{_VERB})\b)")


# Accented Latin letters read as their base letter, one character for one, so that the patterns
# above (written for A-Z) take "José Núñez" or "Łukasz" for a name; the text shown keeps its accents.
# (gazetteer.fold is not one for one: NFKD expands ligatures and it straightens apostrophes.)
_BASES = {c: unicodedata.normalize("NFD", c)[0] for c in map(chr, range(0xC0, 0x250))}
_FOLD = {c: base for c, base in _BASES.items() if base.isascii() and base.isalpha()}
_FOLD.update({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Æ": "A", "æ": "a", "Œ": "O", "œ": "o",
              "ß": "s", "Þ": "T", "þ": "t", "ı": "i", "Ħ": "H", "ħ": "h"})
_FOLD.update({"\u2015": "—", "\u2012": "–"})  # a horizontal bar (HuffPost's dash, "” ― Jane Roe") and a figure dash
_FOLD_TABLE = str.maketrans(_FOLD)


def find_quotes(text: str) -> list[Quote]:
    """Quotations in a story with their speakers (None when nobody can be named)."""
    return [quote for quote, _candidates in _quotes(text, True)]


def speaker_candidates(text: str) -> list[tuple[Quote, list[tuple[str, dict[str, str]]]]]:
    """Each quotation as the rules alone attribute it, with the people named around it and the features the
    speaker chooser reads: what bench/speaker_chooser.py learns the chooser's table from."""
    return _quotes(text, False)


def _quotes(text: str, choose: bool) -> list[tuple[Quote, list[tuple[str, dict[str, str]]]]]:
    if "``" in text or "''" in text or "‘‘" in text or "’’" in text:
        text = _single_marks(text)
    read = _single_quoted(text)  # the same length: what is read there is shown from `text`
    if '"' not in read and "“" not in read and "”" not in read or _foreign(read):
        return []
    folded = read.translate(_FOLD_TABLE)
    return [(Quote(" ".join(text[span.inner[0]:span.inner[1]].split()).rstrip(",").strip(),
                   _as_written(span.speaker, folded, text)),
             [(_as_written(name, folded, text) or name, features) for name, features in candidates])
            for span, candidates in _find_quotes(folded, choose)]


_PROSE_WORD = re.compile(r"\b[^\W\d_]+\b")
_SAMPLE = 1000  # characters read to tell the language: over a hundred words


def _foreign(text: str) -> bool:
    """Whether a story is in another language than English (most of its lower-case or caseless words are
    ones English news copy never writes in lower case): the rules read English, and read Indonesian or
    Portuguese pages' quotations as titles' words and their capitalised words as speakers."""
    words = [w for w in _PROSE_WORD.findall(text, 0, _SAMPLE) if not w[0].isupper()]
    if len(words) < 20:
        return False  # wire copy in capitals, a line or two: nothing to tell by
    known = lower_case_vocabulary()
    return sum(w in known for w in words) < 0.6 * len(words)


def _as_written(name: str | None, folded: str, text: str) -> str | None:
    """A speaker as the story spells it: with its accents and the stops of its initials ("Maya D. Song"),
    which the patterns read without."""
    if not name:
        return name
    at = folded.find(name)
    if at >= 0:
        return " ".join(text[at:at + len(name)].split())
    m = re.search(r"\b" + r"\.?\s+".join(map(re.escape, name.split())) + r"\b", folded)
    return " ".join(text[m.start():m.end()].split()) if m else name


_READ_BACK = 2000
_OUTLET_NOUNS = frozenset("newspaper paper daily weekly magazine journal".split())
_OUTLET_NAME = re.compile(r"\b(?P<name>(?:[A-Z][\w&'’.-]*\s+){1,3}(?:Post|Times|Journal|Herald|Tribune|Gazette|"
                          r"Daily|Chronicle|Telegraph|Guardian|Observer|Independent|Economist|Standard|Mail|Mirror|"
                          r"Express|Globe|Inquirer|Examiner|Star|Sun|Record|Bulletin|Courier|Dispatch|Magazine|"
                          r"Newsweek|Week|Review|Monitor|Shimbun|Zeitung|Spiegel|Figaro|Monde|Pravda|Izvestia)|"
                          r"(?:Newsweek|Pravda|Izvestia|Time|Forbes|Fortune|Variety|Politico|Axios))\b")
_GOES_ON = re.compile(r"(?:[Ii]t|[Tt]he\s+(?P<noun>[a-z]+))")


def _goes_on(who: str, before: str, paragraphs: int, resolver: _Resolver) -> bool:
    """Whether "it" or "the department", which the story names no one for, is the organisation that spoke
    the quotation before ("State Department"): not a person, and of that kind for a noun; or whether "he"
    or "she", with no one named to be, is the person described who spoke before ("official")."""
    last = before.split()[-1]
    if _one_of_group(who):
        return False  # "…,” one said.: one of a group, never the one who spoke before
    if who.strip().lower() in ("he", "she"):  # "The official said … “…,” he said. … He said …, “…,” he said."
        gender = "m" if who.strip().lower() == "he" else "f"
        return paragraphs <= 4 and last.islower() and last in PERSON_NOUNS and not last.endswith("s") \
            and _GENDERED.get(last, gender) == gender
    if who.strip(" .,").lower() == "it" and paragraphs <= 1 and resolver.speaks_as_it(before):
        return True  # "“…,” Berliner Zeitung said. “…,” it added.": the paper goes on, whatever list holds its name
    m = _GOES_ON.fullmatch(who.strip())
    if not m or paragraphs > 1 or before in resolver.people.people or last.islower():
        return False  # a person, or a description ("Dutch spokesman"): "it" is no one of them
    noun = m.group("noun")
    return noun is None or noun == last.lower() or (noun in _ORG_NOUNS and last in _ORG_NOUNS[noun])


def _find_quotes(text: str, choose: bool = True) -> list[tuple[_Span, list[tuple[str, dict[str, str]]]]]:
    paragraphs = _paragraphs(text)
    spans = _spans(text, paragraphs)
    if not spans:
        return []
    masked = _mask(text, spans)
    resolver = _Resolver(text, masked, spans)
    sentence_index = _Sentences(masked, paragraphs)
    resolver.people.sentences = sentence_index
    out: list[tuple[_Span, str]] = []
    previous: _Span | None = None
    for i, span in enumerate(spans):
        p_start, p_end = paragraphs[span.para]
        sentences = sentence_index.of(span.para)
        # A sentence is read back at most _READ_BACK characters: an attribution is never further, and a
        # run-on "sentence" of hundreds of quotations (a table, a transcript) stays linear to read.
        s_start = max([a for a, _b in sentences if a <= span.start] + [p_start, span.start - _READ_BACK])
        close_sentence_end = min([b for _a, b in sentences if b >= span.end] or [p_end])
        prev_end = max([s.end for s in spans[:i] if s.para == span.para and s.end <= span.start] or [p_start])
        before = masked[max(s_start, prev_end):span.start]
        nxt = next((s.start for s in spans[i + 1:] if s.para == span.para), p_end)
        after = masked[span.end:min(close_sentence_end, nxt)] if not span.open_end else ""
        inner = " ".join(text[span.inner[0]:span.inner[1]].split()).strip()
        attributed, speaker, said_by = False, None, ""
        # After a quote ending a sentence ("… lost.” Rubio called it …), a new sentence starts.
        new_sentence = inner.endswith(".") and re.match(r"\s*[A-Z]", after)
        passive = bool(_PASSIVE.search(before))
        what = _WHAT_CALLED.search(before)  # "under what Mr. Hedge called “…”, the club …": Hedge's words
        # "…,” Trump said: “…”" introduces the next quotation, not this one
        who = what.group("who") if what else _after_attribution(_undotted(after), passive) \
            if after.strip() and not new_sentence and not re.fullmatch(r"[\s,]*[^,]{1,60}:\s*", after) else None
        if not who and not span.open_end and (new_sentence or not after.strip()) and inner.endswith((".", "?", "!")) \
                and re.search(r"\b(?:said|says|added|told\s+\w+)[,:]\s*$", before) and _before_attribution(before)[1]:
            pass  # "Foley said, “…” President Reagan has said he will veto …": the adjacent attribution before it
        elif not who and not span.open_end and (new_sentence or not after.strip()):
            # "…?” Clinton asked. / "… missing.” Trump said.": a short sentence that only attributes.
            following = [b for a, b in sentences if a >= span.end - 1 and b > span.end]
            stop = min([following[0] if following else p_end, nxt])
            following_text = _undotted(masked[span.end:stop])
            # "…candidate.” Romney fired back, attacking Trump for “…”": that sentence is the next quote's
            who = _short_attribution(following_text) if stop < nxt or nxt == p_end else None
            if not who and inner.endswith(("?", "!")) and _LEADING_SPEAKER.match(following_text):
                who = _after_attribution(following_text)  # "…?” Trump told ITV in an interview aired …"
        if who:
            attributed, speaker = resolver.speaker(said_by := who, span.start, s_start)
        turn = _TURN.match(inner) if ":" in inner[:40] else None
        if turn:  # "“RAMOS: Secretary Clinton, …”": a transcript's turn, a name the story gives or a full one
            name = _strip_name(turn.group(1).title() if turn.group(1).isupper() else turn.group(1))[0]
            name = resolver.people.full(name) if name else ""
            rest = inner[turn.end(1) + 1:].split()
            titled = sum(1 for w in rest if w[:1].isupper()) * 2 > len(rest)  # "Crippled America: How to Make …"
            if name in resolver.people.people and not titled and _plausible_speaker(name):
                attributed, speaker = True, name
            elif turn.group(1).isupper() and not titled:
                attributed, speaker = True, None  # a turn of someone the story does not name otherwise
        if not attributed or (speaker is None and not turn):  # "“…” His delegation hoped …, he added." names
            # no one: ", he said, “…”" before it may
            attributed_after = attributed
            before_all = masked[s_start:span.start]
            who = None
            if prev_end > s_start and _COORDINATED.match(before):  # "X accuses … “A” and Y says he is “B”"
                who, _adjacent = _before_attribution(_COORDINATED.sub("", before, count=1))
            elif prev_end > s_start and re.match(r"\s*[A-Z]", before) and re.search(r"[.!?]\W*$", text[:prev_end]):
                who, _adjacent = _before_attribution(before)  # "…in.” Eva Schultheis posted: “…”": a new sentence
            if not who:
                who, _adjacent = _before_attribution(before_all if prev_end > s_start else before)
            addressed = _ADDRESSED_IN_CLAUSE.search(before) if who and inner[:1].isupper() else None
            if addressed:  # "Audience members laughed when he urged voters, “Look …”": his words, not theirs
                who = addressed.group("who")
            if who:
                found = resolver.speaker(who, span.start, s_start)
                if not attributed_after or found[1]:
                    attributed, speaker = found
                    said_by = who
        if not attributed and not span.open_end and (dash := _DASH_ATTRIBUTION.match(after or masked[span.end:nxt])) \
                and dash.group("who").split()[0] not in FUNCTION_WORDS:  # "…" - Bernie Sanders. / "…" —President Obama,
            attributed, speaker = resolver.speaker(dash.group("who"), span.start, s_start)
        if not attributed and not span.open_end and span.para + 1 < len(paragraphs) \
                and not masked[p_start:span.start].strip(" \t“”\"'") and not masked[span.end:p_end].strip(" \t.,"):
            # a quotation alone as its paragraph, signed in the next one: "“…”" then "– Bernie Sanders." / "– Ali***"
            signed = _SIGNATURE.fullmatch(masked, *paragraphs[span.para + 1])
            if signed and signed.group("who").split()[0] not in FUNCTION_WORDS:
                who = signed.group("who")
                attributed, speaker = (True, who) if "*" in who else resolver.speaker(who, span.start, s_start)
        if not attributed and previous is not None and re.fullmatch(
                r"\s*(?:Adding|Saying|Continuing|Noting|Explaining|Concluding)\b[^.]{0,40}?[,:]?\s*", masked[s_start:span.start]):
            attributed, speaker = True, previous.speaker  # "… he said. Adding, “…”"
        if not attributed and span.continues and previous is not None:
            attributed, speaker = previous.attributed, previous.speaker
        if not attributed and (re.search(r"[:—–]\s*$", before) or (before.strip() and not after.strip())):
            named = _NAME_BEFORE_COLON.search(before)
            if named and _OBJECT_BEFORE.search(before, 0, named.start()):
                named = None  # "McConnell delivered a blunt message to Trump: “…”": Trump is addressed
            who = named.group(1) if named else _sentence_subject(masked[s_start:span.start])  # "Clinton: “…”"
            if who:
                attributed, speaker = resolver.speaker(said_by := who, span.start, s_start)
            if not speaker and re.search(r"[:—–]\s*$", before):  # "When Trump finally wrapped up — “…”"
                named_here = [n for p, _e, n in resolver.people.mentions if s_start <= p < span.start]
                if named_here:
                    attributed, speaker = True, named_here[-1]
        if attributed and speaker is None and previous is not None and previous.speaker \
                and _goes_on(said_by, previous.speaker, span.para - previous.para, resolver):
            speaker = previous.speaker  # "…,” the department said. “…,” it added: the department again
        span.attributed, span.speaker = attributed, speaker
        runs_on = span.continues or (span.open_end and i + 1 < len(spans) and spans[i + 1].continues)  # over paragraphs
        if not _is_speech(inner, attributed or runs_on
                          or _CUE_NEARBY.search(masked, s_start, close_sentence_end) is not None):
            continue
        embedded = bool(masked[s_start:span.start].strip(" \t\n“”\"'‘’([—–-"))
        if not attributed and embedded:  # words quoted inside narration: the sentence's subject speaks
            inner_clause = _SUBORDINATE_SUBJECT.search(masked, s_start, span.start)
            # "… long before White House officials started to portray it as a “workplace” issue": the clause
            # that runs on to the quote has a subject of its own; not a place ("after Ohio eliminated what
            # had been called the “…”")
            who = inner_clause.group("who") if inner_clause else None
            if who and inner_clause.group("verb")[:-1] in PERSON_NOUNS:
                who = f"{who} {inner_clause.group('verb')}"  # "White House officials", not a verb "officials"
            elif who and _is_place(who):
                who = None
            who = who or _sentence_subject(masked[s_start:span.start])
            span.speaker = resolver.speaker(who, span.start, s_start)[1] if who else None
            if not span.speaker and previous is not None and previous.para == span.para and previous.attributed \
                    and all(name == previous.speaker for p, _e, name in resolver.people.mentions if s_start <= p < span.start):
                span.speaker = previous.speaker  # "“…,” he said. There could be dangers “if …”": still his words
        elif not attributed and previous is not None and span.para == previous.para and previous.speaker:
            span.speaker = previous.speaker  # "A," he said. "B."
        elif not attributed and (introduced := _introduced_by(masked, sentences, s_start, p_start, resolver)):
            span.speaker = introduced  # "Bystrom agreed. “…”": the sentence before, in the same paragraph
        elif not attributed and previous is not None and span.para - previous.para <= 1 and previous.speaker:
            span.speaker = previous.speaker  # a bare quote in the paragraph after an attributed one
        elif not attributed and span.para > 0:
            span.speaker = _paragraph_subject(masked, paragraphs[span.para - 1], resolver)
            narration = masked[slice(*paragraphs[span.para - 1])]
            if span.speaker is None and previous is not None and span.para - previous.para == 2 and previous.speaker \
                    and previous.attributed and not _verbs_in(narration):
                span.speaker = previous.speaker  # a bare quote after one paragraph of narration that quotes no one
        span.sentence = s_start
        out.append((span, inner.rstrip(",").strip()))
        previous = span
    # A quote over several paragraphs: parts before the attribution take its speaker too; so do the
    # unattributed quotes of a sentence whose last quote is attributed (“A” and “B,” Dean said).
    for k in range(len(out) - 2, -1, -1):
        span, nxt = out[k][0], out[k + 1][0]
        if nxt.continues and nxt.para == span.para + 1 and span.open_end and not span.attributed and nxt.speaker:
            span.speaker = nxt.speaker
        elif nxt.sentence == span.sentence and nxt.para == span.para and not span.attributed and nxt.attributed:
            span.speaker = nxt.speaker
    _echoes(out, {id(span) for span, _inner in out if not masked[paragraphs[span.para][0]:span.start].strip()
                  and not masked[span.end:paragraphs[span.para][1]].strip(" \t\n.,")})
    kept = [span for span, inner in out if inner]
    counts = Counter(name for _p, _e, name in resolver.people.mentions)  # how often each person is named
    if not choose:  # the rules' answers and every quote's candidates, to learn the chooser from
        return [(span, _candidates(span, kept, paragraphs, masked, resolver, counts)) for span in kept]
    for span in kept:
        if span.speaker is None:  # nobody the rules name: the likeliest person of its paragraph, if likely enough
            span.speaker = _choose(_candidates(span, kept, paragraphs, masked, resolver, counts))
    return [(span, []) for span in kept]


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    """A count as the first edge it does not pass ("1", "3", "4+"): the chooser's features are categories."""
    return next((str(e) for e in edges if n <= e), f"{edges[-1] + 1}+")


def _candidates(span: _Span, kept: list[_Span], paragraphs: list[tuple[int, int]], masked: str,
                resolver: _Resolver, counts: Counter[str]) -> list[tuple[str, dict[str, str]]]:
    """The people named in a quote's paragraph before it, each with what the chooser weighs: where and how
    recently against the quote, whether the person speaks elsewhere in the story, how often named.
    (Names of the paragraph before, or after the quote, were tried: on train they turned more wrong than right.)"""
    p_start = paragraphs[span.para][0]
    sentence = span.sentence if span.sentence >= 0 else p_start
    near = [(p, name) for p, _e, name in resolver.people.mentions if p_start <= p < span.start]
    if not near:
        return []
    recency = list(dict.fromkeys(name for _p, name in reversed(near)))
    spoke = {s.speaker for s in kept if s.attributed and s.speaker and s is not span}
    earlier = [s.speaker for s in kept if s.end <= span.start and s.speaker]
    embedded = bool(masked[sentence:span.start].strip(" \t\n“”\"'‘’([—–-"))
    words = len(masked[span.inner[0]:span.inner[1]].split())
    out: dict[str, dict[str, str]] = {}
    for p, name in reversed(near):
        if name in out:
            continue
        opens = not masked[max(p_start, p - 3):p].strip() \
            or bool(re.search(r"[.!?][\"”’']?\s+$", masked[max(0, p - 4):p]))  # a sentence's first words
        out[name] = {"where": "sentence" if p >= sentence else "paragraph",
                     "rank": _bucket(recency.index(name) + 1, (1, 2)),
                     "spoke": "yes" if name in spoke else "no",
                     "last": "yes" if earlier and earlier[-1] == name else "no",
                     "count": _bucket(counts[name], (1, 3)),
                     "subject": "yes" if opens else "no",
                     "attributed": "yes" if span.attributed else "no",
                     "embedded": "yes" if embedded else "no",
                     "length": _bucket(words, (4, 12)),
                     "people": _bucket(len(recency), (1, 2)),
                     "words": _bucket(len(name.split()), (1, 2))}
    return list(out.items())


CHOOSER_TABLE = Path(__file__).resolve().parent.parent / "data" / "speaker_chooser.json"


@lru_cache(maxsize=1)
def _chooser_table() -> dict:
    """The chooser's naive Bayes log-probabilities, learnt from PolNeAR train (bench/speaker_chooser.py)."""
    import json

    return json.loads(CHOOSER_TABLE.read_text(encoding="utf-8"))


def chooser_probability(features: dict[str, str], table: dict | None = None) -> float:
    """How likely the chooser finds a candidate to be the speaker (naive Bayes over its features)."""
    table = table or _chooser_table()
    score = {}
    for label, prior in table["priors"].items():
        score[label] = prior + sum(table["features"].get(f"{name}={value}", {}).get(label, table["unseen"][label])
                                   for name, value in features.items())
    top = max(score.values())
    total = sum(math.exp(v - top) for v in score.values())
    return math.exp(score["right"] - top) / total


def _choose(candidates: list[tuple[str, dict[str, str]]]) -> str | None:
    """The candidate the chooser finds likeliest to have spoken, when it is likely enough."""
    if not candidates:
        return None
    table = _chooser_table()
    name, probability = max(((name, chooser_probability(f, table)) for name, f in candidates), key=lambda c: c[1])
    return name if probability >= table["threshold"] else None


# A subordinate clause with a subject of its own that runs on to the quote: "after Clinton refused to say …"
_SUBORDINATE_SUBJECT = re.compile(r"\b(?:when|after|as|while|because|before|until|once)\s+(?P<who>he|she|[A-Z][\w’'-]*"
                                  r"(?:\s+[A-Z][\w’'-]*){0,3})\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]{3,}(?:ed|s))\b[^.;:!?—–]{0,80}?[\s,]*$")
# A subordinate clause whose verb addresses someone right before a quoted sentence: "when he urged voters, “Look …”"
_ADDRESSED_IN_CLAUSE = re.compile(r"\b(?:when|as|after|while|before)\s+(?P<who>he|she|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})"
                                  r"\s+(?:[a-z]+ly\s+)?[a-z]{3,}ed(?:\s+[a-z]+){0,3},\s*$")
# A transcript's turn quoted whole: "“Chris Matthews: Seriously, …”", "“RAMOS: Secretary Clinton, …”"
_TURN = re.compile(rf"((?:{_WORD})(?:\s+(?:{PARTICLES}\s+)?(?:{_WORD})){{0,3}}|[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+)?):\s+\S")


def _echoes(out: list[tuple[_Span, str]], alone: set[int]) -> None:
    """A quoted fragment nobody is named for that repeats words of a longer, attributed quotation of
    the story (a lead quoting a phrase the body gives in full) takes that quotation's speaker; so does
    a quotation standing alone as a paragraph (a web page's pull quote), whoever spoke before it."""
    said = [(f" {' '.join(_WORDS.findall(inner.lower()))} ", span.speaker) for span, inner in out
            if span.attributed and span.speaker]
    for span, inner in out:
        words = _WORDS.findall(inner.lower())
        capitals = sum(1 for w in inner.split() if w[:1].isupper())
        if span.speaker and (span.attributed or id(span) not in alone):
            continue  # named, or guessed from the narration around it
        if not words or not any(len(w) >= 4 for w in words) or capitals * 2 > len(words):
            continue  # a name or title ("Gang of Eight") is no echo of anyone's words
        fragment = f" {' '.join(words)} "
        speakers = {who for text, who in said if fragment in text and len(text) > len(fragment)}
        if len(speakers) == 1:
            span.speaker = speakers.pop()


_WORDS = re.compile(r"\w+")


def _introduced_by(masked: str, sentences: list[tuple[int, int]], s_start: int, p_start: int,
                   resolver: _Resolver) -> str | None:
    """Who the narration sentence right before a quote, in the same paragraph, says is speaking
    ("Bystrom agreed.", "Cruz tweeted a warning.", "Lynch announced the lawsuit on Monday.")."""
    before = [(a, b) for a, b in sentences if b <= s_start and a >= p_start]
    if not before:
        return None
    a, b = before[-1]
    sentence = masked[a:b]
    if "_" in sentence:
        return None  # a quotation itself, not narration
    who, _adjacent = _before_attribution(sentence)
    if not who:
        return None
    return resolver.speaker(who, b, a)[1]


_ROUGH_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"”’']*|$)")


def _paragraph_subject(masked: str, bounds: tuple[int, int], resolver: _Resolver) -> str | None:
    """Who speaks in a paragraph of narration ("Roberts conceded that ..."), for a bare quote after it:
    the subject of the main verb of saying of its last sentence that has one ("Carter said that critics
    had been predicting …" is Carter's), else of its last verb of saying."""
    para = masked[bounds[0]:bounds[1]]
    # Sentences by their end marks (titles' stops blanked): cheaper than Punkt, good enough to find
    # the last one that reports someone's words.
    sentences = [(bounds[0] + m.start(), bounds[0] + m.end()) for m in _ROUGH_SENTENCE.finditer(_undotted(para))]
    for a, b in reversed(sentences):
        sentence = masked[a:b]
        if "_" in sentence or not any(_verb_use(sentence, m) for m in _verbs_in(sentence)):
            continue  # a quotation (blanked), or narration that reports nobody's words
        who, _adjacent = _verb_attribution(sentence)
        if who:
            named = re.search(rf"\b{re.escape(who.split()[-1])}\b", sentence)
            return resolver.speaker(who, a + (named.end() if named else 0), a)[1]
        break
    if para.rstrip().endswith(":"):  # "Stated Stone:" / "Trump told the crowd:" / "Here is what Smith wrote:"
        named = _NAME_COLON_END.search(para)
        who = named.group(1) if named else None
        if not who:
            last_sentence = para[max([0] + [m.end() for m in re.finditer(r"[.!?]\s+", para.rstrip())]):]
            who = _sentence_subject(last_sentence)
        if who:
            return resolver.speaker(who, bounds[1], bounds[0])[1]
    last = None
    for m in _verbs_in(para):
        if _verb_use(para, m):
            last = m
    if last is None:
        return None
    who = _subject(para[:last.start()])
    if not who:
        return None
    _attributed, speaker = resolver.speaker(who, bounds[0] + last.start(), bounds[0])
    return speaker
