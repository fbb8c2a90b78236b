#!/usr/bin/env bash
# Regenerate requirements.lock (and environment.yml from it): exact versions and hashes of everything `pip install ".[dev]"` needs,
# for Python 3.11 on Linux, resolved from pyproject.toml by uv. Run it after any change to the
# dependencies in pyproject.toml (e.g. after merging a branch that adds one), then commit the lock:
#
#     bash scripts/lock.sh && git add requirements.lock environment.yml && git commit -m "lock: regenerate"
#
# `bash scripts/lock.sh --upgrade` moves every pin to the newest allowed version (what
# `CLAIMKIT_CI=newest bash .ci/run` tests); without it, pins already in the lock are kept when allowed.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v uv >/dev/null 2>&1 || python3 -m pip install -q uv
uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
    --quiet --custom-compile-command "bash scripts/lock.sh" -o requirements.lock "$@"
python3 scripts/environment_yml.py
echo "requirements.lock: $(grep -c '^[A-Za-z0-9].*==' requirements.lock) pinned packages"
