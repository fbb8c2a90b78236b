"""``claimkit check``: a pre-publication gate for a newsroom's CI.

- :mod:`claimkit.gate.stories` — which stories: files, folders, or the files changed since a git revision
- :mod:`claimkit.gate.cache` — what a story's result depends on, as one key (unchanged stories are not re-run)
- :mod:`claimkit.gate.run` — the stories through the article notebook as ``claimkit batch`` runs it; the gate
- :mod:`claimkit.gate.locate` — a claim's line and column in the story file as written
- :mod:`claimkit.gate.formats` — JUnit XML, Markdown summary, GitHub annotations, GitLab code quality
"""

from __future__ import annotations

from claimkit.gate.run import CheckResult, ClaimResult, StoryResult, run_check

__all__ = ["CheckResult", "ClaimResult", "StoryResult", "run_check"]
