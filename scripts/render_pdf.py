"""Render a plain-text seed document as a realistic multi-page A4 policy PDF.

    .venv/bin/python scripts/render_pdf.py SRC.txt OUT.pdf [--title T] [--header H]

The PDF has what real policy PDFs have and a reader must cope with: a running header (the
document title) and footer ("PAGINA n/N") on every page, justified paragraphs with Dutch words
hyphenated at line ends (pyphen's nl_NL dictionary through reportlab), headings and bullet lists.
The seed's paragraphs are found with ``pipeline.ingest.clean.clean_pages``; old page footers in the
seed ("PAGINA 3/7") are dropped, since the PDF draws its own.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pipeline.ingest.clean import clean_pages, is_item  # noqa: E402

_log = logging.getLogger(__name__)

FONT, BOLD = "Helvetica", "Helvetica-Bold"  # WinAnsi: covers é ë ï ö € ‘ ’ “ ” – •
_BULLET = re.compile(r"^([•·▪\-–])\s+")

BODY = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=14.5, alignment=TA_JUSTIFY,
                      spaceAfter=6, hyphenationLang="nl_NL", embeddedHyphenation=1,
                      hyphenationMinWordLength=6)
ITEM = ParagraphStyle("item", parent=BODY, leftIndent=7 * mm, bulletIndent=2 * mm, spaceAfter=3)
HEADING = ParagraphStyle("heading", fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=10,
                         spaceAfter=5, keepWithNext=1)
TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=17, leading=22, spaceAfter=12)
KIND = ParagraphStyle("kind", fontName=FONT, fontSize=11, leading=14, spaceAfter=4,
                      textColor="#555555")


def _is_heading(line: str) -> bool:
    """A short line without end punctuation, that starts with a capital or a digit."""
    return (len(line) <= 70 and not line.endswith((".", ",", ";", ":", "!", "?"))
            and (line[0].isupper() or line[0].isdigit()) and not _BULLET.match(line)
            and len(line.split()) <= 8)


def _title(lines: list[str]) -> str:
    for line in lines[:5]:
        if len(line.split()) >= 3 and len(line) <= 100:
            return line
    return lines[0]


def flowables(lines: list[str], title: str) -> list:
    """Paragraph flowables for the cleaned lines of a seed document."""
    story: list = []
    for line in lines:
        text = escape(line)
        bullet = _BULLET.match(line)
        if line == title:
            story.append(Paragraph(text, TITLE))
        elif not story and len(line.split()) <= 2:
            story.append(Paragraph(text, KIND))  # "Notitie", "Raadsvoorstel"
        elif bullet:
            story.append(Paragraph(escape(line[bullet.end():]), ITEM, bulletText=bullet.group(1)))
        elif is_item(line):
            story.append(Paragraph(text, BODY))
        elif _is_heading(line):
            story.append(Paragraph(text, HEADING))
        else:
            story.append(Paragraph(text, BODY))
    return story


def _numbered_canvas(header: str):
    """A canvas class that draws the header and "PAGINA n/N" once the page count is known."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = A4
            self.saveState()
            self.setFont(FONT, 8.5)
            self.setFillColor("#444444")
            self.drawString(20 * mm, height - 14 * mm, header)
            self.setLineWidth(0.4)
            self.line(20 * mm, height - 16 * mm, width - 20 * mm, height - 16 * mm)
            self.drawRightString(width - 20 * mm, 12 * mm, f"PAGINA {self._pageNumber}/{total}")
            self.restoreState()

    return NumberedCanvas


def render(src: Path, out: Path, title: str | None = None, header: str | None = None) -> int:
    """Render the text file ``src`` to the PDF ``out``; return the number of pages."""
    raw = src.read_text(encoding="utf-8")
    lines = [line for line in clean_pages([raw]).text.split("\n") if line.strip()]
    title = title or _title(lines)
    kind = lines[0] if len(lines[0].split()) <= 2 else ""
    header = header or (f"{kind} | {title}" if kind else title)
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm,
                            topMargin=24 * mm, bottomMargin=22 * mm, title=title,
                            author="Regio Twente", subject=kind or title,
                            invariant=True)  # same input, same bytes
    story = flowables(lines, title)
    story.insert(0, Spacer(1, 2 * mm))
    doc.build(story, canvasmaker=_numbered_canvas(header))
    return doc.page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("src", type=Path, help="seed text file (UTF-8)")
    parser.add_argument("out", type=Path, help="PDF to write")
    parser.add_argument("--title", help="document title (default: first line of 3+ words)")
    parser.add_argument("--header", help="running header text (default: '<kind> | <title>')")
    args = parser.parse_args(argv)
    try:
        pages = render(args.src, args.out, args.title, args.header)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{args.src}: cannot be rendered ({exc})", file=sys.stderr)
        return 1
    print(f"{args.out}: {pages} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
