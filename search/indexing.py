"""Keeping the index in step with the content: one object, or everything."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from django.contrib.contenttypes.models import ContentType

from search.backends import get_backend
from search.registry import Registration, SearchDocument, registry

BATCH_SIZE = 500


def update(objects: Iterable) -> None:
    """Index these objects as their registration sees them now, or drop those it rejects."""
    documents, gone = [], []
    for obj in objects:
        registration = registry.for_model(type(obj))
        if registration is None:
            continue
        current = registration.get_queryset().filter(pk=obj.pk).first()
        document = registration.document(current) if current is not None else None
        if document is None:
            gone.append((ContentType.objects.get_for_model(registration.model).pk, obj.pk))
        else:
            documents.append(document)
    backend = get_backend()
    backend.index(documents)
    if gone:
        backend.remove(gone)


def remove(model, pk) -> None:
    backend = get_backend()
    backend.remove([(ContentType.objects.get_for_model(model).pk, pk)])


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
