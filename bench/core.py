"""The compiled core and its pure-Python twin, side by side (setup.py compiles the modules).

``probe`` runs ``bench/core_probe.py`` either against the claimdesk installed in this
interpreter's environment, isolated from the working directory (``python -I``), so a regular
install is the compiled one, or against a copy of the source tree holding only ``.py`` and
data files (``pure_tree``), so no compiled module can shadow the source. Used by
``tests/test_compiled_core.py`` (same output) and ``bench.core_speed`` (speed).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "bench" / "core_probe.py"
PACKAGES = ("claims", "checker", "claimdesk")


def compiled_modules() -> list[str]:
    """The dotted names of the modules setup.py compiles (its ``COMPILED`` list)."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "COMPILED":
            paths: list[str] = ast.literal_eval(node.value)
            return [path.removesuffix(".py").replace("/", ".") for path in paths]
    raise LookupError("no COMPILED list in setup.py")


def pure_tree(folder: Path) -> Path:
    """A copy of the packages' source and data files in ``folder``, without built modules."""
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package,
            folder / package,
            ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"),
        )
    return folder


def probe(tree: Path | None, paths: list[Path], *options: str) -> str:
    """The output of ``bench/core_probe.py`` on ``paths``: with ``tree`` (``pure_tree``) from the
    pure source, else from the installed package (``python -I``: not the working directory)."""
    line = [sys.executable, "-I", str(PROBE), *(str(p.resolve()) for p in paths), *options]
    if tree is not None:
        line += ["--tree", str(tree)]
    return subprocess.run(line, capture_output=True, text=True, check=True).stdout
