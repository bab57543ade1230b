"""A language is a folder: one made in a temporary directory works with no
code change, and a broken table is refused naming its file and key."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from .conftest import ROOT

DUTCH = '''locale = "nl"
stopwords = ["de", "het", "een", "en", "van", "heeft", "boekte"]
scales = { "miljoen" = 6, "miljard" = 9 }

[currencies]
names = { "euro" = "EUR" }

[events.triggers]
profit = ["winst"]

[parties]
subject_verbs = ["boekte"]
'''
DUTCH_MONEY = '''## amounts
Philips boekte een winst van 5 miljoen euro.
  5 miljoen euro = 5000000 EUR
Het concern heeft 2,5 miljard euro.
  2,5 miljard euro = 2500000000 EUR
## what every language shares: symbols, scale letters, the dollar a text names
Het huis kostte NZ$ 1,2 mln, de buren $900.000.
  NZ$ 1,2 mln = 1200000 NZD
  $900.000 = 900000 NZD
## not money
Het bedrijf heeft 300 werknemers.
  (none)
'''
RUN = '''
import json
from parsers import examples, find_events, find_money
from parsers.languages import available_languages, language_file
out = {"languages": available_languages(), "examples": []}
for _, text, expected in examples.load(language_file("nl", "money.txt"), examples.mention):
    out["examples"].append([[m.text, str(m.value), m.currency] for m in find_money(text, "nl")] ==
                           [[e["text"], e["value"], e["currency"]] for e in expected if e])
out["events"] = [[e.kind, e.company, str(e.value), e.currency]
                 for e in find_events("Philips boekte een winst van 5 miljoen euro.")]
print(json.dumps(out))
'''


def _run(folder, code: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LEDGER_LANGUAGES": str(folder)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)


def _language(tmp_path, table: str, money: str = ""):
    folder = tmp_path / "nl"
    folder.mkdir()
    (folder / "table.toml").write_text(table, encoding="utf-8")
    if money:
        (folder / "money.txt").write_text(money, encoding="utf-8")
    return tmp_path


def test_a_new_language_folder_works_without_code(tmp_path):
    result = _run(_language(tmp_path, DUTCH, DUTCH_MONEY), RUN)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["languages"] == ["de", "en", "nl"]
    assert out["examples"] == [True, True, True, True]
    assert out["events"] == [["profit", "Philips", "5000000", "EUR"]]  # language detected from its stopwords


@pytest.mark.parametrize("table, message", [
    ('colour = "orange"\n' + DUTCH, "unknown key colour"),
    (DUTCH.replace("[currencies]", "[currencies]\nsymbols = []"), "unknown key currencies.symbols"),
    (DUTCH.replace('locale = "nl"\n', ""), "missing key locale"),
    (DUTCH.replace('stopwords = [', 'stopwords = "de" #['), "key stopwords must be a list"),
    (DUTCH.replace("profit = ", "gift = "), r"\[events.triggers\] unknown kind gift"),
    ('decimal_before_three_digits = "sometimes"\n' + DUTCH, "decimal_before_three_digits must be one of always"),
])
def test_a_broken_table_names_its_file_and_key(tmp_path, table, message):
    result = _run(_language(tmp_path, table), "from parsers import find_events; find_events('5 miljoen euro', 'nl')")
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert str(tmp_path / "nl" / "table.toml") in last
    assert re.search(message, last), last
