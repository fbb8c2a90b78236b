"""What a CI reads from a check: JUnit XML, a Markdown summary, GitHub annotations, GitLab code quality.

Every file is written atomically into the output folder:

- ``junit.xml``: one test suite per story, one test case per checked claim. A claim whose verdict
  is in ``--fail-on`` is a ``<failure>`` carrying what the evidence says, the evidence ids and the
  sources; a claim left ``unverified`` is ``<skipped>`` with the reason (it was looked at, nothing
  decided it); a reviewed claim passes or fails by the review's verdict and says so. A story whose
  notebook failed is one test case with an ``<error>``.
- ``summary.md``: the outcome, then a table of the failing claims and one of the reviewed claims,
  each linking into the story's HTML report (relative links, or under ``report_url``).
- ``annotations.txt``: GitHub Actions workflow commands (``::error file=…,line=…,col=…::…``),
  the same lines the command prints on standard output.
- ``codequality.json``: GitLab's code-quality report (a CodeClimate issue list).
- ``results.json``: everything above as data.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import asdict
from pathlib import Path

MAX_IDS = 6  # evidence ids shown in a message; the report has them all


def _ids(ids: list) -> str:
    return ", ".join(ids[:MAX_IDS]) + (f" and {len(ids) - MAX_IDS} more" if len(ids) > MAX_IDS else "")


def _where(c) -> str:
    return f"{c.story}:{c.line}" if c.line else c.story


def message(c) -> str:
    """One line about a claim for an annotation or a failure."""
    if c.reviewed:
        text = f"reviewed by {c.reviewer or 'a journalist'}: {c.verdict} (automatic verdict: {c.auto_verdict})"
        if c.note:
            text += f" — {c.note}"
        return f'"{c.span}" {text}'
    text = f'"{c.span}" is {c.verdict}'
    if c.expected:
        text += f": the evidence says {c.expected}"
    if c.note and c.note != c.expected:
        text += f" ({c.note})"
    return text


def failure_body(c) -> str:
    lines = [
        f"story: {_where(c)}",
        f"claim: {c.span} ({c.kind}, {c.claim_id})",
        f"sentence: {c.sentence}",
        f"verdict: {c.verdict}" + (f" (automatic: {c.auto_verdict}, reviewed by {c.reviewer})" if c.reviewed else ""),
    ]
    if c.expected:
        lines.append(f"evidence says: {c.expected}")
    if c.note:
        lines.append(f"why: {c.note}")
    if c.evidence_ids:
        lines.append(f"evidence: {_ids(c.evidence_ids)}")
    if c.sources:
        lines.append("sources: " + " ".join(c.sources))
    lines.append(f"report: {c.report}")
    return "\n".join(lines)


# ------------------------------------------------------------------ JUnit

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text) -> str:
    """Text XML 1.0 can hold (control characters a story or a note might carry are dropped)."""
    return _NOT_XML.sub("", str(text))


def junit_xml(result) -> str:
    import xml.etree.ElementTree as ET

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, tag, {k: _xml(v) for k, v in attrs.items()})
        if text is not None:
            el.text = _xml(text)
        return el

    suites = ET.Element("testsuites", name="claimkit check")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for s in result.stories:
        suite = sub(suites, "testsuite", name=s.story, file=s.story)
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        if s.status != "ok":
            case = sub(suite, "testcase", classname=s.story, name="article notebook", file=s.story)
            sub(case, "error", s.error, message=s.error, type="notebook")
            counts["tests"] += 1
            counts["errors"] += 1
        for c in s.claims:
            name = f'{c.kind} "{_short(c.span, 80)}"' + (f" (line {c.line})" if c.line else "") + f" [{c.claim_id}]"
            attrs = {"classname": s.story, "name": name, "file": s.story}
            if c.line:
                attrs["line"] = str(c.line)
            case = sub(suite, "testcase", **attrs)
            counts["tests"] += 1
            if c.fails:
                sub(case, "failure", failure_body(c), message=message(c), type=c.verdict)
                counts["failures"] += 1
            elif c.verdict == "unverified" and not c.reviewed:
                sub(case, "skipped", message=f"unverified: {c.note or 'no evidence'}")
                counts["skipped"] += 1
            elif c.reviewed or c.verdict != "supported":
                sub(case, "system-out", failure_body(c))
        for k, v in counts.items():
            suite.set(k, str(v))
            totals[k] += v
    for k, v in totals.items():
        suites.set(k, str(v))
    suites.set("time", f"{result.seconds:.3f}")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


# ------------------------------------------------------------------ Markdown


def _cell(text) -> str:
    return str(text or "").replace("|", "\\|").replace("\n", " ").replace("\r", " ")


def _short(text: str, n: int = 140) -> str:
    text = str(text or "")
    return text if len(text) <= n else text[: n - 1] + "…"


def _n(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def _link(target: str, report_url: str | None) -> str:
    return f"{report_url.rstrip('/')}/{target}" if report_url else target


def markdown_summary(result, report_url: str | None = None) -> str:
    fail_on = ", ".join(result.fail_on)
    checked = len(result.stories)
    reused = sum(1 for s in result.stories if s.reused)
    claims = sum(len(s.claims) for s in result.stories)
    out = []
    if result.exit_code:
        out.append(
            f"### ❌ claimkit check: {len(result.failing)} claim(s) fail ({fail_on})"
            + (f", {_n(len(result.errors), 'story', 'stories')} could not be checked" if result.errors else "")
        )
    else:
        out.append(f"### ✅ claimkit check: no claim is {' or '.join(result.fail_on)}")
    out.append("")
    out.append(
        f"{_n(checked, 'story', 'stories')}, {_n(claims, 'claim')} checked ({reused} of them unchanged since the "
        f"last check: results reused) in {result.seconds:.1f} s. Fails on: {fail_on}."
    )
    if not checked:
        out.append("")
        out.append("No story files to check.")
    if result.errors:
        out += ["", "#### Stories that could not be checked", "", "| Story | Error |", "|---|---|"]
        out += [f"| {_cell(s.story)} | {_cell(s.error)} |" for s in result.errors]
    if result.failing:
        out += [
            "",
            "#### Failing claims",
            "",
            "| Story | Line | Claim | Verdict | What the evidence says | Sources | Report |",
            "|---|---|---|---|---|---|---|",
        ]
        for c in result.failing:
            src = " ".join(f"<{u}>" if "://" in u else _cell(u) for u in c.sources[:3])
            out.append(
                f"| {_cell(c.story)} | {c.line or ''} | {_cell(c.span)} | **{c.verdict}**"
                + (f" (reviewed by {_cell(c.reviewer)})" if c.reviewed else "")
                + f" | {_cell(_short(c.expected or c.note))} | {src} | [report]({_link(c.report, report_url)}) |"
            )
    if result.reviewed:
        out += [
            "",
            "#### Reviewed claims (the journalist's review overrides the automatic verdict)",
            "",
            "| Story | Line | Claim | Automatic | Review | Reviewer | Note | Report |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for c in result.reviewed:
            out.append(
                f"| {_cell(c.story)} | {c.line or ''} | {_cell(c.span)} | {c.auto_verdict} | **{c.verdict}**"
                + (" (no longer fails)" if c.overridden else "")
                + f" | {_cell(c.reviewer)} | {_cell(_short(c.note))} | [report]({_link(c.report, report_url)}) |"
            )
    if result.stories:
        out += ["", "<details><summary>Reports</summary>", ""]
        for s in result.stories:
            counts = {}
            for c in s.claims:
                counts[c.verdict] = counts.get(c.verdict, 0) + 1
            label = ", ".join(f"{n} {v}" for v, n in sorted(counts.items())) or s.error
            out.append(
                f"- [{_cell(s.story)}]({_link(s.report, report_url)}): {label}" + (" (unchanged)" if s.reused else "")
            )
        out += ["", "</details>"]
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ GitHub annotations


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotations(result) -> list[str]:
    """``::error`` for a failing claim, ``::notice`` for a review that overrides one, ``::warning`` for
    a claim decided against the story that does not fail the build (e.g. misleading when only
    contradicted fails)."""
    lines = []
    for s in result.stories:
        if s.status != "ok":
            lines.append(
                f"::error file={_escape_prop(s.story)},title={_escape_prop('claimkit: not checked')}::{_escape_data(s.error)}"
            )
        for c in s.claims:
            if c.fails:
                level = "error"
            elif c.overridden:
                level = "notice"
            elif c.verdict in ("contradicted", "misleading", "unsupported"):
                level = "warning"
            else:
                continue
            props = [f"file={_escape_prop(c.story)}"]
            if c.line:
                props += [f"line={c.line}", f"col={c.column}"]
                if c.end_line == c.line:
                    props += [f"endLine={c.end_line}", f"endColumn={c.end_column}"]
            title = f"claimkit: {c.verdict}" + (" (reviewed)" if c.reviewed else "")
            props.append(f"title={_escape_prop(title)}")
            lines.append(f"::{level} {','.join(props)}::{_escape_data(message(c))}")
    return lines


# ------------------------------------------------------------------ GitLab code quality

SEVERITY = {"contradicted": "critical", "misleading": "major", "unsupported": "minor", "unverified": "info"}


def codequality(result) -> list[dict]:
    issues = []
    for s in result.stories:
        if s.status != "ok":
            issues.append(
                {
                    "type": "issue",
                    "description": f"not checked: {s.error}",
                    "check_name": "claimkit.notebook",
                    "categories": ["Bug Risk"],
                    "fingerprint": hashlib.sha256(f"{s.story}\0notebook".encode()).hexdigest(),
                    "severity": "blocker",
                    "location": {"path": s.story, "lines": {"begin": 1}},
                }
            )
        for c in s.claims:
            if not (c.fails or c.overridden or c.verdict in ("contradicted", "misleading", "unsupported")):
                continue
            severity = "blocker" if c.fails else "info" if c.reviewed else SEVERITY.get(c.verdict, "minor")
            issues.append(
                {
                    "type": "issue",
                    "description": message(c),
                    "check_name": f"claimkit.{c.verdict}",
                    "categories": ["Bug Risk"] if c.fails else ["Style"],
                    "fingerprint": hashlib.sha256(f"{c.story}\0{c.claim_id}\0{c.verdict}".encode()).hexdigest(),
                    "severity": severity,
                    "content": {"body": failure_body(c)},
                    "location": {"path": c.story, "lines": {"begin": c.line or 1, "end": c.end_line or c.line or 1}},
                }
            )
    return issues


# ------------------------------------------------------------------ all of them


def write_all(result, *, report_url: str | None = None, step_summary: bool = True) -> dict:
    """Write every output into ``result.out_dir`` (atomically) and return name -> path; ``step_summary``: also
    append the Markdown to ``$GITHUB_STEP_SUMMARY`` when that is set."""
    from claimkit.files import atomic_write_text

    out = Path(result.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    md = markdown_summary(result, report_url)
    annotations = github_annotations(result)
    files = {
        "junit": atomic_write_text(out / "junit.xml", junit_xml(result)),
        "summary": atomic_write_text(out / "summary.md", md),
        "annotations": atomic_write_text(out / "annotations.txt", "".join(line + "\n" for line in annotations)),
        "codequality": atomic_write_text(
            out / "codequality.json", json.dumps(codequality(result), indent=2, ensure_ascii=False)
        ),
        "results": atomic_write_text(
            out / "results.json",
            json.dumps(
                {
                    "fail_on": list(result.fail_on),
                    "exit_code": result.exit_code,
                    "seconds": round(result.seconds, 3),
                    "stories": [
                        {
                            **{k: v for k, v in asdict(s).items() if k != "claims"},
                            "claims": [asdict(c) for c in s.claims],
                        }
                        for s in result.stories
                    ],
                },
                indent=2,
                ensure_ascii=False,
            ),
        ),
    }
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary and target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(md)
    result.files = files
    return files
