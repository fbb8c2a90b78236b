"""A speed patch of Great Expectations 1.24 internals, for :mod:`claimkit.validation`.

Validating a small table costs GX far more Python than data work. Two repetitions dominate:

1. ``Expectation.configuration`` is a property that rebuilds an ``ExpectationConfiguration`` from
   a pydantic ``.dict()`` at every access, and ``_get_domain_kwargs``, ``_get_success_kwargs``,
   ``_get_success_kwarg`` and ``_get_runtime_kwargs`` access it once *per key* — about 44
   rebuilds per expectation per validation (13,000 for ten validations of the claims and
   verdicts suites; 37 % of the time), each running ``camel_to_snake`` (two regex substitutions).
   The patched methods read ``self.configuration.kwargs`` once per call and look every key up in
   it; ``camel_to_snake`` (a pure function of a class name) is memoised. Nothing changes the
   expectation between the reads inside one call, so every value is the same.
2. Every metric of an expectation with a ``row_condition`` filters the table again through
   ``DataFrame.query`` (17 filters per validation of the verdicts suite, for 4 distinct
   conditions). Within one validation (:func:`row_filter_memo`, entered by
   :func:`claimkit.validation.validate` around its GX calls), the filter of a given table by a
   given condition is computed once and shared, the way GX already shares the unfiltered table
   between metrics.

``tests/test_validation.py`` checks that patched GX gives the same ``ValidationReport`` and the
same raw GX result as unpatched GX (through the public ``Batch.validate``) on passing and failing
claims and verdicts tables, row-conditioned failures included. Measured on the founding article
and four variants (``benchmarks/bench_notebook_steps.py``, CPU time, same process, patch on vs
off): claims suite 0.21 -> 0.12 s, verdicts suite 0.25 -> 0.13 s.

The patch is installed only on GX 1.24.x and only when each function it replaces (or relies on)
is still the exact code it was written against (a hash of its source); otherwise GX runs as is.
"""
from __future__ import annotations

import functools
import hashlib
import inspect
import json
import logging
import threading
from contextlib import contextmanager
from typing import Any

logger = logging.getLogger(__name__)

# name of the Expectation method -> sha256 of the GX 1.24.1 source it replaces
EXPECTED_SOURCE = {
    "_get_success_kwarg": "baef37a186b4087123ae215810bc46c0761b276c4db2bb336865fe959e5bffd2",
    "_get_domain_kwargs": "91ad2a0670ff463ad99457f1e5c351b7fbd64cac8f6c200a18a437552f2adfd0",
    "_get_success_kwargs": "fe376905e18bc525a128d251281e7f48309e82f820f23c8e1d93d85e2739b26f",
    "_get_runtime_kwargs": "4196ca2a2cdb5bbfdf5e7540eaa58048d6e6881819ed004041ef56151667d8d0",
    "configuration": "017b2b788132d570b370ac396d96dbc7ff212418ffcf6c4c63b56a6518022685",
    "_apply_row_condition_filter": "917e05df63a2a6afc3aa568c034f118b803a88f209046f05e1927a6731edeae8",
    "get_domain_records": "4691281d9a24f31f802390bdb751e118f7fc4c3a35555177f9939679f1cf5528",
}

_originals: dict[str, Any] = {}
_state = {"installed": False, "refused": None}


def _source_hash(obj) -> str:
    return hashlib.sha256(inspect.getsource(obj).encode()).hexdigest()


def _gx_sources():
    from great_expectations.execution_engine.pandas_execution_engine import PandasExecutionEngine
    from great_expectations.expectations.expectation import Expectation

    return {
        "_get_success_kwarg": Expectation._get_success_kwarg,
        "_get_domain_kwargs": Expectation._get_domain_kwargs,
        "_get_success_kwargs": Expectation._get_success_kwargs,
        "_get_runtime_kwargs": Expectation._get_runtime_kwargs,
        "configuration": Expectation.configuration.fget,
        "_apply_row_condition_filter": PandasExecutionEngine._apply_row_condition_filter,
        "get_domain_records": PandasExecutionEngine.get_domain_records,
    }


# ------------------------------------------------------------------ the replacements

def _kwarg(self, kwargs: dict, key: str, default: Any = None) -> Any:
    """``_get_success_kwarg`` with the configuration's kwargs already built."""
    if key in kwargs:
        return kwargs[key]
    field = self.__fields__.get(key)
    if field is not None:
        return field.default if not field.required else default
    _expectation_module().logger.warning(
        f'_get_success_kwarg called with key "{key}", '
        f"but it is not a known field of {type(self).__name__}"
    )
    return default


def _domain(self, kwargs: dict) -> dict:
    """``_get_domain_kwargs`` with the configuration's kwargs already built."""
    from great_expectations.exceptions import InvalidExpectationKwargsError

    domain_kwargs = {key: kwargs.get(key, self._get_default_value(key)) for key in self.domain_keys}
    missing_kwargs = set(self.domain_keys) - set(domain_kwargs.keys())
    if missing_kwargs:
        raise InvalidExpectationKwargsError(f"Missing domain kwargs: {list(missing_kwargs)}")
    return domain_kwargs


def _success(self, kwargs: dict) -> dict:
    """``_get_success_kwargs`` with the configuration's kwargs already built."""
    domain_kwargs = _domain(self, kwargs)
    success_kwargs = {key: kwargs.get(key, self._get_default_value(key)) for key in self.success_keys}
    success_kwargs.update(domain_kwargs)
    return success_kwargs


def _get_success_kwarg(self, key: str, default: Any = None) -> Any:
    return _kwarg(self, self.configuration.kwargs, key, default)


def _get_domain_kwargs(self):
    return _domain(self, self.configuration.kwargs)


def _get_success_kwargs(self):
    return _success(self, self.configuration.kwargs)


def _get_runtime_kwargs(self, runtime_configuration=None) -> dict:
    runtime_configuration = runtime_configuration or {}
    kwargs = self.configuration.kwargs
    success_kwargs = _success(self, kwargs)
    runtime_kwargs = {key: runtime_configuration.get(key, _kwarg(self, kwargs, key)) for key in self.runtime_keys}
    runtime_kwargs.update(success_kwargs)
    runtime_kwargs["result_format"] = _expectation_module().parse_result_format(runtime_kwargs["result_format"])
    return runtime_kwargs


PATCHED = {"_get_success_kwarg": _get_success_kwarg, "_get_domain_kwargs": _get_domain_kwargs,
           "_get_success_kwargs": _get_success_kwargs, "_get_runtime_kwargs": _get_runtime_kwargs}


_memo = threading.local()  # .filters: {condition key: filtered frame} while one validation runs; .data: its table


def _apply_row_condition_filter(self, data, row_condition, domain_kwargs):
    """The original filter, run once per (table, row condition) within one validation.

    Without the memo every metric of a conditioned expectation filters the table again (17
    ``DataFrame.query`` calls per validation of the verdicts suite, for 4 distinct conditions).
    The memo lives only while :func:`row_filter_memo` is active (one ``batch.validate`` call, during
    which nothing changes the table) and only for the very table object it was made for. The
    frame returned is shared the way GX already shares the unfiltered table between metrics.
    """
    filters = getattr(_memo, "filters", None)
    if filters is None:
        return _originals["_apply_row_condition_filter"](self, data, row_condition, domain_kwargs)
    try:
        spec = row_condition if isinstance(row_condition, (dict, str)) else row_condition.dict()
        key = (id(data), type(row_condition).__name__, json.dumps(spec, sort_keys=True, default=repr),
               domain_kwargs.get("condition_parser"))
    except (TypeError, ValueError, AttributeError):
        return _originals["_apply_row_condition_filter"](self, data, row_condition, domain_kwargs)
    if key not in filters:
        _memo.tables.append(data)  # keeps id(data) from being reused while the memo lives
        filters[key] = _originals["_apply_row_condition_filter"](self, data, row_condition, domain_kwargs)
    return filters[key]


@contextmanager
def row_filter_memo():
    """Memoise row-condition filters for the duration of one validation (see above)."""
    if not _state["installed"] or getattr(_memo, "filters", None) is not None:
        yield
        return
    _memo.filters, _memo.tables = {}, []
    try:
        yield
    finally:
        _memo.filters, _memo.tables = None, None


def _expectation_module():
    import great_expectations.expectations.expectation as module

    return module


# ------------------------------------------------------------------ install / uninstall

def install() -> bool:
    """Install the patch if this GX is the one it was written for; True when it is installed."""
    if _state["installed"]:
        return True
    if _state["refused"] is not None:
        return False
    import great_expectations as gx

    if not gx.__version__.startswith("1.24."):
        _state["refused"] = f"GX {gx.__version__} is not 1.24.x"
        return False
    sources = _gx_sources()
    changed = [name for name, fn in sources.items() if _source_hash(fn) != EXPECTED_SOURCE[name]]
    if changed:
        _state["refused"] = f"GX code differs from 1.24.1 in {', '.join(changed)}"
        logger.info("claimkit: GX speed patch not installed (%s)", _state["refused"])
        return False
    from great_expectations.execution_engine.pandas_execution_engine import PandasExecutionEngine

    module = _expectation_module()
    Expectation = module.Expectation
    _originals.update({name: Expectation.__dict__[name] for name in PATCHED})
    _originals["camel_to_snake"] = module.camel_to_snake
    for name, fn in PATCHED.items():
        setattr(Expectation, name, fn)
    module.camel_to_snake = functools.lru_cache(maxsize=1024)(_originals["camel_to_snake"])
    _originals["_apply_row_condition_filter"] = PandasExecutionEngine.__dict__["_apply_row_condition_filter"]
    PandasExecutionEngine._apply_row_condition_filter = _apply_row_condition_filter
    _state["installed"] = True
    return True


def uninstall() -> None:
    """Put GX back as it was (for the test that compares patched and unpatched results)."""
    if not _state["installed"]:
        return
    module = _expectation_module()
    for name in PATCHED:
        setattr(module.Expectation, name, _originals[name])
    module.camel_to_snake = _originals["camel_to_snake"]
    from great_expectations.execution_engine.pandas_execution_engine import PandasExecutionEngine

    PandasExecutionEngine._apply_row_condition_filter = _originals["_apply_row_condition_filter"]
    _state["installed"] = False


def installed() -> bool:
    return _state["installed"]
