"""The built-in catalog: derivations from the five worked solutions in the seeds, one module per topic.

Each topic module defines ``DERIVATIONS``, a tuple of Derivation objects, in document order.
Sources are cited by file name and by the label the document uses; the documents themselves are
not reproduced.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from ..model import Check, Derivation, checks_of

__all__ = ["TOPICS", "derivations", "checks"]

# In the order the exercises are set.
TOPICS = ("softmax", "sigmoid", "jacobians", "cross_entropy", "network", "linear_classifier", "stability")


@lru_cache(maxsize=None)
def derivations() -> tuple[Derivation, ...]:
    found = []
    for topic in TOPICS:
        try:
            module = importlib.import_module(f"{__name__}.{topic}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{topic}":
                continue
            raise
        found.extend(module.DERIVATIONS)
    return tuple(found)


@lru_cache(maxsize=None)
def checks() -> tuple[Check, ...]:
    return tuple(c for d in derivations() for c in checks_of(d))
