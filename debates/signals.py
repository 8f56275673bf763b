from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied


def refuse_comments_on_closed_debates(sender, instance, **kwargs):
    """participation lets members comment while the space's phase allows it; a debate
    also takes answers only between its opening and its closing."""
    from debates.models import Debate

    if not instance._state.adding:
        return
    if instance.content_type_id != ContentType.objects.get_for_model(Debate).pk:
        return
    debate = Debate.objects.filter(pk=instance.object_pk).first()
    if debate is not None and not debate.is_open:
        raise PermissionDenied


def connect():
    from django.db.models.signals import pre_save

    from participation.comments.api import Comment

    pre_save.connect(
        refuse_comments_on_closed_debates, sender=Comment, dispatch_uid="debates_closed_comments"
    )
