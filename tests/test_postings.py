"""Term and phrase scores read from Whoosh's posting blocks must be Whoosh's own scores."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from whoosh.query import Phrase, Term

from pipeline.index.writer import open_existing
from pipeline.search.postings import Postings
from pipeline.search.engine import _AllScores


def _whoosh(searcher, q):
    c = _AllScores()  # every match with Whoosh's own score
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


@pytest.mark.parametrize("arrays", [False, True, "weights only"], ids=["blocks", "warm arrays", "arrays without scores"])
def test_postings_scores_equal_whooshs_for_every_term(changed_index, arrays):
    import json

    from pipeline.search.postings import warm

    shutil.rmtree(changed_index / "postings", ignore_errors=True)
    if arrays:
        written = warm(changed_index, min_df=2)  # most words, so the arrays are what is read
        assert written is not None
        if arrays == "weights only":  # arrays an older spoor wrote: the scores worked out from the weights
            (written / "scores.npy").unlink()
            meta = json.loads((written / "meta.json").read_text(encoding="utf-8"))
            del meta["scoring"]
            (written / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with open_existing(changed_index).searcher() as searcher:
        reader = searcher.reader()
        assert not reader.is_atomic() or any(r.has_deletions() for r, _ in reader.leaf_readers())
        fast = Postings(searcher)
        fast.use_cache(changed_index)
        assert fast.usable and (fast.cache is not None) == bool(arrays)
        assert not arrays or (fast.cache.scores is not None) == (arrays is True)  # the scores warm wrote
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
@pytest.mark.parametrize("field", ["text", "names"])
def test_postings_phrases_match_and_score_as_whoosh(changed_index, words, field):
    from pipeline.search.postings import warm

    warm(changed_index, min_df=2)
    with open_existing(changed_index).searcher() as searcher:
        q = Phrase(field, words if field == "text" else ["regio", "twente"], boost=0.8)
        fast = Postings(searcher)
        fast.use_cache(changed_index)
        assert fast.cache is not None
        ids, scores = fast.score(q)
        want_ids, want_scores = _whoosh(searcher, q)
        assert ids.tolist() == want_ids.tolist()
        assert scores.tolist() == want_scores.tolist()


def test_postings_leave_other_queries_to_whoosh(changed_index):
    from whoosh.query import Prefix

    with open_existing(changed_index).searcher() as searcher:
        assert Postings(searcher).score(Prefix("text", "regio")) is None


def test_postings_arrays_of_an_older_generation_are_not_read(tmp_path, corpus_copy):
    """After a build commits, the arrays of the generation before are neither used nor kept."""
    from pipeline.build import build
    from pipeline.search.postings import CACHE, warm
    from pipeline.search import search

    docs, folder = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir()
    for f in sorted(corpus_copy.glob("00[12]*.txt")):
        shutil.copy(f, docs / f.name)
    build([docs], folder)
    first = warm(folder, min_df=1)
    assert first is not None and search(folder, "Twenteraad").hits
    for f in sorted(corpus_copy.glob("003*.txt")):
        shutil.copy(f, docs / f.name)
    build([docs], folder)
    with open_existing(folder).searcher() as searcher:
        fast = Postings(searcher)
        fast.use_cache(folder)
        assert fast.cache is None  # the arrays are of the generation before
    second = warm(folder, min_df=1)
    assert second != first and [p.name for p in (folder / CACHE).iterdir()] == [second.name]
    assert {h.doc_id[:3] for h in search(folder, "Veilig Thuis Twente", limit=50).hits} >= {"003"}


def test_a_leafs_passages_come_in_document_order(built_index):
    # the pool of a page is chosen by bounds looked up in the leaves' passages (engine._pool_by_bounds,
    # np.searchsorted): they must be sorted, however the term or phrase was scored
    from whoosh.query import Phrase, Term

    from pipeline.search.engine import index_state

    from pipeline.search.snippets import TOKENS, analyzed_stems

    (work,), (regio,), (twente,) = (analyzed_stems(TOKENS, w) for w in ("samenwerking", "regio", "twente"))
    with index_state(built_index) as state:
        names = next(iter(state.searcher.reader().lexicon("names")))  # a name in the names field
        for q in (Term("text", work), Term("text", twente), Phrase("text", [regio, twente]), Term("names", names)):
            ids = state.scores.leaf(q, state.searcher)[0]
            assert len(ids) and (ids[1:] > ids[:-1]).all(), q


def test_word_analyses_are_kept_per_analysis_not_per_analyzer():
    # analyses are kept across index generations (each opens its schema's analyzers anew), so two
    # analyzers that analyse alike share them, and two that do not (stemmed or not) never do
    import pickle

    from whoosh.analysis import Filter, RegexTokenizer

    from pipeline.index.writer import dutch_analyzer
    from pipeline.search.snippets import analysis_key, analyzed_stems

    written = pickle.dumps(dutch_analyzer())  # as an index's schema holds it: each generation opened unpickles it
    stemmed, again, plain = pickle.loads(written), pickle.loads(written), dutch_analyzer(stem=False)
    assert stemmed is not again and analysis_key(stemmed) == analysis_key(again) != analysis_key(plain)
    assert analyzed_stems(stemmed, "gemeenten") == analyzed_stems(again, "gemeenten") == ["gemeent"]
    assert analyzed_stems(plain, "gemeenten") == ["gemeenten"]
    class NoX(Filter):  # a class of a function's own: an analyzer with it cannot be pickled
        def __call__(self, tokens):
            return (t for t in tokens if t.text != "x")

    class Same(Filter):
        def __call__(self, tokens):
            return tokens

    odd, other = RegexTokenizer(r"\w+") | NoX(), RegexTokenizer(r"\w+") | Same()
    assert analysis_key(odd) != analysis_key(other)
    assert analyzed_stems(odd, "a x b") == ["a", "b"] and analyzed_stems(other, "a x b") == ["a", "x", "b"]
