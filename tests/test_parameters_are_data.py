"""Parameters passed to notebooks are data, never code: a value crafted as Python source arrives in the
notebook as that exact string, and a value of the wrong type is refused (InputError; exit 2 by the CLI)."""

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from claimkit import InputError
from claimkit.runner import ARTICLE_NOTEBOOK, coerce_parameters, declared_parameters

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "russia-osce-dead-end.txt"

CRAFTED = [
    "\"; import os; os.system('touch PWNED') #",
    "'; import os; os.system('touch PWNED') #",
    "__import__('os').system('touch PWNED')",
    '"""\nimport os; os.system(\'touch PWNED\')\n"""',
    "x\\\"; open('PWNED', 'w') #",
    "\n__import__('os').system('touch PWNED')\n",
    "{{ __import__('os').system('touch PWNED') }}",
    "\u2028__import__('os').system('touch PWNED')",
]


def _injected_cell(nb) -> str:
    cells = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1
    return cells[0].source


@pytest.mark.parametrize("value", CRAFTED)
def test_a_crafted_string_parameter_arrives_as_that_exact_string(value, tmp_path, monkeypatch):
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    monkeypatch.chdir(tmp_path)
    declared = declared_parameters(ARTICLE_NOTEBOOK)
    params = coerce_parameters({"article": value, "published": value, "reviews": value}, declared)
    assert params == {"article": value, "published": value, "reviews": value}
    nb = parameterize_notebook(
        load_notebook_node(str(ARTICLE_NOTEBOOK)), params, kernel_name="python3", language="python"
    )
    namespace: dict = {}
    exec(
        compile(_injected_cell(nb), "<injected-parameters>", "exec"), namespace
    )  # running the cell is the check itself
    assert namespace["article"] == value and namespace["published"] == value and namespace["reviews"] == value
    assert not (tmp_path / "PWNED").exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "name, value",
    [
        ("top_n", "many"),
        ("top_n", "__import__('os').getcwd()"),
        ("top_n", "9" * 5000),
        ("top_n", [1, 2]),
        ("top_n", True),
        ("min_checkworthiness", "nan"),
        ("min_checkworthiness", "1e999999"),
        ("min_checkworthiness", float("inf")),
        ("min_checkworthiness", "0.5; import os"),
        ("strict", "maybe"),
        ("article", object()),
        ("article", ["a", object()]),
        ("published", {1: "a"}),
    ],
)
def test_a_parameter_of_the_wrong_type_is_refused(name, value):
    declared = declared_parameters(ARTICLE_NOTEBOOK)
    assert name in declared
    with pytest.raises(InputError) as info:
        coerce_parameters({name: value}, declared, ARTICLE_NOTEBOOK)
    assert repr(name) in info.value.reason


def test_values_of_the_right_type_are_converted():
    declared = declared_parameters(ARTICLE_NOTEBOOK)
    out = coerce_parameters({"top_n": "12", "min_checkworthiness": "0.4", "strict": "no", "article": "a.txt"}, declared)
    assert out == {"top_n": 12, "min_checkworthiness": 0.4, "strict": False, "article": "a.txt"}


def test_the_parameters_cell_is_read_without_being_run(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells.append(
        nbformat.v4.new_code_cell(
            "top_n = 3  # how many\nopen('PWNED', 'w')\nx = __import__('os').getcwd()",
            metadata={"tags": ["parameters"]},
        )
    )
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, str(path))
    declared = declared_parameters(path)
    assert declared["top_n"]["default"] == 3 and declared["x"]["default"] is None
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()


def test_the_cli_refuses_a_wrong_type_with_exit_2_before_starting_a_kernel(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "claimkit",
            "run",
            str(SEED),
            "-o",
            str(tmp_path / "out"),
            "-p",
            "top_n",
            "__import__('os').system('touch PWNED')",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 2
    assert "'top_n' must be int" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "PWNED").exists() and not (tmp_path / "out" / "verify_article.ipynb").exists()
