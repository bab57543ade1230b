"""Figures and their kinds: which amounts of a sentence are per unit or
conversions, which compare with another, the trigger each takes, and why the
rules would drop one (its flags)."""
from __future__ import annotations

import re
from decimal import Decimal

from ..chars import UPPER_CHARS
from ..money.mention import Money
from .context import Figure
from .cues import GOVERNS, Cues, blockers_outside
from .kinds import kind as kind_of

# How far an earlier figure may stand from the figure it is compared with.
_COMPARISON_GAP = 90
_CONVERSION_GAP = 30
# A country's initials before a currency symbol the mention left out: "€268.9m (US $332 million)".
_COUNTRY_INITIALS = re.compile(r"(?<!\w)(?:[A-Z]\.?){1,3}\s*$")
# Below this an amount is a price ("ein Minus von 0,53 Prozent auf 25,48 Euro",
# "purchased online for around 10 Euros"), not a company's result or deal;
# fines can be small.
_SMALLEST = Decimal(1000)


def rule_flags(text: str, figure: Figure, words: Cues) -> tuple[str, ...]:
    """Why the rules would not make a figure an event of its own."""
    flags = []
    if figure.kind is not None and not _stands_alone(figure):
        flags.append("not_alone")  # an earlier figure of a comparison without a period of its own
    if abs(figure.money.value) < _SMALLEST and not (figure.kind and kind_of(figure.kind).small_amounts):
        flags.append("small")  # a share price after a change in per cent, a price of goods
    if words.threat.search(text, *figure.clause):
        flags.append("threat")  # "drohen Strafen bis zu 60.000 Euro": not imposed
    if (words.change_by.search(text, figure.clause[0], figure.money.start)
            and words.change_verb.search(text, *figure.clause)):
        flags.append("change")  # "raised its bid by $5 billion": a difference, not a figure
    if figure.compares_with is not None:
        flags.append("earlier")
    if figure.earlier:
        flags.append("has_earlier")
    return tuple(flags)


def never_event(flags: tuple[str, ...] | set[str], kind: str | None) -> bool:
    """Never an event (GUIDELINES.md), whatever a model says: the earlier
    figure of a comparison without a period of its own ("from EUR 4.1 mn a
    year ago"), the size of a change ("um 1,6 Mrd. Euro steigern"), a claim
    not yet imposed ("fordern fünf Millionen Dollar Schadenersatz")."""
    return ("not_alone" in flags or "change" in flags
            or kind is not None and kind_of(kind).frame == "fining" and "threat" in flags)


def per_unit(text: str, money: Money, words: Cues) -> bool:
    return bool(words.per_unit.match(text, money.end))


def conversion(text: str, previous: Money | None, money: Money, words: Cues) -> bool:
    """"72 Milliarden Dollar (64 Mrd. Euro)", "7 million litas EUR 2 mln",
    "€268.9m (US $332 million)": another currency right after an amount
    restates it."""
    if previous is None or previous.currency == money.currency:
        return False
    gap = _COUNTRY_INITIALS.sub("", text[previous.end:money.start])
    return len(gap) <= _CONVERSION_GAP and not re.search(r"[^\W\d_]", words.conversion.sub("", gap))


def link_comparisons(text: str, figures: list[Figure], words: Cues) -> None:
    """Mark earlier figures: the amount after a comparison word or inside a
    comparison bracket, or the German "von X auf Y" X."""
    for before, after in zip(figures, figures[1:]):
        if before.money.currency != after.money.currency:
            continue
        gap = text[before.money.end:after.money.start]
        trigger, comparison = words.trigger.search(gap), words.comparison.search(gap)
        # "decreased from EUR 9.6 m while net sales increased from EUR 69.0 m": a trigger first starts another fact
        if len(gap) > _COMPARISON_GAP or trigger and (not comparison or trigger.start() < comparison.start()):
            continue
        lead = text[max(0, before.money.start - 12):before.money.start]
        if words.range_from.search(lead) and words.range_to.search(gap):
            before.compares_with = after  # "sank von 518,4 auf 172 Mio. Euro", "from $375.5m to $502.5m"
        elif comparison or re.fullmatch(r"\s*\(\s*(?:\S+:)?\s*|\s+", gap):
            after.compares_with = before
        else:
            continue
        current = before if after.compares_with is before else after
        current.earlier.append(after if current is before else before)


def assign_kinds(text: str, figures: list[Figure], words: Cues, sentence: tuple[int, int]) -> None:
    sentence_start = sentence[0]
    for figure in figures:
        figure.kind, figure.trigger = _kind(text, figure, words)
        if figure.trigger is not None and words.generic.fullmatch(figure.trigger.group()):
            figure.kind, figure.trigger = _specific(text, figure, words, sentence)
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


def _kind(text: str, figure: Figure, words: Cues) -> tuple[str | None, re.Match | None]:
    """The nearest trigger of the clause (one after the amount counts at
    thrice its distance), unless a blocker or per-share words stand nearer.
    A blocker inside a trigger does not block: the "Steuern" of "Gewinn vor
    Steuern". With no trigger in the clause, the nearest trigger before the
    amount in its sentence with no other amount between."""
    start, end = figure.clause
    money = figure.money
    triggers = list(words.trigger.finditer(text, start, end))
    best, best_distance = _nearest(text, triggers, money, figure.next_start, governing=True)
    if best is None:
        return None, None
    blocker, blocker_distance = _nearest(text, blockers_outside(text, words, triggers, start, end), money,
                                         figure.next_start)
    if blocker is not None and blocker_distance < best_distance:
        return None, None
    if kind_of(best.lastgroup).worth_of:
        return _worth_of(text, triggers, best, money)
    return best.lastgroup, best


# Between a trigger and the words that state its worth, and from them to the amount: a few
# words, none capitalized (a name there is what is valued: "the deal values Skype at").
_WORTH_GAP = re.compile(rf"[^\w]*(?:[^\W\d_{UPPER_CHARS}][^\W\d_]*[^\w]+){{0,4}}")


def _worth_of(text: str, triggers: list[re.Match], best: re.Match, money: Money) -> tuple[str, re.Match]:
    """"a frame contract, valued at EUR 2m", "die Übernahme wird mit 5 Mrd. Euro bewertet":
    the worth of what the trigger right before names, so of its kind."""
    before = [t for t in triggers if t.end() <= best.start() and not kind_of(t.lastgroup).worth_of]
    if not before:
        return best.lastgroup, best
    gaps = [(before[-1].end(), money.start)] if best.start() >= money.end else \
        [(before[-1].end(), best.start()), (best.end(), money.start)]  # "wird mit 5 Mrd. Euro bewertet"
    if all(_WORTH_GAP.fullmatch(text, *gap) for gap in gaps):
        return before[-1].lastgroup, before[-1]
    return best.lastgroup, best


def _specific(text: str, figure: Figure, words: Cues, sentence: tuple[int, int]) -> tuple[str, re.Match]:
    """For a figure whose trigger is generic ("deal"): the sentence's nearest
    trigger that is neither generic nor a company's result, if any ("has
    bought ihug ... in an NZ$41 million deal": an acquisition)."""
    specific = [m for m in words.trigger.finditer(text, *sentence) if not words.generic.fullmatch(m.group())
                and not kind_of(m.lastgroup).result]
    best = min(specific, key=lambda m: abs(m.start() - figure.money.start), default=figure.trigger)
    return best.lastgroup, best


def _nearest(text: str, matches: list[re.Match], money: Money, next_start: int, governing: bool = False):
    """The match nearest the amount; one after it counts at thrice its
    distance, and only when nearer to it than to the next amount ("$12.6
    billion on revenues of $44.28 billion") and, for a `governing` match (a
    trigger), when it does not govern that amount ("made €248m on turnover
    of just €1.34bn")."""
    best, best_distance = None, None
    for match in matches:
        if money.start <= match.start() < money.end:
            continue
        if match.start() >= money.end and (match.start() - money.end > next_start - match.end()
                                           or governing and GOVERNS.fullmatch(text, match.end(), next_start)):
            continue
        distance = money.start - match.end() if match.end() <= money.start else 3 * (match.start() - money.end)
        if best_distance is None or distance < best_distance:
            best, best_distance = match, distance
    return best, best_distance


def _sentence_trigger(text: str, figure: Figure, sentence_start: int, previous_end: int,
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


def _respectively(text: str, figures: list[Figure], words: Cues, sentence_start: int) -> None:
    """"Both operating profit and net sales ... increased, respectively from
    EUR18 .1 m and EUR127 .6 m": the triggers before the first amount map to
    the amounts in order."""
    if not figures or not words.respectively.search(text, sentence_start, figures[0].money.start):
        return
    triggers = list(words.trigger.finditer(text, sentence_start, figures[0].money.start))
    if len(triggers) == len(figures):
        for figure, trigger in zip(figures, triggers):
            figure.kind, figure.trigger, figure.compares_with = trigger.lastgroup, trigger, None


def _stands_alone(figure: Figure) -> bool:
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
