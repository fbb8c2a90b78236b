"""claimkit check on a repository of stories: cold, then warm (what changed since the last check).

    PYTHONPATH=. python benchmarks/bench_check.py [--stories 12] [--changed 1 5] [--workers N]

Builds a git repository of ``--stories`` stories (the shipped story and variants of it: other
figures, weekdays, paragraphs dropped), then times the `claimkit check` command, as CI runs it:

- cold: every story, an empty output folder (no results to reuse);
- warm, nothing changed: the same stories again (every result reused);
- warm, K changed: K stories edited (one sentence added to each), all stories given: the K are
  checked, the others reused; and the same with ``--changed-since`` on the commit before the edit,
  as a pull request runs it.

Each figure is the wall time of the whole command (Python start, imports, planning, kernels, the
notebooks, the outputs), from a fresh process.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
for _name in ("GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
    ENV.pop(_name, None)
TROOPS = ["100,000", "127,000", "90,000", "175,000", "110,000"]
DAYS = ["Thursday", "Wednesday", "Friday", "Monday"]


def git(repo: Path, *args) -> str:
    env = {
        **ENV,
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
    }
    return subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True, text=True).stdout


def make_repo(repo: Path, n: int) -> list[Path]:
    from_seed = ROOT / "data" / "articles" / "russia-osce-dead-end.txt"
    seed = from_seed.read_text(encoding="utf-8")
    meta = from_seed.with_name("russia-osce-dead-end.meta.json").read_text(encoding="utf-8")
    paragraphs = seed.split("\n\n")
    (repo / "stories").mkdir(parents=True)
    (repo / ".gitignore").write_text("claimkit-check/\n", encoding="utf-8")
    paths = []
    for i in range(n):
        text = seed if i == 0 else "\n\n".join(p for k, p in enumerate(paragraphs) if k == 0 or (k + i) % 7 != 0)
        text = text.replace("100,000", TROOPS[i % 5]).replace("Thursday", DAYS[i % 4])
        path = repo / "stories" / f"story-{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        path.with_name(path.stem + ".meta.json").write_text(meta, encoding="utf-8")
        paths.append(path)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "stories")
    return paths


def timed_check(repo: Path, *args) -> tuple[float, dict, int]:
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "claimkit", "check", *args, "-o", "claimkit-check", "--no-progress"],
        cwd=repo,
        env=ENV,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        sys.exit(f"claimkit check failed ({proc.returncode}): {proc.stderr}")
    results = json.loads((repo / "claimkit-check" / "results.json").read_text(encoding="utf-8"))
    return seconds, results, proc.returncode


def line(label: str, seconds: float, results: dict) -> str:
    stories = results["stories"]
    ran = sum(1 for s in stories if not s["reused"])
    noun = "story" if len(stories) == 1 else "stories"
    return f"{label:<44} {seconds:6.1f} s   ({len(stories)} {noun}, {ran} checked, {len(stories) - ran} reused)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", type=int, default=12)
    ap.add_argument("--changed", type=int, nargs="+", default=[1, 5])
    ap.add_argument("--workers", type=int)
    args = ap.parse_args()
    extra = ["--workers", str(args.workers)] if args.workers else []
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        repo = Path(tmp) / "newsroom"
        paths = make_repo(repo, args.stories)
        print(
            f"claimkit check on {args.stories} stories (a git repository in {tmp}), {os.cpu_count()} cores, "
            f"load average {os.getloadavg()[0]:.2f}"
        )
        seconds, results, _ = timed_check(repo, "stories", *extra)
        print(line("cold (no results to reuse)", seconds, results))
        seconds, results, _ = timed_check(repo, "stories", *extra)
        print(line("warm, nothing changed", seconds, results))
        edit = 0
        for k in args.changed:
            base = git(repo, "rev-parse", "HEAD").strip()
            for p in paths[:k]:
                edit += 1
                p.write_text(p.read_text(encoding="utf-8") + f"\n\nUpdated at {edit}.\n", encoding="utf-8")
            git(repo, "commit", "-qam", f"edit {k}")
            seconds, results, _ = timed_check(repo, "stories", *extra)
            print(line(f"warm, {k} changed (all {args.stories} given)", seconds, results))
            for p in paths[:k]:
                edit += 1
                p.write_text(p.read_text(encoding="utf-8") + f"\n\nUpdated at {edit}.\n", encoding="utf-8")
            git(repo, "commit", "-qam", f"edit {k} again")
            seconds, results, _ = timed_check(repo, "stories", "--changed-since", base, *extra)
            print(line(f"warm, {k} changed (--changed-since)", seconds, results))
        shutil.rmtree(repo / "claimkit-check", ignore_errors=True)


if __name__ == "__main__":
    main()
