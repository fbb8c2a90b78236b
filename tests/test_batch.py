"""claimkit batch: many articles, one folder each, a summary; failures recorded, never fatal; resumable."""

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from claimkit.batch import is_complete, plan_batch, slug
from claimkit.batch.plan import safe_folder
from claimkit.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "russia-osce-dead-end.txt"
NOTEBOOK = ROOT / "notebooks" / "verify_article.ipynb"
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}

TROOPS = ["100,000", "127,000", "90,000", "175,000", "110,000"]
COUNTRIES = ["57", "67", "55", "60"]
DAYS = ["Thursday", "Wednesday", "Friday", "Monday"]


def make_corpus(folder: Path, n: int, broken: bool = True) -> list[Path]:
    """``n`` variants of the seed story (figures, weekdays, dropped paragraphs), and one binary file."""
    folder.mkdir(parents=True, exist_ok=True)
    seed = SEED.read_text(encoding="utf-8")
    paragraphs = seed.split("\n\n")
    paths = []
    for i in range(n):
        text = seed if i == 0 else "\n\n".join(p for k, p in enumerate(paragraphs) if k == 0 or (k + i) % 7 != 0)
        text = text.replace("100,000", TROOPS[i % len(TROOPS)]).replace("57", COUNTRIES[i % len(COUNTRIES)])
        text = text.replace("Thursday", DAYS[i % len(DAYS)])
        text += f"\n\nThis is wire copy number {i}."
        path = folder / f"story-{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    if broken:
        (folder / "story-broken.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 200)
    return paths


def read_summary(out: Path) -> list[dict]:
    with open(out / "summary.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def run_cli(*args, timeout=900) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "claimkit", "batch", *map(str, args)],
        env=ENV,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


# ------------------------------------------------------------------ planning (no kernels)


def test_folder_names_are_slugs_that_cannot_escape_the_batch_folder(tmp_path):
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("Russia's 100,000 troops") == "russia-s-100-000-troops"
    assert slug("") == "article" and slug("…") == "article"
    with pytest.raises(InputError):
        safe_folder(tmp_path, "../x")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "../../../../tmp/evil", "title": "../../../etc/evil", "text": "Troops: 100,000 were there."})
        + "\n"
        + "{not json\n"
        + json.dumps({"title": "No text"})
        + "\n",
        encoding="utf-8",
    )
    tasks = plan_batch([feed], tmp_path / "out", notebook=NOTEBOOK)
    out = (tmp_path / "out").resolve()
    assert len(tasks) == 3
    assert all(Path(t.folder).parent == out for t in tasks)
    good, *bad = tasks
    assert good.error is None and good.key.startswith("etc-evil-")
    assert good.parameters["article"] == str(out / good.key / "source.json")
    assert sorted(t.source for t in bad) == [f"{feed}:2", f"{feed}:3"]
    assert all(t.error for t in bad)


def test_a_missing_source_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        plan_batch([tmp_path / "nowhere"], tmp_path / "out", notebook=NOTEBOOK)


def test_batch_parameters_are_checked_against_the_notebook(tmp_path):
    make_corpus(tmp_path / "in", 1, broken=False)
    with pytest.raises(InputError, match="unknown parameter"):
        plan_batch([tmp_path / "in"], tmp_path / "out", notebook=NOTEBOOK, parameters={"nope": "1"})
    tasks = plan_batch([tmp_path / "in"], tmp_path / "out", notebook=NOTEBOOK, parameters={"top_n": "5"})
    assert tasks[0].parameters["top_n"] == 5


def test_the_same_figure_reported_differently_is_grouped_across_articles():
    import pandas as pd

    from claimkit.batch.summary import figure_discrepancies

    claims = pd.DataFrame(
        [
            {
                "article": "a",
                "title": "A",
                "kind": "quantity",
                "unit": "troop",
                "value": 100000.0,
                "span": "100,000 troops",
                "subject": "troops near the border with Ukraine",
                "sentence": "Russia massed 100,000 troops near the border with Ukraine.",
            },
            {
                "article": "b",
                "title": "B",
                "kind": "quantity",
                "unit": "troop",
                "value": 127000.0,
                "span": "127,000 troops",
                "subject": "troops near the Ukrainian border",
                "sentence": "Russia massed 127,000 troops near the Ukrainian border.",
            },
            {
                "article": "c",
                "title": "C",
                "kind": "quantity",
                "unit": "troop",
                "value": 100000.0,
                "span": "100,000 troops",
                "subject": "troops near the border with Ukraine",
                "sentence": "Some 100,000 troops near the border with Ukraine.",
            },
            {
                "article": "b",
                "title": "B",
                "kind": "quantity",
                "unit": "country",
                "value": 57.0,
                "span": "57 countries",
                "subject": "OSCE member countries",
                "sentence": "The OSCE has 57 member countries.",
            },
            {
                "article": "c",
                "title": "C",
                "kind": "quantity",
                "unit": "country",
                "value": 57.0,
                "span": "57 countries",
                "subject": "OSCE member countries",
                "sentence": "The OSCE has 57 member countries.",
            },
        ]
    )
    found = figure_discrepancies(claims)
    assert set(found["group"]) == {1}, "the countries agree; only the troops differ"
    assert sorted(found["value"]) == [100000.0, 100000.0, 127000.0]
    assert set(found["article"]) == {"a", "b", "c"}


# ------------------------------------------------------------------ warm kernels


@pytest.fixture(params=["fresh kernel", "forked from a zygote"])
def kernel_source(request, monkeypatch):
    """Each warm-kernel guarantee holds for a kernel started fresh and for one forked from the batch's zygote."""
    from claimkit import zygote
    from claimkit.kernels import PRELOAD

    if request.param == "fresh kernel":
        monkeypatch.setenv(zygote.ENV_ADDRESS, "off")
        yield request.param
        return
    z = zygote.Zygote(PRELOAD)
    monkeypatch.setenv(zygote.ENV_ADDRESS, z.address)
    try:
        yield request.param
    finally:
        z.stop()


@pytest.mark.notebook
def test_state_from_one_notebook_never_reaches_the_next(tmp_path, kernel_source):
    from claimkit.kernels import WarmKernel

    nb = nbformat.v4.new_notebook(
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    )
    nb.cells = [
        nbformat.v4.new_code_cell('mode = "write"  # write or check', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(
            "import os, sys, json\n"
            "if mode == 'write':\n"
            "    leaked_variable = 42\n"
            "    os.environ['CLAIMKIT_LEAK'] = '1'\n"
            "    sys.path.append('/leak')\n"
            "    os.chdir('/')\n"
            "seen = {'variable': 'leaked_variable' in globals(), 'env': 'CLAIMKIT_LEAK' in os.environ,\n"
            "        'path': '/leak' in sys.path, 'cwd': os.getcwd()}\n"
            "json.dump(seen, open(mode + '.json', 'w'))"
        ),
    ]
    path = tmp_path / "leak.ipynb"
    nbformat.write(nb, str(path))
    with WarmKernel() as kernel:
        kernel.run(path, tmp_path / "write.ipynb", {"mode": "write"}, cwd=tmp_path)
        kernel.run(path, tmp_path / "check.ipynb", {"mode": "check"}, cwd=tmp_path)
        first_count = nbformat.read(str(tmp_path / "check.ipynb"), as_version=4).cells[0].execution_count
    seen = json.loads((tmp_path / "check.json").read_text())
    assert seen == {"variable": False, "env": False, "path": False, "cwd": str(tmp_path)}
    assert first_count == 1, "every notebook starts counting from 1, as in a fresh kernel"


@pytest.mark.notebook
def test_a_notebook_run_in_a_warm_kernel_gives_the_same_outputs_as_run_alone(tmp_path, kernel_source):
    from claimkit.kernels import WarmKernel
    from claimkit.runner import run_article

    solo = run_article(SEED, out_dir=tmp_path / "solo")
    params = {**solo.parameters, "output_dir": str(tmp_path / "warm")}
    (tmp_path / "warm").mkdir()
    with WarmKernel() as kernel:
        kernel.run(NOTEBOOK, tmp_path / "scratch.ipynb", {"output_dir": str(tmp_path / "scratch")}, cwd=tmp_path)
        kernel.run(NOTEBOOK, tmp_path / "warm" / NOTEBOOK.name, params, cwd=tmp_path / "warm")
    for name in ("claims.csv", "article.json", "validation.json"):
        assert (tmp_path / "solo" / name).read_text() == (tmp_path / "warm" / name).read_text(), name

    def cells(path):
        # what the reader sees (HTML if any, else text); object addresses and pandas Styler's random
        # table ids differ between any two runs, solo or not
        import re

        def shown(o):
            data = o.get("data", {})
            return [o["output_type"], o.get("text"), data.get("text/html") or data.get("text/plain")]

        def outputs(c):
            text = json.dumps([shown(o) for o in c.get("outputs", [])])
            return re.sub(r"0x[0-9a-f]+|T_[0-9a-f]{5}", "#", text)

        nb = nbformat.read(str(path), as_version=4)
        return [
            (c.source, c.get("execution_count"), outputs(c))
            for c in nb.cells
            if c.cell_type == "code" and "injected-parameters" not in c.metadata.get("tags", [])
        ]

    solo_cells, warm_cells = cells(solo.notebook), cells(tmp_path / "warm" / NOTEBOOK.name)
    # the manifest's written_at time differs by nature; everything else is the same
    assert [c[:2] for c in solo_cells] == [c[:2] for c in warm_cells]
    assert [c[2] for c in solo_cells[:-1]] == [c[2] for c in warm_cells[:-1]]


# ------------------------------------------------------------------ whole batches


@pytest.fixture(scope="module")
def big_batch(tmp_path_factory):
    """41 article variants and one binary file through `claimkit batch` with two local workers."""
    base = tmp_path_factory.mktemp("batch")
    make_corpus(base / "in", 41)
    proc = run_cli(base / "in", "-o", base / "out", "--workers", 2)
    return base, proc


@pytest.mark.notebook
def test_a_batch_of_41_articles_with_one_broken_records_the_failure_and_finishes_the_rest(big_batch):
    base, proc = big_batch
    out = base / "out"
    assert proc.returncode == 1, proc.stderr  # one article failed
    rows = read_summary(out)
    assert len(rows) == 42
    failed = [r for r in rows if r["status"] == "failed"]
    assert [Path(r["source"]).name for r in failed] == ["story-broken.txt"]
    assert "binary" in failed[0]["error"]
    assert "story-broken.txt" in proc.stderr
    ok = [r for r in rows if r["status"] == "ok"]
    assert len(ok) == 41
    for r in ok:
        folder = out / r["folder"]
        assert is_complete(folder, NOTEBOOK.name)
        manifest = json.loads((folder / "manifest.json").read_text())
        assert manifest["article_id"] == r["article_id"] and str(manifest["claims"]) == r["claims"]
        assert (folder / "run.log").read_text().rstrip().endswith("s"), "a log per article"
        assert not list(folder.glob(".*partial*"))
    assert (out / failed[0]["folder"] / "run.log").is_file()
    assert len({r["folder"] for r in rows}) == 42
    assert {p.name for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")} == {r["folder"] for r in rows}
    summary_nb = nbformat.read(str(out / "batch_summary.ipynb"), as_version=4)
    assert not any(o.get("output_type") == "error" for c in summary_nb.cells for o in c.get("outputs", []))
    jsonl = [json.loads(line) for line in (out / "summary.jsonl").read_text().splitlines()]
    assert [j["key"] for j in jsonl] == [r["key"] for r in rows]


@pytest.mark.notebook
def test_a_dask_local_cluster_gives_the_same_summary_as_local_workers(big_batch, tmp_path, monkeypatch):
    from distributed import Client, LocalCluster

    from claimkit.batch import run_batch

    base, _ = big_batch
    chosen = sorted((base / "in").glob("story-0*.txt"))[:5] + [base / "in" / "story-broken.txt"]
    for p in chosen:
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / p.name).write_bytes(p.read_bytes())
    monkeypatch.setenv("PYTHONPATH", ENV["PYTHONPATH"])
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        result = run_batch([tmp_path / "in"], tmp_path / "out", scheduler=client, progress=False)
    assert len(result.ok) == 5 and len(result.failed) == 1
    local = {r["source"].rsplit("/", 1)[1]: r for r in read_summary(base / "out")}
    dask = {r["source"].rsplit("/", 1)[1]: r for r in read_summary(tmp_path / "out")}
    same = ["key", "article_id", "title", "published", "status", "error", "claims", "supported", "unverified", "folder"]
    assert set(dask) == {p.name for p in chosen}
    for name, row in dask.items():
        assert {c: row[c] for c in same} == {c: local[name][c] for c in same}, name
        if row["status"] == "ok":
            assert (tmp_path / "out" / row["folder"] / "claims.csv").read_text() == (
                base / "out" / row["folder"] / "claims.csv"
            ).read_text()


@pytest.mark.notebook
def test_a_killed_batch_leaves_no_process_and_resume_finishes_it_without_redoing_finished_work(tmp_path):
    make_corpus(tmp_path / "in", 8, broken=False)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "claimkit", "batch", str(tmp_path / "in"), "-o", str(out), "--workers", "1"]
    proc = subprocess.Popen(cmd, env=ENV, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline and len(list(out.glob("*/verify_article.ipynb"))) < 3:
        time.sleep(0.1)
    import psutil  # ipykernel's own dependency

    left = psutil.Process(proc.pid).children(recursive=True)  # fork server, worker, its kernel
    assert left, "the batch had started its processes"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    _gone, alive = psutil.wait_procs(left, timeout=20)
    assert not alive, f"processes of the killed batch still running: {[p.cmdline()[:3] for p in alive]}"
    done_before = {
        p.parent.name: p.stat().st_mtime_ns for p in out.glob("*/manifest.json") if is_complete(p.parent, NOTEBOOK.name)
    }
    assert 3 <= len(done_before) < 8, "killed part-way"
    resumed = run_cli(tmp_path / "in", "-o", out, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    rows = read_summary(out)
    assert len(rows) == 8 and all(r["status"] == "ok" for r in rows)
    for key, mtime in done_before.items():
        assert (out / key / "manifest.json").stat().st_mtime_ns == mtime, f"{key} was redone"
    reused = {r["key"] for r in rows if r["reused"] == "True"}
    assert set(done_before) <= reused
    assert all(is_complete(out / r["folder"], NOTEBOOK.name) for r in rows)
