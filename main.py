"""Start the EcoField desktop application: python main.py [--data-dir DIR] [--lang en] [--pseudo]."""

import sys

# sqlite-utils imports numpy, when installed, only to map numpy column types, which EcoField never stores;
# nothing in the application uses numpy, so the GUI process skips it (about a quarter of a second).
sys.modules.setdefault("numpy", None)

# The core before PySide6: PySide6 inspects the source of every module imported after it (its __feature__
# hook), which makes importing sqlite-utils and the core after it slower.
import eco_field.workspace  # noqa: E402, F401
from ui.app import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
