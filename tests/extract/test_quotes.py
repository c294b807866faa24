"""Quotations and speakers on small hand-made cases, one group per failure class of issue 12."""
from __future__ import annotations

import pytest

from searchkit.extract.quotes import FUNCTION_WORDS, TIME_WORDS, find_quotes


def pairs(text):
    return [(q.text, q.speaker) for q in find_quotes(text)]


def speakers(text):
    return [q.speaker for q in find_quotes(text)]


def test_curly_quote_with_titled_speaker_and_glued_sentences():
    text = ("Fighting erupted.“The enemy has entered the city, all the districts have fallen,” "
            "Badghis Governor Hessamuddin Shams told reporters.The end.")
    assert pairs(text) == [("The enemy has entered the city, all the districts have fallen", "Hessamuddin Shams")]


def test_straight_quotes_across_wrapped_lines_and_pronoun():
    text = ('Treasury Secretary James Baker spoke.\n    "If you start taxing markets, it could\nimpair '
            'their efficiency," Baker said.\n    "The problem is not that we are undertaxed," he told reporters.')
    assert pairs(text) == [("If you start taxing markets, it could impair their efficiency", "James Baker"),
                           ("The problem is not that we are undertaxed", "James Baker")]


def test_said_before_and_split_quote():
    text = ('Dole said, "If you are going to trade you have to be competitive."\n'
            '    "Be careful," he warned, "there is not as much coffee in the world as they say."')
    got = pairs(text)
    assert got[0] == ("If you are going to trade you have to be competitive.", "Dole")
    assert got[1] == ("Be careful", "Dole")
    assert got[2][1] == "Dole"


def test_scare_quotes_and_titles_are_not_speech():
    text = ('The "triple witching hour" falls four times a year. He read "War and Peace" twice. '
            'Its “forever war” went on.')
    assert find_quotes(text) == []


def test_attributed_fragments_are_quotes_of_their_speaker():
    text = 'Ms Carter called the plan “reckless”. Rivals said it was “a gift to the opposition”.'
    assert pairs(text)[0] == ("reckless", "Carter")


def test_nested_single_quotes_stay_inside():
    text = '“They called it ‘a disaster’ and we agree with them,” said Maria Lopez.'
    assert pairs(text) == [("They called it ‘a disaster’ and we agree with them", "Maria Lopez")]


def test_unnamed_spokesman_and_according_to():
    text = ('An American Motors spokesman said the board met.\n'
            '    "I suspect there will be several more meetings after this," the spokesman said.\n'
            '    "The plan is simply not going to work for us," according to John Smith.')
    assert pairs(text) == [("I suspect there will be several more meetings after this", "American Motors spokesman"),
                           ("The plan is simply not going to work for us", "John Smith")]


def test_no_speaker_when_nobody_is_named():
    text = '"We expect demand to stay weak for the rest of the year," the company said.'
    assert pairs(text) == [("We expect demand to stay weak for the rest of the year", None)]


# -- he / she: the person just named, whose gender fits ------------------------------------------
def test_pronoun_is_the_person_just_named_not_the_last_quoted():
    text = ('“The budget is balanced,” said Anna Berg.\n\nLater, Peter Holt spoke to his staff in Leeds. '
            '“We need more money for the schools,” he said.')
    assert speakers(text) == ["Anna Berg", "Peter Holt"]


def test_pronoun_skips_a_person_of_the_other_gender():
    text = ('Helen Marsh met Tom Baker at his office on Monday. '
            '“We will not give up on the bridge,” she said. “Nor will we,” he replied.')
    assert speakers(text) == ["Helen Marsh", "Tom Baker"]


def test_gender_from_titles():
    text = 'Mrs Grey and Mr Hunt met the mayor. “It went well for the town,” he said.'
    assert speakers(text) == ["Hunt"]


# -- descriptions: the person referred to, else the description ---------------------------------
def test_descriptions_resolve_to_the_person_named():
    text = ('Defender John Terry was booked in the second half.\n\n'
            '“I never touched him, I went for the ball,” the defender said.\n\n'
            'Jane Roe, 30, won the race for the second time.\n\n'
            '“It was the hardest race of my life,” the 30-year-old said.\n\n'
            'Foreign Secretary Alan Marsh flew to Rome.\n\n'
            '“We expect an agreement by Friday,” the foreign secretary said.')
    assert speakers(text) == ["John Terry", "Jane Roe", "Alan Marsh"]


def test_age_and_nationality_description():
    text = ('Luc Moreau, 55, finished fourth in the final stage.\n\n'
            '“My legs were gone on the last climb,” the 55-year-old Frenchman said.')
    assert speakers(text) == ["Luc Moreau"]


def test_unresolved_description_is_kept():
    text = '“We are reviewing the case carefully,” a Home Office spokesman said.'
    assert speakers(text) == ["Home Office spokesman"]


# -- titles and initials, short forms --------------------------------------------------------------
@pytest.mark.parametrize("text, speaker", [
    ('Mr Letwin said: “We have a plan for the whole country.”', "Letwin"),
    ('Dr Fox said: “We have a plan for the whole country.”', "Fox"),
    ('Mr R. Sridharan said: “We have a plan for the whole country.”', "R. Sridharan"),
    ('Dame Sarah Hill said: “We have a plan for the whole country.”', "Sarah Hill"),
    ('Prof Ian Dunn said: “We have a plan for the whole country.”', "Ian Dunn"),
    ('Governor Ann Lee said: “We have a plan for the whole country.”', "Ann Lee"),
    ('“We have a plan for the whole country,” said Sir Keith Moss.', "Keith Moss"),
    ('“We have a plan for the whole country,” Miss Jo Price told the BBC.', "Jo Price"),
    # wire copy's capitalised roles before a name: the person, not "Treasurer Paul Keating"
    ('Treasurer Paul Keating said: “We have a plan for the whole country.”', "Paul Keating"),
    ('Investor Carl Hoyle said: “We have a plan for the whole country.”', "Carl Hoyle"),
    ('Under Secretary for Economic Affairs Allen Wallis said: “We have a plan.”', "Allen Wallis"),
    ('The director of the Office of Management and Budget James Miller warned of taxes.\n\n'
     '“It is a bad idea,” he said.', "James Miller"),
    ('The chairman of General Motors Roger Smith said: “We have a plan.”', "Roger Smith"),
    ('“We have a plan for the whole country,” General Motors said.', "General Motors"),
])
def test_titles_are_dropped_initials_kept(text, speaker):
    assert speakers(text) == [speaker]


def test_later_short_forms_become_the_full_name():
    text = ('Gordon Blake opened the debate on Tuesday.\n\n'
            '“Taxes will not rise,” Mr. Blake said.\n\n“Not this year, not next year,” Blake added.')
    assert speakers(text) == ["Gordon Blake", "Gordon Blake"]


# -- quotes over several paragraphs ---------------------------------------------------------------
def test_quote_running_over_paragraphs_curly():
    text = ('The minister, Carol Dean, said: “The first part of our plan is to build homes.\n\n'
            '“The second part is to train the builders we need.\n\n'
            '“The third part is to pay for it all.”\n\nThe meeting ended at noon.\n\n'
            '“It was a good meeting,” said Bob Hale.')
    assert pairs(text) == [("The first part of our plan is to build homes.", "Carol Dean"),
                           ("The second part is to train the builders we need.", "Carol Dean"),
                           ("The third part is to pay for it all.", "Carol Dean"),
                           ("It was a good meeting", "Bob Hale")]


def test_quote_running_over_paragraphs_straight_attribution_at_the_end():
    text = ('"We opened the first clinic in May.\n\n'
            '"The second one opens in June, and the third after that," said Nora Vance.\n\n'
            'Critics were not convinced by the plan at all.')
    assert pairs(text) == [("We opened the first clinic in May.", "Nora Vance"),
                           ("The second one opens in June, and the third after that", "Nora Vance")]


def test_quote_running_over_lines_of_web_text():
    filler = "and the reporters who had waited all afternoon outside the building heard the statement " * 2
    text = (f'The coach, Ray Stone, spoke to them {filler}. He said: "We played well in the first half.\n'
            f'"After the break we lost our shape and {filler}."\n'
            f'Narration resumes here, with no quotation at all, {filler}.')
    got = pairs(text)
    assert [s for _t, s in got] == ["Ray Stone", "Ray Stone"]
    assert not any("Narration" in t for t, _s in got)


# -- junk speakers -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    'But Parry said: “We will appeal against the ruling.”',
    'On Friday the club said: “The manager has left the club by agreement.”',
    'Another said: “This is a disgrace to the game and to the town.”',
    'In a statement, “We regret the delay to the programme,” the firm said.',
    'When asked, “We regret the delay to the programme,” October said.',
    'What I’m saying is “we need more time to decide”, he told reporters.',
    'All said: “We regret the delay to the programme and apologise.”',
])
def test_speakers_never_start_with_function_or_time_words(text):
    for speaker in speakers(text):
        assert speaker is None or speaker.split()[0] not in FUNCTION_WORDS | TIME_WORDS, speaker


def test_leading_conjunction_is_trimmed():
    assert speakers('But Parry said: “We will appeal against the ruling.”') == ["Parry"]


# -- doubled quotation marks of wire and archive copy ----------------------------------------------
@pytest.mark.parametrize("text, quote, speaker", [
    ("''We are in a bubble, and a lot of bad things will happen,'' Mr. Lund said.",
     "We are in a bubble, and a lot of bad things will happen", "Lund"),
    ("``We will not back down on this at all,'' said Ada Moss.", "We will not back down on this at all", "Ada Moss"),
    ("Eli Shaw called it a “lesson for the whole party’’ on Monday.", "lesson for the whole party", "Eli Shaw"),
    ("Cora Lind said, ‘‘The vote is over and we have lost it.’’", "The vote is over and we have lost it.", "Cora Lind"),
])
def test_doubled_marks_are_quotation_marks(text, quote, speaker):
    assert pairs(text) == [(quote, speaker)]


def test_apostrophes_are_not_quotation_marks():
    assert find_quotes("The players' union and the owners' group met, and Mr. Lund's plan won.") == []


# -- reporting verbs: a data table, a wider lexicon ------------------------------------------------
def test_reporting_verbs_come_from_the_data_table():
    from searchkit.extract import quotes

    assert quotes.VERBS_TABLE.is_file() and quotes.VERBS_TABLE.suffix == ".tsv"
    assert {"said", "quipped", "conceded", "tweeted"} <= quotes.SPEECH_VERBS
    assert "beamed" not in quotes.SPEECH_VERBS  # only right after a quote


@pytest.mark.parametrize("text, speaker", [
    ("“This is absolutely fantastic for the town!” beamed Donald Hartley of Madison, who came early.",
     "Donald Hartley"),
    ("“Would you raise taxes on the middle class?” Hannity pressed.", "Hannity"),
    ("“Our ideas of success are different from theirs,” agrees Michelle Stevens, 30, of Gainesville.",
     "Michelle Stevens"),
    ("“We will win this state in November,” Sandra Okafor conceded on Monday.", "Sandra Okafor"),
])
def test_verbs_after_a_quote(text, speaker):
    assert speakers(text) == [speaker]


def test_verb_that_is_also_a_noun_is_no_attribution_after_a_determiner():
    text = 'Mrs. Gale, in response to a crude sexual reference, accused him of a "penchant for sexism."'
    assert speakers(text) == ["Gale"]
    text = 'In a Facebook post after the speech, Tom Beck wrote: “I could not disagree with her more.”'
    assert speakers(text) == ["Tom Beck"]


# -- attributions before the quote: fronted, passive, possessive, coordinated ----------------------
@pytest.mark.parametrize("text, speaker", [
    ("According to Woodward, “The New York real estate world is more complex than the CIA.”", "Woodward"),
    ("Said Comey, “The thought that an error on our part is connected to this is very painful.”", "Comey"),
    ("As Michael Dell said last week in Tel Aviv, “Israel is the center of the digital future.”", "Michael Dell"),
    ("Voters are restless. As Cruz said on the radio on Monday, the race “is a dead heat right now and "
     "anyone can win.”", "Cruz"),
    ("Of course, as Joel Pollak observed, the winner was the stage itself: “The clear winner of the "
     "debate was the network that ran it.”", "Joel Pollak"),
    ("Rubio was asked by moderator Gerard Baker whether the plan would risk “adding another expensive "
     "entitlement program to the budget.”", "Gerard Baker"),
    ("The uproar over Donald Trump’s claim that Obama “founded ISIS” grew on Friday.", "Donald Trump"),
    ("In Bolton’s view, the record shows “an across-the-board failure of the administration.”", "Bolton"),
])
def test_attributions_before_the_quote(text, speaker):
    assert speakers(text) == [speaker]


def test_possessive_words_of_another_do_not_outrank_the_reporting_verb():
    text = 'Paul Ryan said Obama’s words and actions “amount to a form of intimidation that undermines liberty.”'
    assert speakers(text) == ["Paul Ryan"]


def test_coordinated_clause_speaks_for_its_own_quote():
    text = 'Ted Cruz accuses Obama of “leading from behind” and Donald Trump says he is “losing the war on terror.”'
    assert speakers(text) == ["Ted Cruz", "Donald Trump"]


def test_relative_clauses_and_leading_phrases_hold_no_main_verb():
    text = ('Zeke Emanuel, an oncologist who advised Obama on the overhaul, said it has been a success '
            '“by any stretch of any metric, especially access and cost control.”')
    assert speakers(text) == ["Zeke Emanuel"]
    text = '“The answer you’d like me to give is yes,” Cruz, who has proposed repealing the mandate, said.'
    assert speakers(text) == ["Cruz"]
    text = 'Watching Trump talk on Tuesday night about unity, Reed said: "I was struck that he was doing smart things."'
    assert speakers(text) == ["Reed"]
    text = ('Later in the show, after the interview concluded, Maher stated that the report '
            '“was not good for her at all.”')
    assert speakers(text) == ["Maher"]


def test_participle_is_no_main_verb_and_a_dash_starts_a_clause():
    text = ('The stereotype of the gruff bigot denouncing communists ignored labor history — Frank cites '
            'the union’s support for civil rights, “the union placards carried by marchers in 1963.”')
    assert speakers(text) == ["Frank"]
    text = 'The plan irritated some, with Sen. John McCain calling it a “Chinese menu.”'
    assert speakers(text) == ["John McCain"]


# -- attributions after the quote --------------------------------------------------------------
@pytest.mark.parametrize("text, speaker", [
    ("“The idea that I would dismantle health care is just not accurate.” - Bernie Sanders.", "Bernie Sanders"),
    ("“She is tested and she is ready and she never quits.” —President Obama, tweeting after the speech.",
     "Obama"),
    ("The candidate has been “extremely careless” with classified data – as described by FBI Director "
     "James Comey – critics say.", "James Comey"),
    ("“It looks like we’re not going to have a good relationship, who knows?” Trump told ITV in an "
     "interview aired on Monday when asked how ties would fare.", "Trump"),
    ("“If she thinks she can do that, she is wrong!” Mr. Trump wrote on Twitter on Monday.", "Trump"),
])
def test_attributions_after_the_quote(text, speaker):
    assert speakers(text) == [speaker]


def test_dash_after_an_attributed_quote_is_a_byline():
    text = 'Rajoy said he would "try to form a stable government."--Kim Hjelmgaard.'
    assert speakers(text) == ["Rajoy"]


def test_sentence_that_introduces_the_next_quote_does_not_attribute_the_one_before():
    text = ("Another user, Roland Zeller, wrote of the chancellor: “Your boss is still bringing them in.” "
            "Eva-Maria Schultheis posted: “She welcomed them all with open arms.”")
    assert speakers(text) == ["Roland Zeller", "Eva-Maria Schultheis"]


# -- speakers that read like names, organisations as speakers -------------------------------------
def test_junk_is_no_speaker_and_names_lose_possessive_prefixes():
    text = ('A campaign ad released Thursday showed the rally. "We will build it," CNN\'s Gloria Borger '
            'said on Monday. "It will happen," Pence Thursday said.')
    got = speakers(text)
    assert got[0] == "Gloria Borger"
    text = 'The New York Times made these allegations, and “nobody believed a word of them,” it said.'
    assert all(s is None or "made" not in s for s in speakers(text))


def test_echoed_fragment_takes_the_speaker_of_the_full_quote():
    text = ('The budget plan is “unheard of,” one lawmaker noted.\n\n'
            '“Out of fourteen candidates, a plan like this is unheard of,” Sheldon Adler said.')
    got = speakers(text)
    assert got[-1] == "Sheldon Adler"
    text2 = ('Its “forever war” went on.\n\n“We are in a forever war and nobody wants it,” Mia Cole said.')
    assert speakers(text2) == ["Mia Cole"]


@pytest.mark.parametrize("text, speaker", [
    ("CBS said it was canceling the low-rated ''Rush Hour'' after one season of poor ratings.", "CBS"),
    ("Because of how Democrats crafted the schedule, explained Rosenberg, “with this thing over by March "
     "there is a scenario where it is hard to see.”", "Rosenberg"),
    ("Asked by Glenn Thrush if Clinton “gets” race, Sharpton avoided a declarative answer.", "Glenn Thrush"),
    ('"There never was a stand-down order," said the base chief known as Bob, speaking for the first time.',
     "Bob"),
    ("Many reporters noted on Twitter the change from the usual slogan, “Make America Great Again.”",
     "reporters"),
    ("Hours later, Trump returned the compliment, telling Reuters, “Sheldon and I have been friends for a "
     "long time.”", "Trump"),
])
def test_more_attributions(text, speaker):
    assert speakers(text) == [speaker]


def test_passive_participle_is_no_attribution():
    text = ("Meg Whitman labeled Mr. Trump ''unfit to be president.'' When Mr. Thiel was revealed as a "
            "delegate, a columnist said so.")
    assert speakers(text) == ["Meg Whitman"]


def test_sentence_that_leads_into_the_next_quote_is_not_an_attribution_of_the_last():
    text = ('Early in his campaign, Trump attacked Romney, calling him “a failed candidate.” Romney fired back '
            'in March, attacking Trump for “the greed, the showing off, the absurd theatrics” of his campaign.')
    assert speakers(text) == ["Trump", "Romney"]


def test_a_mark_that_punctuation_follows_closes_the_open_quote_whatever_its_shape():
    """Spaced or reversed marks ("delays ”.", "“ Zodiaco “,") close; the narration after them is no quotation."""
    text = ("The audit found “cost increases and schedule delays ”. The report comes as lawmakers debate the budget, "
            "and the studio calls its remake “ Knights of the Sea “, made with a Tokyo partner.")
    assert [q.text for q in find_quotes(text)] == ["Knights of the Sea"]  # the first is no speech (no cue)


def test_a_story_in_another_language_has_no_quotations_but_english_and_wire_capitals_keep_theirs():
    german = ("\"Wir werden die Steuern in diesem Jahr nicht erhöhen, auch nicht im nächsten,\" sagte der "
              "Minister am Montag. Es ist nicht klar, ob die Opposition das Gesetz unterstützen wird, denn sie "
              "hat bereits angekündigt, dass sie dagegen stimmen wird und eine Klage prüft.")
    assert find_quotes(german) == []
    english = ("The government said on Monday that it would not raise taxes. \"We will not raise taxes this year "
               "or next,\" the finance minister told reporters, adding that the opposition was wrong about the "
               "plan and that the budget would be balanced by spending cuts alone.")
    assert len(find_quotes(english)) == 1
    capitals = "ACME SAID \"WE WILL NOT RAISE PRICES THIS YEAR OR NEXT,\" ITS CHAIRMAN SAID."
    assert len(find_quotes(capitals)) == 1


def test_the_place_a_person_is_from_or_in_is_not_the_speaker():
    """"Senator Ann Reed of Ohio said", "one bond trader in Tokyo said": the person, or the description, speaks."""
    assert speakers('Senate Minority Leader Ann Reed (Republican) of\nOhio said: "It was a fair speech."') == ["Ann Reed"]
    assert speakers('"It was a fair speech," said Senator Tom Vail of New Mexico.') == ["Tom Vail"]
    assert speakers('Sen. Tom Vail of New Mexico, who spoke first, called the plan "a disaster" on Monday.') \
        == ["Tom Vail"]
    assert speakers('"Yields are falling," one government bond salesman in Tokyo said.') == ["government bond salesman"]
    assert speakers('"Yields are falling," a dealer at a bank in Tokyo said.') == ["dealer"]
    # a body named after its place, and a description whose place tells which person, are left as they were
    assert speakers('"Rates will stay where they are," the Bank of England said.') == ["Bank of England"]
    assert speakers('"We won the case," the University of Texas said.') == ["University of Texas"]


def test_a_company_named_with_a_title_or_ordinal_keeps_its_whole_name():
    """"General Motors said" is General Motors, "First City said" First City: not "Motors", "City"."""
    assert speakers('General Motors said it was "eager" to keep meeting the union.') == ["General Motors"]
    assert speakers('"The company faces uncertainties," First City said.') == ["First City"]
    assert speakers('"We will appeal," said General Colin Powell.') == ["Colin Powell"]


def test_a_number_is_never_a_speaker():
    assert speakers('"We were outnumbered," Twenty-two of the miners said.') == [None]
    assert speakers('"We left early," Eleven said.') == [None]


def test_a_named_person_of_a_firm_speaks_not_the_firm():
    """"Alan Reed of Gruntal and Co said": the analyst; a body's own name ("the Bank of England") stays."""
    assert speakers('"This was a startling week," Alan Reed of Gruntal and Co said.') == ["Alan Reed"]
    assert speakers('"Rates may rise," analyst Jo Kent of Merrill Lynch and Co Inc said.') == ["Jo Kent"]
    assert speakers('"Rates may rise," an analyst of Merrill Lynch said.') == ["Merrill Lynch"]


def test_the_person_of_a_body_speaks_not_the_body():
    """"said Bank of Osaka's Tanaka", "Ann Lee of <Hill and Co>", "of broker Hill Grieve and Co": the person."""
    assert speakers('"We can open more branches," said Bank of Osaka\'s Ken Tanaka.') == ["Ken Tanaka"]
    assert speakers('"It is a fair price," Ann Lee of <Hill Goode\nand Co> told Reuters.') == ["Ann Lee"]
    assert speakers('"Reserves are large," Tom Ward of broker Hill Grieve\nand Co told Reuters.') == ["Tom Ward"]
    assert speakers('Jo Marsh, Senior Vice President of Sales for Acme, Inc., says: "Demand is strong."') \
        == ["Jo Marsh"]
    assert speakers('Rob Kay, President Zeta North America, says: "Demand is strong."') == ["Rob Kay"]
    # a body's own name with "of" in it is kept whole
    assert speakers('"Rates will fall," said the Bank of England.') != ["Bank"]


def test_a_short_form_of_a_body_or_a_title_is_the_one_named_before():
    """"the Bank said" after "the Reserve Bank said"; "the Crown Prince" after "Crown Prince Faisal bin Ali"."""
    text = ('Inflation should fall, the Reserve Bank said.\n    It was "largely due to the rand," the Bank said.')
    assert speakers(text) == ["Reserve Bank"]
    text = ('Crown Prince Faisal bin Ali met the envoy on Monday.\n    Asked about the raid, the Crown Prince, '
            'who is here on a visit, replied, "It was their duty."\n    Before meeting the envoy, the Crown Prince '
            'paid a brief call on President Ames.')
    assert speakers(text) == ["Faisal bin Ali"]


def test_a_firm_of_a_place_and_a_firm_and_its_product():
    """"The Lynx Group Inc of New York said": the firm; "Kraft said" in a story of Kraft Inc and its product."""
    text = 'In a filing, The Lynx Group Inc of New York, said it bought shares "in the ordinary course of business".'
    assert speakers(text) == ["Lynx Group Inc"]
    text = ('Kraft Inc said it disagreed with a complaint about its Kraft Singles cheese.\n'
            '    "Our advertising is truthful," Kraft said in a statement.')
    assert speakers(text) == ["Kraft"]


def test_a_document_speaks_for_its_issuer():
    text = 'The party praised the minister.\n    "The road ahead is clear," said a document issued\nby the PMDB.'
    assert speakers(text) == ["PMDB"]
    text = ('Two soldiers were killed in a crash, the US military said in a statement on Monday.\n\n'
            '"The cause is under investigation," the statement said.')
    assert speakers(text) == ["US military"]


def test_names_are_not_broken_by_initials_nicknames_tickers_or_paragraphs():
    text = ('Oliver K. Hedge, who values golf courses, said the industry had "made great strides".\n\n'
            '"A lot of clubs should have closed," Mr. Hedge said.')
    assert speakers(text) == ["Oliver K. Hedge", "Oliver K. Hedge"]
    text = '"We are better off," Commissioner James E. (Jim)\nNugent said.\n    "It is the bottom," he added.'
    assert speakers(text) == ["James E. Nugent", "James E. Nugent"]
    text = ('Carla Verdi, chairman of Zeta Spa\n<ZETA.MI>, speaking on television, said "markets will '
            'welcome the result."')
    assert speakers(text) == ["Carla Verdi"]
    text = ('"It was the best," wrote a friend. — Neil Marr\n\nBut the books were only the start, '
            'she said. "I cannot believe it," she said.')
    assert "Neil Marr But" not in speakers(text)


def test_things_and_places_named_are_no_people():
    """"a Go-Kart Track", "The Only Money You Will Ever Need", "North Manchester, Indiana", "Officials said",
    "the National Association for Technical Research": none of them is the "he" or "she" who speaks."""
    text = ('Reporters spoke to one mother, whose son posed as a Go-Kart Track online. '
            '"I am ahead of other parents," she said.')
    assert speakers(text) != ["Go-Kart Track"]
    text = ('Jane Starr lives in a retirement home in North Manchester, Indiana. She gave me an address. '
            '"I cannot believe it," she said.')
    assert speakers(text) == ["Jane Starr"]
    text = ('Speaking to a meeting of the National Association for Technical Research, Prime Minister Jacques '
            'Morel said funds would rise.\n    "We will decide shortly," he said.')
    assert speakers(text) == ["Jacques Morel"]


def test_she_walks_back_past_a_sentence_about_her():
    """"…, she was more nervous than Rose-Lynn Harlan has ever been. “…,” she said": the she before Rose-Lynn."""
    text = ('Jane Steen had spent years on her own dream. And despite her fame, she was more nervous '
            'than Rose Harlan has ever been. "It was terrifying," she said.')
    assert speakers(text) == ["Jane Steen"]
    text = ('On his campaign website, Carlos Lopez promises to end the plan. He told a reporter it was '
            '"getting better and better."')
    assert speakers(text) == ["Carlos Lopez"]


def test_a_described_spokesman_and_tidy_names():
    text = ('Exporters want more permits, a spokesman for one of Spain\'s major sunflower oil producers said.\n'
            '    He told Reuters the government was holding back.\n'
            '    "They are keeping prices down," he said.')
    assert speakers(text) == ["sunflower oil producers spokesman"]
    assert speakers('"Local news is in trouble," said veteran industry analyst Ken Doctor.') == ["Ken Doctor"]
    assert speakers('"We will win here," the New Hampshire Republican said.') == ["New Hampshire Republican"]
    assert speakers('"We were fined," a Hitachi Ltd <HIT.T> spokesman said.') == ["Hitachi Ltd spokesman"]
    assert speakers('China\'s ambassador to Britain warned that Beijing "will not sit on our hands".') \
        == ["China's ambassador"]
    # someone known by whose they are reads as such: not "Mary Steenburgen son", "Donald Trump campaign"
    assert speakers('Mary Steenburgen starred in it. "It was fun," Steenburgen\'s son said.') == ["Mary Steenburgen's son"]
    assert speakers('Donald Trump spoke. "We won," Trump\'s campaign said.') == ["Donald Trump's campaign"]


def test_firms_are_no_he_and_a_later_description_finds_the_one_introduced():
    """"CityBank's purchase … from Sears Roebuck company. “…,” he said": the banker named before, not a firm;
    "the senior ministry official said" after "A Finance Ministry official who …": that official."""
    text = ('"Competition is tough," Joseph Pinola said, noting CityBank\'s purchase of branches from Sears '
            'Roebuck company. "CityBank is moving fast," he said.')
    assert speakers(text) == ["Joseph Pinola", "Joseph Pinola"]
    text = ('Treasury Secretary James Baker spoke on Sunday.\n    A Finance Ministry official who took part in the '
            'talks said the accord stood.\n    "That is why Baker added it," the senior ministry official said.')
    assert speakers(text) == ["Finance Ministry official"]
    text = ('Secretary James Baker went out of his way to calm markets with a statement, and French Finance '
            'Minister Edouard Balladur underscored '
            'that by saying: "I do not believe the Americans want a weaker dollar."')
    assert speakers(text) == ["Edouard Balladur"]
