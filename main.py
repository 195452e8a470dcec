"""Start the EcoField desktop application: python main.py [--data-dir DIR] [--lang en] [--pseudo]."""

import sys

# sqlite-utils imports numpy, when installed, only to map numpy column types, which EcoField never stores;
# nothing in the application uses numpy, so the GUI process skips it (about a quarter of a second).
sys.modules.setdefault("numpy", None)

# The window is shown before the data folder is opened (ui.startup): the core's store is imported by a
# background job after the first paint, and sqlite-utils only once the first screen is up (ui.app.warm_up).
from ui.app import main  # noqa: E402

if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # the PyInstaller bundle: photo import's worker processes start through
        import multiprocessing  # this program, and must run the worker, not open a second window

        multiprocessing.freeze_support()
    sys.exit(main())
