"""Comments are found by the network search where what they comment on is found.

A comment's document copies the visibility of its object's document (audience, groups,
invited members), its thématiques and territories: a comment of a hidden proposal, of an
unpublished page or of a private space's content is found exactly where that content is,
that is nowhere for those who cannot read it. Hidden and deleted comments are never
indexed. The object's document is the one its own registration computes, so nothing here
repeats a module's visibility rules; when an object is re-indexed (saved, unpublished,
hidden, its space turning private), its comments follow (`documents_following`).

The result leads to the comment in its thread: the page of threads that shows it and the
anchor `#c<id>`, with its thread unfolded for a reply.
"""

import dataclasses

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from participation.comments.models import THREADS_PER_PAGE, Comment
from participation.spaces.api import logged_changes
from participation.utils import content_type_for
from search.registry import Registration, SearchDocument, register, registry

TITLE_CHARS = 120


@register
class CommentDocuments(Registration):
    model = Comment
    kind = "commentaire"
    label = _("Commentaire")
    in_suggestions = False
    # Moderation hides comments (and blocks their authors) with update(): its log is followed.
    # Not the activity log: the only activity about a comment is its posting, whose save
    # already re-indexes it (editing and deleting re-index explicitly).
    depends_on = {
        label: objects
        for label, objects in logged_changes(Comment).items()
        if label == "participation.ModerationAction"
    }

    def __init__(self):
        # The commented objects' documents, computed once per pass (a rebuild reads every
        # comment of an object in a row; `get_queryset` starts a pass).
        self._objects = {}

    def get_queryset(self):
        self._objects = {}
        earlier_threads = (
            Comment.objects.filter(
                content_type_id=OuterRef("content_type_id"),
                object_pk=OuterRef("object_pk"),
                level=0,
                thread_id__lt=OuterRef("thread_id"),
            )
            .order_by()
            .values("content_type_id")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return (
            Comment.objects.filter(is_hidden=False, deleted_at__isnull=True)
            .select_related("user")
            .annotate(earlier_threads=Coalesce(Subquery(earlier_threads), 0))
        )

    def prepare(self, comments):
        """The documents of what these comments comment on, one query per model (a
        moderator hiding a member's comments re-indexes them across many objects)."""
        missing = {}
        for comment in comments:
            key = (comment.content_type_id, comment.object_pk)
            if key not in self._objects:
                missing.setdefault(comment.content_type_id, set()).add(comment.object_pk)
        for content_type_id, object_pks in missing.items():
            self._objects.update(
                (key, _light(doc)) for key, doc in _object_documents(content_type_id, object_pks)
            )

    def to_document(self, comment):
        key = (comment.content_type_id, comment.object_pk)
        if key not in self._objects:
            self.prepare([comment])
        target = self._objects[key]
        if target is None:
            return None
        author = comment.user.display_name if comment.user else comment.user_name
        return SearchDocument(
            # The kind ("Commentaire") is shown beside it: in the title, the word would
            # make every comment a result for "commentaire".
            title=gettext("%(author)s sur « %(title)s »")
            % {"author": author, "title": target.title[:TITLE_CHARS]},
            url=comment.url_on(target.url, comment.earlier_threads // THREADS_PER_PAGE + 1),
            body=comment.comment,
            date=comment.submit_date,
            thematiques=target.thematiques,
            territories=target.territories,
            audience=target.audience,
            allowed_group_ids=target.allowed_group_ids,
            allowed_user_ids=target.allowed_user_ids,
        )

    def documents_following(self, changed):
        own = content_type_for(Comment).pk
        targets = {(ct, str(pk)): doc for (ct, pk), doc in changed.items() if ct != own}
        if not targets:
            return [], []
        of_targets = Q()
        for content_type_id, object_pk in targets:
            of_targets |= Q(content_type_id=content_type_id, object_pk=object_pk)
        every = set(Comment.objects.filter(of_targets).values_list("pk", flat=True))
        comments = list(self.get_queryset().filter(of_targets))
        self._objects.update({key: _light(doc) for key, doc in targets.items()})
        documents = [doc for doc in map(self.document, comments) if doc is not None]
        kept = {doc.object_id for doc in documents}
        return documents, [(own, pk) for pk in every - kept]


def _light(document):
    """What a comment copies of its object's document; a rebuild keeps one per commented
    object, so their texts are dropped."""
    return document and dataclasses.replace(document, body="", extra="")


def _object_documents(content_type_id, object_pks):
    """((content type id, object pk), document) of each commented object of this type as
    its registration sees it, the document None when it is not searchable (not
    registered, hidden, unpublished, gone)."""
    registration = registry.for_content_type(content_type_id)
    searchable = registration is not None and registration.model is not Comment
    ids = {pk: int(pk) for pk in object_pks if searchable and str(pk).isdigit()}
    targets = registration.get_queryset().in_bulk(set(ids.values())) if ids else {}
    if targets:
        registration.prepare(list(targets.values()))
    for object_pk in object_pks:
        target = targets.get(ids.get(object_pk))
        document = registration.document(target) if target is not None else None
        yield (content_type_id, object_pk), document
