"""Shared helpers of the browser tests: find Debian's Chromium, launch it headless with Playwright.

Playwright's own browser download is never used: the tests drive the system's ``chromium``
(``.ci/run`` installs it from Debian's packages when it is missing). When no browser can be
found, the tests skip and say why.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "_artifacts"
SCREENSHOTS = ROOT / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 900}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
]
CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium")


def chromium_path() -> str | None:
    """The system Chromium: $CLAIMKIT_CHROMIUM, then Debian's paths, then ``chromium`` on PATH."""
    for path in (
        os.environ.get("CLAIMKIT_CHROMIUM"),
        *CANDIDATES,
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


def require_chromium() -> str:
    """The Chromium path, or skip the test with the reason."""
    try:
        import playwright.sync_api  # noqa: F401 - only whether it imports
    except ImportError:
        pytest.skip("the browser tests need the Python package 'playwright' (pip install -e '.[dev]')")
    path = chromium_path()
    if path is None:
        pytest.skip(
            "no Chromium on this machine: install Debian's package (apt-get install chromium), "
            "as .ci/run does, or point $CLAIMKIT_CHROMIUM at a Chromium binary"
        )
    return path


@contextmanager
def chromium():
    """A headless Chromium browser driven by Playwright (closed on exit)."""
    path = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def artifact_dir(name: str) -> Path:
    """The test's output folder for screenshots (tests/_artifacts/<name>, not committed)."""
    path = ARTIFACTS / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def publish_screenshot(shot: Path, name: str) -> Path | None:
    """Copy a test's screenshot to docs/screenshots/<name> when $CLAIMKIT_UPDATE_SCREENSHOTS is set.

    The PNG is re-quantised (Pillow, if installed) to keep the committed pictures small.
    """
    if not os.environ.get("CLAIMKIT_UPDATE_SCREENSHOTS"):
        return None
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / name
    try:
        from PIL import Image

        Image.open(shot).convert("RGB").quantize(colors=128, dither=Image.Dither.NONE).save(target, optimize=True)
    except ImportError:
        shutil.copyfile(shot, target)
    return target


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(process: subprocess.Popen, timeout: float = 15) -> None:
    """Stop a server we started: SIGTERM, then SIGKILL if it does not go."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)
