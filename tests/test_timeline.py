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
    assert "news p.1" in html and "plan p.1" in html
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
