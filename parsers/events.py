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

from .cues import Cues, cues
from .detect import detect_language
from .event import Event
from .languages import Language, load_language
from .mentions import find_money
from .money import Money
from .parties import Name, find_names, main_name, main_place, places as _places
from .periods import Period, find_periods, resolve
from .sentences import clauses, sentences

RESULTS = frozenset({"loss", "profit", "revenue", "valuation"})
PUBLIC = frozenset({"loan", "fine", "investment"})
# A party the text leaves unnamed on purpose ("Kredite ... gewährt"), so that
# no main party stands in for it.
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


def find_events(text: str, lang: str | None = None, date: date | None = None,
                mentions: list[Money] | None = None) -> list[Event]:
    """The events of `text`, one per fact. `date` anchors relative times
    ("im Vorjahr", "last year") when the text states none; `mentions` may
    pass what find_money already found.

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
    names = find_names(text, language, {s for s, _ in spans}, protected, words.event_word)
    about = main_name(names, language)
    events: list[Event] = []
    index = 0
    for start, end in spans:
        in_sentence = []
        while index < len(mentions) and mentions[index].start < end:
            if mentions[index].start >= start:
                in_sentence.append(mentions[index])
            index += 1
        if in_sentence:
            events.extend(_sentence_events(text, start, end, in_sentence, language, words, names, about,
                                           len(spans) > 1, date, converted))
    return _merged(events)


def _sentence_events(text: str, start: int, end: int, mentions: list[Money], lang: Language,
                     words: Cues, names: list[Name], about: Name | None, several_sentences: bool,
                     today: date | None, converted: set[tuple[Decimal, str]]) -> list[Event]:
    protected = [(m.start, m.end) for m in mentions]
    parts = clauses(text, start, end, lang, protected)
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
    periods = find_periods(text, start, end, lang)
    context_year = next((p.year for p in periods if p.year), None)
    events = []
    for position, figure in enumerate(figures):
        if figure.kind is None:
            continue
        figure.period = _period_of(position, figures, periods, today, context_year, words, text)
        figure.status = _status(text, figure, words, lang)
    for figure in figures:
        if figure.kind is None or not _stands_alone(figure):
            continue
        if figure.kind != "fine" and abs(figure.money.value) < _SMALLEST:
            continue  # a share price after a change in per cent, a price of goods: no company's fact
        if figure.kind == "fine" and words.threat.search(text, *figure.clause):
            continue  # "drohen Strafen bis zu 60.000 Euro": not imposed
        events.append(_event(text, start, end, figure, lang, words, names, about, several_sentences))
    return events


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
        if figure.kind == "profit" and figure.money.value < 0:
            figure.kind = "loss"


def _kind(text: str, figure: _Figure, words: Cues) -> tuple[str | None, re.Match | None]:
    """The nearest trigger of the clause (one after the amount counts at
    thrice its distance), unless a blocker stands nearer or the clause is
    about shares. With none in the clause, the nearest trigger before the
    amount in its sentence with no other amount between."""
    start, end = figure.clause
    money = figure.money
    if words.per_share.search(text, start, end):
        return None, None
    best, best_distance = _nearest(text, words.trigger, start, end, money, figure.next_start)
    if best is None:
        return None, None
    blocker, blocker_distance = _nearest(text, words.blocker, start, end, money, figure.next_start)
    if blocker is not None and blocker_distance < best_distance:
        return None, None
    return best.lastgroup, best


def _nearest(text: str, pattern: re.Pattern, start: int, end: int, money: Money, next_start: int):
    """The match nearest the amount; one after it counts at thrice its
    distance, and only when nearer to it than to the next amount ("$12.6
    billion on revenues of $44.28 billion")."""
    best, best_distance = None, None
    for match in pattern.finditer(text, start, end):
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
    """An earlier figure is an event of its own only when its period and
    that of the figure it is compared with are both stated and differ, or
    when that figure is only expected (then the earlier one is the fact)."""
    current = figure.compares_with
    if current is None or current.kind is None or current.status != "actual":
        return True
    mine, theirs = figure.period and figure.period.label(), current.period and current.period.label()
    return bool(mine and theirs and mine != theirs)


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
    if figure.kind in RESULTS:
        return "expected"
    return "expected" if expected and not planned else "planned"


def _event(text: str, start: int, end: int, figure: _Figure, lang: Language, words: Cues,
           names: list[Name], about: Name | None, several_sentences: bool) -> Event:
    company, counterparty = _parties(text, start, end, figure, lang, words, names,
                                     about if several_sentences else None)
    if company == _UNNAMED:
        company = None
    elif company is None and several_sentences:  # an article's sentence without a name is about its main party
        place = main_place(names, lang) if figure.kind == "loan" else None
        party = place if place and _count(names, place) >= _count(names, about) else about
        company = party.name if party else None
    money = figure.money
    return Event(kind=figure.kind, company=company, counterparty=counterparty, value=abs(money.value),
                 currency=money.currency, period=figure.period.label() if figure.period else None,
                 status=figure.status, mentions=(money,), sentence=text[start:end],
                 start=start, end=end, trigger=figure.trigger.group() if figure.trigger else "")


def _role(text: str, name: Name, pattern: re.Pattern) -> bool:
    """A role word stands right before the name ("mit Oracle", "to
    Norwegian shipbuilder Aker Yards")."""
    before = text[max(0, name.start - 40):name.start]
    tail = " ".join(before.split()[-4:])
    match = None
    for match in pattern.finditer(tail):
        pass
    return match is not None and not re.search(r"[,.;()]", tail[match.end():])


def _parties(text: str, start: int, end: int, figure: _Figure, lang: Language, words: Cues,
             names: list[Name], about: Name | None) -> tuple[str | None, str | None]:
    """Company and counterparty, by the frame of the event's trigger: a fine
    is paid by the name after "gegen"/"fined"; in a sale the buyer ("to X")
    is the company and the seller the counterparty; otherwise see _company
    and _counterparty. Results have no counterparty."""
    first, last = bisect_left(names, start, key=_start), bisect_left(names, end, key=_start)
    in_sentence = names[first:last]
    if figure.kind not in PUBLIC:  # a state is a party only to loans, fines and investments
        in_sentence = [n for n in in_sentence if n.name not in _places(lang)]
    objects = set() if figure.kind in RESULTS else {
        n for n in in_sentence if _role(text, n, words.counterparty_role)}
    pivot_match = _pivot(text, figure, words)
    pivot = pivot_match.start() if pivot_match else figure.money.start
    if pivot > figure.money.end:  # verb last: "hat die X für 4,5 Mrd. Dollar übernommen"
        subject = next((n for n in in_sentence if figure.clause[0] <= n.start < figure.money.start
                        and n not in objects), None)
        pivot = subject.end if subject else figure.money.start
    if figure.kind == "fine":
        payer = next((n for n in in_sentence if _role(text, n, words.payer_role)), None)
        if payer is None and pivot_match and words.fining.fullmatch(pivot_match.group()):
            payer = next((n for n in in_sentence if n.start > pivot), None)  # "fined Nokia"
        if payer is not None:
            authority = next((n for n in reversed(in_sentence) if n.start < pivot and n is not payer), None)
            return payer.name, (authority.name if authority else None)
    lending = words.lending.search(text, *figure.clause) if figure.kind == "loan" else None
    if lending:  # "als die BVOG Kredite von 190 Mio. Euro gewährt hatte": the subject lends
        passive = re.match(r"\s+(?:by|von|durch)\s", text[lending.end():lending.end() + 8])
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
    if figure.kind in RESULTS:
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
    if state and (company is None or company.start < clause_start) and figure.kind in PUBLIC:
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
