"""Who is who in an event: the rules' company and counterparty (role words,
frames of fining, lending and selling), the candidates a model weighs, and
the Event they make."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..languages import Language
from .context import Document, Figure
from .cues import Cues
from .decisions import Candidate, company_features, null_features
from .event import Event
from .kinds import kind as kind_of
from .nouns import common_nouns, common_words, noun_kind
from .parties import Name, main_place, nationalities, places as _places, word_before

# A party the text leaves unnamed on purpose ("Kredite ... gewährt"), so that
# no main party stands in for it.
_UNNAMED = ""
# How many names of the sentences before may be an event's company when the
# sentence names it only as "das Unternehmen" or not at all.
_PRECEDING = 4
# How far after the agent word ("by") its doer may begin: past a descriptor ("by Tokyo based Seven & I").
_AGENT_REACH = 40


def event_of(doc: Document, start: int, end: int, figure: Figure) -> Event:
    """The Event of a figure the decider kept, in the sentence text[start:end]:
    the rules' company and counterparty, then the decider's choice of company
    among every candidate."""
    lang, names, about = doc.lang, doc.names, doc.about
    pivot_match = _pivot(doc.text, figure, doc.words)
    company, counterparty, frame = _parties(doc, (start, end), figure, pivot_match,
                                            about if doc.several_sentences else None)
    unnamed = company == _UNNAMED
    if unnamed:
        company = None
    elif company is None and doc.several_sentences:  # an article's sentence without a name is about its main party
        place = main_place(names, lang) if kind_of(figure.kind).frame == "lending" else None
        party = place if place and _count(names, place) >= _count(names, about) else about
        company, frame = (party.name if party else None), "main"
    chosen = doc.decider.company(lang.code, figure.kind, figure.money,
                                 _candidates(doc, start, end, figure, pivot_match, (company, counterparty, frame),
                                             unnamed))
    chosen_name = chosen.name if chosen else None
    if chosen_name is not None and chosen_name != company and chosen_name == counterparty:
        counterparty = company  # the rules had the roles the other way round
    company = chosen_name
    if counterparty == company or kind_of(figure.kind).result:
        counterparty = None
    money, upper = figure.money, figure.upper
    return Event(kind=figure.kind, company=company, counterparty=counterparty, value=abs(money.value),
                 currency=money.currency, period=figure.period.label() if figure.period else None,
                 status=figure.status, mentions=(money, upper) if upper else (money,), sentence=doc.text[start:end],
                 start=start, end=end, trigger=figure.trigger.group() if figure.trigger else "",
                 upper=abs(upper.value) if upper else None)


def _candidates(doc: Document, start: int, end: int, figure: Figure, pivot_match: re.Match | None,
                rules: tuple[str | None, str | None, str], unnamed: bool) -> list[Candidate]:
    """Every name and capitalized span of the sentence (the one nearest the
    amount of each), the ends of multi-word ones, the text's main party and
    the rules' choices (company, counterparty and the frame that chose
    them), and "no company", each with the features a model weighs."""
    text, lang, words = doc.text, doc.lang, doc.words
    company, counterparty, frame = rules
    pivot = pivot_match.start() if pivot_match else figure.money.start
    found = doc.found
    nearest: dict[str, Name] = {}
    for pool in (doc.names, doc.spans):
        for n in _between(pool, start, end):
            if n.name not in nearest or abs(n.start - figure.money.start) < abs(
                    nearest[n.name].start - figure.money.start):
                nearest[n.name] = n
    preceding = []
    before = bisect_left(doc.names, start, key=_start)
    for n in reversed(doc.names[max(0, before - 20):before]):
        if n.name not in nearest and n.name not in preceding and len(preceding) < _PRECEDING:
            preceding.append(n.name)
            nearest[n.name] = n
    outside = (company, counterparty, doc.about.name if doc.about and doc.several_sentences else None,
               *(doc.salient if doc.several_sentences else ()))
    for extra in outside:
        if extra and extra not in nearest:
            nearest[extra] = next((n for n in doc.names if n.name == extra), Name(-1, -1, extra))
    nouns, nationals, words_of_language = common_nouns(lang.code), nationalities(lang), common_words(lang.code)
    # "Computerhersteller Apple": the name may be the end of a span where nouns are capitalized (or
    # after a role word: "Investor Blackstone"); "UBS Schadenersatz": its start, when an event word follows
    parts = {}
    for name, n in list(nearest.items()):
        tokens = name.split()
        if len(tokens) > 1 and "(" not in name and n.start >= 0:
            ends = []
            # "Finnish Talentum" (but "British Airways"): a nationality may lead a name or describe it
            # ("Pfeifer & Langen" has no tail "& Langen")
            if tokens[1] != "&" and (lang.capitalized_nouns or words.counterparty_role.fullmatch(tokens[0])
                                     or tokens[0] in nationals):
                ends.append((" ".join(tokens[1:]), tokens[0], "part_tail", n.end - len(" ".join(tokens[1:]))))
            if words.event_word.fullmatch(tokens[-1]):
                ends.append((" ".join(tokens[:-1]), tokens[-1], "part_head", n.start))
            for part, rest, label, at in ends:
                here = nearest.get(part)
                if part not in parts and (here is None or abs(here.start - figure.money.start) > abs(
                        at - figure.money.start)):
                    # the part left out stands alone elsewhere: it is the name, not this one
                    parts[part] = (label, f"{label}_rest_recurs" if doc.counts.get(rest) else f"{label}_rest_new",
                                   f"{label}_rest:{'nationality' if rest in nationals else noun_kind(rest, nouns)}")
                    nearest[part] = Name(at, at + len(part), part, here.strong if here else False)
    places = _places(lang)
    first_sentence = text[slice(*doc.first_sentence)]
    candidates = []
    for name, n in nearest.items():
        traits = ["found" if name in found else "span_only", f"count:{min(3, doc.counts.get(name, 0))}"]
        traits += parts.get(name, ())
        tokens = name.split()
        for label, token in (("noun", tokens[0]),) if len(tokens) == 1 else (("head", tokens[0]), ("last", tokens[-1])):
            if noun := noun_kind(token, nouns):
                traits.append(f"{label}:{noun}")  # "Wahlkampf", "Brauerei Gösser", "Kartellgericht"
        if len(tokens) == 1:
            traits += [t for t, present in (("lower_elsewhere", name.lower() in doc.lowercase_words),
                                            ("common_word", name.lower() in words_of_language),
                                            ("tail_of_longer", name in doc.name_tails)) if present]
        traits += [t for t, present in (
            ("main", doc.about is not None and name == doc.about.name),
            ("preceding", name in preceding),
            # "Dafür bekam er ... eine Geldstrafe": a pronoun's party was named last
            *((f"preceding:{rank}", name == earlier) for rank, earlier in enumerate(preceding)),
            *((f"salient:{rank}", name == salient) for rank, salient in enumerate(doc.salient)),
            ("first_sentence", name in first_sentence),
            ("place", name in places), ("strong", n.strong),
            ("sentence_start", n.start in doc.sentence_starts),
            ("after_article", n.start >= 0 and _after_article(text, n.start, lang)),
            ("rule_company", name == company), ("rule_counterparty", name == counterparty),
            # how sure the rules are depends on what decided: a sale's "to X" more than the nearest name
            (f"rule_company:{frame}", name == company), (f"rule_counterparty:{frame}", name == counterparty),
            ("role_cp", n.start >= 0 and _role(text, n, words.counterparty_role, words)),
            ("role_buyer", n.start >= 0 and _role(text, n, words.buyer_role, words)),
            ("role_payer", n.start >= 0 and _role(text, n, words.payer_role, words)),
            ("person_role", n.start >= 0 and _beside(text, n, words.person_role, lang.articles))) if present]
        candidates.append(Candidate(name, company_features(
            figure.kind, name, n.start, n.end, figure.money, pivot, figure.clause, (start, end), text,
            tuple(traits))))
    in_clause = [c for c in candidates if "in_clause" in c.features]
    null_traits = [t for t, present in (
        ("several", doc.several_sentences), ("rule_none", company is None), ("rule_unnamed", unnamed),
        # the rules never weighed a span they did not take for a name
        ("span_in_clause", any("span_only" in c.features for c in in_clause)),
        ("name_in_clause", any("found" in c.features for c in in_clause)),
        ("company_reference", bool(words.company_reference.search(text, start, end)))) if present]
    candidates.append(Candidate(None, null_features(len(candidates), tuple(null_traits))))
    return candidates


def _after_article(text: str, start: int, lang: Language) -> bool:
    """"Die Sängerin Adele", "the company": an article before a capitalized word makes it a noun."""
    return word_before(text, start).lower() in lang.articles


def _role(text: str, name: Name, pattern: re.Pattern, words: Cues) -> bool:
    """A role word stands right before the name, or with only descriptors
    between ("mit Oracle", "to Norwegian shipbuilder Aker Yards"; not "in
    doubt when Zucker bought": a clause begins between), or leads it
    ("Hauptinvestor Thrive Capital")."""
    if pattern.fullmatch(name.name.split()[0]):
        return True
    before = text[max(0, name.start - 40):name.start]
    tail = " ".join(before.split()[-4:])
    match = None
    for match in pattern.finditer(tail):
        pass
    if match is None:
        return False
    gap = tail[match.end():]
    return not re.search(r"[,.;()]", gap) and not words.role_break.search(gap)


def _beside(text: str, name: Name, pattern: re.Pattern, articles: frozenset[str]) -> bool:
    """A word of `pattern` among the three words before the name or after
    it and a comma, an article and one more word ("CEO Tim Cook", "Tim
    Cook, chief executive", "Robert Longhi, the general manager")."""
    if pattern.search(" ".join(text[max(0, name.start - 40):name.start].split()[-3:])):
        return True
    after = text[name.end:name.end + 40]
    if not after.startswith(","):
        return False
    following = after[1:].split()[:3]
    if following and following[0].lower() in articles:
        following = following[1:]
    return any(pattern.match(" ".join(following[i:])) for i in range(min(2, len(following))))


@dataclass(frozen=True)
class _Frame:
    """Where a figure's parties are sought: the sentence's names, those a role
    word makes objects, and the pivot (its trigger or verb) they stand around."""
    in_sentence: list[Name]
    objects: set[Name]
    pivot: int


def _parties(doc: Document, sentence: tuple[int, int], figure: Figure, pivot_match: re.Match | None,
             about: Name | None) -> tuple[str | None, str | None, str]:
    """Company and counterparty, by the frame of the event's trigger: a fine
    is paid by the name after "gegen"/"fined"; in a sale the buyer ("to X")
    is the company and the seller the counterparty; "acquired by X" makes X
    the buyer; otherwise see _company and _counterparty. Results have no
    counterparty. The third item names the frame that decided ("fining",
    "lending", "agent", "selling" or "nearest")."""
    text, lang, words, names = doc.text, doc.lang, doc.words, doc.names
    start, end = sentence
    in_sentence = _between(names, start, end)
    if not kind_of(figure.kind).state_party:  # a state is a party only to loans, fines and investments
        in_sentence = [n for n in in_sentence if n.name not in _places(lang)]
    objects = set() if kind_of(figure.kind).result else {
        n for n in in_sentence if _role(text, n, words.counterparty_role, words)}
    pivot = pivot_match.start() if pivot_match else figure.money.start
    if pivot > figure.money.end:  # verb last: "hat die X für 4,5 Mrd. Dollar übernommen"
        subject = next((n for n in in_sentence if figure.clause[0] <= n.start < figure.money.start
                        and n not in objects), None)
        pivot = subject.end if subject else figure.money.start
    if kind_of(figure.kind).frame == "fining":
        payer = next((n for n in in_sentence if _role(text, n, words.payer_role, words)), None)
        if payer is None and pivot_match and words.fining.fullmatch(pivot_match.group()):
            payer = next((n for n in in_sentence if n.start > pivot), None)  # "fined Nokia"
        if payer is not None:
            authority = next((n for n in reversed(in_sentence) if n.start < pivot and n is not payer), None)
            if authority is None:  # "Das Kartellgericht hat ... verhängt": an authority is often a common noun
                spans = _between(doc.spans, figure.clause[0], pivot)
                authority = next((n for n in reversed(spans) if n.end <= payer.start), None)
            return payer.name, (authority.name if authority else None), "fining"
    lending = words.lending.search(text, *figure.clause) if kind_of(figure.kind).frame == "lending" else None
    if lending:  # "als die BVOG Kredite von 190 Mio. Euro gewährt hatte": the subject lends
        passive = words.passive_agent.match(text, lending.end())
        lender = (next((n for n in in_sentence if n.start > lending.end()), None) if passive else
                  next((n for n in reversed(in_sentence) if n.start < min(lending.start(), figure.money.start)
                        and n.start >= figure.clause[0]), None))
        borrower = next((n for n in in_sentence if n is not lender and _role(text, n, words.buyer_role, words)), None)
        if lender is not None:  # the borrower may go unnamed: no main party stands in for it
            return (borrower.name if borrower else _UNNAMED), lender.name, "lending"
    agent = words.agent.match(text, pivot_match.end()) if pivot_match and kind_of(figure.kind).agent else None
    if agent:  # "WHP has been acquired by Tokyo based Seven & I": the doer buys, the subject is bought
        doer = next((n for n in in_sentence if agent.end() <= n.start < agent.end() + _AGENT_REACH), None)
        if doer is not None:
            target = _subject(in_sentence, objects, pivot_match.start())
            return doer.name, (target.name if target else None), "agent"
    if pivot_match and words.selling.fullmatch(pivot_match.group()):
        buyer = next((n for n in in_sentence if n.start > pivot and _role(text, n, words.buyer_role, words)), None)
        if buyer is None:  # "an Advent": a buyer's name may also be a common noun of the lexicon
            buyer = next((n for n in _between(doc.spans, pivot, end) if _role(text, n, words.buyer_role, words)), None)
        seller = _subject(in_sentence, objects, pivot)
        return (buyer.name if buyer else None), (seller.name if seller else None), "selling"
    company = _company(doc, sentence, figure, _Frame(in_sentence, objects, pivot), about)
    if kind_of(figure.kind).result:
        return (company.name if company else None), None, "nearest"
    counterparty = _counterparty(figure, in_sentence, objects, pivot, company)
    return ((company.name if company else None),
            (_without_role(counterparty.name, words, common_nouns(lang.code)) if counterparty else None), "nearest")


def _company(doc: Document, sentence: tuple[int, int], figure: Figure, frame: _Frame,
             about: Name | None) -> Name | None:
    """The nearest name before the pivot that no role word makes an object,
    else the first such name after it in the clause ("kaufte Microsoft");
    "das Unternehmen" is the party the text is about, "die Regierung" the
    country it names most (for loans, fines and investments)."""
    text, words, names = doc.text, doc.words, doc.names
    in_sentence, objects, pivot = frame.in_sentence, frame.objects, frame.pivot
    clause_start, clause_end = figure.clause
    company = _subject(in_sentence, objects, pivot)
    if company is None:
        company = next((n for n in in_sentence if clause_start <= n.start < clause_end and n.start > pivot
                        and n not in objects), None)
    state = words.state_reference.search(text, clause_start, clause_end)
    if state and (company is None or company.start < clause_start) and kind_of(figure.kind).state_party:
        return main_place(names, doc.lang) or company  # "musste die Regierung einen Kredit aufnehmen"
    reference = words.company_reference.search(text, clause_start, clause_end)
    if reference is None and company is None:
        reference = words.company_reference.search(text, *sentence)
    if reference and (company is None or company.start < clause_start or company.start < reference.start() < pivot):
        return about or _last_name_before(names, reference.start())  # "Chief executive X said the company"
    return company


def _subject(in_sentence: list[Name], objects: set[Name], pivot: int) -> Name | None:
    """The nearest name before the pivot that no role word makes an object."""
    return next((n for n in reversed(in_sentence) if n.start < pivot and n not in objects), None)


def _last_name_before(names: list[Name], position: int) -> Name | None:
    before = bisect_left(names, position, key=_start)
    return next((n for n in reversed(names[max(0, before - 50):before]) if n.end <= position), None)


def _counterparty(figure: Figure, in_sentence: list[Name], objects: set[Name], pivot: int,
                  company: Name | None) -> Name | None:
    """A name after a role word ("mit Oracle"), in the clause after the
    pivot, then before it, then anywhere after the pivot; else the first
    name between the pivot and the amount ("buy ... Big Bear for"); else
    the next name after the amount."""
    clause_start, clause_end = figure.clause
    others = [n for n in in_sentence if company is None or n.name != company.name]
    in_clause = [n for n in others if clause_start <= n.start < clause_end]
    return (next((n for n in in_clause if n in objects and n.start > pivot), None)
            or next((n for n in reversed(in_clause) if n in objects and n.start < pivot), None)
            or next((n for n in others if n in objects and n.start > pivot), None)
            or next((n for n in in_clause if pivot < n.start < figure.money.start), None)
            or next((n for n in others if n.start > figure.money.end), None))


def _without_role(name: str, words: Cues, nouns: frozenset[str]) -> str:
    """"Hauptinvestor Thrive Capital" -> "Thrive Capital"; "Saatguthersteller
    Nunhems" -> "Nunhems" (a compound noun before a word that is none)."""
    first, _, rest = name.partition(" ")
    if rest and (words.counterparty_role.fullmatch(first) or noun_kind(first, nouns) == "compound"
                 and noun_kind(rest.split()[0], nouns) is None):
        return rest
    return name


def _pivot(text: str, figure: Figure, words: Cues) -> re.Match | None:
    """The clause's first trigger of the event's kind before the amount."""
    if figure.trigger is None:
        return None
    clause_start = min(figure.clause[0], figure.trigger.start())
    for match in words.trigger.finditer(text, clause_start, figure.money.start):
        if match.lastgroup == figure.kind:
            return match
    return figure.trigger


def _count(names: list[Name], name: Name | None) -> int:
    return 0 if name is None else sum(1 for n in names if n.name == name.name)


def _start(name: Name) -> int:
    return name.start


def _between(pool: list[Name], start: int, end: int) -> list[Name]:
    """The names of `pool` (sorted by start) that start in [start, end)."""
    return pool[bisect_left(pool, start, key=_start):bisect_left(pool, end, key=_start)]
