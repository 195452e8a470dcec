"""Law: the violation catalog, the discretion (fine) calculator, cases and their statutory deadlines."""
