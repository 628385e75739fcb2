"""Search on the PostgreSQL store: the same query language, filters, facets and JSON as the Whoosh
search (``pipeline.search.engine``), answered by PostgreSQL's full-text search.

A query is read as in the Whoosh backend: quoted phrases, AND / OR / NOT (or ``-word``), OR between
plain words by default, question words kept as the intent. Each word or name becomes one *concept*,
a ``tsquery`` of every way it can be written:

- names with their other names and abbreviations (the same alias table: knowledge base and store);
- for words the index does not know: the nearest words of the index (``pg_trgm`` over the
  ``vocabulary`` table, the surface words of all passages), which also give "did you mean";
- two typed words the index knows as one ("Twente Bedrijf" -> "twentebedrijf").

Passages are ranked with ``ts_rank`` (entity names weigh more than text, the title less), grouped per
document like the Whoosh results, and each gets a ``ts_headline`` snippet with the matched words
marked ``**like this**``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from ..index import compounds
from . import wordforms
from ..link.aliases import alias_table, fold
from .engine import (ITEM_PASSAGES, MARK_CLOSE, MARK_OPEN, SNIPPET_CHARS, FacetCount, QueryError, SearchResult, add_text,
                     alias_forms, Concept, counted_stems, group_rows, Matcher, analyzed_stems, signature_passages, TOKENS)
from ..store import store_signature
from ..store.postgres import shared_store

CONFIG = "spoor_dutch"
# ts_rank weights for {D, C, B, A}: title C, text B, entity names A (as the Whoosh field boosts)
RANK_WEIGHTS = "{0.1, 0.4, 0.8, 1.0}"  # (at most 1 each)
# normalised by the log of the passage's length; the words as typed (qq.e) count once more than their
# other forms (parts of a compound, near words, identifiers holding a part): an exact match ranks first
RANK_SQL = f"(ts_rank('{RANK_WEIGHTS}', p.tsv, qq.q, 1) + ts_rank('{RANK_WEIGHTS}', p.tsv, qq.e, 1))"
HEADLINE = (f"StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords=40, MinWords=18, ShortWord=2, "
            "MaxFragments=2, FragmentDelimiter=\" … \"")
# pg_trgm similarity of an index word to a typed word the index does not know: to search it too,
# and to suggest it instead ("did you mean")
NEAR_SIMILARITY, SUGGEST_SIMILARITY = 0.3, 0.45
# other names searched per name typed: each is one more phrase of the tsquery, cheap for the database, so
# every form the Whoosh backend would search and more (``engine.alias_forms`` leaves out the redundant ones)
MAX_ALIAS_FORMS = 32
_OPERATORS = {"AND", "OR", "NOT"}


@dataclass
class _Clause:
    """One word, phrase or name of the query, as SQL (a tsquery expression) and its parameters."""

    sql: str
    args: list = field(default_factory=list)
    negated: bool = False
    join: str = "||"  # how it joins the clause before it: || (OR) or && (AND)
    exact: tuple[str, list] | None = None  # the clause's words as typed (SQL, parameters), for the rank


class PgSearch:
    """The PostgreSQL backend: the same query plan answered by the database's full-text search."""

    def search(self, url: str, text: str, words: str, intent: str | None, limit: int, **filters) -> SearchResult:
        return search_database(url, text, words, intent, limit, **filters)

    def passages_naming(self, url: str, forms: list[str]) -> list[dict]:
        return passages_naming(url, forms)

    def generation(self, url: str) -> tuple:
        return store_signature(url)


def search_database(url: str, text: str, words: str, intent: str | None, limit: int, *,
                    doc_type=None, body=None, organisation=None, year_from=None, year_to=None,
                    date_from=None, date_to=None, sort="relevance", facets=False, per_doc=None,
                    government=None, shown=None, budget=None) -> SearchResult:
    """``pipeline.search.search`` on a PostgreSQL store (``budget`` is the database's to keep: unused)."""
    table = alias_table(url)
    with shared_store(url) as store:
        clauses, concepts, also, suggestion = _plan(store, words, table)
        positive = [c for c in clauses if not c.negated]
        if not positive:
            raise QueryError("the query has only excluded words: add a word to search for")
        q_sql, q_args = _tsquery(clauses)
        where, w_args = _filters(table, doc_type, body, organisation, year_from, year_to, date_from, date_to,
                                 government)
        want = max(limit * 6, 30)  # passages: the best few of somewhat more documents than shown
        match = (f"FROM passages p JOIN documents d ON d.doc_id = p.doc_id, ({q_sql}) AS qq(q, e) "
                 f"WHERE p.tsv @@ qq.q{where}")
        rows = store._exec(
            f"SELECT m.*, ts_headline('{CONFIG}', m.text, m.q, '{HEADLINE}') AS headline FROM ("
            f"SELECT p.doc_id, p.passage_no, p.page, p.text, p.bodies, p.orgs, d.title, d.date, d.doc_type, qq.q, "
            f"d.meeting_body, d.meeting_date, d.government, "
            f"{RANK_SQL} AS score {match} "
            f"ORDER BY score DESC, p.doc_id, p.passage_no LIMIT ?) m ORDER BY m.score DESC, m.doc_id, m.passage_no",
            [*q_args, *w_args, want]).fetchall()
        per_doc_counts = {r["doc_id"]: int(r["n"]) for r in store._exec(
            f"SELECT p.doc_id, COUNT(*) AS n {match} GROUP BY p.doc_id", [*q_args, *w_args]).fetchall()}
        total = sum(per_doc_counts.values())
        facet_counts = _facets(store, match, [*q_args, *w_args]) if facets else {}
        headlines: dict[str, str] = {}
        fields = []
        for r in rows:
            f = _fields(r)
            headlines[f["text"]] = " ".join((r["headline"] or "").split())
            fields.append((float(r["score"]) * 10, f))
        if intent == "signer":
            fields += _signature_rows(store, fields, limit, headlines)
        groups = group_rows(fields, _Headlines(Matcher(concepts, counted=counted_stems(text) if intent == "number" else frozenset()), headlines), intent, limit, sort, per_doc,
                            per_doc_counts, shown=shown, following=lambda f: _following(store, f))
    hits = [h for g in groups for h in g.hits]
    return SearchResult(query=text, total=total, documents=len(per_doc_counts), hits=hits, suggestion=suggestion,
                        groups=groups, facets=facet_counts, intent=intent, also=also, matching=list(per_doc_counts))


def _fields(r) -> dict:
    """A passage row as the stored fields ``group_rows`` reads."""
    return {"doc_id": r["doc_id"], "passage_no": r["passage_no"], "page": r["page"], "text": r["text"] or "",
            "title": r["title"] or "", "date": r["date"] or "", "doc_type": r["doc_type"] or "",
            "bodies": ",".join(r["bodies"] or []), "orgs": ",".join(r["orgs"] or []),
            "meeting_body": r["meeting_body"] or "", "meeting_date": r["meeting_date"] or "",
            "government": r["government"] or ""}


_PASSAGE_COLUMNS = ("p.doc_id, p.passage_no, p.page, p.text, p.bodies, p.orgs, d.title, d.date, d.doc_type, "
                    "d.meeting_body, d.meeting_date, d.government")


def _signature_rows(store, fields: list, limit: int, headlines: dict[str, str]) -> list:
    """For a question about who signed: the passages of the first ``limit`` documents found that the query
    did not find, where their signature may be (``engine.signature_passages``), each scored as its
    document's weakest passage found (as the Whoosh backend's ``_signature_rows``)."""
    weakest: dict[str, float] = {}
    for score, f in fields:
        if f["doc_id"] in weakest or len(weakest) < limit:
            weakest[f["doc_id"]] = min(score, weakest.get(f["doc_id"], score))
    if not weakest:
        return []
    found = {(f["doc_id"], f["passage_no"]) for _, f in fields}
    rows = store._exec(f"SELECT {_PASSAGE_COLUMNS} FROM passages p JOIN documents d ON d.doc_id = p.doc_id "
                       "WHERE p.doc_id = ANY(?) ORDER BY p.doc_id, p.passage_no", [sorted(weakest)]).fetchall()
    per_doc: dict[str, list] = {}
    for r in rows:
        per_doc.setdefault(r["doc_id"], []).append(r)
    out = []
    for doc_id, score in weakest.items():
        for r in signature_passages(per_doc.get(doc_id, [])):
            if (doc_id, r["passage_no"]) not in found:
                f = _fields(r)
                text = " ".join(f["text"].split())
                headlines.setdefault(f["text"], text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS] + " …")
                out.append((score, f))
    return out


def _following(store, fields: dict) -> list[str]:
    """The texts of the passages after ``fields``' passage in its document (at most ``ITEM_PASSAGES``)."""
    rows = store._exec("SELECT text FROM passages WHERE doc_id = ? AND passage_no > ? ORDER BY passage_no LIMIT ?",
                       [fields["doc_id"], fields.get("passage_no", 0), ITEM_PASSAGES]).fetchall()
    return [r["text"] or "" for r in rows]


class _Headlines:
    """The Whoosh backend's matcher re-weighs passages; the snippet is PostgreSQL's ts_headline, or for
    a question the sentence that answers it."""

    def __init__(self, matcher: Matcher, headlines: dict[str, str]):
        self.matcher, self.headlines = matcher, headlines

    @property
    def last(self) -> dict[int, bool]:
        return self.matcher.last

    def share(self, hits) -> float:
        return self.matcher.share(hits)

    def coverage(self, text: str) -> float:
        return self.matcher.coverage(text)

    def snippet(self, text: str, intent: str | None):
        sentence, coverage, answers = self.matcher.snippet(text, intent)
        # A question ("wanneer", "wie", "hoeveel") is answered by the sentence that holds the date,
        # body or number; ts_headline picks fragments by the query words alone.
        return (sentence if answers else self.headlines.get(text, "") or sentence), coverage, answers


def _plan(store, words: str, table):
    """(clauses, concepts for re-weighing, other names searched, a suggestion or None)."""
    tokens = re.findall(r'-?"[^"]*"|\S+', words)
    names = {}  # folded form -> alias group, for names typed in the query
    for group, form in table.find(re.sub(r'"[^"]*"', " ", words)):
        names.setdefault(form, group)
    vocab = _Vocabulary(store, [t for t in tokens if not t.startswith('"')])
    clauses, concepts, also = [], [], []
    join, negate, i, corrected, changed = "||", False, 0, [], False
    while i < len(tokens):
        tok = tokens[i]
        if tok in _OPERATORS:
            if tok == "NOT":
                negate = True
            else:
                join = "&&" if tok == "AND" else "||"
            corrected.append(tok)
            i += 1
            continue
        neg = negate or (tok.startswith("-") and len(tok) > 1)
        tok = tok[1:] if tok.startswith("-") and len(tok) > 1 else tok
        tok = tok.split(":", 1)[1] if re.match(r"^\w+:\S", tok) else tok  # field:value -> value
        concept, exact = Concept(1.0), 0
        if tok.startswith('"'):
            phrase = tok.strip('"')
            parts, args = ["phraseto_tsquery(?::regconfig, ?)"], [CONFIG, phrase]
            add_text(concept, phrase, TOKENS)
            corrected.append(f'"{phrase}"')
            i += 1
        else:
            # the longest name starting here ("Veilig Thuis Twente", "VTT")
            n, group = _name_at(tokens, i, names)
            if group is not None:
                form = " ".join(tokens[i:i + n])
                others = [f for f in alias_forms([f for f in group.forms if fold(f) != fold(form)], MAX_ALIAS_FORMS)]
                parts = ["phraseto_tsquery(?::regconfig, ?)"] * (1 + len(others))
                args = [a for f in [form, *others] for a in (CONFIG, f)]
                also += others
                for f in [form, *others]:
                    add_text(concept, f, TOKENS)
                corrected.append(form)
                i += n
            elif not analyzed_stems(TOKENS, tok) and not neg:  # a stop word ("de", "het")
                corrected.append(tok)
                i += 1
                continue
            else:
                parts, args, fix, exact = vocab.alternatives(tok, tokens[i + 1:i + 3])
                if not parts:
                    i += 1
                    continue
                add_text(concept, tok, TOKENS)
                for alt in args[3::2]:  # every other form searched: near words, joined words, compounds, parts
                    add_text(concept, alt, TOKENS)
                corrected.append(fix or tok)
                changed |= bool(fix)
                i += 1
        exact = exact if exact else 1  # a phrase or a name: its first form is as typed
        clauses.append(_Clause("(" + " || ".join(parts) + ")", args, neg, join,
                               exact=("(" + " || ".join(parts[:exact]) + ")", args[:2 * exact])))
        if not neg:
            concepts.append(concept)
        join, negate = "||", False
    suggestion = " ".join(corrected) if changed else None
    return clauses, concepts, sorted(set(also), key=str.casefold)[:12], suggestion


def _name_at(tokens: list[str], i: int, names: dict) -> tuple[int, object]:
    for n in range(min(6, len(tokens) - i), 0, -1):
        form = fold(" ".join(tokens[i:i + n]))
        if form in names:
            return n, names[form]
    return 0, None


class _Vocabulary:
    """The index's surface words: which typed words it knows, and the nearest ones for those it does not."""

    def __init__(self, store, tokens: list[str]):
        self.store = store
        words = {w for t in tokens for w in self._words(t)}
        # the typed words, the words of their compounds and their verb forms, looked up at once
        self.forms = {w: [f for f in wordforms.verb_forms(w, ()) if f != w] if w.isalpha() else [] for w in words}
        asked = words | {p for w in words for p in compounds.split(w)} | {f for fs in self.forms.values() for f in fs}
        # joined on the word's own (btree) index: "word = ANY(...)" lets the planner take the trigram index,
        # ~0.5 ms a word
        self.known = {r["word"]: r["ndoc"] for r in store._exec(
            "SELECT v.word, v.ndoc FROM unnest(?::text[]) AS q(word) JOIN vocabulary v ON v.word = q.word",
            [sorted(asked)])} if asked else {}
        self.near: dict[str, list[str]] = {}

    @staticmethod
    def _words(token: str) -> list[str]:
        return re.findall(r"\w+", token.casefold())

    def _unknown(self, word: str) -> bool:
        """Neither the word nor its stem is in the index ("kost" is known: "kosten" has its stem)."""
        if word in self.known:
            return False
        row = self.store._exec("SELECT EXISTS (SELECT 1 FROM passages WHERE tsv @@ plainto_tsquery(?::regconfig, ?)) "
                               "AS found", [CONFIG, word]).fetchone()
        if row["found"]:
            self.known[word] = 1
        return not row["found"]

    def _nearest(self, word: str) -> list[tuple[str, float]]:
        if word not in self.near:
            rows = self.store._exec(
                "SELECT word, similarity(word, ?) AS sim FROM vocabulary WHERE word % ? AND similarity(word, ?) >= ? "
                "ORDER BY sim DESC, ndoc DESC LIMIT 3", [word, word, word, NEAR_SIMILARITY])
            self.near[word] = [(r["word"], float(r["sim"])) for r in rows]
        return self.near[word]

    def holding(self, word: str, most: int = 3) -> list[str]:
        """Words of the index that hold ``word`` as a part, the most frequent ``most``: compounds
        ("afval" -> "afvalinzameling") and identifiers ("10692" -> "au15.10692"; "001234" -> "-001234",
        as PostgreSQL's parser keeps the number of "PS23-001234"). Only for a word the index never
        holds alone, or a part of an identifier (the same rule as the Whoosh backend's)."""
        key = ("holding", word)
        if key not in self.near:
            found: list[str] = []
            if (self._unknown(word) or not word.isalpha()) and len(word) >= 3:
                rows = self.store._exec("SELECT word FROM vocabulary WHERE word LIKE ? AND word <> ? "
                                        "ORDER BY ndoc DESC, word LIMIT 200", [f"%{word}%", word])
                for r in rows:
                    w = r["word"]
                    if w == f"-{word}" or word in _all_parts(w):
                        found.append(w)
                    if len(found) >= most:
                        break
            self.near[key] = found
        return self.near[key]

    def verb_forms(self, word: str) -> list[str]:
        """Forms of the verb ``word`` is a form of that the index holds (``wordforms.verb_forms``)."""
        held = [f for f in self.forms.get(word, ()) if f in self.known]
        return sorted(held, key=lambda f: (-self.known[f], f))[:4]

    def words_for(self, token: str) -> list[str]:
        return [n for w in self._words(token) for n in self._widened(w)[0]]

    def _widened(self, word: str) -> tuple[list[str], str | None]:
        """(near words of the index to search too, a suggestion or None) for a word neither the index nor the
        dictionary knows (Hunspell's Dutch words, ``pipeline.index.compounds``): a real word
        ("rattenbestrijding", "bestrijding") is never widened to a neighbour; one made of words the
        dictionary knows only to one a letter off; a part of a word or identifier of the index is no typo."""
        if not self._unknown(word) or self.holding(word) or self.verb_forms(word) or compounds.known(word):
            return [], None
        near = self._nearest(word)
        if compounds.split(word):
            near = [(n, sim) for n, sim in near if Levenshtein.distance(n, word) <= 1]
        return [n for n, _ in near], (near[0][0] if near and near[0][1] >= SUGGEST_SIMILARITY else None)

    def alternatives(self, token: str, following: list[str]) -> tuple[list[str], list, str | None, int]:
        """(tsquery SQL parts, their parameters, the corrected token or None, how many of the parts are the
        word as typed: itself and what two typed words make joined) for one typed word; ``following``: the
        tokens after it."""
        words = self._words(token)
        if not words:
            return [], [], None, 0
        parts, args = ["plainto_tsquery(?::regconfig, ?)"], [CONFIG, token]
        fix = None
        if len(words) == 1:
            word = words[0]
            for w in self.verb_forms(word):  # "ontvlechting" -> "ontvlochten"
                parts.append("plainto_tsquery(?::regconfig, ?)")
                args += [CONFIG, w]
            for w in self.holding(word):  # the compounds and identifiers of the index holding it
                parts.append("plainto_tsquery(?::regconfig, ?)")
                args += [CONFIG, w]
            pieces = compounds.split(word)
            if len(pieces) >= 2 and not any(self._unknown(p) and not self.holding(p) for p in pieces):
                # a compound typed whole finds its words written apart ("papierinzameling" -> "inzameling
                # van oud papier"), each word also in the index's compounds that hold it
                parts.append("(" + " && ".join("(" + " || ".join(["plainto_tsquery(?::regconfig, ?)"]
                                                                  * (1 + len(self.holding(p)))) + ")"
                                               for p in pieces) + ")")
                args += [a for p in pieces for w in [p, *self.holding(p)] for a in (CONFIG, w)]
            near, fix = self._widened(word)
            for n in near:
                parts.append("plainto_tsquery(?::regconfig, ?)")
                args += [CONFIG, n]
        # two typed words the index knows as one, in either order ("milieu zone" -> "milieuzone",
        # "inzameling van afval" -> "afvalinzameling"; one stop word between them is passed over): as good as typed
        exact = 1
        for n, nxt in enumerate(following[:2]):
            if nxt in _OPERATORS or nxt.startswith(('"', "-")):
                break
            other = self._words(nxt)
            for joined in ("".join(words + other), "".join(other + words))[:1 if n == 0 else 2]:
                if joined in self.known or self._joined_known(joined):
                    parts.insert(exact, "plainto_tsquery(?::regconfig, ?)")
                    args[2 * exact:2 * exact] = [CONFIG, joined]
                    exact += 1
            if n == 0 and analyzed_stems(TOKENS, nxt):
                break  # only a stop word ("van", "de") is passed over
        return parts, args, fix, exact

    def _joined_known(self, joined: str) -> bool:
        row = self.store._exec("SELECT ndoc FROM vocabulary WHERE word = ?", [joined]).fetchone()
        if row:
            self.known[joined] = row["ndoc"]
        return bool(row)


def _all_parts(word: str) -> set[str]:
    """The parts of an index word (``compounds.parts``), and the parts of those ("weidevogelgebied" ->
    weide, vogelgebied, vogel, gebied)."""
    found = set(compounds.parts(word))
    for p in list(found):
        found.update(compounds.split(p) if p.isalpha() else ())
    return found


def _tsquery(clauses: list[_Clause]) -> tuple[str, list]:
    """SELECT of two tsqueries: ``q``, the positive clauses joined by their operators, AND NOT the negated
    ones; ``e``, the words of the positive clauses as typed, any of them (for the rank)."""
    sql, args = "", []
    for c in clauses:
        if c.negated:
            continue
        sql = c.sql if not sql else f"({sql} {c.join} {c.sql})"
        args += c.args
    for c in clauses:
        if c.negated:
            sql = f"({sql} && !!{c.sql})"
            args += c.args
    exact = [c.exact for c in clauses if not c.negated and c.exact]
    e_sql = " || ".join(x for x, _ in exact) or "''::tsquery"
    return f"SELECT {sql}, {e_sql}", args + [a for _, xa in exact for a in xa]


def _filters(table, doc_type, body, organisation, year_from, year_to, date_from, date_to,
             government=None) -> tuple[str, list]:
    parts, args = [], []
    if doc_type:
        parts.append("d.doc_type = ?")
        args.append(doc_type)
    if government:
        parts.append("d.government = ?")
        args.append(government)
    for column, value in (("bodies", body), ("orgs", organisation)):
        if value:
            keys = sorted({value.casefold(), *(g.key.casefold() for g in table.groups_named(value))})
            parts.append(f"EXISTS (SELECT 1 FROM unnest(p.{column}) x WHERE lower(x) = ANY(?))")
            args.append(keys)
    year = "(CASE WHEN d.date ~ '^[0-9]{4}' THEN substr(d.date, 1, 4)::int END)"
    if year_from is not None:
        parts.append(f"{year} >= ?")
        args.append(year_from)
    if year_to is not None:
        parts.append(f"{year} <= ?")
        args.append(year_to)
    if date_from:
        parts.append('d.date COLLATE "C" >= ?')
        args.append(date_from)
    if date_to:
        parts.append('left(d.date, ?) COLLATE "C" <= ?')
        args += [len(date_to), date_to]
    return "".join(f" AND {p}" for p in parts), args


def _facets(store, match: str, args: list) -> dict[str, list[FacetCount]]:
    rows = store._exec(
        f"WITH m AS (SELECT p.doc_id, p.bodies, d.doc_type, d.government, "
        f"CASE WHEN d.date ~ '^[0-9]{{4}}' THEN substr(d.date, 1, 4) END AS year {match}) "
        "SELECT 'type' AS facet, doc_type AS value, COUNT(DISTINCT doc_id) AS n FROM m GROUP BY doc_type "
        "UNION ALL SELECT 'year', year, COUNT(DISTINCT doc_id) FROM m GROUP BY year "
        "UNION ALL SELECT 'body', b, COUNT(DISTINCT doc_id) FROM m, unnest(m.bodies) AS b GROUP BY b "
        "UNION ALL SELECT 'government', government, COUNT(DISTINCT doc_id) FROM m GROUP BY government", args)
    out: dict[str, list[FacetCount]] = {"body": [], "year": [], "type": [], "government": []}
    for r in rows:
        if r["value"] not in (None, ""):
            out[r["facet"]].append(FacetCount(value=str(r["value"]), count=int(r["n"])))
    for name, counts in out.items():
        key = (lambda c: c.value) if name == "year" else (lambda c: (-c.count, c.value))
        counts.sort(key=key, reverse=(name == "year"))
    return out


def passages_naming(url: str, forms: list[str]) -> list[dict]:
    """Every passage that names one of ``forms`` (phrases), with its document's title, date and type."""
    forms = [f for f in forms if re.search(r"\w", f)]
    if not forms:
        return []
    query = " || ".join("phraseto_tsquery(?::regconfig, ?)" for _ in forms)
    with shared_store(url) as store:
        rows = store._exec(
            f"SELECT p.doc_id, p.passage_no, p.page, p.text, d.title, d.date, d.doc_type "
            f"FROM passages p JOIN documents d ON d.doc_id = p.doc_id WHERE p.tsv @@ ({query})",
            [a for f in forms for a in (CONFIG, f)]).fetchall()
    return [{**r, "title": r["title"] or "", "date": r["date"] or "", "doc_type": r["doc_type"] or "",
             "text": r["text"] or ""} for r in rows]
