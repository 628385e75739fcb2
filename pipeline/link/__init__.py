"""Across documents: the same thing under other names, subjects, relations, events and the timeline.

In: the records a build stored (``pipeline.store``): entities, decisions and texts of every document.
Out: canonical ids carried across the corpus (``names``; ``relink`` brings the stored ones up to date from
what a build changed), alias groups for search (``aliases``), subjects
with their relations and evolution (``subjects``, ``relations``, ``records``, ``evolution``), and dated
events in one timeline (``timeline``). Everything derived is written back to the store.

Exports: ``names.link_forms`` / ``fill_canonical`` (linking), ``relink.relink``, ``aliases.alias_table``,
``subjects.refresh`` / ``derive``, ``evolution.evolution``, ``timeline.events``.
"""
