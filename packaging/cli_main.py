"""The bundled command line (eco-field): the same entry point as the installed console script."""

import sys

from eco_field.cli import main

if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # photo import's worker processes start through this program when frozen
    sys.exit(main())
