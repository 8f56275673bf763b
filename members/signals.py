from django.db.models.signals import post_migrate, post_save


def create_profile(sender, instance, created, raw=False, **kwargs):
    """Every account has a profile, so templates and forms never meet a missing one."""
    if created and not raw:
        from members.models import Profile

        Profile.objects.get_or_create(user=instance)


def ensure_roles_after_migrate(sender, using="default", **kwargs):
    """Roles are granted after every migrate, once every app's permissions exist (Django
    creates them app by app in this same signal, so make sure of them first)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    from members.roles import ensure_roles

    for config in apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using)
    ensure_roles(Group, Permission)


def connect(app_config):
    from members.models import User

    post_save.connect(create_profile, sender=User, dispatch_uid="members_create_profile")
    post_migrate.connect(
        ensure_roles_after_migrate, sender=app_config, dispatch_uid="members_ensure_roles"
    )
