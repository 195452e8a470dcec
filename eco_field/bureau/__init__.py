"""The reference bureau server: FastAPI app, storage behind a small interface, admin services."""
