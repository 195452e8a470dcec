"""The status bar: online or offline, how many changes wait to be synced, when the last sync was."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from eco_field.sync.status import sync_status
from ui.context import AppContext
from ui.formatting import short_time

REFRESH_MS = 30_000
# QtNetwork and the platform's network backend load this long after the status bar appears, so the first
# screen is painted first (they took ~13 ms on the GUI thread before the tasks showed).
NETWORK_DELAY_MS = 500


def network_online() -> bool | None:
    """True/False from the platform's network information, None when the platform cannot tell."""
    from PySide6.QtNetwork import QNetworkInformation

    if QNetworkInformation.instance() is None and not QNetworkInformation.loadDefaultBackend():
        return None
    reach = QNetworkInformation.instance().reachability()
    if reach == QNetworkInformation.Reachability.Unknown:
        return None
    return reach == QNetworkInformation.Reachability.Online


class SyncStatusBar(QStatusBar):
    WATCHES = frozenset({"inspection", "task", "enterprise", "evidence", "sync", "settings", "document", "case",
                         "number_block", "document_number"})

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.network = QLabel()
        self.pending = QLabel()
        self.last_sync = QLabel()
        for label in (self.network, self.pending, self.last_sync):
            label.setContentsMargins(12, 0, 12, 0)
            self.addPermanentWidget(label)
        ctx.hub.changed.connect(self.on_changed)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.check_bureau)
        self._network_ready = False  # QtNetwork loads after the window is shown, not before
        self._bureau: bool | None = None  # did the bureau answer the last health check?
        self._checking = False
        self.refresh()

    def _load_network(self) -> None:
        if self._network_ready or not self.isVisible():  # the window closed meanwhile: its data may be closed too
            return
        self._network_ready = True
        self.check_bureau()

    def check_bureau(self) -> None:
        """Ask the enrolled bureau's /health in the background; online means the bureau answers."""
        url = sync_status(self.ctx.ws)["server_url"]
        if not url or self._checking:
            self.refresh()
            return
        self._checking = True

        def ask(_ws) -> bool:
            from eco_field.sync.transport import BureauConnection

            with BureauConnection(url, timeout=5.0) as conn:
                return conn.reachable()

        self.ctx.run(ask, self._checked, handle_error=self._check_failed)

    def _check_failed(self, _error: BaseException) -> bool:
        self._checked(False)
        return True  # a failed health check is shown as offline, not as an error dialog

    def _checked(self, reachable: bool) -> None:
        self._checking, self._bureau = False, bool(reachable)
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._timer.start()  # poll only while the window is on screen
        if not self._network_ready:
            QTimer.singleShot(NETWORK_DELAY_MS, self._load_network)

    def hideEvent(self, event) -> None:  # noqa: N802
        self._timer.stop()
        super().hideEvent(event)

    def on_changed(self, entities: frozenset) -> None:
        if entities & self.WATCHES:
            self.refresh()

    def refresh(self) -> None:
        info = sync_status(self.ctx.ws)
        online = network_online() if self._network_ready else None
        if not info["enrolled"]:
            text = self.tr("Not enrolled with a bureau")
        elif self._bureau is not None:
            text = self.tr("Online: the bureau answers") if self._bureau else self.tr("Offline: no answer from the bureau")
        elif online is None:
            text = self.tr("Network: unknown")
        else:
            text = self.tr("Online") if online else self.tr("Offline")
        if info["enrolled"] and info["last_error"]:
            text += " · " + self.tr("last sync failed")
        self.network.setText("● " + text)
        self.pending.setText(self.tr("{n} changes to sync").format(n=info["pending"]))
        last = info["last_success"]
        self.last_sync.setText(self.tr("Last sync: {when}").format(when=short_time(last) if last else
                                                                      self.tr("never")))
