"""Generate a large corpus for benchmarks by recombining the sample documents' paragraphs.

Run:  .venv/bin/python bench/make_corpus.py OUT [--docs 5000] [--pdf-share 0.05] [--seed 8]

The paragraphs of corpus/ (read through ``pipeline.ingest.read`` and ``pipeline.ingest.clean.clean_pages``)
are shuffled with a fixed seed into documents of 300 to 4,000 words (about 2,000 on average, so
5,000 documents hold about 10 million words); years, day numbers and place names are varied a
little so that documents differ. A share of the documents (``--pdf-share``) is rendered to PDF with
``scripts/render_pdf.py``; the rest are UTF-8 text files. Text goes to OUT/text/, PDFs to OUT/pdf/.
The same arguments always give the same corpus.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.ingest.clean import clean_pages  # noqa: E402
from pipeline.ingest import ReadError, read  # noqa: E402

_log = logging.getLogger(__name__)

KINDS = ["Notitie", "Raadsvoorstel", "Besluitenlijst", "Collegebesluit", "Memo", "Advies", "Verslag"]
PLACES = ["Enschede", "Hengelo", "Almelo", "Oldenzaal", "Borne", "Hof van Twente", "Losser", "Rijssen-Holten",
          "Tubbergen", "Dinkelland", "Haaksbergen", "Hellendoorn", "Twenterand", "Wierden"]
_PLACE = re.compile(r"\b(" + "|".join(re.escape(p) for p in PLACES) + r")\b")
_YEAR = re.compile(r"\b(20[0-2]\d)\b")
_DAY_MONTH = re.compile(r"\b([1-9]|[12]\d)( (?:januari|februari|maart|april|mei|juni|juli|augustus|september|"
                        r"oktober|november|december))\b")


def paragraphs(corpus: Path) -> list[str]:
    """The paragraphs (blocks between blank lines) of every readable document in ``corpus``."""
    out: list[str] = []
    for path in sorted(corpus.iterdir()):
        if not path.is_file():
            continue
        try:
            text = clean_pages(read(path).pages).text
        except ReadError as exc:
            _log.warning("%s", exc)
            continue
        out += [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.split()) >= 4]
    if not out:
        raise SystemExit(f"no readable paragraphs in {corpus}")
    return out


def _vary(text: str, rng: random.Random, shift: int, place: str) -> str:
    text = _YEAR.sub(lambda m: str(min(2029, max(2000, int(m.group(1)) + shift))), text)
    text = _DAY_MONTH.sub(lambda m: f"{rng.randint(1, 28)}{m.group(2)}" if rng.random() < 0.5 else m.group(0),
                          text)
    return _PLACE.sub(lambda m: place if rng.random() < 0.3 else m.group(0), text)


def document(paras: list[str], n: int, seed: int) -> str:
    """The text of generated document number ``n``: a kind line, a title, shuffled paragraphs."""
    rng = random.Random(seed * 1_000_003 + n)
    target = int(min(4000, max(300, rng.lognormvariate(7.45, 0.6))))
    shift, place = rng.randint(-4, 4), rng.choice(PLACES)
    order = list(range(len(paras)))
    rng.shuffle(order)
    body, words = [], 0
    for i in order * (1 + target // 500):
        para = _vary(paras[i], rng, shift, place)
        body.append(para)
        words += len(para.split())
        if words >= target:
            break
    kind = rng.choice(KINDS)
    title = f"{kind} {place}: " + " ".join(body[0].lstrip("•- ").split()[:6]).rstrip(".,;:")
    return "\n\n".join([kind, title, *body]) + "\n"


def _render(job: tuple[str, str]) -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    from render_pdf import render

    text, out = job
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fh:
        fh.write(text)
    try:
        return render(Path(fh.name), Path(out))
    finally:
        Path(fh.name).unlink()


def generate(out: Path, docs: int, pdf_share: float = 0.05, seed: int = 8, corpus: Path = ROOT / "corpus",
             processes: int | None = None) -> dict[str, int]:
    """Write ``docs`` documents under ``out`` (text/ and pdf/); return counts of files and words."""
    paras = paragraphs(corpus)
    (out / "text").mkdir(parents=True, exist_ok=True)
    (out / "pdf").mkdir(parents=True, exist_ok=True)
    n_pdf = round(docs * pdf_share)
    pdf_every = docs / n_pdf if n_pdf else 0
    pdf_numbers = {int(i * pdf_every) for i in range(n_pdf)}
    jobs, words = [], 0
    for n in range(docs):
        text = document(paras, n, seed)
        words += len(text.split())
        name = f"gen{n:05d}"
        if n in pdf_numbers:
            jobs.append((text, str(out / "pdf" / f"{name}.pdf")))
        else:
            (out / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    pages = 0
    if jobs:
        with multiprocessing.get_context("spawn").Pool(processes) as pool:
            pages = sum(pool.imap_unordered(_render, jobs, chunksize=2))
    return {"documents": docs, "text": docs - len(jobs), "pdf": len(jobs), "pdf_pages": pages, "words": words}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write (text/ and pdf/ inside)")
    parser.add_argument("--docs", type=int, default=5000, help="number of documents (default 5000)")
    parser.add_argument("--pdf-share", type=float, default=0.05, help="share rendered to PDF (default 0.05)")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus", help="sample documents to recombine")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    t0 = time.perf_counter()
    counts = generate(args.out, args.docs, args.pdf_share, args.seed, args.corpus)
    print(f"{args.out}: {counts['documents']} documents ({counts['text']} text, {counts['pdf']} PDF with "
          f"{counts['pdf_pages']} pages), {counts['words']:,} words in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
