"""What every screen needs: the data folder, the GUI thread's workspace, the change hub, the dialogs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from eco_field import messages
from eco_field.errors import EcoFieldError
from eco_field.workspace import Workspace
from ui.changes import ChangeHub
from ui.dialogs import DialogService
from ui.tasks import JobControl, run_job, run_task


@dataclass
class AppContext:
    data_dir: Path
    ws: Workspace  # the GUI thread's connection: quick reads only
    hub: ChangeHub = field(default_factory=ChangeHub)
    dialogs: DialogService = field(default_factory=DialogService)
    language: str = "zh_CN"

    @property
    def db(self):
        return self.ws.db

    def run(self, func: Callable[[Workspace], Any], on_done: Callable[[Any], None] | None = None,
            announce: tuple[str, ...] = (), on_error: Callable[[], None] | None = None,
            handle_error: Callable[[BaseException], bool] | None = None) -> None:
        """Run func(workspace) in the background on its own connection; report errors through the dialogs.

        On success on_done(result) runs on the GUI thread, then the entities in `announce` are announced.
        """
        run_task(lambda: self._with_workspace(func), self._finisher(on_done, announce, on_error, handle_error))

    def run_long(self, func: Callable[[Workspace, JobControl], Any], on_done: Callable[[Any], None] | None,
                 on_progress: Callable[[int, int, str], None], announce: tuple[str, ...] = (),
                 on_error: Callable[[], None] | None = None, control: JobControl | None = None,
                 handle_error: Callable[[BaseException], bool] | None = None) -> JobControl:
        """Like run, for jobs that report progress and can be cancelled; on_error() runs after a failure."""
        return run_job(lambda control: self._with_workspace(lambda ws: func(ws, control)),
                       self._finisher(on_done, announce, on_error, handle_error), on_progress, control)

    def _with_workspace(self, func: Callable[[Workspace], Any]) -> Any:
        # A SQLite connection belongs to the thread that made it: one per background job.
        with Workspace.open(self.data_dir) as ws:
            return func(ws)

    def _finisher(self, on_done: Callable[[Any], None] | None, announce: tuple[str, ...],
                  on_error: Callable[[], None] | None = None,
                  handle_error: Callable[[BaseException], bool] | None = None):
        """on_error() runs after any failure; handle_error(error) may take over the message (returns True)."""

        def finish(result: Any, error: BaseException | None) -> None:
            if error is not None:
                if handle_error is not None and handle_error(error):
                    return
                if on_error is not None:
                    on_error()
                self.show_error(error)
                return
            if on_done is not None:
                on_done(result)
            self.hub.announce(*announce)

        return finish

    def show_error(self, error: BaseException) -> None:
        if isinstance(error, EcoFieldError):
            self.dialogs.error(QCoreApplication.translate("AppContext", "Cannot do that"), str(error))
        else:
            self.dialogs.error(QCoreApplication.translate("AppContext", "Something went wrong"),
                               messages.describe_exception(error))

    def close(self) -> None:
        self.ws.close()
