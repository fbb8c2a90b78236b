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

3. The metric dependency graph of an expectation (``Validator._generate_metric_dependency_
   subgraphs_for_each_expectation_configuration``, 40 % of what was left) is a function of its
   configuration, the batch id (``claimkit-<suite>``, the same at every validation of a suite),
   the result format and the execution engine; it is built once and reused
   (:func:`_generate_metric_dependency_subgraphs`), and so are the validation dependencies that
   ``metrics_validate`` recomputes for each expectation (:func:`_validation_dependencies`).
   Metric *values* are never kept: each validation resolves the graph on its own table into a
   fresh dict. Active inside :func:`graph_memo` (entered by :func:`claimkit.validation.validate`).
4. Row conditions made of plain ``==``/``!=``/``IN``/``NOT_IN`` comparisons joined by and/or are
   evaluated as the boolean mask ``DataFrame.query`` computes for GX's clause, without parsing a
   query string (:func:`_filter`; anything else still goes through ``query``).

``tests/test_gxgraph.py`` checks 3 and 4: plain-GX results for good and broken tables validated in
alternating orders, kept graphs and dependencies never written to, kept graphs equal to the ones GX
builds for other tables, and the direct filter equal to ``query`` on generated tables and conditions.
Measured with ``benchmarks/bench_gx_validation.py`` (CPU per validation, warm process, seed article
and its altered copy, 55-row tables, 30 validations each, two runs on a shared 2-core machine),
1 and 2 alone -> 1 to 4: claims median 133-146 -> 73-82 ms, verdicts 132-134 -> 65-71 ms.

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
    # the metric-graph memo replaces the first and relies on what the others do with the graphs
    "_generate_metric_dependency_subgraphs": "3165fac4b81c0f96e27a88296afa66e1cf988cd40d4d940e85bab3834f863947",
    "graph_validate": "179acad7dc6ff0eaff4ea1649a85e8d78cb95ee373084e96664e2a19fe16dd28",
    "_generate_suite_level_graph": "5137028d04d60b5142a360c66cabecb85de725e826289b7b3371a7f888187e5d",
    "_resolve_suite_level_graph": "99dda1198641308db7f0b3d7730d64b4f93068580c55580a447f53bb699eab3c",
    "ValidationGraph.build_metric_dependency_graph": "d12b534d653e6d1cc0e4c97597c6705fd367d582410af4b2c4102d24b0a13f93",
    "ValidationGraph._resolve": "3796cd3358b6aa66c0ac70f7c6580199a3fc9e9499689e835e6cbd8d09c33248",
    "ExpectationValidationGraph.get_exception_info": "bcf21603070ea08d960ccd983f424036ea61a9c09435cc5dd76a75b54093e782",
    # the direct row filter computes what the query these build computes
    "_comparison_condition_to_filter_clause": "919dbe2c750a218366bdd32af0298cd528215fac1d86af284a61d29f6926724b",
    "_and_condition_to_filter_clause": "dc357ac5c620de3833f134b9b9b228a87ef9ff1a00cef56d871176c08d1d6186",
    "_or_condition_to_filter_clause": "4a44334bffc9c337c4d87f50c05e686551738aca86d8ee55cd056b9d94aaa4ce",
    "condition_to_filter_clause": "086835cbba814a8abcf951d2e97aa0237d58c117a358fcc86952df0349d39515",
    "query_column_reference": "b20efd8b15ea7f632b8e1b5b0c169e7455243c2052750a0fc7e0e10b28dded0b",
    "metrics_validate": "425294baece92ecc2176156e13145173a43b4453fe5278a8cba1bd2551d4ea17",
}

_originals: dict[str, Any] = {}
_state = {"installed": False, "refused": None}


def _source_hash(obj) -> str:
    return hashlib.sha256(inspect.getsource(obj).encode()).hexdigest()


def _pandas_engine_module():
    import great_expectations.execution_engine.pandas_execution_engine as module

    return module


def _gx_sources():
    from great_expectations.execution_engine.pandas_execution_engine import PandasExecutionEngine
    from great_expectations.expectations.expectation import Expectation
    from great_expectations.validator.validation_graph import ExpectationValidationGraph, ValidationGraph
    from great_expectations.validator.validator import Validator

    return {
        "_generate_metric_dependency_subgraphs":
            Validator._generate_metric_dependency_subgraphs_for_each_expectation_configuration,
        "graph_validate": Validator.graph_validate,
        "_generate_suite_level_graph": Validator._generate_suite_level_graph_from_expectation_level_sub_graphs,
        "_resolve_suite_level_graph": Validator._resolve_suite_level_graph_and_process_metric_evaluation_errors,
        "ValidationGraph.build_metric_dependency_graph": ValidationGraph.build_metric_dependency_graph,
        "ValidationGraph._resolve": ValidationGraph._resolve,
        "ExpectationValidationGraph.get_exception_info": ExpectationValidationGraph.get_exception_info,
        "_comparison_condition_to_filter_clause": PandasExecutionEngine._comparison_condition_to_filter_clause,
        "_and_condition_to_filter_clause": PandasExecutionEngine._and_condition_to_filter_clause,
        "_or_condition_to_filter_clause": PandasExecutionEngine._or_condition_to_filter_clause,
        "condition_to_filter_clause": PandasExecutionEngine.condition_to_filter_clause,
        "query_column_reference": _pandas_engine_module().query_column_reference,
        "_get_success_kwarg": Expectation._get_success_kwarg,
        "_get_domain_kwargs": Expectation._get_domain_kwargs,
        "_get_success_kwargs": Expectation._get_success_kwargs,
        "_get_runtime_kwargs": Expectation._get_runtime_kwargs,
        "configuration": Expectation.configuration.fget,
        "metrics_validate": Expectation.metrics_validate,
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
           "_get_success_kwargs": _get_success_kwargs, "_get_runtime_kwargs": _get_runtime_kwargs,
           "metrics_validate": None}  # set below, once defined


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
        return _filter(self, data, row_condition, domain_kwargs)
    try:
        spec = row_condition if isinstance(row_condition, (dict, str)) else row_condition.dict()
        key = (id(data), type(row_condition).__name__, json.dumps(spec, sort_keys=True, default=repr),
               domain_kwargs.get("condition_parser"))
    except (TypeError, ValueError, AttributeError):
        return _originals["_apply_row_condition_filter"](self, data, row_condition, domain_kwargs)
    if key not in filters:
        _memo.tables.append(data)  # keeps id(data) from being reused while the memo lives
        filters[key] = _filter(self, data, row_condition, domain_kwargs)
    return filters[key]


# The fast filter: what ``DataFrame.query`` computes for the clause GX writes, without parsing it.
# GX 1.24 turns a Condition into a query string (``col == 'x'``, ``col in ['a', 'b']``, ``(… and …)``)
# that pandas parses and evaluates with its python engine (numexpr is not installed; strings go
# to python anyway): ``operator.eq``/``ne`` of the column Series and the literal, ``Series.isin``
# for ``in`` (``~isin`` for ``not in``), ``&``/``|`` for and/or, then ``data.loc[mask]``. The same
# operations are applied here directly, only where that is provably all ``query`` does: columns
# named by plain identifiers that name exactly one column and no index level, of dtype object,
# str, int64 or float64 (pandas converts literals compared with datetime columns and downcasts
# them for float32 ones), literals that ``repr`` round-trips and pandas reads as plain constants
# (str without backticks, non-negative finite int or float, never bool/None/nan), non-empty
# lists of those for IN/NOT_IN. Anything else, and any exception, goes through ``query``.
# ``tests/test_gxgraph.py`` compares both on generated tables and conditions.

_FAST_OPS = {"==": "eq", "!=": "ne", "IN": "isin", "NOT_IN": "notin"}


def _plain_literal(v) -> bool:
    import math

    if isinstance(v, bool) or v is None:
        return False
    if isinstance(v, str):
        return "`" not in v
    if type(v) is int:
        return 0 <= v < 2**53
    if type(v) is float:
        return math.isfinite(v) and v >= 0 and not (v == 0 and math.copysign(1, v) < 0)
    return False


def _mask(data, condition):
    """The boolean Series ``query`` computes for ``condition`` on ``data``, or None when not sure."""
    import keyword

    from great_expectations.expectations import row_conditions as rc

    if type(condition) in (rc.AndCondition, rc.OrCondition):
        masks = [_mask(data, c) for c in condition.conditions]
        if not masks or any(m is None for m in masks):
            return None
        out = masks[0]
        for m in masks[1:]:
            out = (out & m) if type(condition) is rc.AndCondition else (out | m)
        return out
    if type(condition) is not rc.ComparisonCondition:
        return None
    name, op, value = condition.column.name, _FAST_OPS.get(str(condition.operator)), condition.parameter
    if (op is None or not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name)
            or name in ("index", "columns") or name in data.index.names or not data.columns.is_unique
            or name not in data.columns):
        return None
    column = data[name]
    dtype = str(column.dtype)
    if dtype not in ("object", "str", "int64", "float64"):
        return None
    if op in ("isin", "notin"):
        if type(value) is not list or not value or not all(_plain_literal(v) for v in value):
            return None
        return column.isin(value) if op == "isin" else ~column.isin(value)
    if not _plain_literal(value):
        return None
    return (column == value) if op == "eq" else (column != value)


def _filter(self, data, row_condition, domain_kwargs):
    """GX's ``_apply_row_condition_filter``, by the direct mask when :func:`_mask` is sure of it."""
    if _state.get("fast_filter"):
        try:
            condition = row_condition
            if isinstance(condition, dict):
                condition = _pandas_engine_module().deserialize_row_condition(condition)
            mask = _mask(data, condition)
            if mask is not None:
                return data.loc[mask]
        except Exception:
            pass
    return _originals["_apply_row_condition_filter"](self, data, row_condition, domain_kwargs)


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


# ------------------------------------------------------------------ metric graphs, built once per expectation

_GRAPHS_MAX = 512  # expectation graphs kept (the claims and verdicts suites need 36 per result format)
_graphs: "dict[tuple, tuple]" = {}  # key -> (evaluated configuration as built, its ValidationGraph)
_graph_lock = threading.Lock()


def _config_key(configuration) -> bytes:
    """Everything an ``ExpectationConfiguration`` holds, as bytes: equal keys, equal configurations."""
    import pickle

    return pickle.dumps((type(configuration), configuration.__dict__), protocol=pickle.HIGHEST_PROTOCOL)


def _generate_metric_dependency_subgraphs(self, expectation_configurations, processed_configurations,
                                          catch_exceptions, runtime_configuration=None):
    """GX's ``_generate_metric_dependency_subgraphs_for_each_expectation_configuration``, with the
    metric dependency graph of an expectation built once and reused.

    That graph is a function of the expectation configuration, the batch id written into it, the
    runtime configuration (result format) and the execution engine: GX builds it from those alone
    (``get_validation_dependencies``, ``get_evaluation_dependencies``), before any data is read.
    The table of a validation enters only later, when the suite-level graph made from these edges
    is resolved against the engine's current batch into a fresh ``metrics`` dict; nothing in that
    resolution writes to the graph's ``MetricConfiguration`` objects (``tests/test_gxgraph.py``
    checks both). So a graph built for one validation is the graph of the next one with the same
    key. The configuration handed back is a fresh deep copy each time, as GX makes it; graphs whose
    build raised are not kept (the failure is rebuilt, and reported, every time).
    """
    if not getattr(_memo, "graphs", False):
        return _originals["_generate_metric_dependency_subgraphs"](
            self, expectation_configurations, processed_configurations, catch_exceptions, runtime_configuration)
    import copy

    from great_expectations.validator import validator as gx_validator  # the names GX's own loop uses

    ExpectationValidationGraph = gx_validator.ExpectationValidationGraph

    expectation_validation_graphs = []
    evrs = []
    engine = self._execution_engine
    batch_id = self.active_batch_id
    for configuration in expectation_configurations:
        try:
            assert configuration.type is not None, "Given configuration should include expectation type"
        except AssertionError as e:
            raise gx_validator.InvalidExpectationConfigurationError(str(e))
        try:
            key = (id(engine), type(engine), batch_id, catch_exceptions,
                   json.dumps(runtime_configuration, sort_keys=True), _config_key(configuration))
        except Exception:  # not serialisable: no memo for this one
            key = None
        cached = _graphs.get(key) if key is not None else None
        if cached is not None:
            template, graph, _engine = cached
            evaluated_config = copy.deepcopy(template)
            expectation_validation_graphs.append(ExpectationValidationGraph(configuration=evaluated_config, graph=graph))
            processed_configurations.append(evaluated_config)
            continue

        # GX's own loop body, unchanged
        evaluated_config = copy.deepcopy(configuration)
        if batch_id:
            evaluated_config.kwargs.update({"batch_id": batch_id})
        template = copy.deepcopy(evaluated_config) if key is not None else None
        expectation = evaluated_config.to_domain_obj()
        validation_dependencies = expectation.get_validation_dependencies(
            execution_engine=engine, runtime_configuration=runtime_configuration)
        try:
            graph = self._metrics_calculator.build_metric_dependency_graph(
                metric_configurations=validation_dependencies.get_metric_configurations(),
                runtime_configuration=runtime_configuration,
            )
            expectation_validation_graphs.append(ExpectationValidationGraph(configuration=evaluated_config, graph=graph))
            processed_configurations.append(evaluated_config)
        except Exception as err:
            if catch_exceptions:
                import traceback

                exception_info = gx_validator.ExceptionInfo(exception_traceback=traceback.format_exc(), exception_message=str(err))
                evrs.append(gx_validator.ExpectationValidationResult(success=False, exception_info=exception_info,
                                                        expectation_config=evaluated_config))
                continue
            raise
        if key is not None:
            with _graph_lock:
                if len(_graphs) >= _GRAPHS_MAX:
                    _graphs.clear()
                _graphs[key] = (template, graph, engine)  # the engine kept alive: its id stays its own
    return expectation_validation_graphs, evrs, processed_configurations


# ------------------------------------------------------------------ validation dependencies, once per expectation

_deps: "dict[tuple, tuple]" = {}  # key -> (metric configurations by name, result format, engine)


def _validation_dependencies(self, execution_engine, runtime_configuration):
    """``self.get_validation_dependencies(...)``, computed once per (expectation configuration,
    runtime configuration, engine) while :func:`graph_memo` is on.

    GX calls it twice per expectation per validation: to build the metric graph, then again in
    ``metrics_validate`` to find the metric values it needs among the resolved ones. It reads the
    expectation's configuration and the runtime configuration only (no data, no side effect), and
    ``metrics_validate`` only reads the ids of the metric configurations it returns; each call gets
    its own ``ValidationDependencies`` and its own copy of the result format.
    """
    import copy

    from great_expectations.validator.validator import ValidationDependencies

    if not getattr(_memo, "graphs", False):
        return self.get_validation_dependencies(execution_engine=execution_engine,
                                                runtime_configuration=runtime_configuration)
    try:
        runtime_key = json.dumps(runtime_configuration, sort_keys=True)
        key = (type(self), id(execution_engine), type(execution_engine), runtime_key, _config_key(self.configuration))
    except Exception:
        key = None
    cached = _deps.get(key) if key is not None else None
    if cached is None:
        deps = self.get_validation_dependencies(execution_engine=execution_engine,
                                                runtime_configuration=runtime_configuration)
        if key is not None and json.dumps(runtime_configuration, sort_keys=True) == runtime_key:
            with _graph_lock:
                if len(_deps) >= _GRAPHS_MAX:
                    _deps.clear()
                _deps[key] = (dict(deps.metric_configurations), copy.deepcopy(deps.result_format), execution_engine)
        return deps
    metric_configurations, result_format, _engine = cached
    return ValidationDependencies(metric_configurations=dict(metric_configurations),
                                  result_format=copy.deepcopy(result_format))


def _metrics_validate(self, metrics: dict, runtime_configuration=None, execution_engine=None, **kwargs):
    """GX 1.24's ``Expectation.metrics_validate``, with :func:`_validation_dependencies`."""
    module = _expectation_module()
    if runtime_configuration is None:
        runtime_configuration = {}

    validation_dependencies = _validation_dependencies(self, execution_engine, runtime_configuration)
    runtime_configuration["result_format"] = validation_dependencies.result_format

    validation_dependencies_metric_configurations = validation_dependencies.get_metric_configurations()

    module._validate_dependencies_against_available_metrics(
        validation_dependencies=validation_dependencies_metric_configurations,
        metrics=metrics,
    )

    provided_metrics = {
        metric_name: metrics[metric_configuration.id]
        for metric_name, metric_configuration in validation_dependencies.metric_configurations.items()
    }

    expectation_validation_result = self._validate(
        metrics=provided_metrics,
        runtime_configuration=runtime_configuration,
        execution_engine=execution_engine,
    )

    result_format = module.parse_result_format(runtime_configuration.get("result_format", {}))
    if result_format.get("result_format") == module.ResultFormat.BOOLEAN_ONLY:
        preserved_result = {}
        if result_format.get("return_unexpected_index_query", False):
            if isinstance(expectation_validation_result, module.ExpectationValidationResult):
                current_result = expectation_validation_result.result or {}
            else:
                current_result = expectation_validation_result.get("result", {})

            if "unexpected_index_query" in current_result:
                preserved_result["unexpected_index_query"] = current_result["unexpected_index_query"]
            if "unexpected_index_column_names" in current_result:
                preserved_result["unexpected_index_column_names"] = current_result["unexpected_index_column_names"]

        if isinstance(expectation_validation_result, module.ExpectationValidationResult):
            expectation_validation_result.result = preserved_result
        else:
            expectation_validation_result["result"] = preserved_result

    evr = self._build_evr(raw_response=expectation_validation_result)
    return evr


@contextmanager
def graph_memo():
    """Reuse metric dependency graphs (see :func:`_generate_metric_dependency_subgraphs`) inside the block."""
    if not _state["installed"] or getattr(_memo, "graphs", False):
        yield
        return
    _memo.graphs = True
    try:
        yield
    finally:
        _memo.graphs = False


def clear_graphs() -> None:
    with _graph_lock:
        _graphs.clear()
        _deps.clear()


PATCHED["metrics_validate"] = _metrics_validate


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
    from great_expectations.validator.validator import Validator

    _originals["_generate_metric_dependency_subgraphs"] = \
        Validator.__dict__["_generate_metric_dependency_subgraphs_for_each_expectation_configuration"]
    Validator._generate_metric_dependency_subgraphs_for_each_expectation_configuration = \
        _generate_metric_dependency_subgraphs
    import pandas as pd

    _state["fast_filter"] = pd.__version__.startswith("3.1.")  # the pandas the fast filter is tested on
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
    from great_expectations.validator.validator import Validator

    Validator._generate_metric_dependency_subgraphs_for_each_expectation_configuration = \
        _originals["_generate_metric_dependency_subgraphs"]
    clear_graphs()
    _state["installed"] = False


def installed() -> bool:
    return _state["installed"]
