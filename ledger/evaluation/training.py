"""`ledger train`: fit the event models of parsers/events/decisions.py on gold
files and the event example corpora, and cross-validate them by gold
document (`ledger eval --folds K`: the examples always train, never score).

The extractor runs on every gold document with a decider that answers from
the gold (the kind of the gold event an amount states, "none" otherwise) and
records what it was asked: the features of each amount and of each company
candidate, with the right answer. scikit-learn's logistic regression (lbfgs,
deterministic) fits one kind model and one company model per language;
they are stored as JSON weights (parsers/events/linear.py), never pickled.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from parsers import detect_language, examples, find_money
from parsers.events.decisions import NONE, Candidate, ModelDecider, in_language, kind_options, model_path
from parsers.events.find import find_events
from parsers.events.linear import LinearModel, dumps
from parsers.money.mention import Money
from parsers.records import Extraction

from .corpora import document_text
from .gold import Evaluation, load_gold
from .scoring import TOLERANCE, Score, normalize_name, same_name, score

# Regularization of both models (inverse strength), chosen by cross-validation on the training gold.
C_KIND, C_COMPANY = 2.0, 2.0


@dataclass
class DocumentExamples:
    doc: str
    lang: str
    kinds: list[tuple[list[str], str]] = field(default_factory=list)
    companies: list[list[tuple[tuple[str, ...], int]]] = field(default_factory=list)


def _gold_event(events: list[dict], money: Money, kind: str | None = None) -> dict | None:
    """The gold event that `money` states (closest value, same currency; of `kind` if given)."""
    value = abs(money.value)
    fits = [e for e in events if e.get("currency") == money.currency and (kind is None or e["kind"] == kind)
            and abs(Decimal(e["value"]) - value) <= TOLERANCE * abs(Decimal(e["value"]))]
    return min(fits, key=lambda e: abs(Decimal(e["value"]) - value), default=None)


class _Recorder:
    """A decider that answers from the gold and keeps each question with its answer."""

    def __init__(self, examples: DocumentExamples, gold_events: list[dict]):
        self.examples, self.gold = examples, gold_events

    def kind(self, lang: str, features: list[str], money: Money) -> str | None:
        rule = next(f for f in features if f.startswith("rule:"))[5:]
        event = _gold_event(self.gold, money, rule) or _gold_event(self.gold, money)
        label = event["kind"] if event else NONE
        self.examples.kinds.append((features, label))
        return None if label == NONE else label

    def company(self, lang: str, kind: str, money: Money, candidates: list[Candidate]) -> Candidate | None:
        event = _gold_event(self.gold, money, kind)
        gold = event.get("company") if event else None
        labels = [int(same_name(c.name, gold)) if c.name is not None else int(gold is None) for c in candidates]
        exact = [int(c.name is not None and normalize_name(c.name) == normalize_name(gold)) for c in candidates]
        if any(exact):  # "Gösser", not "Brauerei Gösser": the name as the annotators write it
            labels = exact
        if any(labels):
            self.examples.companies.append(list(zip((c.features for c in candidates), labels)))
        return next((c for c, label in zip(candidates, labels) if label), None)


def _record(doc: str, text: str, events: list[dict]) -> DocumentExamples:
    recorded = DocumentExamples(doc, detect_language(text))
    find_events(text, recorded.lang, mentions=find_money(text, recorded.lang), decider=_Recorder(recorded, events))
    return recorded


def collect(paths: list[Path], corpus_dir: Path) -> dict[str, list[DocumentExamples]]:
    """{gold file name: the examples of each of its documents}."""
    return {path.name: [_record(doc, document_text(doc, corpus_dir, Path("seeds")), gold["events"])
                        for doc, gold in load_gold(path).items()] for path in paths}


def collect_examples(paths: list[Path]) -> list[DocumentExamples]:
    """The texts of event example corpora, each with its expected events."""
    documents = []
    for path in paths:
        for number, (_, text, expected) in enumerate(examples.load(path, examples.event)):
            events = [{**e, **dict(zip(("value", "currency"), e["amount"].split()))}
                      for e in expected if e is not None]
            documents.append(_record(f"{path.parent.name}/{path.name}#{number}", text, events))
    return documents


def _fit(rows: list[tuple[list[str] | tuple[str, ...], str | int]], c: float) -> LinearModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(features, 1) for features, _ in rows])
    y = [str(label) for _, label in rows]
    model = LogisticRegression(C=c, max_iter=5000, tol=1e-6).fit(x, y)
    names = vectorizer.get_feature_names_out()
    return LinearModel(tuple(str(k) for k in model.classes_), tuple(float(b) for b in model.intercept_),
                       {str(name): tuple(float(w) for w in model.coef_[:, i]) for i, name in enumerate(names)})


def fit(documents: list[DocumentExamples]) -> dict[str, dict[str, LinearModel]]:
    """{lang: {"kind": model, "company": model}} from the documents'
    examples. One model of each is fitted on every language's examples
    (most features are positions and cue classes that every language
    shares, and one language's gold is small), then each language keeps
    the weights of the features its own examples have."""
    kinds = [(option, int(answer == label)) for d in documents for features, label in d.kinds
             for answer, option in kind_options(in_language(d.lang, features))]
    companies = [(in_language(d.lang, features), label) for d in documents for group in d.companies
                 for features, label in group]
    if len({label for _, label in kinds}) < 2 or len({label for _, label in companies}) < 2:
        return {}  # too little gold: the rules decide
    kind, company = _fit(kinds, C_KIND), _fit(companies, C_COMPANY)
    models = {}
    for lang in sorted({d.lang for d in documents}):
        mine = [d for d in documents if d.lang == lang]
        seen_kind = {f for d in mine for features, _ in d.kinds
                     for _, option in kind_options(in_language(lang, features)) for f in option}
        seen_company = {f for d in mine for group in d.companies for features, _ in group
                        for f in in_language(lang, features)}
        models[lang] = {"kind": _pruned(kind, seen_kind), "company": _pruned(company, seen_company)}
    return models


def _pruned(model: LinearModel, features: set[str]) -> LinearModel:
    return LinearModel(model.classes, model.bias, {f: w for f, w in model.weights.items() if f in features})


def train(paths: list[Path], example_paths: list[Path], corpus_dir: Path, out_dir: Path | None = None) -> list[Path]:
    """Fit on the gold files and example corpora and write `<lang>/events.json` (in the language folders by default)."""
    documents = [d for documents in collect(paths, corpus_dir).values() for d in documents]
    models = fit(documents + collect_examples(example_paths))
    written = []
    for lang, named in models.items():
        target = out_dir / lang / "events.json" if out_dir else Path(str(model_path(lang)))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dumps(named), encoding="utf-8")
        written.append(target)
    return written


def fold_of(doc: str, folds: int, draw: int = 0) -> int:
    """A document's fold in the `draw`-th assignment of documents to folds:
    stable across runs and machines."""
    key = doc if draw == 0 else f"{draw}:{doc}"
    return zlib.crc32(key.encode("utf-8")) % folds


def cross_validate(paths: list[Path], example_paths: list[Path], corpus_dir: Path, folds: int,
                   repeats: int = 1) -> list[Evaluation]:
    """Per gold file, the figures of models that never saw the scored
    document: per fold, fit on the documents of the other folds of every
    file (and the example corpora), extract the fold's documents. With
    `repeats`, as many different assignments of documents to folds, their
    counts summed (a small gold swings by whole events with the draw); the
    predictions and errors are those of the first."""
    collected = collect(paths, corpus_dir)
    every = [d for documents in collected.values() for d in documents]
    always = collect_examples(example_paths)
    texts = {d.doc: document_text(d.doc, corpus_dir, Path("seeds")) for d in every}
    draws = [_predictions(every, always, texts, folds, draw) for draw in range(repeats)]
    results = []
    for path in paths:
        gold = load_gold(path)
        scores = [score(gold, predictions) for predictions in draws]
        results.append(Evaluation(path.name, _summed(scores), {doc: texts[doc] for doc in gold},
                                  {doc: draws[0][doc] for doc in gold}))
    return results


def _predictions(every: list[DocumentExamples], always: list[DocumentExamples], texts: dict[str, str],
                 folds: int, draw: int) -> dict[str, dict]:
    predictions = {}
    for fold in range(folds):
        decider = ModelDecider(fit([d for d in every if fold_of(d.doc, folds, draw) != fold] + always))
        for d in every:
            if fold_of(d.doc, folds, draw) == fold:
                mentions = find_money(texts[d.doc], d.lang)
                events = find_events(texts[d.doc], d.lang, mentions=mentions, decider=decider)
                predictions[d.doc] = Extraction(d.doc, d.lang, mentions, events).record()
    return predictions


def _summed(scores: list[Score]) -> Score:
    """One Score of several: counts and correct attributes added, the first's errors."""
    total = Score(errors=scores[0].errors)
    for one in scores:
        for mine, theirs in ((total.mentions, one.mentions), (total.events, one.events)):
            mine.tp, mine.fp, mine.fn = mine.tp + theirs.tp, mine.fp + theirs.fp, mine.fn + theirs.fn
        for name, correct in one.attribute_correct.items():
            total.attribute_correct[name] += correct
    return total
