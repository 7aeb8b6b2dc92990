"""Comparing claims: words, times, quantities, normalisation, scoring, blocking, relations and
corroboration. Pure: no storage, no UI."""
