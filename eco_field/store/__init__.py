"""SQLite access: opening and migrating the database, transactions, repositories."""
