"""Where the project's shipped files live (the checkout claimkit is installed from)."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(os.environ.get("CLAIMKIT_HOME", Path(__file__).resolve().parents[1]))
DATA = ROOT / "data"
ARTICLES = DATA / "articles"
REFERENCE = DATA / "reference"
EXPECTATIONS = ROOT / "expectations"
NOTEBOOKS = ROOT / "notebooks"
SEED_ARTICLE = ARTICLES / "russia-osce-dead-end.txt"
