"""The review store and what works on it: schema, records, every SQL statement (``store``), the
verdict ledger, incremental analysis and the desk's rows."""
