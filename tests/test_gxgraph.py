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


def test_resolution_does_not_write_to_kept_graphs(tables):
    from claimkit import gxpatch

    gxpatch.clear_graphs()
    for k in [("claims", "good"), ("verdicts", "good")]:
        validate(tables[k], k[0])
    before = _snapshot(gxpatch._graphs)
    for k in [("claims", "broken"), ("verdicts", "conditioned"), ("claims", "good"), ("verdicts", "broken"),
              ("claims", "missing column"), ("verdicts", "good")]:
        validate(tables[k], k[0])
    after = _snapshot(gxpatch._graphs)
    assert {k: v for k, v in after.items() if k in before} == before


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
