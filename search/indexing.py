"""Keeping the index in step with the content: one object, or everything."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from django.contrib.contenttypes.models import ContentType

from search.backends import get_backend
from search.registry import Registration, SearchDocument, registry

BATCH_SIZE = 500


def update(objects: Iterable) -> None:
    """Index these objects as their registration sees them now, or drop those it rejects;
    the documents that follow them (their comments) go with them."""
    pks_by_registration = {}
    for obj in objects:
        registration = registry.for_model(type(obj))
        if registration is not None:
            pks_by_registration.setdefault(registration, []).append(obj.pk)
    changed = {}
    for registration, pks in pks_by_registration.items():  # one query per model
        current = registration.get_queryset().in_bulk(pks)
        registration.prepare(list(current.values()))
        content_type_id = ContentType.objects.get_for_model(registration.model).pk
        for pk in pks:
            obj = current.get(pk)
            changed[(content_type_id, pk)] = None if obj is None else registration.document(obj)
    _apply(changed)


def remove(model, pk) -> None:
    _apply({(ContentType.objects.get_for_model(model).pk, pk): None})


def _apply(changed: dict[tuple[int, int], SearchDocument | None]) -> None:
    """A document re-indexed with what it follows (a comment with its proposal) is
    written once, as it follows the new version."""
    documents = {key: doc for key, doc in changed.items() if doc is not None}
    gone = {key for key, doc in changed.items() if doc is None}
    if changed:
        for registration in registry:
            following, following_gone = registration.documents_following(changed)
            for doc in following:
                documents[(doc.content_type_id, doc.object_id)] = doc
            gone.update(following_gone)
    backend = get_backend()
    backend.index([doc for key, doc in documents.items() if key not in gone])
    if gone:
        backend.remove(sorted(gone))


def count_documents() -> int:
    return sum(r.get_queryset().count() for r in registry)


def rebuild(progress: Callable[[Registration, int], None] | None = None) -> None:
    """Re-index every registered model; the previous index serves searches until the end."""
    get_backend().rebuild(_batches(progress))


def _batches(progress) -> Iterator[list[SearchDocument]]:
    for registration in registry:
        batch, seen = [], 0
        for obj in registration.get_queryset().order_by("pk").iterator(chunk_size=BATCH_SIZE):
            seen += 1
            document = registration.document(obj)
            if document is not None:
                batch.append(document)
            if seen == BATCH_SIZE:
                yield batch
                if progress:
                    progress(registration, seen)
                batch, seen = [], 0
        if seen:
            yield batch
            if progress:
                progress(registration, seen)
