"""Term and phrase scores read from Whoosh's posting blocks must be Whoosh's own scores."""

from __future__ import annotations

import shutil
from array import array
from pathlib import Path

import numpy as np
import pytest
from whoosh.collectors import ScoredCollector
from whoosh.query import Phrase, Term

from pipeline.index import open_existing
from pipeline.postings import Postings


class _Every(ScoredCollector):
    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context)
        self.ids, self.values = array("i"), array("d")

    def _collect(self, global_docnum, score):
        self.ids.append(global_docnum)
        self.values.append(score)
        return 0

    def results(self):
        return None


def _whoosh(searcher, q):
    c = _Every()
    searcher.search_with_collector(q, c)
    return np.frombuffer(c.ids, dtype=np.int32), np.frombuffer(c.values, dtype=np.float64)


@pytest.fixture(scope="module")
def changed_index(tmp_path_factory, corpus_copy) -> Path:
    """An index built, then rebuilt after one document changed and one left: two segments, deletions."""
    from pipeline.build import build

    docs, folder = tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("ix")
    for f in sorted(corpus_copy.glob("*.txt")) + sorted(corpus_copy.glob("*.pdf")):
        shutil.copy(f, docs / f.name)
    build([docs], folder)
    first = sorted(docs.glob("*.txt"))
    first[0].write_text(first[0].read_text(encoding="utf-8") + "\n\nDe regioraad besloot tot samenwerking.\n",
                        encoding="utf-8")
    first[-1].unlink()
    build([docs], folder)
    return folder


def test_postings_scores_equal_whooshs_for_every_term(changed_index):
    with open_existing(changed_index).searcher() as searcher:
        reader = searcher.reader()
        assert not reader.is_atomic() or any(r.has_deletions() for r, _ in reader.leaf_readers())
        fast = Postings(searcher)
        assert fast.usable
        checked = 0
        for field in ("text", "names", "title", "bodies", "orgs", "doc_type"):
            for term in list(reader.lexicon(field))[::4]:
                q = Term(field, term.decode("utf-8"), boost=1.7)
                ids, scores = fast.score(q)
                want_ids, want_scores = _whoosh(searcher, q)
                assert ids.tolist() == want_ids.tolist(), (field, term)
                assert scores.tolist() == want_scores.tolist(), (field, term)  # the same floats, not near ones
                checked += 1
        assert checked > 400


@pytest.mark.parametrize("words", [["regio", "twent"], ["algemen", "bestur"], ["veilig", "thuis", "twent"],
                                   ["de", "regioraad"], ["twent", "twent"], ["niet", "bestaand"]])
def test_postings_phrases_match_and_score_as_whoosh(changed_index, words):
    with open_existing(changed_index).searcher() as searcher:
        q = Phrase("text", words, boost=0.8)
        ids, scores = Postings(searcher).score(q)
        want_ids, want_scores = _whoosh(searcher, q)
        assert ids.tolist() == want_ids.tolist()
        assert scores.tolist() == want_scores.tolist()


def test_postings_leave_other_queries_to_whoosh(changed_index):
    from whoosh.query import Prefix

    with open_existing(changed_index).searcher() as searcher:
        assert Postings(searcher).score(Prefix("text", "regio")) is None
