"""The command line: thin over the library, one clear line and exit 2 for bad input."""

import subprocess
import sys
from pathlib import Path

import pytest

from claimkit.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "russia-osce-dead-end.txt"


def run_cli(*args):
    proc = subprocess.run([sys.executable, "-m", "claimkit", *map(str, args)], capture_output=True, text=True, cwd=ROOT)
    return proc.returncode, proc.stdout, proc.stderr


def test_extract_prints_a_table_of_the_seed(capsys):
    assert main(["extract", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["claim_id", "kind", "span"]
    rows = {line.split()[0]: line for line in out.splitlines()[1:]}
    troops = next(line for line in rows.values() if "around 100,000 troops" in line)
    assert "90,000" in troops and "110,000" in troops and "about" in troops and "troop" in troops
    assert any("57 countries" in line and "country" in line for line in rows.values())
    assert "cookies" not in out


@pytest.mark.parametrize("suffix", [".csv", ".json", ".parquet"])
def test_extract_writes_a_table_by_suffix(tmp_path, suffix):
    from claimkit.files import read_table

    target = tmp_path / f"claims{suffix}"
    assert main(["extract", str(SEED), "-o", str(target)]) == 0
    df = read_table(target)
    assert "claim_id" in df.columns


def test_missing_file_is_one_line_and_exit_2(tmp_path):
    code, _out, err = run_cli("extract", tmp_path / "nope.txt")
    assert code == 2
    assert err.strip().count("\n") == 0 and "nope.txt" in err and "no such file" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("story.docx", b"PK\x03\x04", "unknown article format"),
    ],
)
def test_bad_input_exit_2(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    code, _out, err = run_cli("extract", path)
    assert code == 2 and reason in err and str(path) in err and "Traceback" not in err


def test_unparseable_date_exit_2():
    code, _out, err = run_cli("extract", SEED, "--published", "the day after tomorrow")
    assert code == 2 and "publication date" in err and "Traceback" not in err


def test_failed_output_leaves_no_file(tmp_path):
    code, _out, err = run_cli("extract", SEED, "-o", tmp_path / "claims.xlsx")
    assert code == 2 and "unknown table format" in err
    assert list(tmp_path.iterdir()) == []


def test_run_rejects_unknown_parameter_before_starting_a_kernel(tmp_path):
    code, _out, err = run_cli("run", SEED, "-o", tmp_path, "-p", "colour", "blue")
    assert code == 2 and "unknown parameter 'colour'" in err


def test_run_rejects_parameter_of_wrong_type(tmp_path):
    code, _out, err = run_cli("run", SEED, "-o", tmp_path, "-p", "top_n", "many")
    assert code == 2 and "'top_n' must be int" in err


def test_verify_lists_the_seed_figures_as_supported(capsys):
    assert main(["verify", str(SEED)]) == 0
    out = capsys.readouterr().out
    for span in ("around 100,000 troops", "57 countries"):
        line = next(row for row in out.splitlines() if span in row)
        assert "supported" in line and "query" in line


def test_verify_of_the_altered_copy_contradicts_the_altered_claims(tmp_path):
    from claimkit.files import read_table

    altered = next((ROOT / "data" / "articles" / "altered").glob("*.txt"))
    target = tmp_path / "verdicts.csv"
    assert main(["verify", str(altered), "-o", str(target)]) == 0
    v = read_table(target)
    assert sorted(v.loc[v.verdict == "contradicted", "span"]) == ["67 countries", "Tuesday", "around 300,000 troops"]


def test_verify_with_a_missing_evidence_folder_exit_2(tmp_path):
    code, _out, err = run_cli("verify", SEED, "--evidence", tmp_path / "nope")
    assert code == 2 and "no such folder of reference tables" in err and "Traceback" not in err
