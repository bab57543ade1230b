"""The trained event models: plain JSON weights, rebuilt from the training
gold by `ledger train`, and the rules' choices where a language has none."""
from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys

import pytest

from ledger.evaluation.corpora import document_text
from ledger.evaluation.training import fold_of, train
from parsers import find_events
from parsers.events.decisions import KindScorer, ModelDecider, RuleDecider, kind_options, model_path
from parsers.events.linear import LinearModel, dumps, loads
from parsers.examples import corpus_paths
from parsers.languages import available_languages

from .conftest import ROOT

EXAMPLES = corpus_paths("events")
ARTICLE = ("Die Porr AG hat im Jahr 2015 einen Umsatz von 3,5 Mrd. Euro erzielt. Der Konzern übernahm "
           "außerdem die Teerag-Asdag für 40 Mio. Euro.")


def test_every_language_ships_models():
    for lang in available_languages():
        models = loads(model_path(lang).read_text("utf-8"))
        assert set(models) == {"kind", "company"}
        assert all(model.classes == ("0", "1") for model in models.values())


def test_shipped_models_are_what_ledger_train_builds(shared, tmp_path):
    gold = sorted((shared / "eval" / "train").glob("*.gold.jsonl"))
    written = train(gold, EXAMPLES, shared, tmp_path)
    assert sorted(str(p.relative_to(tmp_path)) for p in written) == [f"{lang}/events.json"
                                                                      for lang in available_languages()]
    for path in written:
        rebuilt = loads(path.read_text("utf-8"))
        lang = path.parent.name
        ours = loads(model_path(lang).read_text("utf-8"))
        for name, model in ours.items():
            other = rebuilt[name]
            assert other.classes == model.classes
            assert other.bias == pytest.approx(model.bias, abs=1e-3)
            # solvers may differ in the last digits on another machine; no weight by more than that
            for feature in set(model.weights) | set(other.weights):
                mine, theirs = model.weights.get(feature, (0.0,)), other.weights.get(feature, (0.0,))
                assert mine == pytest.approx(theirs, abs=2e-3), (lang, name, feature)


def test_model_files_are_data_not_code():
    model = LinearModel(("0", "1"), (0.5,), {"rule=answer": (1.5,)})
    text = dumps({"kind": model})
    assert json.loads(text)["kind"]["weights"] == {"rule=answer": [1.5]}
    assert loads(text)["kind"] == model
    with pytest.raises(ValueError, match="one value per class"):
        loads(json.dumps({"kind": {"classes": ["0", "1"], "bias": [0.0], "weights": {"x": [1.0, 2.0]}}}))


def test_kind_options_share_the_rules_choice_across_kinds():
    options = dict(kind_options(["rule:funding_round", "L:finanzierungsrunde"]))
    assert "rule=answer" in options["funding_round"] and "rule=answer" not in options["loan"]
    assert "loan&L:finanzierungsrunde" in options["loan"]


def test_a_language_without_models_keeps_the_rules_choices():
    rules = find_events(ARTICLE, "de", decider=RuleDecider())
    assert find_events(ARTICLE, "de", decider=ModelDecider({})) == rules
    assert [(e.kind, e.company) for e in rules] == [("revenue", "Porr"), ("acquisition", "Porr")]


def test_a_fiscal_year_revenue_of_a_name_said_once():
    (event,) = find_events("Im Geschäftsjahr 2023/24 erzielte Infineon einen Umsatz von 15 Mrd. Euro.", "de")
    assert (event.kind, event.period) == ("revenue", "FY2023/24")


def test_folds_are_stable_and_spread():
    docs = [f"wn-ID{i}" for i in range(500)]
    assert [fold_of(d, 5) for d in docs] == [fold_of(d, 5) for d in docs]
    assert all(60 < sum(fold_of(d, 5) == k for d in docs) < 140 for k in range(5))
    # another draw puts documents in other folds, as evenly
    assert 300 < sum(fold_of(d, 5, 1) != fold_of(d, 5) for d in docs) < 500
    assert all(60 < sum(fold_of(d, 5, 1) == k for d in docs) < 140 for k in range(5))


def test_german_wikinews_ids_resolve(shared):
    assert document_text("dewn-746", shared, ROOT / "seeds").startswith("Der ehemalige SS-Lagerkommandant")


def test_eval_cross_validates_by_document(shared, tmp_path):
    gold = tmp_path / "small.gold.jsonl"
    lines = (shared / "eval" / "train" / "fpb_train.gold.jsonl").read_text("utf-8").splitlines()[:60]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "ledger.cli", "eval", "--folds", "3", str(gold),
                          "--corpus-dir", str(shared)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "small.gold.jsonl (3-fold cross-validated): 60 documents" in out.stdout
    assert "events    P=" in out.stdout
    bad = subprocess.run([sys.executable, "-m", "ledger.cli", "eval", "--folds", "1", str(gold)],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and bad.stderr.strip() == "ledger: error: --folds needs at least 2"


def test_eval_sums_repeated_draws_of_folds(shared, tmp_path):
    gold = tmp_path / "small.gold.jsonl"
    lines = (shared / "eval" / "train" / "fpb_train.gold.jsonl").read_text("utf-8").splitlines()[:40]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    events = sum(len(json.loads(line)["events"]) for line in lines)
    out = subprocess.run([sys.executable, "-m", "ledger.cli", "eval", "--folds", "3", "--repeats", "2", str(gold),
                          "--corpus-dir", str(shared)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "small.gold.jsonl (3-fold cross-validated, 2 draws summed): 40 documents" in out.stdout
    tp, fn = re.search(r"events .*\(tp=(\d+) fp=\d+ fn=(\d+)\)", out.stdout).groups()
    assert int(tp) + int(fn) == 2 * events  # every gold event counted once per draw
    bad = subprocess.run([sys.executable, "-m", "ledger.cli", "eval", "--folds", "3", "--repeats", "0", str(gold)],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and bad.stderr.strip() == "ledger: error: --repeats needs at least 1"


def test_the_kind_scorer_scores_as_the_kind_options(shared):
    model = loads(model_path("en").read_text("utf-8"))["kind"]
    scorer = KindScorer(model)
    texts = document_text("fpb-1", shared, ROOT / "seeds"), "Nokia's net profit fell to EUR 5 mn from EUR 4 mn ."
    seen = []

    class Both(RuleDecider):
        def kind(self, lang, features, money):
            slow = max(kind_options(features), key=lambda option: model.scores(option[1])[-1])[0]
            seen.append((slow, scorer.best(features)))
            return super().kind(lang, features, money)

    for text in texts:
        find_events(text, "en", decider=Both())
    assert seen and all(slow == fast for slow, fast in seen)


def test_german_noun_lexicon_tells_nouns_from_names():
    from parsers.events.nouns import common_nouns, noun_kind
    nouns = common_nouns("de")
    assert len(nouns) > 100_000
    assert [noun_kind(w, nouns) for w in ("Brauerei", "Wahlkampfes", "Kartellbehörde", "Jahresumsatzplus", "Lufthansa",
                                          "Microsoft", "Commerzbank", "Hypovereinsbank")] \
        == ["noun", "noun", "compound", "compound", None, None, "name_compound", "name_compound"]
    assert common_nouns("en") == frozenset()  # English capitalizes names, not nouns: no lexicon


def test_noun_lexicon_is_rebuilt_from_its_table():
    from parsers.events.build_nouns import build
    rows = [["lemma", "pos", "nominativ singular", "nominativ plural", "genitiv singular"],
            ["Brauerei", "Substantiv", "Brauerei", "Brauereien", "Brauerei"],
            ["Linz", "Substantiv,Toponym", "Linz", "", "Linz"],
            ["Telekom", "Substantiv", "Telekom", "", "Telekom"]]
    assert gzip.decompress(build(rows)).decode().split("\n") == ["Brauerei", "Brauereien"]
    assert build(rows) == build(rows)


def test_english_common_words_are_the_words_a_spelling_list_writes_small():
    from parsers.events.nouns import common_words
    words = common_words("en")
    assert len(words) > 50_000
    assert {"sources", "continuing", "operating", "general"} <= words
    assert not {"apple", "delta", "nokia", "finnair"} & words  # listed capitalized, or not at all
    assert common_words("de") == frozenset()  # German capitalizes nouns: the noun lexicon says it


def test_common_words_are_rebuilt_from_a_word_list():
    from parsers.events.build_words import build
    lines = ["apple", "Apple", "sources", "Nokia", "aren't", "continuing", ""]
    assert gzip.decompress(build(lines)).decode().split("\n") == ["continuing", "sources"]
    assert build(lines) == build(lines)
