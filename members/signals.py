from django.db.models.signals import post_save


def create_profile(sender, instance, created, raw=False, **kwargs):
    """Every account has a profile, so templates and forms never meet a missing one."""
    if created and not raw:
        from members.models import Profile

        Profile.objects.get_or_create(user=instance)


def connect():
    from members.models import User

    post_save.connect(create_profile, sender=User, dispatch_uid="members_create_profile")
