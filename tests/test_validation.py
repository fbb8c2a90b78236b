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
