from __future__ import annotations

from tests.tui.test_desk import db, template

__all__ = ["db", "template"]
