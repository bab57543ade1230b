"""Gold document ids -> texts, as ../shared/eval/GUIDELINES.md defines them:
`gnad-test-N` (row N of 10kGNAD test.csv, 0-based), `fpb-N` (row N of the
Financial PhraseBank, 1-based after the header), `wn-ID` (a Wikinews
economy article), `dewn-ID` (a German Wikinews article) and `seed-NAME`
(a file in seeds/)."""
from __future__ import annotations

import csv
import json
import re
from functools import cache
from pathlib import Path

GNAD = Path("corpora/10kgnad/test.csv")
FPB = Path("corpora/financial-phrasebank/all-data.csv")
WIKINEWS = {"wn": Path("corpora/wikinews-economy/economy.jsonl"),
            "dewn": Path("corpora/wikinews-de/articles.jsonl")}


class UnknownDocument(LookupError):
    pass


@cache
def gnad_texts(root: Path) -> list[str]:
    with open(root / GNAD, encoding="utf-8", newline="") as f:
        return [row[1] for row in csv.reader(f, delimiter=";", quotechar="'")]


# The published PhraseBank lost its Nordic letters on the way to Latin-1:
# "+" and a second character stand for one letter ("L+Ænnen Tehtaat",
# "Sepp+Æl+Æ", "Bank of +_land"; the gold writes "Lännen", "Seppälä",
# "Åland"). "+Æ" and "+¦" are always "ä" and "ö"; "+_" stands for several
# letters ("Lule+_", "P+_cs"), but at a word's start nearly always for "Å".
_PHRASEBANK_LETTERS = re.compile(r"\+([Æ¦])|(?<!\w)\+_(?=\w)")
_LETTER = {"Æ": "ä", "¦": "ö", None: "Å"}


def _phrasebank_letters(text: str) -> str:
    """
    >>> _phrasebank_letters("Sepp+Æl+Æ 's sales; Bank of +_land; P+¦yry; Lule+_")
    "Seppälä 's sales; Bank of Åland; Pöyry; Lule+_"
    """
    return _PHRASEBANK_LETTERS.sub(lambda match: _LETTER[match.group(1)], text)


@cache
def fpb_texts(root: Path) -> list[str]:
    # The PhraseBank is published in Latin-1.
    with open(root / FPB, encoding="latin-1", newline="") as f:
        return [_phrasebank_letters(row["news"]) for row in csv.DictReader(f)]


@cache
def wikinews_texts(root: Path, corpus: str) -> dict[str, str]:
    with open(root / WIKINEWS[corpus], encoding="utf-8") as f:
        return {(r := json.loads(line))["id"]: r["text"] for line in f if line.strip()}


def document_text(doc: str, corpus_dir: Path, seeds_dir: Path) -> str:
    """The text of gold document `doc`; UnknownDocument if it names none."""
    kind, _, key = doc.partition("-")
    try:
        if doc.startswith("gnad-test-"):
            return gnad_texts(corpus_dir)[int(doc.removeprefix("gnad-test-"))]
        if kind == "fpb":
            return fpb_texts(corpus_dir)[int(key) - 1]
        if kind in WIKINEWS:
            return wikinews_texts(corpus_dir, kind)[key]
        if kind == "seed":
            matches = sorted(seeds_dir.glob(f"{key}.*")) or sorted(corpus_dir.glob(f"seeds/{key}.*"))
            return matches[0].read_text(encoding="utf-8")
    except (IndexError, KeyError, ValueError) as error:
        raise UnknownDocument(f"{doc}: not found under {corpus_dir}") from error
    raise UnknownDocument(f"{doc}: unknown document id")
