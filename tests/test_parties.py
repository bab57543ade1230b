"""The name finder on its own: which capitalized words of a text are parties."""
from __future__ import annotations

import pytest

from parsers.events.parties import find_parties
from parsers.events.sentences import sentences
from parsers.languages import load_language


def names_and_spans(text: str, lang: str) -> tuple[set[str], set[str]]:
    language = load_language(lang)
    starts = {start for start, _ in sentences(text, language)}
    names, spans = find_parties(text, language, starts)
    return {n.name for n in names}, {s.name for s in spans}


@pytest.mark.parametrize("text, noun, name", [
    # a plural that recurs without an article is still a common noun
    ("Flüchtlinge warten an der Grenze. Dort erhalten Flüchtlinge warme Decken, sagte die Caritas. "
     "Seit Jahren sammelt Caritas für sie.", "Flüchtlinge", "Caritas"),
    ("Smartphones werden billiger. Kaufen lassen sich Smartphones vor allem online. "
     "Danach stieg Fairphone ein, und Fairphone wuchs.", "Smartphones", "Fairphone"),
    # the last word of a longer name is no name alone when it is a common noun
    ("Die Deutsche Bank verdient gut. Das Geld der Bank liegt bei der Bank in Frankfurt.", "Bank", "Deutsche Bank"),
])
def test_a_common_noun_is_no_name_however_often_it_recurs(text, noun, name):
    names, spans = names_and_spans(text, "de")
    assert name in names and noun not in names
    assert noun in spans or noun == "Bank"  # still a span a model may weigh


@pytest.mark.parametrize("text, adverb, name", [
    ("Die Großbank Helvetia meldet Zahlen. Danach verzeichnet das Geldinstitut Verluste. "
     "Danach will die Bank sparen.", "Danach", "Großbank Helvetia"),
    ("Helvetia meldet Zahlen. Jetzt muss die Bank sparen, sagt Helvetia. Jetzt aber fällt der Kurs.", "Jetzt", "Helvetia"),
])
def test_a_german_sentence_adverb_is_no_name_however_often_it_starts_one(text, adverb, name):
    names, spans = names_and_spans(text, "de")
    assert name in names and adverb not in names and adverb not in spans


def test_a_lowercase_hyphen_tail_makes_an_english_word_of_its_own():
    names, spans = names_and_spans("Pre-tax loss totaled EUR 0.3 mn at Acme Oyj .", "en")
    assert "Pre" not in names | spans and "Acme" in names


def test_a_german_compound_names_its_head():
    names, _ = names_and_spans("Der Lufthansa-Konzern wächst. Im Sommer flog Lufthansa mehr Gäste.", "de")
    assert "Lufthansa" in names


def test_a_descriptor_written_apart_names_no_party():
    names, _ = names_and_spans("WHP has been acquired by Tokyo based Seven & I Holdings Co. for $35 million.", "en")
    assert "Tokyo" not in names and "Seven & I" in names


@pytest.mark.parametrize("text, word, named", [
    # the first word of a quotation is a sentence's first word, however it recurs
    ("Ballmer said, “Despite our efforts, Yahoo has not moved.”", "Despite", False),
    ('Ballmer said, "Despite our efforts, Yahoo has not moved."', "Despite", False),
    # a quoted title is a name
    ("The story ran in “Haaretz” on Monday.", "Haaretz", True),
])
def test_a_quotation_starts_a_sentence_a_quoted_title_does_not(text, word, named):
    names, _ = names_and_spans(text, "en")
    assert (word in names) is named


@pytest.mark.parametrize("text, lang, word", [
    ("Forced labour is common. Forced labour generates profits of $32 billion. Many are forced to work.", "en", "Forced"),
    ("Zunächst kam die Strafe von 3.000 Euro. Die Lufthansa zahlte zunächst nicht.", "de", "Zunächst"),
])
def test_a_sentence_start_written_small_elsewhere_is_a_common_word(text, lang, word):
    names, spans = names_and_spans(text, lang)
    assert word not in names | spans


@pytest.mark.parametrize("text, name, whole", [
    ("Die Schweizer Großbank UBS verliert Geld. Die UBS will sparen.", "UBS", "Schweizer Großbank UBS"),
    ("Der Hersteller Fairphone wächst. Im Sommer stieg Fairphone ein.", "Fairphone", "Hersteller Fairphone"),
    ("Die Wiener Linien GmbH & Co KG investiert.", "Wiener Linien", None),  # nouns with no name after them
    # a name whose last word never stands alone keeps its first ("Mentor" is a common noun too)
    ("Die Siemens AG kauft die Mentor Graphics. Siemens zahlt viel.", "Mentor Graphics", None),
])
def test_common_nouns_before_a_name_that_stands_alone_describe_it(text, name, whole):
    names, _ = names_and_spans(text, "de")
    assert name in names and whole not in names and not any(n.startswith("&") for n in names)


@pytest.mark.parametrize("text, lang, word", [
    ("Net profit in the period until Dec. 31 rose to EUR 603 mn , Outokumpu said .", "en", "Dec"),
    ("Four companies agreed to buy the stores . Four of them are Swedish .", "en", "Four"),
    ("Der Umsatz stieg bis Okt. um drei Prozent, teilte die Porr mit.", "de", "Okt"),
])
def test_an_abbreviated_month_or_a_number_word_is_no_name(text, lang, word):
    names, _ = names_and_spans(text, lang)
    assert word not in names


def test_a_number_word_may_start_a_name():
    names, _ = names_and_spans("Seven & I Holdings bought the chain. Seven & I paid cash.", "en")
    assert "Seven & I" in names


@pytest.mark.parametrize("text, name", [
    ("General Motors cut jobs. The news surprised workers.", "General Motors"),
    ("Nordic Capital bought the unit.", "Nordic Capital"),
    ("News Corporation bought the paper, the news said.", "News"),
])
def test_a_word_that_is_no_name_alone_may_start_one(text, name):
    names, _ = names_and_spans(text, "en")
    assert name in names


@pytest.mark.parametrize("text", ["Annual General Meeting approved the dividend.", "PRESS RELEASE follows."])
def test_a_run_of_words_that_are_no_names_alone_is_none(text):
    names, spans = names_and_spans(text, "en")
    assert not names and not spans


@pytest.mark.parametrize("text, name, word", [
    ("Cencorp estimates that its net sales will be EUR 4.3 m .", "Cencorp", "Cencorp"),
    ("Continuing operations turned an operating loss of EUR 0.1 mn .", None, "Continuing"),
    ("Sources close to Finnair put the loss at EUR 2 mn .", "Finnair", "Sources"),
])
def test_a_sentence_start_is_a_name_unless_it_is_a_common_word(text, name, word):
    names, spans = names_and_spans(text, "en")
    assert (word in names) == (word == name) and word in spans
    assert name is None or name in names


@pytest.mark.parametrize("text, word, name", [
    ("Sources said Nokia would pay. Sources say the fine is large.", "Sources", "Nokia"),
    ("Analysts said Kone had won. Kone disagreed.", "Analysts", "Kone"),
    ("Arms go to Saudi Arabia. Monday's announcement came from Raytheon. Raytheon said so.", "Monday", "Raytheon"),
])
def test_a_common_word_or_a_day_that_only_starts_sentences_is_no_name(text, word, name):
    names, _ = names_and_spans(text, "en")
    assert name in names and word not in names
