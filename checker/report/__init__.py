"""The credibility report and the exports: the story, scorecards, renderers, interchange formats.
It reads no SQL: ``checker.review.reading`` loads what it needs from the store."""
