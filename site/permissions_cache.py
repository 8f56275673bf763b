"""Members' permissions, and the member of each session, kept in the exact cache
(`maillage.table_versions`).

Every member page asks whether the member may open Wagtail's admin (the user bar of the
base template), which costs Django's ModelBackend two queries per request: the member's
own permissions and those of their groups. This backend, first in
AUTHENTICATION_BACKENDS, keeps both sets under the member's id: they are served again
while no table they were read from (permissions, groups, memberships, content types)
has been written, so a role given or taken shows at the next request. The backends after
it (allauth's is a ModelBackend too) find the sets already on the user object.

It also loads the member of each request's session (logins through the site's form are
recorded under this backend): their row is served again while the users table has not
been written, so a member deactivated, renamed or whose password changed is seen as such
at the next request."""

from django.contrib.auth.backends import ModelBackend

from maillage import table_versions

# Exact: the timeout only frees memory.
CACHE_SECONDS = 60 * 60


class CachedPermissionsBackend(ModelBackend):
    def _get_permissions(self, user_obj, obj, from_name):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        attribute = f"_{from_name}_perm_cache"
        if not hasattr(user_obj, attribute):
            key = table_versions.key("permissions", from_name, user_obj.pk, user_obj.is_superuser)
            perms = table_versions.cached(
                key,
                lambda: super(CachedPermissionsBackend, self)._get_permissions(
                    user_obj, obj, from_name
                ),
                CACHE_SECONDS,
            )
            setattr(user_obj, attribute, perms)
        return getattr(user_obj, attribute)

    def get_user(self, user_id):
        return table_versions.cached(
            table_versions.key("session-user", user_id),
            lambda: super(CachedPermissionsBackend, self).get_user(user_id),
            CACHE_SECONDS,
        )
