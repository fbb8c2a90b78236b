"""The check registry: adding a check is adding a decorated function; verdicts combine by one rule."""

import sys

import pytest

from claimkit import load_article, verify
from claimkit.checks import CHECKS, Check, CheckContext, article_check, claim_check, combine, load_checks
from tests.helpers.claims import SEED, claim, make_claims, seed_specs


@pytest.fixture
def registry_snapshot():
    before = dict(CHECKS)
    yield
    CHECKS.clear()
    CHECKS.update(before)


def test_the_shipped_reference_checks_are_registered_from_their_modules():
    names = set(load_checks())
    assert {"reference.membership", "reference.estimate", "reference.calendar", "reference.office"} <= names
    assert CHECKS["reference.calendar"].kinds == ("time",)


def test_agreeing_decided_verdicts_win_with_their_evidence_merged():
    a = Check("supported", ["osce-at", "osce-be"], expected="57 States", check="reference.membership")
    b = Check("supported", ["p1"], expected="57 countries (source)", check="sources")
    c = combine([a, Check(note="no table"), b], "quantity")
    assert c.verdict == "supported" and c.evidence_ids == ["osce-at", "osce-be", "p1"]
    assert c.check == "reference.membership+sources" and "57 States" in c.expected and "(source)" in c.expected


def test_decided_verdicts_that_disagree_give_unverified_naming_both():
    c = combine(
        [
            Check("supported", ["r1"], expected="57", check="reference.membership"),
            Check("contradicted", ["r2"], expected="67", check="reference.estimate"),
        ],
        "quantity",
    )
    assert c.verdict == "unverified" and c.evidence_ids == []
    assert (
        "reference.membership says supported (57)" in c.note and "reference.estimate says contradicted (67)" in c.note
    )


def test_the_storys_own_sources_outrank_disagreeing_reference_tables():
    c = combine(
        [
            Check("supported", ["r1"], expected="57", check="reference.membership"),
            Check("contradicted", ["p1"], expected="67", check="sources"),
        ],
        "quantity",
    )
    assert c.verdict == "contradicted" and c.evidence_ids == ["p1"] and c.check == "sources"
    assert "Other evidence disagrees" in c.note and "reference.membership says supported (57)" in c.note


def test_sources_that_disagree_among_themselves_decide_nothing():
    c = combine(
        [
            Check("supported", ["p1"], expected="57", check="sources"),
            Check("contradicted", ["p2"], expected="67", check="sources"),
            Check("supported", ["r1"], expected="57", check="reference.membership"),
        ],
        "quantity",
    )
    assert c.verdict == "unverified" and "the evidence disagrees" in c.note


def test_nothing_decided_gives_unverified_with_each_reason_once():
    c = combine(
        [Check(note="no table counts 'tank'"), Check(note="no table counts 'tank'"), Check(note="sources are silent")]
    )
    assert c.verdict == "unverified" and c.note == "no table counts 'tank'; sources are silent"


def test_a_new_claim_check_takes_part_in_verify(registry_snapshot):
    @claim_check("test.always_contradicts_quotes", kinds=("quote",))
    def _quotes(claim, ctx: CheckContext):
        return Check("contradicted", ["x-1"], expected="another wording", note="test check")

    claims = make_claims(load_article(SEED), seed_specs())
    v = verify(claims).set_index("kind")
    assert set(v.loc[["quote"], "verdict"]) == {"contradicted"}
    assert set(v.loc[["quote"], "check"]) == {"test.always_contradicts_quotes"}


def test_an_article_check_sees_every_claim_and_the_text(registry_snapshot):
    seen = {}

    @article_check("test.article")
    def _whole(ctx: CheckContext):
        seen["n"], seen["published"] = len(ctx.claims), ctx.published
        first = ctx.claims[0]["claim_id"]
        return {first: Check("misleading", [ctx.claims[1]["claim_id"]], expected="computed", note="from another claim")}

    claims = make_claims(
        load_article(SEED),
        [
            claim("quantity", "around 100,000 troops", value=1e5, low=9e4, high=1.1e5, unit="troop"),
            claim("quantity", "57 countries", value=57, low=57, high=57, unit="country"),
        ],
    )
    v = verify(claims)
    assert seen["n"] == 2 and str(seen["published"]) == "2022-01-13"
    # the article check says misleading, the estimate table supported: they disagree, so unverified
    assert v.iloc[0].verdict == "unverified" and "test.article says misleading" in v.iloc[0].note


def test_a_check_from_an_entry_point_is_loaded(registry_snapshot, tmp_path, monkeypatch):
    import claimkit.checks as checks

    (tmp_path / "ck_plugin_mod.py").write_text(
        "from claimkit.checks import claim_check\n"
        "@claim_check('plugin.silent')\n"
        "def silent(claim, ctx):\n    return None\n"
    )
    dist = tmp_path / "ck_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: ck-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[claimkit.checks]\nsilent = ck_plugin_mod\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(checks, "_loaded", False)
    assert "plugin.silent" in load_checks()
    sys.modules.pop("ck_plugin_mod", None)


def test_claimkit_verify_is_the_function_and_the_old_module_path_still_works():
    import claimkit
    from claimkit.verdicts import verify as verdicts_verify
    from claimkit.verify import verify as old_path

    assert old_path is verdicts_verify
    assert callable(claimkit.verify)
