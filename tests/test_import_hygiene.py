"""Layers point one way: tui -> checker -> claims; only tui imports textual."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["claims.extract", "claims.ingest", "claimdesk"])
def test_lower_layers_do_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; assert 'textual' not in sys.modules, 'textual imported'; print('ok')"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_claims_does_not_import_upper_layers() -> None:
    code = "import sys, claims.extract, claims.ingest; assert not any(m.split('.')[0] in ('checker', 'tui') for m in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
