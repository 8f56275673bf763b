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
    changed = {}
    for obj in objects:
        registration = registry.for_model(type(obj))
        if registration is None:
            continue
        current = registration.get_queryset().filter(pk=obj.pk).first()
        document = registration.document(current) if current is not None else None
        changed[(ContentType.objects.get_for_model(registration.model).pk, obj.pk)] = document
    _apply(changed)


def remove(model, pk) -> None:
    _apply({(ContentType.objects.get_for_model(model).pk, pk): None})


def _apply(changed: dict[tuple[int, int], SearchDocument | None]) -> None:
    documents = [doc for doc in changed.values() if doc is not None]
    gone = [key for key, doc in changed.items() if doc is None]
    if changed:
        for registration in registry:
            following, following_gone = registration.documents_following(changed)
            documents += following
            gone += following_gone
    backend = get_backend()
    backend.index(documents)
    if gone:
        backend.remove(gone)


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
