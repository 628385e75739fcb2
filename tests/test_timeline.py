from __future__ import annotations

from pipeline.models import Decision
from pipeline.timeline import events, sort_key


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
