"""tuireader: a terminal reader for news articles with a fact-timeline view."""

__version__ = "0.1.0"
