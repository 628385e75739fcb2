from __future__ import annotations

from pipeline.models import Decision
from pipeline.link.timeline import events, sort_key


def _dec(doc, date, actor="regioraad", what="ingestemd met het voorstel", start=0):
    return Decision(doc_id=doc, actor=actor, actor_text=actor, date=date, status="adopted",
                    text=what, object=what, start=start, end=start + len(what), page=2)


def test_timeline_same_day_same_body_is_one_event_with_two_sources():
    evs = events([_dec("plan", "2012-10-10", what="onderzoekstraject vastgesteld"),
                  _dec("note", "2012-10-10", what="ingestemd met heroriëntatie")])
    assert len(evs) == 1
    assert [s.doc_id for s in evs[0].sources] == ["note", "plan"]


def test_timeline_different_bodies_stay_apart():
    evs = events([_dec("a", "2013-04-08", actor="dagelijks_bestuur"), _dec("b", "2013-04-08")])
    assert len(evs) == 2


def test_timeline_month_events_merge_only_when_wording_is_alike():
    evs = events([_dec("a", "2015-03", what="stuurgroep stelt rapport op"),
                  _dec("b", "2015-03", what="begroting voor wegen vastgesteld")])
    assert len(evs) == 2


def test_timeline_orders_seasons_months_and_intervals():
    values = ["2015-FA", "2015-03", "2014/2018", "2015-SP", "2015-04-01"]
    assert sorted(values, key=sort_key) == ["2014/2018", "2015-03", "2015-SP", "2015-04-01", "2015-FA"]


def test_timeline_filters_by_date_and_actor():
    decs = [_dec("a", "2012-10-10"), _dec("a", "2019-05-15", actor="algemeen_bestuur", start=50)]
    assert [e.date for e in events(decs, date_from="2013")] == ["2019-05-15"]
    assert [e.date for e in events(decs, date_to="2012")] == ["2012-10-10"]
    assert [e.actor for e in events(decs, actor="algemeen_bestuur")] == ["algemeen_bestuur"]


def test_timeline_skips_undated_decisions():
    assert events([_dec("a", None)]) == []


# ---------------------------------------------------------------- issue 6: outcomes, document dates, exports
from pipeline.link.timeline import link_outcomes, to_csv  # noqa: E402


def _ev(doc, date, what, status, actor="college", start=0):
    return Decision(doc_id=doc, actor=actor, actor_text=actor, date=date, status=status, text=what, object=what,
                    start=start, end=start + len(what), page=1)


def test_timeline_planned_event_is_linked_to_its_later_realisation():
    evs = link_outcomes(events([
        _ev("plan", "2018-05", "de oprichting van het Havenbedrijf Zuid voorbereiden", "planned"),
        _ev("news", "2020-03-01", "het Havenbedrijf Zuid opgericht na voorbereiding", "realized"),
        _ev("news", "2020-04-01", "de begroting voor wegen vastgesteld", "adopted", start=100)]))
    planned = evs[0]
    assert planned.outcome == "realized"
    assert [(l.relation, l.date, l.doc_id) for l in planned.linked] == [("realized", "2020-03-01", "news")]
    assert evs[2].linked == [] and evs[2].outcome is None


def test_timeline_planned_event_contradicted_by_a_later_rejection():
    evs = link_outcomes(events([
        _ev("plan", "2018", "de fusie van Havenschap Noord en Havenschap Zuid", "proposed"),
        _ev("raad", "2019-02-01", "de fusie van Havenschap Noord en Havenschap Zuid verworpen", "rejected")]))
    assert evs[0].outcome == "contradicted"


def test_timeline_unrelated_later_events_are_not_linked():
    evs = link_outcomes(events([
        _ev("plan", "2018", "de uitwerking van het Stadsbedrijf", "planned"),
        _ev("news", "2019", "ingestemd met de verdere uitwerking", "adopted")]))
    assert evs[0].outcome is None and evs[0].linked == []


def test_timeline_undated_proposals_take_their_document_date_and_stay_apart():
    decs = [_ev("advies", None, "een separate regeling op te richten", "proposed", actor=None),
            _ev("advies", None, "de lobby te bundelen", "proposed", actor=None, start=80),
            _ev("advies", None, "ingestemd met alles", "adopted", actor=None, start=160)]
    evs = events(decs, documents={"advies": "2019-07-04"})
    assert [(e.date, e.date_source) for e in evs] == [("2019-07-04", "document")] * 2
    assert events(decs) == []


def test_timeline_csv_export(tmp_path):
    path = tmp_path / "t.csv"
    to_csv(events([_dec("plan", "2012-10-10"), _dec("note", "2012-10-10")]), path)
    rows = path.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("date,date_source,actor,status,what")
    assert len(rows) == 2 and "note p.2; plan p.2" in rows[1]


def test_timeline_html_export_works_offline():
    import re

    from pipeline.reports import timeline_html

    html = timeline_html(link_outcomes(events([
        _ev("plan", "2018-05", "de oprichting van het Havenbedrijf Zuid voorbereiden", "planned"),
        _ev("news", "2020-03-01", "het Havenbedrijf Zuid opgericht na voorbereiding", "realized")])))
    assert "<svg" in html and "<circle" in html and "2019" in html  # a time axis with the years between
    assert "news, p. 1" in html and "plan, p. 1" in html
    assert "gerealiseerd" in html and "1 maart 2020" in html  # in Dutch
    assert not re.search(r"<script|<link|src=|@import|url\(", html, re.IGNORECASE)
    assert "http" not in html


def test_cli_timeline_exports_and_subject_filter(runner, built_index, tmp_path):
    from pipeline.cli import app

    html, csv_path = tmp_path / "t.html", tmp_path / "t.csv"
    result = runner.invoke(app, ["timeline", "--index", str(built_index), "--html", str(html), "--csv", str(csv_path)])
    assert result.exit_code == 0, result.output
    assert "<svg" in html.read_text(encoding="utf-8") and "http" not in html.read_text(encoding="utf-8")
    assert len(csv_path.read_text(encoding="utf-8").splitlines()) > 10
    result = runner.invoke(app, ["timeline", "--index", str(built_index), "--subject", "regioraad", "--json"])
    evs = __import__("json").loads(result.stdout)
    assert evs and all(e["date"] < "2016" for e in evs)  # the Regioraad is not named after 2015
    assert sum(e["actor"] == "regioraad" for e in evs) >= 4
    oct_2012 = [e for e in evs if e["date"] == "2012-10-10"]
    assert len(oct_2012) == 1 and {s["doc_id"][:3] for s in oct_2012[0]["sources"]} == {"000", "004"}
    result = runner.invoke(app, ["timeline", "--index", str(built_index), "--subject", "Havenschap Rotterdam"])
    assert result.exit_code == 2 and "no subject matches" in result.stderr


def test_cli_timeline_links_2019_proposals_to_2021_outcomes(runner, built_index):
    from pipeline.cli import app

    evs = __import__("json").loads(runner.invoke(app, ["timeline", "--index", str(built_index), "--json"]).stdout)
    proposals = [e for e in evs if e["date"].startswith("2019") and e["status"] == "proposed"]
    outcomes = {e["what"][:20]: e["outcome"] for e in proposals if e["outcome"]}
    assert "diverged" in outcomes.values() and "realized" in outcomes.values()
    linked = [l for e in proposals for l in e["linked"]]
    assert all(l["date"].startswith("2021") for l in linked)


# ---------------------------------------------------------------- issue 16: one event per decision, names, references
def _item(n, what, doc="lijst", date="2015-06-29", actor="gemeenteraad", gov="Den Helder", page=1):
    return Decision(doc_id=doc, actor=actor, actor_text="raad", date=date, status="adopted", text=what, object=what,
                    number=str(n), start=n * 100, end=n * 100 + len(what), page=page, government=gov)


LIST_ITEMS = ["de heer K.F. Schuiling aan te bevelen voor herbenoeming", "de Verordening kamerverhuurpanden 2015 vast te stellen",
              "het amendement over de begroting te aanvaarden", "de zienswijze op de begroting 2016 in te dienen",
              "geen zienswijze in te dienen op de jaarstukken 2014", "in te stemmen met de statutenwijziging van de stichting",
              "de profielschetsen van de raad van toezicht vast te stellen", "de onderzoeksopdracht vast te stellen",
              "het college op te dragen het onderzoek uit te laten voeren", "de conclusies uit het rapport te onderschrijven",
              "de aanbevelingen uit het rapport over te nemen", "de heer G.J. Braas te herbenoemen als lid",
              "de agenda vast te stellen", "de motie over de haven aan te nemen", "het krediet voor de brug beschikbaar te stellen",
              "de grondexploitatie Zeestad vast te stellen"]


def test_timeline_every_item_of_a_decision_list_is_its_own_event():
    evs = events([_item(n, what, page=1 + n // 6) for n, what in enumerate(LIST_ITEMS, 1)])
    assert len(evs) == len(LIST_ITEMS) >= 15
    assert all(len(e.sources) == 1 for e in evs)
    assert any("kamerverhuurpanden" in e.what for e in evs)
    assert {e.actor_name for e in evs} == {"gemeenteraad Den Helder"}


def test_timeline_a_decision_told_twice_in_one_document_is_one_event_with_both_places():
    told = "het algemeen bestuur heeft ingestemd met de afronding van de veranderopdracht"
    evs = events([_dec("nieuws", "2021-06-10", actor="algemeen_bestuur", what=told, start=10),
                  _dec("nieuws", "2021-06-10", actor="algemeen_bestuur", what="de eindrapportage van de veranderopdracht vastgesteld", start=400),
                  _dec("nieuws", "2021-06-10", actor="algemeen_bestuur", what=told, start=900)])
    assert len(evs) == 2
    assert [s.start for s in evs[0].sources] == [10, 900]


def test_timeline_the_same_decision_in_two_documents_is_one_event_but_governments_stay_apart():
    a = _item(1, "de Verordening kamerverhuurpanden 2015 vast te stellen", doc="lijst")
    b = _item(1, "vaststelling Verordening op de kamerverhuurpanden 2015", doc="krant")
    other = _item(1, "de Verordening kamerverhuurpanden 2015 vast te stellen", doc="elders", gov="Enschede")
    evs = events([a, b, other])
    assert len(evs) == 2
    assert {e.actor_name: len(e.sources) for e in evs} == {"gemeenteraad Den Helder": 2, "gemeenteraad Enschede": 1}


def test_timeline_actor_names_resolve_like_evolution():
    from pipeline.link.timeline import BadFilter, resolve_actor

    actors = {("dagelijks_bestuur", None), ("gemeenteraad", "Den Helder"), ("gemeenteraad", "Enschede")}
    for typed in ("Dagelijks Bestuur", "DB", "dagelijk bestuur", "dagelijks_bestuur"):
        assert resolve_actor(typed, actors) == ("dagelijks_bestuur", None), typed
    assert resolve_actor("gemeenteraad Den Helder", actors) == ("gemeenteraad", "Den Helder")
    assert resolve_actor("gemeenteraad", actors) == ("gemeenteraad", None)
    import pytest

    with pytest.raises(BadFilter, match="Bodies: .*gemeenteraad"):
        resolve_actor("Havenschap", actors)


def test_timeline_dates_people_type_are_checked():
    import pytest

    from pipeline.link.timeline import BadFilter, check_date

    assert check_date("2021") == "2021" and check_date("28-02-2021") == "2021-02-28"
    for bad in ("morgen", "2021-02-30", "2021-13", "21"):
        with pytest.raises(BadFilter):
            check_date(bad)


def test_references_are_readable_unique_and_accepted_back():
    from pipeline.link.references import references, resolve
    from pipeline.models import Document

    def doc(doc_id, **kw):
        return Document(doc_id=doc_id, title=kw.pop("title", "x"), doc_type=kw.pop("doc_type", "brief"), pages=3,
                        sha256="0", path=f"/c/{doc_id}.pdf", format="pdf", **kw)

    docs = [doc("ove-brief-a-2024", government="Overijssel", date="2024-05-21"),
            doc("ove-brief-b-2024", government="Overijssel", date="2024-05-21"),
            doc("003_d4d0686746b347e9", doc_type="besluitenlijst", government="Den Helder", date="2015-06-29")]
    refs = references(docs)
    assert len(set(refs.values())) == 3
    assert refs["003_d4d0686746b347e9"] == "besluitenlijst Den Helder 2015-06-29"
    assert refs["ove-brief-a-2024"].startswith("brief Overijssel 2024-05-21 · ove-brief-a")
    for doc_id, ref in refs.items():
        assert resolve(docs, ref) == doc_id and resolve(docs, f"[{ref} p.2]") == doc_id
    assert resolve(docs, "003") == "003_d4d0686746b347e9"
    assert resolve(docs, "ove") is None  # two documents start so


def test_timeline_html_axis_is_not_stretched_by_one_far_year():
    from pipeline.reports import axis_range

    years = [1994.5] + [2012 + i / 10 for i in range(40)]
    assert axis_range(years) == (2012.0, 2015.9)
    assert axis_range([2018.3, 2020.2]) == (2018.3, 2020.2)


def test_cli_timeline_names_filters_and_refusals(runner, built_index):
    import json

    from pipeline.cli import app

    def run(*args):
        return runner.invoke(app, ["timeline", "--index", str(built_index), *args])

    by_id = json.loads(run("--actor", "dagelijks_bestuur", "--json").stdout)
    assert by_id
    for typed in ("Dagelijks Bestuur", "DB", "dagelijk bestuur"):
        assert json.loads(run("--actor", typed, "--json").stdout) == by_id, typed
    twente = json.loads(run("--subject", "Twenteraad", "--json").stdout)
    assert len(twente) >= 5 and json.loads(run("--subject", "twnteraad", "--json").stdout) == twente
    evo = runner.invoke(app, ["evolution", "Twenteraad", "--index", str(built_index), "--json"])
    steps = [s for s in json.loads(evo.stdout)["steps"] if s["date"]]
    assert len(twente) >= len(steps)
    for bad in (["--from", "morgen"], ["--from", "2021-02-30"], ["--actor", "Havenschap"], ["--status", "gedaan"]):
        result = run(*bad)
        assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1, bad
    empty = run("--from", "2030")
    assert empty.exit_code == 0 and "no dated events match --from 2030" in empty.stdout
    # the two decisions of the algemeen bestuur on 10 June 2021 are two events
    june = [e for e in json.loads(run("--json").stdout) if e["date"] == "2021-06-10"]
    assert len(june) == 2


def test_cli_show_accepts_every_reference_spoor_prints(runner, built_index):
    import re

    from pipeline.cli import app

    text = runner.invoke(app, ["timeline", "--index", str(built_index)]).stdout
    printed = set(re.findall(r"\[([^\]]+?) p\.\d", text))
    assert printed and not any(len(r) <= 3 for r in printed)
    for ref in printed:
        for one in ref.split("; "):
            result = runner.invoke(app, ["show", one, "--index", str(built_index)])
            assert result.exit_code == 0, (one, result.output)
    assert runner.invoke(app, ["show", "003", "--index", str(built_index)]).exit_code == 0


def test_timeline_items_of_a_decision_list_with_the_same_wording_stay_apart():
    boiler = "het ontwerpbesluit aanhangig maken bij de Afdeling advisering van de Raad van State"
    decs = [_dec("lijst", "2024", actor="ministerraad", what=boiler, start=10),
            _dec("lijst", "2024", actor="ministerraad", what=boiler, start=900)]
    assert len(events(decs, decision_lists={"lijst"})) == 2
    assert len(events(decs)) == 1  # elsewhere the same sentence twice is one decision told twice
