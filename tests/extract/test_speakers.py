"""Speakers of quotations, one test per mechanism added for issue 12's speaker target (written from
the failure classes seen on PolNeAR train; the sentences are made up here, in the style of news)."""
from __future__ import annotations

from searchkit.extract.quotes import find_quotes


def said(text: str) -> dict[str, str | None]:
    """Each quotation's first words -> its speaker."""
    return {" ".join(q.text.split()[:3]): q.speaker for q in find_quotes(text)}


def test_nested_quote_closing_with_doubled_marks():
    text = "''I would call it 'a reset,''' said Laura Benning, a county chairwoman. ''Nothing more.''"
    assert said(text)["I would call"] == "Laura Benning"


def test_bare_quote_paragraph_takes_the_main_verb_of_the_paragraph_before():
    text = ("Admiral Ruth Okafor said that for years analysts had been predicting a pullback from the "
            "Pacific, but that it would not come.\n\n"
            "“This region remains the most consequential for our security and our prosperity.”")
    assert said(text)["This region remains"] == "Ruth Okafor"


def test_a_name_addressed_before_a_colon_is_not_the_speaker():
    text = ("Senate Majority Whip Dana Kell, R-Ohio, sent a sharp message to Trump: \"Stop attacking the "
            "people you beat and get back on message.\"")
    assert said(text)["Stop attacking the"] == "Dana Kell"


def test_a_surname_that_is_also_a_title_after_an_honorific():
    text = ("Lena Prince, chief executive of Arbor Labs, a Boston company, said the figures were sound.\n\n"
            "“We will not be rushed into a sale,” Ms. Prince said.")
    assert said(text)["We will not"] == "Lena Prince"


def test_a_title_that_is_a_surname_alone_as_the_subject():
    text = ("Marion King won four titles in the 1970s. King says the champion “never stopped training, "
            "not even at Christmas.”")
    assert said(text)["never stopped training,"] == "Marion King"


def test_a_quote_mark_glued_to_a_colon_opens_a_quotation():
    text = 'Rep. Alan Brooks (R-Ga.):"Who told you that figure? Nobody in this building ever did."'
    assert said(text)["Who told you"] == "Alan Brooks"


def test_a_verb_inside_a_compound_noun_is_no_attribution():
    text = ("Radio talk host Ben Moss used his show Monday to praise what he described as the "
            "“brilliant” choice of running mate.")
    assert said(text)["brilliant"] == "Ben Moss"


def test_a_place_closing_a_leading_phrase_is_not_the_subject():
    text = ("At a town hall in Ames, Iowa, on Sunday, Mrs. Ortega tried to clarify her answer, saying that "
            "the country should be ''leading our allies, not following them.''")
    assert said(text)["leading our allies,"] == "Ortega"


def test_a_participle_after_a_quotes_attribution_takes_its_speaker():
    text = ("The director cannot claim that “from his point of view,” Walsh added, saying it should be "
            "“up to the prosecutors to decide.”")
    assert said(text)["up to the"] == "Walsh"
    text = ("''It is one of those things you know when you see,'' said Senator Tom Ridley, adding that he "
            "did not think the party ''will ever get there.''")
    assert said(text)["will ever get"] == "Tom Ridley"


def test_a_description_after_said_gives_way_to_the_name_apposed_to_it():
    text = ("''He was always the peacemaker in that house,'' said his oldest friend at college, Mark "
            "Delaney, who shared a room with him for three years.")
    assert said(text)["He was always"] == "Mark Delaney"


def test_a_description_is_cut_before_what_qualifies_it():
    text = ('"If she loses both states, the money will dry up fast," said one senior Democrat familiar '
            "with the campaign's finances, who asked not to be named.")
    assert said(text)["If she loses"] == "senior Democrat"


def test_a_verb_of_saying_used_as_a_noun_after_a_determiner():
    text = ("The governor spoke first.\n\n"
            "Mayor Ellen Tran delivered a sharp retort: \"Nobody is cutting anything. We are moving ahead.\"")
    assert said(text)["Nobody is cutting"] == "Ellen Tran"


def test_a_naming_verb_before_a_title_is_no_attribution():
    text = ("Dr. Hal Simmons, a retired surgeon, is running for the nomination.\n\n"
            "Later on Sunday, Simmons shared the outline of a 1998 course called “Perception” on his blog, "
            "writing “Here is the syllabus for the class you say never existed.”")
    assert said(text)["Here is the"] == "Hal Simmons"


def test_said_before_a_clause_with_its_own_verb_is_no_inverted_attribution():
    text = ("Mr. Hale, citing ''the sheer energy of the crowds,'' said the candidate could compete in "
            "states like Oregon.")
    assert said(text)["the sheer energy"] == "Hale"


def test_a_subordinate_clause_with_its_own_verb_of_saying_governs_the_quote_after_it():
    text = ("“It is misleading and she knows it,” Reyes tweeted after Lindqvist argued for the second "
            "time that “every vote I cast saved jobs in this state.”")
    assert said(text)["every vote I"] == "Lindqvist"


def test_a_pronoun_refers_to_someone_named_before_it_the_subject_first():
    text = ("Karen Holt spoke on Friday.\n\n"
            "She said that FBI Director Sam Ruiz had called her answers “truthful” in his testimony.")
    assert said(text)["truthful"] == "Karen Holt"
    text = ("Jed Bush went after Ron Kasich at the debate, refusing to take back earlier remarks, when he "
            "called his rival “reckless.”")
    assert said(text)["reckless."] == "Jed Bush"


def test_continued_by_saying():
    text = ("Secretary of State Jon Halsey said he would appeal.\n\n"
            "Halsey continued by saying, “We will take this to the Supreme Court because voters need "
            "clarity.”")
    assert said(text)["We will take"] == "Jon Halsey"


def test_an_irregular_past_verb_ends_the_sentences_subject():
    text = ("On Friday, Ortega's campaign took the unusual step of criticizing the agency, accusing its "
            "analysts of \"classification run amok.\"")
    assert said(text)["classification run amok."] == "Ortega's campaign"


def test_a_lower_case_role_before_the_name_after_said():
    text = '"Welcome, all of you, to your new home," said master of ceremonies Omar Haddad, an engineer.'
    assert said(text)["Welcome, all of"] == "Omar Haddad"


def test_what_someone_called_is_that_persons_words():
    text = ("In 2010, under what Mr. Okafor called ''the old pricing model,'' the Pine Hollow Golf Club, a "
            "private course near the coast, said it would double its fees.")
    assert said(text)["the old pricing"] == "Okafor"


def test_a_name_the_quotation_is_about_is_not_the_he_that_said_it():
    text = ("Rodney Hale spoke in Ohio on Friday. Hale said Carla Mendes should not be allowed to run.\n\n"
            "Mendes “caused tremendous havoc and tremendous harm,” he said.")
    assert said(text)["caused tremendous havoc"] == "Rodney Hale"



def test_a_person_described_by_nationality_is_the_person_just_named():
    text = ("Chelsea manager Antonio Rossi was delighted after the win.\n\n"
            "\"We played with great intensity,\" said the Italian. \"The players showed they want to fight.\"")
    assert said(text)["We played with"] == "Antonio Rossi"
    text = "Jon Berglund of Sweden finished second.\n\n“It was a hard day,” the 55-year-old Swede said."
    assert said(text)["It was a"] == "Jon Berglund"
    text = 'Tom Ward met officials on Friday. "Talks went well," the FBI said.'
    assert said(text)["Talks went well"] != "Tom Ward"


def test_a_name_then_an_unclosed_relative_clause_before_the_verb():
    text = ("“The party needs a plan for the suburbs,” Nina Ortiz, the pollster who founded the survey site "
            "tweeted on Wednesday.")
    assert said(text)["The party needs"] == "Nina Ortiz"


def test_fronted_as_clauses_after_however_with_long_subjects_and_participles():
    text = ("However, as Bishop Aram Petrosyan of the Armenian Church of Los Angeles told the Associated Press, "
            "“We have suffered the same fate and we remember it.”")
    assert said(text)["We have suffered"] == "Aram Petrosyan"
    text = ("As the gossip columnist Hedda Marsh had written a few years earlier, ''Nobody in this town can make "
            "a picture without him.''")
    assert said(text)["Nobody in this"] == "Hedda Marsh"


def test_a_verb_of_saying_inside_a_hyphenated_word_is_none():
    text = ("Both Hale and Ruiz saw the rout during an unexpected Islamic State counter-attack as a sign of "
            "disarray, with Ruiz noting the folly of sending “a few hundred troops here, a few hundred there” "
            "into a city of two million.")
    assert said(text)["a few hundred"] == "Ruiz"


def test_a_coordinated_clause_with_its_own_subject_governs_the_quote():
    text = ("Sam Mercer spoke with voters outside the school. At one point, a woman asked for a photo and "
            "Mercer said, “as long as we’re not breaking any election laws.”")
    assert said(text)["as long as"] == "Sam Mercer"
    text = "Donald Trump said Clinton and Sanders called the deal “a disaster for workers.”"
    assert said(text)["a disaster for"] == "Donald Trump"


def test_a_pronoun_in_a_subordinate_clause_is_the_main_subject():
    text = ("Analysts have said the stock could rise.\n"
            "    The Acme Motors spokesman said he had seen no sign of a higher offer, although he added, "
            "\"I don't know what is said in the meeting.\"")
    assert said(text)["I don't know"] == "Acme Motors spokesman"


def test_accented_names_are_names_and_keep_their_accents():
    text = ("“If they start now, they are on time,” said José Núñez, a Democratic strategist.\n\n"
            "Łukasz Wójcik said: “We will not sell.”\n\n“It was hard,” Mesut Özil said after the match.")
    speakers = said(text)
    assert speakers["If they start"] == "José Núñez"
    assert speakers["We will not"] == "Łukasz Wójcik"
    assert speakers["It was hard"] == "Mesut Özil"


def test_a_middle_initial_is_no_sentence_end_and_stays_in_the_name():
    text = ("A maximum sentence \"would deter others,\" Assistant U.S. Attorney Maya D. Song wrote.\n\n"
            "“Yes,” said Mr R. Sridharan, the chairman.")
    speakers = said(text)
    assert speakers["would deter others"] == "Maya D. Song"
    assert speakers["Yes"] == "R. Sridharan"


def test_a_title_that_is_also_a_verb_of_saying_is_part_of_the_subject():
    text = "“The review is ongoing,” FBI general counsel James Baker said."
    assert said(text)["The review is"] == "James Baker"


def test_an_anonymous_source_keeps_whose_source_it_is():
    text = ("Hillary Clinton spoke in Ohio.\n\n“The drop is about the emails,” said a person close to the Clintons.\n\n"
            "Another commenter said, “We all know how she feels.”")
    speakers = said(text)
    assert speakers["The drop is"] == "person close to the Clintons"
    assert speakers["We all know"] == "commenter"  # a new, unnamed person: not the last one named


def test_a_surname_that_is_a_month_and_a_surname_met_before_the_full_name():
    text = ("Mr Letwin said: \"The policy is right.\"\n\n"
            "Oliver Letwin met Theresa May on Monday. \"It was useful,\" she said.\n\n"
            "\"No deal is better than a bad deal,\" Mrs May added.")
    speakers = said(text)
    assert speakers["The policy is"] == "Oliver Letwin"
    assert speakers["It was useful"] == "Theresa May"  # Mr Letwin is a man: "she" is not him
    assert speakers["No deal is"] == "Theresa May"


def test_according_to_at_the_end_of_the_sentence_names_the_source():
    text = "The campaign pays \"dozens\" of canvassers to knock on doors, according to campaign manager Jeff Weaver."
    assert said(text)["dozens"] == "Jeff Weaver"


def test_british_single_quotation_marks_are_quotations_and_apostrophes_are_not():
    text = ("Jose Mourinho said: ‘I don’t want to speak about it,’ adding that ‘everybody saw it’. "
            "The players’ union was silent.\n\n"
            "‘We came here with a plan,’ said Sean Dyche. ‘The referee said “no” and that was it.\n\n"
            "‘We move on.’")
    quotes = {q.text: q.speaker for q in find_quotes(text)}
    assert quotes == {"I don’t want to speak about it": "Jose Mourinho", "everybody saw it": "Jose Mourinho",
                      "We came here with a plan": "Sean Dyche",
                      "The referee said “no” and that was it.": "Sean Dyche", "We move on.": "Sean Dyche"}


def test_typewriter_single_marks_only_when_the_story_has_no_double_ones():
    assert said("'We will win,' said Sean Dyche.") == {"We will win": "Sean Dyche"}
    assert said("It's Dyche's 'plan', he said. \"We will win,\" said Sean Dyche.") == {"We will win": "Sean Dyche"}


def test_a_quotation_running_on_to_the_next_paragraph_is_speech_however_short():
    text = ("Jose Mourinho spoke. \"I do not want to speak about it,\" he said. \"Everybody saw it.\n\n"
            "\"The referee was in a good position.\"")
    assert said(text) == {"I do not": "Jose Mourinho", "Everybody saw it.": "Jose Mourinho",
                          "The referee was": "Jose Mourinho"}


def test_it_said_is_the_organisation_that_spoke_or_acted_before():
    text = ("The Swedish Prosecution Authority said it had dropped the case.\n\n"
            "\"The evidence has weakened considerably,\" it added.")
    assert said(text)["The evidence has"] == "Swedish Prosecution Authority"
    text = ("Texaco Inc said it would appeal. \"We are confident of the outcome,\" it said.")
    assert said(text)["We are confident"] == "Texaco Inc"
    # "It" is the lawsuit here: an organisation only named in passing is not it
    text = ("The suit faults her use of a private server while at the State Department. "
            "It says the server was \"compromised\" and helped the attack.")
    assert said(text)["compromised"] is None


def test_they_said_is_an_organisation_only_when_no_people_come_between():
    text = "The Electoral Commission issued guidance on Monday. \"We have no role in content,\" they said."
    assert said(text)["We have no"] == "Electoral Commission"
    text = "Analysts said IBM Corp would gain. \"It is a good deal,\" they said."
    assert said(text)["It is a"] is None


def test_the_company_is_the_one_named_speaking_or_in_the_lead():
    text = ("Digital Communications Associates Inc said a court barred <Softklone Distributing Corp> from "
            "selling a product.\n    The company said no damages were set.\n"
            "    \"The court has validated our contention,\" the company said.")
    assert said(text)["The court has"] == "Digital Communications Associates Inc"
    text = ("Newmont Mining Corp will seek favorable terms for its South African assets.\n    It sold two mines.\n"
            "    \"This agenda does receive attention,\" the company said.")
    assert said(text)["This agenda does"] == "Newmont Mining Corp"
    text = "The Bank of England declined to cut rates. \"We see no case for a cut,\" the bank said."
    assert said(text)["We see no"] == "Bank of England"
    # a company named in passing paragraphs before is not "the company" of a later quotation
    text = ("Wealth researchers disagree about Donald Trump's fortune by billions of dollars.\n\n"
            "Koch Industries is privately held.\n\nForbes puts him at $4.5 billion.\n\nBloomberg has its own list.\n\n"
            "The company says its policy \"is not to cover\" its founder.")
    assert said(text)["is not to"] is None


def test_del_before_a_full_name_is_a_delegate_not_a_speaker_nor_a_sentence_end():
    text = "\"We need relief now,\" said Del. Stacey Plaskett, who represents the Virgin Islands."
    assert said(text)["We need relief"] == "Stacey Plaskett"
    assert said("\"It was a great film,\" said Benicio Del Toro.")["It was a"] == "Benicio Del Toro"
    assert said("\"It was a great film,\" said Del Toro.")["It was a"] == "Del Toro"


def test_a_subordinate_clause_closed_by_its_comma_leaves_the_quotation_to_the_main_verb():
    text = ("Mrs. Clinton said that when Ms. Warren railed against Wall Street from her perch in the Senate, "
            "\"she is speaking for all of us.\"")
    assert said(text)["she is speaking"] == "Clinton"
    assert said("Axelrod tweeted after Clinton argued that \"the system is rigged.\"")["the system is"] == "Clinton"


def test_the_one_asked_speaks_after_the_question_and_the_asker_inside_it():
    text = ("Asked by Starnes if the situation was as bad as Benghazi, Carson said that he did not think so, but "
            "was referring to the \"same kind of attitude.\"")
    assert said(text)["same kind of"] == "Carson"
    assert said("Asked by Glenn Thrush if Clinton \"gets\" race, Sharpton avoided an answer.")["gets"] == "Glenn Thrush"


def test_the_expert_is_the_unnamed_expert_met_before_not_the_last_person_named():
    text = ("Prince Andrew gave an interview.\n\n\"He is not entitled to immunity,\" said one legal expert.\n\n"
            "\"He is vulnerable to extradition,\" the expert warned.")
    assert said(text)["He is vulnerable"] == "legal expert"
    text = "Jane Doe, a legal expert, spoke to us.\n\n\"He is vulnerable to extradition,\" the expert warned."
    assert said(text)["He is vulnerable"] == "Jane Doe"
    text = ("Cook provided a written statement.\n\n\"It was a mistake,\" the statement said.")
    assert said(text)["It was a"] != "written statement"  # a statement is no person met unnamed


def test_an_organisation_name_is_cut_only_after_a_legal_suffix():
    text = ("American Motors Corp said it will take steps.\n    \"We sincerely regret this outcome,\" the company "
            "said in a statement.")
    assert said(text)["We sincerely regret"] == "American Motors Corp"
    text = "Chrysler Corp. American Motors said it agreed. \"We are studying the proposal,\" the company said."
    assert said(text)["We are studying"] == "American Motors"


def test_organisations_named_without_an_organisation_word_or_with_a_ticker():
    text = ("The AWB called for an end to constraints at state borders.\n    \"It is essential that wheat moves "
            "by the most economic mode,\" it said.")
    assert said(text)["It is essential"] == "AWB"
    assert said("Greyhound said it would pay 80 mln dlrs. \"We are pleased,\" it said.")["We are pleased"] == "Greyhound"
    assert said("John Smith said it was fine. \"We are pleased,\" it said.")["We are pleased"] is None
    text = ("Insurance broker Sedgwick Group Plc <SDWK.L> said it supported the plan. It said in a statement, "
            "\"as largest broker in the market, the company has an interest in its reputation.\"")
    assert said(text)["as largest broker"] == "Sedgwick Group Plc"
    text = ("Highveld Steel and Vanadium Corp Ltd said it expects lower earnings. But profits \"will be at a "
            "satisfactory level,\" the company said.")
    assert said(text)["will be at"] == "Highveld Steel and Vanadium Corp Ltd"


def test_party_and_state_after_a_name_resolve_the_texas_republican():
    text = ("Sen. Pete Wilson (R-Calif.) and Sen. Tom Carper (D-Del.) met on Monday. \"Japan can't just say "
            "they will comply,\" the California Republican said.")
    assert said(text)["Japan can't just"] == "Pete Wilson"
    text = ("Rep. Don Bonker, D-Wash., and Sen. Bob Dole, R-Kan., spoke. \"This is our number one "
            "opportunity,\" the Washington Democrat said.")
    assert said(text)["This is our"] == "Don Bonker"
    assert said("\"It is time,\" said former Maine Gov. Angus King.")["It is time"] == "Angus King"
    assert said("\"It is time,\" said a Texas Republican.")["It is time"] == "Texas Republican"


def test_a_nationality_alone_is_never_a_speaker():
    assert said("The American said: \"We will win this.\"")["We will win"] is None
    assert said("\"It is over,\" an American said.")["It is over"] is None
    assert said("Tom Hanks arrived late. \"It was a mess,\" the American said.")["It was a"] == "Tom Hanks"
    text = ("Trade representative Clayton Yeutter spoke on Monday. He said it could bring \"a rash of "
            "protectionist actions.\" French growers said they would appeal.")
    assert said(text)["a rash of"] == "Clayton Yeutter"
    assert said("\"We are ready,\" the Republican said.")["We are ready"] == "Republican"


def test_a_person_known_by_one_name_is_mentioned_by_it_alone():
    text = ("BBC's Emily Walters pressed Prince Andrew. Walters asked how Andrew could be so sure what he was "
            "doing that night.\n\nAndrew doesn't remember any of it, but he remembers the pizza. \"Going to "
            "Pizza Express is an unusual thing for me to do,\" he said.")
    assert said(text)["Going to Pizza"] == "Andrew"
    text = ("President Obama met Justin Trudeau. Reporters asked about Obama and the trade deal.\n\n\"It is "
            "not my job to comment,\" he said.")
    assert said(text)["It is not"] != "Obama"


def test_the_one_quoted_as_saying_speaks_not_the_outlet_quoting():
    lead = "Prime Minister Kenji Sato sounded a conciliatory note.\n    "
    assert said(lead + "\"Japan wants talks,\" he was quoted by Kyodo News Service as\nsaying.")["Japan wants talks"] \
        == "Kenji Sato"
    assert said(lead + "He was quoted by Kyodo as saying, \"Japan wants talks.\"")["Japan wants talks."] == "Kenji Sato"
    assert said(lead + "\"Japan wants talks,\" the agency quoted him as telling reporters.")["Japan wants talks"] \
        == "Kenji Sato"
    assert said("The newspaper quoted Kenji Sato as saying: \"Japan wants talks.\"")["Japan wants talks."] == "Kenji Sato"
    text = "\"We must discuss the debt,\" Mario Amato, president of the Industries' Federation, was quoted as saying."
    assert said(text)["We must discuss"] == "Mario Amato"


def test_a_name_before_its_role_at_an_organisation_speaks_not_the_organisation():
    text = ("Melvin Hobbs, USDA general sales manager, told reporters he did not expect rain, but that \"it's "
            "possible it would be.\"")
    assert said(text)["it's possible it"] == "Melvin Hobbs"
    assert said("Dana Ruiz, DRI Europe economist, said growth \"will be driven by investment.\"")["will be driven"] \
        == "Dana Ruiz"
    assert said("In Washington, a White House spokesman, said \"we will act.\"")["we will act."] != "Washington"


def test_he_after_a_described_speaker_is_that_speaker_not_someone_named_before():
    text = ("\"Last time, there was a lot of false information,\" a U.S. Customs spokesman said.\n    \"Customs "
            "can do a good job when given the tools,\" he said.")
    assert said(text)["Customs can do"] == "U.S. Customs spokesman"
    text = "The official said the fund would warn countries. \"I hope it will be a yellow light,\" he said."
    assert said(text)["I hope it"] == "official"
    text = "\"We will act,\" a Customs spokesman said. John Smith said he would wait. \"We are ready,\" he said."
    assert said(text)["We are ready"] == "John Smith"
    assert said("\"We will act,\" a Customs spokeswoman said. \"We are ready,\" he said.")["We are ready"] is None
    text = ("When asked, Martin Kaplan, a screenwriter and former studio executive, said he would not discount it."
            "\n\n\"It is a name that's in the culture,\" he said.")
    assert said(text)["It is a"] == "Martin Kaplan"


def test_a_state_and_party_description_names_the_last_legislator_given_no_party():
    text = ("Rep. Don Pollard, chairman of the subcommittee, said the rules cost billions.\n    \"This is our number "
            "one opportunity,\" the Washington Democrat said.")
    assert said(text)["This is our"] == "Don Pollard"
    text = ("Sen. Tom Barlow (D-Ore.) spoke first. Rep. Dan Wu spoke next.\n    \"Japan must comply,\" the Oregon "
            "Republican said.")
    assert said(text)["Japan must comply"] == "Dan Wu"  # Barlow is a Democrat
    text = "Tom Barlow, a farmer, spoke first.\n    \"Japan must comply,\" the Oregon Republican said."
    assert said(text)["Japan must comply"] == "Oregon Republican"  # no legislator named


def test_a_spokesman_quoted_unnamed_then_named_next_is_that_person():
    quoted = "Sales will \"increase very rapidly,\" a Magna spokesman said."
    cases = {  # what follows the quotation -> its speaker
        " Magna will also raise capital, spokesman Jerry Barker said.": "Jerry Barker",
        "\n    Magna will raise capital, Jerry Barker, a company spokesman, said.": "Jerry Barker",
        " Ford spokesman Jerry Barker declined to comment.": "Magna spokesman",  # another company's
        "\n    Sales rose.\n    Later, spokesman Jerry Barker said more.": "Magna spokesman",  # too far
    }
    for after, speaker in cases.items():
        assert said(quoted + after)["increase very rapidly"] == speaker, after
    text = "\"We have not been approached\" about Republic Health, a Douglas spokesman told Reuters."
    assert said(text)["We have not"] == "Douglas spokesman"


def test_a_pull_quote_standing_alone_takes_the_speaker_of_the_quotation_it_repeats():
    text = ("His doctor referred him to Owen Dempsey, a chest doctor at the infirmary.\n\n\"Their immune system "
            "behaves in an exaggerated fashion\"\n\nDempsey talked with the man over the phone.\n\n\"In some "
            "individuals their immune system behaves in an exaggerated fashion, think of it,\" Dempsey told "
            "Gizmodo by email.")
    assert said(text)["Their immune system"] == "Owen Dempsey"
    text = ("Jane Kowalski, the mayor, opened the session.\n\nMs. Kowalski said the city would \"build the wall\" soon.\n\n"
            "\"We will build the wall and the gate,\" Tom Hale said later.")
    assert said(text)["build the wall"] == "Jane Kowalski"  # inside narration: the sentence's subject stays


def test_a_role_before_a_place_or_organisation_is_described_not_the_place():
    text = "China's ambassador to Britain warned that the government \"will not sit on our hands\" soon."
    assert said(text)["will not sit"] not in ("Britain", "China")
    text = "Liu Xiaoming, China's ambassador to Britain, said: \"We will not sit on our hands.\""
    assert said(text)["We will not"] == "Liu Xiaoming"
    assert said("Secretary of State John Kerry said: \"It is done.\"")["It is done."] == "John Kerry"


def test_a_place_or_building_named_like_a_person_is_no_antecedent():
    text = ("Prince Andrew spent three days at the mansion.\n\nDuring the visit, he was photographed strolling around "
            "Central Park with a friend.\n\nHe instead told the interviewer: \"I took the judgement call.\"")
    assert said(text)["I took the"] == "Andrew"
    text = ("Mike Hall, of the growers' association, met officials.\n\n\"This was clearly a political decision,\" "
            "he said.")
    assert said(text)["This was clearly"] == "Mike Hall"  # a surname, not a hall
    assert said("\"We are ready,\" said Jane Park.")["We are ready"] == "Jane Park"


def test_a_transcript_turn_quoted_whole_is_the_turn_speaker():
    text = ("Alex Smith posted the exchange with Chris Matthews: \"Chris Matthews: Seriously, seriously about this. "
            "Bernie says he will pay.\"")
    assert said(text)["Chris Matthews: Seriously,"] == "Chris Matthews"
    text = ("Jorge Ramos asked Clinton about it. The transcript reads: \"RAMOS: Secretary Clinton, you sent an "
            "e-mail.\" \"CLINTON: I feel a great deal of sympathy.\" Hillary Clinton said nothing more.")
    assert said(text)["RAMOS: Secretary Clinton,"] == "Jorge Ramos"
    assert said(text)["CLINTON: I feel"] == "Hillary Clinton"
    text = "The host said: \"HOST: Welcome back. Tell us more.\" \"I will,\" Tom Hale said."
    assert said(text)["HOST: Welcome back."] is None  # a turn, but of no one named
    text = "Donald Trump wrote \"Crippled America: How to Make America Great Again\" last year."
    assert said(text)["Crippled America: How"] != "Crippled America"


# Seventh round: names that can never be the speaker, or are the wrong kind of thing.

def test_a_people_named_by_region_is_never_the_speaker():
    text = ('The only two Arab states at peace with Ruritania also objected, with Foreign Minister Omar Dalil '
            'warning of "grave consequences".')
    assert said(text)["grave consequences"] != "Arab"


def test_a_journal_a_description_was_published_in_is_not_who_argued():
    text = ('The authors of the study published in the journal Pediatric Sleep argued that the rules are '
            '"a real risk to children," and more.')
    assert said(text)["a real risk"] != "Pediatric Sleep"


def test_the_outlet_carrying_a_quote_is_not_its_speaker():
    text = 'Richardson, via Sports Weekly, said that Dorsey "can not do that. He was protecting himself."'
    assert said(text)["can not do"] == "Richardson"


def test_an_unnamed_doctor_who_spoke_to_an_agency_is_the_doctor_not_the_agency():
    text = ("A doctor at the clinic told Vidnews that she had treated six patients.\n\n"
            "“We ran out of bandages by noon,” the doctor said.")
    assert said(text)["We ran out"] == "doctor"


def test_a_bare_title_nobody_holds_in_the_story_names_no_one():
    text = '"The offer is not feasible," the president said.'
    assert said(text)["The offer is"] is None


def test_an_unnamed_spokesman_is_kept_as_the_description_he_is():
    # wire copy's commonest unnamed source: the reader learns the words came from a spokesman, not from nobody
    text = ('Financial Corp said it was not in talks. But a spokeswoman pointed out that a merger was one way. '
            '"If an opportunity arises we would be very open to it," the spokeswoman said.')
    assert said(text)["If an opportunity"] == "spokeswoman"
    assert said('"The offer is not feasible," the spokesperson said.')["The offer is"] == "spokesperson"


def test_an_apposition_no_comma_closes_keeps_its_name_not_a_word_of_the_organisation():
    text = ('“The haze lifted because the wind turned,” Mira Okonjo, an analyst at the Lagos-based Centre '
            'for Energy, Land and Water think tank told the BBC.')
    assert said(text)["The haze lifted"] == "Mira Okonjo"


def test_a_work_by_someone_of_a_university_speaks_for_its_author_not_the_state():
    text = ('According to a 2019 study by Lena Marsh of the University of South Dakota, the chain tends to '
            '“cut the newsroom in half” within a year.')
    assert said(text)["cut the newsroom"] == "Lena Marsh"



def test_a_statement_quoted_on_speaks_for_whoever_issued_it_if_the_story_says_who():
    """The issuer is the subject of the sentence introducing "a statement"; "the statement" alone names no one."""
    issued = "On Tuesday, Harbour Lane Studios issued a statement about the delayed premiere.\n\n"
    again = "The statement, seen by reporters, said the film was “finished and ready to screen.”\n\n"
    quoted = "“No date has been set by the distributor,” the statement continued."
    assert said(issued + again + quoted)["No date has"] == "Harbour Lane Studios"
    assert said("According to the statement, the premiere is delayed.\n\n" + quoted)["No date has"] is None


def test_a_document_that_reads_its_words_attributes_them():
    """`read`/`reads` attributes only with a document for its subject or object, never a person reading."""
    issued = "Harbour Lane Studios issued a statement on Monday.\n\n“We have no comment,” the statement read."
    assert said(issued)["We have no"] == "Harbour Lane Studios"
    editorial = "“The council has less spine than a jellyfish,” reads a Friday editorial in The Valley Ledger."
    assert said(editorial)["The council has"] == "Valley Ledger"
    assert said("“The book is long,” he read from the page.")["The book is"] is None


def test_a_first_name_that_is_also_a_place_still_names_a_person():
    """"Mary" and "Austin" are places too; a surname used alone later or a verb of saying confirms the person."""
    text = ("Mary Ebeling met friends on Monday. The plan, Ebeling argued, was “good for everyone.”\n\n"
            "“We agree,” she said.")
    assert said(text)["We agree"] == "Mary Ebeling"
    assert said("American Express cut its fees. “We agree,” he said.")["We agree"] is None


def test_a_source_familiar_with_something_is_the_subject_not_the_thing():
    text = "A source familiar with the audit said the auditors were after “the shipping ledgers.”"
    assert said(text)["the shipping ledgers."] == "source familiar with the audit"
    inside = "“It will be a blow-out,” said one trader at a bank involved in the deal."
    assert said(inside)["It will be"] == "trader"


def test_a_clause_whose_verb_addresses_someone_before_a_quoted_sentence_speaks():
    """Not the main clause's subject; a clause its comma closes before a lower-case quote leaves it to the main verb."""
    cases = [("Nadia Perrin toured the mill in Rochdale. Mill workers laughed when she promised them, "
              "“Nobody here will lose a shift.”", "Nobody here will", "Nadia Perrin"),
             ("Hillary Clinton said that when Warren railed against Wall Street, “she is speaking for all of us.”",
              "she is speaking", "Hillary Clinton")]
    for text, words, speaker in cases:
        assert said(text)[words] == speaker


def test_a_group_described_by_adjective_and_plural_noun_speaks():
    """"Federal prosecutors alleged …" ends its subject at the plural noun; the group is the speaker."""
    text = 'County prosecutors alleged that the two clerks "shredded the ledgers," then left early.'
    assert said(text)["shredded the ledgers"] == "County prosecutors"
    assert said("“We will not allow it,” Greek officials said.")["We will not"] == "Greek officials"


def test_an_adverb_leading_a_sentence_is_not_its_subject():
    text = "Dana Rivera visited the farm. First, Rivera identified the inspector as “hostile,” which he denied."
    assert said(text)["hostile"] == "Dana Rivera"


def test_a_subordinate_clause_running_on_to_quoted_words_has_its_own_subject():
    """Not the narration's subject ("The row"), nor a place ("after Nevada cancelled what had been called …")."""
    text = "The row deepened long before City Hall officials started to portray the strike as a “stunt” in public."
    assert said(text)["stunt"] == "City Hall officials"


def test_quoted_words_in_narration_naming_no_one_continue_the_paragraphs_speaker():
    """After an attributed quote, narration with no subject that speaks and no other name keeps the speaker."""
    text = ("“The reef recovers slowly,” said Ines Calder, a marine biologist. That is one reason for "
            "“patience measured in decades,” in her view of the survey.")
    assert said(text)["patience measured in"] == "Ines Calder"
    other = ("“The reef recovers slowly,” said Ines Calder. Tom Ruiz disputes that, and warns of "
             "“patience measured in decades,” at sea.")
    assert said(other)["patience measured in"] != "Ines Calder"


def test_a_quotation_alone_in_its_paragraph_is_signed_by_the_dash_line_after_it():
    """A signature paragraph ("– Name.", a reviewer's starred name) names the speaker of the quote above it."""
    text = ("Readers wrote in about the festival.\n\n“The lanterns were the best part of the night.”\n\n– Ro*** Ke**\n\n"
            "Claims from the debate:\n\n\"The county has never run a deficit.\"\n\n- Councillor Aldous, at the second debate.")
    found = said(text)
    assert found["The lanterns were"] == "Ro*** Ke**"
    assert found["The county has"] == "Aldous"


def test_a_horizontal_bar_is_a_dash():
    """HuffPost writes U+2015 for its dashes: a "” ― Name" signature after a quote names its speaker, and the
    bar inside a quotation stays as written."""
    text = ("Readers told us what they think.\n\n“He is ignorant of our culture \u2015 and of our lives.” \u2015 Carla Ruiz"
            "\n\n“We deserve better.” \u2015 Ann Brook")
    found = said(text)
    assert found["He is ignorant"] == "Carla Ruiz" and found["We deserve better."] == "Ann Brook"
    assert "culture \u2015 and" in next(q.text for q in find_quotes(text) if q.text.startswith("He is"))


def test_a_party_and_state_tag_after_a_name_is_not_the_speaker():
    """AP style "Sen. Ben Sasse, R-Neb., called …": the senator, and his state still resolves "the Nebraska senator"."""
    text = ('Rep. Nora Vance, D-Ore., called the ruling "a setback for every renter" on Monday. Later the Oregon '
            'Democrat said the appeal was "already drafted."')
    found = said(text)
    assert found["a setback for"] == "Nora Vance"
    assert found["already drafted."] == "Nora Vance"


def test_a_verb_coordinated_after_a_quote_is_no_inverted_attribution():
    """"“…” the rules for a deal and said …": "said" shares the sentence's subject, the words before it are none."""
    text = 'Mayor Ada Quist said she viewed the plan as "a measure undermining" the charter of the city and said it would fail.'
    assert said(text)["a measure undermining"] == "Ada Quist"


def test_a_countrys_body_named_by_possessive_speaks():
    """"Norway's fisheries ministry said": the country's body, not no one; a person's "move" still names no speaker."""
    assert said('"We regret the decision," Norway\'s fisheries ministry said.')["We regret the"] == "Norway fisheries ministry"
    assert said('O’Malley’s move was first reported by "the local paper" on Monday.')["the local paper"] is None


def test_the_group_is_the_name_the_story_gave_it_beside_that_noun():
    """"the group" / "the coalition" / "the production company" speak as the name given beside the noun earlier."""
    text = ('Workers formed a group, Tenants for Fair Rent, last month. "We will not accept the new leases as written," '
            'the group said.\n\nThe Harbor Workers Coalition met on Friday. "Nobody asked us about the closures at all," '
            'the coalition said.\n\nMoon Arc Productions, the production company that films the show, denied it. '
            '"At no time did we agree to any such statement," the production company said.')
    found = said(text)
    assert found["We will not"] == "Tenants for Fair Rent"
    assert found["Nobody asked us"] == "Harbor Workers Coalition"
    assert found["At no time"] == "Moon Arc Productions"
    assert said('New York, the proxy said "we should stay in the market for the long run," it added.')["we should stay"] != "New York"


def test_the_chooser_names_a_likely_person_of_the_paragraph_only_where_the_rules_name_nobody():
    """Words quoted in narration that no rule attributes: the person of the paragraph who spoke before is
    likely; nobody named in the paragraph, or two strangers beside the words, leave it unnamed."""
    spoke = '"We will win this fight for the workers," Ada Quist said on Monday.\n\n'
    tail = "All this effort contradicts the claim in the same interview that the pair were “not close”."
    assert said(spoke + "How noble of Ada Quist! " + tail)["not close"] == "Ada Quist"
    assert said(spoke + "The strike began in May. " + tail)["not close"] is None
    strangers = ("All this effort to end his friendship with Tom Berne contradicts the claim by Ada Quist in the same "
                 "interview that the pair were “not close”.")
    assert said(strangers)["not close"] is None


def test_an_organisation_named_in_apposition_then_acting_is_what_they_refers_to():
    """"The company that runs the show, Moon Arc Productions, denies …": the subject, so "they said" is theirs."""
    text = ("The company that runs the awards, Moon Arc Productions, denies that anything was agreed.\n\n"
            '"Any final agreement needs to be made with the management team of the artist," they said.')
    assert said(text)["Any final agreement"] == "Moon Arc Productions"


def test_a_name_with_a_plural_verb_is_a_body_that_they_refers_to():
    """British agreement, "Moon Arc have twice denied …": no person takes "have", so "they said" is that body's."""
    text = ("Moon Arc have twice denied doing anything wrong.\n\n"
            '"At no point did we say the singer could not perform at the awards," they said in a statement.')
    assert said(text)["At no point"] == "Moon Arc"
    assert said(text.replace("Moon Arc have twice denied", "Moon Arc has twice denied"))["At no point"] is None


def test_a_description_and_a_name_in_apposition_before_the_verb_give_the_name():
    """"a top Foreign Ministry official, Hanna Volk, told" and "Ada Quist, a Birch Lane analyst said": the
    description only says who the named person is; a description alone stays the speaker."""
    assert said('"We are scared," a top Foreign Ministry official, Hanna Volk, told reporters.')["We are scared"] == "Hanna Volk"
    assert said('"It is a big suit," Ada Quist, a Birch Lane analyst said.')["It is a"] == "Ada Quist"
    assert said('"It is a big suit," a Birch Lane analyst said.')["It is a"] != "Ada Quist"


def test_an_outlet_told_is_neither_described_by_its_teller_nor_what_he_refers_to():
    """"a senior finance ministry official told Bloomberg": the outlet only heard it, so the description
    before "told" is no clue of Bloomberg's, and neither "he said" nor "the official said" is Bloomberg."""
    text = ("Talks on the loan will be hard, a senior finance ministry official told Bloomberg.\n"
            '    He said the "package for a structural reform" was agreed. "There is a broad agreement," the official said.')
    found = said(text)
    assert found["package for a"] not in ("Bloomberg", None)
    assert found["There is a"] not in ("Bloomberg", None)


def test_he_never_refers_to_a_name_the_story_gives_a_company():
    """"Asked if he thought Birchwood-Lyle is vulnerable, Tom Quist replied": Birchwood-Lyle is the
    company "<Birchwood-Lyle PLC>", so the "he" of the next quote is Quist, though the company comes first."""
    text = ("<Birchwood-Lyle PLC> will report growth, chairman Tom Quist said.\n"
            "    Asked if he thought Birchwood-Lyle is vulnerable to a bid, Quist replied: \"No, I don't.\"\n"
            '    "We must never be complacent," he said.')
    assert said(text)["We must never"] == "Tom Quist"


def test_a_body_the_speaker_works_at_is_not_the_subject_though_apposed_itself():
    """"Ada Quist, a senior analyst at Birchwood, the Texas-based research firm, told": Birchwood and its
    own apposition sit inside Quist's description; she speaks."""
    text = ('Ada Quist, a senior analyst at Birchwood, the Texas-based research firm, told the paper in October that '
            'the group was "fairly secular by regional standards."')
    assert said(text)["fairly secular by"] == "Ada Quist"


def test_a_name_opening_a_sentence_after_but_keeps_its_apposed_role():
    """"But Tom Quist, vice president of Birchwood Europe, told …": Quist, though "But" opens the run of capitals."""
    text = ("Birchwood has 41 factories in Europe.\n    But Tom Quist, vice\npresident of Birchwood Europe, told the "
            'paper he did not expect a rise in sales.\n    "We have concluded that Europe is a small market."\n')
    assert said(text)["We have concluded"] == "Tom Quist"


def test_a_party_description_after_a_state_of_two_words_is_the_senator_named_before():
    """"the New Jersey Democrat said" after "Sen. Tom Quist": a place of two words and a party is a
    description of the senator, not a name of its own."""
    text = ("Sen. Tom Quist, the bill's sponsor, said airline ads mislead.\n"
            '    "Air travelers are lured by low fares," the New Jersey Democrat said.')
    assert said(text)["Air travelers are"] == "Tom Quist"


def test_offices_named_with_of_the_are_titles_not_part_of_the_name():
    text = ('Chancellor of the Exchequer Ann Reddy opened the debate.\n    "Borrowing will fall," she said.\n'
            '    Chief of Staff Tom Ivers spoke later. "We are ready," Ivers said.')
    assert [q.speaker for q in find_quotes(text)] == ["Ann Reddy", "Tom Ivers"]


def test_it_added_goes_on_with_the_organisation_that_spoke_the_quote_before():
    text = ('The State Department said its embassy had learned of the kidnapping.\n'
            '    "We know of no claims of responsibility," the department said.\n'
            '    "We hold the kidnappers responsible for the safety of their victims," it added.')
    quotes = said(text)
    assert quotes["We know of"] == "State Department"
    assert quotes["We hold the"] == "State Department"


def test_it_added_is_never_the_person_who_spoke_before():
    text = ('"We know of no claims," John Smith said.\n'
            '    "We hold the kidnappers responsible," it added.')
    assert said(text)["We hold the"] != "John Smith"


def test_the_newspaper_is_the_newspaper_the_story_named():
    text = ('The Washington Post said the Commerce Department had revised its figures.\n'
            '    The newspaper said: "News of the large deficit helped batter the dollar."')
    assert said(text)["News of the"] == "The Washington Post"


def test_he_after_a_described_subject_is_that_person_not_the_name_after_his_verb():
    text = ('    The diplomat said the dropping of share issues may be the result of a backlash since the '
            'resignation of party chief Hu Yaobang. He said share issues raise questions: "What happens if '
            'the value falls?"')
    assert said(text)["What happens if"] != "Hu Yaobang"
    text = ('    The Peking representative of a Japanese securities house said the yen rise caught his firm '
            'unawares.\n    "Interest rates in Japan are at a historical low," he said.')
    assert said(text)["Interest rates in"] == "Peking securities house representative"


def test_a_dealer_at_a_bank_is_the_dealer_not_the_bank():
    text = ('    A grain dealer at one member co-op said the futures arm "was a convenience, something that '
            'saved us money."')
    assert said(text)["was a convenience,"] == "grain dealer"


def test_a_sentence_after_the_quote_that_names_no_one_leaves_it_to_the_he_said_before():
    text = ('George Fluegel told Reuters the tax was unfair.\n'
            '    Asked which countries might vote against the tax, he said, "Realistically, it looks like the '
            'English and the Germans." His delegation also hoped to convince Belgium, he added.')
    assert said(text)["Realistically, it looks"] == "George Fluegel"


def test_he_goes_on_with_the_official_described_when_no_one_is_named():
    text = ('    The official said the fund would warn countries. "I hope it will be a yellow light," he said.\n'
            '    He also said he hoped talks would begin soon.\n'
            '    The facility is financed at about 3.8 billion dlrs.\n'
            '    He said an accord would be difficult. "They will be tremendously difficult negotiations," he said.')
    quotes = said(text)
    assert quotes["I hope it"] == "official"
    assert quotes["They will be"] == "official"


def test_a_legislator_described_by_state_is_the_committee_member_just_named():
    text = ('    Committee Chairman William Proxmire, the bill\'s sponsor, promised more work.\n'
            '    "This bill we are taking up today is the first step," the Wisconsin Democrat said.\n'
            '    But Sen. Jake Garn, the committee\'s top Republican, chastised senators.\n'
            '    "It is time to forget the special interests," the Utah senator said.')
    quotes = said(text)
    assert quotes["This bill we"] == "William Proxmire"
    assert quotes["It is time"] == "Jake Garn"


def test_a_senator_of_another_state_is_not_the_state_senator_described():
    text = ('Marco Rubio stressed defense issues during an appearance with Sen. Joni Ernst, R-Iowa.\n\n'
            'The Florida senator told reporters he feels good, and "we will see what it translates to."')
    assert said(text)["we will see"] != "Joni Ernst"


def test_an_aside_in_brackets_does_not_cut_the_speaker_after_a_quote():
    text = '"MITI has been moving hot and heavy," said Bache Securities (Japan) associate\nvice president Peter Wolffe.'
    assert said(text)["MITI has been"] == "Peter Wolffe"


def test_an_apposition_with_no_closing_comma_keeps_its_name_not_the_bank():
    text = ('"I don\'t think we\'re going to see a big bang," John Brinsden,\nthe Taiwan manager of Standard '
            'Chartered Bank told Reuters in a\nrecent interview.')
    assert said(text)["I don't think"] == "John Brinsden"


def test_nationality_words_and_a_town_are_no_one_a_he_can_be():
    text = ('U.S. Trade Representative Clayton Yeutter said talks were needed.\n'
            '    The round was launched at Punta\ndel Este in Uruguay in 1986.\n'
            '    The growing debt burden of Latin American and African\nnations will also provide impetus, he '
            'said. "Clearly those countries need open markets."')
    assert said(text)["Clearly those countries"] == "Clayton Yeutter"


def test_an_unnamed_trader_by_his_trade_is_kept_as_the_description():
    text = ('"Brazil owes it to its customers to make its intentions known," one exporter said.\n'
            '    But local businessmen have said the parity has already reached "a crisis level."')
    quotes = said(text)
    assert quotes["Brazil owes it"] == "exporter"
    assert quotes["a crisis level."] == "local businessmen"


def test_he_after_an_official_of_a_us_company_is_that_official():
    text = ('    An official with one U.S. Vehicle manufacturer said\nfour-wheel steering is an improvement. '
            '"All automakers are interested in something new," he\nsaid.')
    assert said(text)["All automakers are"] == "manufacturer official"


def test_a_share_class_letter_in_quotes_is_no_quotation():
    text = 'Jardine said it planned a bonus issue of four new "B" shares for every "A" share, chairman Simon Keswick said.'
    assert said(text) == {}


def test_a_said_closing_the_sentence_after_the_quote_names_its_speaker():
    text = ('Stanley Collander of Touche Ross said it was hard.\n    "For political reasons, 35 billion dlrs is about '
            'the\nmost you\'re going to get" out of Congress at the present time,\nsaid Touche Ross\'s Collander.')
    assert said(text)["For political reasons,"] == "Stanley Collander"


def test_the_economist_of_a_bank_of_a_country_is_the_economist():
    text = '    "A big step forward has been taken," said Industrial Bank of\nJapan Ltd senior economist Susumu Taketomi.'
    assert said(text)["A big step"] == "Susumu Taketomi"


def test_it_said_after_a_bodys_report_is_that_body():
    text = ('The Bundesbank urged the government not to relax.\n    The Bundesbank\'s 1986 annual report said the '
            'choice was a key political task. "There will also be consequences," it said.')
    assert said(text)["There will also"] == "Bundesbank"


def test_a_spokesman_contacted_by_reuters_is_the_spokesman():
    text = ('A Fiat spokesman contacted by Reuters said the company had no comment, saying any decision "did not '
            'depend on Fiat."')
    assert said(text)["did not depend"] == "Fiat spokesman"


def test_he_after_a_described_banker_with_a_relative_clause_is_the_banker():
    text = ('He said reforms will slow.\n    A North American banker, who estimated the deficit at about\neight '
            'billion yuan, said policy has been affected by a drive led by Wang Bingqian.\n    "In China the political '
            'system dictates economic policy," he\nsaid.')
    assert said(text)["In China the"] == "North American banker"


def test_a_senate_leader_is_the_state_democrat_described_next():
    text = ('Senate Democratic leader Robert Byrd\nsaid he and other critics will lose.\n    "We\'re going to lose '
            'today," the West Virginia Democrat told\nreporters.')
    assert said(text)["We're going to"] == "Robert Byrd"


def test_a_country_whose_first_word_reads_as_a_title_is_no_one():
    text = ('Yugoslavia and the United Arab\nEmirates (UAE) have agreed to end the war, UAE Minister of State for '
            'Foreign Affairs Rashid\nAbdulla al-Nuaimi said today.\n    "We agreed during the talks to initiate '
            'efforts," the Emirates news agency WAM quoted him as saying.')
    assert said(text)["We agreed during"].startswith("Rashid Abdulla")


def test_an_adjacent_said_before_the_quote_beats_a_new_sentence_after_it():
    text = ('Asked why he thought a majority was willing, Foley said, "The deficit problem has\nbecome more '
            'apparent." President Reagan has said he will veto\nany legislation raising taxes.')
    assert said(text)["The deficit problem"] == "Foley"


def test_an_unclosed_apposition_with_a_bare_role_keeps_the_name():
    text = 'Economists see room for cuts.\n    "It\'s not a taboo," Peter Pietsch, spokesman for Commerzbank\nAG said.'
    assert said(text)["It's not a"] == "Peter Pietsch"


def test_an_unnamed_source_and_a_delegate_representing_a_producer_are_kept():
    text = ('Iran has set up launching sites, a\nBritish naval source in the Gulf said.\n    The source, who declined '
            'to be identified, said Iran had\nfired the missile.\n    "These missiles pack a fairly big punch," he told '
            'Reuters.')
    assert said(text)["These missiles pack"] == "source"
    text = '"The cocoa price is just not interesting,"\ncommented one delegate representing a major CPA producer.'
    assert said(text)["The cocoa price"] == "delegate"


def test_an_acronym_speaking_carries_the_name_the_story_spells_out():
    text = ('The U.S. Department of Transportation approved the merger.\n'
            '    "The acquisition is not likely to lessen competition," DOT said.')
    assert said(text)["The acquisition is"] == "Department of Transportation (DOT)"
    text = 'American Telephone and Telegraph Co <T> said it would sell. "It is key," ATT said.'
    assert said(text)["It is key"] == "American Telephone and Telegraph Co (ATT)"
    assert said('"We will not comment," the FBI said.')["We will not"] == "FBI"  # spelled out nowhere: as written


def test_a_bare_one_is_one_of_the_people_just_described():
    text = 'Diplomats said talks were slow. "With timing so essential, nothing moves," said one.'
    assert said(text)["With timing so"] == "one diplomat"
    text = ('Workers on the picket line were determined to stay on strike.\n"We\'ll stay out here as long as it '
            'takes," said one.')
    assert said(text)["We'll stay out"] == "one worker"


def test_an_acronyms_name_may_wrap_a_line():
    text = ('The U.S. Department of\nTransportation approved the merger.\n    "The acquisition is fine," DOT said.')
    assert said(text)["The acquisition is"] == "Department of\nTransportation (DOT)".replace("\n", " ")


def test_a_document_quoted_paragraphs_after_it_was_introduced_speaks_for_its_issuer():
    text = ('Aid donors pledged 3.15 billion dlrs to Jakarta, a\nstatement issued after a two day meeting of the Inter\n'
            'Governmental Group on Indonesia (IGGI) said.\n    This compares with 2.6 billion dlrs last year, the statement '
            'said.\n    "The Group commended Indonesia for its steps," the\nstatement said.')
    assert said(text)["The Group commended"] == "Inter Governmental Group on Indonesia (IGGI)"
    text = ('The Organisation for Economic Cooperation and Development\n(OECD) said in its latest Financial Market Trends '
            'report the rise was large.\n    It said rates fell.\n    Borrowers turned to paper.\n    "It remains to be '
            'seen how the market will react," the report said.')
    assert said(text)["It remains to"] == "Organisation for Economic Cooperation and Development (OECD)"


def test_a_person_of_a_firm_with_and_in_its_name_is_the_person():
    text = ('Retirees lost money.\n    Robert Lee of Investment Management and Research Incorporated said there '
            'were "a lot of serious losses out there."')
    assert said(text)["a lot of"] == "Robert Lee"
    text = 'Qatar took over.\n    Cable and Wireless manager Colin Davies told Reuters "We have been here for 36 years."'
    assert said(text)["We have been"] == "Colin Davies"
    text = ('Talks went on.\n    However, Gene Kimmelman of the Consumer Federation of\nAmerica, which represents more '
            'than 200 groups, said, "When ATT offers new services, they are for business."')
    assert said(text)["When ATT offers"] == "Gene Kimmelman"


def test_an_aside_between_subject_and_verb_is_skipped():
    text = 'Traders were busy.\n    A Japanese oil trader, also based in Tokyo, said, "We thought OPEC would fail."'
    assert said(text)["We thought OPEC"] == "Japanese oil trader"
    text = ('But the Edelman/Dominion group, which has litigation\npending against Burlington, also said it held talks '
            'about "the possibility of settlement of outstanding matters."')
    assert said(text)["the possibility of"] == "Edelman/Dominion group"


def test_a_sentences_first_word_and_a_bodys_name_cut_at_and_are_no_one():
    text = ('Martin Bangemann said the industries were weak. Continued state subsidies would not save them, he '
            'said.\n    "That is why I have refused to continue subsidising them," he said.')
    assert said(text)["That is why"] == "Martin Bangemann"
    text = ('The plan will help the Federal Savings and Loan Insurance Corporation, according to a top industry '
            'regulator.\n    "But every thrift is paying a market tax," she said.')
    assert said(text)["But every thrift"] is None  # not "Savings"


def test_he_after_a_legislator_described_goes_on_with_the_legislator():
    text = ('Senate Finance Committee chairman Lloyd Bentsen said the resolution may hurt.\n    "We need a free trade '
            'agreement," the Texas Democrat said.\n    "I do not question the right of Canada," he said.')
    assert said(text)["I do not"] == "Lloyd Bentsen"
    text = ('House Speaker James Wright said Reagan should realize it.\n    "There is no way to cut the deficit," the\n'
            'Texas Democrat told reporters.')
    assert said(text)["There is no"] == "James Wright"


def test_one_said_after_the_quote_is_one_of_the_group_just_described():
    text = ('Bankers say it is too early to venture a forecast.\n    "It depends on oil prices," one said. "This summer is '
            'important."')
    assert said(text)["It depends on"] == "one banker"
    assert said('Dealers said trading was thin. "It was not a true market," said another.')["It was not"] == \
        "another dealer"
    text = ('Western diplomatic sources were more blunt.\n    "They don\'t want to see Cable and Wireless with a share," '
            'one said.')
    assert said(text)["They don't want"] == "one source"


def test_they_and_it_go_on_with_the_group_or_paper_that_spoke_before():
    text = ('The four institutes said an expansive policy was welcome.\n    Such fears may seem exaggerated, they said.\n'
            '    "But it has often turned out in the past that prices rise," they said.')
    assert said(text)["But it has"] == "four institutes"
    text = ('The law stresses the plan.\n    "This new regulation is part of our policy," Berliner Zeitung said.\n'
            '    "This step could be the start of greater changes," it added.')
    assert said(text)["This step could"] == "Berliner Zeitung"


def test_an_editorial_speaks_for_the_paper_that_published_it_today():
    text = ('The official International Business newspaper today\npublished the demands in an editorial.\n'
            '    "It is extremely important that the U.S. Market reduce its restrictions," the editorial said.')
    assert said(text)["It is extremely"] == "official International Business newspaper"


def test_an_apposition_no_comma_closes_leaves_the_person():
    text = ('The head of a panel said so.\n    Ramon Diaz, Chairman of the Presidential Commission on Good\n'
            'Government (PCGG) told Reuters in an interview: "There is every reason to believe they hid pesos."')
    assert said(text)["There is every"] == "Ramon Diaz"
    text = ('Day said the sale could help.\n    "Net earnings should be in the ball park," Richard Jacob, Day chairman '
            'and chief executive officer said.')
    assert said(text)["Net earnings should"] == "Richard Jacob"


def test_a_bare_quote_after_a_paragraph_of_narration_goes_on_with_the_speaker_before():
    text = ('Chairman William Proxmire said the decision was a loss.\n    "I think it is a serious loss," Proxmire said.\n'
            '    The committee will hold hearings on Greenspan, but no date has been scheduled.\n'
            '    "Mr Volcker has been a superb chairman of the Federal Reserve Board."')
    assert said(text)["Mr Volcker has"] == "William Proxmire"


def test_a_person_with_a_lower_case_role_at_a_firm_is_the_person():
    text = ('Analysts forecast prices.\n    Paul Mlotok, oil analyst for Salomon Brothers Inc said that\n'
            '"even with the rise in prices we have only altered our scenario."')
    assert said(text)["even with the"] == "Paul Mlotok"
    text = ('Shares fell.\n    "Until we see some effort by the Japanese the market will stay low," said head of equities '
            'at Jardine\nFleming Securities Co, Mario Rossi.')
    assert said(text)["Until we see"] == "Mario Rossi"


def test_he_goes_to_whom_the_sentence_before_names_as_speaking():
    text = ('Herrington spoke to the panel.\n    Consumer demand and a decline in production has resulted in a rise in '
            'imports, Herrington said.\n    "Steps must be taken to reverse the downturn," he said.')
    assert said(text)["Steps must be"] == "Herrington"


def test_he_after_according_to_or_a_trader_in_a_city_goes_on_with_that_speaker():
    text = ('Weekend rain over the Western Corn Belt\nbrought relief, according to Dale Mohler, senior meteorologist for '
            'Accu-Weather\nInc.\n    "There is going to be more rain for the next two, three days," he said.')
    assert said(text)["There is going"] == "Dale Mohler"
    text = ('Prices of West Texas Intermediate rose on Friday.\n    "You could argue that prices should go up," said\n'
            'one international oil trader in Tokyo.\n    "But if there is any sign of a dip, it will be bought," he '
            'added.')
    assert said(text)["But if there"] == "international oil trader"


def test_a_named_analyst_at_a_firm_is_the_analyst():
    text = ('Gold rose.\n    Another analyst, Richard Cohen at Brown Baldwin Nisker Ltd,\nnoted that "a lot of foreign '
            'investors are holding U.S. dollars."')
    assert said(text)["a lot of"] == "Richard Cohen"
    text = ('Shares rose.\n    Analyst Theodore Semegran of Shearson said he raised his estimates.\n'
            '    "Good domestic demand will continue to aid Du Pont."')
    assert said(text)["Good domestic demand"] == "Theodore Semegran"


def test_a_firm_is_never_cut_to_a_letter_a_suffix_or_its_ticker():
    text = ('Volkswagen AG <VOWG.F>\nsaid negotiations with Toyota Motor Corp <TOYO.T> over a joint\n'
            'production accord have reached "an advanced stage."')
    assert said(text)["an advanced stage."] == "Volkswagen AG"
    text = 'A and P said the acquisition "helped us achieve better than expected results."'
    assert said(text)["helped us achieve"] == "A and P"
    text = ('S and P noted that banks have resources.\n    "Most bank managements appear committed to improving '
            'capital," S and P said.')
    assert said(text)["Most bank managements"] == "S and P"
    text = 'Centerior Energy Corp said its\nconstruction spending "peaked" in 1986 and would fall.'
    assert said(text)["peaked"] == "Centerior Energy Corp"
    text = ('Sears Roebuck and Co, said it reached\nan out-of-court settlement with the Federal Trade Commission\n'
            'over the labeling of garments "to\navoid further legal expenses."')
    assert said(text)["to avoid further"] == "Sears Roebuck and Co"


def test_a_lone_initial_or_company_word_is_no_speaker():
    text = ('Chi-Chi\'s Inc said it has taken\na charge to cover the cost of disposing of 21\n'
            '"underperforming" restaurants.')
    assert said(text)["underperforming"] != "Inc"
    text = ('In a letter to the Secretary General, Syrian U.N. charge d\'affaires said: "These measures threaten '
            'to create a slum economy."')
    assert said(text)["These measures threaten"] not in ("N", "N.")
    text = ('Donald Regan spoke.\n    "I think what we have to face now is a recession," the one-time chairman of '
            'Merrill Lynch and Co Inc\n<MER> said.')
    assert said(text)["I think what"] != "Co Inc"
    text = 'BBC Brown Boveri und Cie\n<BBCZ.Z> said it won an order for its "Comprex" supercharger, "a success."'
    assert said(text)["a success."] == "BBC Brown Boveri und Cie"


def test_a_made_or_based_compound_is_no_one():
    text = ('General Motors hopes to sell 8,000 North American-made vehicles in Europe this\nyear, James Fry, '
            'vice-president of GM Overseas Distribution Corporation said.\n    "The low dollar makes our prices very '
            'attractive," he told a\nnews briefing.')
    assert said(text)["The low dollar"] == "James Fry"
    text = ('The speaker of the Iranian Parliament, Akbar Hashemi Rafsanjani, warned the U.S. not to intervene.\n'
            '    Iran has deployed Chinese-made Silkworm missiles near the strait.\n'
            '    "We do not need missiles to close the strait, we can close it with artillery only," he said.')
    assert said(text)["We do not"] == "Akbar Hashemi Rafsanjani"


def test_a_person_of_a_firm_in_a_city_is_the_person():
    text = ('The dollar fell.\n    Similarly, Natsuo Okada of Sumitomo Bank in New York\nwarned, "I don\'t think '
            'the dollar has bottomed out yet."')
    assert said(text)["I don't think"] == "Natsuo Okada"
