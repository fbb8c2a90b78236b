"""The reused metric graphs (claimkit.gxpatch) change no result: every validation computes its
metrics on its own table, whatever was validated before it, and GX never writes to a kept graph."""
import copy

import pandas as pd
import pytest

from claimkit import validate
from test_validation import TEXT, _broken, _comparable, _seed_tables, claims


@pytest.fixture(scope="module")
def tables():
    from claimkit import gxpatch
    from claimkit.validation import _context

    _context()  # installs the patch
    if not gxpatch.installed():
        pytest.skip(f"GX speed patch not installed here: {gxpatch._state['refused']}")
    seed_claims, seed_verdicts = _seed_tables()
    altered_claims = _broken(seed_claims, {(0, "kind"): "rumour", (1, "low"): 1e9, (2, "span"): "not in the text"})
    return {
        ("claims", "good"): seed_claims,
        ("claims", "broken"): altered_claims,
        ("claims", "duplicates"): pd.concat([claims(), claims()], ignore_index=True),
        ("claims", "missing column"): seed_claims.drop(columns=["unit"]),
        ("verdicts", "good"): seed_verdicts,
        ("verdicts", "broken"): _broken(seed_verdicts, {(0, "verdict"): "maybe", (1, "method"): "guess"}),
        # the row-conditioned expectations fail: evidence behind a supported verdict, a reviewer behind a review
        ("verdicts", "conditioned"): _broken(seed_verdicts, {
            (0, "verdict"): "supported", (0, "evidence_count"): 0, (0, "method"): "query", (0, "query"): None,
            (0, "expected"): None, (3, "method"): "review", (3, "reviewer"): None}),
        ("verdicts", "missing column"): seed_verdicts.drop(columns=["reviewer"]),
    }


def _run(tables, order):
    return [_comparable(validate(tables[k], k[0], text=tables[k].attrs.get("article_text", TEXT))) for k in order]


def _plain(tables, order, monkeypatch):
    from claimkit import gxpatch, validation

    gxpatch.uninstall()
    with monkeypatch.context() as m:
        m.setattr(validation, "_validate_batch", validation._validate_batch_public)
        try:
            return _run(tables, order)
        finally:
            gxpatch.install()


ORDERS = [
    # good after broken and broken after good, both suites interleaved as in the batch kernel
    [("claims", "good"), ("verdicts", "good"), ("claims", "broken"), ("verdicts", "broken"),
     ("claims", "good"), ("verdicts", "good"), ("claims", "duplicates"), ("verdicts", "conditioned"),
     ("claims", "good"), ("verdicts", "good")],
    [("claims", "broken"), ("claims", "good"), ("claims", "missing column"), ("claims", "good"),
     ("verdicts", "conditioned"), ("verdicts", "good"), ("verdicts", "missing column"), ("verdicts", "good"),
     ("verdicts", "broken"), ("claims", "duplicates")],
]


@pytest.mark.parametrize("order", ORDERS, ids=["good-first", "broken-first"])
def test_kept_graphs_give_plain_gx_results_in_any_order(tables, order, monkeypatch):
    from claimkit import gxpatch

    gxpatch.clear_graphs()
    patched = _run(tables, order)
    assert gxpatch._graphs, "the graphs were kept (the memo is on)"
    plain = _plain(tables, order, monkeypatch)
    assert [p["success"] for p in plain] == [k[1] == "good" for k in order]
    for key, p, q in zip(order, patched, plain):
        assert p == q, key


def _snapshot(graphs) -> dict:
    """Every kept graph as plain data: its configuration and each metric's id, kwargs and dependencies."""
    out = {}
    for key, (template, graph, _engine) in graphs.items():
        metrics = []
        for edge in graph.edges:
            for m in (edge.left, edge.right):
                if m is not None:
                    metrics.append((m.id, copy.deepcopy(dict(m.metric_domain_kwargs)),
                                    copy.deepcopy(dict(m.metric_value_kwargs)),
                                    sorted((k, d.id) for k, d in m.metric_dependencies.items())))
        out[key] = (template.to_json_dict(), sorted(graph.edge_ids, key=repr), repr(metrics))
    return out


def _deps_snapshot(deps) -> dict:
    return {key: (sorted((name, m.id, repr(dict(m.metric_domain_kwargs)), repr(dict(m.metric_value_kwargs)))
                         for name, m in metric_configurations.items()), repr(result_format))
            for key, (metric_configurations, result_format, _engine) in deps.items()}


def test_resolution_does_not_write_to_kept_graphs_or_dependencies(tables):
    from claimkit import gxpatch

    gxpatch.clear_graphs()
    for k in [("claims", "good"), ("verdicts", "good")]:
        validate(tables[k], k[0])
    before, deps_before = _snapshot(gxpatch._graphs), _deps_snapshot(gxpatch._deps)
    assert before and deps_before
    for k in [("claims", "broken"), ("verdicts", "conditioned"), ("claims", "good"), ("verdicts", "broken"),
              ("claims", "missing column"), ("verdicts", "good")]:
        validate(tables[k], k[0])
    after, deps_after = _snapshot(gxpatch._graphs), _deps_snapshot(gxpatch._deps)
    assert {k: v for k, v in after.items() if k in before} == before
    assert {k: v for k, v in deps_after.items() if k in deps_before} == deps_before


def test_a_graph_built_on_another_table_is_the_graph_gx_builds_for_this_one(tables):
    """The graph depends on the configuration, batch id, result format and engine, not on the data."""
    from great_expectations.validator.v1_validator import Validator

    from claimkit import gxpatch
    from claimkit.validation import _batch_definition, load_suite_dict

    import great_expectations as gx

    def graphs(suite, df, memo):
        spec = {k: v for k, v in load_suite_dict(suite).items() if k != "id"}
        validator = Validator(batch_definition=_batch_definition(suite), batch_parameters={"dataframe": df.copy()})
        old = validator._wrapped_validator
        configs = old.process_expectations_for_validation(gx.ExpectationSuite(**spec).expectation_configurations)
        run = {"result_format": "BOOLEAN_ONLY"}
        if memo:
            with gxpatch.graph_memo():
                built, evrs, _ = gxpatch._generate_metric_dependency_subgraphs(old, configs, [], True, run)
        else:
            built, evrs, _ = gxpatch._originals["_generate_metric_dependency_subgraphs"](old, configs, [], True, run)
        return [(g.configuration.to_json_dict(), sorted(g.graph.edge_ids, key=repr)) for g in built], evrs

    for suite in ("claims", "verdicts"):
        gxpatch.clear_graphs()
        graphs(suite, tables[(suite, "good")], memo=True)  # kept from the good table
        for variant in ("good", "broken", "missing column"):
            kept, kept_evrs = graphs(suite, tables[(suite, variant)], memo=True)
            fresh, fresh_evrs = graphs(suite, tables[(suite, variant)], memo=False)
            assert kept == fresh and not kept_evrs and not fresh_evrs, (suite, variant)


# ------------------------------------------------------------ the direct row filter is DataFrame.query

import math  # noqa: E402

from hypothesis import HealthCheck, assume, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

TEXTS = ["supported", "contradicted", "review", "query", "", "a`b", "unverified"]
# mostly what the direct filter takes, some of everything it must leave to query
LITERALS = st.one_of(st.sampled_from(TEXTS + [0, 1, 2, 7, 0.5, 1.0]),
                     st.sampled_from([-1, -0.0, math.nan, math.inf, True, False, None, 2**70]))
COLUMNS = st.one_of(st.sampled_from(["verdict", "method", "n", "x"]),
                    st.sampled_from(["flag", "when", "index", "class", "two words", "missing"]))


@st.composite
def frames(draw):
    rows = draw(st.integers(0, 8))
    cell = st.sampled_from(["supported", "contradicted", "review", "query", None, math.nan, "a`b"])
    data = {
        "verdict": pd.Series([draw(cell) for _ in range(rows)], dtype=object),
        "method": pd.Series([draw(cell) for _ in range(rows)], dtype="str"),
        "n": pd.Series([draw(st.integers(-2, 3)) for _ in range(rows)], dtype="int64"),
        "x": pd.Series([draw(st.sampled_from([0.5, 1.0, math.nan, 2.0, -0.0])) for _ in range(rows)], dtype="float64"),
        "flag": pd.Series([draw(st.booleans()) for _ in range(rows)], dtype=bool),
        "when": pd.to_datetime(pd.Series(["2022-01-13"] * rows)),
        "class": pd.Series([draw(cell) for _ in range(rows)], dtype=object),
        "two words": pd.Series([draw(cell) for _ in range(rows)], dtype=object),
    }
    df = pd.DataFrame(data)
    index = draw(st.sampled_from(["range", "duplicates", "named n", "named verdict"]))
    if index == "duplicates" and rows:
        df.index = [i // 2 for i in range(rows)]
    elif index.startswith("named"):
        df.index = pd.Index(range(100, 100 + rows), name=index.split()[1])
    if draw(st.integers(0, 3)) == 0:
        df = df.rename(columns={"class": "verdict"})  # a duplicated column name
    return df


@st.composite
def conditions(draw):
    from great_expectations.expectations.row_conditions import (
        AndCondition, Column, ComparisonCondition, Operator, OrCondition)

    def comparison():
        op = draw(st.one_of(st.sampled_from([Operator.EQUAL, Operator.NOT_EQUAL, Operator.IN, Operator.NOT_IN]),
                            st.sampled_from(list(Operator))))
        if op in (Operator.IN, Operator.NOT_IN):
            value = draw(st.lists(LITERALS, min_size=draw(st.sampled_from([0, 1, 1, 1])), max_size=3))
        else:
            value = draw(st.one_of(LITERALS, st.lists(LITERALS, min_size=1, max_size=2)))
        try:
            return ComparisonCondition(column=Column(name=draw(COLUMNS)), operator=op, parameter=value)
        except Exception:
            assume(False)

    kind = draw(st.sampled_from(["one", "and", "or"]))
    if kind == "one":
        return comparison()
    parts = [comparison() for _ in range(draw(st.integers(2, 3)))]
    try:
        return (AndCondition if kind == "and" else OrCondition)(conditions=parts)
    except Exception:
        assume(False)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(frames(), conditions())
def test_the_direct_row_filter_is_what_query_computes(df, condition):
    from great_expectations.execution_engine.pandas_execution_engine import PandasExecutionEngine

    from claimkit import gxpatch
    from claimkit.validation import _context

    _context()
    if not gxpatch.installed() or not gxpatch._state.get("fast_filter"):
        pytest.skip("GX speed patch or its direct filter not installed here")
    engine = PandasExecutionEngine()
    try:
        expected = df.query(engine.condition_to_filter_clause(condition))
    except Exception as exc:  # query refuses it: the patched filter must refuse it the same way
        with pytest.raises(type(exc)):
            gxpatch._filter(engine, df, condition, {})
        return
    for given_as in (condition, condition.dict() if hasattr(condition, "dict") else condition):
        got = gxpatch._filter(engine, df, given_as, {})
        pd.testing.assert_frame_equal(got, expected, check_exact=True)
        assert list(got.columns) == list(expected.columns) and got.index.equals(expected.index)


def test_the_direct_filter_serves_the_verdicts_conditions(tables):
    """The suite's own row conditions take the direct path (else it would gain nothing) and select
    the rows query selects, on the seed verdicts and on the broken ones."""
    from great_expectations.execution_engine.pandas_execution_engine import PandasExecutionEngine
    from great_expectations.expectations.row_conditions import deserialize_row_condition

    from claimkit import gxpatch
    from claimkit.validation import load_suite_dict

    conditioned = [e["kwargs"]["row_condition"] for e in load_suite_dict("verdicts")["expectations"]
                   if "row_condition" in e["kwargs"]]
    assert conditioned
    engine = PandasExecutionEngine()
    for spec in conditioned:
        condition = deserialize_row_condition(spec)
        for variant in ("good", "broken", "conditioned"):
            df = tables[("verdicts", variant)]
            assert gxpatch._mask(df, condition) is not None, spec
            expected = df.query(engine.condition_to_filter_clause(condition))
            pd.testing.assert_frame_equal(gxpatch._filter(engine, df, spec, {}), expected, check_exact=True)
