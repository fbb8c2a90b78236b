"""The tools CI runs besides pytest: mypy on the typed modules, ruff on the whole checkout, and the public API."""

import re
import subprocess
import sys

import claimkit
from claimkit.paths import ROOT

# Where `ruff check` and `ruff format --check` must pass: the whole checkout (pyproject excludes the notebooks,
# the hostile-input corpus and test artifacts).
RUFF_CLEAN = ["."]

PUBLIC_API = {
    "Article",
    "ClaimkitError",
    "EvidenceStore",
    "InputError",
    "Quantity",
    "SourceSet",
    "TimeMention",
    "ValidationFailed",
    "extract_claims",
    "load_article",
    "load_sources",
    "parse_quantities",
    "parse_times",
    "read_articles",
    "review",
    "score_sentence",
    "to_claimreview",
    "validate",
    "verify",
}


def run(*argv: str) -> subprocess.CompletedProcess:
    """Run a dev-extra tool (``python -m ruff``, ``python -m mypy``) in the checkout, with its pyproject settings."""
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)


def test_mypy_passes_on_the_typed_modules_listed_in_pyproject():
    out = run(sys.executable, "-m", "mypy")
    assert out.returncode == 0, out.stdout + out.stderr


def test_ruff_finds_nothing_to_fix_or_reformat_in_the_linted_files():
    lint = run(sys.executable, "-m", "ruff", "check", *RUFF_CLEAN)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = run(sys.executable, "-m", "ruff", "format", "--check", *RUFF_CLEAN)
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def test_the_public_api_is_exactly_the_documented_names():
    """Adding or removing a public name is a decision: update this set, shared/contract.md and CHANGELOG.md together."""
    assert set(claimkit.__all__) == PUBLIC_API
    for name in claimkit.__all__:
        assert getattr(claimkit, name) is not None, name


def test_the_version_is_the_newest_release_in_the_changelog():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", changelog, flags=re.MULTILINE)
    assert released and released[0] == claimkit.__version__


def test_no_test_file_imports_another_or_a_loose_module_beside_it():
    """Shared code is a fixture in tests/conftest.py or a module of the tests.helpers package."""
    import ast

    loose = {p.stem for p in (ROOT / "tests").glob("*.py")}
    offenders = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            offenders += [f"{path.name}: import {n}" for n in names if n.split(".")[0] in loose]
    assert not offenders, offenders
