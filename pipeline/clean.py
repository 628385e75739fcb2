"""Text normalisation (placeholder)."""

from __future__ import annotations

from .models import CleanText


def clean_pages(pages: list[str]) -> CleanText:
    starts, parts, pos = [], [], 0
    for page in pages:
        starts.append(pos)
        parts.append(page)
        pos += len(page) + 1
    return CleanText(text="\n".join(parts), page_starts=starts or [0])
