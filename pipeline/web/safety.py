"""What keeps a hostile document from acting in a reader's browser.

Every response carries a Content-Security-Policy (scripts only from this site, no frames, no plugins),
``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY`` and a ``Referrer-Policy``
(``SecurityHeaders``, a Starlette middleware). Original files are shown in the browser only when they
are PDF or plain text; anything else (HTML, XHTML, SVG, XML, ...) is sent as a download
(``serving``), and an original file's own response is sandboxed, so a script inside it never runs
as this site.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: The pages' policy: their own script file, their inline styles, nothing from elsewhere.
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
#: An original file's policy: no script at all, an opaque origin (``sandbox``), no frames.
FILE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; sandbox"
#: PDFs are shown by the browser's own viewer, which a ``sandbox`` policy would stop.
PDF_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"
HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}
#: Types the browser may show inline; every other original is a download.
INLINE_TYPES = ("application/pdf", "text/plain")
#: Suffixes of plain text that ``mimetypes`` may not know.
TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".text")


def serving(path: Path) -> tuple[str, str, str]:
    """(media type, "inline" or "attachment", Content-Security-Policy) for an original file."""
    media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.suffix.lower() in TEXT_SUFFIXES:
        media = "text/plain"
    if media == "text/plain":
        return "text/plain; charset=utf-8", "inline", FILE_POLICY
    if media == "application/pdf":
        return media, "inline", PDF_POLICY
    # HTML, XHTML, SVG, XML and whatever else: never rendered as this site; sent as plain bytes to save.
    return "application/octet-stream", "attachment", FILE_POLICY


class SecurityHeaders:
    """ASGI middleware: the security headers on every HTTP response (a route's own CSP is kept)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for name, value in HEADERS.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", PAGE_POLICY.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
