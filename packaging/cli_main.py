"""The bundled command line (eco-field): the same entry point as the installed console script."""

import sys

from eco_field.cli import main

if __name__ == "__main__":
    sys.exit(main())
