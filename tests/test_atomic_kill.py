"""Nothing lost: a writer killed (SIGKILL) at random moments leaves every output file absent, whole-old or
whole-new, never torn; temporary files are hidden (dot-names) and never read as output.

A child process rewrites a claims table (CSV, JSON, Parquet), a run folder (write_outputs) and a reviews
file in a loop, each generation carrying its number in every row; the parent kills it at random
(seeded) moments, then parses every target and checks it holds exactly one generation.
"""

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 8

WRITER = textwrap.dedent("""
    import sys, itertools
    from pathlib import Path
    import pandas as pd
    from claimkit import Article
    from claimkit.files import write_table
    from claimkit.outputs import write_outputs
    from claimkit.reviews import Reviews

    out = Path(sys.argv[1])
    start = int(sys.argv[2])
    rows = 20_000
    art = Article(text="Russia said on Thursday that 100,000 troops were near the border. " * 50)
    for gen in itertools.count(start):
        df = pd.DataFrame({"claim_id": [f"c-{gen}-{i}" for i in range(rows)], "generation": gen,
                           "sentence": ["x" * 40] * rows})
        for suffix in (".csv", ".json", ".parquet"):
            write_table(df, out / f"claims{suffix}")
        write_outputs(out / "run", article=art, claims=df.head(2000))
        rv = Reviews(out / "reviews.json")
        for i in range(50):
            rv._items[f"c-{gen}-{i}"] = {"claim_id": f"c-{gen}-{i}", "verdict": "supported", "reviewer": "A",
                                         "source": "s", "note": "n" * 200, "generation": gen}
        rv.save()
        print(gen, flush=True)
""")


def _generations(path: Path):
    """The generations a target file holds (it must parse; a torn file does not)."""
    import pandas as pd

    from claimkit.files import read_table

    if path.name == "reviews.json":
        data = json.loads(path.read_text(encoding="utf-8"))
        return {r["generation"] for r in data["reviews"]}, len(data["reviews"])
    if path.name == "manifest.json":
        return set(), json.loads(path.read_text(encoding="utf-8"))["claims"]
    if path.name == "article.json":
        json.loads(path.read_text(encoding="utf-8"))
        return set(), None
    df = read_table(path)
    assert isinstance(df, pd.DataFrame)
    return set(df["generation"]), len(df)


def test_a_writer_killed_at_random_moments_never_leaves_a_torn_file(tmp_path):
    rng = random.Random(1234)
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    targets = [
        "claims.csv",
        "claims.json",
        "claims.parquet",
        "reviews.json",
        "run/claims.csv",
        "run/article.json",
        "run/manifest.json",
    ]
    gen = 0
    killed_mid_write = finished = 0
    for _ in range(ROUNDS):
        proc = subprocess.Popen(
            [sys.executable, str(script), str(tmp_path / "out"), str(gen)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # after the imports (about 1 s), kill at a random moment within the next couple of generations
        time.sleep(1.0 + rng.uniform(0, 2.5))
        proc.send_signal(signal.SIGKILL)
        stdout, stderr = proc.communicate()
        assert proc.returncode == -signal.SIGKILL, stderr
        done = [int(x) for x in stdout.split()]
        finished += len(done)
        gen = (done[-1] + 1 if done else gen) + 1000  # the next round writes new generations
        out = tmp_path / "out"
        for name in targets:
            path = out / name
            if not path.exists():
                continue  # killed before its first write: absent is allowed
            gens, n = _generations(path)
            assert len(gens) <= 1, f"{name} mixes generations {gens}: torn"
            if name.startswith("claims."):
                assert n == 20_000, f"{name} has {n} rows: torn"
            if name == "reviews.json":
                assert n == 50
        leftovers = [p for p in out.rglob("*") if p.name.endswith(".tmp")]
        killed_mid_write += bool(leftovers)
        assert all(p.name.startswith(".") for p in leftovers), leftovers  # hidden, never taken for output
    # the temporaries a kill leaves are named so that nothing reads them as tables
    from claimkit.articles import iter_sources

    assert not [p for p in iter_sources(tmp_path / "out") if p.name.endswith(".tmp")]
    assert finished > 0  # the kills landed while the writer was writing, not before it started
    print(f"{ROUNDS} kills, {finished} generations written, {killed_mid_write} kills left a temporary file")
