"""notebooks/check_claim.ipynb runs with papermill: the deep dive on one claim, and a review recorded from it."""

import json
import os
from pathlib import Path

import nbformat
import pytest

from claimkit import load_article
from tests.helpers.claims import SEED, make_claims, seed_specs

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "check_claim.ipynb"


def run(tmp_path, **parameters):
    import papermill

    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    out = tmp_path / "check_claim.out.ipynb"
    old = dict(os.environ)
    os.environ.update(env)
    try:
        papermill.execute_notebook(
            str(NOTEBOOK), str(out), parameters=parameters, kernel_name="python3", cwd=str(tmp_path), progress_bar=False
        )
    finally:
        os.environ.clear()
        os.environ.update(old)
    return nbformat.read(str(out), as_version=4)


def text_of(nb) -> str:
    parts = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            parts.append(o.get("text", ""))
            parts.extend(str(v) for v in o.get("data", {}).values())
    return "\n".join(parts)


def test_the_notebook_is_committed_clean_with_every_parameter_commented():
    from claimkit.runner import declared_parameters

    nb = nbformat.read(str(NOTEBOOK), as_version=4)
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")
    assert nb.metadata["kernelspec"]["name"] == "python3" and nb.metadata["language_info"]["name"] == "python"
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    params = declared_parameters(NOTEBOOK)
    assert {"article", "claim_id", "evidence", "reviews_file", "my_query", "review_verdict", "reviewer"} <= set(params)
    assert all(p["help"] for p in params.values())


@pytest.mark.notebook
def test_the_deep_dive_on_57_countries_shows_its_rows_query_and_records_a_review(tmp_path):
    claims = make_claims(load_article(SEED), seed_specs())
    claims_file = tmp_path / "claims.json"
    claims.to_json(claims_file, orient="records")
    cid = claims.loc[claims["span"] == "57 countries", "claim_id"].iloc[0]
    reviews = tmp_path / "reviews.json"
    nb = run(
        tmp_path,
        claims_file=str(claims_file),
        claim_id=cid,
        reviews_file=str(reviews),
        my_query="SELECT state FROM osce_participating_states WHERE state = 'Mongolia'",
        review_verdict="supported",
        review_source="https://www.osce.org/participating-states",
        review_note="Counted on the OSCE site",
        reviewer="A. Journalist",
    )
    out = text_of(nb)
    assert not any(o.get("output_type") == "error" for c in nb.cells for o in c.get("outputs", []))
    assert "osce_participating_states" in out and "osce-mn" in out and "Mongolia" in out
    assert "57 participating States of the OSCE on 2022-01-13" in out
    saved = json.loads(reviews.read_text())["reviews"]
    assert [(r["claim_id"], r["verdict"], r["reviewer"]) for r in saved] == [(cid, "supported", "A. Journalist")]
    assert "ClaimReview" in out and "A. Journalist" in out


@pytest.mark.notebook
def test_the_notebook_runs_on_the_seed_with_the_real_extractors_and_its_defaults(tmp_path):
    nb = run(tmp_path, reviews_file=str(tmp_path / "reviews.json"))
    assert not any(o.get("output_type") == "error" for c in nb.cells for o in c.get("outputs", []))
    assert "No review recorded" in text_of(nb)


@pytest.mark.notebook
def test_with_sources_the_deep_dive_ranks_the_passages_and_says_why(tmp_path):
    source = tmp_path / "wire.txt"
    altered = ROOT / "data" / "articles" / "altered" / "russia-osce-dead-end-altered.txt"
    source.write_text(altered.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "wire.meta.json").write_text(json.dumps({"published": "2022-01-13"}))
    claims = load_article(SEED)
    from claimkit import extract_claims

    table = extract_claims(claims)
    cid = table.loc[table["span"] == "57 countries", "claim_id"].iloc[0]
    nb = run(tmp_path, claim_id=cid, sources=[str(source)], reviews_file=str(tmp_path / "reviews.json"))
    out = text_of(nb)
    assert not any(o.get("output_type") == "error" for c in nb.cells for o in c.get("outputs", []))
    assert "67 countries" in out and "decided the source check" in out and "wire.txt" in out
