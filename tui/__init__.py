"""The Textual review desk; the only package that imports textual."""
