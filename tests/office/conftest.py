"""Office tests use the real bureau server fixtures of tests/sync (SQLite and PostgreSQL)."""

from tests.console.conftest import browser_page, chromium, console  # noqa: F401 (fixtures)
from tests.sync.conftest import bureau, bureau_db, device, device_factory  # noqa: F401 (fixtures)
