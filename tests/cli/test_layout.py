"""The project's layout rules: one installed package, a domain free of Textual, a command line that
imports no views for its non-interactive commands."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False)


def test_models_and_exports_import_without_textual():
    code = (
        "import sys\n"
        "import postmortem.models, postmortem.models.store, postmortem.models.metrics, postmortem.models.evidence\n"
        "import postmortem.models.evidence.options, postmortem.models.checks, postmortem.models.steps\n"
        "import postmortem.models.locations, postmortem.models.text_formats, postmortem.models.guidance\n"
        "import postmortem.models.meeting_sections, postmortem.exports, postmortem.exports.markdown\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "assert not loaded, loaded\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("command", [["check"], ["export"], ["timeline", "import", "--dry-run"]])
def test_non_interactive_commands_import_no_views(command: list[str], tmp_path: Path, write_example):
    from postmortem.models.examples import EXAMPLE_NAME

    path = write_example(EXAMPLE_NAME)
    evidence = tmp_path / "app.log"
    evidence.write_text("2026-02-12T19:08:01Z ERROR pool exhausted\n", encoding="utf-8")
    args = [*command, str(path)] + ([str(evidence)] if command[0] == "timeline" else [])
    code = (
        "import sys, contextlib, io\n"
        "from postmortem.tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    main(sys.argv[1:])\n"
        "views = sorted(m for m in sys.modules if m.startswith(('postmortem.screens', 'textual')))\n"
        "assert not views, views\n"
    )
    result = _run(code, *args)
    assert result.returncode == 0, result.stderr


def test_every_package_folder_is_installed():
    """Each folder with an ``__init__.py`` under a mapped folder is listed as a package, and no other."""
    folders = {package: ROOT / folder for package, folder in SETUPTOOLS["package-dir"].items()}
    found = {"postmortem"}
    for package, folder in folders.items():
        for init in folder.rglob("__init__.py"):
            found.add(".".join([package, *init.parent.relative_to(folder).parts]))
    assert found == set(SETUPTOOLS["packages"])


@pytest.mark.slow
def test_the_wheel_holds_only_the_postmortem_package(tmp_path: Path):
    # Built from a copy: a build in the checkout would leave its build/ folder there.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    for folder in SETUPTOOLS["package-dir"].values():
        ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
        shutil.copytree(ROOT / folder, source / folder, ignore=ignore, dirs_exist_ok=True)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("postmortem-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names}
    assert {top for top in tops if not top.endswith(".dist-info")} == {"postmortem"}
    for expected in (
        "postmortem/__main__.py",
        "postmortem/tui/cli/__init__.py",
        "postmortem/tui/app.tcss",
        "postmortem/screens/wizard/screen.tcss",
        "postmortem/models/examples/checkout-latency.toml",
    ):
        assert expected in names


def test_views_reach_the_app_only_through_the_typed_seam():
    """No view or app silences the type checker to reach an attribute of the app (DocumentHost is the way)."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("screens", "tui")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "type: ignore[attr-defined]" in line
    ]
    assert offenders == []
