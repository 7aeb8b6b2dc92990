"""Layers point one way: claimdesk (the command line) -> tui -> checker -> claims; only tui
imports textual; SQL lives in the store modules. The import contracts are also checked
statically by import-linter (``lint-imports``, configured in pyproject.toml)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STORE_MODULES = {"schema.py", "store.py", "ledger.py", "views.py"}  # in checker/review
SQL = re.compile(r"[\"'] ?(SELECT|INSERT|UPDATE|DELETE|PRAGMA|BEGIN|CREATE|COMMIT|ROLLBACK)\b")


@pytest.mark.parametrize(
    "module", ["claims.extract", "claims.ingest", "checker.review.analysis", "claimdesk"]
)
def test_lower_layers_do_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; assert 'textual' not in sys.modules, 'textual imported'; print('ok')"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_claims_does_not_import_upper_layers() -> None:
    code = "import sys, claims.extract, claims.ingest; assert not any(m.split('.')[0] in ('checker', 'tui', 'claimdesk') for m in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_every_sql_statement_is_in_the_store_modules() -> None:
    outside = [
        f"{path.relative_to(ROOT)}:{number}"
        for package in ("claims", "checker", "claimdesk", "tui")
        for path in sorted((ROOT / package).rglob("*.py"))
        if not (path.parent.name == "review" and path.name in STORE_MODULES)
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if SQL.search(line) or ".execute(" in line
    ]
    assert outside == []


def test_the_sql_check_sees_a_statement() -> None:
    assert SQL.search('rows = c.execute("SELECT count(*) FROM claims")')
    assert not SQL.search("# select the best claim")
