"""Where things live: the officer's data folder and the program's own resources."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES_DIR = PROJECT_ROOT / "resources"
MIGRATIONS_DIR = PROJECT_ROOT / "db"

DATABASE_NAME = "eco_field.db"


def default_data_dir() -> Path:
    """ECO_FIELD_HOME if set, else the per-user data folder of the platform."""
    env = os.environ.get("ECO_FIELD_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs  # only here: the GUI's first paint does not wait for it

    return Path(platformdirs.user_data_dir("EcoField", appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None) -> Path:
    return Path(explicit).expanduser() if explicit else default_data_dir()
