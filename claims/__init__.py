"""From article text to tagged atomic claims: ingest, structure, sentences, claims, tags."""
