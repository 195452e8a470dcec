"""The EcoField desktop application (PySide6). It calls the services in eco_field/ and never writes SQL."""
