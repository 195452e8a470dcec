"""The bureau's office console at /console/ (issue 18): staff accounts, sessions, approvals, devices, and the
pages later office work adds. `mount(app, storage, data_dir)` is called once by bureau.app.create_app.

Layout: db.py (office tables on SQLite or PostgreSQL; migrations in schema/), staff.py, sessions.py, audit.py,
web.py (the @page decorator, templates in templates/), pages/ (one module per page area, found here)."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # FastAPI is imported by mount() only: the CLI's office commands start without it
    from fastapi import FastAPI

STATIC = Path(__file__).with_name("static")
_loaded = False


def load_pages() -> None:
    """Import every module of office/pages/ once: their @page decorators register the routes."""
    global _loaded
    if _loaded:
        return
    from eco_field.bureau.office import pages

    for module in sorted(m.name for m in pkgutil.iter_modules(pages.__path__) if not m.name.startswith("_")):
        importlib.import_module(f"eco_field.bureau.office.pages.{module}")
    _loaded = True


def mount(app: FastAPI, storage: Any, data_dir: Path) -> None:
    from fastapi.responses import FileResponse, RedirectResponse

    from eco_field.bureau.office.db import open_office_db
    from eco_field.bureau.office.web import HEADERS, PREFIX, router

    app.state.office = open_office_db(storage)
    app.state.office_data_dir = Path(data_dir)
    load_pages()

    @app.get(PREFIX, include_in_schema=False)
    async def console_root():  # FastAPI would resolve an annotation in module globals
        return RedirectResponse(PREFIX + "/", status_code=307)

    @app.get(PREFIX + "/static/{name}", include_in_schema=False)
    async def console_static(name: str):
        path = STATIC / name
        if "/" in name or not path.is_file():
            return FileResponse(STATIC / "missing.txt", status_code=404)
        return FileResponse(path, headers={"Cache-Control": "max-age=3600",
                                           "X-Content-Type-Options": HEADERS["X-Content-Type-Options"]})

    app.include_router(router)
