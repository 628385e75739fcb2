"""Other forms of a Dutch verb, for widening a query: "stemde ... in" finds "ingestemd", "besloot"
finds "besluit", "treedt in werking" finds "inwerkingtreding".

The Dutch Snowball stemmer joins the forms of a noun and most forms of a regular verb, but not a
past tense with a participle ("stemde"/"gestemd"), a strong verb's vowels ("besloot"/"besluit",
"ontvlochten"/"ontvlechting"), or a separable verb's particle ("stelde ... vast"/"vastgesteld").
:func:`verb_forms` guesses the forms of a word, from a table of strong and irregular verbs
(``nlp/data/word_forms.json``, prefixes like be-, ont-, op- found through the base verb) and the
rules of weak verbs ('t kofschip, doubled and long vowels). Guesses are cheap to be wrong about:
the caller keeps only forms the index holds.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parents[1] / "nlp" / "data" / "word_forms.json"
_VOWELS = set("aeiou")


@lru_cache(maxsize=1)
def _data() -> dict:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    forms: dict[str, str] = {}  # any form of a table verb -> its infinitive
    for infinitive, others in raw["irregular"].items():
        for form in (infinitive, *others, _inf_root(infinitive), _inf_root(infinitive) + "t"):
            forms.setdefault(form, infinitive)
    prefixes = sorted({*raw["particles"], *raw["inseparable"]}, key=len, reverse=True)
    return {"irregular": raw["irregular"], "forms": forms, "particles": frozenset(raw["particles"]),
            "light": frozenset(raw.get("light", ())), "auxiliary": frozenset(raw.get("auxiliary", ())),
            "prefixes": prefixes, "phrasal": [tuple(p.split()) for p in raw["phrasal"]]}


def particles() -> frozenset[str]:
    return _data()["particles"]


def is_auxiliary(word: str) -> bool:
    """Whether ``word`` is a form of zijn, worden, hebben or a modal verb ("zou", "moesten")."""
    return word.casefold() in _data()["auxiliary"]


def is_light(word: str) -> bool:
    """Whether ``word`` is a form of a support verb ("vond" of "vinden", "gaat", "neemt")."""
    w = word.casefold()
    if not w.isalpha():
        return False
    table = _data()["forms"]
    infinitive = table.get(w) or next((table[i] for r in _roots(w) for i in _infinitives(r) if i in table), None)
    return infinitive in _data()["light"]


def phrasal() -> list[tuple[str, ...]]:
    return _data()["phrasal"]


def verb_forms(word: str, particles_in_query: tuple[str, ...] = ()) -> list[str]:
    """Forms of the verb ``word`` may be (without ``word`` itself), with the separable particles
    of the query joined on ("stemde" + "in" -> "ingestemd", "instemmen", "instemming")."""
    w = word.casefold()
    if len(w) < 4 or not w.isalpha():
        return []
    out: dict[str, None] = {}
    for prefix, rest in _splits(w):
        for form in _forms_of(rest):
            for joined in _prefixed(prefix, form):
                out[joined] = None
    for particle in particles_in_query:
        if w.startswith(particle):
            continue
        for form in list(_forms_of(w)):
            for joined in _prefixed(particle, form):
                out[joined] = None
    out.pop(w, None)
    return list(out)


def nouns(word: str) -> list[str]:
    """Nouns made from the verb ``word`` ("treedt" -> "treding", "kwam" -> "koming", "nam" -> "name")."""
    w = word.casefold()
    table, irregular = _data()["forms"], _data()["irregular"]
    infinitive = table.get(w)
    found: dict[str, None] = {}
    if infinitive:
        found.update(dict.fromkeys(f for f in irregular[infinitive][3:]))
        for root in {_inf_root(infinitive), infinitive[:-2] if infinitive.endswith("en") else ""} - {""}:
            found[root + "ing"] = None
    else:
        for root in _roots(w):
            for inf in _infinitives(root):
                found[inf[:-2] + "ing"] = None
    return list(found)


def _splits(w: str) -> list[tuple[str, str]]:
    """(prefix, rest): the word as is, and with a particle or inseparable prefix taken off."""
    out = [("", w)]
    for p in _data()["prefixes"]:
        if w.startswith(p) and len(w) - len(p) >= 3:
            out.append((p, w[len(p):]))
    return out


def _prefixed(prefix: str, form: str) -> list[str]:
    """``prefix`` joined to ``form``; a participle keeps its "ge" after a particle and drops it after
    an inseparable prefix (both are tried: "door", "over", "onder" and "voor" can be either)."""
    if not prefix:
        return [form]
    out = [prefix + form]
    if form.startswith("ge") and len(form) > 5:
        out.append(prefix + form[2:])
    return out


@lru_cache(maxsize=4096)
def _forms_of(w: str) -> tuple[str, ...]:
    table, irregular = _data()["forms"], _data()["irregular"]
    roots = _roots(w)
    # a strong verb as typed ("vond"), or through a form the weak rules reach ("vlechting" -> "vlechten")
    infinitive = table.get(w) or next((table[i] for r in roots for i in _infinitives(r) if i in table), None)
    if infinitive:
        return tuple(dict.fromkeys([infinitive, *irregular[infinitive], _inf_root(infinitive),
                                    _inf_root(infinitive) + "t"]))
    out: dict[str, None] = {}
    for root in roots:
        out.update(dict.fromkeys(_weak_forms(root)))
    out.pop(w, None)
    return tuple(out)


def _roots(w: str) -> list[str]:
    """Stems ("stem", "maak") a weak verb form may have: past tense, participle, infinitive, 3rd person, noun in -ing."""
    roots: list[str] = []
    if w.startswith("ge") and w[-1] in "dt" and len(w) > 5:
        roots.append(w[2:-1])
    for suffix in ("den", "ten", "de", "te"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            roots.append(w[:-len(suffix)])
            break
    for suffix in ("ing", "en"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            roots.append(_inf_root(w[:-len(suffix)] + "en"))
            break
    if w.endswith("t") and len(w) >= 5:
        roots.append(w[:-1])
    elif w.endswith("d") and len(w) >= 4 and w[-2] not in _VOWELS:  # a participle without ge- ("(over)legd")
        roots.append(w[:-1])
    return [r for r in dict.fromkeys(roots) if len(r) >= 3 and any(c in _VOWELS for c in r)]


def _inf_root(infinitive: str) -> str:
    """The verb's stem as in "ik ..." from its infinitive: stemmen -> stem, maken -> maak, leven -> leef."""
    body = infinitive[:-2] if infinitive.endswith("en") else infinitive[:-1] if infinitive.endswith("n") else infinitive
    if len(body) >= 2 and body[-1] == body[-2] and body[-1] not in _VOWELS:
        return body[:-1]
    if len(body) >= 3 and body[-1] not in _VOWELS and body[-2] in _VOWELS and body[-3] not in _VOWELS \
            and body[-2] in "aeou" and not body.endswith(("el", "er", "em")):
        body = body[:-1] + body[-2] + body[-1]  # maken -> maak, lopen -> loop
    return body[:-1] + {"v": "f", "z": "s"}.get(body[-1], body[-1]) if body else body


def _infinitives(root: str) -> list[str]:
    """stem -> stemmen, maak -> maken, leef -> leven (every spelling rule that may apply)."""
    out = [root + "en"]
    voiced = root[:-1] + {"f": "v", "s": "z"}.get(root[-1], root[-1])
    if voiced != root:
        out.append(voiced + "en")
    if len(root) >= 2 and root[-1] not in _VOWELS and root[-2] in _VOWELS and (len(root) < 3 or root[-3] not in _VOWELS):
        out.append(root + root[-1] + "en")  # short vowel: stem -> stemmen
    if len(root) >= 3 and root[-1] not in _VOWELS and root[-2] == root[-3] and root[-2] in _VOWELS:
        out.append(voiced[:-2] + voiced[-1] + "en")  # long vowel: maak -> maken, leef -> leven
    return out


def _weak_forms(root: str) -> list[str]:
    infinitives = _infinitives(root)
    # 't kofschip: a stem ending in t, k, f, s, ch or p takes -te/-t, any other -de/-d (on the infinitive's sound)
    voiceless = root[-1] in "tkfsp" or root.endswith("ch")
    voiceless_inf = any(i[-3] in "tkfsp" or i[:-2].endswith("ch") for i in infinitives[:1])
    dt = "t" if voiceless and voiceless_inf else "d"
    ending = "" if root[-1] in "dt" else dt
    past = root + ("te" if dt == "t" else "de")
    return [*infinitives, root, root + "t", past, past + "n", "ge" + root + ending,
            *(i[:-2] + "ing" for i in infinitives)]
