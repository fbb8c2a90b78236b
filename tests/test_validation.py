import pandas as pd
import pytest

from claimkit import validate
from claimkit.claims import claim_id, normalise_claims

TEXT = "Russia gathered around 100,000 troops near the border."


def claims(**changes):
    row = {
        "claim_id": claim_id("quantity", TEXT, "around 100,000 troops", 1),
        "article_id": "a-000000000000",
        "kind": "quantity",
        "sentence": TEXT,
        "start": 15,
        "end": 36,
        "span": TEXT[15:36],
        "value": 100000.0,
        "low": 90000.0,
        "high": 110000.0,
        "qualifier": "about",
        "unit": "troop",
        "subject": "troops near the border",
        "speaker": None,
        "date": "2022-01-13",
        "checkworthiness": 0.8,
    }
    row.update(changes)
    return normalise_claims(pd.DataFrame([row]))


def test_a_correct_claims_table_passes():
    report = validate(claims(), "claims", text=TEXT)
    assert report.success, report.summary()


@pytest.mark.parametrize(
    "change, expectation, column",
    [
        ({"kind": "rumour"}, "expect_column_values_to_be_in_set", "kind"),
        ({"low": 120000.0}, "expect_column_pair_values_a_to_be_greater_than_b", "value, low"),
        ({"checkworthiness": 1.5}, "expect_column_values_to_be_between", "checkworthiness"),
        ({"span": "around 100,000 tanks"}, "expect_column_values_to_be_in_set", "span_in_text"),
        ({"date": "13/01/2022"}, "expect_column_values_to_match_regex", "date"),
        ({"claim_id": None}, "expect_column_values_to_not_be_null", "claim_id"),
    ],
)
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
    assert (
        report.docs == str(tmp_path / "data_docs" / "claims.html") and (tmp_path / "data_docs" / "claims.html").exists()
    )


# ------------------------------------------------------------ GX's validation definitions, made once and reused


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


@pytest.fixture(scope="module")
def tables():
    seed_claims, seed_verdicts = _seed_tables()
    return {
        ("claims", "good"): seed_claims,
        ("claims", "broken"): _broken(
            seed_claims, {(0, "kind"): "rumour", (1, "low"): 1e9, (2, "span"): "not in the text"}
        ),
        ("claims", "duplicates"): pd.concat([claims(), claims()], ignore_index=True),
        ("claims", "missing column"): seed_claims.drop(columns=["unit"]),
        ("verdicts", "good"): seed_verdicts,
        ("verdicts", "broken"): _broken(seed_verdicts, {(0, "verdict"): "maybe", (1, "method"): "guess"}),
        # the row-conditioned expectations: evidence behind a supported verdict, a reviewer behind a review
        ("verdicts", "conditioned"): _broken(
            seed_verdicts,
            {
                (0, "verdict"): "supported",
                (0, "evidence_count"): 0,
                (0, "method"): "query",
                (0, "query"): None,
                (0, "expected"): None,
                (3, "method"): "review",
                (3, "reviewer"): None,
            },
        ),
        ("verdicts", "missing column"): seed_verdicts.drop(columns=["reviewer"]),
    }


def _seen(tables, key) -> tuple:
    df = tables[key]
    report = validate(df, key[0], text=df.attrs.get("article_text", TEXT))
    return key, report.success, report.evaluated, report.rows, tuple(str(f) for f in report.failures)


def test_each_table_is_judged_on_its_own_whatever_was_validated_before(tables):
    """The context, suites and validation definitions are reused across validations: a table's
    report is the same whether it comes first, after a failing table of its kind, or after a passing one."""
    keys = list(tables)
    forward = {r[0]: r for r in (_seen(tables, k) for k in keys)}
    backward = {r[0]: r for r in (_seen(tables, k) for k in reversed(keys))}
    interleaved = {r[0]: r for r in (_seen(tables, k) for k in keys[::2] + keys[1::2])}
    assert forward == backward == interleaved
    assert [forward[k][1] for k in keys] == [True, False, False, False, True, False, False, False]


def test_row_conditioned_expectations_fail_only_on_their_rows(tables):
    report = validate(tables[("verdicts", "conditioned")], "verdicts")
    failed = {(f.expectation, f.column) for f in report.failures}
    assert ("expect_column_values_to_be_between", "evidence_count") in failed  # a supported verdict needs evidence
    assert ("expect_column_values_to_not_be_null", "reviewer") in failed  # a review needs its reviewer
    assert ("expect_column_values_to_not_be_null", "query") in failed  # a query verdict names its query
    assert validate(tables[("verdicts", "good")], "verdicts").success


def test_a_missing_column_is_named(tables):
    report = validate(tables[("claims", "missing column")], "claims")
    assert not report.success
    assert any(f.column == "(table)" and "missing column unit" in f.sample for f in report.failures), report.summary()


def test_a_failure_keeps_five_sample_values_and_counts_them_all():
    df = pd.concat([claims(claim_id=f"c-{i:010x}", kind=f"rumour{i}") for i in range(8)], ignore_index=True)
    (failure,) = [f for f in validate(df, "claims", text=TEXT).failures if f.column == "kind"]
    assert failure.unexpected_count == 8 and failure.sample == [f"rumour{i}" for i in range(5)]


def test_a_suite_file_given_by_path_runs_beside_the_shipped_suite_of_the_same_name(tmp_path):
    import json

    from claimkit.paths import EXPECTATIONS

    spec = json.loads((EXPECTATIONS / "claims.json").read_text())
    spec["expectations"] = [
        e
        for e in spec["expectations"]
        if e["type"] == "expect_column_values_to_be_in_set" and e["kwargs"].get("column") == "kind"
    ]
    strict = tmp_path / "claims.json"
    spec["expectations"][0]["kwargs"]["value_set"] = ["time"]
    strict.write_text(json.dumps(spec))
    mine = validate(claims(), str(strict), text=TEXT)
    assert not mine.success and mine.evaluated == 1 and mine.failures[0].sample == ["quantity"]
    assert validate(claims(), "claims", text=TEXT).success, "the shipped suite is unchanged"
