"""claimkit: lift checkable claims out of a news story and check them against sourced data.

The public names below are imported lazily, so ``import claimkit`` stays cheap and the
heavy libraries (pandas, Great Expectations, papermill, DuckDB, Dask) load only when a
function that needs them is called.
"""

from __future__ import annotations

from importlib import import_module

# the one place the version is written: pyproject.toml reads it from here (CHANGELOG.md says what changed)
__version__ = "0.2.0"

# public name -> module that defines it (the contract in shared/contract.md)
_EXPORTS = {
    "Article": "claimkit.articles",
    "load_article": "claimkit.articles",
    "read_articles": "claimkit.articles",
    "load_sources": "claimkit.sources",
    "SourceSet": "claimkit.sources",
    "extract_claims": "claimkit.claims",
    "Quantity": "claimkit.extract.quantities",
    "parse_quantities": "claimkit.extract.quantities",
    "TimeMention": "claimkit.extract.times",
    "parse_times": "claimkit.extract.times",
    "score_sentence": "claimkit.checkworthiness",
    "verify": "claimkit.verdicts",
    "EvidenceStore": "claimkit.evidence",
    "validate": "claimkit.validation",
    "to_claimreview": "claimkit.claimreview",
    "review": "claimkit.reviews",
    "ClaimkitError": "claimkit.errors",
    "InputError": "claimkit.errors",
    "ValidationFailed": "claimkit.errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'claimkit' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
