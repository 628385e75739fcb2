"""The Whoosh full-text index of an index folder (the embedded search backend's files).

In: passages with their document's title, date, type and the names (bodies, organisations, laws)
inside them, read from the store. Out: a Whoosh index in ``<folder>/whoosh`` written by one or more
processes (``writer.PassageWriter``), with a Dutch analyzer (``writer.dutch_analyzer``) that search
and snippets share. Search reads it (``pipeline.search``); nothing here knows about queries.

Exports (``writer``): ``PassageWriter``, ``open_existing``, ``index_dir``, ``exists``, ``dutch_analyzer``,
``passage_fields``, ``NAME_LABELS``.
"""
