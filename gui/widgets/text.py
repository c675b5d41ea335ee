"""The only way file text reaches rich-text widgets: escaped, inside the app's own markup.

Qt guesses whether a string is rich text (tooltips, labels in AutoText mode, QTextBrowser),
so a pack or a submission saying `<img src=...>` would otherwise be rendered. Every value
from a file goes through `esc`, and links are made only for https URLs.
"""

from __future__ import annotations

import html


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally, wrapped to a readable width."""
    return f"<p style='white-space:pre-wrap'>{esc(text)}</p>" if text else ""


def link(url: str, label: str) -> str:
    """A clickable link for https URLs only; anything else is shown as plain text."""
    if url.startswith("https://"):
        return f"<a href='{esc(url)}'>{esc(label)}</a>"
    return esc(label)
