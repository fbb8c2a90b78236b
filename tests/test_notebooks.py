"""Every notebook in notebooks/ executes with papermill on the shipped article."""

import json
from pathlib import Path

import nbformat
import pytest

from claimkit.runner import declared_parameters, run_article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "russia-osce-dead-end.txt"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_clean_with_a_parameters_cell(path):
    nb = nbformat.read(str(path), as_version=4)
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    params = declared_parameters(path)
    assert params, "a parameters cell with at least one parameter"
    assert all(p["help"] for p in params.values()), "every parameter is commented"


@pytest.mark.notebook
def test_article_notebook_runs_on_the_seed(tmp_path):
    from claimkit import validate
    from claimkit.outputs import read_outputs

    result = run_article(SEED, out_dir=tmp_path)
    executed = nbformat.read(str(result.notebook), as_version=4)
    assert not any(o.get("output_type") == "error" for c in executed.cells for o in c.get("outputs", []))
    html = "".join(o.get("data", {}).get("text/html", "") for c in executed.cells for o in c.get("outputs", []))
    assert 'class="ck-claim' in html, "the article is shown with its claims highlighted"
    out = read_outputs(tmp_path)
    assert out["manifest"]["claims"] == len(out["claims"])
    assert out["article"]["published"] == "2022-01-13"
    report = validate(out["claims"], "claims", text=out["article"]["text"])
    assert report.success, report.summary()
    assert [v["success"] for v in json.loads((tmp_path / "validation.json").read_text())] == [True, True]
    claims, verdicts = out["claims"], out["verdicts"]
    seed_figures = claims.set_index("span").loc[["around 100,000 troops", "57 countries"]]
    assert seed_figures[["low", "value", "high"]].values.tolist() == [[90000, 100000, 110000], [57, 57, 57]]
    decided = (
        verdicts.drop(columns=["span"], errors="ignore")
        .merge(claims[["claim_id", "span"]], on="claim_id")
        .set_index("span")
    )
    assert decided.loc["around 100,000 troops", "verdict"] == "supported"
    assert decided.loc["57 countries", "verdict"] == "supported"
    assert json.loads((tmp_path / "claimreview.json").read_text())[0]["@type"] == "ClaimReview"
    assert not list(tmp_path.glob(".*partial*"))
