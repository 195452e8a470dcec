"""EcoField core: everything an enforcement officer's laptop does, without Qt."""

__version__ = "0.1.0"
