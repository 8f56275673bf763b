"""How each module's objects become search documents.

A module makes its content searchable with one small file, ``<app>/search_documents.py``,
imported by ``search`` at start-up::

    from search.registry import SearchDocument, Registration, register

    @register
    class ProposalDocuments(Registration):
        model = Proposal
        kind = "proposition"                  # facet value, stable
        label = _("Proposition")              # what the member reads

        def get_queryset(self):               # everything that may EVER be found
            return Proposal.objects.exclude(hidden=True).select_related("space")

        def to_document(self, proposal):
            space = proposal.space
            return SearchDocument(
                title=proposal.title,
                body=proposal.body,
                extra=proposal.author.display_name,
                url=proposal.get_absolute_url(),
                date=proposal.created_at,
                thematiques=[t.slug for t in proposal.thematiques.all()],
                territories=territory_keys(departement=space.departement),
                audience=Audience.RESTRICTED if space.is_private else Audience.PUBLIC,
                allowed_group_ids=[space.group_id] if space.is_private else [],
            )

Wagtail pages subclass ``PageRegistration`` instead: live pages without a view
restriction only, re-indexed when published or unpublished.

Visibility is decided here, once, by the module; the backends only enforce it:

- an object absent from ``get_queryset()`` (unpublished, hidden by a moderator,
  deleted, profile out of the directory) or for which ``to_document`` returns ``None``
  is removed from the index, so it can appear nowhere, not even in a facet count;
- ``audience`` says who may find the others: ``PUBLIC`` everybody, ``MEMBERS`` any
  signed-in active member, ``RESTRICTED`` only the members of ``allowed_group_ids``
  (Django groups, e.g. a private participation space's group) or the users listed in
  ``allowed_user_ids``. Superusers find everything that is indexed.

When something that changes an object's document lives on another model (a space
turning private, a user being deactivated), declare it in ``depends_on`` so that saving
that model re-indexes the affected objects.

Documents that live on another registered object (comments, found where what they
comment on is found) implement ``documents_following``: every time objects are
re-indexed or removed, their followers are re-indexed or removed with them, from the
documents just computed, whatever path changed the object (a save, a space turning
private, a page unpublished, a moderator hiding it). Set ``in_suggestions = False`` to
keep a kind out of the suggestions typed in the search box (a comment's title repeats
the title of what it comments on).
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.module_loading import autodiscover_modules

BODY_MAX_CHARS = 100_000  # PostgreSQL positions stop at 16,383 words anyway


class Audience(models.TextChoices):
    PUBLIC = "public", "public"
    MEMBERS = "members", "members"
    RESTRICTED = "restricted", "restricted"


@dataclasses.dataclass
class SearchDocument:
    """What the search engines know about one object; built by a module's registration."""

    title: str
    url: str
    body: str = ""
    extra: str = ""  # weighs between title and body: summary, author, structure, tags
    date: datetime.datetime | datetime.date | None = None
    thematiques: list[str] = dataclasses.field(default_factory=list)  # taxonomy slugs
    territories: list[str] = dataclasses.field(default_factory=list)  # see territory_keys
    audience: str = Audience.PUBLIC
    allowed_group_ids: list[int] = dataclasses.field(default_factory=list)
    allowed_user_ids: list[int] = dataclasses.field(default_factory=list)
    # Filled by the registry, not by modules.
    kind: str = ""
    in_suggestions: bool = True
    content_type_id: int | None = None
    object_id: int | None = None

    @property
    def key(self) -> str:
        return f"{self.content_type_id}-{self.object_id}"

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def principals(self) -> list[str]:
        """Who may see this document, as tokens matched against ``user_principals``."""
        if self.audience == Audience.PUBLIC:
            return ["public"]
        if self.audience == Audience.MEMBERS:
            return ["members"]
        return [f"group:{pk}" for pk in self.allowed_group_ids] + [
            f"user:{pk}" for pk in self.allowed_user_ids
        ]


def user_principals(user) -> list[str] | None:
    """The tokens a user's searches match, or ``None`` for a superuser (no filter)."""
    if not user.is_authenticated or not user.is_active:
        return ["public"]
    if user.is_superuser:
        return None
    groups = [f"group:{pk}" for pk in user.groups.values_list("pk", flat=True)]
    return ["public", "members", f"user:{user.pk}", *groups]


def territory_keys(region=None, departement=None) -> list[str]:
    """Facet keys of a place: a département also counts for its region."""
    keys = []
    if departement is not None:
        keys.append(f"departement:{departement.code}")
        region = region or departement.region
    if region is not None:
        keys.append(f"region:{region.code}")
    return keys


class Registration:
    """How one model becomes search documents; subclass and decorate with ``@register``."""

    model: type[models.Model]
    kind: str
    label: str
    # {"app_label.Model": function(instance) -> iterable of this model's objects}
    depends_on: dict[str, Callable[[models.Model], Iterable[models.Model]]] = {}
    in_suggestions = True

    def get_queryset(self) -> models.QuerySet:
        return self.model._default_manager.all()

    def to_document(self, obj) -> SearchDocument | None:
        raise NotImplementedError

    def prepare(self, objects: list[models.Model]) -> None:
        """Called with the objects about to be re-indexed, before their documents: load
        at once what their documents read elsewhere (comments: what they comment on)."""

    def documents_following(
        self, changed: dict[tuple[int, int], SearchDocument | None]
    ) -> tuple[list[SearchDocument], list[tuple[int, int]]]:
        """The documents of this model that follow the objects just re-indexed
        (``changed``: their (content type id, object id) and new document, ``None`` when
        removed), and the (content type id, object id) of those to remove. None by default."""
        return [], []

    def document(self, obj) -> SearchDocument | None:
        doc = self.to_document(obj)
        if doc is None:
            return None
        return dataclasses.replace(
            doc,
            body=doc.body[:BODY_MAX_CHARS],
            kind=self.kind,
            in_suggestions=self.in_suggestions,
            content_type_id=ContentType.objects.get_for_model(self.model).pk,
            object_id=obj.pk,
        )


class PageRegistration(Registration):
    """Wagtail pages: only live pages without a view restriction are searchable."""

    def get_queryset(self):
        return self.model.objects.live().public()


class Registry:
    def __init__(self):
        self._by_model: dict[type[models.Model], Registration] = {}

    def register(self, registration_class: type[Registration]) -> type[Registration]:
        registration = registration_class()
        self._by_model[registration.model] = registration
        return registration_class

    def unregister(self, model: type[models.Model]) -> None:
        self._by_model.pop(model, None)

    def for_model(self, model) -> Registration | None:
        return self._by_model.get(model)

    def for_content_type(self, content_type_id: int) -> Registration | None:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        return self._by_model.get(model)

    def __iter__(self):
        return iter(list(self._by_model.values()))

    def kinds(self) -> dict[str, str]:
        return {r.kind: r.label for r in self}

    def unsuggested_kinds(self) -> list[str]:
        return [r.kind for r in self if not r.in_suggestions]

    def autodiscover(self) -> None:
        autodiscover_modules("search_documents")


registry = Registry()
register = registry.register
