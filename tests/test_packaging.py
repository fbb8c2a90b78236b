"""claimkit as an installed package: a wheel carries everything claimkit reads at run time.

The wheel is built from this checkout, installed (with the locked dependencies) into a fresh
virtual environment, and run from a folder that is neither the checkout nor site-packages:
``claimkit run`` on the shipped founding article must work, and write only under that folder.
Uses ``uv`` to make the virtual environment and install the lock (seconds with uv's cache).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
NETWORK_TROUBLE = (
    "failed to fetch",
    "dns error",
    "connection refused",
    "network is unreachable",
    "could not connect",
    "timed out",
    "temporary failure in name resolution",
)


def _uv() -> str:
    uv = shutil.which("uv") or str(Path(sys.executable).with_name("uv"))
    if not Path(uv).exists():
        pytest.skip(
            "uv is not installed (`python -m pip install uv`): cannot build a fresh virtual environment quickly"
        )
    return uv


def _run(cmd, **kw):
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kw)


def _install_or_skip(cmd):
    proc = _run(cmd)
    if proc.returncode != 0:
        if any(t in proc.stderr.lower() for t in NETWORK_TROUBLE):
            pytest.skip(f"no network to install the locked dependencies: {proc.stderr.strip()[-300:]}")
        raise AssertionError(f"{' '.join(map(str, cmd))} failed:\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    uv = _uv()
    out = tmp_path_factory.mktemp("dist")
    proc = _run([uv, "build", "--wheel", "-o", out, ROOT])
    if proc.returncode != 0 and any(t in proc.stderr.lower() for t in NETWORK_TROUBLE):
        pytest.skip(f"no network to fetch the build backend: {proc.stderr.strip()[-300:]}")
    assert proc.returncode == 0, proc.stderr
    (whl,) = out.glob("claimkit-*.whl")
    return whl


def test_the_wheel_carries_suites_notebooks_reference_data_articles_templates_and_lexicons(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        "expectations": ROOT / "expectations",
        "notebooks": ROOT / "notebooks",
        "data": ROOT / "data",
    }
    for folder, source in shipped.items():
        for f in source.rglob("*"):
            if f.is_file() and "__pycache__" not in f.parts and ".ipynb_checkpoints" not in f.parts:
                assert f"claimkit/_shipped/{folder}/{f.relative_to(source).as_posix()}" in names, f
    for inside in ("templates", "lexicon"):
        for f in (ROOT / "claimkit" / inside).rglob("*"):
            if f.is_file() and "__pycache__" not in f.parts:
                assert f"claimkit/{inside}/{f.relative_to(ROOT / 'claimkit').as_posix()[len(inside) + 1 :]}" in names, f


@pytest.mark.notebook
def test_an_installed_wheel_runs_the_shipped_article_from_another_folder(wheel, tmp_path):
    uv = _uv()
    venv = tmp_path / "venv"
    assert _run([uv, "venv", "-q", "-p", sys.executable, venv]).returncode == 0
    py = venv / "bin" / "python"
    _install_or_skip([uv, "pip", "install", "-q", "-p", py, "-r", LOCK])
    _install_or_skip([uv, "pip", "install", "-q", "-p", py, "--no-deps", wheel])
    elsewhere = tmp_path / "newsroom"
    elsewhere.mkdir()
    env = {
        "PATH": f"{venv / 'bin'}{os.pathsep}/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "JUPYTER_DATA_DIR": str(tmp_path / "jupyter"),
        "LANG": "C.UTF-8",
    }

    where = _run(
        [py, "-c", "import json, claimkit.paths as p; print(json.dumps([str(p.SEED_ARTICLE), p.is_packaged()]))"],
        cwd=elsewhere,
        env=env,
        check=True,
    )
    seed, packaged = json.loads(where.stdout)
    assert packaged and Path(seed).is_file() and Path(seed).is_relative_to(venv), seed
    package_dir = Path(seed).parents[3]
    before = sorted(p for p in package_dir.rglob("*") if "__pycache__" not in p.parts)

    verify = _run([venv / "bin" / "claimkit", "verify", seed], cwd=elsewhere, env=env)
    assert verify.returncode == 0, verify.stderr
    assert "supported" in verify.stdout, "the packaged reference tables decide claims"

    run = _run([venv / "bin" / "claimkit", "run", seed], cwd=elsewhere, env=env)
    assert run.returncode == 0, run.stderr
    out = elsewhere / "out" / "russia-osce-dead-end"
    assert (out / "report.html").is_file() and (out / "manifest.json").is_file()
    validations = json.loads((out / "validation.json").read_text())
    assert [(v["suite"], v["success"]) for v in validations] == [("claims", True), ("verdicts", True)], (
        "the packaged suites ran"
    )
    assert "supported" in (out / "verdicts.csv").read_text()
    after = sorted(p for p in package_dir.rglob("*") if "__pycache__" not in p.parts)
    assert after == before, "nothing is written inside the installed package"


# ------------------------------------------------------------------ the lock, and conda's copy of it


def _lock_pins() -> dict[str, str]:
    import re

    pin = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")
    return dict(m.groups() for line in LOCK.read_text().splitlines() if (m := pin.match(line)))


def _environment_pip_lines() -> list[str]:
    import yaml

    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "python=3.11" in env["dependencies"]
    (pip,) = [d["pip"] for d in env["dependencies"] if isinstance(d, dict)]
    return pip


def test_every_locked_package_is_hashed_and_claimkit_requirements_are_all_locked():
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    text = LOCK.read_text()
    pins = {canonicalize_name(n): v for n, v in _lock_pins().items()}
    assert text.count("==") == len(pins) and text.count("--hash=sha256:") >= len(pins)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for req in map(Requirement, project["dependencies"] + project["optional-dependencies"]["dev"]):
        if req.marker is None or req.marker.evaluate({"python_version": "3.11"}):
            name = canonicalize_name(req.name)
            assert name in pins, f"{req} is not in requirements.lock: run scripts/lock.sh"
            assert req.specifier.contains(pins[name], prereleases=True), (
                f"the lock's {name}=={pins[name]} is outside {req}"
            )


def test_environment_yml_pins_exactly_the_lock():
    pip = _environment_pip_lines()
    pinned = dict(line.split("==", 1) for line in pip if "==" in line)
    assert pinned == _lock_pins(), "environment.yml is stale: run scripts/lock.sh"
    assert pip[-1] == '-e ".[dev]"'


def test_environment_yml_pip_section_resolves_to_the_lock(tmp_path):
    """What conda hands pip (the pip section as a requirements file) resolves to the lock's versions, nothing else."""
    uv = _uv()
    reqs = tmp_path / "requirements.txt"
    reqs.write_text("\n".join(line.replace('".[dev]"', f"{ROOT}[dev]") for line in _environment_pip_lines()) + "\n")
    proc = _run(
        [uv, "pip", "compile", "-q", "--python-version", "3.11", "--no-header", "--no-annotate", "--offline", reqs]
    )
    if proc.returncode != 0 and "offline" in proc.stderr.lower():
        proc = _run([uv, "pip", "compile", "-q", "--python-version", "3.11", "--no-header", "--no-annotate", reqs])
    if proc.returncode != 0 and any(t in proc.stderr.lower() for t in NETWORK_TROUBLE):
        pytest.skip(f"no network to resolve: {proc.stderr.strip()[-300:]}")
    assert proc.returncode == 0, proc.stderr
    resolved = dict(line.split("==", 1) for line in proc.stdout.splitlines() if "==" in line)
    assert resolved == _lock_pins()


def test_shipped_files_are_located_by_claimkit_paths_alone():
    """Only claimkit/paths.py turns the package's location into file paths: a module that used
    ``__file__`` or the checkout's folder names would work from a checkout and break when installed."""
    import re

    offenders = []
    for module in (ROOT / "claimkit").rglob("*.py"):
        if module.name == "paths.py" and module.parent.name == "claimkit":
            continue
        text = module.read_text(encoding="utf-8")
        if re.search(r"__file__|parents\[\d\]\s*/\s*[\"'](data|expectations|notebooks)", text):
            offenders.append(str(module.relative_to(ROOT)))
    assert offenders == [], f"locate shipped files through claimkit.paths: {offenders}"
