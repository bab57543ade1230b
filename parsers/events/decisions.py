"""The choices rules cannot carry, made by trained linear models: whether an
amount is an event and of which kind, and which name (or none) is its
company. Rules propose (the amounts, the trigger words and the kind they
suggest, the names around); the features below describe each proposal, and
a language's model (`parsers/lang/<code>/events.json`, written by `ledger
train`) weighs them. A language without a model file keeps the rules'
choices.

Features are strings, present or absent. They describe positions, cue
classes and the words around an amount rather than list words for one
document: the weights say which generalize.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from ..languages import available_languages, language_file
from ..money.mention import Money
from .cues import GOVERNS, Cues, blockers_outside
from .kinds import KINDS, kind as kind_of
from .linear import LinearModel, loads

NONE = "none"
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Words on each side of an amount that describe it.
_LEFT, _RIGHT = 6, 4
# A German compound says what it is in its last letters ("Konzernumsatz", "Kartellstrafe").
_SUFFIX = 5


@dataclass(frozen=True)
class Candidate:
    """A name that may be an event's company (`name` None: the event names none)."""
    name: str | None
    features: tuple[str, ...]


class Decider(Protocol):
    def kind(self, lang: str, features: list[str], money: Money) -> str | None: ...

    def company(self, lang: str, kind: str, money: Money, candidates: list[Candidate]) -> Candidate | None: ...


def _bucket(distance: int) -> str:
    return "0" if distance < 20 else "1" if distance < 60 else "2" if distance < 150 else "3"


def _magnitude(money: Money) -> str:
    value = abs(money.value)
    return str(min(4, max(0, int(math.log10(value)) // 2 - 1))) if value >= 1 else "0"


def _words(text: str, start: int, end: int) -> list[str]:
    return [w.lower() for w in _WORD.findall(text, start, end)]


def kind_features(text: str, money: Money, clause: tuple[int, int], sentence: tuple[int, int],
                  words: Cues, rule_kind: str | None, flags: tuple[str, ...]) -> list[str]:
    """What describes an amount as a possible event: the kind the rules
    gave it and why they would drop it (`flags`), the triggers and blockers
    of its clause by side and distance, the words right around it, its size."""
    features = [f"rule:{rule_kind or NONE}", f"mag:{_magnitude(money)}", *(f"flag:{f}" for f in flags)]
    if rule_kind:
        features.append("rule:any")
    if money.value < 0:
        features.append("negative")
    if money.qualifier:
        features.append("qualified")
    start, end = clause
    triggers = list(words.trigger.finditer(text, start, end))
    for matches, label in ((triggers, "t"), (blockers_outside(text, words, triggers, start, end), "b")):
        for match in matches:
            if money.start <= match.start() < money.end:
                continue
            side = "L" if match.end() <= money.start else "R"
            distance = money.start - match.end() if side == "L" else match.start() - money.end
            kind = match.lastgroup if label == "t" else "x"
            features += [f"{label}:{kind}", f"{label}:{kind}:{side}{_bucket(distance)}",
                         f"{label}:any:{side}{_bucket(distance)}"]
            gap = text[match.end():money.start] if side == "L" else text[money.end:match.start()]
            if GOVERNS.fullmatch(gap):  # "einen Vertrag über 10 Mrd.", "EUR 5 mn in net sales"
                features.append(f"{label}:{kind}:{side}adj")
    for match in words.trigger.finditer(text, *sentence):
        features.append(f"s:{match.lastgroup}")
    left = _words(text, max(sentence[0], money.start - 80), money.start)[-_LEFT:]
    right = _words(text, money.end, min(sentence[1], money.end + 60))[:_RIGHT]
    for side, tokens in (("L", left), ("R", right)):
        for position, token in enumerate(reversed(tokens) if side == "L" else tokens):
            if position < 2:
                features.append(f"{side}{position}:{token}")
            if len(token) > _SUFFIX + 2:
                features.append(f"{side}s:{token[-_SUFFIX:]}")
    return features


def in_language(lang: str, features) -> tuple[str, ...]:
    """The features and the language: the models are fitted on every
    language's gold at once, and how many amounts are events differs by
    corpus and language (nearly every PhraseBank sentence states one fact,
    a German news article a few), so each answer has a bias per language.

    >>> in_language("de", ["rule:loss"])
    ('rule:loss', 'language:de')
    """
    return (*features, f"language:{lang}")


_ANSWERS = (NONE, *KINDS)
_SHARED = ("rule", "t", "s", "c")  # feature heads whose kind, when it is the answer's, weighs alike for all


def _shared(feature: str) -> tuple[str, str] | None:
    """The kind a feature names and the weight it shares with every kind's
    feature of its kind: "t:loss:L0" -> ("loss", "t=answer:L0")."""
    head, _, rest = feature.partition(":")
    if head not in _SHARED:
        return None
    kind, _, where = rest.partition(":")
    return kind, f"{head}=answer" + (f":{where}" if where else "")


def kind_options(features: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Each answer ("none" or a kind) with the features that weigh it: the
    amount's features for that answer, and, shared by every answer, whether
    the rules, a trigger of the clause or of the sentence name it ("the
    rules chose this kind" is one weight for all kinds, so that a kind with
    few examples in the gold learns from the others).

    >>> dict(kind_options(["rule:loss", "t:loss:L0", "L0:verlust"]))["loss"]
    ('loss&rule:loss', 'rule=answer', 'loss&t:loss:L0', 't=answer:L0', 'loss&L0:verlust')
    """
    shares = [(feature, _shared(feature)) for feature in features]
    options = []
    for answer in _ANSWERS:
        own = []
        for feature, shared in shares:
            own.append(f"{answer}&{feature}")
            if shared and shared[0] == answer:
                own.append(shared[1])
        options.append((answer, tuple(own)))
    return options


class KindScorer:
    """A kind model's weights regrouped per amount feature, one weight per
    answer: the scores of kind_options(features) without building them.
    (Every feature the model weighs has an "<answer>&<feature>" weight, as
    kind_options gave each feature to every answer.)

    >>> model = LinearModel(("0", "1"), (0.0,), {"rule=answer": (2.0,), "none&rule:loss": (0.0,),
    ...                                          "none&mag:1": (0.5,)})
    >>> KindScorer(model).best(["rule:loss", "mag:1"])
    'loss'
    """

    def __init__(self, model: LinearModel):
        self.bias = model.bias[-1]
        weights = {name: weight for name, (weight,) in model.weights.items()}
        features = {feature for answer, _, feature in (name.partition("&") for name in weights)
                    if feature and answer in _ANSWERS}
        self.table: dict[str, list[float]] = {
            feature: [sum(weights.get(name, 0.0) for name in option) for _, option in kind_options([feature])]
            for feature in features}

    def best(self, features: list[str]) -> str:
        scores = [self.bias] * len(_ANSWERS)
        for feature in features:
            row = self.table.get(feature)
            if row is not None:
                scores = [a + b for a, b in zip(scores, row)]
        return _ANSWERS[max(range(len(scores)), key=scores.__getitem__)]


def company_features(kind: str, name: str, start: int, end: int, money: Money, pivot: int,
                     clause: tuple[int, int], sentence: tuple[int, int], text: str,
                     traits: tuple[str, ...]) -> tuple[str, ...]:
    """What describes a name as an event's company: where it stands (before
    or after the trigger and the amount, in the clause or the sentence, how
    far), the words beside it, and its `traits` (found by the name finder or
    only a capitalized span, the text's main party, recurring, a place,
    chosen by the rules, after a role word)."""
    if start < sentence[0] or start >= sentence[1]:
        where = ["outside"]
    else:
        where = ["before_pivot" if start < pivot else "after_pivot",
                 "before_amount" if start < money.start else "after_amount",
                 "in_clause" if clause[0] <= start < clause[1] else "out_clause",
                 f"dist:{_bucket(abs(money.start - start))}"]
    before = _words(text, max(0, start - 30), start)[-1:]
    after = _words(text, end, end + 30)[:1]
    context = [f"prev:{w}" for w in before] + [f"next:{w}" for w in after]
    following = text[end:end + 2].strip()[:1]
    if following.islower():
        context.append("next_lower")  # "Infineon erzielte", "Nokia said": a subject before its verb
    elif following in ",.;:)":
        context.append("next_punct")
    context += [f"prevs:{w[-4:]}" for w in before if len(w) > 5]
    if " " in name:
        context.append("multiword")
    if name.isupper():
        context.append("acronym")
    basic = [*where, *traits, *context]  # and each crossed with the kind: the payer of a fine, a sale's buyer
    return ("candidate", *basic, *(f"{kind}&{f}" for f in basic))


def null_features(candidates: int, traits: tuple[str, ...]) -> tuple[str, ...]:
    """What describes "no company": how many candidates there are, whether
    the rules found none, a name or only spans in the clause. (Not crossed
    with the kind: cross-validated, that did worse.)"""
    return ("null", f"null:cands{min(candidates, 3)}", *(f"null:{t}" for t in traits))


class RuleDecider:
    """The rules' own choices: the kind they gave, the company they chose.
    (find_events drops claims not yet imposed whatever a decider says.)"""

    def kind(self, lang: str, features: list[str], money: Money) -> str | None:
        rule = next(f for f in features if f.startswith("rule:"))[5:]
        flags = {f[5:] for f in features if f.startswith("flag:")}
        if rule == NONE or "not_alone" in flags:
            return None
        return None if "small" in flags and not kind_of(rule).small_amounts else rule

    def company(self, lang: str, kind: str, money: Money, candidates: list[Candidate]) -> Candidate | None:
        return next((c for c in candidates if "rule_company" in c.features), None)


class ModelDecider:
    """The choices of trained models, per language (`{lang: {"kind": model, "company": model}}`);
    the rules' for a language without models."""

    def __init__(self, models: dict[str, dict[str, LinearModel]]):
        self.models = models
        self.kinds = {lang: KindScorer(named["kind"]) for lang, named in models.items() if "kind" in named}
        self.rules = RuleDecider()

    def kind(self, lang: str, features: list[str], money: Money) -> str | None:
        scorer = self.kinds.get(lang)
        if scorer is None:
            return self.rules.kind(lang, features, money)
        kind = scorer.best(in_language(lang, features))
        return None if kind == NONE else kind

    def company(self, lang: str, kind: str, money: Money, candidates: list[Candidate]) -> Candidate | None:
        model = self.models.get(lang, {}).get("company")
        if model is None:
            return self.rules.company(lang, kind, money, candidates)
        best = max(candidates, key=lambda c: model.scores(in_language(lang, c.features))[-1])
        return None if best.name is None else best


def model_path(lang: str):
    """A language's models: `kind` (of an amount: "none" or an event's kind) and `company`."""
    return language_file(lang, "events.json")


@cache
def shipped() -> ModelDecider:
    """The models shipped beside the language tables, loaded once."""
    models = {}
    for code in available_languages():
        path = model_path(code)
        if path.is_file():
            models[code] = loads(path.read_text("utf-8"))
    return ModelDecider(models)
