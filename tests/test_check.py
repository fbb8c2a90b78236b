"""claimkit check: a pre-publication gate. Stories in, the build fails on a contradicted claim, CI outputs out."""

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from claimkit.errors import InputError
from claimkit.gate.locate import Locator

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "russia-osce-dead-end.txt"
ALTERED = ROOT / "data" / "articles" / "altered" / "russia-osce-dead-end-altered.txt"
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p),
    "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
}
for name in ("GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
    ENV.pop(name, None)
# the three facts changed on purpose in the altered copy, and their lines in its file
ALTERED_CLAIMS = {"Tuesday": 7, "around 300,000 troops": 9, "67 countries": 11}


def check(*args, cwd=ROOT, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "claimkit", "check", *map(str, args)],
        cwd=cwd,
        env=env or ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )


def copy_story(src: Path, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(src, dest)
    side = src.with_name(src.stem + ".meta.json")
    shutil.copy(side, dest.with_name(dest.stem + ".meta.json"))
    return dest


# ------------------------------------------------------------------ where a claim stands in the file


def locate_in(raw: str, text: str, span: str, nth: int = 0, sentences=None):
    start = -1
    for _ in range(nth + 1):
        start = text.index(span, start + 1)
    if sentences is None:
        sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    return Locator(raw, text, sentences).locate(start, start + len(span))


def test_a_claim_in_a_paragraph_wrapped_over_lines_is_found_on_its_own_line():
    raw = "Headline here\n\nThe talks began.\nSome 100,000\ntroops were near the border, officials said.\n"
    text = "The talks began. Some 100,000 troops were near the border, officials said."
    loc = locate_in(raw, text, "100,000 troops")
    assert (loc.line, loc.column) == (4, 6)
    assert (loc.end_line, loc.end_column) == (5, 6)


def test_typographic_quotes_and_double_spaces_in_the_file_do_not_hide_a_claim():
    raw = "Title\n\n\u201cWe  have 57 members,\u201d he said.\n"
    text = '"We have 57 members," he said.'
    loc = locate_in(raw, text, "57 members", sentences=[(0, len(text))])
    assert (loc.line, loc.column) == (3, 11)


def test_a_repeated_figure_points_at_the_same_occurrence_as_in_the_story():
    raw = "T\n\nOn Monday they met.\n\nThey met again on Monday.\n"
    text = "On Monday they met.\n\nThey met again on Monday."
    assert locate_in(raw, text, "Monday", 0).line == 3
    assert locate_in(raw, text, "Monday", 1).line == 5


def test_markdown_emphasis_and_links_inside_the_sentence_do_not_hide_it():
    raw = "# Title\n\nRussia has **gathered** around 100,000 troops, says [the OSCE](https://osce.org).\n"
    text = "Russia has gathered around 100,000 troops, says the OSCE."
    loc = Locator(raw, text, [(0, len(text))], "markdown").locate(text.index("around"), text.index(", says"))
    assert (loc.line, loc.column, loc.end_column, loc.how) == (3, 25, 45, "sentence")


def test_html_tags_entities_and_the_head_do_not_hide_a_claim_or_pull_it_into_the_head():
    raw = (
        '<html><head><meta name="description" content="Talks on Tuesday"></head>\n<body>\n'
        "<p>He said the talks on Tuesday&#8217;s agenda had\n<strong>100,000</strong> troops.</p>\n</body></html>\n"
    )
    text = "He said the talks on Tuesday's agenda had 100,000 troops."
    locator = Locator(raw, text, [(0, len(text))], "html")
    tuesday = locator.locate(text.index("Tuesday"), text.index("Tuesday") + 7)
    assert (tuesday.line, tuesday.column) == (3, 25)
    troops = locator.locate(text.index("100,000"), len(text) - 1)
    assert (troops.line, troops.column, troops.end_line) == (4, 9, 4)


def test_a_claim_not_in_the_file_has_no_line():
    text = "Some 5 ships sailed."
    assert locate_in("Nothing like it here.\n", text, "5 ships", sentences=[(0, len(text))]) is None


# ------------------------------------------------------------------ which stories


def git(repo: Path, *args) -> str:
    env = {
        **ENV,
        "GIT_AUTHOR_NAME": "Desk",
        "GIT_AUTHOR_EMAIL": "desk@example.org",
        "GIT_COMMITTER_NAME": "Desk",
        "GIT_COMMITTER_EMAIL": "desk@example.org",
    }
    return subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True, text=True).stdout


def test_a_folder_gives_its_stories_but_not_sidecars_config_json_hidden_folders_or_the_output(tmp_path):
    from claimkit.gate.stories import select_stories

    copy_story(SEED, tmp_path / "news" / "a.txt")
    (tmp_path / "news" / "b.md").write_text("# B\n\nSome 5 ships sailed on Monday.\n", encoding="utf-8")
    (tmp_path / "news" / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")
    (tmp_path / "news" / "c.json").write_text('{"title": "C", "text": "Some 5 ships sailed."}', encoding="utf-8")
    (tmp_path / "news" / ".git").mkdir()
    (tmp_path / "news" / ".git" / "x.txt").write_text("not a story", encoding="utf-8")
    (tmp_path / "news" / "claimkit-check").mkdir()
    (tmp_path / "news" / "claimkit-check" / "article.json").write_text('{"text": "old output"}', encoding="utf-8")
    found = select_stories([tmp_path / "news"], skip=[tmp_path / "news" / "claimkit-check"])
    assert [p.name for p in found] == ["a.txt", "b.md", "c.json"]


def test_a_file_named_on_the_command_line_must_be_a_story(tmp_path):
    from claimkit.gate.stories import select_stories

    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a story file"):
        select_stories([tmp_path / "notes.csv"])
    with pytest.raises(InputError, match="no such file"):
        select_stories([tmp_path / "missing.txt"])


def test_changed_since_gives_the_changed_stories_and_the_story_of_a_changed_sidecar_or_source(tmp_path):
    from claimkit.gate.stories import select_stories

    repo = tmp_path / "repo"
    copy_story(SEED, repo / "stories" / "a.txt")
    copy_story(SEED, repo / "stories" / "b.txt")
    copy_story(SEED, repo / "stories" / "c.txt")
    (repo / "docs").mkdir()
    (repo / "docs" / "briefing.txt").write_text("The OSCE has 57 participating States.\n", encoding="utf-8")
    side = repo / "stories" / "c.meta.json"
    side.write_text(
        json.dumps({**json.loads(side.read_text(encoding="utf-8")), "sources": ["../docs/briefing.txt"]}),
        encoding="utf-8",
    )
    (repo / "README.md").write_text("# Stories\n\nNot a story: outside the scope.\n", encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    base = git(repo, "rev-parse", "HEAD").strip()
    assert select_stories([repo / "stories"], changed_since=base) == []
    (repo / "stories" / "a.txt").write_text(SEED.read_text(encoding="utf-8") + "\nA correction.\n", encoding="utf-8")
    meta = repo / "stories" / "b.meta.json"
    meta.write_text(meta.read_text(encoding="utf-8").replace("2022-01-13", "2022-01-14"), encoding="utf-8")
    (repo / "README.md").write_text("# Stories, edited\n", encoding="utf-8")
    (repo / "stories" / "draft.md").write_text("# Draft\n\nSome 5 ships sailed on Monday.\n", encoding="utf-8")
    found = select_stories([repo / "stories"], changed_since=base)
    assert [p.name for p in found] == ["a.txt", "b.txt", "draft.md"], "a new file not yet added to git counts"
    (repo / "stories" / "draft.md").unlink()
    git(repo, "commit", "-qam", "edits")
    (repo / "docs" / "briefing.txt").write_text(
        "The OSCE has 57 participating States, one observer.\n", encoding="utf-8"
    )
    found = select_stories([repo / "stories"], changed_since=base)
    assert [p.name for p in found] == ["a.txt", "b.txt", "c.txt"], "c is checked against the changed briefing"
    git(repo, "commit", "-qam", "briefing")
    proc = check("stories", "--changed-since", "HEAD", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    assert "No story files to check." in (repo / "claimkit-check" / "summary.md").read_text(encoding="utf-8")


def test_an_unknown_revision_is_bad_input(tmp_path):
    from claimkit.gate.stories import select_stories

    git(tmp_path, "init", "-q")
    with pytest.raises(InputError, match="not a revision"):
        select_stories([tmp_path], changed_since="no-such-branch")


# ------------------------------------------------------------------ what a result depends on


def test_the_cache_key_follows_content_not_paths(tmp_path):
    from claimkit.gate.cache import reviews_digest, story_key
    from claimkit.runner import ARTICLE_NOTEBOOK

    a = copy_story(SEED, tmp_path / "one" / "story.txt")
    b = copy_story(SEED, tmp_path / "two" / "story.txt")
    src = tmp_path / "briefing.txt"
    src.write_text("57 participating States.\n", encoding="utf-8")

    def key(story, sources=(), reviews=""):
        return story_key(
            story, notebook=str(ARTICLE_NOTEBOOK), parameters={"top_n": 30}, sources=list(sources), reviews_key=reviews
        )

    assert key(a) == key(b), "the same story elsewhere (another checkout) has the same key"
    first = key(a, [str(src)])
    src.write_text("58 participating States.\n", encoding="utf-8")
    assert key(a, [str(src)]) != first, "a changed source changes the key"
    b.write_text(b.read_text(encoding="utf-8") + "\nUpdated.\n", encoding="utf-8")
    assert key(a) != key(b), "a changed story changes the key"
    mine = [{"claim_id": "c-1", "article_id": "a-1", "verdict": "supported"}]
    other = [{"claim_id": "c-2", "article_id": "a-2", "verdict": "supported"}]
    assert reviews_digest(mine + other, "a-1") == reviews_digest(mine, "a-1"), "another story's review does not count"
    assert reviews_digest(mine, "a-1") != reviews_digest([], "a-1")


def test_an_earlier_result_of_a_story_just_checked_is_removed_and_other_stories_results_stay(tmp_path):
    from claimkit.gate.cache import record_key
    from claimkit.gate.run import prune

    for name, story in [("a-old", "stories/a.txt"), ("a-new", "stories/a.txt"), ("b", "stories/b.txt")]:
        (tmp_path / name).mkdir()
        record_key(tmp_path / name, "k", story)
    (tmp_path / "summary.csv").write_text("", encoding="utf-8")
    assert prune(tmp_path, {"stories/a.txt"}, {"a-new"}) == ["a-old"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-new", "b", "summary.csv"]


def test_fail_on_takes_only_verdicts_that_can_fail():
    from claimkit.gate.run import parse_fail_on

    assert parse_fail_on("contradicted, misleading") == ("contradicted", "misleading")
    for bad in ("supported", "wrong", ""):
        with pytest.raises(InputError):
            parse_fail_on(bad)


def test_annotation_text_is_escaped_as_github_requires():
    from claimkit.gate.formats import github_annotations
    from claimkit.gate.run import CheckResult, ClaimResult, StoryResult

    claim = ClaimResult(
        story="news/a, b.txt",
        claim_id="c-1",
        kind="quantity",
        span="50%",
        sentence="...",
        verdict="contradicted",
        auto_verdict="contradicted",
        method="query",
        expected="line one\nline two: 40%",
        line=3,
        column=5,
        end_line=3,
        end_column=7,
        fails=True,
    )
    result = CheckResult(
        Path("out"), ("contradicted",), [StoryResult("news/a, b.txt", "/x", "stories/a", "ok", claims=[claim])]
    )
    (line,) = github_annotations(result)
    assert line.startswith(
        "::error file=news/a%2C b.txt,line=3,col=5,endLine=3,endColumn=7,title=claimkit%3A contradicted::"
    )
    assert "%0A" in line and "\n" not in line and "50%25" in line


def test_sources_reach_the_notebook_as_its_sources_parameter_and_count_in_the_key(tmp_path, monkeypatch):
    import nbformat

    import claimkit.batch
    from claimkit.batch.run import BatchResult
    from claimkit.gate import run_check

    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('article = ""\noutput_dir = ""\npublished = ""\nsources = []')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params]
    notebook = tmp_path / "verify_article.ipynb"
    nbformat.write(nb, notebook)
    briefing = tmp_path / "briefing.txt"
    briefing.write_text("The OSCE has 57 participating States.\n", encoding="utf-8")
    seen = []

    def fake_run_batch(stories, out, *, parameters, **kw):  # what `claimkit batch` would be given
        seen.append(parameters)
        return BatchResult(
            Path(out), rows=[{"order": 0, "status": "failed", "error": "not run in this test", "reused": False}]
        )

    monkeypatch.setattr(claimkit.batch, "run_batch", fake_run_batch)
    result = run_check([SEED], out_dir=tmp_path / "out", sources=[briefing], notebook=notebook)
    assert seen[0]["sources"] == [str(briefing.resolve())]
    assert result.stories[0].error == "not run in this test"


def test_the_junit_report_stays_valid_xml_whatever_the_story_holds():
    from claimkit.gate.formats import junit_xml
    from claimkit.gate.run import CheckResult, ClaimResult, StoryResult

    claim = ClaimResult(
        story="a<b>.txt",
        claim_id="c-1",
        kind="quantity",
        span='5 "ships" & \x0bboats\x01',
        sentence="...",
        verdict="contradicted",
        auto_verdict="contradicted",
        method="query",
        note="]]> not a CDATA end",
        fails=True,
    )
    result = CheckResult(
        Path("out"), ("contradicted",), [StoryResult("a<b>.txt", "/x", "stories/a", "ok", claims=[claim])]
    )
    root = ET.fromstring(junit_xml(result))
    failure = root.find(".//failure")
    assert '"5 "ships" & boats" is contradicted' in failure.get("message") and "]]> not a CDATA end" in failure.text


def test_the_markdown_links_go_under_the_report_url_when_given():
    from claimkit.gate.formats import markdown_summary
    from claimkit.gate.run import CheckResult, ClaimResult, StoryResult

    claim = ClaimResult(
        story="news/a.txt",
        claim_id="c-1",
        kind="quantity",
        span="67 countries",
        sentence="...",
        verdict="contradicted",
        auto_verdict="contradicted",
        method="query",
        expected="57 States",
        line=3,
        fails=True,
        report="stories/a-1/report.html#claim-c-1",
    )
    result = CheckResult(
        Path("out"), ("contradicted",), [StoryResult("news/a.txt", "/x", "stories/a-1", "ok", claims=[claim])]
    )
    md = markdown_summary(result, report_url="https://desk.example.org/checks/42/")
    assert "| news/a.txt | 3 | 67 countries | **contradicted** | 57 States |" in md
    assert "[report](https://desk.example.org/checks/42/stories/a-1/report.html#claim-c-1)" in md
    assert "[report](stories/a-1/report.html#claim-c-1)" in markdown_summary(result)


# ------------------------------------------------------------------ bad input: one line, exit 2, nothing written


def notebook_takes_sources() -> bool:
    from claimkit.runner import ARTICLE_NOTEBOOK, declared_parameters

    return "sources" in declared_parameters(ARTICLE_NOTEBOOK)


def test_bad_input_is_one_line_and_exit_2_with_nothing_written(tmp_path):
    out = tmp_path / "out"
    for args, reason in [
        ((tmp_path / "missing.txt",), "no such file"),
        ((SEED, "--fail-on", "contradicted,wrong"), "'wrong' is not a verdict"),
        ((SEED, "--reviews", tmp_path / "none.json"), "no such reviews file"),
        ((SEED, "--sources", tmp_path / "none.pdf"), "no such source"),
    ] + ([] if notebook_takes_sources() else [((SEED, "--sources", SEED), "takes no 'sources' parameter")]):
        proc = check(*args, "-o", out)
        assert proc.returncode == 2, (args, proc.stderr)
        assert reason in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert not out.exists()
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\xff" * 100)
    proc = check(broken, "-o", out)
    assert proc.returncode == 2 and str(broken) in proc.stderr and not out.exists()


# ------------------------------------------------------------------ the whole gate (runs the article notebook)


@pytest.fixture(scope="module")
def altered_check(tmp_path_factory):
    out = tmp_path_factory.mktemp("check") / "claimkit-check"
    proc = check(ALTERED.parent, "--fail-on", "contradicted", "-o", out)
    return out, proc


@pytest.mark.notebook
def test_the_shipped_story_passes(tmp_path):
    proc = check(SEED, "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    assert "::error" not in proc.stdout
    assert "passed" in proc.stderr
    results = json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))
    assert results["exit_code"] == 0 and not any(c["fails"] for c in results["stories"][0]["claims"])


@pytest.mark.notebook
def test_the_altered_story_fails_on_its_three_changed_facts_with_their_lines(altered_check):
    out, proc = altered_check
    assert proc.returncode == 1, proc.stderr
    errors = [line for line in proc.stdout.splitlines() if line.startswith("::error")]
    story = "data/articles/altered/russia-osce-dead-end-altered.txt"
    found = {}
    for line in errors:
        m = re.match(r"::error file=([^,]+),line=(\d+),col=(\d+),.*?::\"([^\"]+)\" is contradicted", line)
        assert m, line
        assert m.group(1) == story
        found[m.group(4)] = int(m.group(2))
    assert found == ALTERED_CLAIMS
    raw = ALTERED.read_text(encoding="utf-8").splitlines()
    for line in errors:  # the column points at the claim in the file as written
        m = re.match(r"::error file=[^,]+,line=(\d+),col=(\d+),endLine=\d+,endColumn=(\d+),.*?::\"([^\"]+)\"", line)
        assert raw[int(m.group(1)) - 1][int(m.group(2)) - 1 : int(m.group(3))] == m.group(4)
    assert (out / "annotations.txt").read_text(encoding="utf-8").splitlines() == errors


@pytest.mark.notebook
def test_the_junit_report_fails_the_three_claims_with_their_evidence_and_source(altered_check):
    out, _ = altered_check
    suites = ET.parse(out / "junit.xml").getroot()
    assert suites.get("failures") == "3" and suites.get("errors") == "0"
    failed = {case.get("name"): case for case in suites.iter("testcase") if case.find("failure") is not None}
    assert len(failed) == 3
    by_span = {re.match(r'\w+ "([^"]+)"', name).group(1): case for name, case in failed.items()}
    assert {s: int(c.get("line")) for s, c in by_span.items()} == ALTERED_CLAIMS
    osce = by_span["67 countries"].find("failure")
    assert osce.get("type") == "contradicted"
    assert "57 participating States of the OSCE" in osce.get("message")
    assert "evidence: osce-" in osce.text
    assert "https://www.osce.org/participating-states" in next(
        line for line in osce.text.splitlines() if line.startswith("sources: ")
    )
    skipped = [c for c in suites.iter("testcase") if c.find("skipped") is not None]
    assert skipped and all("unverified" in c.find("skipped").get("message") for c in skipped)


@pytest.mark.notebook
def test_the_markdown_summary_lists_the_failing_claims_with_links_into_the_report(altered_check):
    out, _ = altered_check
    md = (out / "summary.md").read_text(encoding="utf-8")
    assert md.startswith("### ❌ claimkit check: 3 claim(s) fail (contradicted)")
    rows = [r for r in md.splitlines() if "**contradicted**" in r]
    assert len(rows) == 3
    for span, line in ALTERED_CLAIMS.items():
        row = next(r for r in rows if f"| {span} |" in r)
        assert f"| {line} |" in row
        link = re.search(r"\[report\]\(([^)#]+)#(claim-c-[0-9a-f]+)\)", row)
        report = out / link.group(1)
        assert report.is_file() and f'id="{link.group(2)}"' in report.read_text(encoding="utf-8")
    quality = json.loads((out / "codequality.json").read_text(encoding="utf-8"))
    assert sorted(i["location"]["lines"]["begin"] for i in quality if i["severity"] == "blocker") == [7, 9, 11]


@pytest.mark.notebook
def test_an_unchanged_story_is_not_checked_again(altered_check):
    out, _ = altered_check
    (folder,) = [p for p in (out / "stories").iterdir() if p.is_dir() and not p.name.startswith(".")]
    executed = folder / "verify_article.ipynb"
    before = executed.stat().st_mtime_ns
    proc = check(ALTERED.parent, "-o", out)
    assert proc.returncode == 1
    assert executed.stat().st_mtime_ns == before, "the notebook was not run again"
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["stories"][0]["reused"] is True
    assert sum(c["fails"] for c in results["stories"][0]["claims"]) == 3


@pytest.mark.notebook
def test_a_reviewed_claim_no_longer_fails_and_the_output_says_so(altered_check, tmp_path):
    out, first = altered_check
    osce = next(line for line in first.stdout.splitlines() if "67 countries" in line)
    claim_id = json.loads((out / "results.json").read_text(encoding="utf-8"))
    claim_id = next(c["claim_id"] for c in claim_id["stories"][0]["claims"] if c["span"] == "67 countries")
    reviews = tmp_path / "reviews.json"
    reviews.write_text(
        json.dumps(
            {
                "reviews": [
                    {
                        "claim_id": claim_id,
                        "verdict": "unverified",
                        "reviewer": "A. Editor",
                        "note": "67 is the speaker's figure; asking the OSCE press office",
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    summary = tmp_path / "step-summary.md"
    proc = check(
        ALTERED.parent, "--reviews", reviews, "-o", tmp_path / "out", env={**ENV, "GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert osce.startswith("::error")
    assert proc.returncode == 1, "the two other altered claims still fail"
    errors = [line for line in proc.stdout.splitlines() if line.startswith("::error")]
    assert len(errors) == 2 and not any("67 countries" in line for line in errors)
    (notice,) = [line for line in proc.stdout.splitlines() if line.startswith("::notice")]
    assert "line=11" in notice and "reviewed by A. Editor: unverified (automatic verdict: contradicted)" in notice
    md = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert (
        "2 claim(s) fail" in md
        and "| 67 countries | contradicted | **unverified** (no longer fails) | A. Editor |" in md
    )
    assert summary.read_text(encoding="utf-8") == md, "the summary is appended to $GITHUB_STEP_SUMMARY"
    suites = ET.parse(tmp_path / "out" / "junit.xml").getroot()
    assert suites.get("failures") == "2"
    again = check(ALTERED.parent, "--reviews", reviews, "-o", tmp_path / "out")
    assert again.returncode == 1 and again.stdout == proc.stdout
    results = json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))
    assert results["stories"][0]["reused"] is True, "the same reviews again: the result is reused"


@pytest.mark.notebook
def test_a_story_whose_notebook_fails_fails_the_check_as_an_error(tmp_path):
    import nbformat

    from claimkit.gate import run_check
    from claimkit.gate.formats import junit_xml

    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('article = ""\noutput_dir = ""\npublished = ""')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("raise RuntimeError('the reference data is unreachable')")]
    notebook = tmp_path / "verify_article.ipynb"
    nbformat.write(nb, notebook)
    result = run_check([SEED], out_dir=tmp_path / "out", notebook=notebook, progress=False)
    (story,) = result.stories
    assert story.status == "failed" and "the reference data is unreachable" in story.error
    assert result.exit_code == 1, "a story that could not be checked does not pass"
    suites = ET.fromstring(junit_xml(result))
    assert suites.get("errors") == "1" and "unreachable" in suites.find(".//error").get("message")


# ------------------------------------------------------------------ the examples of docs/ci.md


def ci_examples():
    """The shell lines of the check steps in docs/ci.md: GitHub's `run` steps and GitLab's `script` (no install)."""
    import yaml

    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "docs" / "ci.md").read_text(encoding="utf-8"), re.S)
    github, gitlab = (yaml.safe_load(b) for b in blocks)
    steps = github["jobs"]["check"]["steps"]
    gh = [(s["run"], s.get("env", {})) for s in steps if "claimkit check" in s.get("run", "")]
    gl = [(line, {}) for line in gitlab["claimkit-check"]["script"]]
    assert gh and gl and all("pip install" not in cmd for cmd, _ in gh + gl)
    return gh, gl


@pytest.mark.notebook
def test_the_ci_examples_run_on_a_repository_of_stories(tmp_path):
    github, gitlab = ci_examples()
    repo = tmp_path / "newsroom"
    (repo / "stories").mkdir(parents=True)
    (repo / "README.md").write_text("# Our stories\n", encoding="utf-8")
    (repo / "reviews.json").write_text('{"reviews": []}\n', encoding="utf-8")
    (repo / ".gitignore").write_text("claimkit-check/\n", encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    base = git(repo, "rev-parse", "HEAD").strip()

    def run_steps(steps, extra):
        procs = []
        for cmd, step_env in steps:
            env = {**ENV, **extra}
            env.update({k: extra.get(k, v) for k, v in step_env.items()})  # ${{ … }} expressions: given by the "runner"
            procs.append(
                subprocess.run(
                    ["bash", "-e", "-c", cmd], cwd=repo, env=env, capture_output=True, text=True, timeout=600
                )
            )
        return procs

    # a pull request that adds the shipped story: passes
    git(repo, "checkout", "-qb", "clean")
    copy_story(SEED, repo / "stories" / "osce-talks.txt")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "the OSCE story")
    (gh,) = run_steps(github, {"BASE": base, "GITHUB_STEP_SUMMARY": str(tmp_path / "gh-summary.md")})
    assert gh.returncode == 0, gh.stderr
    assert "::error" not in gh.stdout and (tmp_path / "gh-summary.md").read_text(encoding="utf-8").startswith("### ✅")

    # then a commit that adds the altered copy: fails, on its three lines; the clean story is not run again
    copy_story(ALTERED, repo / "stories" / "osce-talks-2.txt")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "a second version")
    (gh,) = run_steps(github, {"BASE": base})
    (gl,) = run_steps(gitlab, {"CI_MERGE_REQUEST_DIFF_BASE_SHA": base})
    for proc in (gh, gl):
        assert proc.returncode == 1, proc.stderr
        errors = [line for line in proc.stdout.splitlines() if line.startswith("::error")]
        assert sorted(int(re.search(r"line=(\d+)", e).group(1)) for e in errors) == [7, 9, 11]
        assert all(e.startswith("::error file=stories/osce-talks-2.txt,") for e in errors)
    results = json.loads((repo / "claimkit-check" / "results.json").read_text(encoding="utf-8"))
    assert {s["story"]: s["reused"] for s in results["stories"]} == {
        "stories/osce-talks.txt": True,
        "stories/osce-talks-2.txt": True,
    }, "the GitLab run reuses the GitHub run's results"
    suites = ET.parse(repo / "claimkit-check" / "junit.xml").getroot()
    assert suites.get("failures") == "3"

    # a renamed story is the same text: its result is reused, and recorded under its new name
    git(repo, "mv", "stories/osce-talks.txt", "stories/osce-talks-final.txt")
    git(repo, "mv", "stories/osce-talks.meta.json", "stories/osce-talks-final.meta.json")
    git(repo, "commit", "-qm", "rename")
    (gh,) = run_steps(github, {"BASE": base})
    assert gh.returncode == 1
    results = json.loads((repo / "claimkit-check" / "results.json").read_text(encoding="utf-8"))
    clean = next(s for s in results["stories"] if s["story"] == "stories/osce-talks-final.txt")
    assert clean["reused"] is True
    key = json.loads((repo / "claimkit-check" / clean["folder"] / "check-key.json").read_text(encoding="utf-8"))
    assert key["story"] == "stories/osce-talks-final.txt"
