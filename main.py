"""Start the EcoField desktop application: python main.py [--data-dir DIR] [--lang en] [--pseudo]."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
