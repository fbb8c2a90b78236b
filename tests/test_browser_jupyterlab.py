"""The article notebook as a journalist uses it: JupyterLab in Chromium, Run → Run All Cells."""

import importlib.util
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.helpers.browser import ROOT, artifact_dir, chromium, free_port, publish_screenshot, stop

pytestmark = [pytest.mark.browser, pytest.mark.notebook]

NOTEBOOK = "verify_article.ipynb"
START_TIMEOUT = 90  # s for jupyter lab to answer
RUN_TIMEOUT = 240_000  # ms for all cells to run (a cold kernel imports pandas and Great Expectations)


@pytest.fixture
def jupyter_lab(tmp_path):
    """jupyter lab on a free local port with a random token, serving a copy of notebooks/; stopped after the test."""
    if shutil.which("jupyter") is None and importlib.util.find_spec("jupyterlab") is None:
        pytest.skip("JupyterLab is not installed")
    root = tmp_path / "lab"
    shutil.copytree(ROOT / "notebooks", root)
    home = tmp_path / "jupyter"
    (home / "config").mkdir(parents=True)
    # no news feed, no update check: the lab must not reach the internet
    (home / "config" / "jupyter_server_config.json").write_text(
        json.dumps(
            {
                "LabApp": {
                    "news_url": None,
                    "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
                    "extension_manager": "readonly",
                }
            }
        )
    )
    # start the notebook's kernel without asking, and no news toast over the picture
    for plugin, settings in {
        "docmanager-extension/plugin": {"autoStartDefaultKernel": True},
        "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    }.items():
        path = home / "settings" / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings))
    port, token = free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p),
    }
    with open(tmp_path / "jupyter.log", "w") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyter",
                "lab",
                "--no-browser",
                "--ip=127.0.0.1",
                f"--port={port}",
                f"--IdentityProvider.token={token}",
                f"--ServerApp.root_dir={root}",
                "--ServerApp.port_retries=0",
            ]
            + (["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
            cwd=root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while True:
                try:
                    with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                        if r.status == 200:
                            break
                except OSError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        f"jupyter lab did not start; its log:\n{(tmp_path / 'jupyter.log').read_text()[-3000:]}"
                    )
                time.sleep(0.5)
            yield base, token, root
        finally:
            stop(process)


def test_notebook_runs_in_jupyterlab_and_shows_highlights_and_verdict_summary(jupyter_lab):
    base, token, root = jupyter_lab
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        outside = []
        page.route(
            "**/*",
            lambda r: r.continue_() if r.request.url.startswith(base) else (outside.append(r.request.url), r.abort()),
        )
        page.goto(f"{base}/lab/tree/{NOTEBOOK}?token={token}", timeout=120_000)
        page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=120_000)
        # should JupyterLab still ask which kernel to start, take the notebook's own
        select = page.locator(".jp-Dialog .jp-mod-accept")
        try:
            select.wait_for(timeout=5_000)
            select.click()
        except Exception:
            pass
        # wait until the kernel is ready, then Run → Run All Cells, as a reader would
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        try:
            page.wait_for_selector(".jp-OutputArea-output .ck-verdict-summary svg", timeout=RUN_TIMEOUT)
            page.wait_for_selector(".jp-OutputArea-output mark.ck-claim[data-verdict='supported']", timeout=RUN_TIMEOUT)
        except Exception:
            page.screenshot(path=str(artifact_dir("jupyterlab") / "failed.png"), full_page=True)
            failed = page.locator(
                "[data-mime-type='application/vnd.jupyter.stderr'], .jp-RenderedText[data-mime-type='application/vnd.jupyter.error']"
            )
            pytest.fail(
                "the notebook did not show its verdict summary; "
                + (failed.last.inner_text()[-2000:] if failed.count() else "no error output (see failed.png)")
            )
        page.wait_for_function(
            """() => [...document.querySelectorAll('.jp-InputArea-prompt')]
            .every(p => !p.textContent.includes('*'))""",
            timeout=RUN_TIMEOUT,
        )
        errors = page.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'] .jp-RenderedText, "
            ".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']"
        )
        assert errors.count() == 0, errors.first.inner_text()
        assert page.locator(".jp-OutputArea-output mark.ck-claim").count() > 0
        assert page.locator(".ck-verdict-summary rect.ck-bar").count() > 0
        # the picture: the article coloured by verdict, without the file browser
        current = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
        if current.count():
            current.first.click()  # clicking the open panel's tab folds the sidebar
        page.wait_for_timeout(800)
        summary = page.locator(".jp-OutputArea-output:has(mark.ck-claim[data-verdict='supported'])").first
        for _ in range(3):  # the notebook re-lays itself out while it renders: settle, then place the article on top
            summary.evaluate("e => e.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(700)
        shot = artifact_dir("jupyterlab") / "notebook.png"
        page.screenshot(path=str(shot))
    assert (root / "out" / "verify_article" / "report.html").exists(), "the last cell wrote the report"
    assert outside == [], f"JupyterLab asked the internet for {outside}"
    publish_screenshot(shot, "notebook.png")
