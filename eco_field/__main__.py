import sys

from eco_field.cli import main

sys.exit(main())
