"""Issue 17 part 1: times show in the configured zone (the last sync time was stored in UTC and shown so)."""

from __future__ import annotations

from eco_field.store import settings
from eco_field.store.database import write_transaction
from eco_field.sync import state
from ui.app import build_window
from ui.formatting import set_display_zone, short_time


def test_the_last_sync_time_shows_in_the_configured_zone(qtbot, ctx):
    with write_transaction(ctx.db):
        state.put(ctx.db, "last_success", "2026-06-05T01:30:00+00:00")
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.status.refresh()
    window.show_section("sync")
    assert "2026-06-05 09:30" in window.status.last_sync.text()  # Beijing time, not 01:30 UTC
    with write_transaction(ctx.db):
        settings.put(ctx.db, "time_zone", "Asia/Urumqi")
    ctx.hub.announce("settings")
    assert short_time("2026-06-05T01:30:00Z") == "2026-06-05 07:30"
    set_display_zone("Asia/Shanghai")


def test_a_stored_local_time_is_shown_as_written():
    set_display_zone("Asia/Shanghai")
    assert short_time("2026-06-05T09:30:00+08:00") == "2026-06-05 09:30"
    assert short_time("2026-06-05T09:30") == "2026-06-05 09:30"
    assert short_time("not a time") == "not a time"
