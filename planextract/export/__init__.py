"""Export of batch results (the JSON files) to normalised tables: SQLite or CSV."""
