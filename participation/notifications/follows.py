"""Members follow what modules declared followable: a space, a proposal, a debate, an
event, a thématique, a member."""

from collections import defaultdict

from django.db.models import Q

from maillage import table_versions
from participation.notifications.models import Follow
from participation.utils import content_type_for


def follow(user, obj):
    Follow.objects.get_or_create(user=user, content_type=content_type_for(obj), object_id=obj.pk)


def unfollow(user, obj):
    Follow.objects.of(obj).filter(user=user).delete()


# A member's answer is kept until the table of follows is written; this bounds it.
FOLLOWING_SECONDS = 3600


def is_following(user, obj):
    """Whether `user` follows `obj`: asked by the button of every page that can be
    followed, so kept in the exact cache under the member and the object."""
    if not user.is_authenticated:
        return False
    return table_versions.cached(
        table_versions.key("following", user.pk, content_type_for(obj).pk, obj.pk),
        lambda: Follow.objects.of(obj).filter(user=user).exists(),
        FOLLOWING_SECONDS,
    )


def follow_anchor(obj):
    """The id of `obj`'s follow button, where a follow without JavaScript comes back."""
    return f"follow-{content_type_for(obj).pk}-{obj.pk}"


def follower_ids(*objs):
    """Ids of the members following any of the objects, in one query whatever their
    number (a target, its space, its author, its thématiques and territories)."""
    wanted = defaultdict(set)
    for obj in objs:
        wanted[content_type_for(obj)].add(obj.pk)
    if not wanted:
        return set()
    condition = Q()
    for content_type, pks in wanted.items():
        condition |= Q(content_type=content_type, object_id__in=pks)
    return set(Follow.objects.filter(condition).values_list("user_id", flat=True))


def move_followers(source, destination):
    """The followers of `source` (a merged duplicate) now follow `destination` too."""
    content_type = content_type_for(destination)
    Follow.objects.bulk_create(
        [
            Follow(user_id=pk, content_type=content_type, object_id=destination.pk)
            for pk in Follow.objects.of(source).values_list("user_id", flat=True)
        ],
        ignore_conflicts=True,
    )


def follows_of(user):
    """The member's follows grouped by kind (one query per kind of followed object)."""
    return (
        Follow.objects.filter(user=user)
        .select_related("content_type")
        .prefetch_related("content_object")
        .order_by("content_type__model", "-created_at", "-pk")
    )
