"""Full-text search: a Whoosh index beside the project, kept in step through the outbox.

    analysis   words → terms (folded accents, English stems); the same for indexing and queries
    schema     the index fields; nothing the database already holds is stored
    documents  article and claim documents, read from the database in batches
    indexer    draining the outbox into small segments; merging them when idle
    build      rebuilding from the database, in worker processes for large projects
    bulk       the segment writer rebuilds use (packed postings, block writes)
    query      the query language, with a clear message for every malformed query
    engine     one open project's index: open or rebuild, drain, search, facets
    snippets   highlighted snippets from the text of the hits shown
    health     index/database disagreement, for `workbench check`

The service layer (`workbench.services.search`) is what the window and the command line use.
"""
