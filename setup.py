"""The compiled core: the hot text-processing modules built with mypyc (docs/BENCHMARKS.md,
issue 18). Everything else about the package is in pyproject.toml.

``pip install .`` compiles the modules in ``COMPILED`` to C extensions; the pure-Python source
gives the same output and is used instead when:

- ``CLAIMDESK_PURE=1`` is set at build time;
- the install is editable (``pip install -e``), so that an edited ``.py`` file is never shadowed
  by a stale compiled one (``CLAIMDESK_COMPILE=1`` compiles in place anyway: rebuild after
  each edit);
- mypyc or a C compiler is missing, or compiling fails (pip says so and installs the source).

A build removes the compiled modules an earlier build left in the tree or in ``build/`` and
does not make now, so that none is installed or imported in place of the source.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

# Extraction and tagging, the modules profiling names as hot (python -m bench.profile_core).
# Compiled, the comparison's (checker/compare: normalize, relate, conflicts, quantities, times,
# words) gained 0-8 %, within the noise, for twice the build time, so they stay pure, and so do
# claims.models (its classes cross process boundaries) and the modules tests monkeypatch.
COMPILED = [
    "claims/attribution.py",
    "claims/clauses.py",
    "claims/extract.py",
    "claims/segment.py",
    "claims/structure.py",
    "claims/tagger.py",
]


HERE = Path(__file__).resolve().parent


def _drop_compiled(folder: Path, keep: set[Path]) -> None:
    """Compiled modules in ``folder`` (the source tree or setuptools' ``build/lib*``) other
    than ``keep``: an earlier build's, which would shadow the source or be installed again
    (a module taken off ``COMPILED``, an older build's shared library)."""
    found = [*folder.glob("*__mypyc.*.so")]
    found += [
        path for package in ("claims", "checker") for path in folder.glob(f"{package}/**/*.so")
    ]
    for path in found:
        if path.resolve() not in keep:
            path.unlink()


def _building() -> bool:
    """Whether setuptools builds now: pip also runs this file for the metadata (``egg_info``,
    ``dist_info``), where compiling would only take time."""
    return any(arg in _BUILDS for arg in sys.argv)


_BUILDS = {"bdist_wheel", "build", "build_ext", "install", "editable_wheel", "develop"}


def _wanted() -> bool:
    if os.environ.get("CLAIMDESK_PURE", "") not in ("", "0"):
        return False
    if os.environ.get("CLAIMDESK_COMPILE", "") not in ("", "0"):
        return True
    editable = any(arg in ("editable_wheel", "develop") for arg in sys.argv)
    return not editable


class _OptionalBuild(build_ext):
    """A failed compilation leaves the pure-Python modules in place instead of failing."""

    def run(self) -> None:
        target = HERE if self.inplace else Path(self.build_lib)
        _drop_compiled(target, {Path(output).resolve() for output in self.get_outputs()})
        try:
            super().run()
        except Exception as error:  # any compiler failure means: stay pure
            print(f"claimdesk: compiling the core failed ({error}); using pure Python")
            for output in self.get_outputs():  # all or nothing: no half-built core
                if os.path.exists(output):
                    os.remove(output)


def _extensions() -> list[object]:
    if not _building():
        return []
    if not _wanted():
        for folder in (HERE, *HERE.glob("build/lib*")):
            _drop_compiled(folder, set())
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("claimdesk: mypyc not available; using pure Python")
        return []
    try:
        return list(mypycify(["--ignore-missing-imports", *COMPILED], opt_level="3"))
    except (Exception, SystemExit) as error:  # mypyc exits on a type error
        print(f"claimdesk: mypyc failed ({error!r}); using pure Python")
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": _OptionalBuild})
