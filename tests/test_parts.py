"""What deriving subjects keeps of each document between builds (``pipeline.link.parts``): the parts read
back are what was stored, a damaged one is made again, and the words most documents hold, counted only for
the documents a build adds, are those a count over every document gives (issue 19)."""

from __future__ import annotations

import random

from pipeline.link.parts import DocParts, WordCounts, pack
from pipeline.link.relations import COMMON_SHARE


class FakeStore:
    """The store methods the parts use: ``derived_state`` and ``document_parts``, in memory."""

    def __init__(self) -> None:
        self.state: dict[str, bytes] = {}
        self.rows: dict[str, tuple[str, bytes]] = {}

    def derived_state(self, name):
        return self.state.get(name)

    def put_derived_state(self, name, value):
        self.state[name] = value

    def document_parts(self):
        return [(doc_id, key, blob) for doc_id, (key, blob) in self.rows.items()]

    def put_document_parts(self, rows):
        for doc_id, key, blob in rows:
            self.rows[doc_id] = (key, blob)


def test_parts_are_read_back_one_by_one_and_a_damaged_one_is_made_again(caplog):
    store, keys = FakeStore(), {"a": "k1", "b": "k2"}
    parts = DocParts(keys=keys)
    for doc_id in keys:
        part = parts.for_doc(doc_id)
        assert "hits" not in part
        part["hits"] = {"Kustfonds Noord": [[3, 18, "Kustfonds Noord"]]}
        part["cues"] = [[0, 10, 1, []]]
        parts.release(doc_id, "cues")  # made now: kept (encoded) to be written
        assert part["cues"] == [[0, 10, 1, []]]
        parts.release(doc_id, "cues")
    parts.names_after = {"Kustfonds Noord"}
    assert parts.save(store, keys) == 2
    again = DocParts.load(store, keys)
    part = again.for_doc("a")
    assert part["cues"] == [[0, 10, 1, []]] and "hits" in part
    again.release("a", "cues")
    assert "cues" not in part  # let go of once used
    assert again.for_doc("b")["hits"]["Kustfonds Noord"] == [[3, 18, "Kustfonds Noord"]]

    key, blob = store.rows["a"]
    store.rows["a"] = (key, pack({"hits": b"not compressed", "cues": b"x"}))
    damaged = DocParts.load(store, keys).for_doc("a")
    assert "hits" not in damaged  # the scan makes it again
    assert "cannot be read" in caplog.text
    changed = DocParts.load(store, {"a": "k1", "b": "k3"})  # b's text changed: its parts are not used
    assert "hits" not in changed.for_doc("b")


def brute_common(docs: dict[str, set[str]]) -> set[str]:
    counts: dict[str, int] = {}
    for words in docs.values():
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    return {w for w, n in counts.items() if n >= COMMON_SHARE * len(docs)}


def count_like_a_build(store, docs: dict[str, set[str]]) -> tuple[set[str], int]:
    """What a derivation does: load the counts kept, count the documents they lack (all of them when they
    cannot tell), save; the common words and how many documents were counted."""
    keys = {doc_id: f"v:{doc_id}" for doc_id in docs}
    words = WordCounts.load(store, keys)
    if not words.usable(COMMON_SHARE, len(docs)):
        words = WordCounts()
    counted = 0
    for doc_id in sorted(docs):
        if not words.counted(doc_id):
            words.add(doc_id, keys[doc_id], "\n".join(sorted(docs[doc_id])))
            counted += 1
    common = words.common(COMMON_SHARE)
    words.save(store)
    return common, counted


def test_word_counts_kept_between_builds_give_the_common_words_of_every_document():
    rng = random.Random(19)
    vocabulary = [f"w{k}" for k in range(30)]
    docs: dict[str, set[str]] = {}
    store = FakeStore()
    counted_in_steps = []
    for step in range(40):
        for _ in range(rng.choice([1, 1, 2, 5])):  # documents added; words grow common or rare over time
            bias = step / 40
            docs[f"d{len(docs):03d}"] = {w for k, w in enumerate(vocabulary)
                                         if rng.random() < (bias if k < 10 else 1 - bias if k < 20 else 0.5)}
        common, counted = count_like_a_build(store, docs)
        assert common == brute_common(docs), step
        counted_in_steps.append(counted)
    assert sum(counted_in_steps) < 3 * len(docs)  # mostly the added documents, not every one each time

    del docs["d001"]  # a document removed: every one is counted again
    common, counted = count_like_a_build(store, docs)
    assert common == brute_common(docs) and counted == len(docs)
