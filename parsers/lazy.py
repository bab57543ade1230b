"""Names a package exports but loads on first use, so that importing one
module of it (parsers.events.kinds for a command line's choices, `ledger`
for --help) does not load the whole pipeline."""
from __future__ import annotations

from importlib import import_module
from typing import Callable


def exports(package: str, homes: dict[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` for `package` that imports each name of
    `homes` (name -> its module, relative to the package) when first asked."""
    def __getattr__(name: str):
        if name in homes:
            return getattr(import_module(homes[name], package), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    return __getattr__
