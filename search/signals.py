"""Registered content re-indexed after commit when saved, published, unpublished or deleted.

Handlers look the registration up when they run, so a model registered later (or only in
tests) is followed as soon as ``connect()`` is called again, and one unregistered is ignored.
Set ``MAILLAGE_SEARCH_AUTO_INDEX = False`` to switch this off (bulk imports, then
``manage.py search_reindex``).
"""

from functools import partial

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from search import indexing
from search.registry import PageRegistration, registry

# Saves that only touch these fields change no indexed text: a login stamps last_login.
UNINDEXED_FIELDS = frozenset({"last_login"})


def _enabled():
    return settings.MAILLAGE_SEARCH_AUTO_INDEX


def _touches_index(update_fields):
    return update_fields is None or not set(update_fields) <= UNINDEXED_FIELDS


def _schedule(get_objects):
    """Re-index after commit, reading the objects then. One callback per change: a batch
    kept for the thread outlived a transaction that rolled back, and the next commit
    indexed objects that were never saved (a posted comment is now saved once, so it
    is no longer indexed twice)."""
    if _enabled():
        transaction.on_commit(
            lambda: indexing.update([obj for obj in get_objects() if obj.pk is not None])
        )


def changed_without_signal(objects):
    """Objects a service changed with ``update()`` (which sends no signal) and that no
    logged row follows: re-indexed after commit like a save."""
    objects = list(objects)
    _schedule(lambda: objects)


def object_changed(sender, instance, raw=False, update_fields=None, **kwargs):
    if not raw and _touches_index(update_fields) and registry.for_model(sender) is not None:
        _schedule(lambda: [instance])


def object_deleted(sender, instance, **kwargs):
    if _enabled() and registry.for_model(sender) is not None:
        pk = instance.pk
        transaction.on_commit(lambda: indexing.remove(sender, pk))


def relation_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        if registry.for_model(type(instance)) is not None:
            _schedule(lambda: [instance])
    elif pk_set and registry.for_model(model) is not None:
        _schedule(lambda: model._default_manager.filter(pk__in=pk_set))


def dependency_changed(sender, instance, raw=False, update_fields=None, *, get_objects, **kwargs):
    if not raw and _touches_index(update_fields):
        # Deleted later in the same transaction (its pk is then None): its dependants
        # were re-indexed or removed by their own signals.
        _schedule(lambda: get_objects(instance) if instance.pk is not None else [])


def view_restriction_changed(sender, instance, raw=False, **kwargs):
    """A page made private (or public again) takes its subtree out of (or back into) search."""
    if raw:
        return

    def pages():
        for registration in registry:
            if isinstance(registration, PageRegistration):
                yield from registration.model.objects.descendant_of(instance.page, inclusive=True)

    _schedule(pages)


def connect():
    for registration in registry:
        model = registration.model
        uid = f"search_{model._meta.label_lower}"
        post_save.connect(object_changed, sender=model, dispatch_uid=f"{uid}_save")
        post_delete.connect(object_deleted, sender=model, dispatch_uid=f"{uid}_delete")
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                relation_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"{uid}_{field.name}_m2m",
            )
        if issubclass(model, Page):
            page_published.connect(object_changed, sender=model, dispatch_uid=f"{uid}_pub")
            page_unpublished.connect(object_changed, sender=model, dispatch_uid=f"{uid}_unpub")
        for label, get_objects in registration.depends_on.items():
            post_save.connect(
                partial(dependency_changed, get_objects=get_objects),
                sender=apps.get_model(label),
                weak=False,
                dispatch_uid=f"{uid}_depends_{label}",
            )
    for signal in (post_save, post_delete):
        signal.connect(
            view_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search_view_restriction_{signal is post_save}",
        )
