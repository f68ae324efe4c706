"""Reading guides written in the Markdown guide format."""

from bot.guides.markdown.reader import ReadResult, read_guide, read_guide_file, slugify

__all__ = ["ReadResult", "read_guide", "read_guide_file", "slugify"]
