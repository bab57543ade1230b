"""The extractor against the hand-checked dev gold, scored as GUIDELINES.md
says; our scorer must agree with the reference scorer ../shared/eval/score.py."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ledger.evaluation.corpora import document_text
from ledger.evaluation.gold import load_gold
from ledger.evaluation.scoring import same_name, score
from parsers.records import extract_record

from .conftest import ROOT

GOLD = ["seed.gold.jsonl", "de_dev.gold.jsonl", "en_dev.gold.jsonl"]


def predictions(shared, name):
    gold = load_gold(shared / "eval" / name)
    return gold, {doc: extract_record(doc, document_text(doc, shared, ROOT / "seeds")) for doc in gold}


@pytest.mark.parametrize("name", ["de_dev.gold.jsonl", "en_dev.gold.jsonl"])
def test_mention_f1_on_dev_gold(shared, name):
    gold, pred = predictions(shared, name)
    assert score(gold, pred).mentions.f1 >= 0.95


def test_seed_mentions_exact(shared):
    gold, pred = predictions(shared, "seed.gold.jsonl")
    (doc,) = gold
    found = [(m["text"], m["value"], m["currency"]) for m in pred[doc]["mentions"]]
    want = [(m["text"], m["value"], m["currency"]) for m in gold[doc]["mentions"]]
    assert sorted(found) == sorted(want)


def test_seed_events_exact_with_every_attribute(shared):
    gold, pred = predictions(shared, "seed.gold.jsonl")
    (doc,) = gold
    keys = ("kind", "company", "counterparty", "value", "currency", "period", "status")
    found = sorted(tuple(str(e[k]) for k in keys) for e in pred[doc]["events"])
    assert found == sorted(tuple(str(e[k]) for k in keys) for e in gold[doc]["events"])


@pytest.mark.parametrize("name", GOLD)
def test_scores_agree_with_reference_scorer(shared, name, tmp_path):
    gold, pred = predictions(shared, name)
    # perturb the predictions so that misses and false positives are counted too
    for record in list(pred.values())[::3]:
        record["mentions"] = record["mentions"][1:] + [{"value": "1", "currency": "EUR"}]
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in pred.values()), encoding="utf-8")
    reference = json.loads(subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(shared / "eval" / name), str(path), "--json"],
        capture_output=True, text=True, check=True).stdout)
    ours = score(gold, pred)
    for key, counts in (("mentions", ours.mentions), ("events", ours.events)):
        assert (counts.tp, counts.fp, counts.fn) == tuple(reference[key][k] for k in ("tp", "fp", "fn"))
        assert counts.f1 == pytest.approx(reference[key]["f1"])


def test_names_compare_as_the_reference_scorer_compares_them(shared):
    """The scorer's legal forms and name rule are the reference's, copied
    (the reference lives beside the repository, not in the package)."""
    import importlib.util

    from ledger.evaluation import scoring

    spec = importlib.util.spec_from_file_location("reference_score", shared / "eval" / "score.py")
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    assert scoring.LEGAL_FORMS == reference.LEGAL_FORMS
    names = ["Nokia Corp.", "nokia", "OpenAI Inc", "Vienna Insurance Group (VIG)", "VIG", "'t Hooft BV",
             "Pfeifer & Langen", "Oyj Abp", "Bank of Åland", "Ålandsbanken", "", None]
    for a in names:
        for b in names:
            assert scoring.same_name(a, b) == bool(reference.names_equal(a, b)), (a, b)


def test_company_names_compare_without_legal_forms():
    assert same_name("Nokia Corp.", "nokia")
    assert same_name("OpenAI", "OpenAI Inc")
    assert not same_name("Nokia", None)
    assert same_name(None, "")


def test_ledger_eval_command_prints_figures(shared):
    out = subprocess.run([sys.executable, "-m", "ledger.cli", "eval", str(shared / "eval" / "seed.gold.jsonl"),
                          "--corpus-dir", str(shared)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "mentions  P=1.000 R=1.000 F1=1.000  (tp=6 fp=0 fn=0)" in out.stdout
