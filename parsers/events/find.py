"""find_events: from money mentions to ledger rows.

Per sentence with money: each amount that is not per unit and not a
bracketed conversion takes the kind of the nearest trigger in its clause
(unless a blocker such as "Dividende" or "order book" stands nearer). An
amount compared with another of the same fact ("to EUR 5 mn from EUR 4 mn",
"von 518 auf 172 Mio. Euro", "6,31 (2014: 4,86)") is an earlier figure: an
event of its own only when both periods are stated. Parties come from names
around the trigger, periods from time expressions of the sentence, status
from cue words of the clause.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from functools import cached_property

from ..detect import detect_language
from ..languages import Language, load_language
from ..money.find import find_money
from ..money.mention import Money
from .cues import Cues, blockers_outside, cues
from .decisions import Candidate, Decider, company_features, kind_features, null_features, shipped
from .event import Event
from .kinds import kind as kind_of
from .nouns import common_nouns, noun_kind
from .parties import Name, find_parties, main_name, main_place, places as _places
from .periods import Period, find_periods, resolve
from .sentences import clauses, sentences

# A party the text leaves unnamed on purpose ("Kredite ... gewährt"), so that
# no main party stands in for it.
_WORD = re.compile(r"[^\W\d_][\w-]*")
_UNNAMED = ""
# How far from its amount a clause's words count (clauses are not longer).
_CLAUSE_REACH = 300
# How far an earlier figure may stand from the figure it is compared with.
_COMPARISON_GAP = 90
_CONVERSION_GAP = 30
# Below this an amount is a price ("ein Minus von 0,53 Prozent auf 25,48 Euro",
# "purchased online for around 10 Euros"), not a company's result or deal;
# fines can be small.
_SMALLEST = Decimal(1000)
# How many of a text's most repeated names, and how many names of the sentences before, may be an
# event's company when the sentence names it only as "das Unternehmen" or not at all.
_SALIENT, _PRECEDING = 3, 4
# How far before a time expression a word may make it the time of something else.
_OTHER_TIME_REACH = 30
# How far after an amount its period may stand ("EUR 5 mn in the third quarter of 2010").
_PERIOD_REACH = 60


@dataclass
class _Figure:
    money: Money
    clause: tuple[int, int]
    kind: str | None = None
    trigger: re.Match | None = None
    compares_with: "_Figure | None" = None  # set on an earlier figure
    earlier: list["_Figure"] = field(default_factory=list)
    period: Period | None = None
    status: str = "actual"
    unshared: int = 0  # where the text before it that it shares with no other amount begins
    next_start: int = 10 ** 12  # where the next amount of the sentence begins


@dataclass(frozen=True, eq=False)
class _Document:
    """What every sentence of a text shares."""
    text: str
    lang: Language
    words: Cues
    names: list[Name]
    spans: list[Name]  # every capitalized span, a name or not
    counts: dict[str, int]
    salient: tuple[str, ...]  # the names the text repeats most, most first
    first_sentence: tuple[int, int]
    sentence_starts: frozenset[int]
    about: Name | None
    several_sentences: bool
    today: date | None
    converted: set[tuple[Decimal, str]]
    decider: Decider

    @cached_property
    def lowercase_words(self) -> frozenset[str]:
        """Words the text writes in lower case: a capitalized one of them is
        a common word at a sentence start ("Sources said", "Danach")."""
        return frozenset(w for w in _WORD.findall(self.text) if w[0].islower())

    @cached_property
    def name_tails(self) -> frozenset[str]:
        """Last words of multi-word names: a surname alone ("Ferguson" after "Nick Ferguson")."""
        return frozenset(n.name.split()[-1] for n in self.names if " " in n.name)


def find_events(text: str, lang: str | None = None, date: date | None = None,
                mentions: list[Money] | None = None, decider: Decider | None = None) -> list[Event]:
    """The events of `text`, one per fact. `date` anchors relative times
    ("im Vorjahr", "last year") when the text states none; `mentions` may
    pass what find_money already found; `decider` makes the choices of
    kind and company (by default the shipped models, see decisions.py).

    >>> [(e.kind, e.company, str(e.value)) for e in find_events("Zusätzlich nahm OpenAI einen Kredit über 4 Milliarden US-Dollar auf.")]
    [('loan', 'OpenAI', '4000000000')]
    """
    language = load_language(lang or detect_language(text))
    if mentions is None:
        mentions = find_money(text, language.code)
    if not mentions:
        return []
    words = cues(language)
    # "90 Millionen Pfund (117 Millionen Euro)": 117 Millionen Euro elsewhere retells the same fact
    converted = {(m.value, m.currency) for previous, m in zip(mentions, mentions[1:])
                 if _conversion(text, previous, m, words)}
    protected = [(m.start, m.end) for m in mentions]
    spans = sentences(text, language, protected)
    starts = frozenset(s for s, _ in spans)
    names, capitalized = find_parties(text, language, starts, protected, words.event_word)
    counts = {}
    for n in (*names, *capitalized):
        counts[n.name] = counts.get(n.name, 0) + 1
    salient = tuple(sorted((n for n, c in counts.items() if c > 1), key=lambda n: -counts[n])[:_SALIENT])
    document = _Document(text, language, words, names, capitalized, counts, salient, spans[0], starts,
                         main_name(names, language), len(spans) > 1, date, converted, decider or shipped())
    events: list[Event] = []
    index = 0
    for start, end in spans:
        in_sentence = []
        while index < len(mentions) and mentions[index].start < end:
            if mentions[index].start >= start:
                in_sentence.append(mentions[index])
            index += 1
        if in_sentence:
            events.extend(_sentence_events(document, start, end, in_sentence))
    return _merged(events)


def _sentence_events(doc: _Document, start: int, end: int, mentions: list[Money]) -> list[Event]:
    text, lang, words, today, converted = doc.text, doc.lang, doc.words, doc.today, doc.converted
    # a comma inside an amount or a trigger splits nothing ("Gewinn vor Zinsen, Steuern und Abschreibungen")
    protected = [(m.start, m.end) for m in mentions] + [t.span() for t in words.trigger.finditer(text, start, end)]
    parts = clauses(text, start, end, lang, sorted(protected))
    figures = []
    for position, money in enumerate(mentions):
        previous = mentions[position - 1] if position else None
        if _per_unit(text, money, words) or (money.value, money.currency) in converted:
            continue
        at = bisect_right(parts, (money.start, float("inf"))) - 1
        clause = parts[at] if at >= 0 and parts[at][0] <= money.start < parts[at][1] else (start, end)
        clause = (max(clause[0], money.start - _CLAUSE_REACH), min(clause[1], money.end + _CLAUSE_REACH))
        figures.append(_Figure(money, clause, unshared=previous.end if previous else start))
    for figure, following in zip(figures, figures[1:]):
        figure.next_start = following.money.start
    _link_comparisons(text, figures, words)
    _assign_kinds(text, figures, words, start)
    # "delivery expected in the second half of 2025": the time of something else
    periods = [p for p in find_periods(text, start, end, lang)
               if not words.other_time.search(text, max(start, p.start - _OTHER_TIME_REACH), p.start)]
    context_year = next((p.year for p in periods if p.year), None)
    for position, figure in enumerate(figures):
        figure.period = _period_of(position, figures, periods, today, context_year, words, text)
        if figure.kind is not None:
            figure.status = _status(text, figure, words, lang)
    decided = []
    for figure in figures:
        flags = _flags(text, figure, words)
        features = kind_features(text, figure.money, figure.clause, (start, end), words, figure.kind, flags)
        kind = doc.decider.kind(lang.code, features, figure.money)
        # A claim not yet imposed is never an event (GUIDELINES.md), whatever a model says
        decided.append((figure, None if kind and kind_of(kind).frame == "fining" and "threat" in flags else kind))
    events = []
    for figure, kind in decided:
        if kind is None or figure.money.value == 0:  # "ein Bußgeld von 0 Euro": nothing to book
            continue
        if figure.money.value < 0 and kind_of(kind).negative:
            kind = kind_of(kind).negative  # "EBIT von -12,5 Mio. EUR"
        if kind != figure.kind:
            figure.kind = kind
            figure.status = _status(text, figure, words, lang)
        events.append(_event(doc, start, end, figure))
    return events


def _flags(text: str, figure: _Figure, words: Cues) -> tuple[str, ...]:
    """Why the rules would not make a figure an event of its own."""
    flags = []
    if figure.kind is not None and not _stands_alone(figure):
        flags.append("not_alone")  # an earlier figure of a comparison without a period of its own
    if abs(figure.money.value) < _SMALLEST:
        flags.append("small")  # a share price after a change in per cent, a price of goods
    if words.threat.search(text, *figure.clause):
        flags.append("threat")  # "drohen Strafen bis zu 60.000 Euro": not imposed
    if figure.compares_with is not None:
        flags.append("earlier")
    if figure.earlier:
        flags.append("has_earlier")
    return tuple(flags)


def _per_unit(text: str, money: Money, words: Cues) -> bool:
    return bool(words.per_unit.match(text, money.end))


def _conversion(text: str, previous: Money | None, money: Money, words: Cues) -> bool:
    """"72 Milliarden Dollar (64 Mrd. Euro)", "7 million litas EUR 2 mln":
    another currency right after an amount restates it."""
    if previous is None or previous.currency == money.currency:
        return False
    gap = text[previous.end:money.start]
    return len(gap) <= _CONVERSION_GAP and not re.search(r"[^\W\d_]", words.conversion.sub("", gap))


def _link_comparisons(text: str, figures: list[_Figure], words: Cues) -> None:
    """Mark earlier figures: the amount after a comparison word or inside a
    comparison bracket, or the German "von X auf Y" X."""
    for before, after in zip(figures, figures[1:]):
        if before.money.currency != after.money.currency:
            continue
        gap = text[before.money.end:after.money.start]
        if len(gap) > _COMPARISON_GAP or words.trigger.search(gap) and not words.comparison.search(gap):
            continue
        lead = text[max(0, before.money.start - 12):before.money.start]
        if words.range_from.search(lead) and words.range_to.search(gap):
            before.compares_with = after  # "sank von 518,4 auf 172 Mio. Euro", "from $375.5m to $502.5m"
        elif words.comparison.search(gap) or re.fullmatch(r"\s*\(\s*(?:\S+:)?\s*|\s+", gap):
            after.compares_with = before
        else:
            continue
        current = before if after.compares_with is before else after
        current.earlier.append(after if current is before else before)


def _assign_kinds(text: str, figures: list[_Figure], words: Cues, sentence_start: int) -> None:
    for figure in figures:
        figure.kind, figure.trigger = _kind(text, figure, words)
    for figure in figures:
        if figure.kind is None and figure.compares_with is not None:
            figure.kind, figure.trigger = figure.compares_with.kind, figure.compares_with.trigger
    previous_end = -1
    for figure in figures:
        if figure.kind is None and figure.compares_with is None \
                and not words.trigger.search(text, *figure.clause) and not words.blocker.search(text, *figure.clause):
            figure.kind, figure.trigger = _sentence_trigger(text, figure, sentence_start, previous_end, words)
        previous_end = figure.money.end
    _respectively(text, figures, words, sentence_start)
    for figure in figures:
        if figure.kind and figure.money.value < 0 and kind_of(figure.kind).negative:
            figure.kind = kind_of(figure.kind).negative


def _kind(text: str, figure: _Figure, words: Cues) -> tuple[str | None, re.Match | None]:
    """The nearest trigger of the clause (one after the amount counts at
    thrice its distance), unless a blocker or per-share words stand nearer.
    A blocker inside a trigger does not block: the "Steuern" of "Gewinn vor
    Steuern". With no trigger in the clause, the nearest trigger before the
    amount in its sentence with no other amount between."""
    start, end = figure.clause
    money = figure.money
    triggers = list(words.trigger.finditer(text, start, end))
    best, best_distance = _nearest(triggers, money, figure.next_start)
    if best is None:
        return None, None
    blocker, blocker_distance = _nearest(blockers_outside(text, words, triggers, start, end), money, figure.next_start)
    if blocker is not None and blocker_distance < best_distance:
        return None, None
    return best.lastgroup, best


def _nearest(matches: list[re.Match], money: Money, next_start: int):
    """The match nearest the amount; one after it counts at thrice its
    distance, and only when nearer to it than to the next amount ("$12.6
    billion on revenues of $44.28 billion")."""
    best, best_distance = None, None
    for match in matches:
        if money.start <= match.start() < money.end:
            continue
        if match.start() >= money.end and match.start() - money.end > next_start - match.end():
            continue
        distance = money.start - match.end() if match.end() <= money.start else 3 * (match.start() - money.end)
        if best_distance is None or distance < best_distance:
            best, best_distance = match, distance
    return best, best_distance


def _sentence_trigger(text: str, figure: _Figure, sentence_start: int, previous_end: int,
                      words: Cues) -> tuple[str | None, re.Match | None]:
    """A trigger earlier in the sentence, with no amount, blocker or
    per-share words between it and this amount ("to buy a plant ..., for
    around 13 mln eur")."""
    low = max(sentence_start, previous_end)
    match = None
    for match in words.trigger.finditer(text, low, figure.money.start):
        pass
    if match is None or words.blocker.search(text, match.end(), figure.money.start) \
            or words.per_share.search(text, low, figure.money.start):
        return None, None
    return match.lastgroup, match


def _respectively(text: str, figures: list[_Figure], words: Cues, sentence_start: int) -> None:
    """"Both operating profit and net sales ... increased, respectively from
    EUR18 .1 m and EUR127 .6 m": the triggers before the first amount map to
    the amounts in order."""
    if not figures or not words.respectively.search(text, sentence_start, figures[0].money.start):
        return
    triggers = list(words.trigger.finditer(text, sentence_start, figures[0].money.start))
    if len(triggers) == len(figures):
        for figure, trigger in zip(figures, triggers):
            figure.kind, figure.trigger, figure.compares_with = trigger.lastgroup, trigger, None


def _period_of(position: int, figures: list[_Figure], periods: list[Period], today: date | None,
               context_year: int | None, words: Cues, text: str) -> Period | None:
    """For figures[position]: the time expression right after its amount
    (before the next amount, with no comparison word between), else the
    last one before it (after the previous amount); else, for a current figure, the sentence's first
    time expression that no earlier figure owns. Relative expressions
    resolve against the figure compared with."""
    figure = figures[position]
    low = figures[position - 1].money.end if position else -1
    high = figures[position + 1].money.start if position + 1 < len(figures) else 10 ** 12
    after = [p for p in periods if figure.money.end <= p.start < min(high, figure.money.end + _PERIOD_REACH)
             and not words.comparison.search(text, figure.money.end, p.start)
             and text.count("(", figure.money.end, p.end) <= text.count(")", figure.money.end, p.end)]
    before = [p for p in periods if low <= p.start and p.end <= figure.money.start]
    # "6,31 (2014: 4,86)": the bracket's label is the period of the figure in it
    label = False
    if figure.compares_with is not None and before and before[-1].start >= figure.compares_with.money.end:
        gap = text[figure.compares_with.money.end:before[-1].start].strip()
        label = gap == "(" or not gap and text[before[-1].start] == "("
    own = before[-1] if label else after[0] if after else (before[-1] if before else None)
    if own is None and figure.earlier and figure.earlier[0].money.end <= figure.money.start:
        own = figure.earlier[0].period  # "der ersten drei Quartale von 440,5 auf 175,3 Mio. Euro"
    if own is None and figure.compares_with is None:
        owned = [(f.compares_with.money.end, f.money.end) for f in figures if f.compares_with is not None]
        own = next((p for p in periods if not p.relation and not any(a <= p.start < b for a, b in owned)), None)
    if own is None:
        return None
    current = figure.compares_with.period if figure.compares_with else None
    return resolve(own, current, today, context_year)


def _stands_alone(figure: _Figure) -> bool:
    """An earlier figure is an event of its own when its period is stated
    (or follows from a stated time) and is not that of the figure it is
    compared with ("fell to EUR 38.1 mn from EUR 55.3 mn in 2007": two
    events), or when that figure is only expected (then the earlier one is
    the fact)."""
    current = figure.compares_with
    if current is None or current.kind is None or current.status != "actual":
        return True
    mine, theirs = figure.period and figure.period.label(), current.period and current.period.label()
    return bool(mine) and mine != theirs


def _cue(text: str, pattern: re.Pattern, start: int, end: int, money: Money, lang: Language) -> bool:
    """A status word before the amount in its clause, or right after it
    before any conjunction ("einen Verlust von 5 Mrd. Dollar erwartet", but
    not "823 Mio. Euro und will in Zukunft ...")."""
    if pattern.search(text, start, money.start):
        return True
    match = pattern.search(text, money.end, end)
    return bool(match) and not any(re.search(rf"(?<!\w){re.escape(c)}(?!\w)", text[money.end:match.start()])
                                   for c in lang.list_conjunctions)


def _status(text: str, figure: _Figure, words: Cues, lang: Language) -> str:
    """Expected or planned by cue words of the clause; an earlier figure
    compared with is always a reported one."""
    if figure.compares_with is not None:
        return "actual"
    start, end = figure.clause
    if figure.trigger is not None:
        start = min(start, figure.trigger.start())
    start = min(start, figure.unshared)  # "plant, 58 Millionen Euro ... zu investieren"
    expected = _cue(text, words.expected, start, end, figure.money, lang)
    planned = _cue(text, words.planned, start, end, figure.money, lang)
    if not expected and not planned:
        return "actual"
    if kind_of(figure.kind).result:
        return "expected"
    return "expected" if expected and not planned else "planned"


def _event(doc: _Document, start: int, end: int, figure: _Figure) -> Event:
    text, lang, words, names, about = doc.text, doc.lang, doc.words, doc.names, doc.about
    company, counterparty = _parties(text, start, end, figure, lang, words, names,
                                     about if doc.several_sentences else None)
    unnamed = company == _UNNAMED
    if unnamed:
        company = None
    elif company is None and doc.several_sentences:  # an article's sentence without a name is about its main party
        place = main_place(names, lang) if kind_of(figure.kind).frame == "lending" else None
        party = place if place and _count(names, place) >= _count(names, about) else about
        company = party.name if party else None
    chosen = doc.decider.company(lang.code, figure.kind, figure.money,
                                 _candidates(doc, start, end, figure, company, counterparty, unnamed))
    chosen_name = chosen.name if chosen else None
    if chosen_name is not None and chosen_name != company and chosen_name == counterparty:
        counterparty = company  # the rules had the roles the other way round
    company = chosen_name
    if counterparty == company or kind_of(figure.kind).result:
        counterparty = None
    money = figure.money
    return Event(kind=figure.kind, company=company, counterparty=counterparty, value=abs(money.value),
                 currency=money.currency, period=figure.period.label() if figure.period else None,
                 status=figure.status, mentions=(money,), sentence=text[start:end],
                 start=start, end=end, trigger=figure.trigger.group() if figure.trigger else "")


def _candidates(doc: _Document, start: int, end: int, figure: _Figure, company: str | None,
                counterparty: str | None, unnamed: bool) -> list[Candidate]:
    """Every name and capitalized span of the sentence (the one nearest the
    amount of each), the ends of multi-word ones, the text's main party and
    the rules' choices, and "no company", each with the features a model
    weighs."""
    text, lang, words = doc.text, doc.lang, doc.words
    pivot_match = _pivot(text, figure, words)
    pivot = pivot_match.start() if pivot_match else figure.money.start
    found = {n.name for n in doc.names}
    nearest: dict[str, Name] = {}
    for pool in (doc.names, doc.spans):
        first, last = bisect_left(pool, start, key=_start), bisect_left(pool, end, key=_start)
        for n in pool[first:last]:
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
    nouns = common_nouns(lang.code)
    # "Computerhersteller Apple": the name may be the end of a span where nouns are capitalized (or
    # after a role word: "Investor Blackstone"); "UBS Schadenersatz": its start, when an event word follows
    parts = {}
    for name, n in list(nearest.items()):
        tokens = name.split()
        if len(tokens) > 1 and "(" not in name and n.start >= 0:
            ends = []
            if lang.capitalized_nouns or words.counterparty_role.fullmatch(tokens[0]):
                ends.append((" ".join(tokens[1:]), tokens[0], "part_tail", n.end - len(" ".join(tokens[1:]))))
            if words.event_word.fullmatch(tokens[-1]):
                ends.append((" ".join(tokens[:-1]), tokens[-1], "part_head", n.start))
            for part, rest, label, at in ends:
                here = nearest.get(part)
                if part not in parts and (here is None or abs(here.start - figure.money.start) > abs(
                        at - figure.money.start)):
                    # the part left out stands alone elsewhere: it is the name, not this one
                    parts[part] = (label, f"{label}_rest_recurs" if doc.counts.get(rest) else f"{label}_rest_new",
                                   f"{label}_rest:{noun_kind(rest, nouns)}")
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
                                            ("tail_of_longer", name in doc.name_tails)) if present]
        traits += [t for t, present in (
            ("main", doc.about is not None and name == doc.about.name),
            ("preceding", name in preceding),
            *((f"salient:{rank}", name == salient) for rank, salient in enumerate(doc.salient)),
            ("first_sentence", name in first_sentence),
            ("place", name in places), ("strong", n.strong),
            ("sentence_start", n.start in doc.sentence_starts),
            ("after_article", n.start >= 0 and _after_article(text, n.start, lang)),
            ("rule_company", name == company), ("rule_counterparty", name == counterparty),
            ("role_cp", n.start >= 0 and _role(text, n, words.counterparty_role)),
            ("role_buyer", n.start >= 0 and _role(text, n, words.buyer_role)),
            ("role_payer", n.start >= 0 and _role(text, n, words.payer_role)),
            ("person_role", n.start >= 0 and _beside(text, n, words.person_role))) if present]
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
    before = text[max(0, start - 12):start].split()
    return bool(before) and before[-1].lower() in lang.articles


def _role(text: str, name: Name, pattern: re.Pattern) -> bool:
    """A role word stands right before the name ("mit Oracle", "to
    Norwegian shipbuilder Aker Yards")."""
    before = text[max(0, name.start - 40):name.start]
    tail = " ".join(before.split()[-4:])
    match = None
    for match in pattern.finditer(tail):
        pass
    return match is not None and not re.search(r"[,.;()]", tail[match.end():])


def _beside(text: str, name: Name, pattern: re.Pattern) -> bool:
    """A word of `pattern` among the three words before the name or right
    after it and a comma ("CEO Tim Cook", "Tim Cook, chief executive")."""
    before = " ".join(text[max(0, name.start - 40):name.start].split()[-3:])
    after = text[name.end:name.end + 30]
    return bool(pattern.search(before)) or bool(re.match(r",\s*", after) and pattern.match(after.lstrip(", ")))


def _parties(text: str, start: int, end: int, figure: _Figure, lang: Language, words: Cues,
             names: list[Name], about: Name | None) -> tuple[str | None, str | None]:
    """Company and counterparty, by the frame of the event's trigger: a fine
    is paid by the name after "gegen"/"fined"; in a sale the buyer ("to X")
    is the company and the seller the counterparty; otherwise see _company
    and _counterparty. Results have no counterparty."""
    first, last = bisect_left(names, start, key=_start), bisect_left(names, end, key=_start)
    in_sentence = names[first:last]
    if not kind_of(figure.kind).state_party:  # a state is a party only to loans, fines and investments
        in_sentence = [n for n in in_sentence if n.name not in _places(lang)]
    objects = set() if kind_of(figure.kind).result else {
        n for n in in_sentence if _role(text, n, words.counterparty_role)}
    pivot_match = _pivot(text, figure, words)
    pivot = pivot_match.start() if pivot_match else figure.money.start
    if pivot > figure.money.end:  # verb last: "hat die X für 4,5 Mrd. Dollar übernommen"
        subject = next((n for n in in_sentence if figure.clause[0] <= n.start < figure.money.start
                        and n not in objects), None)
        pivot = subject.end if subject else figure.money.start
    if kind_of(figure.kind).frame == "fining":
        payer = next((n for n in in_sentence if _role(text, n, words.payer_role)), None)
        if payer is None and pivot_match and words.fining.fullmatch(pivot_match.group()):
            payer = next((n for n in in_sentence if n.start > pivot), None)  # "fined Nokia"
        if payer is not None:
            authority = next((n for n in reversed(in_sentence) if n.start < pivot and n is not payer), None)
            return payer.name, (authority.name if authority else None)
    lending = words.lending.search(text, *figure.clause) if kind_of(figure.kind).frame == "lending" else None
    if lending:  # "als die BVOG Kredite von 190 Mio. Euro gewährt hatte": the subject lends
        passive = words.passive_agent.match(text, lending.end())
        lender = (next((n for n in in_sentence if n.start > lending.end()), None) if passive else
                  next((n for n in reversed(in_sentence) if n.start < min(lending.start(), figure.money.start)
                        and n.start >= figure.clause[0]), None))
        borrower = next((n for n in in_sentence if n is not lender and _role(text, n, words.buyer_role)), None)
        if lender is not None:  # the borrower may go unnamed: no main party stands in for it
            return (borrower.name if borrower else _UNNAMED), lender.name
    if pivot_match and words.selling.fullmatch(pivot_match.group()):
        buyer = next((n for n in in_sentence if n.start > pivot and _role(text, n, words.buyer_role)), None)
        seller = next((n for n in reversed(in_sentence) if n.start < pivot and n not in objects), None)
        return (buyer.name if buyer else None), (seller.name if seller else None)
    company = _company(text, start, end, figure, lang, words, names, in_sentence, objects, pivot, about)
    if kind_of(figure.kind).result:
        return (company.name if company else None), None
    counterparty = _counterparty(figure, in_sentence, objects, pivot, company)
    return (company.name if company else None), (_without_role(counterparty.name, words) if counterparty else None)


def _company(text: str, start: int, end: int, figure: _Figure, lang: Language, words: Cues, names: list[Name],
             in_sentence: list[Name], objects: set[Name], pivot: int, about: Name | None) -> Name | None:
    """The nearest name before the pivot that no role word makes an object,
    else the first such name after it in the clause ("kaufte Microsoft");
    "das Unternehmen" is the party the text is about, "die Regierung" the
    country it names most (for loans, fines and investments)."""
    clause_start, clause_end = figure.clause
    company = next((n for n in reversed(in_sentence) if n.start < pivot and n not in objects), None)
    if company is None:
        company = next((n for n in in_sentence if clause_start <= n.start < clause_end and n.start > pivot
                        and n not in objects), None)
    state = words.state_reference.search(text, clause_start, clause_end)
    if state and (company is None or company.start < clause_start) and kind_of(figure.kind).state_party:
        return main_place(names, lang) or company  # "musste die Regierung einen Kredit aufnehmen"
    reference = words.company_reference.search(text, clause_start, clause_end)
    if reference is None and company is None:
        reference = words.company_reference.search(text, start, end)
    if reference and (company is None or company.start < clause_start or company.start < reference.start() < pivot):
        return about or _last_name_before(names, reference.start())  # "Chief executive X said the company"
    return company


def _last_name_before(names: list[Name], position: int) -> Name | None:
    before = bisect_left(names, position, key=_start)
    return next((n for n in reversed(names[max(0, before - 50):before]) if n.end <= position), None)


def _counterparty(figure: _Figure, in_sentence: list[Name], objects: set[Name], pivot: int,
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


def _without_role(name: str, words: Cues) -> str:
    """"Hauptinvestor Thrive Capital" -> "Thrive Capital"."""
    first, _, rest = name.partition(" ")
    return rest if rest and words.counterparty_role.fullmatch(first) else name


def _pivot(text: str, figure: _Figure, words: Cues) -> re.Match | None:
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


def _merged(events: list[Event]) -> list[Event]:
    """One event per fact: the same kind, amount and currency told again in
    a document (for the same period, or without one) is the first telling,
    completed by the later: its company, counterparty and period where it
    had none."""
    kept: list[Event] = []
    by_fact: dict[tuple, list[int]] = {}
    for event in events:
        fact = (event.kind, event.value, event.currency)
        same = next((i for i in by_fact.get(fact, ()) if kept[i].period == event.period
                     or kept[i].period is None or event.period is None), None)
        if same is None:
            by_fact.setdefault(fact, []).append(len(kept))
            kept.append(event)
            continue
        first = kept[same]
        kept[same] = replace(first, company=first.company or event.company,
                             counterparty=first.counterparty or event.counterparty,
                             period=first.period or event.period)
    return kept
