"""--sources on the command line, the notebooks and the batch: the story checked against its documents."""

import json
import shutil
from pathlib import Path

import pytest

from claimkit.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "russia-osce-dead-end.txt"
ALTERED = ROOT / "data" / "articles" / "altered" / "russia-osce-dead-end-altered.txt"


@pytest.fixture
def altered_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMKIT_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "sources"
    folder.mkdir()
    text = ALTERED.read_text(encoding="utf-8")  # the altered copy, and the mission's "must" made "may"
    (folder / "wire.txt").write_text(
        text.replace("we must take the necessary", "we may take the necessary"), encoding="utf-8"
    )
    shutil.copy(ALTERED.with_name(ALTERED.stem + ".meta.json"), folder / "wire.meta.json")
    return folder


def test_verify_with_sources_contradicts_exactly_the_four_altered_claims_even_where_tables_disagree(
    altered_dir, tmp_path
):
    from claimkit.files import read_table

    target = tmp_path / "verdicts.json"
    assert main(["verify", str(SEED), "--sources", str(altered_dir), "-o", str(target)]) == 0
    v = read_table(target).set_index("span")
    quote = v[v.index.str.contains("we must take the necessary measures", regex=False)].iloc[0]
    assert quote.verdict == "contradicted" and "[must → may]" in quote.note
    # the shipped tables support 57 countries and Monday, the altered source says 67 and Tuesday:
    # the story is held to its source, and the note names the tables that disagree
    for span in ("57 countries", "Monday", "around 100,000 troops"):
        assert v.loc[span].verdict == "contradicted" and "Other evidence disagrees" in v.loc[span].note
    assert (v.verdict == "contradicted").sum() == 4
    assert v.loc["Wednesday"].iloc[0].verdict == "supported"


def test_a_broken_source_is_one_line_and_the_others_are_still_used(altered_dir, capsys):
    (altered_dir / "scan.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    assert main(["verify", str(SEED), "--sources", str(altered_dir), "--all"]) == 0
    err = capsys.readouterr().err
    bad = [line for line in err.splitlines() if "scan.pdf" in line]
    assert len(bad) == 1 and bad[0].startswith("claimkit: ")


def test_no_usable_source_is_exit_2_naming_the_file(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CLAIMKIT_CACHE", str(tmp_path / "cache"))
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    assert main(["verify", str(SEED), "--sources", str(tmp_path / "scan.pdf")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert "scan.pdf" in err[-1] and "Traceback" not in "\n".join(err)


def test_a_missing_source_path_for_run_is_exit_2_before_any_kernel(tmp_path, capsys):
    assert main(["run", str(SEED), "--sources", str(tmp_path / "nope.pdf"), "-o", str(tmp_path / "out")]) == 2
    assert "nope.pdf" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_run_with_sources_leaves_a_report_showing_the_passages(altered_dir, tmp_path, capsys):
    out = tmp_path / "run"
    assert main(["run", str(SEED), "--sources", str(altered_dir), "-o", str(out)]) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "source passage" in html and "wire.txt" in html
    assert "Geneva on Tuesday" in html, "the deciding passage is quoted under the verdict"
    nb = json.loads((out / "verify_article.ipynb").read_text(encoding="utf-8"))
    text = json.dumps(nb)
    assert "Against the sources" in text and "ck-against" in text


def test_batch_takes_each_articles_sources_from_its_sidecar_and_the_shared_ones(altered_dir, tmp_path):
    from claimkit.batch.plan import plan_batch
    from claimkit.runner import ARTICLE_NOTEBOOK

    stories = tmp_path / "stories"
    stories.mkdir()
    shutil.copy(SEED, stories / "story.txt")
    (stories / "story.meta.json").write_text(
        json.dumps({"published": "2022-01-13", "sources": ["../sources/wire.txt"]})
    )
    (stories / "other.txt").write_text("Officials said 40 schools would close.")
    shared = tmp_path / "shared.txt"
    shared.write_text("Officials said 40 schools would close next year.")
    tasks = {
        Path(t.source).name: t
        for t in plan_batch(
            [stories], tmp_path / "out", notebook=ARTICLE_NOTEBOOK, parameters={"sources": [str(shared)]}
        )
    }
    assert tasks["story.txt"].parameters["sources"] == [str(shared), str((altered_dir / "wire.txt").resolve())]
    assert tasks["other.txt"].parameters["sources"] == [str(shared)]


def test_a_feed_record_names_its_sources_relative_to_the_feed(altered_dir, tmp_path):
    from claimkit.batch.plan import plan_batch
    from claimkit.runner import ARTICLE_NOTEBOOK

    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps(
            {
                "id": "a1",
                "text": SEED.read_text(encoding="utf-8"),
                "published": "2022-01-13",
                "sources": ["sources/wire.txt"],
            }
        )
        + "\n"
        + json.dumps({"id": "a2", "text": "Officials said 40 schools would close.", "sources": ["sources/missing.pdf"]})
        + "\n"
    )
    tasks = plan_batch([feed], tmp_path / "out", notebook=ARTICLE_NOTEBOOK)
    assert tasks[0].parameters["sources"] == [str((altered_dir / "wire.txt").resolve())] and tasks[0].error is None
    assert "missing.pdf" in tasks[1].error, "a bad sources list fails that article only"
