"""Quotations and speakers on small hand-made cases."""
from __future__ import annotations

from searchkit.extract.quotes import find_quotes


def pairs(text):
    return [(q.text, q.speaker) for q in find_quotes(text)]


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
    text = ('Since April, when Biden announced the end to Afghanistan\'s “forever war”, the group advanced. '
            'The "triple witching hour" falls four times a year. He read "War and Peace" twice.')
    assert find_quotes(text) == []


def test_nested_single_quotes_stay_inside():
    text = '“They called it ‘a disaster’ and we agree with them,” said Maria Lopez.'
    assert pairs(text) == [("They called it ‘a disaster’ and we agree with them", "Maria Lopez")]


def test_pronoun_resolves_to_nearest_speaker():
    text = ('Council member Zia Gul Habibi confirmed the news. Abdul Aziz Bek said the city fell.'
            '“More than 200 prisoners escaped from the prison,” he added.'
            'Provincial council member Habibi stated the fighters were inside.'
            '“The officials have fled to an army camp,” she noted.')
    assert pairs(text) == [("More than 200 prisoners escaped from the prison", "Abdul Aziz Bek"),
                           ("The officials have fled to an army camp", "Zia Gul Habibi")]


def test_unnamed_spokesman_and_according_to():
    text = ('An American Motors spokesman said the board met.\n'
            '    "I suspect there will be several more meetings after this," the spokesman said.\n'
            '    "The plan is simply not going to work for us," according to John Smith.')
    assert pairs(text) == [("I suspect there will be several more meetings after this", "American Motors spokesman"),
                           ("The plan is simply not going to work for us", "John Smith")]


def test_no_speaker_when_nobody_is_named():
    text = '"We expect demand to stay weak for the rest of the year," the company said.'
    assert pairs(text) == [("We expect demand to stay weak for the rest of the year", None)]
