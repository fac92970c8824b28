"""Web content (saved pages, feed entries) turned into readable text; no Textual here."""
