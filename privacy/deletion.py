"""Deleting an account erases the person and keeps the contributions: proposals,
comments, debates and the like stay, signed "Compte supprimé" (the author's row stays,
with no personal data left), so that threads and votes keep their meaning."""

import secrets

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils.translation import gettext as _

from privacy.accounts import deleted_email
from privacy.export import user_links
from privacy.registry import erasures

# Copies of the author's identity that kept contributions carry (django-comments stores
# the name, address and IP of each comment's author): blanked, the name replaced.
IDENTITY_COPIES = {"user_email": "", "user_url": "", "ip_address": None}


@transaction.atomic
def delete_account(user):
    """Erase `user`'s personal data; they can no longer log in (the password is unusable,
    which also ends every open session: Django checks its hash on each request)."""
    user = get_user_model()._default_manager.select_for_update().get(pk=user.pk)
    for model, field in erasures():
        model._default_manager.filter(**{field: user}).delete()
    signature = _("Compte supprimé")
    for model, names in user_links().items():
        for name in names:
            rows = model._default_manager.filter(**{name: user})
            if model._meta.get_field(name).one_to_one:
                for row in rows:
                    _blank(row, exclude={name})
            else:
                _erase_identity_copies(model, rows, signature)
    user.email = deleted_email(secrets.token_hex(8))
    # Templates print `display_name`: the kept contributions read "Compte supprimé".
    user.display_name = signature
    user.first_name = ""
    user.last_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def _erase_identity_copies(model, rows, signature):
    names = {field.name for field in model._meta.concrete_fields}
    values = {name: value for name, value in IDENTITY_COPIES.items() if name in names}
    if "user_name" in names:
        values["user_name"] = signature
    if values:
        rows.update(**values)


def _blank(row, exclude):
    """Reset a one-to-one row of the member (their profile) to its empty state: every
    field back to its default, empty or null; many-to-many relations cleared."""
    for field in row._meta.concrete_fields:
        if field.primary_key or field.name in exclude or not field.editable:
            continue
        if field.has_default():
            setattr(row, field.attname, field.get_default())
        elif field.null:
            setattr(row, field.attname, None)
        elif isinstance(field, models.CharField | models.TextField):
            setattr(row, field.attname, "")
    row.save()
    for field in row._meta.many_to_many:
        getattr(row, field.name).clear()
