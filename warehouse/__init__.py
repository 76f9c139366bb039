"""The SQLite warehouse: versioned schema and every write. The .db file itself is not committed."""
