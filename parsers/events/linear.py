"""A trained linear model as plain data: named features -> one score per
class. Models are JSON (never pickle: a model file must not be able to run
code), written by `ledger train` and read here without scikit-learn.

    >>> model = LinearModel(("0", "1"), (-1.0,), {"w:gewinn": (2.5,)})
    >>> model.scores(["w:gewinn", "w:unknown"])
    [1.5]
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class LinearModel:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]  # feature -> a weight per class

    def scores(self, features: Iterable[str]) -> list[float]:
        """The class scores of binary (present/absent) features; unknown features count nothing.
        A binary model keeps one row: the score of its second class."""
        total = list(self.bias)
        for feature in features:
            row = self.weights.get(feature)
            if row is not None:
                for i, w in enumerate(row):
                    total[i] += w
        return total

    def as_json(self) -> dict:
        return {"classes": list(self.classes), "bias": list(self.bias),
                "weights": {f: list(w) for f, w in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict) -> "LinearModel":
        classes = tuple(str(c) for c in data["classes"])
        width = len(classes) if len(classes) > 2 else 1
        bias = tuple(float(b) for b in data["bias"])
        weights = {str(f): tuple(float(x) for x in w) for f, w in data["weights"].items()}
        if len(bias) != width or any(len(w) != width for w in weights.values()):
            raise ValueError("model: every weight row needs one value per class")
        return cls(classes, bias, weights)


def dumps(models: dict[str, LinearModel]) -> str:
    """The JSON text of named models, stable (sorted, rounded) so that a rebuild can be compared."""
    return json.dumps({name: _rounded(m.as_json()) for name, m in sorted(models.items())},
                      ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def loads(text: str) -> dict[str, LinearModel]:
    return {name: LinearModel.from_json(data) for name, data in json.loads(text).items()}


# Digits kept of a weight: far below what changes a decision, and a file a reviewer can diff.
DIGITS = 4


def _rounded(data: dict) -> dict:
    def r(xs):
        return [round(x, DIGITS) for x in xs]
    return {"classes": data["classes"], "bias": r(data["bias"]),
            "weights": {f: r(w) for f, w in data["weights"].items() if any(r(w))}}
