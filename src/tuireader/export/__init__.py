"""Markdown export of articles with their timeline and notes (plain Python, no Textual).

The app and `tuireader export` both call `gather` per article, then `export_articles`;
`render_article` is the pure core (same data, same bytes).
"""

from tuireader.export.document import (
    ExportItem,
    PlacedNote,
    block_id,
    layout_notes,
    place_note,
    render_article,
    render_combined,
    render_item,
)
from tuireader.export.gathering import Timeline, annotated, gather, gather_many
from tuireader.export.timestamps import export_now, format_time, parse_exported_at
from tuireader.export.writing import (
    COMBINED_NAME,
    ExportError,
    export_articles,
    file_name,
    is_export_file,
    slug,
)

__all__ = [
    "COMBINED_NAME",
    "ExportError",
    "ExportItem",
    "PlacedNote",
    "Timeline",
    "annotated",
    "block_id",
    "export_articles",
    "export_now",
    "file_name",
    "format_time",
    "gather",
    "gather_many",
    "is_export_file",
    "layout_notes",
    "parse_exported_at",
    "place_note",
    "render_article",
    "render_combined",
    "render_item",
    "slug",
]
