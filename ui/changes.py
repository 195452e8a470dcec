"""What changed: operations announce the entities they touched, and each screen decides whether to redraw.

Anki's OpChanges idea in miniature. Entities are the names used by eco_field.store.changes.record
("inspection", "task", "enterprise", "officer", "evidence", "settings", ...).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ui.slots import emit


class ChangeHub(QObject):
    """One per application window; screens connect to `changed` and look at the set of entity names."""

    changed = Signal(frozenset)

    def announce(self, *entities: str) -> None:
        if entities:
            emit(self.changed, frozenset(entities))
