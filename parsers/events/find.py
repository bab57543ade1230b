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

from bisect import bisect_right
from dataclasses import replace
from datetime import date

from ..detect import detect_language
from ..languages import load_language
from ..money.find import find_money
from ..money.mention import Money
from .context import Document, Figure
from .cues import Cues, cues
from .decisions import Decider, kind_features, shipped
from .event import Event
from .figures import assign_kinds, conversion, link_comparisons, never_event, per_unit, rule_flags
from .kinds import kind as kind_of
from .parties import find_parties, main_name
from .periods import find_periods
from .roles import event_of
from .sentences import clauses, sentences
from .timing import Times, context_year, period_of, status

# How far from its amount a clause's words count (clauses are not longer).
_CLAUSE_REACH = 300
# How far before a time expression a word may make it the time of something else.
_OTHER_TIME_REACH = 30


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
                 if conversion(text, previous, m, words)}
    protected = [(m.start, m.end) for m in mentions]
    spans = sentences(text, language, protected)
    starts = frozenset(s for s, _ in spans)
    names, capitalized = find_parties(text, language, starts, protected, words.event_word)
    counts = {}
    for n in (*names, *capitalized):
        counts[n.name] = counts.get(n.name, 0) + 1
    document = Document(text, language, words, names, capitalized, counts, spans[0], starts,
                         main_name(names, language), len(spans) > 1, date, converted, decider or shipped())
    events: list[Event] = []
    index = 0
    carried: dict[str, str] = {}
    for start, end in spans:
        in_sentence = []
        while index < len(mentions) and mentions[index].start < end:
            if mentions[index].start >= start:
                in_sentence.append(mentions[index])
            index += 1
        if in_sentence:
            events.extend(_sentence_events(document, start, end, in_sentence, carried))
        else:
            carried = {}
    return _merged(events)


def _sentence_events(doc: Document, start: int, end: int, mentions: list[Money],
                     carried: dict[str, str]) -> list[Event]:
    """The events of one sentence. `carried` holds, per currency, the kind of
    the last amount with a trigger in this sentence or the one before: an
    amount without one may continue a list ("Apple mit einem Wert von 751
    Milliarden Dollar ..., Microsoft mit 532 Milliarden Dollar")."""
    text, lang, words, today, converted = doc.text, doc.lang, doc.words, doc.today, doc.converted
    # a comma inside an amount or a trigger splits nothing ("Gewinn vor Zinsen, Steuern und Abschreibungen")
    protected = [(m.start, m.end) for m in mentions] + [t.span() for t in words.trigger.finditer(text, start, end)]
    parts = clauses(text, start, end, lang, sorted(protected))
    figures = []
    for position, money in enumerate(mentions):
        previous = mentions[position - 1] if position else None
        if per_unit(text, money, words) or (money.value, money.currency) in converted:
            continue
        at = bisect_right(parts, (money.start, float("inf"))) - 1
        clause = parts[at] if at >= 0 and parts[at][0] <= money.start < parts[at][1] else (start, end)
        clause = (max(clause[0], money.start - _CLAUSE_REACH), min(clause[1], money.end + _CLAUSE_REACH))
        figures.append(Figure(money, clause, unshared=previous.end if previous else start))
    figures = _ranges(text, figures, words)
    for figure, following in zip(figures, figures[1:]):
        figure.next_start = following.money.start
    link_comparisons(text, figures, words)
    assign_kinds(text, figures, words, (start, end))
    # "delivery expected in the second half of 2025": the time of something else
    periods = [p for p in find_periods(text, start, end, lang)
               if not words.other_time.search(text, max(start, p.start - _OTHER_TIME_REACH), p.start)]
    times = Times(text, words, figures, periods)
    year = context_year(times)
    for position, figure in enumerate(figures):
        figure.period = period_of(times, position, today, year)
        if figure.kind is not None:
            figure.status = status(doc.cue_text, figure, words, lang)
    decided = []
    before = dict(carried)
    carried.clear()
    for figure in figures:
        flags = rule_flags(text, figure, words)
        features = kind_features(text, figure.money, figure.clause, (start, end), words, figure.kind, flags)
        currency = figure.money.currency
        if figure.kind is not None:
            carried[currency] = before[currency] = figure.kind
        elif currency in before:
            features.append(f"c:{before[currency]}")
        kind = doc.decider.kind(lang.code, features, figure.money)
        decided.append((figure, None if never_event(flags, kind) else kind))
    events = []
    for figure, kind in decided:
        if kind is None or figure.money.value == 0:  # "ein Bußgeld von 0 Euro": nothing to book
            continue
        if figure.money.value < 0 and kind_of(kind).negative:
            kind = kind_of(kind).negative  # "EBIT von -12,5 Mio. EUR"
        if kind != figure.kind:
            figure.kind = kind
            figure.status = status(doc.cue_text, figure, words, lang)
        events.append(event_of(doc, start, end, figure))
    return events


def _ranges(text: str, figures: list[Figure], words: Cues) -> list[Figure]:
    """The figures with each range that states one fact as its lower bound,
    which keeps the upper ("zwischen 4,5 und 4,8 Mrd. Euro", "$3-4bn",
    "3 bis 5 Mio. Euro"; GUIDELINES.md: one event at the lower bound)."""
    kept: list[Figure] = []
    for figure in figures:
        lower = kept[-1] if kept else None
        if lower is not None and lower.upper is None and lower.money.currency == figure.money.currency \
                and abs(lower.money.value) < abs(figure.money.value):
            gap = text[lower.money.end:figure.money.start]
            opened = words.span_opener.search(text, max(0, lower.money.start - 20), lower.money.start)
            if words.span_alone.fullmatch(gap) or opened and words.span_joiner.fullmatch(gap):
                lower.upper = figure.money
                continue
        kept.append(figure)
    return kept


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
