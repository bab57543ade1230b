"""The parties of a text without a model: names from capitalized spans,
legal forms, acronyms, countries (CLDR) and names that recur, with legal
forms and genitive endings removed (`Microsofts` -> Microsoft)."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from babel import Locale
from babel.dates import get_day_names, get_month_names
from babel.numbers import get_currency_name, list_currencies

from ..chars import UPPER, UPPER_CHARS
from ..languages import Language
from ..money.currencies import lexicon
from ..wordlists import alternation, any_of
from .nouns import common_nouns, common_words, compound_head, noun_kind

# A capitalized word, or one with a capital after a lowercase start ("eBay", "iPod")
_TOKEN = rf"(?:{UPPER}|[a-z]{{1,2}}(?=[A-Z]))[\w&'’-]*"
_INNER_CAPITAL = re.compile(rf"^[{UPPER_CHARS}0-9&-]{{2,}}s?$|^[A-Z]?[a-z]+[A-Z]\w*$|\d")
# "( HEL : FISAS )", "OMX Helsinki : CNC1V": an exchange and a ticker symbol.
_TICKER = re.compile(r"\b[A-Z]{2,}(?:\s+[A-Z][a-z]+)?\s+:\s*[A-Z0-9.]+|\b[A-Z]+\d\w*\b")
# "Wien – Die Firma ...", "HELSINKI ( AFX ) -": a dateline, not a party.
_DATELINE = re.compile(r"\s*(?:\([^)]{0,20}\)\s*)?[–—-]\s")
# What stands in for an amount or ticker: neither a word nor a space.
_BARRIER = "\x1f"
# CLDR territories that are unions of countries, not states.
_UNIONS = frozenset({"EU", "EZ", "UN", "QO"})


def blanked(text: str, spans, fill: str = " ") -> str:
    """The text with each (start, end) span overwritten by `fill`: same length, so positions hold."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = fill * (end - start)
    return "".join(chars)


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    name: str  # the short common name: no legal form, no genitive ending
    strong: bool = False  # a legal form, several words, or an acronym: surely a name


@cache
def _sequence(lang: Language) -> re.Pattern:
    """A run of capitalized words, with a dotted legal form after it ("Nokia Corp.")."""
    dotted = [f[:-1] for f in lang.legal_forms if re.fullmatch(r"\w+\.", f)]
    legal = rf"(?:[ \t]+{alternation(dotted)}\.)?" if dotted else ""
    return re.compile(rf"(?<![\w-]){_TOKEN}(?:[ \t]+(?:&[ \t]+)?{_TOKEN})*{legal}")


@cache
def _never_names(lang: Language) -> frozenset[str]:
    """Capitalized words that are no party on their own: the table's lists,
    number words ("Four companies"), adjectives of nationality (the first
    word of CLDR currency names: "Swedish", "Finnische"), and those no name
    starts with."""
    return frozenset(lang.not_names | _number_words(lang) | nationalities(lang) | _never_leading(lang))


@cache
def nationalities(lang: Language) -> frozenset[str]:
    """Adjectives of nationality, a name only inside a longer one ("European
    Commission"): the first word of CLDR currency names ("Swedish krona").
    German capitalizes them only inside a name ("Deutsche Bank"), so it has
    none here."""
    if lang.capitalized_nouns:
        return frozenset()
    words = set()
    for code in list_currencies():
        name = get_currency_name(code, 1, lang.code).split()
        if len(name) > 1 and name[0][:1].isupper() and name[0].endswith(lang.nationality_endings):
            words.add(name[0])
    return frozenset(words)


@cache
def places(lang: Language) -> frozenset[str]:
    """Countries and regions by their CLDR names in the language."""
    return frozenset(Locale.parse(lang.code).territories.values())


def _number_words(lang: Language) -> frozenset[str]:
    return frozenset(m.capitalize() for m in lang.morphemes)


@cache
def _never_leading(lang: Language) -> frozenset[str]:
    """Words no name starts with: the table's list, month names (also
    abbreviated: "Dec."), day names, currency words and comparison labels
    ("(Vorjahr: 3,7 Mrd. Euro)")."""
    words = set(lang.not_leading)
    words |= set(get_month_names("wide", locale=lang.code).values())
    words |= {m.rstrip(".") for m in get_month_names("abbreviated", locale=lang.code).values()}
    words |= set(get_day_names("wide", locale=lang.code).values())
    words |= {t for t in lexicon(lang) if t[:1].isupper()}
    return frozenset(words | set(lang.comparison_labels))


_GENITIVE_S = re.compile(r"['’]s$")


def _strip(tokens: list[str], lang: Language) -> list[str]:
    """Without leading words that are no part of a name ("Im Juni"); a
    never-name that may start one only when no other word follows it
    ("Finnish", "Four", "Annual General Meeting"; but "European Commission",
    "Seven & I", "General Motors")."""
    alone, never = _never_names(lang), _never_leading(lang)
    first = 0
    # "Monday's announcement": a never-name with a genitive is one too
    while first < len(tokens) and (tokens[first].lower() in lang.articles or all(
            part in never for part in _GENITIVE_S.sub("", tokens[first]).split("-"))):
        first += 1
    rest = tokens[first:]
    return [] if all(token in alone for token in rest) else rest  # once: every tail of such a run is one too


def _pieces(tokens: list[str], lang: Language) -> list[list[str]]:
    """A capitalized run split at words that are no part of a name
    ("Main- Die AUA-Mutter Lufthansa" -> [AUA-Mutter Lufthansa]) and after
    its legal forms ("Sponda Plc Stock Exchange Release" -> [Sponda Plc],
    [Stock Exchange Release]); a descriptor drops what stands before it
    ("San Francisco-based Stripe")."""
    legal = [token.rstrip(".") in lang.legal_forms for token in tokens]
    pieces: list[list[str]] = [[]]
    for index, token in enumerate(tokens):
        if lang.descriptor_endings and token.lower().endswith(lang.descriptor_endings):
            pieces[-1] = []
        elif token.lower() in lang.articles or token.endswith("-"):
            pieces.append([])
        else:
            pieces[-1].append(token)
            if legal[index] and index + 1 < len(tokens) and not legal[index + 1] \
                    and not all(legal[index - len(pieces[-1]) + 1:index + 1]):
                pieces.append([])
    # "GmbH & Co KG": what follows a legal form after "&" is more of it
    return [kept for piece in pieces if piece[:1] != ["&"] and (kept := _strip(piece, lang))]


@dataclass(frozen=True)
class _Run:
    start: int
    name: str
    legal_form: bool
    sentence_start: bool
    evidence_only: bool = False  # the head of a compound: counts, but is no name there


def find_parties(text: str, lang: Language, sentence_starts: set[int], taken: list[tuple[int, int]] = (),
                 exclude: re.Pattern | None = None) -> tuple[list[Name], list[Name]]:
    """The names of parties in `text`, in order (none inside the `taken`
    spans, money mentions, in ticker symbols, or matching `exclude`, event
    words such as "EBIT"), and every capitalized span that could be one
    (what the rules do not take as a name may still be the party a trained
    model picks: "erzielte Infineon einen Umsatz")."""
    # no name runs across an amount ("machte Apple 3,52 Milliarden US-Dollar Umsatz": Apple)
    masked = blanked(text, [*taken, *((m.start(), m.end()) for m in _TICKER.finditer(text))], _BARRIER)
    runs = [run for match in _sequence(lang).finditer(masked) for run in _runs(masked, match, lang, sentence_starts)
            if not (run.sentence_start and _DATELINE.match(masked, run.start + len(run.name)))]
    currencies, nouns = lexicon(lang), common_nouns(lang.code)  # "Kredite in Schweizer Franken": a currency
    if exclude:  # "Pfeifer & Langen Bußgelder", "das Geldinstitut Verluste": the event word is none of the name
        runs = [_without_event_words(r, exclude, nouns) for r in runs]
    runs = [r for r in runs if r.name not in currencies and not (exclude and exclude.fullmatch(r.name))]
    common = _common_words(masked, runs)
    runs = _undescribed(masked, [r for r in runs if r.name not in common], lang)
    counts = Counter(r.name for r in runs)
    heads = {r.name for r in runs if r.evidence_only}
    alone = {r.name for r in runs if not r.evidence_only}
    in_longer = {name.split()[-1] for name in counts if " " in name}
    free = {r.name for r in runs if not r.sentence_start and not _after_determiner(masked, r.start, lang)}
    free |= heads & alone  # "Google-Software", "die Google": Google stands alone too
    # "Sources said ... Sources say": a common word that only starts sentences is none, however often
    mid_sentence, words = {r.name for r in runs if not r.sentence_start}, common_words(lang.code)
    recurring = {n for n in counts if counts[n] + counts.get(n + "s", 0) > 1
                 and (n in mid_sentence or n.lower() not in words)}
    # "Rovio raised", "Infineon erzielte", "Arsenal paid"; not "Das Start-up ist": a noun of the
    # lexicon after an article; nor "Analysts said": a common word's plural
    subjects = {r.name for r in runs if _subject_verb(lang).match(masked, r.start + len(r.name))
                and not (r.name in nouns and _after_determiner(masked, r.start, lang))
                and (r.name in mid_sentence or not (r.name.endswith("s") and r.name[:-1].lower() in words))}
    names = []
    for run in runs:
        name = _without_genitive(run.name, counts)
        if not run.evidence_only and (_is_name(name, run.legal_form, run.sentence_start, lang, recurring,
                                               in_longer, free) or name in subjects and _plain_word(name, lang)):
            strong = run.legal_form or " " in name or bool(_INNER_CAPITAL.search(name))
            names.append(Name(run.start, run.start + len(name), name, strong))
    spans = [Name(r.start, r.start + len(n), n) for r in runs
             if not r.evidence_only and len(n := _without_genitive(r.name, counts)) > 1]
    return _with_abbreviations(names, masked), spans


def _without_event_words(run: _Run, exclude: re.Pattern, nouns: frozenset[str]) -> _Run:
    """A run of several words without the event words it ends in (a
    compound only when its last noun is one: "Kartellstrafe", but not the
    "Investitionsbank" of "Europäische Investitionsbank")."""
    tokens = run.name.split()
    while len(tokens) > 1 and exclude.fullmatch(tokens[-1]) and (
            noun_kind(tokens[-1], nouns) != "compound" or exclude.fullmatch(compound_head(tokens[-1], nouns))):
        tokens.pop()
    if len(tokens) == len(run.name.split()):
        return run
    return replace(run, name=" ".join(tokens))


def _common_words(text: str, runs: list[_Run]) -> set[str]:
    """Single words capitalized only where a sentence starts and written in
    lower case elsewhere in the text: common words ("Forced labour ...",
    "Only $20 billion ...", "Zunächst"), neither names nor spans."""
    mid_sentence = {r.name for r in runs if not r.sentence_start or r.legal_form}  # "News Corporation"
    starting = {r.name for r in runs if r.sentence_start and " " not in r.name and r.name not in mid_sentence}
    return starting & {w.capitalize() for w in lowercase_words(text)}


_WORD = re.compile(r"[^\W\d_][\w-]*")


def lowercase_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case ("sources", "danach")."""
    return frozenset(w for w in _WORD.findall(text) if w[0].islower())


# A name's abbreviation in brackets, after its legal form: "Landesholding GmbH (BLh)".
_ABBREVIATION = re.compile(rf"[^()\n]{{0,25}}?\(\s*({UPPER}[\w&-]{{1,9}})\s*\)")


def _with_abbreviations(names: list[Name], text: str) -> list[Name]:
    """"Vienna Insurance Group (VIG)": both the name and its abbreviation
    become "Vienna Insurance Group (VIG)", so that a reviewer sees one party
    under both."""
    full = {}
    for name in names:
        match = _ABBREVIATION.match(text, name.end)
        if match and " " in name.name and match.group(1)[0].lower() == name.name[0].lower():
            full.setdefault(match.group(1), f"{name.name} ({match.group(1)})")
            full.setdefault(name.name, full[match.group(1)])
    if not full:
        return names
    return [replace(n, name=full[n.name], strong=True) if n.name in full else n for n in names]


def word_before(text: str, start: int) -> str:
    """The word right before `start` ("" at the start of the text)."""
    before = text[max(0, start - 20):start].split()
    return before[-1] if before else ""


def _runs(masked: str, match: re.Match, lang: Language, sentence_starts: set[int]) -> list[_Run]:
    """The name candidates of a capitalized run, and the heads of its
    compounds as evidence ("AUA-Mutter Lufthansa": Lufthansa, and AUA)."""
    runs, position, nouns = [], match.start(), common_nouns(lang.code)
    for piece in _pieces(match.group().split(), lang):
        start = masked.index(piece[0], position)
        position = start + len(piece[0])
        for token in piece:
            head, _, tail = token.partition("-")
            # "Lufthansa-Konzern" names Lufthansa; "Petro-Canada" names no "Petro"; where nouns are
            # written small, a lowercase tail makes a word of its own ("Pre-tax", "Year-on-year")
            if tail and len(head) > 2 and lang.capitalized_nouns and (
                    tail[:1].islower() or noun_kind(tail.split("-")[0], nouns)):
                runs.append(_Run(masked.index(token, start), head, False, True, evidence_only=len(piece) > 1))
        start, piece = lang.hooks.name_core(masked, start, piece, start in sentence_starts, places(lang))
        if not piece:
            continue
        if _described(lang).match(masked, masked.index(piece[-1], start) + len(piece[-1])):
            continue  # "Tokyo based Seven & I": a descriptor, written apart
        legal_form = len(piece) > 1 and piece[-1].rstrip(".") in lang.legal_forms
        while len(piece) > 1 and piece[-1].rstrip(".") in lang.legal_forms:
            piece = piece[:-1]
        runs.append(_Run(start, " ".join(piece).rstrip("'’"), legal_form,
                         start in sentence_starts or _quoted_sentence(masked, start, start + len(" ".join(piece)))))
    return runs


def _undescribed(masked: str, runs: list[_Run], lang: Language) -> list[_Run]:
    """Runs without the common nouns that describe their name when the name
    stands alone elsewhere ("Schweizer Großbank UBS" ... "die UBS": UBS;
    but "Mentor Graphics", "Erste Group")."""
    alone = {r.name for r in runs if " " not in r.name}
    nouns, where = common_nouns(lang.code), places(lang)
    kept = []
    for run in runs:
        tokens = run.name.split()
        # an acronym is a name said once too ("Die Schweizer Großbank UBS veröffentlichte")
        if len(tokens) > 1 and (tokens[-1] in alone or tokens[-1].isupper()) and _described_by_nouns(
                tokens, nouns, where):
            start = run.start
            for previous, token in zip(tokens, tokens[1:]):
                start = masked.index(token, start + len(previous))
            run = replace(run, start=start, name=tokens[-1], sentence_start=False)
        kept.append(run)
    return kept


def _quoted_sentence(text: str, start: int, end: int) -> bool:
    """The word starts a quotation that goes on after it (said, “Despite our
    efforts ...”): a sentence start; a quoted title ("laut „Welt“") is none."""
    if start < 2 or not text[start - 2].isspace():
        return False
    opening, after = text[start - 1], text[end:end + 1]
    quote = opening == '"' or unicodedata.category(opening) in ("Pi", "Ps") and opening not in "([{"
    return quote and not (after == '"' or after and unicodedata.category(after) in ("Pi", "Pf"))


def _described_by_nouns(tokens: list[str], nouns: frozenset[str], places: frozenset[str]) -> bool:
    """All words of a run but its last are common nouns that describe the
    one name after them ("Autobauer Volkswagen", "Schweizer Großbank UBS",
    "Investor Blackstone"; not "Deutsche Bank", "Investor Thrive Capital",
    "Allianz Global Investors")."""
    *leading, last = tokens
    return bool(nouns) and (last.isupper() or noun_kind(last, nouns) in (None, "name_compound")) and all(
        noun_kind(token, nouns) in ("noun", "compound") and token not in places for token in leading)


@cache
def _described(lang: Language) -> re.Pattern:
    """A descriptor's ending written as a word of its own ("Tokyo based")."""
    words = [ending.lstrip("-") for ending in lang.descriptor_endings]
    return re.compile(rf"[ \t]+{alternation(words)}(?!\w)" if words else r"(?!)")


def _without_genitive(name: str, counts: Counter) -> str:
    return name[:-1].rstrip("'’") if _genitive(name, counts) else name


def _genitive(name: str, counts: Counter) -> bool:
    """"Microsofts" when "Microsoft" stands in the text too, "OpenAIs", "Heineken's"."""
    if not name.endswith("s") or len(name) < 4:
        return False
    if name[-2] in "'’":
        return True
    stem = name[:-1].rstrip("'’")
    return counts.get(stem, 0) > 0 or (bool(_INNER_CAPITAL.search(stem)) and not name.isupper())


@cache
def _subject_verb(lang: Language) -> re.Pattern:
    return re.compile(rf"\s*{any_of(lang.subject_verbs)}(?!\w)")


def _plain_word(name: str, lang: Language) -> bool:
    """A single word that may be a subject's name: no compound of
    never-names, and no abstract noun ending unless the word ends in a noun
    after a part that is none ("Die Commerzbank hat", but "Die Großbank
    hat"). (A noun of the lexicon may be one: a singular noun before its
    verb has an article unless it is a name, "Allianz steigerte", "Linde
    erhielt"; "Ein Gericht stoppte" has one.)"""
    never = _never_names(lang)
    ending = name.lower().endswith(lang.noun_endings) and noun_kind(name, common_nouns(lang.code)) != "name_compound"
    return not ending and name not in never and not all(part in never for part in name.split("-"))


def _common_noun(name: str, lang: Language) -> bool:
    """A word of the language's common-noun lexicon, which lists no brand
    ("Flüchtlinge", "Smartphone", "Ampullen": recurring and without an
    article, yet no party; a model may still pick the capitalized span)."""
    return noun_kind(name, common_nouns(lang.code)) == "noun"


def _after_determiner(text: str, start: int, lang: Language) -> bool:
    """An article or an inflected adjective stands right before: "die
    Flüge", "günstige Flüge" (German common nouns)."""
    word = word_before(text, start)
    return bool(word) and (word.lower() in lang.articles or
                           word.islower() and lang.hooks.inflected(word) and not word.endswith("te"))


def _is_name(name: str, has_legal_form: bool, at_sentence_start: bool, lang: Language,
             recurring: set[str], in_longer: set[str], free: set[str]) -> bool:
    if len(name) < 2:
        return False
    if has_legal_form or " " in name or _INNER_CAPITAL.search(name) or name in places(lang):
        return True
    if lang.capitalized_nouns and (name.lower().endswith(lang.noun_endings) or "-" in name):
        return False  # German compounds and abstract nouns
    if _common_noun(name, lang):
        return False  # before in_longer: the "Bank" of "Deutsche Bank" alone is a bank
    if name in in_longer:
        return True
    nouns = common_nouns(lang.code)
    if nouns and not at_sentence_start and noun_kind(name, nouns) is None:
        return True  # "der Gewinn der Lufthansa": no common noun, so a name even after an article
    recurs = name in recurring or name + "s" in recurring  # "Microsoft ... Microsofts"
    if not lang.capitalized_nouns:  # at a sentence start: "Finnair said", not "Sources said"
        words = common_words(lang.code)
        return not at_sentence_start or recurs or bool(words) and name.lower() not in words
    # In German every noun is capitalized: a single word is a name when it
    # recurs (alone or as the head of a compound: "Lufthansa-Konzern") and
    # stands at least once without an article or adjective, or ends in a
    # noun after a part that is none ("die Commerzbank ... der Commerzbank").
    return recurs and (name in free or name + "s" in free or noun_kind(name, nouns) == "name_compound")


@cache
def countries(lang: Language) -> frozenset[str]:
    """Countries by their CLDR names: no continents, no unions ("Eurozone")."""
    return frozenset(name for code, name in Locale.parse(lang.code).territories.items()
                     if code.isalpha() and code not in _UNIONS)


def main_place(names: list[Name], lang: Language) -> Name | None:
    """The country a text names most, if it names one twice or more."""
    counts = Counter(n.name for n in names if n.name in countries(lang))
    best = max(counts, key=counts.__getitem__, default=None)
    return next(n for n in names if n.name == best) if best and counts[best] > 1 else None


def main_name(names: list[Name], lang: Language) -> Name | None:
    """The party a text is about: its most frequent name that is surely one,
    no place and no person (the first of equals); else its most frequent
    name."""
    alone = {n.name for n in names if " " not in n.name}
    # "Wolfgang Lackner" ... "Lackner": a person, named by surname
    counts = Counter(n.name for n in names if n.name not in places(lang)
                     and (n.name.split()[-1] not in alone or " " not in n.name))
    strong = {n.name for n in names if n.strong}
    first = {}
    for index, n in enumerate(names):
        first.setdefault(n.name, index)
    best = max(counts, key=lambda name: (name in strong, counts[name], -first[name]), default=None)
    return None if best is None else names[first[best]]
