import pandas as pd
import pytest

from claimkit import validate
from claimkit.claims import claim_id, normalise_claims

TEXT = "Russia gathered around 100,000 troops near the border."


def claims(**changes):
    row = {
        "claim_id": claim_id("quantity", TEXT, "around 100,000 troops", 1), "article_id": "a-000000000000",
        "kind": "quantity", "sentence": TEXT, "start": 15, "end": 36, "span": TEXT[15:36],
        "value": 100000.0, "low": 90000.0, "high": 110000.0, "qualifier": "about", "unit": "troop",
        "subject": "troops near the border", "speaker": None, "date": "2022-01-13", "checkworthiness": 0.8,
    }
    row.update(changes)
    return normalise_claims(pd.DataFrame([row]))


def test_a_correct_claims_table_passes():
    report = validate(claims(), "claims", text=TEXT)
    assert report.success, report.summary()


@pytest.mark.parametrize("change, expectation, column", [
    ({"kind": "rumour"}, "expect_column_values_to_be_in_set", "kind"),
    ({"low": 120000.0}, "expect_column_pair_values_a_to_be_greater_than_b", "value, low"),
    ({"checkworthiness": 1.5}, "expect_column_values_to_be_between", "checkworthiness"),
    ({"span": "around 100,000 tanks"}, "expect_column_values_to_be_in_set", "span_in_text"),
    ({"date": "13/01/2022"}, "expect_column_values_to_match_regex", "date"),
    ({"claim_id": None}, "expect_column_values_to_not_be_null", "claim_id"),
])
def test_a_broken_claims_table_names_expectation_column_and_values(change, expectation, column):
    report = validate(claims(**change), "claims", text=TEXT)
    assert not report.success
    failed = {(f.expectation, f.column) for f in report.failures}
    assert (expectation, column) in failed, report.summary()
    assert column in report.summary() and expectation in report.summary()


def test_failure_lists_sample_values():
    report = validate(claims(kind="rumour"), "claims", text=TEXT)
    (failure,) = [f for f in report.failures if f.column == "kind"]
    assert failure.sample == ["rumour"] and failure.unexpected_count == 1


def test_duplicate_ids_fail():
    df = pd.concat([claims(), claims()], ignore_index=True)
    report = validate(df, "claims", text=TEXT)
    assert ("expect_column_values_to_be_unique", "claim_id") in {(f.expectation, f.column) for f in report.failures}


def test_unknown_suite_is_an_input_error():
    from claimkit import InputError

    with pytest.raises(InputError, match="no expectation suite called 'nonsense'"):
        validate(claims(), "nonsense")


def test_a_failed_check_writes_its_data_docs_page_and_names_it(tmp_path):
    from claimkit.errors import ValidationFailed
    from claimkit.validation import check

    with pytest.raises(ValidationFailed) as err:
        check(claims(kind="rumour"), "claims", text=TEXT, docs_dir=tmp_path)
    page = tmp_path / "data_docs" / "claims.html"
    assert "rumour" in page.read_text(), "the page lists the failing value"
    assert str(page) in str(err.value)


def test_a_passing_check_builds_docs_only_when_asked(tmp_path):
    from claimkit.validation import check

    assert check(claims(), "claims", text=TEXT, docs_dir=tmp_path).docs is None
    assert not (tmp_path / "data_docs").exists()
    report = check(claims(), "claims", text=TEXT, docs_dir=tmp_path, docs_on_failure=False)
    assert report.docs == str(tmp_path / "data_docs" / "claims.html") and (tmp_path / "data_docs" / "claims.html").exists()


# ------------------------------------------------------------ the GX speed patch changes no result

def _seed_tables():
    from claimkit import extract_claims, load_article, verify
    from claimkit.paths import SEED_ARTICLE

    claims_table = extract_claims(load_article(SEED_ARTICLE))
    return claims_table, verify(claims_table)


def _broken(table, cells: dict):
    out = table.copy()
    out.attrs = dict(table.attrs)
    for (row, col), value in cells.items():
        out.at[out.index[row], col] = value
    return out


def _comparable(report) -> dict:
    raw = report.raw.to_json_dict()
    raw["meta"]["batch_markers"].pop("ge_load_time")  # the clock, different at every run
    return {"success": report.success, "evaluated": report.evaluated, "rows": report.rows,
            "failures": [str(f) for f in report.failures], "raw": raw}


def test_the_fast_path_gives_the_results_of_plain_gx_on_passing_and_failing_tables(monkeypatch):
    """The GX speed patch and the direct validator give what unpatched GX gives through the
    public ``Batch.validate``: the same report and the same raw GX result, pass or fail."""
    from claimkit import gxpatch, validation
    from claimkit.validation import _context

    _context()  # installs the patch
    if not gxpatch.installed():
        pytest.skip(f"GX speed patch not installed here: {gxpatch._state['refused']}")
    seed_claims, seed_verdicts = _seed_tables()
    cases = [
        (seed_claims, "claims"), (seed_verdicts, "verdicts"),
        (_broken(seed_claims, {(0, "kind"): "rumour", (1, "low"): 1e9, (2, "span"): "not in the text"}), "claims"),
        (_broken(seed_verdicts, {(0, "verdict"): "maybe", (1, "method"): "guess"}), "verdicts"),
        # the row-conditioned expectations: evidence behind a supported verdict, a reviewer behind a review
        (_broken(seed_verdicts, {(0, "verdict"): "supported", (0, "evidence_count"): 0, (0, "method"): "query",
                                   (0, "query"): None, (0, "expected"): None,
                                   (3, "method"): "review", (3, "reviewer"): None}), "verdicts"),
        (pd.concat([claims(), claims()], ignore_index=True), "claims"),
    ]
    patched = [_comparable(validate(df, suite, text=df.attrs.get("article_text", TEXT))) for df, suite in cases]
    gxpatch.uninstall()
    monkeypatch.setattr(validation, "_validate_batch", validation._validate_batch_public)
    try:
        plain = [_comparable(validate(df, suite, text=df.attrs.get("article_text", TEXT))) for df, suite in cases]
    finally:
        gxpatch.install()
    assert [p["success"] for p in plain] == [True, True, False, False, False, False]
    assert len(plain[4]["failures"]) >= 4, plain[4]["failures"]
    for p, q in zip(patched, plain):
        assert p == q
