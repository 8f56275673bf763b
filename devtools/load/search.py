"""After every app's load data: rebuild the search index, which bulk inserts bypass."""

from search import indexing


def seed(ctx):
    total = indexing.count_documents()
    with ctx.progress("Index de recherche", total) as tick:
        indexing.rebuild(lambda _registration, count: tick(count))
    ctx.stdout.write(f"  {total} objets indexés.")
